"""Change lists that fit a laptop: a two-line title with the whole of it in its title, one status badge,
one date column in the desk's one format, and filters that name only what the desk publishes."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, When
from django.utils.html import format_html

from editorial import badges, dates, registry
from editorial.models import Changes, State, Status
from editorial.who import name_of


def clamp(text) -> str:
    """A cell of at most two lines (CSS), the full text in its title."""
    text = str(text or "")
    return format_html('<span class="clamp" title="{}">{}</span>', text, text)


def dated(value, note: str = "") -> str:
    """A date cell: the desk's date, and a quiet line saying what it is."""
    if not note:
        return dates.time_tag(value)
    return format_html('{}<span class="cell-note">{}</span>', dates.time_tag(value), note)


class EditorialListMixin:
    """The columns every editorial change list shares (``state_badge``, ``date_cell``)."""

    @admin.display(description="status", ordering="status")
    def state_badge(self, obj):
        return badges.badge(obj)

    @admin.display(description="date",
                   ordering=Case(When(status=Status.PUBLISHED, then=F("published_at")), default=F("updated_at")))
    def date_cell(self, obj):
        """When it went (or goes) live; for what is not published yet, when it was last edited, and by whom."""
        if obj.status == Status.PUBLISHED:
            return dated(obj.published_at, "goes live" if obj.state == State.SCHEDULED else "published")
        who = name_of(obj.updated_by) if obj.updated_by_id else ""
        return dated(obj.updated_at, f"edited by {who}" if who else "edited")


class RegisteredTypeFilter(admin.SimpleListFilter):
    """The content types the desk publishes (editorial.registry), not every table Django knows."""

    title = "content type"
    parameter_name = "type"

    def lookups(self, request, model_admin):
        types = ContentType.objects.get_for_models(*registry.models())
        return sorted(((str(ct.pk), model._meta.verbose_name_plural.capitalize()) for model, ct in types.items()),
                      key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(content_type_id=int(self.value()))
        return queryset


class ChangesFilter(admin.SimpleListFilter):
    """A published item's working copy: any at all, or in a given state."""

    title = "unpublished changes"
    parameter_name = "changes"

    def lookups(self, request, model_admin):
        return [("any", "Any"), *[(value, label) for value, label in Changes.choices if value], ("none", "None")]

    def queryset(self, request, queryset):
        if self.value() == "any":
            return queryset.exclude(pending_changes=Changes.NONE)
        if self.value() == "none":
            return queryset.filter(pending_changes=Changes.NONE)
        if self.value() in Changes.values:
            return queryset.filter(pending_changes=self.value())
        return queryset
