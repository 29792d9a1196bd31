"""The draft: what editors work on, kept in one place.

Every edit (the change form, autosave, an import, a restore, the queue) becomes the item's newest revision through
``save``, whatever the item's state. Nothing else decides where a draft goes:

- a published item's row is what readers see, so its draft waits in that revision (``pending_changes`` says there
  is one, so lists need no extra query) until publishing copies it into the row, in one transaction;
- before its first publication nobody reads an item's row, so the row follows the draft: ``save`` writes both.

``content_of`` is what an editor opens, whichever it is.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F

from editorial.models import Changes, EditorialModel, Revision, Status
from editorial.revisions import content_fields, snapshot

NOT_APPLIED = {"status", "published_at"}  # when an item goes live is the workflow's, not the content's


def save(item: EditorialModel, data: dict, *, by, to: str = Status.DRAFT) -> Revision:
    """``data`` becomes the item's newest revision, a draft or (``to``) in review. An unsaved item is created."""
    if item.pk is not None and item.status == Status.PUBLISHED:
        return keep_apart(item, data, by=by, changes=Changes(to))
    if item.pk is None:
        item.created_by = item.created_by or by
    overlay(item, data, planned=True)  # until it is published, when it is planned to go live is the draft's
    apply(item, data, status=Status(to), by=by)
    return record(item, by=by)


def record(item: EditorialModel, *, by) -> Revision:
    """A revision of the item as its row stands."""
    return Revision.objects.create(item=item, version=item.version, status=item.status, data=snapshot(item),
                                   created_by=by)


def move(item: EditorialModel, to: str, *, by) -> None:
    """The draft as it stands goes into review, or back to draft."""
    if item.status != Status.PUBLISHED:
        item.status, item.updated_by = to, by
        item.save(update_fields=["status", "updated_by", "updated_at"])
        record(item, by=by)
    elif item.pending_changes:
        mark(item, Changes(to))
    else:
        raise ValidationError("There are no unpublished changes to submit.", code="nothing_to_submit")


def keep_apart(item: EditorialModel, data: dict, *, by, changes: str) -> Revision:
    """A published item's draft: its row keeps what readers see (only its version moves)."""
    model = type(item)
    model._default_manager.filter(pk=item.pk).update(version=F("version") + 1, pending_changes=changes)
    item.version = model._default_manager.values_list("version", flat=True).get(pk=item.pk)
    item.pending_changes = changes
    Revision.of(item).filter(go_live_at__isnull=False).update(go_live_at=None)  # a newer draft replaces a scheduled one
    return Revision.objects.create(item=item, version=item.version, status=changes, data=data, created_by=by)


def pending_revision(item: EditorialModel) -> Revision | None:
    """The draft of a published item, when it differs from what readers see."""
    if not item.pending_changes:
        return None
    return Revision.of(item).order_by("-version", "-pk").first()


def content_of(item: EditorialModel) -> dict:
    """What an editor opens: the draft, from its revision when it is kept apart from the row, else the row."""
    revision = pending_revision(item)
    return revision.data if revision else snapshot(item)


def kept_apart(item: EditorialModel) -> dict | None:
    """The draft when a revision holds it apart from the row (a published item's changes); None when the row is it."""
    revision = pending_revision(item)
    return revision.data if revision else None


def mark(item: EditorialModel, changes: str) -> None:
    """Move a published item's draft between draft, in review and scheduled, without a new revision."""
    type(item)._default_manager.filter(pk=item.pk).update(pending_changes=changes)
    item.pending_changes = changes


def field_value(field, value):
    if isinstance(field, models.FileField):
        value = value or None
    return field.to_python(value) if value is not None else None


def overlay(item: EditorialModel, data: dict, *, planned: bool = False) -> EditorialModel:
    """Set the item's own fields from ``data``, in memory only (tags and inlines are read from ``data``);
    ``planned``: its publication time too."""
    skipped = {"status"} if planned else NOT_APPLIED
    for field in content_fields(type(item)):
        if field.attname in data and field.attname not in skipped:
            setattr(item, field.attname, field_value(field, data[field.attname]))
    return item


def apply(item: EditorialModel, data: dict, *, status: str | None = None, by=None) -> None:
    """Write ``data`` into the rows: the item's fields, its tags and what ``restore_extras`` keeps. Publishing
    calls it with the draft; ``save`` calls it for an item that is not published."""
    overlay(item, data)
    if status is not None:
        item.status = status
    if by is not None:
        item.updated_by = by
    item.full_clean(exclude=None if item.slug else ["slug"])  # a slug another item took since is refused here
    item.save()
    if "tags" in data and hasattr(item, "tags"):
        item.tags.set(data["tags"])
    item.restore_extras(data)
