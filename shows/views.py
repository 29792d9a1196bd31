from django.conf import settings
from django.db.models import OuterRef
from django.urls import reverse

from editorial import structured_data as ld
from editorial.alphabet import AlphabeticalIndexView, count_of
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, feed_link, latest_feed, social_image
from editorial.views import LiveDetailView
from shows.credits import credits_by_person
from shows.models import Show
from shows.structured_data import work


class ShowListView(PageMetaMixin, AlphabeticalIndexView):
    model = Show
    template_name = "shows/list.html"

    def entries(self, queryset):
        reviews = Show.reviews.field.model.objects.live()  # reached through the reviews' own link to shows
        return queryset.annotate(review_count=count_of(reviews.filter(show=OuterRef("pk"))))

    def page_meta(self, context):
        title = "Films and series" + (f", {context['span']}" if self.position else "")
        return PageMeta(title=title, description="Every film and series the magazine has covered, from A to Z.",
                        canonical=self.canonical(), feeds=[latest_feed()])


class ShowDetailView(PageMetaMixin, LiveDetailView):
    model = Show
    template_name = "shows/detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        show = self.object
        self.credits = list(show.credits.select_related("person"))
        return super().get_context_data(
            credits=credits_by_person(self.credits),
            reviews=show.reviews.live().cards(),
            mentioned_in=show.reviews.model.objects.live()  # reached through the reviews' own link to shows
            .mentioning(show=show).exclude(show=show).cards()[: settings.PAGE_SIZE],
            **kwargs,
        )

    def page_meta(self, context):
        show = self.object
        trail = [("Home", reverse("home")), ("Shows", reverse("shows:list")), (show.title, show.get_absolute_url())]
        return PageMeta(
            title=f"{show.title} ({show.years})",
            description=describe(show.synopsis, f"{show.title} ({show.years}): credits and reviews."),
            canonical=canonical_url(self.request),
            og_type="video.tv_show" if show.kind == Show.Kind.SERIES else "video.movie",
            image=social_image(self.request, show),
            feeds=[feed_link(f"Reviews of {show.title}", "show", show.slug)],
            structured_data=[ld.standalone(work(self.request, show, self.credits)),
                             ld.breadcrumbs(self.request, trail)],
        )
