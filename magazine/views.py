from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from django.views.static import serve as static_serve
from taggit.models import Tag

from editorial import structured_data as ld
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, feed_link, latest_feed, social_image
from people.models import Person
from reviews.archive import query_string
from reviews.archive_pages import archive_page, read_position
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


class TagView(PageMetaMixin, TemplateView):
    """Everything live under one tag: reviews, in the archive's pages (cheap at any depth), then shows and people."""

    template_name = "magazine/tag.html"
    query_parameters = ("page", "before")

    def get(self, request, *args, **kwargs):
        self.tag = get_object_or_404(Tag, slug=kwargs["slug"])
        self.shows = list(Show.objects.live().filter(tags=self.tag)[:TAG_PAGE_LIST])
        self.people = list(Person.objects.live().filter(tags=self.tag)[:TAG_PAGE_LIST])
        page, before = read_position(request.GET)
        self.page = archive_page(Review.objects.live().filter(tags=self.tag), page=page, before=before)
        if not (self.page.count or self.shows or self.people):
            raise Http404("Nothing published carries this tag yet.")
        self.position = [("before", str(before))] if before else [("page", page)] if page != "1" else []
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        path = self.request.path
        return super().get_context_data(
            tag=self.tag, shows=self.shows, people=self.people, page=self.page,
            links=[link and (link, path + query_string(link.params)) for link in self.page.links],
            newer_url=self.page.newer and path + query_string(self.page.newer.params),
            older_url=self.page.older and path + query_string(self.page.older.params),
            pager_label=f"Pages of reviews tagged {self.tag.name}", **kwargs)

    def page_meta(self, context):
        tag_url = reverse("tag", args=[self.tag.slug])
        title = self.tag.name + (f", page {self.page.number}" if self.page.number > 1 else "")
        return PageMeta(
            title=title,
            description=describe(f"Reviews, shows and people tagged “{self.tag.name}” in {settings.MAGAZINE_NAME}."),
            canonical=self.request.build_absolute_uri(self.request.path + query_string(self.position)),
            feeds=[feed_link(f"Reviews tagged “{self.tag.name}”", "tag", self.tag.slug)],
            structured_data=[ld.breadcrumbs(self.request, [("Home", reverse("home")), (self.tag.name, tag_url)])],
        )
