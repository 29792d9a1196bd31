from django.contrib import admin

from magazine.admin import EditorialAdmin, StateFilter
from shows.models import Credit, Show


class CreditInline(admin.TabularInline):
    model = Credit
    fields = ["order", "person", "role", "character", "note"]
    autocomplete_fields = ["person"]
    ordering = ["order", "pk"]
    extra = 1


@admin.register(Show)
class ShowAdmin(EditorialAdmin):
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", ("year", "end_year"), "synopsis", "tags"]}),
        ("Facts", {"fields": ["countries", "distributor", "languages", ("episodes", "seasons", "runtime_minutes")]}),
    ]
    inlines = [CreditInline]
    list_display = ["title", "kind", "years", "state_badge", "published_at", "updated_at"]
    list_filter = [StateFilter, "kind", "tags"]
    search_fields = ["title", "slug", "distributor"]
    prepopulated_fields = {"slug": ["title"]}
