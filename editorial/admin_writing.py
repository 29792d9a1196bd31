"""The writing desk on every editorial change form: paragraphs shown as paragraphs with their length, room for
a sentence of alt text, and autosave.

Autosave posts the change form as it stands to ``<id>/autosave/`` every 30 seconds and on leaving a field. It
goes through the admin's own form (the same permissions, read-only fields and conflict check) and the same
service as Save draft, so the edits become the item's draft and readers see nothing new. It saves what the
item holds, its table rows too: never a workflow button, a note, a picture or another one-off instruction (those
wait for a button), and never over a newer save: a form opened on an older version is refused with who saved
since.
"""

from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist
from django.db import models, router, transaction
from django.forms.formsets import all_valid
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from taggit.managers import TaggableManager

from editorial import workflow
from editorial.shared_cache import attempt
from editorial.writing import ParagraphsField, ParagraphsWidget, SentenceWidget

KEPT_FORM_FIELDS = {"loaded_version"}  # the field every form has that autosave reads, not the item's own
PAGE_FIELD = "autosave_page"  # the open page's own id, which its autosaves and its buttons' saves carry
PAGE_MEMORY_SECONDS = 12 * 3600
MOST_AUTOSAVES_CAUGHT_UP = 200


def autosave_key(item, version: int) -> str:
    return f"autosaved:{ContentType.objects.get_for_model(item).pk}:{item.pk}:{version}"


def caught_up(item, loaded_version, page: str):
    """The version a form stands on: the one it was opened on, or a later one when every save since was an autosave
    of this very page (whose form holds all it saved, and more). A page's own autosave is never a conflict;
    anyone else's save, or another page's, still is."""
    if not page or loaded_version is None:
        return loaded_version
    current = type(item)._default_manager.filter(pk=item.pk).values_list("version", flat=True).first() or 0
    if not 0 < current - loaded_version <= MOST_AUTOSAVES_CAUGHT_UP:
        return loaded_version
    keys = [autosave_key(item, version) for version in range(loaded_version + 1, current + 1)]
    pages = attempt("get_many", keys, default={}) or {}
    return current if all(pages.get(key) == page[:64] for key in keys) else loaded_version


def refused(message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"saved": False, "error": message, **extra}, status=status)


class WritingAdminMixin:
    paragraph_fields: tuple[str, ...] = ()  # texts kept one paragraph a line: shown as paragraphs, counted
    sentence_fields: tuple[str, ...] = ("image_alt", "image_caption")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.paragraph_fields:
            kwargs.update(form_class=ParagraphsField, widget=ParagraphsWidget)
        elif db_field.name in self.sentence_fields:
            kwargs["widget"] = SentenceWidget
        elif isinstance(db_field, TaggableManager):
            kwargs["help_text"] = "Type a tag and press Enter or a comma; × takes one off. The magazine’s tags are " \
                                  "suggested as you type."
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_autosave"
        return [path("<path:object_id>/autosave/", self.admin_site.admin_view(self.autosave_view), name=name),
                *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and context.get("has_change_permission", True):
            context["autosave_url"] = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_autosave",
                                              args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield type(formset.__name__, (LabelledRows, formset), {}), inline

    # --- autosave -------------------------------------------------------------------------------

    def inline_formsets(self, request, obj) -> list:
        """The change form's inline formsets the user may change, bound to the request as the change view binds
        them (a table the user may only read posts nothing, and is left as it is)."""
        formsets, prefixes = [], {}
        for formset_class, inline in self.get_formsets_with_inlines(request, obj):
            prefix = formset_class.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1 or not prefix:
                prefix = f"{prefix}-{prefixes[prefix]}"
            if inline.has_change_permission(request, obj):
                formsets.append(formset_class(**self.get_formset_kwargs(request, obj, inline, prefix)))
        return formsets

    def autosave_view(self, request, object_id):
        if request.method != "POST":
            return refused("Autosave takes the change form, posted.", 405)
        with transaction.atomic(using=router.db_for_write(self.model)):
            return self.autosave(request, unquote(object_id))

    def autosave(self, request, object_id):
        item = self.get_object(request, object_id)
        if item is None:
            return refused(f"No {self.opts.verbose_name} with that id: it may have been deleted.", 404)
        if not self.has_change_permission(request, item):
            return refused(f"You may not change this {self.opts.verbose_name}.", 403)
        request.POST = without_buttons(request.POST)  # autosave is Save draft, whatever was posted
        form_class = self.get_form(request, item, change=True,
                                   fields=flatten_fieldsets(self.get_fieldsets(request, item)))
        form = form_class(request.POST, instance=item)
        kept = KEPT_FORM_FIELDS | set(getattr(form, "autosaved", ()))  # a form's own field that sets model fields
        for name in list(form.fields):
            if name not in kept and not is_model_field(self.model, name):
                del form.fields[name]  # notes, the credits-line box, pictures: for the buttons
        formsets = self.inline_formsets(request, form.instance)
        valid = form.is_valid()
        if form.has_error(NON_FIELD_ERRORS, "stale"):
            return refused(" ".join(form.non_field_errors()), 409, conflict=True)
        if form.has_error(NON_FIELD_ERRORS, "not_allowed"):
            return refused(" ".join(form.non_field_errors()), 403)
        changed = form.has_changed() or any(formset.has_changed() for formset in formsets)
        if not valid or (changed and not all_valid(formsets)):
            return refused("Not saved yet: " + "; ".join(error_lines(form, formsets)), 400)
        if changed:
            item = self.save_form(request, form, change=True)
            self.save_model(request, item, form, True)
            self.save_related(request, form, formsets, True)
            page = request.POST.get(PAGE_FIELD, "")[:64]
            if page:
                attempt("set", autosave_key(item, item.version), page, PAGE_MEMORY_SECONDS)
        return JsonResponse({"saved": bool(changed), "version": item.version,
                             "at": timezone.localtime().strftime("%H:%M")})


class LabelledRows:
    """A table of inline forms labels its columns in the header only: each box gets a name of its own,
    “Role of credit 3”, for screen readers (and “Role of the new credit” in the row “Add another” copies)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        noun = self.model._meta.verbose_name
        label_form(form, f"the new {noun}" if index is None else f"{noun} {index + 1}")


def label_form(form, row: str) -> None:
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)  # inside the “+” and pencil links' wrapper
        if not widget.is_hidden and "aria-label" not in widget.attrs:
            label = f"Delete {row}" if name == "DELETE" else f"{capfirst(str(field.label or name))} of {row}"
            widget.attrs["aria-label"] = label


def without_buttons(data):
    data = data.copy()
    for name in workflow.BUTTONS:
        data.pop(name, None)
    return data


def is_model_field(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # a field of the form only
        return False
    return not isinstance(field, models.FileField) and (field.concrete or field.many_to_many)


def error_lines(form, formsets) -> list[str]:
    lines = [f"{capfirst(form.fields[name].label) if name in form.fields else ''}: {' '.join(errors)}".lstrip(": ")
             for name, errors in form.errors.items()]
    for formset in formsets:
        for errors in [*formset.errors, {NON_FIELD_ERRORS: formset.non_form_errors()}]:
            lines += [f"{formset.model._meta.verbose_name}: {' '.join(messages)}"
                      for messages in errors.values() if messages]
    return lines or ["a part of the form is not valid"]

