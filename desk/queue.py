"""The review queue: everything waiting for an editor, oldest submission first, and the editor's answers
(preview, publish, send back with a note) from the same page, through the workflow's own services."""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from desk.items import names_of, row, with_last
from desk.permissions import require_editor
from editorial import registry, workflow
from editorial.admin import EditorialAdmin
from editorial.models import AuditEntry, Changes, Revision, State, Status
from editorial.who import name_of

PUBLISH, SEND_BACK = "publish", "send_back"


def item_key(item) -> str:
    return f"{ContentType.objects.get_for_model(item).pk}:{item.pk}"


def goes_live(item, now) -> tuple[object, str]:
    """When the queue's Publish puts the item (or its changes) before readers: the time (None: at once) and what
    the editor should know of it. The queue publishes with the time the item carries, so it shows it."""
    if item.status == Status.PUBLISHED:  # its changes go live with it
        return (item.published_at, "scheduled; the changes go with it") if item.published_at > now else (None, "")
    if item.published_at is None:
        return None, ""
    if item.published_at > now:
        return item.published_at, "scheduled"
    return item.published_at, "in the past: it goes live at once, dated then"


def waiting_rows(user) -> list:
    """Each item in review with who submitted it, when, and their note: a fixed number of queries per type."""
    found = []
    for model in registry.models():
        items = with_last(model.objects.waiting_for_an_editor().select_related("updated_by", *model.desk_related),
                          [AuditEntry.Action.SUBMIT], "submitted")
        found += list(items)
    names = names_of(item.submitted_by_id for item in found)
    rows, now = [], timezone.now()
    for item in found:
        who = names.get(item.submitted_by_id) or name_of(item.updated_by)
        buttons = workflow.buttons(user, item, type(item))
        goes_live_at, goes_live_note = goes_live(item, now)
        rows.append(row(item, when=item.submitted_at or item.updated_at, who=who, note=item.submitted_note,
                        key=item_key(item), goes_live_at=goes_live_at, goes_live_note=goes_live_note,
                        can_publish=workflow.PUBLISH in buttons,
                        can_send_back=workflow.SEND_BACK in buttons,
                        publish_label=EditorialAdmin.button_label(workflow.PUBLISH, item)))
    return sorted(rows, key=lambda r: r.when)


def queue_view(request):
    require_editor(request)
    if request.method == "POST":
        return answer(request)
    context = {**admin.site.each_context(request), "title": "Review queue", "rows": waiting_rows(request.user)}
    return TemplateResponse(request, "admin/desk/queue.html", context)


def find(key: str):
    """The registered item behind “content type id:pk”, or None."""
    type_id, _, pk = (key or "").partition(":")
    if not (type_id.isdigit() and pk.isdigit()):
        return None, None
    content_type = ContentType.objects.filter(pk=int(type_id)).first()
    model = content_type.model_class() if content_type else None
    if model not in registry.models():
        return None, None
    return model, model._default_manager.filter(pk=int(pk)).first()


def answer(request):
    """Publish or send back one item, as the editor saw it when the queue loaded, or say why not."""
    back = redirect(reverse("admin:queue"))
    action, note = request.POST.get("action"), request.POST.get("note", "").strip()
    model, item = find(request.POST.get("item", ""))
    if item is None or action not in (PUBLISH, SEND_BACK):
        messages.error(request, "That item is no longer in the queue, or the request was incomplete; "
                                "the queue below is as it stands now.")
        return back
    if action == SEND_BACK and not note:
        messages.error(request, f"“{item}” was not sent back: say what the writer should change.")
        return back
    try:
        with transaction.atomic():
            stored = model._default_manager.select_for_update().get(pk=item.pk)
            if str(stored.version) != request.POST.get("version", ""):
                messages.error(request, changed_meanwhile(stored))
                return back
            was_live = stored.is_live
            if action == PUBLISH:
                workflow.publish(stored, by=request.user)
            else:
                workflow.send_back(stored, by=request.user, note=note)
    except PermissionDenied as error:
        messages.error(request, f"“{item}”: {error}")
    except ValidationError as error:
        messages.error(request, format_html(
            "“{}” was not published: {} <a href=\"{}\">Open it</a> to publish what it needs with it.",
            item, " ".join(error.messages), reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                                                     args=[item.pk])))
    else:
        messages.success(request, done(stored, action, was_live))
    return back


def changed_meanwhile(item) -> str:
    latest = Revision.of(item).select_related("created_by").first()
    by = f" by {name_of(latest.created_by)}" if latest and latest.created_by else ""
    at = f" at {timezone.localtime(latest.created_at):%H:%M}" if latest else ""
    return (f"“{item}” was changed{by}{at}, after this queue was loaded, so nothing was done. "
            "Look at it again below before you publish or send it back.")


def done(item, action: str, was_live: bool) -> str:
    if action == SEND_BACK:
        return f"“{item}” was sent back to the writer with your note."
    if item.pending_changes == Changes.SCHEDULED:
        return f"The changes to “{item}” are scheduled; readers see the live version until then."
    if was_live:
        return f"The changes to “{item}” were published: readers see them now."
    if item.state == State.SCHEDULED:
        return f"“{item}” is scheduled for {date_format(timezone.localtime(item.published_at), 'j M Y, H:i')}."
    return f"“{item}” was published: readers see it now."
