"""Only live items reach readers: draft, in review and scheduled × every public page and list."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.models import Review
from tests import factories

HIDDEN_STATES = {
    "draft": factories.DraftReviewFactory,
    "in review": factories.InReviewReviewFactory,
    "scheduled": factories.ScheduledReviewFactory,
}


def public_pages(review):
    """Every public page and list on which a live review appears."""
    return [
        reverse("home"),
        reverse("reviews:archive"),
        review.show.get_absolute_url(),
        review.critic.get_absolute_url(),
        reverse("tag", args=["matrix"]),
    ]


@pytest.fixture
def neighbour(db):
    """A live review sharing show, critic and tag, so every page above exists whatever the state."""
    review = factories.LiveReviewFactory(headline="The neighbour stays visible")
    review.tags.set(["matrix"])
    return review


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_review_is_on_no_public_page(client, neighbour, state):
    hidden = HIDDEN_STATES[state](show=neighbour.show, critic=neighbour.critic, headline="Secret headline")
    hidden.tags.set(["matrix"])
    for url in public_pages(neighbour):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Secret headline" not in response.content.decode(), url
        assert "The neighbour stays visible" in response.content.decode(), url
    assert client.get(reverse("reviews:detail", args=[hidden.slug])).status_code == 404


def test_live_review_is_on_every_public_page(client, neighbour):
    live = factories.LiveReviewFactory(show=neighbour.show, critic=neighbour.critic, headline="Public headline")
    live.tags.set(["matrix"])
    for url in [*public_pages(neighbour), live.get_absolute_url()]:
        assert "Public headline" in client.get(url).content.decode(), url


@pytest.mark.parametrize("factory", [factories.DraftShowFactory, factories.DraftPersonFactory])
def test_draft_show_or_person_has_no_page_and_no_link(db, client, factory):
    item = factory()
    assert client.get(item.get_absolute_url()).status_code == 404
    review = (
        factories.LiveReviewFactory(show=item) if factory is factories.DraftShowFactory
        else factories.LiveReviewFactory(critic=item)
    )
    page = client.get(review.get_absolute_url()).content.decode()
    assert item.get_absolute_url() not in page


def test_credit_on_a_draft_show_stays_off_the_person_page(db, client):
    person = factories.LivePersonFactory()
    factories.CreditFactory(person=person, show=factories.DraftShowFactory(title="Unannounced Project"))
    factories.CreditFactory(person=person, show=factories.LiveShowFactory(title="Announced Project"))
    page = client.get(person.get_absolute_url()).content.decode()
    assert "Announced Project" in page and "Unannounced Project" not in page


def test_tag_with_nothing_live_is_404(db, client):
    factories.DraftReviewFactory().tags.set(["embargoed"])
    assert client.get(reverse("tag", args=["embargoed"])).status_code == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_scheduled_review_goes_live_on_its_minute_without_a_job():
    review = factories.LiveReviewFactory(published_at=timezone.now() + timedelta(seconds=1.5))
    live_reviews = Review.objects.live()  # built before the moment, evaluated after it
    assert review not in Review.objects.live()
    time.sleep(2)
    assert review in live_reviews
