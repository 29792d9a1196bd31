"""The credits line of the house style, a show's facts and its people in one line:
``2025 | US | DIRECTORS: A, B | CAST: C (Character) | EPISODES: 8``. Parsed and written back here; the
review file around it is reviews.house_style's."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from shows.models import Credit

PEOPLE_KEYS = {role.upper(): role for role in Credit.Role.values}  # DIRECTOR → director
FACT_KEYS = {"DISTRIBUTOR": "distributor", "EPISODES": "episodes", "SEASONS": "seasons",
             "RUNTIME": "runtime_minutes", "LANGUAGE": "languages"}
ALSO_ROLE = re.compile(r"^also\s+(?P<roles>.+)$", re.IGNORECASE)
YEARS = re.compile(r"^(?P<year>\d{4})(?:\s*[–—-]\s*(?P<end>\d{4}))?$")
RUNTIME = re.compile(r"^(?P<minutes>\d{1,4})\s*(?:mins?|minutes?|m)?\.?$", re.IGNORECASE)
NAME_SEPARATOR = re.compile(r"\s+(?:and|&)\s+")

class HouseStyleError(ValueError):
    """What is wrong, where: ``line`` counts from 1; ``field`` names the front-matter key or credits field."""

    def __init__(self, message: str, *, line: int, field: str = ""):
        super().__init__(message)
        self.message, self.line, self.field = message, line, field

    def __str__(self):
        return f"{self.line}: {self.message}"


class HouseStyleErrors(HouseStyleError):
    """Every error found in one text, in line order; to a caller that expects one error, it is the first."""

    def __init__(self, errors: list[HouseStyleError]):
        self.errors = sorted(errors, key=lambda error: error.line)
        first = self.errors[0]
        super().__init__(first.message, line=first.line, field=first.field)


def every_error(error: HouseStyleError) -> list[HouseStyleError]:
    return list(getattr(error, "errors", [error]))


def raise_all(errors: list[HouseStyleError]) -> None:
    """Raise what was found: nothing, the one error, or all of them together."""
    found = [one for error in errors for one in every_error(error)]
    if len(found) == 1:
        raise found[0]
    if found:
        raise HouseStyleErrors(found)


def did_you_mean(word: str, known) -> str:
    """“ — did you mean DIRECTOR?” for a near miss, else nothing."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.7)
    return f" — did you mean {close[0]}?" if close else ""


@dataclass(frozen=True)
class CreditEntry:
    role: str
    name: str
    character: str = ""
    note: str = ""
    order: int = 0  # billing order within the role, from 1


@dataclass(frozen=True)
class Credits:
    year: int
    end_year: int | None
    countries: str
    facts: dict = field(default_factory=dict)  # model field name → value
    people: tuple[CreditEntry, ...] = ()

    @property
    def kind(self) -> str | None:
        if "episodes" in self.facts or "seasons" in self.facts:
            return "series"
        if "runtime_minutes" in self.facts:
            return "film"
        return None



def clean_name(name: str) -> str:
    """Spaces tidied and one Unicode form (NFC); every character otherwise kept exactly as credited."""
    return " ".join(unicodedata.normalize("NFC", name).split())


# --- the credits line ------------------------------------------------------------------


def split_outside_parentheses(text: str, separator: str = ",") -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def role_for_key(key: str) -> tuple[str, str] | None:
    """("people", role) or ("fact", field) for a key, singular or plural, or None."""
    for stem, target in PEOPLE_KEYS.items():
        if key in (stem, f"{stem}S"):
            return "people", target
    for stem, target in FACT_KEYS.items():
        if key in (stem, f"{stem}S"):
            return "fact", target
    return None


def parse_people(value: str, role: str, *, line: int, key: str) -> list[CreditEntry]:
    """``A and B (also creators), C`` → credits; in CAST a parenthesis gives the character."""
    entries = []
    for group in split_outside_parentheses(value):
        group = group.strip()
        if not group:
            raise HouseStyleError(f"{key} has an empty name between commas.", line=line, field=key)
        if group.count("(") != group.count(")"):
            raise HouseStyleError(f"{key}: unbalanced parenthesis in “{group}”.", line=line, field=key)
        aside = ""
        match = re.fullmatch(r"(?P<names>[^()]+?)\s*\((?P<aside>[^()]*)\)", group)
        if match:
            group, aside = match["names"], match["aside"].strip()
        elif "(" in group:
            raise HouseStyleError(f"{key}: a parenthesis must close its group, as in “A and B (also creators)”.",
                                  line=line, field=key)
        names = [clean_name(name) for name in NAME_SEPARATOR.split(group)]
        if not all(names):
            raise HouseStyleError(f"{key} has an empty name in “{group}”.", line=line, field=key)
        also = ALSO_ROLE.match(aside) if role != "cast" else None
        extra_roles = []
        if also:
            for word in re.split(r"\s*(?:,|\band\b|&)\s*", also["roles"]):
                found = role_for_key(word.strip().upper())
                if not found or found[0] != "people":
                    raise HouseStyleError(f"{key}: “also {word.strip()}” is not a credit this magazine knows.",
                                          line=line, field=key)
                extra_roles.append(found[1])
        for name in names:
            if role == "cast":
                entries.append(CreditEntry(role, name, character=aside))
            else:
                entries.append(CreditEntry(role, name, note="" if also else aside))
            entries.extend(CreditEntry(extra, name) for extra in extra_roles)
    return entries


def parse_fact(target: str, value: str, *, line: int, key: str):
    if target in ("episodes", "seasons"):
        if not value.isdigit() or int(value) == 0:
            raise HouseStyleError(f"{key} must be a whole number, not “{value}”.", line=line, field=key)
        return int(value)
    if target == "runtime_minutes":
        match = RUNTIME.match(value)
        if not match or int(match["minutes"]) == 0:
            raise HouseStyleError(f"RUNTIME must be minutes, as in “104 mins”, not “{value}”.", line=line, field=key)
        return int(match["minutes"])
    return value


KNOWN_KEYS = [*PEOPLE_KEYS, *(f"{key}S" for key in PEOPLE_KEYS), *FACT_KEYS, *(f"{key}S" for key in FACT_KEYS)]


def parse_years(text: str, *, line: int) -> tuple[int, int | None]:
    years = YEARS.match(text)
    if not years:
        raise HouseStyleError(f"The credits line must start with a year or a span (2025, 2019–2023), not “{text}”.",
                              line=line, field="year")
    year, end_year = int(years["year"]), int(years["end"]) if years["end"] else None
    if end_year is not None and end_year < year:
        raise HouseStyleError(f"The span {text} ends before it starts.", line=line, field="year")
    return year, end_year


def key_of(part: str, *, line: int) -> tuple[str, tuple[str, str], str]:
    """A ``KEY: value`` field's key, what it credits and its value; near misses get a suggestion."""
    key, colon, value = part.partition(":")
    key, value = key.strip(), value.strip()
    if not colon:
        raise HouseStyleError(f"“{part}” is not a KEY: value field.", line=line, field="credits")
    if not key.isupper():
        hint = f" — did you mean {key.upper()}?" if role_for_key(key.upper()) else did_you_mean(key.upper(), KNOWN_KEYS)
        raise HouseStyleError(f"“{part}” is not a KEY: value field (keys are in capitals){hint}", line=line,
                              field="credits")
    found = role_for_key(key)
    if not found:
        raise HouseStyleError(f"Unknown key {key}{did_you_mean(key, KNOWN_KEYS) or '.'}", line=line, field=key)
    if not value:
        raise HouseStyleError(f"{key} is empty.", line=line, field=key)
    return key, found, value


def parse_credits_line(text: str, *, line: int = 1) -> Credits:
    """The line's facts and people; every field's error at once (HouseStyleErrors) when more than one is wrong."""
    fields = [part.strip() for part in text.strip().split(" | ")]
    if len(fields) < 2:
        raise HouseStyleError("No credits line: the last line should read “2025 | US | DIRECTOR: … | …”.",
                              line=line, field="credits")
    errors: list[HouseStyleError] = []
    year, end_year = 0, None
    try:
        year, end_year = parse_years(fields[0], line=line)
    except HouseStyleError as error:
        errors.append(error)
    countries = fields[1]
    if not countries or ":" in countries:
        errors.append(HouseStyleError("The second field must be the country or countries, as in “US” or "
                                      "“UK/Ireland”.", line=line, field="countries"))
    facts, people, seen = {}, [], set()
    for part in fields[2:]:
        try:
            key, found, value = key_of(part, line=line)
            if found[1] in seen:
                raise HouseStyleError(f"{key} appears twice.", line=line, field=key)
            seen.add(found[1])
            if found[0] == "fact":
                facts[found[1]] = parse_fact(found[1], value, line=line, key=key)
            else:
                people.extend(parse_people(value, found[1], line=line, key=key))
        except HouseStyleError as error:
            errors.append(error)
    raise_all(errors)
    return Credits(year, end_year, countries, facts, tuple(number_by_role(people)))


def number_by_role(entries: list[CreditEntry]) -> list[CreditEntry]:
    counts: dict[str, int] = {}
    numbered = []
    for entry in entries:
        counts[entry.role] = counts.get(entry.role, 0) + 1
        numbered.append(CreditEntry(entry.role, entry.name, entry.character, entry.note, counts[entry.role]))
    return numbered


ROLE_KEYS = {role: stem for stem, role in PEOPLE_KEYS.items()}
PLURAL_ONLY = {"cast", "music", "cinematography"}


def format_people(role: str, entries: list[CreditEntry]) -> str:
    key = ROLE_KEYS[role] + ("S" if len(entries) > 1 and role not in PLURAL_ONLY else "")
    names = [f"{e.name} ({e.character or e.note})" if (e.character or e.note) else e.name for e in entries]
    return f"{key}: {', '.join(names)}"


def format_credits_line(credits: Credits) -> str:
    years = f"{credits.year}–{credits.end_year}" if credits.end_year else str(credits.year)
    fields = [years, credits.countries]
    for role in PEOPLE_KEYS.values():
        entries = sorted((e for e in credits.people if e.role == role), key=lambda e: e.order)
        if entries:
            fields.append(format_people(role, entries))
    facts = credits.facts
    if facts.get("distributor"):
        fields.append(f"DISTRIBUTOR: {facts['distributor']}")
    for key, name in (("EPISODES", "episodes"), ("SEASONS", "seasons")):
        if facts.get(name):
            fields.append(f"{key}: {facts[name]}")
    if facts.get("runtime_minutes"):
        fields.append(f"RUNTIME: {facts['runtime_minutes']} mins")
    if facts.get("languages"):
        fields.append(f"LANGUAGE{'S' if ',' in facts['languages'] else ''}: {facts['languages']}")
    return " | ".join(fields)


def line_error(error: HouseStyleError) -> str:
    """The error as a form shows it, with the line it was found on."""
    return f"Line {error.line}: {error.message}"


def line_errors(error: HouseStyleError) -> list[str]:
    """Every error of the text, as a form shows them."""
    return [line_error(one) for one in every_error(error)]
