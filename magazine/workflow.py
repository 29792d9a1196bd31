"""Who may move an item between states, and the moves themselves.

Writers draft and submit; editors (holders of ``publish_<model>``) also
publish, schedule and unpublish. Every route into a state change — the change
form, the admin actions, the importer — asks these functions.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from magazine.editorial import EditorialModel, Status
from magazine.models import AuditEntry


def can_publish(user, model: type[EditorialModel]) -> bool:
    return bool(user and user.has_perm(model.publish_permission()))


def can_edit(user, item: EditorialModel) -> bool:
    """A published or scheduled item changes only in an editor's hands: an edit to it is public."""
    return item.status != Status.PUBLISHED or can_publish(user, type(item))


def check_change(user, item: EditorialModel, *, was: str | None, to: str) -> None:
    """Raise ValidationError when ``user`` may not move ``item`` from status ``was`` to ``to``."""
    if can_publish(user, type(item)):
        return
    if was == Status.PUBLISHED:
        raise ValidationError(
            "This %(kind)s is published; only an editor can change or unpublish it.",
            code="published_is_locked",
            params={"kind": item._meta.verbose_name},
        )
    if to == Status.PUBLISHED:
        raise ValidationError(
            "Only an editor can publish or schedule. Save it as a draft or submit it for review.",
            code="writer_cannot_publish",
        )


def audit_action(*, was: str | None, was_at, to: str, at) -> str | None:
    """The audit log's name for a move from (status, time) to (status, time), or None for no move."""
    Action = AuditEntry.Action
    if to == Status.PUBLISHED:
        if was == Status.PUBLISHED and was_at == at:
            return None
        return Action.SCHEDULE if at and at > timezone.now() else Action.PUBLISH
    if was == Status.PUBLISHED:
        return Action.UNPUBLISH
    if to == Status.IN_REVIEW and was != Status.IN_REVIEW:
        return Action.SUBMIT
    if to == Status.DRAFT and was == Status.IN_REVIEW:
        return Action.SEND_BACK
    return None


def log(item: EditorialModel, action: str, *, by, note: str = "") -> AuditEntry:
    return AuditEntry.objects.create(item=item, action=action, item_repr=str(item)[:300], note=note, created_by=by)


def saved(item: EditorialModel, *, by, was: str | None, was_at, note: str = "") -> None:
    """After any save: keep a revision, and log the workflow move it made, with its note."""
    from magazine.revisions import record

    record(item, by=by)
    action = audit_action(was=was, was_at=was_at, to=item.status, at=item.published_at)
    if action:
        log(item, action, by=by, note=note)


def _move(item: EditorialModel, *, by, to: str, published_at: datetime | None, note: str = "") -> EditorialModel:
    stored = type(item)._default_manager.select_for_update().filter(pk=item.pk).values("status", "published_at")[0]
    try:
        check_change(by, item, was=stored["status"], to=to)
    except ValidationError as error:
        raise PermissionDenied(error.messages[0]) from error
    item.status, item.published_at, item.updated_by = to, published_at, by
    item.clean()  # what the item depends on (a review's show) must allow the move
    item.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
    saved(item, by=by, was=stored["status"], was_at=stored["published_at"], note=note)
    return item


@transaction.atomic
def submit_for_review(item: EditorialModel, *, by, note: str = "") -> EditorialModel:
    return _move(item, by=by, to=Status.IN_REVIEW, published_at=item.published_at, note=note)


@transaction.atomic
def send_back(item: EditorialModel, *, by, note: str = "") -> EditorialModel:
    """An editor returns a submitted item to its writer, with what to change."""
    return _move(item, by=by, to=Status.DRAFT, published_at=None, note=note)


@transaction.atomic
def publish(item: EditorialModel, *, by, at: datetime | None = None, note: str = "") -> EditorialModel:
    """Publish now, or at ``at`` (a time ahead schedules it)."""
    when = at or item.published_at or timezone.now()
    return _move(item, by=by, to=Status.PUBLISHED, published_at=when, note=note)


@transaction.atomic
def unpublish(item: EditorialModel, *, by, note: str = "") -> EditorialModel:
    return _move(item, by=by, to=Status.DRAFT, published_at=None, note=note)
