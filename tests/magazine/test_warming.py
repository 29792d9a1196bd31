"""After a publish, the pages it changed that readers hit most are asked for again through the outbox, after the
editor's request: the first reader finds them made, in the page cache and at the edge."""

import gzip
import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli
import pytest

from editorial import outbox, workflow
from editorial.outbox import OutboxMessage
from reviews import warming
from tests import factories
from tests.servers import Redis, Site, site_behind_varnish, site_database, wait_for

HOST = "magazine.test"  # the name readers ask for the site by
DECODERS = {"br": brotli.decompress, "gzip": gzip.decompress}


class Target:
    """An HTTP server of the test's own that notes each GET (path and headers) and answers 200, or, while
    ``hanging_up``, closes the connection without an answer."""

    def __init__(self):
        self.asked, self.hanging_up = [], False
        target = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802  (http.server's naming)
                target.asked.append((self.path, dict(self.headers)))
                if target.hanging_up:
                    self.close_connection = True
                    return
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        return [path for path, _ in self.asked]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def target(settings):
    """WARM_BASE_URL at a Target; the test delivers the outbox itself."""
    running = Target()
    settings.WARM_BASE_URL, settings.OUTBOX_POLL_SECONDS = running.url, 0
    warming._resting["until"] = 0.0
    yield running
    running.close()
    warming._resting["until"] = 0.0


@pytest.fixture
def draft(db):
    show = factories.LiveShowFactory(title="Étoile")
    factories.CreditFactory(show=show, person=factories.LivePersonFactory(name="Actor"))
    review = factories.DraftReviewFactory(show=show, critic=factories.LivePersonFactory(name="Critic"))
    review.tags.set(["ballet"])
    return review


def published(review):
    with factories.committing():
        workflow.publish(review, by=factories.editor())
    review.refresh_from_db()
    return review


def warms() -> list[str]:
    return list(OutboxMessage.objects.filter(kind=warming.KIND).values_list("target", flat=True))


def test_without_a_base_address_nothing_is_warmed(draft, settings):
    settings.WARM_BASE_URL = ""
    published(draft)
    assert warms() == []


def test_a_publish_warms_the_home_page_and_what_it_changed_after_the_commit(draft, target):
    review = published(draft)
    assert target.asked == []  # nothing was asked while the editor waited
    asked_for = [address.removeprefix(target.url) for address in warms()]
    assert {"/", review.get_absolute_url(), "/reviews/", "/shows/etoile/", "/people/critic/", "/people/actor/",
            "/tags/ballet/", "/feeds/reviews/", "/feeds/shows/etoile/atom/", "/feeds/tags/ballet/"} <= set(asked_for)
    assert len(asked_for) == len(set(asked_for))  # each once
    outbox.deliver_due()
    assert sorted(target.paths()) == sorted(asked_for)
    assert warms() == []
    assert {headers["Host"] for _, headers in target.asked} == {"127.0.0.1"}  # the site's own name
    assert "X-Forwarded-Proto" not in target.asked[0][1]


def test_over_https_the_app_is_told_the_reader_came_over_tls(draft, target, settings):
    settings.ALLOWED_HOSTS, settings.SECURE_SSL_REDIRECT = ["magazine.example"], True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    published(draft)
    outbox.deliver_due(limit=1)
    _, headers = target.asked[0]
    assert headers["Host"] == "magazine.example" and headers["X-Forwarded-Proto"] == "https"


def test_a_warm_that_fails_is_tried_once_more_then_dropped_and_the_next_ones_without_asking(draft, target):
    target.hanging_up = True
    published(draft)
    many = len(warms())
    assert outbox.deliver_due() == many  # every one acknowledged: dropped, never tried again
    assert warms() == []
    assert len(target.asked) == warming.TRIES  # the first, twice; the others not while the address rests


# The site itself: gunicorn with two workers delivering the outbox from their own threads, under the name readers
# use, warming itself.

PUBLISH = """
from django.db import transaction
from editorial import outbox, workflow, drafts
from reviews.models import Review
review = Review.objects.{which}().order_by("pk").first()
with transaction.atomic():
    if review.is_live:  # a correction, through its working copy
        workflow.publish(review, by=None, data={{**drafts.content_of(review), "headline": {headline!r}}})
    else:
        review.headline = {headline!r}
        review.save()
        workflow.publish(review, by=None)
review.refresh_from_db()
print(review.get_absolute_url())
if {deliver!r}:
    outbox.deliver_due()
"""

LEFT = """
from editorial.outbox import OutboxMessage
for message in OutboxMessage.objects.all():
    print(message.kind, message.target, message.attempts, message.next_attempt_at, message.last_error)
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warming")
    redis, site = None, None
    with site_database(folder) as database_url:
        try:
            redis = Redis(folder / "redis")
            redis.start()
            site = Site(folder, redis.url, database_url, DJANGO_ALLOWED_HOSTS=f"{HOST},127.0.0.1",
                        SITE_OUTBOX_POLL_SECONDS="0.5")  # tests.settings reads it
            site.env["WARM_BASE_URL"] = site.url("")
            site.start()
            yield site
        finally:
            if site:
                site.stop()
            if redis:
                redis.stop()


def read(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, str]:
    """A reader's GET under the site's name: status, headers (lower-case names) and body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        body = DECODERS.get(response.getheader("Content-Encoding", ""), bytes)(response.read()).decode()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, body
    finally:
        connection.close()


def delivered(site: Site) -> None:
    try:
        wait_for(lambda: site.python(LEFT).strip() == "", "the outbox delivered", seconds=60)
    except AssertionError as error:
        raise AssertionError(f"{error}; left:\n{site.python(LEFT)}") from None


def test_after_a_publish_the_first_reader_finds_the_home_page_and_the_reviews_page_made(site):
    assert read(site.port, "/")[0] == 200  # the home page as it was, kept
    review = site.python(PUBLISH.format(which="drafts", headline="Warmed before anyone asked",
                                        deliver=True)).split()[-1]
    delivered(site)
    for path in ["/", review, "/feeds/reviews/"]:
        status, headers, body = read(site.port, path)
        assert (status, headers.get("x-page-cache")) == (200, "hit"), path
        assert "Warmed before anyone asked" in body, path
    assert read(site.port, "/shows/")[1].get("x-page-cache") == "miss"  # what no publish changed is made on demand


def test_the_web_processes_warm_a_correction_on_their_own(site):
    review = site.python(PUBLISH.format(which="live", headline="Put right, and warmed", deliver=False)).split()[-1]
    delivered(site)  # by the sender threads of gunicorn's workers
    status, headers, body = read(site.port, review)
    assert (status, headers.get("x-page-cache")) == (200, "hit")
    assert "Put right, and warmed" in body


@pytest.fixture
def edge(tmp_path):
    """The site behind varnishd, purged by it and warming through it; only the test delivers the outbox."""
    with site_behind_varnish(tmp_path, DJANGO_ALLOWED_HOSTS=f"{HOST},127.0.0.1",
                             WARM_BASE_URL="http://127.0.0.1:{port}") as varnish:
        yield varnish


def test_warming_through_the_edge_leaves_the_new_page_at_the_edge(edge):
    browser = {"Accept-Encoding": "gzip, deflate, br"}
    assert read(edge.port, "/", browser)[0] == 200
    assert read(edge.port, "/", browser)[1]["x-cache"] == "HIT"  # the old home page, kept at the edge
    edge.site.python(PUBLISH.format(which="drafts", headline="Warmed at the edge", deliver=True))
    assert edge.site.python(LEFT).strip() == ""  # the purge went out, then the warms
    status, headers, body = read(edge.port, "/", browser)
    assert (status, headers["x-cache"]) == (200, "HIT")
    assert "Warmed at the edge" in body

