from django.shortcuts import redirect
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.generic import TemplateView

from editorial import structured_data as ld
from editorial.fragments import fragments, item_key
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, feed_link, latest_feed, social_image
from editorial.views import LiveDetailView
from reviews import archive
from reviews.archive_pages import archive_page, read_position
from reviews.mentions import with_mentions
from reviews.models import Review
from reviews.related import kept_related_reviews
from reviews.structured_data import review as review_data
from shows.credits import credits_by_person


class ReviewArchiveView(PageMetaMixin, TemplateView):
    """Every live review, newest first, narrowed by filters that combine; numbered pages at any depth."""

    template_name = "reviews/archive.html"
    query_parameters = (*archive.FILTERS, "page", "before")

    def get(self, request, *args, **kwargs):
        blank = [name for name in (*archive.FILTERS, "page", "before") if request.GET.get(name) == ""]
        if blank:  # the filter form sends its empty choices: the same list has a shorter address
            kept = [(name, value) for name, value in request.GET.items() if name not in blank]
            return redirect(request.path + archive.query_string(kept))
        self.options = archive.Options.kept()
        self.active = archive.ArchiveFilters(request.GET, options=self.options).clean_checked()
        page, before = read_position(request.GET)
        self.page = archive_page(archive.filtered(self.active, self.options), page=page, before=before)
        self.position = [("before", str(before))] if before else [("page", page)] if page != "1" else []
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        path, filters = self.request.path, archive.link_params(self.active)
        links = [link and (link, path + archive.query_string([*filters, *link.params])) for link in self.page.links]
        return super().get_context_data(
            page=self.page, links=links, fields=archive.form_fields(self.active, self.options),
            active_filters=archive.described(self.active, self.options, path),
            newer_url=self.page.newer and path + archive.query_string([*filters, *self.page.newer.params]),
            older_url=self.page.older and path + archive.query_string([*filters, *self.page.older.params]),
            **kwargs)

    def page_meta(self, context):
        words = [active.label for active in context["active_filters"]]
        title = "Reviews" + (f": {', '.join(words)}" if words else "")
        if self.page.number > 1:
            title += f", page {self.page.number}"
        address = self.request.path + archive.query_string([*archive.link_params(self.active), *self.position])
        count = f"{self.page.count} review{pluralize(self.page.count)}"
        return PageMeta(
            title=title,
            description=f"{title}: {count}, newest first." if words else "Every review, newest first.",
            canonical=self.request.build_absolute_uri(address),
            feeds=self.feeds(),
            structured_data=[ld.breadcrumbs(self.request, [("Home", reverse("home")),
                                                           ("Reviews", reverse("reviews:archive"))])],
        )

    def feeds(self):
        found = []
        if "critic" in self.active:
            critic = archive.chosen(self.options.critics, self.active["critic"])
            found.append(feed_link(f"Reviews by {critic.label}", "critic", critic.value))
        if "tag" in self.active:
            tag = archive.chosen(self.options.tags, self.active["tag"])
            found.append(feed_link(f"Reviews tagged “{tag.label}”", "tag", tag.value))
        return found or [latest_feed()]


class ReviewDetailView(PageMetaMixin, LiveDetailView):
    model = Review
    template_name = "reviews/detail.html"

    def get_queryset(self):
        # cards() leaves out the body and the critic's bio, which this page shows: defer(None) takes them back.
        return with_mentions(super().get_queryset().cards().defer(None).prefetch_related("tags"))

    def get_context_data(self, **kwargs):
        review = self.object
        self.credits = [credit for credit in review.show.credits.select_related("person")
                        if review.season is None or credit.covers(review.season)]  # a season's review: its cast
        related = kept_related_reviews(review, Review.objects.live().cards(),
                                       people=[credit.person_id for credit in self.credits])
        # What the credits box and the JSON-LD show of the credits: part of the keys they are kept under.
        self.credits_shown = tuple((credit.pk, credit.role, credit.character, credit.note, credit.order,
                                    credit.first_season, credit.last_season, *item_key(credit.person))
                                   for credit in self.credits)
        season = review.season_row()
        return super().get_context_data(credits=credits_by_person(self.credits), credits_shown=self.credits_shown,
                                        related=related, season=season, **kwargs)

    def page_meta(self, context):
        review = self.object
        trail = [("Home", reverse("home")), ("Reviews", reverse("reviews:archive")),
                 (review.headline, review.get_absolute_url())]
        return PageMeta(
            title=review.headline if review.season is None else f"{review.headline} ({review.subject})",
            description=describe(review.plain_standfirst, *review.read_lines()[:1]),
            canonical=canonical_url(self.request),
            og_type="article",
            image=social_image(self.request, review),
            feeds=[latest_feed()],
            structured_data=[self.review_data(), ld.breadcrumbs(self.request, trail)],
        )

    def review_data(self) -> dict:
        """The review's JSON-LD, made once per version of what it names (the review, its show, critic, credits
        and pictures) and per site address, then kept by the process like the page's fragments."""
        review = self.object
        key = ("reviews.review_data", self.request.build_absolute_uri("/"), *item_key(review), *item_key(review.show),
               *item_key(review.critic), *item_key(review.image_renditions), *item_key(review.show.image_renditions),
               *item_key(review.critic and review.critic.image_renditions), *self.credits_shown)
        return fragments.get_or_render(key, lambda: review_data(self.request, review, self.credits))
