"""Live and working copies.

The row of a published item holds what readers see. While someone works on it, their changes are
a working copy: the newest revision, newer than what is live (``pending_changes`` says so on the
row, so lists need no extra query). Saving a working copy never touches the row; publishing copies
it into the row in one transaction. An unpublished item has no live version: its row is its draft.
"""

from django.db import models
from django.db.models import F

from editorial.models import Changes, EditorialModel, Revision
from editorial.revisions import content_fields, snapshot

NOT_APPLIED = {"status", "published_at"}  # when an item goes live is the workflow's, not the content's


def working_revision(item: EditorialModel) -> Revision | None:
    if not item.pending_changes:
        return None
    return Revision.of(item).order_by("-version", "-pk").first()


def content_of(item: EditorialModel) -> dict:
    """What an editor edits: the working copy when there is one, else the item as it stands."""
    revision = working_revision(item)
    return revision.data if revision else snapshot(item)


def field_value(field, value):
    if isinstance(field, models.FileField):
        value = value or None
    return field.to_python(value) if value is not None else None


def overlay(item: EditorialModel, data: dict) -> EditorialModel:
    """Set the item's own fields from ``data``, in memory only (tags and inlines are read from ``data``)."""
    for field in content_fields(type(item)):
        if field.attname in data and field.attname not in NOT_APPLIED:
            setattr(item, field.attname, field_value(field, data[field.attname]))
    return item


def apply(item: EditorialModel, data: dict) -> None:
    """Write ``data`` into the rows: the item's fields, its tags and what ``restore_extras`` keeps."""
    overlay(item, data)
    item.full_clean(exclude=None if item.slug else ["slug"])  # a slug another item took since is refused here
    item.save()
    if "tags" in data and hasattr(item, "tags"):
        item.tags.set(data["tags"])
    item.restore_extras(data)


def write(item: EditorialModel, data: dict, *, by, changes: str = Changes.DRAFT) -> Revision:
    """Save ``data`` as the item's working copy; the row keeps what readers see (only its version moves)."""
    model = type(item)
    model._default_manager.filter(pk=item.pk).update(version=F("version") + 1, pending_changes=changes)
    item.version = model._default_manager.values_list("version", flat=True).get(pk=item.pk)
    item.pending_changes = changes
    Revision.of(item).filter(go_live_at__isnull=False).update(go_live_at=None)  # a newer copy replaces a scheduled one
    return Revision.objects.create(item=item, version=item.version, status=changes, data=data, created_by=by)


def mark(item: EditorialModel, changes: str) -> None:
    """Move the working copy between draft and in review without a new revision."""
    type(item)._default_manager.filter(pk=item.pk).update(pending_changes=changes)
    item.pending_changes = changes
