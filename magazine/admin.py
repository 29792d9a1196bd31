"""The admin half of the editorial workflow, shared by reviews, people and shows."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from taggit.managers import TaggableManager

from magazine import conflicts, search, workflow
from magazine.admin_safety import EditorialSafetyMixin
from magazine.editorial import State, Status
from magazine.forms import EditorialForm
from magazine.models import AuditEntry
from magazine.widgets import TagAutocompleteWidget

PICTURE_FIELDS = ["image", "image_alt", "image_caption", "image_credit", ("image_focus_x", "image_focus_y")]


class StateFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.in_state(self.value())
        return queryset


def time_zone_note() -> str:
    now = timezone.localtime()
    return f"Times are in the magazine’s time zone, {settings.TIME_ZONE} ({now:%Z}, UTC{now:%z})."


class EditorialAdmin(EditorialSafetyMixin, admin.ModelAdmin):
    """Status column and filter, workflow actions, the writer/editor rule, and the record of who."""

    editorial_fieldsets = [
        ("Publishing", {"fields": ["status", "published_at", "note", "loaded_version"]}),
        ("Record", {"fields": ["created_at", "created_by", "updated_at", "updated_by"], "classes": ["collapse"]}),
    ]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    list_filter = [StateFilter]
    date_hierarchy = "published_at"
    actions = ["submit_for_review", "publish", "unpublish"]
    list_per_page = 50
    list_select_related = ["updated_by"]
    form = EditorialForm

    class Media:
        css = {"all": ["css/admin.css"]}

    # --- who may do what -------------------------------------------------

    def has_publish_permission(self, request) -> bool:
        return workflow.can_publish(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    # --- the change form --------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("published_at")  # when an item goes live is an editor's call
        return readonly

    def get_fieldsets(self, request, obj=None):
        return [*self.fieldsets, *self.editorial_fieldsets]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager):
            kwargs["widget"] = TagAutocompleteWidget
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and field is not None:
            field.help_text = f"{field.help_text} {time_zone_note()}".strip()
            for part, widget in zip(("date", "time"), getattr(field.widget, "widgets", []), strict=False):
                widget.attrs["aria-label"] = f"{capfirst(db_field.verbose_name)}: {part}"  # the split widget's boxes
        if db_field.name == "status" and field is not None and not self.has_publish_permission(request):
            field.help_text = "You can save a draft or submit it for review; an editor publishes it."
        return field

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        user, model = request.user, self.model

        class WorkflowForm(form_class):
            def clean(self):
                cleaned = super().clean()
                if self.instance.pk and cleaned.get("loaded_version") is not None:
                    self.conflict = conflicts.check(self.instance, cleaned["loaded_version"])
                    if self.conflict:
                        raise ValidationError(self.conflict.message, code="stale")
                was = self.instance.status if self.instance.pk else None
                to = cleaned.get("status", was)
                try:
                    workflow.check_change(user, self.instance, was=was, to=to)
                except ValidationError as error:
                    self.add_error("status", error)
                if to == Status.PUBLISHED and not cleaned.get("published_at"):
                    cleaned["published_at"] = timezone.now()
                return cleaned

        WorkflowForm.__name__ = f"{model.__name__}WorkflowForm"
        return WorkflowForm

    def save_model(self, request, obj, form, change):
        stored = type(obj)._default_manager.filter(pk=obj.pk).values("status", "published_at").first() or {}
        try:
            workflow.check_change(request.user, obj, was=stored.get("status"), to=obj.status)
        except ValidationError as error:
            raise PermissionDenied(error.messages[0]) from error
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        obj.refresh_renditions()  # made now, while the editor waits, never while a reader does
        form.stored_before = stored

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        stored = getattr(form, "stored_before", {})
        workflow.saved(form.instance, by=request.user, was=stored.get("status"), was_at=stored.get("published_at"),
                       note=form.cleaned_data.get("note", ""))

    def get_search_results(self, request, queryset, search_term):
        """The admin's search box uses the site's search index too, drafts included: “laage” finds Laâge."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        ids = search.matching_ids(self.model, search_term) if search_term else []
        return (found | queryset.filter(pk__in=ids)) if ids else found, may_have_duplicates

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else None

    # --- the change list --------------------------------------------------

    @admin.display(description="status", ordering="status")
    def state_badge(self, obj):
        state = obj.state
        when = ""
        if state in (State.SCHEDULED, State.LIVE) and obj.published_at:
            when = timezone.localtime(obj.published_at).strftime(" %d %b %Y, %H:%M %Z")
        return format_html('<span class="state state-{}">{}</span>{}', state.value, state.label, when)

    @admin.action(description="Submit selected for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply(request, queryset, workflow.submit_for_review, "submitted for review")

    @admin.action(description="Publish selected now (or at their scheduled time)", permissions=["publish"])
    def publish(self, request, queryset):
        self._apply(request, queryset, workflow.publish, "published or scheduled")

    @admin.action(description="Unpublish selected (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._apply(request, queryset, workflow.unpublish, "unpublished")

    def _apply(self, request, queryset, move, done: str) -> None:
        moved, refused = 0, []
        for item in queryset:
            try:
                move(item, by=request.user)
                moved += 1
            except PermissionDenied as error:
                refused.append(f"{item}: {error}")
            except ValidationError as error:
                refused.append(f"{item}: {' '.join(error.messages)}")
        noun = self.model._meta.verbose_name if moved == 1 else self.model._meta.verbose_name_plural
        if moved:
            self.message_user(request, f"{moved} {noun} {done}.", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.ERROR)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Who published, scheduled, unpublished, restored or shared what, and when: read only."""

    list_display = ["created_at", "created_by", "action", "item_repr", "content_type", "note"]
    list_filter = ["action", "content_type", "created_by"]
    search_fields = ["item_repr", "note"]
    date_hierarchy = "created_at"
    list_select_related = ["created_by", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
