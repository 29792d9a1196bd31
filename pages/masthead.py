"""The masthead's critics: everyone live who signs a live review, read from their person records in one query."""

from django.db.models import Exists, OuterRef

from editorial.alphabet import count_of
from people.models import Person
from reviews.models import Review


def critics():
    """Live people with a live review to their name, by their folded name (Émile files under E), each with
    ``review_count``; a headshot comes from the row, so a critic costs no query of their own."""
    reviews = Review.objects.live()
    signed = reviews.filter(critic=OuterRef("pk"))
    return (Person.objects.live().filter(Exists(signed)).annotate(review_count=count_of(signed))
            .defer("bio").order_by("match_key", "pk"))
