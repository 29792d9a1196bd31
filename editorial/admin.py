"""The admin half of the editorial workflow, shared by every registered content type."""

import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from taggit.managers import TaggableManager
from taggit.models import Tag

from editorial import conflicts, drafts, publish_keys, registry, revisions, set_aside, workflow
from editorial.admin_audit import AuditEntryAdmin  # noqa: F401  (the audit log, registered there)
from editorial.admin_lists import ChangesFilter, EditorialListMixin
from editorial.admin_markup import MarkupAdminMixin
from editorial.admin_safety import EditorialSafetyMixin
from editorial.admin_set_aside import SetAsideAdmin  # noqa: F401  (what failed after the fact, registered there)
from editorial.admin_writing import PAGE_FIELD, WritingAdminMixin, caught_up
from editorial.forms import EditorialForm
from editorial.models import Changes, EditorialModel, State, Status
from editorial.widgets import SafeAutocomplete, TagAutocompleteWidget


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


BUTTON_LABELS = {
    workflow.SAVE_DRAFT: "Save draft",
    workflow.SUBMIT: "Submit for review",
    workflow.PUBLISH: "Publish",
    workflow.UNPUBLISH: "Unpublish",
    workflow.SEND_BACK: "Send back to the writer",
}
DONE = {
    workflow.SAVE_DRAFT: "saved as a draft",
    workflow.SUBMIT: "submitted for review",
    workflow.PUBLISH: "published",
    workflow.UNPUBLISH: "unpublished: readers no longer see it",
    workflow.SEND_BACK: "sent back to the writer",
}


def pressed(request) -> str:
    """The workflow button behind a POST; Django's own Save buttons save a draft."""
    return next((name for name in workflow.BUTTONS if name in request.POST), workflow.SAVE_DRAFT)


class DraftInline(SafeAutocomplete):
    """An inline that edits a part of the draft (``draft_key`` of its revisions). Its forms are the draft's rows and
    are read back into it, never saved as rows: ``drafts.save`` writes the rows when they hold the draft. Its model
    provides ``as_row()``."""

    draft_key = ""

    def draft_rows(self, obj) -> list[dict] | None:
        """The part's rows in the draft of a saved item; None for a new one."""
        if obj is None or not obj.pk:
            return None
        return drafts.content_of(obj).get(self.draft_key, [])

    def draft_formset_kwargs(self, obj) -> dict:
        return {"draft_rows": self.draft_rows(obj)}

    def rows_of(self, formset) -> list[dict]:
        return [form.instance.as_row() for form in formset.forms
                if form.cleaned_data and not form.cleaned_data.get(DELETION_FIELD_NAME)]

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return [*fields, KEPT_FILES] if file_fields(self.model) else fields

    def get_formset(self, request, obj=None, **kwargs):
        if file_fields(self.model):  # its rows carry their pictures' names (DraftRows.add_fields)
            hidden = forms.CharField(widget=forms.HiddenInput, required=False)
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(f"{self.model.__name__}RowForm", (base,), {KEPT_FILES: hidden})
        return super().get_formset(request, obj, **kwargs)

    def store_uploads(self, formset) -> None:
        """Store the pictures uploaded in the rows, as a save would, so that the draft's rows name them: only once
        the form is saved (a refused save leaves no file behind)."""
        for form in formset.forms:
            if form.cleaned_data and not form.cleaned_data.get(DELETION_FIELD_NAME):
                for field in file_fields(form.instance):
                    field.pre_save(form.instance, add=True)


def file_fields(model) -> list:
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


class DraftRows:
    """The formset of a ``DraftInline``: its first forms are the draft's rows (``draft_rows``), shown as rows are,
    with a Delete box. What is posted makes new instances only, read back into the draft; it has changed when the
    rows it makes are not the draft's as it stands now (an autosave may have saved them since the page opened)."""

    def __init__(self, *args, draft_rows: list[dict] | None = None, **kwargs):
        self.draft_rows = draft_rows
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        if self.draft_rows is None:
            return super().get_queryset()
        if self.is_bound:  # the posted rows stand for themselves: no form edits a stored row
            return self.model._default_manager.none()
        return [self.row_instance(row) for row in self.rows_in_order()]

    def rows_in_order(self) -> list[dict]:
        """The draft's rows in the table's own order (a show's billing order), as the page shows them."""
        ordering = [name for name in self.draft_inline.ordering or () if name in self.draft_rows[0]] \
            if self.draft_rows else []
        return sorted(self.draft_rows, key=lambda row: [(row[name] is None, row[name]) for name in ordering])

    def initial_form_count(self):
        """Posted, every form is a new row (the draft's rows have no stored row to stand for): none is an initial
        form, whose stored row's id would be required."""
        if self.draft_rows is not None and self.is_bound:
            return 0
        return super().initial_form_count()

    def add_fields(self, form, index):
        """A row with a picture carries the stored file's name, signed: a browser posts no file it did not pick, and
        the name, unlike the row's place in a draft that autosave may have reordered, cannot be confused."""
        super().add_fields(form, index)
        if self.draft_rows is not None and KEPT_FILES in form.fields and not self.is_bound:
            names = {field.attname: getattr(form.instance, field.attname).name or ""
                     for field in file_fields(form.instance)}
            form.initial[KEPT_FILES] = signing.dumps(names, salt=KEPT_FILES_SALT) if any(names.values()) else ""

    def get_form_kwargs(self, index):
        """A posted row starts from the files its signed names name (``add_fields``)."""
        kwargs = super().get_form_kwargs(index)
        if self.draft_rows is None or not self.is_bound or index is None:
            return kwargs
        token = self.data.get(f"{self.add_prefix(index)}-{KEPT_FILES}", "")
        try:
            names = signing.loads(token, salt=KEPT_FILES_SALT, max_age=KEPT_FILES_SECONDS) if token else {}
        except signing.BadSignature:
            names = {}  # a forged or expired name keeps no file
        known = {field.attname for field in file_fields(self.model)}
        kept = {name: value for name, value in names.items() if name in known and isinstance(value, str)}
        if kept:
            kwargs["instance"] = self.model(**{self.fk.name: self.instance}, **kept)
        return kwargs

    def has_changed(self):
        if self.draft_rows is None or not self.is_bound:
            return super().has_changed()
        return not self.is_valid() or same_rows(self.draft_inline.rows_of(self)) != same_rows(self.draft_rows)

    def row_instance(self, row: dict):
        instance = self.model(**{self.fk.name: self.instance})  # its label may name the item: no query for it
        for name, value in row.items():
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:  # kept for reading (a person's name), not a field
                continue
            setattr(instance, field.attname, value)
        return instance


KEPT_FILES = "kept_files"
KEPT_FILES_SALT = "editorial.draft_rows.kept_files"
KEPT_FILES_SECONDS = 7 * 24 * 3600  # a change form left open for a week still keeps its rows' pictures


def same_rows(rows: list[dict]) -> list[str]:
    """Rows in a form that compares whatever their order."""
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)


class WorkflowForm(EditorialForm):
    """The change form of every editorial model: it edits the item's draft, and refuses a stale version or a button
    its user may not press. ``EditorialAdmin.get_form`` gives it the user and the button."""

    user = None
    button = None  # the workflow button pressed (None on a GET)

    def __init__(self, *args, instance=None, **kwargs):
        apart = drafts.kept_apart(instance) if instance is not None and instance.pk else None
        if apart is not None:
            drafts.overlay(instance, apart)
        super().__init__(*args, instance=instance, **kwargs)
        if apart is not None and "tags" in self.fields and "tags" in apart:
            self.initial["tags"] = [Tag(name=name) for name in apart["tags"]]  # as the tag box shows them
        if "changes_at" in self.fields:
            self.fields["changes_at"].help_text += f" {time_zone_note()}"
            label_split_widget(self.fields["changes_at"], "Publish the changes at")
        if "with_dependencies" in self.fields and self.instance.pk:
            waiting = ", ".join(f"the {d._meta.verbose_name} “{d}” ({d.state.label.lower()})"
                                for d in self.instance.waiting_dependencies())
            self.fields["with_dependencies"].help_text = (
                f"Not live yet: {waiting}. Ticked, they are published (or brought forward) with it.")

    def clean(self):
        cleaned = super().clean()
        existing = self.instance if self.instance.pk else None
        if existing and cleaned.get("loaded_version") is None:  # a form from elsewhere, or tampered with
            raise ValidationError("This form does not say which version of the item it was opened on, so "
                                  "saving it could overwrite someone's work. Reload the page and try again.",
                                  code="stale")
        if existing:
            loaded = caught_up(self.instance, cleaned["loaded_version"], self.data.get(PAGE_FIELD, ""))
            self.conflict = conflicts.check(self.instance, loaded)
            if self.conflict:
                raise ValidationError(self.conflict.message, code="stale")
        try:
            workflow.check_button(self.user, existing, type(self.instance), self.button or workflow.SAVE_DRAFT)
        except PermissionDenied as error:
            raise ValidationError(str(error), code="not_allowed") from error
        if self.button == workflow.PUBLISH and not cleaned.get("with_dependencies"):
            blockers = self.instance.publish_blockers()
            if existing is None or not self.instance.is_live:
                self.instance.published_at = cleaned.get("published_at") or timezone.now()
                blockers = self.instance.publish_blockers()
            if blockers:
                if "with_dependencies" in self.fields:
                    blockers.append("Or tick “Publish what it needs with it” to publish them together.")
                raise ValidationError(blockers, code="blocked")
        return cleaned


class EditorialAdmin(SafeAutocomplete, EditorialListMixin, EditorialSafetyMixin, MarkupAdminMixin, WritingAdminMixin,
                     admin.ModelAdmin):
    """Status column and filter, the workflow's buttons, drafts, and the record of who."""

    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    list_filter = [StateFilter, ChangesFilter]
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

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.can_delete(request.user, obj))

    # --- the change form --------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request) or (obj is not None and obj.is_live):
            readonly.append("published_at")  # when an item goes live is an editor's call, and once only
        return readonly

    def get_fieldsets(self, request, obj=None):
        publishing = ["published_at"]
        if self.has_publish_permission(request):
            if obj is not None and obj.is_live:
                publishing += ["changes_at", "correction"]
            may_depend = self.model.dependencies is not EditorialModel.dependencies
            if may_depend and (obj is None or obj.waiting_dependencies()):
                publishing.append("with_dependencies")
        return [
            *self.fieldsets,
            ("Publishing", {"fields": [*publishing, "note", "loaded_version"]}),
            ("Record", {"fields": ["created_at", "created_by", "updated_at", "updated_by"],
                        "classes": ["collapse"]}),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager):
            kwargs["widget"] = TagAutocompleteWidget
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and field is not None:
            field.help_text = f"{field.help_text} {time_zone_note()}".strip()
            label_split_widget(field, db_field.verbose_name)
        return field

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        button = pressed(request) if request.method == "POST" else None
        return type(f"{self.model.__name__}WorkflowForm", (WorkflowForm, form_class),
                    {"user": request.user, "button": button})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, DraftInline) and obj is not None and obj.pk:
            kwargs.update(inline.draft_formset_kwargs(obj))
        return kwargs

    def save_model(self, request, obj, form, change):
        """Nothing is written here: the button's service keeps the form's edits as the draft (``save_related``)."""
        if change:
            workflow.keep_baseline(obj)  # what stood before this save, read before it writes

    def save_related(self, request, form, formsets, change):
        self.press(request, form, form.instance, self.draft_of(request, form, formsets))

    def draft_of(self, request, form, formsets) -> dict:
        """The draft as the form leaves it: fields, tags, and what the inlines edit."""
        item = form.instance
        for field in item._meta.concrete_fields:
            if isinstance(field, models.FileField):
                field.pre_save(item, add=not item.pk)  # an upload is stored now, as a save would: the draft names it
        before = drafts.content_of(type(item)._default_manager.get(pk=item.pk)) if item.pk else {}
        data = {**before, **revisions.fields_of(item)}
        if "tags" in form.cleaned_data:
            data["tags"] = sorted(form.cleaned_data["tags"])
        for formset in formsets:
            inline = getattr(formset, "draft_inline", None)
            if inline is not None and inline.has_change_permission(request, item if item.pk else None):
                inline.store_uploads(formset)
                data[inline.draft_key] = inline.rows_of(formset)  # a table the user may only read stays as it is
        return data

    def construct_change_message(self, request, form, formsets, add=False):
        return super().construct_change_message(request, form, [], add)  # inlines are kept in the draft, not as rows

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if isinstance(inline, DraftInline):  # its formset reads back into the draft
                formset = type(formset.__name__, (DraftRows, formset), {"draft_inline": inline})
            yield formset, inline

    def press(self, request, form, item, data) -> None:
        """The button's service; what it did is said to the editor by ``response_change``, from the same button."""
        note, user, button = form.cleaned_data.get("note", ""), request.user, form.button or workflow.SAVE_DRAFT
        if button == workflow.PUBLISH:
            live = type(item)._default_manager.filter(pk=item.pk).live().exists()  # as stored, not as edited
            at = form.cleaned_data.get("changes_at") if live else form.cleaned_data.get("published_at")
            workflow.publish(item, by=user, at=at, note=note, data=data,
                             correction=form.cleaned_data.get("correction", ""),
                             with_dependencies=bool(form.cleaned_data.get("with_dependencies")))
        elif button == workflow.UNPUBLISH:
            workflow.save_draft(item, by=user, data=data)  # what the form held becomes the unpublished draft
            workflow.unpublish(item, by=user, note=note)
        else:
            service = {workflow.SUBMIT: workflow.submit, workflow.SEND_BACK: workflow.send_back}.get(
                button, workflow.save_draft)
            service(item, by=user, data=data, note=note)

    def response_add(self, request, obj, post_url_continue=None):
        if IS_POPUP_VAR in request.POST:  # made from another form's “+”: Django closes the popup and picks it
            return super().response_add(request, obj, post_url_continue)
        return self.response_change(request, obj)

    def response_change(self, request, obj):
        if IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        button = pressed(request)  # the form's own button, whose service has run
        obj.refresh_from_db()
        done = DONE[button]
        if button == workflow.PUBLISH and obj.pending_changes == Changes.SCHEDULED:
            done = "changes scheduled; readers see the live version until then"
        elif button == workflow.PUBLISH and obj.state == State.SCHEDULED:
            done = f"scheduled for {timezone.localtime(obj.published_at):%d %b %Y, %H:%M}"
        elif obj.pending_changes and button in (workflow.SAVE_DRAFT, workflow.SUBMIT, workflow.SEND_BACK):
            done += "; readers still see the live version until an editor publishes the changes"
        self.message_user(request, f"The {obj._meta.verbose_name} “{obj}” was {done}.", messages.SUCCESS)
        return redirect(reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_buttons"] = [
            (name, self.button_label(name, obj)) for name in workflow.buttons(request.user, obj, self.model)
            if context.get("has_change_permission", True) or add]
        if obj is not None and obj.status == Status.PUBLISHED:
            context["working_copy"] = self.working_copy_panel(obj)
        if obj is not None:
            context["set_aside"] = list(set_aside.open_for(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def button_label(name: str, obj) -> str:
        if name == workflow.PUBLISH and obj is not None:
            if obj.is_live and obj.pending_changes:
                return "Publish changes"
            if obj.state == State.SCHEDULED or (obj.published_at and obj.published_at > timezone.now()):
                return "Schedule"
        return BUTTON_LABELS[name]

    def working_copy_panel(self, obj) -> dict:
        stored = type(obj)._default_manager.get(pk=obj.pk)
        revision = drafts.pending_revision(stored)
        changes = revisions.diff(self.model, revisions.snapshot(stored), revision.data) if revision else []
        return {"state": stored.get_pending_changes_display(), "pending": stored.pending_changes,
                "revision": revision, "changes": changes, "live": stored.is_live}

    def delete_model(self, request, obj):
        pk = obj.pk
        publish_keys.remember(obj)  # the lists it leaves
        super().delete_model(request, obj)
        workflow.deleted(obj, pk)

    def delete_queryset(self, request, queryset):
        items = list(queryset)
        for item in items:
            publish_keys.remember(item)
        super().delete_queryset(request, queryset)
        for item in items:
            workflow.deleted(item, item.pk)

    def get_search_results(self, request, queryset, search_term):
        """The admin's search box uses the site's search index too, drafts included: “laage” finds Laâge."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        ids = registry.admin_search_ids(self.model, search_term)
        return (found | queryset.filter(pk__in=ids)) if ids else found, may_have_duplicates

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else None

    # --- the change list --------------------------------------------------

    @admin.action(description="Submit selected for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply(request, queryset, workflow.submit, "submitted for review")

    @admin.action(description="Publish selected now, with their changes (or at their scheduled time)",
                  permissions=["publish"])
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


def label_split_widget(field, name) -> None:
    """The split date/time widget's two boxes each need a name of their own."""
    for part, widget in zip(("date", "time"), getattr(field.widget, "widgets", []), strict=False):
        widget.attrs["aria-label"] = f"{capfirst(name)}: {part}"
