from django.contrib import admin, messages

from editorial import drafts
from editorial.admin import DraftInline, EditorialAdmin, StateFilter
from editorial.admin_lists import ChangesFilter, clamp
from pictures.admin import PICTURE_FIELDS
from shows.forms import ShowForm
from shows.models import Credit, Episode, Season, Show
from shows.services import merge_credits


class CreditInline(DraftInline, admin.TabularInline):
    model = Credit
    draft_key = "credits"
    fields = ["order", "person", "role", "character", "note", "first_season", "last_season"]
    autocomplete_fields = ["person"]
    ordering = ["order", "pk"]
    extra = 1


class SeasonInline(DraftInline, admin.StackedInline):
    model = Season
    draft_key = "season_rows"
    fields = [("number", "year", "end_year", "episodes"), "synopsis", "trailer", "image", "image_alt"]
    ordering = ["number"]
    extra = 0
    classes = ["collapse"]
    verbose_name_plural = "seasons"


class EpisodeInline(DraftInline, admin.TabularInline):
    model = Episode
    draft_key = "episode_rows"
    fields = ["season", "number", "title", "air_date"]
    ordering = ["season", "number"]
    extra = 0
    verbose_name_plural = "episodes (a season an episode names is added to the seasons when missing)"


@admin.register(Show)
class ShowAdmin(EditorialAdmin):
    form = ShowForm
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", ("year", "end_year"), "synopsis", "tags"]}),
        ("Facts", {"fields": ["countries", "distributor", "languages", ("episodes", "seasons", "runtime_minutes"),
                              "trailer"]}),
        ("Poster", {"fields": PICTURE_FIELDS}),
        ("Credits line", {"fields": ["credits_line"]}),
    ]
    inlines = [CreditInline, SeasonInline, EpisodeInline]
    paragraph_fields = ("synopsis",)
    list_display = ["title_cell", "kind", "years", "state_badge", "date_cell"]
    list_filter = [StateFilter, ChangesFilter, "kind", "tags"]
    search_fields = ["title", "slug", "distributor"]
    list_select_related = ["updated_by"]

    def get_inlines(self, request, obj):
        """A film has no seasons: their tables appear once the show's draft is a series."""
        inlines = super().get_inlines(request, obj)
        film = obj is not None and obj.pk and drafts.content_of(obj).get("kind", obj.kind) == Show.Kind.FILM
        return [CreditInline] if film else inlines

    @admin.display(description="title", ordering="title")
    def title_cell(self, show):
        return clamp(show.title)

    def draft_of(self, request, form, formsets) -> dict:
        data = super().draft_of(request, form, formsets)
        if "episode_rows" in data:
            data["season_rows"] = with_seasons_of(data.get("season_rows", []), data["episode_rows"])
        credits = form.cleaned_data.get("credits_line")
        if not credits:
            return data
        data["credits"], changes = merge_credits(data.get("credits", []), credits.people, by=request.user)
        added = sum(change.startswith("new credit") for change in changes)
        self.message_user(
            request, f"Credits line: {added} new credits, {len(changes) - added} other changes.", messages.SUCCESS
        )
        return data


def with_seasons_of(seasons: list[dict], episodes: list[dict]) -> list[dict]:
    """The seasons, with a new row for each season an episode names that is not among them."""
    known = {row["number"] for row in seasons}
    missing = sorted({row["season"] for row in episodes} - known)
    return [*seasons, *(Season(number=number).as_row() for number in missing)]
