"""Every save of an editorial item keeps a revision; any two can be compared; any can be restored."""

import difflib
from datetime import datetime
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from editorial import text

NOT_CONTENT = {"id", "version", "created_at", "updated_at", "created_by", "updated_by", "image_renditions",
               "image_width", "image_height", "match_key", "pending_changes", "corrections", "subject_suffix"}


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


def fields_of(item) -> dict:
    return {field.attname: plain(getattr(item, field.attname)) for field in content_fields(type(item))}


def snapshot(item) -> dict:
    data = fields_of(item)
    if hasattr(item, "tags"):
        data["tags"] = sorted(item.tags.names())
    data.update(item.revision_extras())
    return data


def labels(model) -> dict[str, str]:
    found = {field.attname: str(field.verbose_name) for field in content_fields(model)}
    return {**found, "tags": "tags", "credits": "credits", "season_rows": "seasons", "episode_rows": "episodes",
            "unlinked": "names marked “not this one”"}


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
    if isinstance(value, dict) and "season" in value:  # an episode
        return f"{value['season']}×{value['number']:02d} {value.get('title') or ''}".rstrip()
    if isinstance(value, dict) and "number" in value:  # a season
        return f"Season {value['number']}" + "".join(f", {value[name]}" for name in ("year", "episodes", "trailer")
                                                      if value.get(name))
    if isinstance(value, list):
        return "\n".join(as_text(v) for v in value)
    return "" if value is None else "\n".join(text.lines(str(value)))  # browsers send \r\n


def readable(field, value):
    """A snapshot's value as an editor reads it: a time as “3 Dec 2026, 09:00”, not an ISO timestamp."""
    if isinstance(field, models.DateTimeField) and value:
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return value
        return date_format(timezone.localtime(moment) if timezone.is_aware(moment) else moment, "j M Y, H:i")
    return value


def diff(model, old: dict, new: dict) -> list[tuple[str, str]]:
    """[(field label, HTML of the change), ...] for the fields that differ between two snapshots."""
    names = labels(model)
    fields = {field.attname: field for field in content_fields(model)}
    changes = []
    for key in names:
        if old.get(key) != new.get(key):
            before, after = readable(fields.get(key), old.get(key)), readable(fields.get(key), new.get(key))
            if isinstance(fields.get(key), models.DateTimeField):  # a time is replaced whole, never word by word
                changes.append((names[key], format_html("<del>{}</del> <ins>{}</ins>", before or "none",
                                                        after or "none")))
                continue
            lines_old, lines_new = as_text(before).split("\n"), as_text(after).split("\n")
            rows = []
            for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=lines_old, b=lines_new).get_opcodes():
                if op == "equal":
                    continue
                old_part, new_part = "\n".join(lines_old[a1:a2]), "\n".join(lines_new[b1:b2])
                rows.append(words_diff(old_part, new_part))
            changes.append((names[key], mark_safe("<br>".join(rows))))
    return changes
