"""What an import will write, read from the export and checked before a single row is written."""

from dataclasses import dataclass, field
from graphlib import TopologicalSorter

from django.core.exceptions import ValidationError
from taggit.models import Tag

from backups.files import Export
from backups.layout import TAGS, BackupError, items_file
from backups.records import Entry, Reader, pointers
from backups.references import check_references
from editorial import registry


@dataclass
class Plan:
    tags: list[Tag]
    entries: list[Entry]  # what an item points to comes before it
    pictures: dict[str, str] = field(default_factory=dict)  # name in the media store → file in the export


def in_dependency_order(found: list[type]) -> list[type]:
    graph = {model: {f.related_model for f in pointers(model).values() if f.related_model in found} for model in found}
    return list(TopologicalSorter(graph).static_order())


def content_types(export: Export) -> dict[type, dict]:
    registered = {model._meta.label_lower: model for model in registry.models()}
    found = {}
    for entry in export.manifest["content"]:
        model = registered.get(entry.get("type"))
        if model is None:
            raise BackupError("manifest.json", f"names the content type {entry.get('type')!r}, which this "
                                               "magazine does not have; importing would lose its items.")
        if entry.get("file") != items_file(model):
            raise BackupError("manifest.json", f"keeps {model._meta.label_lower} in {entry.get('file')!r}, "
                                               f"not {items_file(model)}.")
        found[model] = entry
    return found


def read_tags(export: Export) -> list[Tag]:
    tags, names, slugs = [], set(), set()
    for line, record in export.json_lines(TAGS):
        tag = Tag(name=record.get("name"), slug=record.get("slug"))
        try:
            tag.full_clean(validate_unique=False)
        except ValidationError as error:
            raise BackupError(TAGS, "; ".join(error.messages), line=line) from None
        if tag.name.casefold() in names or tag.slug in slugs:
            raise BackupError(TAGS, f"the tag “{tag.name}” ({tag.slug}) is there twice.", line=line)
        names.add(tag.name.casefold())
        slugs.add(tag.slug)
        tags.append(tag)
    return tags


def read_plan(export: Export, *, bar) -> Plan:
    found = content_types(export)
    reader, entries = Reader(export), []
    for model in in_dependency_order(list(found)):
        path = found[model]["file"]
        lines = export.json_lines(path)
        if found[model].get("count") != len(lines):
            raise BackupError(path, f"holds {len(lines)} items; manifest.json says {found[model].get('count')}.")
        with bar(str(model._meta.verbose_name_plural), len(lines)) as progress:  # each picture is checked here
            for line, record in lines:
                entries.append(reader.entry(model, record, path=path, line=line))
                progress.update(1)
    tags = read_tags(export)
    check_references(entries, tags)
    return Plan(tags, entries, reader.pictures)
