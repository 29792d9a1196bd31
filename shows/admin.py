from django.contrib import admin, messages
from django.utils import timezone

from magazine import workflow
from magazine.admin import PICTURE_FIELDS, EditorialAdmin, StateFilter
from shows.forms import ShowForm
from shows.models import Credit, Show
from shows.services import apply_credits


class CreditInline(admin.TabularInline):
    model = Credit
    fields = ["order", "person", "role", "character", "note"]
    autocomplete_fields = ["person"]
    ordering = ["order", "pk"]
    extra = 1


@admin.register(Show)
class ShowAdmin(EditorialAdmin):
    form = ShowForm
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", ("year", "end_year"), "synopsis", "tags"]}),
        ("Facts", {"fields": ["countries", "distributor", "languages", ("episodes", "seasons", "runtime_minutes")]}),
        ("Poster", {"fields": PICTURE_FIELDS}),
        ("Credits line", {"fields": ["credits_line"]}),
    ]
    inlines = [CreditInline]
    list_display = ["title", "kind", "years", "state_badge", "published_at", "updated_at"]
    list_filter = [StateFilter, "kind", "tags"]
    search_fields = ["title", "slug", "distributor"]
    list_select_related = []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        credits = form.cleaned_data.get("credits_line")
        if not credits:
            return
        show = form.instance
        publish_at = timezone.now() if show.is_live and workflow.can_publish(request.user, Show) else None
        changes = apply_credits(show=show, entries=credits.people, publish_at=publish_at, by=request.user)
        added = sum(change.startswith("new credit") for change in changes)
        self.message_user(
            request, f"Credits line: {added} new credits, {len(changes) - added} other changes.", messages.SUCCESS
        )
