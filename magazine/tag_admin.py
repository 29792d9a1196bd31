"""The tag admin, in place of taggit's own: its merge page checks no permission beyond staff."""

import taggit.admin  # noqa: F401  (registers taggit's TagAdmin, which this replaces)
from django.contrib import admin
from taggit.models import Tag

admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    actions = None
