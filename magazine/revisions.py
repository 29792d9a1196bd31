"""Every save of a review, show or person keeps a revision; any two can be compared; any can be restored."""

import difflib
from datetime import datetime
from decimal import Decimal

from django.db import models, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

from magazine.editorial import Status

NOT_CONTENT = {"id", "version", "created_at", "updated_at", "created_by", "updated_by", "image_renditions",
               "image_width", "image_height", "match_key"}


def content_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in NOT_CONTENT]


def plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "storage"):  # a file: its stored name
        return value.name or ""
    return value


def snapshot(item) -> dict:
    data = {field.attname: plain(getattr(item, field.attname)) for field in content_fields(type(item))}
    if hasattr(item, "tags"):
        data["tags"] = sorted(item.tags.names())
    data.update(item.revision_extras())
    return data


def record(item, *, by):
    from magazine.models import Revision

    return Revision.objects.create(item=item, version=item.version, status=item.status, data=snapshot(item),
                                   created_by=by)


def labels(model) -> dict[str, str]:
    found = {field.attname: str(field.verbose_name) for field in content_fields(model)}
    return {**found, "tags": "tags", "credits": "credits"}


def words_diff(old: str, new: str) -> str:
    """The new text with deletions struck out and insertions marked, word by word."""
    before, after = str(old).split(" "), str(new).split(" ")
    html = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            html.append(f"<del>{escape(' '.join(before[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            html.append(f"<ins>{escape(' '.join(after[b1:b2]))}</ins>")
        if op == "equal":
            html.append(escape(" ".join(before[a1:a2])))
    return " ".join(html)


def as_text(value) -> str:
    if isinstance(value, dict) and "role" in value:  # a credit
        return f"{value['name']}, {value['role']}" + (f" ({value['character']})" if value.get("character") else "")
    if isinstance(value, list):
        return "\n".join(as_text(v) for v in value)
    return "" if value is None else str(value)


def diff(model, old: dict, new: dict) -> list[tuple[str, str]]:
    """[(field label, HTML of the change), ...] for the fields that differ between two snapshots."""
    names = labels(model)
    changes = []
    for key in names:
        if old.get(key) != new.get(key):
            lines_old, lines_new = as_text(old.get(key)).split("\n"), as_text(new.get(key)).split("\n")
            rows = []
            for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=lines_old, b=lines_new).get_opcodes():
                if op == "equal":
                    continue
                old_part, new_part = "\n".join(lines_old[a1:a2]), "\n".join(lines_new[b1:b2])
                rows.append(words_diff(old_part, new_part))
            changes.append((names[key], mark_safe("<br>".join(rows))))
    return changes


@transaction.atomic
def restore(item, revision, *, by):
    """Put the revision's content back as a draft. Restoring never publishes: a live item goes back to draft."""
    data = revision.data
    for field in content_fields(type(item)):
        if field.attname in data and field.attname not in ("status", "published_at"):
            value = data[field.attname]
            if isinstance(field, models.FileField):
                value = value or None
            setattr(item, field.attname, field.to_python(value) if value is not None else None)
    item.status, item.published_at, item.updated_by = Status.DRAFT, None, by
    item.full_clean(exclude=["slug"])
    item.save()
    if "tags" in data and hasattr(item, "tags"):
        item.tags.set(data["tags"])
    item.restore_extras(data)
    return record(item, by=by)
