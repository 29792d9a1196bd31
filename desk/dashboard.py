"""The desk's front page: for everyone, their drafts and what was sent back to them with the editor's note;
for editors, what waits for review, what goes live this week, live items with unpublished changes, and what
was published lately. Every content type comes from editorial.registry; the queries per type are fixed,
however many items there are."""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, Q, When
from django.urls import reverse
from django.utils import timezone

from desk.items import DeskRow, names_of, row, with_last, with_last_revision
from editorial import registry, set_aside, workflow
from editorial.models import AuditEntry, Changes, Status

SHOWN = 6  # items a panel lists; its count says how many there are
WEEK = timedelta(days=7)
MOVES = [AuditEntry.Action.SUBMIT, AuditEntry.Action.SEND_BACK, AuditEntry.Action.PUBLISH,
         AuditEntry.Action.PUBLISH_CHANGES, AuditEntry.Action.SCHEDULE]


@dataclass
class Panel:
    key: str
    title: str
    empty: str
    count: int = 0
    rows: list[DeskRow] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url): where to see them all

    def add(self, model, items: list, count: int, make, url: str | None = None) -> None:
        self.rows += [make(item) for item in items]
        self.count += count
        if url and count:
            self.links.append((f"{model._meta.verbose_name_plural.capitalize()} ({count})", url))


def changelist(model, **filters) -> str:
    return f"{reverse(f'admin:{model._meta.app_label}_{model._meta.model_name}_changelist')}?{urlencode(filters)}"


def sorted_panel(panel: Panel, key, reverse: bool = False) -> Panel:
    panel.rows = sorted(panel.rows, key=key, reverse=reverse)[:SHOWN]
    return panel


def writer_panels(user) -> list[Panel]:
    sent_back = Panel("sent-back", "Sent back to you", "Nothing sent back: no editor is waiting on you.")
    drafts = Panel("drafts", "Your drafts", "No drafts of yours right now.")
    submitted = Panel("submitted", "Submitted by you, waiting for an editor", "Nothing of yours is waiting.")
    for model in registry.models():
        items = with_last_revision(with_last(with_last(
            model.objects.select_related(*model.desk_related), MOVES, "moved"),
            [AuditEntry.Action.SUBMIT], "submitted"))
        items = items.annotate(
            sent_back_to_me=Case(When(Q(moved_action=AuditEntry.Action.SEND_BACK, submitted_by_id=user.pk),
                                      then=True), default=False),
            last_edit=Case(When(pending_changes=Changes.DRAFT, then=F("edited_at")), default=F("updated_at")))
        in_draft = Q(status=Status.DRAFT) | Q(pending_changes=Changes.DRAFT)
        mine = items.filter(in_draft).filter(
            Q(created_by=user) | Q(updated_by=user, status=Status.DRAFT) | Q(edited_by_id=user.pk))
        returned = items.filter(in_draft, sent_back_to_me=True)
        sent_back.add(model, list(returned.order_by("-moved_at")[:SHOWN]), returned.count(),
                      lambda item: row(item, when=item.moved_at, who_id=item.moved_by_id, note=item.moved_note))
        waiting = items.waiting_for_an_editor().filter(submitted_by_id=user.pk)
        submitted.add(model, list(waiting.order_by("-submitted_at")[:SHOWN]), waiting.count(),
                      lambda item: row(item, when=item.submitted_at, note=item.submitted_note))
        own = mine.filter(sent_back_to_me=False)
        drafts.add(model, list(own.order_by(F("last_edit").desc(nulls_last=True))[:SHOWN]), own.count(),
                   lambda item: row(item, when=item.last_edit))
    return [sorted_panel(sent_back, lambda r: r.when, reverse=True),
            sorted_panel(drafts, lambda r: r.when or timezone.now(), reverse=True),
            sorted_panel(submitted, lambda r: r.when, reverse=True)]


def editor_panels(user, now) -> list[Panel]:
    waiting = Panel("waiting", "Waiting for review", "Nothing is waiting for review.")
    soon = Panel("soon", "Going live in the next seven days", "Nothing is scheduled for the coming week.")
    changed = Panel("changed", "Live, with unpublished changes", "No live item has unpublished changes.")
    lately = Panel("lately", "Published in the last seven days", "Nothing was published in the last seven days.")
    for model in registry.models():
        if not workflow.can_publish(user, model):
            continue
        counts = with_last_revision(model.objects.all()).aggregate(
            waiting=Count("pk", filter=Q(status=Status.IN_REVIEW) | Q(pending_changes=Changes.IN_REVIEW)),
            soon=Count("pk", filter=upcoming(now)),
            changed=Count("pk", filter=live(now) & ~Q(pending_changes=Changes.NONE)),
            lately=Count("pk", filter=live(now) & Q(published_at__gt=now - WEEK)))
        related = model.objects.select_related("updated_by", *model.desk_related)
        in_review = with_last(related.waiting_for_an_editor(), [AuditEntry.Action.SUBMIT], "submitted")
        waiting.add(model, list(in_review.order_by(F("submitted_at").asc(nulls_first=True))[:SHOWN]),
                    counts["waiting"],
                    lambda item: row(item, when=item.submitted_at or item.updated_at,
                                     who_id=item.submitted_by_id or item.updated_by_id, note=item.submitted_note))
        going = with_last_revision(related).filter(upcoming(now)).annotate(
            goes_live_at=Case(When(pending_changes=Changes.SCHEDULED, then=F("changes_at")), default=F("published_at")))
        soon.add(model, list(going.order_by("goes_live_at")[:SHOWN]), counts["soon"],
                 lambda item: row(item, when=item.goes_live_at), changelist(model, state="scheduled"))
        edited = with_last_revision(related).filter(live(now)).exclude(pending_changes=Changes.NONE)
        changed.add(model, list(edited.order_by(F("edited_at").desc(nulls_last=True))[:SHOWN]), counts["changed"],
                    lambda item: row(item, when=item.edited_at, who_id=item.edited_by_id),
                    changelist(model, state="live", changes="any"))
        recent = related.filter(live(now), published_at__gt=now - WEEK).order_by("-published_at")
        lately.add(model, list(recent[:SHOWN]), counts["lately"],
                   lambda item: row(item, when=item.published_at, who_id=item.updated_by_id),
                   changelist(model, state="live"))
    waiting.links = [("Open the review queue", reverse("admin:queue"))] if waiting.count else []
    soon.links.insert(0, ("Open the calendar", reverse("admin:calendar")))
    return [sorted_panel(waiting, lambda r: r.when), sorted_panel(soon, lambda r: r.when),
            sorted_panel(changed, lambda r: r.when or now, reverse=True),
            sorted_panel(lately, lambda r: r.when, reverse=True)]


def set_aside_panel(user) -> Panel:
    """What failed after the fact, for the editors of its type: why, and the item to fix."""
    panel = Panel("set-aside", "Could not go live or be refreshed", "Nothing was set aside.")
    found = set_aside.open_ones().exclude(content_type=None)
    for model in registry.models():
        if not workflow.can_publish(user, model):
            continue
        of_type = found.filter(content_type=ContentType.objects.get_for_model(model))
        asides = list(of_type[:SHOWN])
        items = model.objects.select_related(*model.desk_related).in_bulk([aside.object_id for aside in asides])
        shown = [aside for aside in asides if aside.object_id in items]
        panel.add(model, shown, of_type.count(),
                  lambda aside, items=items: row(items[aside.object_id], when=aside.created_at,
                                                 note=f"{aside.get_step_display().capitalize()}: {aside.error}"))
    if panel.count:
        panel.links = [("See every failure", f"{reverse('admin:editorial_setaside_changelist')}?open=yes")]
    return sorted_panel(panel, lambda r: r.when, reverse=True)


def live(now) -> Q:
    return Q(status=Status.PUBLISHED, published_at__lte=now)


def upcoming(now) -> Q:
    """Published items whose time is in the coming week, and live items' changes scheduled for it."""
    return (Q(status=Status.PUBLISHED, published_at__gt=now, published_at__lte=now + WEEK)
            | Q(pending_changes=Changes.SCHEDULED, changes_at__gt=now, changes_at__lte=now + WEEK))


def panels_for(user) -> dict:
    now = timezone.now()
    mine = writer_panels(user)
    editing = editor_panels(user, now) if any(workflow.can_publish(user, m) for m in registry.models()) else []
    if editing:
        failed = set_aside_panel(user)
        editing = [failed, *editing] if failed.count else editing
    # An editor's own drafts come after the desk's work; the rest of a writer's panels only when not empty.
    panels = editing + [panel for panel in mine if panel.count or panel.key == "drafts"] if editing else mine
    names = names_of(r.extra.get("who_id") for panel in panels for r in panel.rows)
    for panel in panels:
        for desk_row in panel.rows:
            desk_row.who = names.get(desk_row.extra.get("who_id"), "")
    return {"panels": panels, "is_editor": bool(editing)}
