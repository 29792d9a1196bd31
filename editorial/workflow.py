"""Who may press which button, and the services behind the buttons.

Writers save drafts and submit them; editors (holders of ``publish_<model>``) also publish,
schedule, unpublish and send back. Every route that changes what readers see (the change form's
buttons, the admin actions, the importer, the calendar, a scheduled change coming due) calls
these services; each locks the row, checks the rule, keeps a revision, logs the move, and hands
what follows to the publication pipeline, which runs it after the commit.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from editorial import drafts, publication, publish_keys, set_aside
from editorial.models import AuditEntry, Changes, EditorialModel, Revision, Status
from editorial.revisions import plain

SAVE_DRAFT, SUBMIT, PUBLISH, UNPUBLISH, SEND_BACK = "_save_draft", "_submit", "_publish", "_unpublish", "_send_back"
BUTTONS = (SAVE_DRAFT, SUBMIT, PUBLISH, UNPUBLISH, SEND_BACK)
EDITORS_ONLY = {PUBLISH, UNPUBLISH, SEND_BACK}


def can_publish(user, model: type[EditorialModel]) -> bool:
    return bool(user and user.has_perm(model.publish_permission()))


def can_delete(user, item: EditorialModel) -> bool:
    """Deleting a published item takes it from readers: an editor's call."""
    return item.status != Status.PUBLISHED or can_publish(user, type(item))


def waiting_for_an_editor(item: EditorialModel) -> bool:
    """Submitted for review: a new item, or the unpublished changes of a published one (as the queryset's
    ``waiting_for_an_editor``; its ``in_review`` is the state of new items only)."""
    return item.status == Status.IN_REVIEW or item.pending_changes == Changes.IN_REVIEW


def buttons(user, item: EditorialModel | None, model: type[EditorialModel]) -> list[str]:
    """The buttons ``user`` may press on ``item`` (None: a new one), in the order the form shows them."""
    editor = can_publish(user, model)
    shown = [SAVE_DRAFT]
    if item is None or not waiting_for_an_editor(item):
        shown.append(SUBMIT)
    if editor:
        shown.append(PUBLISH)
        if item is not None and waiting_for_an_editor(item):
            shown.append(SEND_BACK)
        if item is not None and item.status == Status.PUBLISHED:
            shown.append(UNPUBLISH)
    return shown


def check_button(user, item: EditorialModel | None, model: type[EditorialModel], button: str) -> None:
    """Raise PermissionDenied when ``user`` may not press ``button`` on ``item``: the server's half of the rule."""
    if button in buttons(user, item, model):
        return
    if button in EDITORS_ONLY and not can_publish(user, model):
        raise PermissionDenied("Only an editor can publish, schedule, unpublish or send back. "
                               "Save a draft or submit it for review.")
    raise PermissionDenied(f"That button does not apply to this {model._meta.verbose_name} as it stands.")


def log(item: EditorialModel, action: str, *, by, note: str = "", version: int | None = None) -> AuditEntry:
    return AuditEntry.objects.create(item=item, action=action, item_repr=str(item)[:300], note=note, created_by=by,
                                     version=version)


def keep_baseline(item: EditorialModel) -> None:
    """Before the first change to an item with no revision of the version it stands at (made outside the services:
    a bulk load, older data), keep that version, so that a later conflict can show what changed since."""
    stored = type(item)._default_manager.get(pk=item.pk)
    if not Revision.of(stored).filter(version=stored.version).exists():
        drafts.record(stored, by=None)


def locked(item: EditorialModel, button: str, by) -> EditorialModel:
    """The item as stored, its row locked until the transaction ends, after checking ``by`` may press ``button``.
    ``by=None`` is a trusted caller (the command line, a scheduled change coming due). A new item has no row
    yet: its first draft makes it (``drafts.save``)."""
    if item.pk is None:
        if by is not None:
            check_button(by, None, type(item), button)
        return item
    stored = type(item)._default_manager.select_for_update().get(pk=item.pk)
    if by is not None:
        check_button(by, stored, type(item), button)
    publish_keys.remember(stored)
    return stored


def check_publishable(item: EditorialModel) -> None:
    """What the item depends on (a review's show) must be live by its publication time."""
    blockers = item.publish_blockers()
    if blockers:
        raise ValidationError(blockers, code="blocked")


def sync(item: EditorialModel, stored: EditorialModel) -> EditorialModel:
    """Bring the caller's instance up to date with the row the service wrote."""
    for field in type(item)._meta.concrete_fields:
        setattr(item, field.attname, getattr(stored, field.attname))
    return item


def moved(stored: EditorialModel, item: EditorialModel, *, by, action: str | None, note: str, public: bool,
          version: int | None = None):
    if action:
        log(stored, action, by=by, note=note, version=version)
    publication.changed(stored, public=public)
    return sync(item, stored)


# --- the services ---------------------------------------------------------------------------------


@transaction.atomic
def save_draft(item: EditorialModel, *, by, data: dict, note: str = "") -> EditorialModel:
    """``data`` becomes the item's draft (``drafts.save``); readers see nothing new, and changes scheduled to go live
    are called off. Work waiting for an editor stays waiting."""
    stored = locked(item, SAVE_DRAFT, by)
    was_scheduled = stored.pending_changes == Changes.SCHEDULED
    drafts.save(stored, data, by=by, to=Status.IN_REVIEW if waiting_for_an_editor(stored) else Status.DRAFT)
    action = None
    if stored.pending_changes:  # the changes of a published item, kept apart from what readers see
        action = AuditEntry.Action.CANCEL_SCHEDULE if was_scheduled else AuditEntry.Action.SAVE_CHANGES
    return moved(stored, item, by=by, action=action, note=note, public=was_scheduled)


@transaction.atomic
def submit(item: EditorialModel, *, by, data: dict | None = None, note: str = "") -> EditorialModel:
    """Into review: ``data`` as the draft, or the draft as it stands."""
    stored = locked(item, SUBMIT, by)
    review_move(stored, by=by, data=data, to=Status.IN_REVIEW)
    return moved(stored, item, by=by, action=AuditEntry.Action.SUBMIT, note=note, public=False)


@transaction.atomic
def send_back(item: EditorialModel, *, by, data: dict | None = None, note: str = "") -> EditorialModel:
    """An editor returns submitted work to its writer, with what to change."""
    stored = locked(item, SEND_BACK, by)
    review_move(stored, by=by, data=data, to=Status.DRAFT)
    return moved(stored, item, by=by, action=AuditEntry.Action.SEND_BACK, note=note, public=False)


def review_move(stored: EditorialModel, *, by, data: dict | None, to: str) -> None:
    if data is not None:
        drafts.save(stored, data, by=by, to=to)
    else:
        drafts.move(stored, to, by=by)


@transaction.atomic
def publish(item: EditorialModel, *, by, at: datetime | None = None, note: str = "", correction: str = "",
            data: dict | None = None, with_dependencies: bool = False) -> EditorialModel:
    """The Publish button. An unpublished item goes live now, or at ``at`` (a time ahead schedules it); a published
    item's changes go live (``data``, or its working copy), and on a live item a time ahead schedules them
    instead. ``with_dependencies``: what it needs goes live with it."""
    stored = locked(item, PUBLISH, by)
    if data is not None:  # the edits the editor publishes with are its draft first
        drafts.save(stored, data, by=by)
    set_aside.resolve(stored, set_aside.Step.SCHEDULED_CHANGE)  # published or scheduled anew: the editor's answer
    if stored.status == Status.PUBLISHED:
        return publish_changes(stored, item, by=by, at=at, note=note, correction=correction,
                               with_dependencies=with_dependencies)
    stored.status, stored.published_at = Status.PUBLISHED, at or stored.published_at or timezone.now()
    return gone_live(stored, item, by=by, note=note or correction, changes=False, with_dependencies=with_dependencies)


def publish_changes(stored, item, *, by, at, note: str, correction: str, with_dependencies: bool):
    """A published item's draft goes live now; on a live item a time ahead schedules it (``schedule_change``)."""
    now = timezone.now()
    was_live = stored.is_live
    revision = drafts.pending_revision(stored)
    if was_live and at and at > now and revision is not None:
        return schedule_change(stored, item, revision, by=by, at=at, note=note, correction=correction)
    if revision is not None:
        drafts.apply(stored, revision.data)
    Revision.of(stored).filter(go_live_at__isnull=False).update(go_live_at=None)  # published now instead
    if stored.is_live and correction.strip():
        stored.corrections = [*stored.corrections, {"at": now.isoformat(), "note": correction.strip()}]
    if not stored.is_live and at:
        stored.published_at = at
    return gone_live(stored, item, by=by, note=note or correction, changes=was_live and revision is not None,
                     with_dependencies=with_dependencies)


def gone_live(stored, item, *, by, note: str, changes: bool, with_dependencies: bool) -> EditorialModel:
    """The row readers see is written, with what it needs first when asked (``publish_what_it_needs``); ``changes``:
    readers had the item already, and now read its changes."""
    if with_dependencies:
        publish_what_it_needs(stored, by=by)
    stored.pending_changes, stored.updated_by = Changes.NONE, by
    check_publishable(stored)
    stored.save()
    drafts.record(stored, by=by)
    if changes:
        action = AuditEntry.Action.PUBLISH_CHANGES
    else:
        action = AuditEntry.Action.SCHEDULE if stored.published_at > timezone.now() else AuditEntry.Action.PUBLISH
    return moved(stored, item, by=by, action=action, note=note, public=True)


def publish_what_it_needs(stored, *, by) -> None:
    """What the item depends on (a review's show) goes live with it: published at its time, or brought forward."""
    for dependency in stored.waiting_dependencies():
        if dependency.status != Status.PUBLISHED:
            publish(dependency, by=by, at=stored.published_at, note=f"published with “{stored}”")
        elif dependency.published_at > stored.published_at:
            reschedule(dependency, by=by, at=stored.published_at, note=f"brought forward with “{stored}”")


def schedule_change(stored, item, revision: Revision, *, by, at: datetime, note: str, correction: str):
    revision.go_live_at, revision.correction = at, correction.strip()
    revision.save(update_fields=["go_live_at", "correction"])
    drafts.mark(stored, Changes.SCHEDULED)
    when = date_format(timezone.localtime(at), "j M Y, H:i")
    return moved(stored, item, by=by, action=AuditEntry.Action.SCHEDULE_CHANGES,
                 note=note or f"changes go live {when}", public=True)


@transaction.atomic
def publish_due_change(revision: Revision) -> bool:
    """A scheduled change whose minute has come goes live, as the editor who scheduled it."""
    revision = Revision.objects.select_for_update().filter(pk=revision.pk, go_live_at__lte=timezone.now()).first()
    item = revision.item if revision else None
    if item is None or item.pending_changes != Changes.SCHEDULED:
        if revision is not None:  # its item was deleted, or its changes replaced: nothing is due any more
            Revision.objects.filter(pk=revision.pk).update(go_live_at=None)
        return False
    publish(item, by=None, correction=revision.correction, note="scheduled change")
    Revision.objects.filter(pk=revision.pk).update(go_live_at=None)
    return True


@transaction.atomic
def set_aside_due_change(revision: Revision, error: BaseException) -> None:
    """A scheduled change that could not go live is no longer due: its working copy goes back to a draft the
    editors are shown, with why. The live version stays as it was."""
    revision = Revision.objects.select_for_update().filter(pk=revision.pk).first()
    if revision is None:
        return
    Revision.objects.filter(pk=revision.pk).update(go_live_at=None)
    item = revision.item
    if item is not None and item.pending_changes == Changes.SCHEDULED:
        drafts.mark(item, Changes.DRAFT)
    set_aside.record(item, set_aside.Step.SCHEDULED_CHANGE, error, revision=revision)


@transaction.atomic
def unpublish(item: EditorialModel, *, by, note: str = "") -> EditorialModel:
    """Take the item from readers. Its working copy, if any, becomes the draft in the row."""
    stored = locked(item, UNPUBLISH, by)
    revision = drafts.pending_revision(stored)
    if revision is not None:
        drafts.apply(stored, revision.data)
    stored.status, stored.published_at, stored.pending_changes, stored.updated_by = Status.DRAFT, None, "", by
    stored.save()
    Revision.of(stored).filter(go_live_at__isnull=False).update(go_live_at=None)
    drafts.record(stored, by=by)
    return moved(stored, item, by=by, action=AuditEntry.Action.UNPUBLISH, note=note, public=True)


@transaction.atomic
def reschedule(item: EditorialModel, *, by, at: datetime, note: str = "") -> EditorialModel:
    """Move a published item's publication time; its content, and any working copy, stay as they are."""
    stored = locked(item, PUBLISH, by)
    if stored.status != Status.PUBLISHED:
        return publish(item, by=by, at=at, note=note)
    stored.published_at, stored.updated_by = at, by
    check_publishable(stored)
    stored.save(update_fields=["published_at", "updated_by", "updated_at"])
    action = AuditEntry.Action.SCHEDULE if at > timezone.now() else AuditEntry.Action.PUBLISH
    return moved(stored, item, by=by, action=action, note=note, public=True)


@transaction.atomic
def restore(item: EditorialModel, revision: Revision, *, by) -> EditorialModel:
    """An old revision's content becomes the draft; when the item goes live stays the editors' call, and a live item
    stays live: restoring never unpublishes."""
    stored = locked(item, SAVE_DRAFT, by)
    drafts.save(stored, {**revision.data, "published_at": plain(stored.published_at)}, by=by)
    return moved(stored, item, by=by, action=AuditEntry.Action.RESTORE, note="", version=revision.version,
                 public=False)


@transaction.atomic
def deleted(item: EditorialModel, pk: int) -> None:
    """After an item is deleted (Django has cleared its pk): readers may have seen it, on its pages and its lists."""
    publication.deleted(item, pk, public=item.status == Status.PUBLISHED)
