from django.conf import settings
from django.db.models import OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import DetailView

from editorial import structured_data as ld
from editorial.alphabet import AlphabeticalIndexView, count_of
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, feed_link, latest_feed, social_image
from editorial.views import LiveDetailView, now_at
from shows.credits import credits_by_person
from shows.models import Season, Show
from shows.structured_data import tv_season, work
from shows.trailers import Trailer, allow_trailer_frame


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
    trailer = None

    def render_to_response(self, context, **kwargs):
        return allow_trailer_frame(super().render_to_response(context, **kwargs), self.trailer)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        show = self.object
        self.credits = list(show.credits.select_related("person"))
        self.trailer = Trailer.from_stored(show.trailer)
        reviews = list(show.reviews.live().cards())
        return super().get_context_data(
            credits=credits_by_person(self.credits),
            reviews=[review for review in reviews if review.season is None],
            seasons=seasons_with_reviews(show, reviews),
            trailer=self.trailer,
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
            structured_data=[ld.standalone(work(self.request, show, self.credits, self.trailer)),
                             ld.breadcrumbs(self.request, trail)],
        )


def seasons_with_reviews(show, reviews) -> list[tuple[object, list]]:
    """[(season, its reviews and recaps newest first), ...] in season order; a season reviewed before it is
    listed on the show (its row waits in the show's draft) is listed with its number alone."""
    if show.kind != Show.Kind.SERIES:
        return []  # a film's seasons, left from when its draft was a series, are not shown
    seasons = {season.number: season for season in show.season_set.all()}
    by_season: dict[int, list] = {}
    for review in reviews:
        if review.season is not None:
            by_season.setdefault(review.season, []).append(review)
    numbers = sorted(set(seasons) | set(by_season))
    return [(seasons.get(number) or Season(show=show, number=number), by_season.get(number, []))
            for number in numbers]


class SeasonDetailView(PageMetaMixin, DetailView):
    """A season of a live series: its episodes, its cast, its trailer, its reviews and recaps."""

    template_name = "shows/season.html"
    context_object_name = "season"

    def get(self, request, *args, **kwargs):
        """A season has one address: an old slug of its show, or its number written otherwise (“season-02”),
        redirects there."""
        series = Show.objects.live().filter(kind=Show.Kind.SERIES)
        show = series.filter(slug=kwargs["slug"]).first() or now_at(series, kwargs["slug"])
        if show is None:
            raise Http404("No live series at this address.")
        self.object = get_object_or_404(show.season_set.select_related("show"), number=kwargs["number"])
        if request.path != self.object.get_absolute_url():
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        season = self.object
        show = season.show
        self.credits = [credit for credit in show.credits.select_related("person") if credit.covers(season.number)]
        self.episodes = list(show.episode_set.filter(season=season.number))
        self.trailer = Trailer.from_stored(season.trailer or show.trailer)
        reviews = show.reviews.model.objects.live().filter(show=show, season=season.number).cards()
        return super().get_context_data(show=show, credits=credits_by_person(self.credits), episodes=self.episodes,
                                        reviews=reviews, trailer=self.trailer, season_name=str(season),
                                        **kwargs)

    def render_to_response(self, context, **kwargs):
        return allow_trailer_frame(super().render_to_response(context, **kwargs), self.trailer)

    def page_meta(self, context):
        season, show = self.object, self.object.show
        trail = [("Home", reverse("home")), ("Shows", reverse("shows:list")), (show.title, show.get_absolute_url()),
                 (f"Season {season.number}", season.get_absolute_url())]
        return PageMeta(
            title=f"{season} ({season.years or show.years})",
            description=describe(season.synopsis, show.synopsis, f"{season}: episodes, cast and reviews."),
            canonical=canonical_url(self.request),
            og_type="video.tv_show",
            image=social_image(self.request, show),  # a season's poster has no link-preview crop
            feeds=[feed_link(f"Reviews of {season}", "season", show.slug, season.number)],
            structured_data=[ld.standalone(tv_season(self.request, season, self.episodes, self.credits,
                                                     self.trailer)),
                             ld.breadcrumbs(self.request, trail)],
        )
