from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import ListView, TemplateView
from django.views.static import serve as static_serve
from taggit.models import Tag

from editorial import structured_data as ld
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, feed_link, latest_feed, social_image
from people.models import Person
from reviews.models import Review
from shows.models import Show

TAG_PAGE_LIST = 60  # shows and people beside a tag's paginated reviews


def serve_media(request, path):
    """Local media for a laptop or a single machine; production serves them from object storage.

    Every file's name changes with its content (uploads get a fresh name, renditions one from the picture and
    its focal point), so browsers may keep them for a year, as the bucket's files say too."""
    response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


class HomeView(PageMetaMixin, TemplateView):
    template_name = "magazine/home.html"

    def page_meta(self, context):
        return PageMeta(
            title=settings.MAGAZINE_NAME,
            description=f"Film and television reviews from {settings.MAGAZINE_NAME}.",
            canonical=canonical_url(self.request),
            feeds=[latest_feed()],
            image=social_image(self.request, context["featured"]),
            structured_data=[{**ld.standalone(ld.organization(self.request))}],
        )

    def get_context_data(self, **kwargs):
        live = Review.objects.live().cards()
        featured = live.filter(featured=True).first() or live.first()
        latest = live.exclude(pk=featured.pk) if featured else live
        return super().get_context_data(featured=featured, latest=latest[: settings.PAGE_SIZE], **kwargs)


class TagView(PageMetaMixin, ListView):
    """Everything live under one tag: reviews (paginated), then shows and people."""

    template_name = "magazine/tag.html"
    paginate_by = settings.PAGE_SIZE
    query_parameters = ("page",)

    def get(self, request, *args, **kwargs):
        self.tag = get_object_or_404(Tag, slug=kwargs["slug"])
        self.shows = list(Show.objects.live().filter(tags=self.tag)[:TAG_PAGE_LIST])
        self.people = list(Person.objects.live().filter(tags=self.tag)[:TAG_PAGE_LIST])
        response = super().get(request, *args, **kwargs)
        if not (response.context_data["paginator"].count or self.shows or self.people):  # counted for the pages
            raise Http404("Nothing published carries this tag yet.")
        return response

    def get_queryset(self):
        return Review.objects.live().filter(tags=self.tag).cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, shows=self.shows, people=self.people, **kwargs)

    def page_meta(self, context):
        tag_url = reverse("tag", args=[self.tag.slug])
        return PageMeta(
            title=f"{self.tag.name}",
            description=describe(f"Reviews, shows and people tagged “{self.tag.name}” in {settings.MAGAZINE_NAME}."),
            canonical=canonical_url(self.request, context.get("page_obj")),
            feeds=[feed_link(f"Reviews tagged “{self.tag.name}”", "tag", self.tag.slug)],
            structured_data=[ld.breadcrumbs(self.request, [("Home", reverse("home")), (self.tag.name, tag_url)])],
        )
