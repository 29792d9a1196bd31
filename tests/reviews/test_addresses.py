"""The pages and feeds a commit changed, told from the surrogate keys it touched."""

import pytest
from taggit.models import Tag

from editorial import drafts, workflow
from editorial.publication import public_change
from reviews.addresses import Addresses, changed_addresses
from tests import factories

pytestmark = pytest.mark.django_db


def feeds(route: str) -> list[str]:
    return [f"/feeds/{route}", f"/feeds/{route}atom/"]


@pytest.fixture
def magazine():
    critic = factories.LivePersonFactory(name="Critic")
    actor = factories.LivePersonFactory(name="Actor")
    show = factories.LiveShowFactory(title="Étoile")
    factories.CreditFactory(show=show, person=actor)
    review = factories.DraftReviewFactory(show=show, critic=critic)
    review.tags.set(["ballet"])
    return {"review": review, "critic": critic, "actor": actor, "show": show, "tag": Tag.objects.get(slug="ballet")}


@pytest.fixture
def announced():
    """The keys of each public change sent in the test."""
    sent = []

    def heard(keys, **kwargs):
        sent.append(keys)

    public_change.connect(heard, dispatch_uid="test_addresses.heard")
    yield sent
    public_change.disconnect(dispatch_uid="test_addresses.heard")


def test_every_review_list_is_the_home_page_the_archive_and_the_latest_feeds(db):
    assert changed_addresses({"review-list"}) == Addresses(["/", "/reviews/"], sorted(feeds("reviews/")))


def test_a_list_narrowed_to_an_item_is_that_items_page_and_its_feeds(magazine):
    critic, show, tag = magazine["critic"], magazine["show"], magazine["tag"]
    keys = {f"review-list/person-{critic.pk}", f"review-list/show-{show.pk}", f"review-list/tag-{tag.pk}"}
    assert changed_addresses(keys) == Addresses(
        ["/people/critic/", "/shows/etoile/", "/tags/ballet/"],
        sorted([*feeds("critics/critic/"), *feeds("people/critic/"), *feeds("shows/etoile/"), *feeds("tags/ballet/")]))


def test_shows_and_people_lists_are_their_pages(magazine):
    actor, tag = magazine["actor"], magazine["tag"]
    keys = {"show-list", "person-list", f"show-list/person-{actor.pk}", f"person-list/tag-{tag.pk}"}
    assert changed_addresses(keys) == Addresses(["/people/", "/people/actor/", "/shows/", "/tags/ballet/"],
                                                feeds("people/actor/"))  # the reviews of their work follow credits


def test_what_is_gone_or_not_live_and_a_page_of_every_item_name_no_address(magazine):
    draft = factories.DraftPersonFactory(name="Not Yet")
    keys = {f"review-{magazine['review'].pk}", f"person-{draft.pk}", f"review-list/person-{draft.pk}",
            "review-list/show-999999", "show-999999", "review-any", "tag-list", "nonsense"}
    assert changed_addresses(keys) == Addresses([], [])


def test_site_is_the_sites_own_lists(db):
    assert changed_addresses({"site"}) == Addresses(["/", "/people/", "/reviews/", "/shows/"], feeds("reviews/"))


def test_a_publish_names_the_pages_of_the_lists_it_joined_and_a_correction_every_feed_that_carries_it(
        magazine, announced):
    review = magazine["review"]
    with factories.committing():
        workflow.publish(review, by=factories.editor())
    review.refresh_from_db()
    every_feed = sorted([*feeds("reviews/"), *feeds("shows/etoile/"), *feeds("tags/ballet/"),
                         *(url for slug in ("critic", "actor") for url in [*feeds(f"critics/{slug}/"),
                                                                          *feeds(f"people/{slug}/")])])
    assert changed_addresses(announced[-1]) == Addresses(
        sorted(["/", "/reviews/", review.get_absolute_url(), "/shows/etoile/", "/people/critic/", "/people/actor/",
                "/tags/ballet/"]), every_feed)

    with factories.committing():
        workflow.publish(review, by=None, data={**drafts.content_of(review), "standfirst": "Put right."})
    assert announced[-1] == {f"review-{review.pk}", "review-any"}
    assert changed_addresses(announced[-1]) == Addresses([review.get_absolute_url()], every_feed)


def test_an_unpublish_names_the_lists_it_left(magazine, announced):
    review = magazine["review"]
    with factories.committing():
        workflow.publish(review, by=None)
    with factories.committing():
        workflow.unpublish(review, by=None)
    found = changed_addresses(announced[-1])
    assert review.get_absolute_url() not in found.pages  # no longer live: no page of its own
    assert {"/", "/tags/ballet/", "/people/critic/"} <= set(found.pages)
    assert set(feeds("tags/ballet/")) <= set(found.feeds)


def test_each_model_is_read_once_and_the_lists_joined_once(magazine, announced, django_assert_num_queries):
    with factories.committing():
        workflow.publish(magazine["review"], by=None)
    with django_assert_num_queries(6):  # people, shows and their seasons, reviews, tags, the lists the review is on
        changed_addresses(announced[-1])
