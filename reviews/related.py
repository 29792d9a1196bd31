"""Related reviews: the same show first, then shows that share people with it, then shared tags."""

from taggit.models import TaggedItem

from shows.models import Credit

RELATED = 4


def related_reviews(review, live_cards, *, limit: int = RELATED) -> list:
    """Up to ``limit`` other live reviews, from three small indexed queries whatever the magazine's size."""
    others = live_cards.exclude(pk=review.pk).order_by("-published_at")
    people = Credit.objects.filter(show_id=review.show_id).values("person_id")
    sharing_shows = Credit.objects.filter(person_id__in=people).exclude(show_id=review.show_id).values("show_id")
    tagged = TaggedItem.objects.filter(content_type__app_label="reviews", content_type__model="review",
                                       tag_id__in=[tag.pk for tag in review.tags.all()]).values("object_id")
    found = {}
    for source in (others.filter(show_id=review.show_id), others.filter(show_id__in=sharing_shows),
                   others.filter(pk__in=tagged)):
        for other in source[:limit]:  # always three queries: the count stays the same at any size
            found.setdefault(other.pk, other)
    return list(found.values())[:limit]
