"""The tag admin, in place of taggit's own: its merge page checks no permission beyond staff."""

import taggit.admin  # noqa: F401  (registers taggit's TagAdmin, which this replaces)
from django.contrib import admin
from taggit.models import Tag

from editorial import publication

admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    actions = None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        publication.changed_in_bulk(public=True)  # tag pages and every page that lists the tag

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        publication.changed_in_bulk(public=True)
