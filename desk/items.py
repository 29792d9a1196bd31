"""What the desk's pages say about an item, whatever its content type: its links, its kind, its last workflow
move, all fetched in a fixed number of queries per content type (editorial.registry), never one per row."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.urls import reverse

from editorial.models import AuditEntry, Revision
from editorial.who import name_of


def admin_url(item, view: str = "change") -> str:
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_{view}", args=[item.pk])


def kind_of(item) -> str:
    noun = item._meta.verbose_name
    return f"changes to a published {noun}" if item.pending_changes else noun


def with_last(queryset, actions: list[str], prefix: str):
    """Annotate each row with its newest audit entry among ``actions``: ``<prefix>_at``, ``_action``, ``_note``,
    ``_by_id``."""
    entries = (AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(queryset.model),
                                         object_id=OuterRef("pk"), action__in=actions)
               .order_by("-created_at", "-pk"))
    return queryset.annotate(**{f"{prefix}_at": Subquery(entries.values("created_at")[:1]),
                                f"{prefix}_action": Subquery(entries.values("action")[:1]),
                                f"{prefix}_note": Subquery(entries.values("note")[:1]),
                                f"{prefix}_by_id": Subquery(entries.values("created_by")[:1])})


def with_last_revision(queryset):
    """Annotate each row with its newest revision: ``edited_at``, ``edited_by_id``, ``changes_at`` (a scheduled
    change's minute)."""
    revisions = (Revision.objects.filter(content_type=ContentType.objects.get_for_model(queryset.model),
                                         object_id=OuterRef("pk")).order_by("-version", "-pk"))
    return queryset.annotate(edited_at=Subquery(revisions.values("created_at")[:1]),
                             edited_by_id=Subquery(revisions.values("created_by")[:1]),
                             changes_at=Subquery(revisions.values("go_live_at")[:1]))


def names_of(ids) -> dict[int, str]:
    """User id -> full name (else username), in one query."""
    ids = {pk for pk in ids if pk}
    return {user.pk: name_of(user) for user in get_user_model().objects.filter(pk__in=ids)} if ids else {}


@dataclass
class DeskRow:
    """One item as a desk list shows it."""

    item: object
    kind: str
    url: str
    preview_url: str
    when: datetime | None = None
    who: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def noun(self) -> str:
        return self.item._meta.verbose_name

    @property
    def subject(self):
        return self.item.desk_subject()

    @property
    def byline(self):
        return self.item.desk_byline()


def row(item, *, when=None, who="", note="", **extra) -> DeskRow:
    return DeskRow(item=item, kind=kind_of(item), url=admin_url(item), preview_url=admin_url(item, "preview"),
                   when=when, who=who, note=note or "", extra=extra)
