from django.contrib import admin, messages

from editorial.admin import DraftInline, EditorialAdmin, StateFilter
from editorial.admin_lists import ChangesFilter, clamp
from pictures.admin import PICTURE_FIELDS
from shows.forms import ShowForm
from shows.models import Credit, Show
from shows.services import merge_credits


class CreditInline(DraftInline, admin.TabularInline):
    model = Credit
    draft_key = "credits"
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
    paragraph_fields = ("synopsis",)
    list_display = ["title_cell", "kind", "years", "state_badge", "date_cell"]
    list_filter = [StateFilter, ChangesFilter, "kind", "tags"]
    search_fields = ["title", "slug", "distributor"]
    list_select_related = ["updated_by"]

    @admin.display(description="title", ordering="title")
    def title_cell(self, show):
        return clamp(show.title)

    def draft_of(self, request, form, formsets) -> dict:
        data = super().draft_of(request, form, formsets)
        credits = form.cleaned_data.get("credits_line")
        if not credits:
            return data
        data["credits"], changes = merge_credits(data.get("credits", []), credits.people, by=request.user)
        added = sum(change.startswith("new credit") for change in changes)
        self.message_user(
            request, f"Credits line: {added} new credits, {len(changes) - added} other changes.", messages.SUCCESS
        )
        return data
