"""Every public page runs the same number of queries with 2 reviews or 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.fragments import fragments
from people.models import Person
from reviews.mentions import refresh_mentions
from reviews.models import Review
from shows.models import Show
from tests import factories

MAX_QUERIES = 9  # the review page: itself, its tags, mentions and credits, four for More like this, its cards


def build_magazine(reviews: int):
    show = factories.LiveShowFactory(title="Counted Show")
    critic = factories.LivePersonFactory(name="Counted Critic")
    actors = factories.LivePersonFactory.create_batch(reviews)
    for actor in actors:
        factories.CreditFactory(show=show, person=actor, character="Someone")
    names = " and ".join(actor.name for actor in actors)
    for review in factories.LiveReviewFactory.create_batch(reviews, show=show, critic=critic,
                                                           body=f"With {names}.\nCounted Show, again."):
        review.tags.set(["counted", f"extra-{review.pk}"])
        refresh_mentions(review)
    show.tags.set(["counted"])
    actors[0].tags.set(["counted"])
    for model in (Review, Show, Person):  # pictures live on the row: they must cost no query
        model.objects.update(image="pictures/still.jpg", image_width=1600, image_height=900, image_alt="A still.",
                             image_renditions=renditions())
    return show, critic, actors[0]


def renditions() -> dict:
    size = {"width": 400, "height": 300, "webp": {"url": "/m/a.webp", "path": "a.webp", "bytes": 1,
            "type": "image/webp"}, "jpeg": {"url": "/m/a.jpg", "path": "a.jpg", "bytes": 1, "type": "image/jpeg"}}
    crops = ("full", "card", "social", "feed", "poster", "square")
    return {"source": "pictures/still.jpg", "focus": [0.5, 0.5],
            "crops": {name: {"fallback": "jpeg", "sizes": [size]} for name in crops}}


def pages(show, critic, actor):
    review = show.reviews.first()
    return {
        "home": reverse("home"),
        "archive": reverse("reviews:archive"),
        "archive page 2": reverse("reviews:archive") + "?page=2",
        "archive, every filter": reverse("reviews:archive") + f"?rating=1&kind=film&tag=counted&critic={critic.slug}",
        "review": review.get_absolute_url(),
        "show": show.get_absolute_url(),
        "critic": critic.get_absolute_url(),
        "actor": actor.get_absolute_url(),
        "tag": reverse("tag", args=["counted"]),
        "shows": reverse("shows:list"),
        "people": reverse("people:list"),
        "people from C": reverse("people:list") + "?from=c",
        "feed": reverse("feeds:latest"),
        "tag feed": reverse("feeds:tag_atom", args=["counted"]),
        "actor feed": reverse("feeds:person", args=[actor.slug]),
    }


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url  # a 404 at both sizes would count the same and prove nothing
    return len(captured)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_data(client, django_assert_max_num_queries):
    client.get(reverse("home"))  # warm-up: what a process asks once a minute (the next scheduled change)
    # Two reviews: the smallest magazine whose pages show every part (a review's related reviews need another).
    small = {name: count_queries(client, url) for name, url in pages(*build_magazine(2)).items()
             if name != "archive page 2"}  # only the large magazine has a second page
    assert '<source type="image/webp"' in client.get("/reviews/").content.decode()
    Review.objects.all().delete()
    large_urls = pages(*build_magazine(50))
    fragments.clear()  # as the small magazine started: nothing kept by the process (the archive's choices, say)
    client.get(reverse("home"))  # again: building fifty reviews can take longer than that minute
    large = {}
    for name, url in large_urls.items():
        with django_assert_max_num_queries(MAX_QUERIES):
            large[name] = count_queries(client, url)
    assert large.pop("archive page 2") <= MAX_QUERIES
    assert '<a href="/people/' in client.get(large_urls["review"]).content.decode()  # bodies link their names
    assert large == small
