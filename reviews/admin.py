from django.contrib import admin

from magazine.admin import EditorialAdmin, StateFilter
from reviews.models import Review


@admin.register(Review)
class ReviewAdmin(EditorialAdmin):
    fieldsets = [
        (None, {"fields": ["show", "headline", "slug", "standfirst", "body"]}),
        ("Byline and rating", {"fields": ["critic", "rating", "featured", "tags"]}),
    ]
    list_display = ["headline", "show", "critic", "rating", "state_badge", "published_at", "updated_by"]
    list_filter = [StateFilter, ("show", admin.RelatedOnlyFieldListFilter), "tags", "featured"]
    search_fields = ["headline", "standfirst", "show__title", "critic__name"]
    autocomplete_fields = ["show", "critic"]
    prepopulated_fields = {"slug": ["headline"]}
