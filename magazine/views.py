from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from magazine.models import OldSlug
from people.models import Person
from reviews.models import Review
from shows.models import Show

TAG_PAGE_LIST = 60  # shows and people beside a tag's paginated reviews


class LiveDetailView(DetailView):
    """A live item by slug; an address it used to have redirects permanently."""

    slug_url_kwarg = "slug"

    def get_queryset(self):
        return self.model.objects.live()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            old = OldSlug.objects.filter(
                content_type=ContentType.objects.get_for_model(self.model), slug=kwargs["slug"]
            ).first()
            current = old and self.get_queryset().filter(pk=old.object_id).first()
            if not current:
                raise
            return redirect(current, permanent=True)


class LiveListView(ListView):
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return self.model.objects.live()


def review_cards(queryset):
    """Reviews with everything a card shows, in one query."""
    return queryset.select_related("show", "critic")


class HomeView(TemplateView):
    template_name = "magazine/home.html"

    def get_context_data(self, **kwargs):
        live = review_cards(Review.objects.live())
        featured = live.filter(featured=True).first() or live.first()
        latest = live.exclude(pk=featured.pk) if featured else live
        return super().get_context_data(featured=featured, latest=latest[: settings.PAGE_SIZE], **kwargs)


class TagView(ListView):
    """Everything live under one tag: reviews (paginated), then shows and people."""

    template_name = "magazine/tag.html"
    paginate_by = settings.PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.tag = get_object_or_404(Tag, slug=kwargs["slug"])
        self.shows = list(Show.objects.live().filter(tags=self.tag)[:TAG_PAGE_LIST])
        self.people = list(Person.objects.live().filter(tags=self.tag)[:TAG_PAGE_LIST])
        response = super().get(request, *args, **kwargs)
        if not (self.object_list.exists() or self.shows or self.people):
            raise Http404("Nothing published carries this tag yet.")
        return response

    def get_queryset(self):
        return review_cards(Review.objects.live().filter(tags=self.tag))

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, shows=self.shows, people=self.people, **kwargs)
