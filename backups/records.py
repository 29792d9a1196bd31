"""One line of an export's JSON Lines file made into an item, built (not saved) and checked as the model checks
its fields, with its house-style text, its pictures, its working copy and who made it when."""

import json
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_unicode_slug
from django.db import connection, models

from backups import kinds
from backups.files import Export
from backups.layout import BackupError, media_file, moment
from editorial.drafts import field_value
from editorial.models import Changes, EditorialModel, Status
from editorial.revisions import content_fields
from editorial.slugs import OldSlug
from reviews.house_style import HouseStyleError


@dataclass
class Entry:
    """One item of the export, built (not saved) and checked."""

    model: type
    item: EditorialModel
    data: dict  # its content as a revision keeps it: fields, tags and extras
    record: dict
    path: str
    line: int
    working_copy: dict | None = None
    stamps: dict = field(default_factory=dict)  # created_at, updated_at, created_by, updated_by
    text: tuple[str, str, dict] | None = None  # (file, text, front matter) of a content type with a text format

    def extras(self) -> dict:
        return {key: value for key, value in self.data.items() if key not in fields_of(self.model)}


def fields_of(model) -> dict[str, models.Field]:
    return {f.attname: f for f in content_fields(model)}


def has_tags(model) -> bool:
    return any(f.name == "tags" for f in model._meta.get_fields())


def pointers(model) -> dict[str, models.Field]:
    """The content fields that point to another item (a review's show): attname → field."""
    return {f.attname: f for f in content_fields(model) if f.is_relation}


def describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(" ".join(messages) if name == NON_FIELD_ERRORS else f"{name}: {' '.join(messages)}"
                         for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def largest_id(model) -> int:
    """The largest id the database holds in the model's id column."""
    return connection.ops.integer_field_range(model._meta.pk.get_internal_type())[1] or 2**63 - 1


class Reader:
    """Builds the entries of one export, remembering the pictures they need."""

    def __init__(self, export: Export):
        self.export, self.pictures, self.sizes = export, {}, {}

    def picture(self, name: str, *, path: str, line: int) -> tuple[int, int]:
        if name not in self.sizes:
            self.sizes[name] = self.export.picture_size(name, named_by=f"{path}:{line}")
            self.pictures[name] = media_file(name)
        return self.sizes[name]

    def values(self, model, data: dict, *, path: str, line: int) -> dict:
        """The model's field values from ``data`` (a revision's form); every other key must be an extra."""
        known, values = fields_of(model), {}
        for name, value in data.items():
            if name == "tags":
                if not has_tags(model):
                    raise BackupError(path, f"{model._meta.verbose_name_plural} have no tags.", line=line)
                if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
                    raise BackupError(path, "“tags” must be a list of tag names.", line=line)
            if name not in known:
                continue
            model_field = known[name]
            if value is None and not model_field.null and not model_field.is_relation:  # pointers: checked later
                raise BackupError(path, f"{name}: may not be null.", line=line)
            if isinstance(model_field, models.FileField) and not isinstance(value, str):
                raise BackupError(path, f"{name}: must be the file's name in the media store.", line=line)
            try:
                values[name] = field_value(model_field, value)
            except ValidationError as error:
                raise BackupError(path, f"{name}: {' '.join(error.messages)}", line=line) from None
            except (TypeError, ValueError, OverflowError):  # a value of another kind altogether (a list for a date)
                raise BackupError(path, f"{name}: {json.dumps(value, ensure_ascii=False)[:80]} is not a value "
                                        f"of this field.", line=line) from None
            if isinstance(model_field, models.DateTimeField) and value is not None:
                moment(value, path=path, line=line, what=name)
            if isinstance(model_field, models.FileField) and values[name]:
                self.picture(values[name], path=path, line=line)
        for name in kinds.pictures_in_extras(model, data):
            self.picture(name, path=path, line=line)
        return values

    def entry(self, model, record: dict, *, path: str, line: int) -> Entry:
        pk, data = record.get("id"), record.get("fields")
        if not isinstance(data, dict):
            raise BackupError(path, "each line needs an “id” (a whole number) and “fields” (an object).", line=line)
        highest = largest_id(model)
        if type(pk) is not int or not 1 <= pk <= highest:
            raise BackupError(path, f"“id” must be a whole number from 1 to {highest}, not "
                                    f"{json.dumps(pk, ensure_ascii=False)}.", line=line)
        entry = Entry(model, None, data, record, path, line)
        if record.get("text") is not None:
            if model not in kinds.TEXT or not isinstance(record["text"], str):
                raise BackupError(path, f"“text” must name the house-style file of one of the "
                                        f"{model._meta.verbose_name_plural}, if they have one.", line=line)
            name, text = record["text"], self.export.text(record["text"])
            try:
                held, front = kinds.TEXT[model].held_by(text)
            except HouseStyleError as error:
                raise BackupError(name, error.message, line=error.line) from None
            entry.text = (name, text, front)
            entry.data = data = {**held, **data}  # the record wins where it keeps a field
        values = self.values(model, data, path=path, line=line)
        if not values.get("slug"):
            raise BackupError(path, "the item has no slug; its address would change.", line=line)
        dimensions = {}
        for image in (f for f in model._meta.fields if isinstance(f, models.ImageField) and values.get(f.attname)):
            dimensions[image.width_field], dimensions[image.height_field] = \
                self.picture(values[image.attname], path=path, line=line)
        entry.item = item = model(pk=pk, **values, **dimensions)
        item.corrections = self.corrections(record.get("corrections", []), path=path, line=line)
        files = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        too_long = [f.name for f in files if len(values.get(f.attname) or "") > f.max_length]
        if too_long:
            raise BackupError(path, f"{too_long[0]}: the file name is too long.", line=line)
        try:  # pointers are checked against the export, pictures were checked above (cleaning one reads the store)
            item.full_clean(exclude=[f.name for f in [*pointers(model).values(), *files]], validate_unique=False)
        except ValidationError as error:
            raise BackupError(path, describe(error), line=line) from None
        entry.stamps = self.stamps(record, path=path, line=line)
        entry.working_copy = self.working_copy(entry)
        return entry

    def corrections(self, value, *, path: str, line: int) -> list:
        if not isinstance(value, list) or not all(isinstance(c, dict) and isinstance(c.get("note"), str)
                                                  for c in value):
            raise BackupError(path, "“corrections” must be a list of {\"at\": …, \"note\": …}.", line=line)
        for correction in value:
            moment(correction.get("at"), path=path, line=line, what="a correction's “at”")
        return value

    def stamps(self, record: dict, *, path: str, line: int) -> dict:
        stamps = {}
        for name in ("created_at", "updated_at"):
            if record.get(name) is not None:
                stamps[name] = moment(record[name], path=path, line=line, what=name)
        for name in ("created_by", "updated_by"):
            if not isinstance(record.get(name), str | None):
                raise BackupError(path, f"“{name}” must be a user name or null.", line=line)
            stamps[name] = record.get(name)
        old, longest = record.get("old_slugs", []), OldSlug._meta.get_field("slug").max_length
        try:
            if not isinstance(old, list):
                raise TypeError
            for slug in old:
                validate_unicode_slug(slug)
                if len(slug) > longest:
                    raise ValidationError("too long")
        except (ValidationError, TypeError):
            raise BackupError(path, f"“old_slugs” must be a list of slugs of up to {longest} characters.",
                              line=line) from None
        return stamps

    def working_copy(self, entry: Entry) -> dict | None:
        copy, path, line = entry.record.get("working_copy"), entry.path, entry.line
        if copy is None:
            return None
        if not isinstance(copy, dict) or copy.get("changes") not in Changes.values or not copy["changes"] \
                or not isinstance(copy.get("data"), dict) or not isinstance(copy.get("correction", ""), str):
            raise BackupError(path, "“working_copy” must hold “changes” (draft, in_review or scheduled), “data”, "
                                    "“go_live_at” and “correction”.", line=line)
        if entry.item.status != Status.PUBLISHED:
            raise BackupError(path, "only a published item has a working copy; this one is "
                                    f"{entry.item.status}.", line=line)
        go_live_at = moment(copy.get("go_live_at"), path=path, line=line, what="the working copy's go_live_at")
        if (copy["changes"] == Changes.SCHEDULED) != (go_live_at is not None):
            raise BackupError(path, "a scheduled working copy, and only one, has a “go_live_at”.", line=line)
        self.values(entry.model, copy["data"], path=path, line=line)
        return {**copy, "go_live_at": go_live_at}
