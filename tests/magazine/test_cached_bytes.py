"""A cache hit is one Redis round trip of ready bytes; pages and feeds go out compressed; hits and 304s say the
same Cache-Control as the miss. A Redis of the test's own counts the commands."""

import gzip
import io
import re

import brotli
import pytest
import redis
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections
from django.test import override_settings
from django.urls import reverse

from editorial import drafts, workflow
from magazine import page_cache
from tests import factories
from tests.servers import Redis

REVALIDATE = "public, max-age=0, must-revalidate"


@pytest.fixture
def redis_server(tmp_path):
    server = Redis(tmp_path / "redis")
    server.start()
    yield server
    if server.process.poll() is None:  # still running: a test may have stopped it
        server.stop()


@pytest.fixture
def own_redis(redis_server, settings, monkeypatch):
    server = redis_server
    settings.CACHES = {"default": {"BACKEND": "editorial.shared_cache.RedisCache", "LOCATION": server.url}}
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(page_cache, "DEBT_CHECK_SECONDS", 3600)  # the debt check is the database's, once a second
    page_cache.distrust()
    yield redis.Redis.from_url(server.url)
    page_cache.distrust()


def commands(client: redis.Redis) -> dict[str, int]:
    stats = client.info("commandstats")
    return {name.removeprefix("cmdstat_"): value["calls"] for name, value in stats.items()}


def commands_during(redis_client, action) -> dict[str, int]:
    before = commands(redis_client)
    action()
    after = commands(redis_client)
    changed = {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}
    changed.pop("info", None)
    return changed


@pytest.mark.django_db
def test_a_hit_is_one_redis_round_trip_of_stored_bytes(client, own_redis):
    review = factories.LiveReviewFactory()
    url = review.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    responses = []
    assert commands_during(own_redis, lambda: responses.append(client.get(url))) == {"mget": 1}
    assert responses[0]["X-Page-Cache"] == "hit" and review.headline in responses[0].content.decode()
    address = page_cache.page_address(responses[0].wsgi_request.META)
    generation = cache.get(page_cache.GENERATION)
    kept = cache.get(page_cache.page_key(generation, address))
    assert isinstance(kept, page_cache.StoredPage) and kept.etag and set(kept.codings) == {"", "gzip", "br"}
    bodies = {coding: cache.get(page_cache.body_key(generation, address, coding)) for coding in kept.codings}
    assert brotli.decompress(bodies["br"]) == gzip.decompress(bodies["gzip"]) == bodies[""]


@pytest.mark.django_db
def test_after_a_publish_the_first_request_for_a_page_showing_it_reads_its_stamps(client, own_redis):
    review = factories.LiveReviewFactory(headline="First edition")
    client.get("/"), client.get("/")
    with factories.committing():
        workflow.publish(review, by=factories.editor(), data={**drafts.content_of(review),
                                                               "headline": "Second edition"})
    responses = []
    spent = commands_during(own_redis, lambda: responses.append(client.get("/")))
    # The kept page, then the stamps of its keys (one was touched: a miss), then the stamps again before keeping.
    assert spent["mget"] == 3
    assert responses[0]["X-Page-Cache"] == "miss" and "Second edition" in responses[0].content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "feeds:latest"])
def test_miss_hit_and_304_carry_one_cache_control_and_etag(client, own_redis, path):
    factories.LiveReviewFactory()
    url = path if path.startswith("/") else reverse(path)
    miss, hit = client.get(url), client.get(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert miss["Cache-Control"] == hit["Cache-Control"] == REVALIDATE
    assert miss["ETag"] == hit["ETag"]
    not_modified = client.get(url, headers={"If-None-Match": hit["ETag"]})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["Cache-Control"] == REVALIDATE and not_modified["ETag"] == hit["ETag"]
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200


@pytest.mark.django_db
def test_a_conditional_feed_request_is_one_round_trip(client, own_redis):
    factories.LiveReviewFactory()
    url = reverse("feeds:latest")
    etag = client.get(url)["ETag"]
    responses = []
    ask = lambda: responses.append(client.get(url, headers={"If-None-Match": etag}))  # noqa: E731
    assert commands_during(own_redis, ask) == {"mget": 1}
    assert responses[0].status_code == 304


@pytest.mark.django_db
@pytest.mark.parametrize("cached", [True, False])
@pytest.mark.parametrize(("accept", "coding"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"),
                                                ("identity", None), ("", None)])
def test_pages_and_feeds_go_out_compressed_as_the_client_asks(client, settings, own_redis, cached, accept, coding):
    settings.PAGE_CACHE_SECONDS = 300 if cached else 0
    review = factories.LiveReviewFactory()
    for url in [review.get_absolute_url(), reverse("feeds:latest")]:
        plain = client.get(url).content
        for _ in range(2):  # the miss, then the hit
            response = client.get(url, headers={"Accept-Encoding": accept})
            assert "Accept-Encoding" in response["Vary"]
            assert response.get("Content-Encoding") == coding, (url, accept)
            decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[coding]
            assert decode(response.content) == plain
            if coding:
                assert int(response["Content-Length"]) == len(response.content) < len(plain)


@pytest.mark.django_db
def test_pages_with_a_session_or_a_csrf_token_stay_uncompressed(editor_client):
    response = editor_client.get(reverse("admin:reviews_review_changelist"), headers={"Accept-Encoding": "br, gzip"})
    assert response.status_code == 200 and "Content-Encoding" not in response
    assert re.search(r"\bcookie\b", response["Vary"], re.IGNORECASE)


@pytest.mark.django_db
def test_media_files_are_kept_for_a_year(client, settings, media_root):
    (media_root / "renditions").mkdir(parents=True)
    (media_root / "renditions" / "still-1a2b3c4d-wide-640.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    response = client.get("/media/renditions/still-1a2b3c4d-wide-640.jpg")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert client.get("/media/renditions/missing.jpg").status_code == 404


def wsgi_get(path: str, **headers) -> tuple[str, dict[str, str], bytes]:
    """A request to the WSGI application gunicorn runs, as a server would hand it over."""
    from magazine.wsgi import application

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "testserver",
               "SERVER_PORT": "80", "HTTP_HOST": "testserver", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
               "wsgi.errors": io.StringIO(), **{f"HTTP_{name.upper()}": value for name, value in headers.items()}}
    answer = {}
    # As Django's test client does: the test's transaction holds the connection, so no request may close it.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        reply = application(environ, lambda status, header_list: answer.update(status=status,
                                                                               headers=dict(header_list)))
        body = b"".join(reply)
        getattr(reply, "close", lambda: None)()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


@pytest.mark.django_db
def test_a_kept_page_is_served_before_django_with_the_headers_of_every_layer(client, own_redis,
                                                                              django_assert_num_queries):
    review = factories.LiveReviewFactory()
    url = review.get_absolute_url()
    miss = client.get(url, headers={"Accept-Encoding": "br"})
    assert miss["X-Page-Cache"] == "miss"
    answers = []
    with django_assert_num_queries(0):
        spent = commands_during(own_redis, lambda: answers.append(wsgi_get(url, accept_encoding="br")))
    assert spent == {"mget": 1}
    status, headers, body = answers[0]
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert brotli.decompress(body).decode().count(review.headline) >= 1
    # Every header the miss had, from the security headers to the Content-Security-Policy, and the same bytes.
    outcome = ("X-Page-Cache", "X-Cache")
    assert {name: value for name, value in headers.items() if name not in outcome} == {
        name: value for name, value in miss.items() if name not in outcome}
    assert body == miss.content
    status, headers, body = wsgi_get(url, accept_encoding="br", if_none_match=miss["ETag"])
    assert status.startswith("304") and body == b"" and headers["Cache-Control"] == REVALIDATE


@pytest.mark.django_db
def test_readers_with_a_session_and_a_due_debt_check_go_through_django(client, own_redis, monkeypatch):
    review = factories.LiveReviewFactory()
    url = review.get_absolute_url()
    client.get(url)
    assert page_cache.answer_before_django({"REQUEST_METHOD": "GET", "PATH_INFO": url, "HTTP_HOST": "testserver",
                                            "wsgi.input": io.BytesIO(), "HTTP_COOKIE": "sessionid=abc"}) is None
    assert page_cache.answer_before_django({"REQUEST_METHOD": "HEAD", "PATH_INFO": url, "HTTP_HOST": "testserver",
                                            "wsgi.input": io.BytesIO()}) is None
    monkeypatch.setattr(page_cache, "DEBT_CHECK_SECONDS", 0)  # the database's debt check is due: Django asks it
    assert page_cache.answer_before_django({"REQUEST_METHOD": "GET", "PATH_INFO": url, "HTTP_HOST": "testserver",
                                            "wsgi.input": io.BytesIO()}) is None
    status, headers, _ = wsgi_get(url)
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"  # through PageCacheMiddleware


@pytest.mark.django_db
def test_a_bad_host_gets_djangos_400_from_the_fast_path(client, own_redis):
    client.get("/")
    status, _, _ = wsgi_get("/", host="evil.example")
    assert status.startswith("400")


@pytest.mark.django_db
def test_a_process_sends_its_recent_copy_only_while_the_kept_page_has_its_etag(client, own_redis):
    review = factories.LiveReviewFactory()
    url = review.get_absolute_url()
    client.get(url), client.get(url)  # the miss, then a hit that leaves this process a copy of the body
    reads = []
    assert commands_during(own_redis, lambda: reads.append(client.get(url))) == {"mget": 1}
    assert reads[0]["X-Page-Cache"] == "hit" and review.headline in reads[0].content.decode()
    # The page is kept again under the same generation with other bytes (as when it lapsed at a scheduled
    # publication and was filled anew): the copy's ETag no longer matches, so the new body is read.
    meta = reads[0].wsgi_request.META
    generation, address = cache.get(page_cache.GENERATION), page_cache.page_address(meta)
    page = cache.get(page_cache.page_key(generation, address))
    changed = page_cache.StoredPage(page.status, page.headers, 'W/"another-edition"', page.codings, page.keys,
                                    page.read_at)
    page_cache.store(generation, address, changed, {coding: b"another edition" for coding in page.codings}, 60)
    again = client.get(url)
    assert again["ETag"] == 'W/"another-edition"' and again.content == b"another edition"


@pytest.mark.django_db
def test_with_redis_gone_the_wsgi_application_serves_the_page_uncached(client, own_redis, redis_server):
    review = factories.LiveReviewFactory()
    url = review.get_absolute_url()
    client.get(url)
    assert wsgi_get(url)[1]["X-Page-Cache"] == "hit"
    redis_server.stop()
    status, headers, body = wsgi_get(url)
    assert status == "200 OK" and "X-Page-Cache" not in headers and review.headline in body.decode()


def test_the_page_address_is_the_host_and_scheme_django_reads():
    base = {"REQUEST_METHOD": "GET", "PATH_INFO": "/reviews/", "QUERY_STRING": "page=2", "wsgi.url_scheme": "http"}
    named = page_cache.page_address({**base, "SERVER_NAME": "testserver", "SERVER_PORT": "80"})
    assert named == page_cache.page_address({**base, "HTTP_HOST": "testserver"}) == "GET:http://testserver/reviews/?page=2"
    proxied = {**base, "HTTP_HOST": "testserver", "HTTP_X_FORWARDED_PROTO": "https"}
    assert page_cache.page_address(proxied) == named  # no proxy trusted: the header means nothing
    with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
        assert page_cache.page_address(proxied) != named
    forwarded = {**base, "HTTP_HOST": "internal:8000", "HTTP_X_FORWARDED_HOST": "magazine.example"}
    assert "//internal:8000/" in page_cache.page_address(forwarded)
    with override_settings(USE_X_FORWARDED_HOST=True):
        assert "//magazine.example/" in page_cache.page_address(forwarded)
