from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format

from editorial.admin import DraftInline, EditorialAdmin, StateFilter
from editorial.admin_lists import ChangesFilter, clamp
from editorial.models import Status
from pictures.admin import PICTURE_FIELDS
from reviews.forms import HouseStyleImportForm, ReviewForm
from reviews.house_style import HouseStyleError
from reviews.models import Mention, Review
from reviews.services import import_review, reviews_it_would_repeat


class MentionForm(forms.ModelForm):
    """A mention's row. Mentions follow the body after every save, an autosave too: a row gone since the form was
    opened is passed over, not an error."""

    def __init__(self, *args, gone: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.gone = gone
        self.empty_permitted = self.empty_permitted or gone

    def has_changed(self):
        return not self.gone and super().has_changed()


class MentionFormSet(BaseInlineFormSet):
    """Each “not this one” box names its mention, ticked as the draft has it (``unlinked``)."""

    def __init__(self, *args, unlinked: set[str] | None = None, **kwargs):
        self.unlinked = unlinked
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.is_bound and index is not None and index < self.initial_form_count():
            posted = self.data.get(f"{self.add_prefix(index)}-{self.model._meta.pk.name}")
            kwargs["gone"] = posted not in {str(mention.pk) for mention in self.get_queryset()}  # read once
        return kwargs

    def add_fields(self, form, index):
        super().add_fields(form, index)
        mention = form.instance
        if mention.pk and not form.gone:
            kind = "person" if mention.person_id else "show"
            form.fields["wrong"].widget.attrs["aria-label"] = \
                f"Not this one: “{mention.text}”, the {kind} {mention.target}"
            if self.unlinked is not None:
                form.initial["wrong"] = mention.key in self.unlinked


class MentionInline(DraftInline, admin.TabularInline):
    """What the body names, found on save. An editor ticks “not this one” to unlink a wrong match.

    The ticks belong to the draft: its forms are the mentions as they stand, their ticks read from and kept in
    the draft (on a published review, until its changes are published)."""

    model = Mention
    form = MentionForm
    formset = MentionFormSet
    draft_key = "unlinked"
    fields = ["text", "person", "show", "wrong"]
    readonly_fields = ["text", "person", "show"]
    extra = 0
    can_delete = False
    verbose_name = "mention found in the body"
    verbose_name_plural = "people and shows the body names (found on save)"

    def has_add_permission(self, request, obj=None):
        return False

    def draft_formset_kwargs(self, obj) -> dict:
        return {"unlinked": set(self.draft_rows(obj))}  # the mentions as they stand, ticked as the draft says

    def rows_of(self, formset) -> list[str]:
        return sorted(form.instance.key for form in formset.forms if form.cleaned_data.get("wrong"))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "wrong":
            field.widget.attrs["aria-label"] = "Not this one: the words mean someone or something else"
        return field


@admin.register(Review)
class ReviewAdmin(EditorialAdmin):
    form = ReviewForm
    inlines = [MentionInline]
    fieldsets = [
        (None, {"fields": ["show", "reviewed", "headline", "slug", "standfirst", "body"]}),
        ("Byline and rating", {"fields": ["critic", "rating", "featured", "tags"]}),
        ("Hero still", {"fields": PICTURE_FIELDS}),
    ]
    markup_fields = ("body",)
    markup_line_fields = ("standfirst",)
    list_display = ["headline_cell", "show_cell", "critic", "rating", "state_badge", "date_cell"]
    list_filter = [StateFilter, ChangesFilter, ("show", admin.RelatedOnlyFieldListFilter), "tags", "featured"]
    list_select_related = ["show", "critic", "updated_by"]
    search_fields = ["headline", "standfirst", "show__title", "critic__name"]
    autocomplete_fields = ["show", "critic"]

    @admin.display(description="headline", ordering="headline")
    def headline_cell(self, review):
        return clamp(review.headline)

    @admin.display(description="show", ordering="show__title")
    def show_cell(self, review):
        return clamp(review.show if review.season is None else review.subject)

    def get_urls(self):
        import_url = path("import/", self.admin_site.admin_view(self.import_view), name="reviews_review_import")
        return [import_url, *super().get_urls()]

    def import_view(self, request):
        """Paste a house-style review; land on the change page of the new draft. Every error of the text shows at
        once; a second review of a show by the same critic waits for the editor to confirm it."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = HouseStyleImportForm(request.POST or None, may_set_publication_time=self.has_publish_permission(request))
        earlier = []
        if request.method == "POST" and form.is_valid():
            title = form.cleaned_data["title"]
            earlier = [] if request.POST.get("second_review") else reviews_it_would_repeat(form.parsed, title=title)
            if not earlier:
                try:
                    report = import_review(form.parsed, title=title, by=request.user)
                except HouseStyleError as error:
                    form.add_house_style_error(error)
                else:
                    return self.imported(request, report)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "title": "Import a review from house style", "earlier_reviews": earlier,
                   "error_lines": ",".join(map(str, sorted(set(form.error_lines))))}
        return TemplateResponse(request, "admin/reviews/review/import.html", context)

    def imported(self, request, report):
        review = report.review
        self.message_user(request, f"Imported “{review.headline}” ({report.outcome}: "
                                   f"{report.summary() or 'nothing new'}).", messages.SUCCESS)
        if review.published_at and review.status != Status.PUBLISHED and self.has_publish_permission(request):
            when = date_format(timezone.localtime(review.published_at), "j M Y, H:i")
            self.message_user(request, f"Its publication time is {when}, from the front matter: Publish uses it "
                                       "(a time ahead schedules it).", messages.INFO)
        for notice in report.notices:
            self.message_user(request, notice, messages.WARNING)
        return redirect("admin:reviews_review_change", review.pk)
