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


def _move(item: EditorialModel, *, by, to: str, published_at: datetime | None) -> EditorialModel:
    stored = type(item)._default_manager.filter(pk=item.pk).values_list("status", flat=True).first()
    try:
        check_change(by, item, was=stored, to=to)
    except ValidationError as error:
        raise PermissionDenied(error.messages[0]) from error
    item.status, item.published_at, item.updated_by = to, published_at, by
    item.clean()  # what the item depends on (a review's show) must allow the move
    item.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
    return item


@transaction.atomic
def submit_for_review(item: EditorialModel, *, by) -> EditorialModel:
    return _move(item, by=by, to=Status.IN_REVIEW, published_at=item.published_at)


@transaction.atomic
def publish(item: EditorialModel, *, by, at: datetime | None = None) -> EditorialModel:
    """Publish now, or at ``at`` (a time ahead schedules it)."""
    return _move(item, by=by, to=Status.PUBLISHED, published_at=at or item.published_at or timezone.now())


@transaction.atomic
def unpublish(item: EditorialModel, *, by) -> EditorialModel:
    return _move(item, by=by, to=Status.DRAFT, published_at=None)
