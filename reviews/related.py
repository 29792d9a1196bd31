"""Related reviews: the same show first, then shows that share people with it, then shared tags."""

import time

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.expressions import RawSQL
from taggit.models import Tag, TaggedItem

from editorial import surrogate_keys, upcoming
from editorial.fragments import fragments
from editorial.shared_cache import attempt
from people.models import Person
from shows.models import Credit, Show

RELATED = 4
RELATED_KEPT_SECONDS = 600
NEWEST_TAGGED = 25  # reviews a tag offers, its newest: a tag on 50,000 reviews costs what one on 50 does


def newest_tagged(review, limit: int = NEWEST_TAGGED, *, after: bool = False) -> RawSQL | None:
    """The ids of the newest reviews added before ``review`` (``after``: the first added after it) that share a tag
    with it, as a subquery: each tag read from its (tag, review) index, from ``review`` on. (A union of sliced
    querysets is what this says; SQLite wants the slices wrapped.)"""
    content_type = ContentType.objects.get_for_model(review)
    beyond = {"object_id__gt" if after else "object_id__lt": review.pk}
    order = "object_id" if after else "-object_id"
    parts, params = [], []
    for n, tag in enumerate(review.tags.all()):
        newest = (TaggedItem.objects.filter(content_type=content_type, tag_id=tag.pk, **beyond)
                  .order_by(order).values("object_id")[:limit])
        sql, tag_params = newest.query.sql_with_params()
        parts.append(f"SELECT object_id FROM ({sql}) AS newest_{n}")
        params += tag_params
    return RawSQL(" UNION ".join(parts), params) if parts else None


def related_ids(review, live_cards, *, limit: int = RELATED, people: list[int] | None = None) -> list[int]:
    """The ids of up to ``limit`` other live reviews: four small indexed queries, whatever the magazine's size.

    The same show's other reviews, newest first; then the reviews added before this one of shows that share
    people with it, then those that share a tag; and when those are too few (the magazine's first reviews), the
    first added after it that share either. A review added later joins only a box that was not full, so a new
    review changes the pages of its own show's reviews and of those few. Named as the lists drawn from, and of a
    full list of earlier reviews only the stretch read (``surrogate_keys.stretch_keys``). ``people``: the show's
    credited people, when the caller has them."""
    with surrogate_keys.instead(()):
        if people is None:
            people = list(Credit.objects.filter(show_id=review.show_id).order_by().values_list("person_id", flat=True))
        others = live_cards.exclude(pk=review.pk).values_list("pk", flat=True)
        earlier = others.filter(pk__lt=review.pk).order_by("-pk")
        sharing_shows = Credit.objects.filter(person_id__in=people).exclude(show_id=review.show_id).values("show_id")
        tagged = newest_tagged(review)
        same_show = list(others.filter(show_id=review.show_id).order_by("-published_at")[:limit])
        sharing_people = list(earlier.filter(show_id__in=sharing_shows)[:limit])
        sharing_tags = list(earlier.filter(pk__in=tagged)[:limit]) if tagged else []
        tagged_after = newest_tagged(review, after=True)
        sharing_after = Q(show_id__in=sharing_shows) | Q(pk__in=tagged_after) if tagged_after else Q(
            show_id__in=sharing_shows)
        later = list(others.filter(sharing_after, pk__gt=review.pk).order_by("pk")[:limit])  # always: a fixed count
    show = surrogate_keys.item_key(Show, review.show_id)
    surrogate_keys.add({show, surrogate_keys.list_key(type(review), show),  # its credits, its show's reviews
                        *_stretches_read(review, sharing_people, [(Person, pk) for pk in people], limit),
                        *_stretches_read(review, sharing_tags, [(Tag, tag.pk) for tag in review.tags.all()], limit)})
    found = list(dict.fromkeys([*same_show, *sharing_people, *sharing_tags]))
    # Too few: then neither list of earlier reviews was full, so each is named whole, and any later one that joins
    # is seen.
    return (found + [pk for pk in later if pk not in found])[:limit]


def _stretches_read(review, found: list[int], subjects, limit: int) -> set[str]:
    """The keys of the lists of ``subjects`` from the oldest review found up to ``review``: the whole of each when
    fewer than ``limit`` were found (any earlier review joining would be shown)."""
    lowest = min(found) if len(found) >= limit else None
    return {key for model, pk in subjects for key in surrogate_keys.stretch_keys(
        surrogate_keys.list_key(type(review), surrogate_keys.item_key(model, pk)), lowest, review.pk - 1)}


def related_reviews(review, live_cards, *, limit: int = RELATED) -> list:
    """Up to ``limit`` other live reviews: their ids, then one query for the cards (the joins of a card query
    cost more to write than to run)."""
    return cards_of(related_ids(review, live_cards, limit=limit), live_cards)


def kept_related_reviews(review, live_cards, people: list[int] | None = None) -> list:
    """``related_reviews``, with the ids kept by the process per version of the review until the next public change
    in any process (the page cache's clock), and at most RELATED_KEPT_SECONDS (a scheduled review going live sends
    no signal). The cards are always read live, so one unpublished since drops out at once."""
    key = ("reviews.related_ids", review.pk, review.version, attempt("get", upcoming.PUBLIC_CLOCK),
           int(time.time() // RELATED_KEPT_SECONDS))
    return cards_of(fragments.get_or_render(key, lambda: related_ids(review, live_cards, people=people)), live_cards)


def cards_of(wanted: list[int], live_cards) -> list:
    cards = live_cards.in_bulk(wanted) if wanted else {}
    return [cards[pk] for pk in wanted if pk in cards]
