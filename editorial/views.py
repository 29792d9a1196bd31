"""The public views every content type shares: its live items, one by slug (old slugs redirect) and in pages."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView

from editorial.models import OldSlug


class LiveDetailView(DetailView):
    """A live item by slug; an address it used to have redirects permanently.

    With ``preview_item`` (see editorial.preview) it shows that item whatever its state, marked as a preview.
    """

    slug_url_kwarg = "slug"
    preview_item = None
    preview_label = ""

    def get_queryset(self):
        return self.model.objects.all() if self.preview_item else self.model.objects.live()

    def get_object(self, queryset=None):
        if self.preview_item:
            return (queryset or self.get_queryset()).get(pk=self.preview_item.pk)
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview_label, **kwargs)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            if self.preview_item:
                raise
            current = now_at(self.get_queryset(), kwargs["slug"])
            if not current:
                raise
            return redirect(current, permanent=True)


def now_at(items, old_slug: str):
    """The item of ``items`` that had the address ``old_slug``, or None."""
    old = OldSlug.objects.filter(content_type=ContentType.objects.get_for_model(items.model), slug=old_slug).first()
    return old and items.filter(pk=old.object_id).first()
