"""The audit log: who published, scheduled, unpublished, restored or shared what, and when. Read only."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from editorial.admin_lists import RegisteredTypeFilter, clamp, dated
from editorial.models import AuditEntry
from editorial.who import name_of


class WhoFilter(admin.SimpleListFilter):
    """The people who appear in the log, by their names."""

    title = "who"
    parameter_name = "who"

    def lookups(self, request, model_admin):
        ids = AuditEntry.objects.exclude(created_by=None).values("created_by").distinct()
        people = get_user_model().objects.filter(pk__in=ids)
        return sorted(((str(user.pk), name_of(user)) for user in people), key=lambda choice: choice[1].lower())

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(created_by_id=int(self.value()))
        return queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["when", "who", "what", "item", "note_cell"]
    list_display_links = None
    list_filter = ["action", RegisteredTypeFilter, WhoFilter]
    search_fields = ["item_repr", "note"]
    date_hierarchy = "created_at"
    list_select_related = ["created_by", "content_type"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="when", ordering="created_at")
    def when(self, entry):
        return dated(entry.created_at)

    @admin.display(description="who", ordering="created_by__first_name")
    def who(self, entry):
        return name_of(entry.created_by) or "the system"

    @admin.display(description="what", ordering="action")
    def what(self, entry):
        return entry.verb

    @admin.display(description="item", ordering="item_repr")
    def item(self, entry):
        kind = entry.content_type.name
        try:
            url = reverse(f"admin:{entry.content_type.app_label}_{entry.content_type.model}_change",
                          args=[entry.object_id])
        except NoReverseMatch:
            return format_html('{}<span class="cell-note">{}</span>', clamp(entry.item_repr), kind)
        return format_html('<a href="{}">{}</a><span class="cell-note">{}</span>', url, clamp(entry.item_repr), kind)

    @admin.display(description="note")
    def note_cell(self, entry):
        return clamp(entry.note) if entry.note else "—"
