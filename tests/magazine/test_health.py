"""/healthz and /readyz, for whoever runs the site: answered first, for any Host, never cached, never an error
in the log. Real failures: a database that does not answer, a Redis port where nothing listens."""

import json
import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.models import Revision
from reviews.models import Review
from tests import factories
from tests.editorial.test_set_aside import make_due, schedule_change
from tests.magazine import test_cached_bytes as cached_bytes
from tests.magazine.test_cached_bytes import commands_during, wsgi_get
from tests.servers import free_port

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")]  # the tests' own connection stays
redis_server, own_redis = cached_bytes.redis_server, cached_bytes.own_redis  # a Redis of the test's own, counting
PROBES = ("/healthz", "/readyz")
BALANCER = {"HTTP_HOST": "10.0.0.5:8000", "REMOTE_ADDR": "10.0.0.2"}  # probes by address, over plain HTTP


def redis_at(url: str) -> dict:
    return {"default": {"BACKEND": "editorial.shared_cache.RedisCache", "LOCATION": url,
                        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}


@pytest.fixture
def production_host(settings):
    """The site as production runs it: one allowed host, HTTPS only."""
    settings.ALLOWED_HOSTS = ["magazine.example"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.fixture
def database_down(settings, tmp_path):
    """``DATABASES`` as a process starts with when its database does not answer: a PostgreSQL port where nothing
    listens, or a SQLite file in a folder that does not exist. (The test's own connection is left alone.)"""
    default = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        down = {**default, "HOST": "127.0.0.1", "PORT": str(free_port())}
    else:
        down = {**default, "NAME": str(tmp_path / "no-such-folder" / "magazine.sqlite3")}
    settings.DATABASES = {**settings.DATABASES, "default": down}


@pytest.mark.parametrize("path", PROBES)
def test_a_probe_answers_for_any_host_over_plain_http_and_may_not_be_stored(client, production_host, path):
    response = client.get(path, **BALANCER)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert client.get("/", **BALANCER).status_code == 400  # every other page still checks the Host


def test_healthz_asks_nothing_of_the_database_or_the_cache(client, own_redis):
    client.get("/")  # the page cache has its generation, and this process trusts it
    answers = []
    with CaptureQueriesContext(connection) as queries:
        spent = commands_during(own_redis, lambda: answers.extend(client.get("/healthz") for _ in range(3)))
    assert [answer.content for answer in answers] == [b"ok\n"] * 3
    assert not queries.captured_queries and not spent


def test_a_probe_comes_before_the_scheduled_changes_and_the_search_rate_limit(client, settings):
    settings.SEARCH_RATE_LIMIT = 0
    review = factories.LiveReviewFactory(headline="Before")
    with factories.committing():
        revision = schedule_change(review, headline="After")
    make_due(revision)
    for path in PROBES:
        assert client.get(path).status_code == 200, path
    assert Revision.objects.get(pk=revision.pk).go_live_at is not None  # no probe published it
    assert client.get("/search/", {"q": "after"}).status_code == 429  # the limit counts searches, not probes
    with factories.committing():
        client.get("/")  # a page does
    assert Review.objects.get(pk=review.pk).headline == "After"


def test_readyz_is_ready_when_the_database_and_the_cache_answer(client, own_redis):
    response = client.get("/readyz")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"ready": True, "database": "ok", "cache": "ok"}


def test_without_the_database_readyz_is_a_503_that_says_why_and_no_error_is_logged(client, database_down, caplog):
    with caplog.at_level(logging.INFO):
        first, second = client.get("/readyz"), client.get("/readyz")
    for response in (first, second):
        assert response.status_code == 503 and response["Cache-Control"] == "no-store"
        assert json.loads(response.content) == {"ready": False, "database": "unreachable (OperationalError)",
                                                "cache": "ok"}
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
    said = [record.getMessage() for record in caplog.records if record.name == "magazine.health"]
    assert len(said) == 1 and said[0].startswith("Readiness: the database does not answer")  # once, with why
    assert client.get("/healthz").status_code == 200  # the process itself is fine


def test_readyz_says_when_the_database_answers_again(client, database_down, settings, caplog):
    down = settings.DATABASES["default"]
    assert client.get("/readyz").status_code == 503
    settings.DATABASES = {**settings.DATABASES, "default": {**down, **{
        key: connection.settings_dict[key] for key in ("NAME", "HOST", "PORT")}}}
    with caplog.at_level(logging.INFO, logger="magazine.health"):
        assert client.get("/readyz").status_code == 200
    assert [record.getMessage() for record in caplog.records] == ["Readiness: the database answers again"]


def test_with_the_cache_down_readyz_reports_it_and_stays_ready(client, settings):
    settings.CACHES = redis_at(f"redis://127.0.0.1:{free_port()}/0")
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"ready": True, "database": "ok", "cache": "unreachable (ConnectionError)"}


def test_through_the_wsgi_application_a_probe_asks_nothing_of_the_cache(client, own_redis):
    client.get("/")  # the process has read the cache and trusts it, as a busy one does
    answers = []
    spent = commands_during(own_redis, lambda: answers.extend(wsgi_get(path)[0] for path in PROBES * 2))
    assert answers == ["200 OK"] * 4
    assert spent == {"get": 2}  # /readyz's own question, twice: nothing for the page cache
