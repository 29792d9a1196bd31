"""Checks across the whole export: ids and slugs are unique, and everything an item names is in it."""

from taggit.models import Tag

from backups import kinds
from backups.layout import TAGS, BackupError
from backups.records import Entry, fields_of, pointers
from editorial import registry
from reviews.house_style import HouseStyleError


def check_references(entries: list[Entry], tags: list[Tag]) -> None:
    """Ids and slugs are unique, and everything an item names is in the export."""
    by_id: dict[type, dict[int, Entry]] = {model: {} for model in registry.models()}
    slugs: dict[type, set] = {model: set() for model in registry.models()}
    for entry in entries:
        if entry.item.pk in by_id[entry.model]:
            raise BackupError(entry.path, f"a second item with the id {entry.item.pk}.", line=entry.line)
        if entry.item.slug in slugs[entry.model]:
            raise BackupError(entry.path, f"a second item with the slug “{entry.item.slug}”.", line=entry.line)
        by_id[entry.model][entry.item.pk] = entry
        slugs[entry.model].add(entry.item.slug)
    ids = {model: set(found) for model, found in by_id.items()}
    tag_names = {tag.name.casefold() for tag in tags}
    for entry in entries:
        old = set(entry.record.get("old_slugs", []))
        if old & slugs[entry.model]:
            raise BackupError(entry.path, f"the old slug “{min(old & slugs[entry.model])}” is an item's current "
                                          "slug.", line=entry.line)
        slugs[entry.model] |= old
        for data in (entry.data, *([entry.working_copy["data"]] if entry.working_copy else [])):
            problem = references_problem(entry.model, data, ids)
            if problem:
                raise BackupError(entry.path, problem, line=entry.line)
        missing = [tag for tag in entry.data.get("tags", []) if tag.casefold() not in tag_names]
        if missing:
            raise BackupError(entry.path, f"the tag “{missing[0]}” is not in {TAGS}.", line=entry.line)
        if entry.text:
            check_text(entry, by_id)


def references_problem(model, data: dict, ids: dict) -> str | None:
    for name, pointer in pointers(model).items():
        value, target = data.get(name), pointer.related_model
        if value is None and not pointer.null:
            return f"“{name}” is empty; it must name one of the {target._meta.verbose_name_plural}."
        if value is not None and value not in ids.get(target, ()):
            return f"“{name}” is {value}, which is not one of the {target._meta.verbose_name_plural} in the export."
    for key, value in data.items():
        if key not in fields_of(model) and key != "tags":
            problem = kinds.extras_problem(model, key, value, ids)
            if problem:
                return problem
    return None


def check_text(entry: Entry, by_id: dict) -> None:
    """The house-style file must name what the record points to."""
    name, text, front = entry.text

    def referenced(field_name: str):
        model_field = entry.model._meta.get_field(field_name)
        target = by_id[model_field.related_model].get(getattr(entry.item, model_field.attname))
        return target.item if target else None

    try:
        kinds.TEXT[entry.model].check_references(text, front, referenced)
    except HouseStyleError as error:
        raise BackupError(name, error.message, line=error.line) from None
