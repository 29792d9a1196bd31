"""What failed after the fact and was set aside (editorial.set_aside): editors read why, fix the item, and mark
a failure dealt with once they have."""

from django.contrib import admin, messages
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html

from editorial import publication, surrogate_keys
from editorial.admin_lists import clamp, dated
from editorial.models import SetAside


class OpenFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", "Not dealt with yet"), ("no", "Dealt with")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(resolved_at__isnull=self.value() == "yes")
        return queryset


@admin.register(SetAside)
class SetAsideAdmin(admin.ModelAdmin):
    list_display = ["when", "what", "item_link", "why", "dealt_with"]
    list_display_links = None
    list_filter = [OpenFilter, "step"]
    search_fields = ["item_repr", "error"]
    list_select_related = ["content_type"]
    actions = ["try_again", "mark_dealt_with"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="when", ordering="created_at")
    def when(self, aside):
        return dated(aside.created_at, f"{aside.attempts} attempts" if aside.attempts > 1 else "")

    @admin.display(description="what", ordering="step")
    def what(self, aside):
        return aside.get_step_display().capitalize()

    @admin.display(description="item", ordering="item_repr")
    def item_link(self, aside):
        if aside.content_type is None:
            return "The whole site"
        try:
            url = reverse(f"admin:{aside.content_type.app_label}_{aside.content_type.model}_change",
                          args=[aside.object_id])
        except NoReverseMatch:
            return clamp(aside.item_repr)
        return format_html('<a href="{}">{}</a>', url, clamp(aside.item_repr))

    @admin.display(description="why")
    def why(self, aside):
        return clamp(aside.error)

    @admin.display(description="dealt with", ordering="resolved_at")
    def dealt_with(self, aside):
        return dated(aside.resolved_at) if aside.resolved_at else "Not yet"

    @admin.action(description="Mark the chosen failures as dealt with", permissions=["view"])
    def mark_dealt_with(self, request, queryset):
        done = queryset.filter(resolved_at=None).update(resolved_at=timezone.now())
        self.message_user(request, f"{done} marked as dealt with.", messages.SUCCESS)

    @admin.action(description="Try the chosen renditions and mentions again", permissions=["view"])
    def try_again(self, request, queryset):
        """What an item derives from its content, made again now (a scheduled change waits for an editor's fix)."""
        chosen = [aside for aside in queryset.filter(resolved_at=None, step=SetAside.Step.DERIVED) if aside.item]
        for aside in chosen:
            publication.refresh(aside.item)
        items = [aside.item for aside in chosen]
        publication.announce(items, frozenset(surrogate_keys.item_key(type(item), item.pk) for item in items))
        left = queryset.filter(pk__in=[aside.pk for aside in chosen], resolved_at=None).count()
        self.message_user(request, f"{len(chosen) - left} of {len(chosen)} went through this time.",
                          messages.SUCCESS if not left else messages.WARNING)
