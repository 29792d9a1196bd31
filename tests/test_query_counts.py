"""Every public page runs the same number of queries with 1 review or 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

MAX_QUERIES = 8


def build_magazine(reviews: int):
    show = factories.LiveShowFactory(title="Counted Show")
    critic = factories.LivePersonFactory(name="Counted Critic")
    actors = factories.LivePersonFactory.create_batch(reviews)
    for actor in actors:
        factories.CreditFactory(show=show, person=actor, character="Someone")
    for review in factories.LiveReviewFactory.create_batch(reviews, show=show, critic=critic):
        review.tags.set(["counted", f"extra-{review.pk}"])
    show.tags.set(["counted"])
    actors[0].tags.set(["counted"])
    return show, critic, actors[0]


def pages(show, critic, actor):
    review = show.reviews.first()
    return {
        "home": reverse("home"),
        "archive": reverse("reviews:archive"),
        "archive page 2": reverse("reviews:archive") + "?page=2",
        "review": review.get_absolute_url(),
        "show": show.get_absolute_url(),
        "critic": critic.get_absolute_url(),
        "actor": actor.get_absolute_url(),
        "tag": reverse("tag", args=["counted"]),
        "shows": reverse("shows:list"),
        "people": reverse("people:list"),
    }


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code in (200, 404), url
    return len(captured)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_data(client, django_assert_max_num_queries):
    small = {name: count_queries(client, url) for name, url in pages(*build_magazine(1)).items()}
    from reviews.models import Review

    Review.objects.all().delete()
    large_urls = pages(*build_magazine(50))
    large = {}
    for name, url in large_urls.items():
        with django_assert_max_num_queries(MAX_QUERIES):
            large[name] = count_queries(client, url)
    small.pop("archive page 2"), large.pop("archive page 2")  # only the large magazine has a second page
    assert large == small
