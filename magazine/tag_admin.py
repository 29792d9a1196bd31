"""The tag admin, in place of taggit's own: its merge page checks no permission beyond staff."""

import taggit.admin  # noqa: F401  (registers taggit's TagAdmin, which this replaces)
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from taggit.models import Tag

from editorial import publication, registry

admin.site.unregister(Tag)


def tagged_models() -> list[type]:
    found = []
    for model in registry.models():
        try:
            model._meta.get_field("tags")
        except FieldDoesNotExist:
            continue
        found.append(model)
    return found


def readers_see(tag: Tag) -> bool:
    """Whether a live item carries the tag. Only those tags are on readers' pages: a tag page with nothing live
    behind it is a 404, and no list names a draft's tags, so a new tag (or a draft's) changes nothing they see."""
    return any(model.objects.live().filter(tags=tag).exists() for model in tagged_models())


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    actions = None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        publication.changed_in_bulk(public=readers_see(obj))  # its page and every page that names it

    def delete_model(self, request, obj):
        seen = readers_see(obj)  # asked before the delete takes the tag off its items
        super().delete_model(request, obj)
        publication.changed_in_bulk(public=seen)
