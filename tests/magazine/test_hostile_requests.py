"""What one person can send cannot change the pages others are served, empty the cache, or lift a limit: a junk
session cookie, parameters no page reads, and forwarding headers, against gunicorn as gunicorn.conf.py runs it."""

import http.client

import pytest
from django.core.cache import cache
from django.test import Client

from magazine import page_cache, security
from tests import factories
from tests.servers import Redis, Site


@pytest.mark.django_db
def test_a_session_cookie_that_names_no_signed_in_session_is_served_the_kept_page(page_cache_on):
    factories.LiveReviewFactory()
    Client().get("/")
    for junk in ("x", "0" * 32, "a" * 500):
        reader = Client()
        reader.cookies["sessionid"] = junk
        assert reader.get("/")["X-Page-Cache"] == "hit", junk


@pytest.mark.django_db
def test_a_session_cookie_the_database_cannot_even_look_up_is_a_reader(page_cache_on):
    factories.LiveReviewFactory()
    Client().get("/")
    nuls = 'sessionid="' + "\\000" * 8 + '"'  # eight NULs once parsed: PostgreSQL refuses them in a query
    assert Client().get("/", HTTP_COOKIE=nuls)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_every_spelling_of_the_host_and_scheme_is_one_kept_page(page_cache_on, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    factories.LiveReviewFactory()
    assert Client().get("/", HTTP_HOST="testserver", HTTP_X_FORWARDED_PROTO="https")["X-Page-Cache"] == "miss"
    for host in ("TESTSERVER", "testserver.", "testserver:443", "TestServer.:443"):
        for proto in ("https", "https, junk", "https,http"):
            response = Client().get("/", HTTP_HOST=host, HTTP_X_FORWARDED_PROTO=proto)
            assert response["X-Page-Cache"] == "hit", (host, proto)
    assert Client().get("/", HTTP_HOST="testserver:8443", HTTP_X_FORWARDED_PROTO="https")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_signed_in_editor_still_goes_past_the_kept_page(page_cache_on, editor):
    Client().get("/")
    editor_client = Client()
    editor_client.force_login(editor)
    assert "X-Page-Cache" not in editor_client.get("/")


@pytest.mark.django_db
def test_a_junk_session_cookie_does_not_lift_the_search_limit(settings):
    cache.clear()
    settings.SEARCH_RATE_LIMIT = 3
    reader = Client(REMOTE_ADDR="203.0.113.8")
    reader.cookies["sessionid"] = "made-up"
    answers = [reader.get("/search/", {"q": word}).status_code for word in ("one", "two", "three", "four")]
    assert answers == [200, 200, 200, 429]


def test_the_search_limit_slides_across_the_turn_of_a_minute(db):
    cache.clear()
    window = security.SlidingWindow("test-rate", limit=30)
    start = 1_800_000_000 // 60 * 60  # the start of a clock minute
    assert all(window.hit("reader", start + 59.0) is None for _ in range(30))
    wait = window.hit("reader", start + 61.0)  # a per-minute count would start again from zero here
    assert wait is not None and 0 < wait <= 60
    later = security.SlidingWindow("test-rate", limit=30)
    assert later.hit("reader", start + 60 + 59.5) is None  # a minute on, the old searches have slid out


@pytest.mark.django_db
def test_parameters_no_page_reads_are_one_kept_page_and_never_reach_the_view(client, page_cache_on):
    factories.LiveReviewFactory()
    assert client.get("/?utm_source=1")["X-Page-Cache"] == "miss"
    for n in range(2, 6):
        assert client.get(f"/?utm_source={n}&fbclid=x")["X-Page-Cache"] == "hit"
    clean = client.get("/")
    assert clean["X-Page-Cache"] == "hit"
    tagged = client.get("/?utm_source=9").wsgi_request.META
    assert page_cache.page_address(tagged) == page_cache.page_address(clean.wsgi_request.META)
    redirected = client.get("/reviews/?year=&utm_source=mail")
    assert redirected.status_code == 302 and "utm" not in redirected["Location"]


@pytest.mark.django_db
def test_parameters_a_page_reads_stay_part_of_its_address(client, page_cache_on):
    for n in range(30):
        factories.LiveReviewFactory(headline=f"Numbered review {n:02d}")
    first, second = client.get("/reviews/"), client.get("/reviews/?page=2&utm_source=x")
    assert second.status_code == 200 and first.content != second.content
    assert client.get("/reviews/?page=1&page=2")["X-Page-Cache"] == "hit"  # the last value is the one read
    assert client.get("/search/?q=numbered&junk=1").status_code == 200
    review = factories.LiveReviewFactory()
    review.tags.set(["山田"])
    for _ in range(12):
        factories.LiveReviewFactory().tags.set(["山田"])
    tag_page = "/tags/%E5%B1%B1%E7%94%B0/"
    assert client.get(tag_page).content != client.get(f"{tag_page}?page=2&utm_source=x").content  # read when the
    # address is not ASCII too


# Headers a client might send to move a page's links, and paths shaped to go with them.
HOSTILE = [
    ("//evil.example/people/", {"SCRIPT_NAME": "//evil.example"}),
    ("//evil.example/reviews/", {"Script-Name": "//evil.example"}),
    ("/evil.example/", {"SCRIPT_NAME": "/evil.example", "PATH_INFO": "/"}),
    ("/people/", {"X-Forwarded-Host": "evil.example"}),
    ("/people/", {"X-Forwarded-Host": "evil.example", "X-Forwarded-Port": "6666"}),
    ("/reviews/", {"X-Forwarded-Prefix": "/evil.example"}),
    ("/reviews/", {"X-Forwarded-Proto": "http", "X-Forwarded-Scheme": "evil"}),
    ("/", {"Forwarded": "host=evil.example;proto=http"}),
    ("/", {"X-Original-URL": "//evil.example/", "X-Rewrite-URL": "//evil.example/"}),
    ("/", {"x-forwarded-host": "EVIL.example", "X-FORWARDED-SERVER": "evil.example"}),
    ("/people/", {"X-Host": "evil.example", "X-Forwarded-Server": "evil.example"}),
    ("/people/?utm_source=evil.example", {}),
    ("/reviews/?page=evil.example", {}),
    ("/people//", {}),
]


def send(site, path: str, headers: dict) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    for name, value in {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **headers}.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


@pytest.fixture
def secure_site(tmp_path):
    redis = Redis(tmp_path / "redis")
    redis.start()
    site = Site(tmp_path, redis.url, DJANGO_SECURE="1")  # DEBUG as the other sites: no collectstatic needed
    site.start(reviews=3, path="/robots.txt", headers={"X-Forwarded-Proto": "https"})
    yield site
    site.stop()
    redis.stop()


def test_no_request_header_or_path_changes_the_page_other_readers_get(secure_site):
    for path, headers in HOSTILE:
        for _ in range(2):  # once to make the page, once to find it kept
            assert send(secure_site, path, headers) < 500, (path, headers)
    for path in ("/", "/people/", "/reviews/", "/shows/"):
        connection = http.client.HTTPConnection("127.0.0.1", secure_site.port, timeout=10)
        connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        page = response.read().decode()
        assert response.status == 200, path
        assert "evil" not in page.lower(), (path, response.getheader("X-Page-Cache"))
        assert f'rel="canonical" href="https://127.0.0.1{path}"' in page
