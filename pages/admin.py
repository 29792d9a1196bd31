from django.contrib import admin

from editorial.admin import EditorialAdmin, StateFilter
from editorial.admin_lists import ChangesFilter, clamp
from pages.models import Page


@admin.register(Page)
class PageAdmin(EditorialAdmin):
    fieldsets = [(None, {"fields": ["title", "slug", "standfirst", "body"]}),
                 ("On the site", {"fields": ["masthead", "footer_order"]})]
    markup_fields = ("body",)
    markup_line_fields = ("standfirst",)
    sentence_fields = ("standfirst",)
    list_display = ["title_cell", "address", "footer_order", "masthead", "state_badge", "date_cell"]
    list_filter = [StateFilter, ChangesFilter, "masthead"]
    search_fields = ["title", "slug"]

    @admin.display(description="title", ordering="title")
    def title_cell(self, page):
        return clamp(page.title)

    @admin.display(description="address", ordering="slug")
    def address(self, page):
        return f"/{page.slug}/"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug" and field is not None:
            field.help_text = ("The page’s address, /address/, at the site’s root. Left empty, it is made from the "
                               "title; earlier addresses keep redirecting here. The sections’ own addresses "
                               "(reviews, shows, people, search, feeds…) are taken.")
        return field
