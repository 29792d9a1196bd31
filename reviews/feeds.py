"""Feeds of live reviews: the latest, a tag's, a critic's, a person's work, a show's. RSS and Atom each."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.timezone import localdate
from taggit.models import Tag

from editorial import markup
from editorial.feedgenerators import FullContentAtomFeed, FullContentRssFeed, xml_text
from people.models import Person
from reviews.mentions import body_with_links, with_mentions
from reviews.models import Review
from reviews.websub import feed_address, hubs
from shows.models import Show

FEED_SIZE = 30


def day_month_year(moment) -> str:
    day = localdate(moment)
    return f"{day.day} {day:%B %Y}"


class LatestReviewsFeed(Feed):
    feed_type = FullContentRssFeed
    subject = "Latest reviews"

    def get_object(self, request, *args, **kwargs):
        return None

    def reviews(self, obj):
        return Review.objects.live()

    def items(self, obj):
        # Tags into a list of their own: taggit's manager would build a queryset per review just to hold them.
        tags = Prefetch("tags", to_attr="tag_list")
        return with_mentions(self.reviews(obj).select_related("show", "critic").prefetch_related(tags))[:FEED_SIZE]

    def title(self, obj):
        return xml_text(f"{settings.MAGAZINE_NAME}: {self.subject_of(obj)}")

    def subject_of(self, obj) -> str:
        return self.subject

    def link(self, obj):
        return obj.get_absolute_url() if obj else reverse("reviews:archive")

    def description(self, obj):
        """RSS only (Atom has no such element); readers take a channel's description as HTML too: text escaped."""
        return xml_text(escape(f"{self.subject_of(obj)}, reviewed in full by {settings.MAGAZINE_NAME}."))

    def feed_url(self, obj):
        """Its one address, whatever Host or query it was asked with: WebSub subscribers follow it."""
        found = self.request.resolver_match
        return feed_address(found.view_name, **found.kwargs)

    def feed_extra_kwargs(self, obj):
        return {"hubs": hubs()}

    def item_title(self, review):
        """The headline, and what a season review or recap is of (“ÉTOILE, 2×05 ‘The Understudy’”)."""
        return xml_text(review.headline if review.season is None else f"{review.subject}: {review.headline}")

    def item_description(self, review):
        """The excerpt, as HTML (RSS descriptions and Atom html summaries are read as markup): the standfirst with
        its italics, or the body's first words, text escaped."""
        if review.standfirst:
            return xml_text(markup.line_as_html(review.standfirst))
        return xml_text(escape(Truncator(next(iter(review.read_lines()), "")).words(60)))

    def item_extra_kwargs(self, review):
        html = body_with_links(review, absolute=self.request.build_absolute_uri)
        corrections = "".join(f"<p><strong>Updated {day_month_year(c['at'])}:</strong> {escape(c['note'])}</p>"
                              for c in review.correction_notes)
        return {"content_html": xml_text(html + corrections)}

    def item_author_name(self, review):
        return xml_text(review.critic.name) if review.critic else None

    def item_author_link(self, review):
        return self.request.build_absolute_uri(review.critic.get_absolute_url()) if (
            review.critic and review.critic.is_live) else None

    def item_categories(self, review):
        return [xml_text(tag.name) for tag in review.tag_list]

    def item_enclosures(self, review):
        """The 16:9 crop of the hero still, focal point kept."""
        found = review.picture("feed")
        if not found:
            return []
        return [Enclosure(self.request.build_absolute_uri(found.src), str(found.largest["bytes"]), found.fallback_type)]

    def item_pubdate(self, review):
        return review.published_at

    def item_updateddate(self, review):
        return review.last_changed

    def item_guid(self, review):
        """Stays the same when the slug, the headline or the site's address changes."""
        return f"tag:{settings.MAGAZINE_DOMAIN},2025:review:{review.pk}"

    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        self.request = request  # one instance per request: see feed_view()
        return super().__call__(request, *args, **kwargs)


class TagFeed(LatestReviewsFeed):
    def get_object(self, request, slug):
        """A tag with nothing live has no page, and no feed either."""
        return get_object_or_404(Tag.objects.filter(pk__in=Review.objects.live().values("tags")), slug=slug)

    def reviews(self, tag):
        return Review.objects.live().filter(tags=tag)

    def subject_of(self, tag):
        return f"reviews tagged “{tag.name}”"

    def link(self, tag):
        return reverse("tag", args=[tag.slug])


class CriticFeed(LatestReviewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person.objects.live(), slug=slug)

    def reviews(self, critic):
        return critic.reviews_written.live()

    def subject_of(self, critic):
        return f"reviews by {critic.name}"


class PersonFeed(CriticFeed):
    def reviews(self, person):
        return Review.objects.live().of_work_by(person)

    def subject_of(self, person):
        return f"reviews of work by {person.name}"


class ShowFeed(LatestReviewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Show.objects.live(), slug=slug)

    def reviews(self, show):
        return show.reviews.live()

    def subject_of(self, show):
        return f"reviews of {show.title}"


class SeasonFeed(LatestReviewsFeed):
    """The reviews and recaps of one season of a series."""

    def get_object(self, request, slug, number):
        show = get_object_or_404(Show.objects.live().filter(kind=Show.Kind.SERIES), slug=slug)
        return get_object_or_404(show.season_set.select_related("show"), number=number)

    def reviews(self, season):
        return Review.objects.live().filter(show=season.show, season=season.number)

    def subject_of(self, season):
        return f"reviews and recaps of {season}"


def feed_view(feed_class, *, atom: bool = False):
    """A view that makes a fresh feed object per request (the feed keeps the request for absolute links)."""
    if atom:
        feed_class = type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": FullContentAtomFeed})

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    return view
