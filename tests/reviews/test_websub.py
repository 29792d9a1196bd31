"""WebSub: feeds name their hubs and themselves, and a publish pings each hub, through the outbox, once for
every feed it changed."""

import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.error import HTTPError
from urllib.parse import parse_qs

import feedparser
import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from editorial import drafts, outbox, workflow
from reviews import websub
from reviews.models import Review
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = [("feeds:latest", {}), ("feeds:tag", {"slug": "ballet"}), ("feeds:critic", {"slug": "critic"}),
         ("feeds:person", {"slug": "actor"}), ("feeds:show", {"slug": "etoile"})]


class Hub:
    """A hub of the test's own on loopback: it keeps each ping and answers with the next of ``answers`` (204 once
    they run out)."""

    def __init__(self, answers=()):
        self.answers, self.pings = list(answers), []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
                status = hub.answers.pop(0) if hub.answers else 204
                hub.pings.append((status, self.headers["Content-Type"], form))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hub"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def acknowledged(self) -> list[str]:
        return sorted(form["hub.url"][0] for status, _, form in self.pings if 200 <= status < 300)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def no_sender_thread(settings):
    """The test delivers, with ``outbox.deliver_due``: no process thread of its own sends meanwhile."""
    settings.OUTBOX_POLL_SECONDS = 0


@pytest.fixture
def hub():
    running = Hub()
    yield running
    running.close()


@pytest.fixture
def magazine(db):
    critic = factories.LivePersonFactory(name="Critic")
    actor = factories.LivePersonFactory(name="Actor")
    show = factories.LiveShowFactory(title="Étoile")
    factories.CreditFactory(show=show, person=actor)
    review = factories.LiveReviewFactory(show=show, critic=critic)
    review.tags.set(["ballet", "dance"])
    return {"review": review, "critic": critic, "actor": actor, "show": show}


def hubs_at(settings, *urls) -> None:
    """Hubs configured once the test's rows are made: what the rows were is noted only where a hub listens."""
    settings.WEBSUB_HUBS = list(urls)


def both(name: str, slug: str | None = None) -> list[str]:
    return sorted(websub.rss_and_atom(name, slug))


def feeds_of_the_review(tags=("ballet", "dance")) -> list[str]:
    """Its critic and the people its show credits are each named by the same list key (``review-list/person-N``),
    so each one's feeds are pinged: the reviews they wrote, and the reviews of their work."""
    people = [url for slug in ("critic", "actor") for url in [*both("critic", slug), *both("person", slug)]]
    tagged = [url for tag in tags for url in both("tag", tag)]
    return sorted({*both("latest"), *both("show", "etoile"), *people, *tagged})


def links(client, url: str) -> dict[str, list[str]]:
    """The feed's own links by rel, as the XML has them, after checking a feed reader takes the feed."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert not feedparser.parse(response.content).bozo, url
    root = ET.fromstring(response.content)
    found = root.findall(f"{ATOM}link") if root.tag == f"{ATOM}feed" else root.find("channel").findall(f"{ATOM}link")
    by_rel: dict[str, list[str]] = {}
    for link in found:
        by_rel.setdefault(link.get("rel"), []).append(link.get("href"))
    return by_rel


@pytest.mark.parametrize(("name", "kwargs"), FEEDS)
def test_every_feed_names_its_hubs_and_its_own_address(client, magazine, settings, name, kwargs):
    hubs_at(settings, "https://hub.example/", "https://pubsub.example/hub")
    for view_name in (name, f"{name}_atom"):
        address = websub.feed_address(view_name, **kwargs)
        found = links(client, reverse(view_name, kwargs=kwargs) + "?utm_source=newsletter")
        assert found["self"] == [address]  # the canonical address: no query, whatever the reader asked
        assert found["hub"] == ["https://hub.example/", "https://pubsub.example/hub"]


def test_with_no_hub_a_feed_names_only_itself(client, magazine):
    for view_name in ("feeds:latest", "feeds:latest_atom"):
        found = links(client, reverse(view_name))
        assert found["self"] == [websub.feed_address(view_name)]
        assert "hub" not in found


def test_the_address_is_the_sites_own(settings):
    settings.ALLOWED_HOSTS, settings.SECURE_SSL_REDIRECT = [".example.org", "magazine.example", "www.example"], True
    assert websub.feed_address("feeds:latest") == "https://magazine.example/feeds/reviews/"


def test_a_publish_pings_every_feed_it_changed_once_each(db, hub, settings):
    critic, actor = factories.LivePersonFactory(name="Critic"), factories.LivePersonFactory(name="Actor")
    show = factories.LiveShowFactory(title="Étoile")
    factories.CreditFactory(show=show, person=actor)
    review = factories.DraftReviewFactory(show=show, critic=critic)
    review.tags.set(["ballet", "dance"])
    hubs_at(settings, hub.url)
    with factories.committing():
        workflow.publish(review, by=factories.editor())
    outbox.deliver_due()
    assert hub.acknowledged() == feeds_of_the_review()
    status, content_type, form = hub.pings[0]
    assert content_type == "application/x-www-form-urlencoded" and form["hub.mode"] == ["publish"]
    outbox.deliver_due()
    assert len(hub.pings) == 16  # acknowledged: never sent again


def test_a_review_that_leaves_a_tag_pings_that_tags_feed(magazine, hub, settings):
    review = magazine["review"]
    hubs_at(settings, hub.url)
    with factories.committing():
        workflow.publish(review, by=factories.editor(), data={**drafts.content_of(review), "tags": ["ballet"]})
    outbox.deliver_due()
    assert hub.acknowledged() == feeds_of_the_review()  # "dance" too: the review left it


def test_unpublishing_pings_the_feeds_the_review_was_on(magazine, hub, settings):
    hubs_at(settings, hub.url)
    with factories.committing():
        workflow.unpublish(magazine["review"], by=factories.editor())
    outbox.deliver_due()
    assert hub.acknowledged() == feeds_of_the_review()


def test_deleting_a_live_review_pings_the_feeds_it_was_on(editor_client, magazine, hub, settings):
    hubs_at(settings, hub.url)
    with factories.committing():  # the admin notes the lists the review leaves before it deletes
        editor_client.post(reverse("admin:reviews_review_delete", args=[magazine["review"].pk]), {"post": "yes"})
    assert not Review.objects.filter(pk=magazine["review"].pk).exists()
    outbox.deliver_due()
    assert hub.acknowledged() == feeds_of_the_review()


def test_each_commit_pings_what_it_changed(magazine, hub, settings):
    review = magazine["review"]
    hubs_at(settings, hub.url)
    with factories.committing():
        workflow.publish(review, by=None, data={**drafts.content_of(review), "tags": ["ballet"]})
    outbox.deliver_due()
    hub.pings.clear()
    with factories.committing():
        workflow.unpublish(review, by=None)
    outbox.deliver_due()
    assert hub.acknowledged() == feeds_of_the_review(tags=["ballet"])


def test_a_change_rolled_back_is_no_note_for_the_next(magazine, hub, settings):
    hubs_at(settings, hub.url)
    with factories.committing():
        with pytest.raises(RuntimeError), transaction.atomic():
            magazine["review"].tags.set(["ballet", "dance", "opera"])
            raise RuntimeError("rolled back")
        workflow.unpublish(magazine["review"], by=None)
    outbox.deliver_due()
    assert hub.acknowledged() == feeds_of_the_review()


def test_a_draft_save_pings_nothing(magazine, hub, settings):
    review = magazine["review"]
    draft = factories.DraftReviewFactory(show=magazine["show"], critic=magazine["critic"])
    hubs_at(settings, hub.url)
    with factories.committing():
        workflow.save_draft(review, by=factories.editor(),
                            data={**drafts.content_of(review), "headline": "Not yet", "tags": []})
        draft.headline = "Still a draft"
        draft.save()
        workflow.save_draft(draft, by=factories.editor(), data=drafts.content_of(draft))
    outbox.deliver_due()
    assert hub.pings == []
    assert Review.objects.get(pk=review.pk).headline != "Not yet"


def test_a_persons_publish_pings_the_feeds_named_after_them(db, hub, settings):
    person = factories.DraftPersonFactory(name="New Critic")
    hubs_at(settings, hub.url)
    with factories.committing():
        workflow.publish(person, by=factories.editor())
    outbox.deliver_due()
    assert hub.acknowledged() == sorted([*both("critic", "new-critic"), *both("person", "new-critic")])


def test_a_shows_publish_pings_its_feed_and_those_of_the_people_it_credits_and_credited(magazine, hub, settings):
    show, newcomer = magazine["show"], factories.LivePersonFactory(name="Newcomer")
    hubs_at(settings, hub.url)
    credit = {"person": newcomer.pk, "name": newcomer.name, "role": "cast", "character": "", "note": "", "order": 0}
    with factories.committing():
        workflow.publish(show, by=None, data={**drafts.content_of(show), "credits": [credit]})
    outbox.deliver_due()
    # The show's reviews move on or off each changed person's list of reviews of their work
    # (``review-list/person-N``), which names both of that person's feeds.
    people = [url for slug in ("actor", "newcomer") for url in [*both("person", slug), *both("critic", slug)]]
    assert hub.acknowledged() == sorted([*both("show", "etoile"), *people])


def test_a_hub_that_fails_is_asked_again_until_it_acknowledges(magazine, settings):
    failing = Hub(answers=[500])
    try:
        hubs_at(settings, failing.url)
        with factories.committing():
            workflow.unpublish(magazine["review"], by=factories.editor())
        outbox.deliver_due()
        assert len(failing.acknowledged()) == 15
        outbox.deliver_due()
        assert len(failing.pings) == 16  # not asked again before its delay
        outbox.OutboxMessage.objects.update(next_attempt_at=timezone.now())  # the delay has passed
        outbox.deliver_due()
        assert failing.acknowledged() == feeds_of_the_review()  # the failed one arrived, once
        assert [status for status, _, _ in failing.pings].count(500) == 1
    finally:
        failing.close()


@pytest.mark.parametrize("status", [301, 404, 500])
def test_only_a_2xx_is_an_acknowledgement(status):
    answering = Hub(answers=[status])
    try:
        with pytest.raises(HTTPError):
            websub.send(answering.url, {"url": "http://magazine.example/feeds/reviews/"})
        websub.send(answering.url, {"url": "http://magazine.example/feeds/reviews/"})
    finally:
        answering.close()
    assert [status for status, _, _ in answering.pings] == [status, 204]
