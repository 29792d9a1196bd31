"""The people and shows a review names, found on save and linked only when they are live."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial import markup, workflow
from reviews.mentions import detect, refresh_mentions
from reviews.models import Mention
from reviews.related import related_reviews
from tests import factories
from tests.factories import UNTOUCHED_PARTS


@pytest.fixture
def cast(db):
    return {
        "kirby": factories.LivePersonFactory(name="Luke Kirby"),
        "laage": factories.LivePersonFactory(name="Lou de Laâge"),
        "draft": factories.DraftPersonFactory(name="Simon Callow"),
        "maisel": factories.LiveShowFactory(title="The Marvellous Mrs. Maisel"),
        "bunheads": factories.LiveShowFactory(title="Bunheads"),
    }


def review_with(body: str):
    review = factories.LiveReviewFactory(body=body)
    refresh_mentions(review)
    return review


def test_names_are_found_whole_and_accent_insensitively(cast):
    found = {str(item) for item, _ in detect(
        "After The Marvellous Mrs. Maisel, Lou de Laage and Luke Kirby’s turn recall Bunheads.")}
    assert found == {"Lou de Laâge", "Luke Kirby", str(cast["maisel"]), str(cast["bunheads"])}


@pytest.mark.parametrize("body", [
    "Kirbyville is a town.", "See https://example.com/luke-kirby/ for more.", "www.lukekirby.example/Luke Kirby",
    "luke kirby, in lower case, is not how prose names him.",
])
def test_no_match_inside_a_word_or_a_url(cast, body):
    assert [item for item, _ in detect(body) if item == cast["kirby"]] == []


def test_page_links_live_names_once_and_never_a_draft(client, cast):
    review = review_with("Luke Kirby shines. Simon Callow too. Later, Luke Kirby again; Lou de Laage, Bunheads.")
    page = client.get(review.get_absolute_url()).content.decode()
    assert page.count('<a href="/people/luke-kirby/">Luke Kirby</a>') == 1
    assert '<a href="/people/lou-de-laage/">Lou de Laage</a>' in page
    assert '<a href="/shows/bunheads/"><cite>Bunheads</cite></a>' in page  # a title of a work, in italics
    assert "Simon Callow too." in page and cast["draft"].get_absolute_url() not in page
    assert Mention.objects.filter(review=review, person=cast["draft"]).exists()  # known, just not linked


def test_person_and_show_pages_list_the_reviews_that_mention_them(client, cast):
    review = review_with("Luke Kirby, as ever, and Bunheads, as ever.")
    assert review.headline in client.get(cast["kirby"].get_absolute_url()).content.decode()
    assert review.headline in client.get(cast["bunheads"].get_absolute_url()).content.decode()
    draft = factories.DraftReviewFactory(body="Luke Kirby in a draft.")
    refresh_mentions(draft)
    assert draft.headline not in client.get(cast["kirby"].get_absolute_url()).content.decode()


def test_an_editor_marks_a_wrong_match_and_it_stays_unlinked(editor_client, client, cast):
    review = review_with("Bunheads, the bakery in town, is not the show.")
    mention = review.mentions.get()
    data = {
        "show": review.show_id, "critic": review.critic_id, "headline": review.headline, "slug": review.slug,
        "standfirst": "", "body": review.body + "\nA second line.", "rating": "", "tags": "",
        "_publish": "Publish", "published_at_0": review.published_at.strftime("%d/%m/%Y"),
        "published_at_1": review.published_at.strftime("%H:%M:%S"), **UNTOUCHED_PARTS,
        "mentions-TOTAL_FORMS": "1", "mentions-INITIAL_FORMS": "1", "mentions-MIN_NUM_FORMS": "0",
        "mentions-MAX_NUM_FORMS": "1000", "mentions-0-id": mention.pk, "mentions-0-review": review.pk,
        "mentions-0-wrong": "on", "loaded_version": factories.opened_version(review),
    }
    change = editor_client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    assert "Bunheads" in change and "not this one" in change.lower()
    with factories.committing():
        response = editor_client.post(reverse("admin:reviews_review_change", args=[review.pk]), data)
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.wrong
    assert '<a href="/shows/bunheads/">' not in client.get(review.get_absolute_url()).content.decode()
    refresh_mentions(review)
    assert review.mentions.get().wrong  # a later save keeps the editor's word


def test_mentions_follow_the_body(cast):
    review = review_with("Luke Kirby and Bunheads.")
    assert review.mentions.count() == 2
    review.body = "Only Bunheads now."
    review.save()
    refresh_mentions(review)
    assert [m.text for m in review.mentions.all()] == ["Bunheads"]


def test_feeds_carry_the_links(client, cast):
    review_with("Luke Kirby leads.")
    feed = client.get(reverse("feeds:latest")).content.decode()
    assert '&lt;a href="http://testserver/people/luke-kirby/"&gt;Luke Kirby&lt;/a&gt;' in feed


def test_related_reviews_rank_show_then_people_then_tags_and_stay_live(client, db):
    show = factories.LiveShowFactory()
    actor = factories.LivePersonFactory(name="Shared Actor")
    factories.CreditFactory(show=show, person=actor)
    other_show = factories.LiveShowFactory()
    factories.CreditFactory(show=other_show, person=actor)
    shared_people = factories.LiveReviewFactory(show=other_show, headline="Shares an actor")
    shared_tag = factories.LiveReviewFactory(headline="Shares a tag")
    shared_tag.tags.set(["ballet"])
    factories.LiveReviewFactory(headline="Nothing in common")
    factories.DraftReviewFactory(show=show, headline="A draft of the same show")
    review = factories.LiveReviewFactory(show=show, headline="The one we read")
    review.tags.set(["ballet"])
    same_show = factories.LiveReviewFactory(show=show, headline="Same show")  # added later: its show's come first
    later_tag = factories.LiveReviewFactory(headline="A later one with the tag")
    later_tag.tags.set(["ballet"])
    live = type(review).objects.live()
    assert related_reviews(review, live, limit=3) == [same_show, shared_people, shared_tag]  # by people, tags: earlier
    assert related_reviews(later_tag, live) == [review, shared_tag]
    # Too few added before it (the magazine's first reviews): the first added after it fill the box.
    assert related_reviews(review, live) == [same_show, shared_people, shared_tag, later_tag]
    assert related_reviews(shared_tag, live) == [review, later_tag]
    page = client.get(review.get_absolute_url()).content.decode()
    assert "More like this" in page and "A draft of the same show" not in page and "Nothing in common" not in page


def test_refresh_command_finds_names_added_after_the_review(cast):
    from io import StringIO

    from django.core.management import call_command

    review = review_with("A turn from Jessica Newcomer.")
    assert not review.mentions.exists()
    factories.LivePersonFactory(name="Jessica Newcomer")
    out = StringIO()
    call_command("refresh_mentions", stdout=out, stderr=StringIO())
    assert [m.text for m in review.mentions.all()] == ["Jessica Newcomer"]
    assert "reviews scanned" in out.getvalue()


def test_a_body_is_linked_once_per_version_of_its_text_and_links(client, cast):
    review = review_with("Luke Kirby shines; Simon Callow too.")
    markup.to_html.cache_clear()
    for _ in range(3):
        assert 'href="/people/luke-kirby/"' in client.get(review.get_absolute_url()).content.decode()
    assert (markup.to_html.cache_info().misses, markup.to_html.cache_info().hits) == (1, 2)
    with factories.committing():
        workflow.publish(cast["draft"], by=factories.editor())
    page = client.get(review.get_absolute_url()).content.decode()
    assert 'href="/people/simon-callow/"' in page  # a named person went live: new links, a new rendering
    assert markup.to_html.cache_info().misses == 2


def test_the_review_page_keeps_its_related_ids_a_while_and_reads_the_cards_live(client, db, monkeypatch):
    from reviews import related as related_module

    review = factories.LiveReviewFactory(headline="The one we read")
    older = factories.LiveReviewFactory(show=review.show, headline="An older one of the same show")
    with CaptureQueriesContext(connection) as captured:
        assert older.headline in client.get(review.get_absolute_url()).content.decode()
    first = [query["sql"] for query in captured.captured_queries]  # read now: the next request empties the log
    newer = factories.LiveReviewFactory(show=review.show, headline="A newer one of the same show")
    with CaptureQueriesContext(connection) as captured:
        assert newer.headline not in client.get(review.get_absolute_url()).content.decode()
    again = [query["sql"] for query in captured.captured_queries]
    asks_for_ids = lambda sqls: [sql for sql in sqls if sql.endswith(f"LIMIT {related_module.RELATED}")]  # noqa: E731
    assert asks_for_ids(first) and not asks_for_ids(again)  # the queries for the ids are not asked again
    with factories.committing():
        workflow.unpublish(older, by=factories.editor())
    assert older.headline not in client.get(review.get_absolute_url()).content.decode()  # cards are read live
    monkeypatch.setattr(related_module, "RELATED_KEPT_SECONDS", 1)  # the time the ids are kept has passed
    assert newer.headline in client.get(review.get_absolute_url()).content.decode()
