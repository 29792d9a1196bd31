from django.contrib import admin

from editorial.admin import EditorialAdmin, StateFilter
from editorial.admin_lists import ChangesFilter
from people.models import Person
from pictures.admin import PICTURE_FIELDS


@admin.register(Person)
class PersonAdmin(EditorialAdmin):
    fieldsets = [(None, {"fields": ["name", "slug", "beat", "bio", "tags"]}), ("Headshot", {"fields": PICTURE_FIELDS})]
    paragraph_fields = ("bio",)
    list_display = ["name", "state_badge", "date_cell"]
    list_filter = [StateFilter, ChangesFilter, "tags"]
    search_fields = ["name", "slug"]
