"""Health for whoever runs the site: ``/healthz`` (the process answers) and ``/readyz`` (it can serve pages).

``HealthMiddleware`` is the first middleware, so both answer before anything else runs: no page cache, no
session, no scheduled change published, no search rate limit, no HTTPS redirect, and no check of the Host
header, since balancers probe by address. That is safe because nothing in these answers comes from the
request: no link, no cookie, and ``Cache-Control: no-store``, so no cache keeps them for anyone.

``/readyz`` opens a connection of its own (with a short timeout), so a probe never waits on, or disturbs, a
request's connection. A cache that does not answer is reported but is no reason to stop sending readers: the
site serves them uncached. Bodies name what failed, never the error's text (it can name internal hosts); the
log has that, once, when the process stops being ready.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.utils import load_backend
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse

logger = logging.getLogger(__name__)
CONNECT_TIMEOUT_SECONDS = 2  # a probe that waits longer has usually given up already
READY_PATH = "/readyz"
_last = {"problems": set()}  # what this process last found unanswered, so a lasting outage is logged once


def healthz(request):
    return no_store(HttpResponse("ok\n", content_type="text/plain; charset=utf-8"))


def readyz(request):
    problems = {name: problem for name, problem in (("database", database_problem()), ("cache", cache_problem()))
                if problem}
    report_change(problems)
    ready = "database" not in problems
    body = {"ready": ready, "database": "ok", "cache": "ok"}
    body.update((name, f"unreachable ({type(error).__name__})") for name, error in problems.items())
    return no_store(JsonResponse(body, status=200 if ready else 503))


def database_problem(alias: str = "default") -> Exception | None:
    """Why the database does not answer ``SELECT 1`` on a new connection, or None when it does."""
    config = connections.configure_settings({alias: {**settings.DATABASES[alias]}})[alias]
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["OPTIONS"] = {**config["OPTIONS"], "connect_timeout": CONNECT_TIMEOUT_SECONDS}
    database = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias)
    try:
        with database.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return error
    finally:
        database.close()
    return None


def cache_problem() -> Exception | None:
    try:
        cache.get("health:probe")
    except Exception as error:
        return error
    return None


def report_change(problems: dict[str, Exception]) -> None:
    for name, error in problems.items():
        if name not in _last["problems"]:
            logger.warning("Readiness: the %s does not answer: %s", name, error)
    for name in _last["problems"] - problems.keys():
        logger.warning("Readiness: the %s answers again", name)
    _last["problems"] = set(problems)


def no_store(response):
    response["Cache-Control"] = "no-store"
    return response


ANSWERS = {"/healthz": healthz, READY_PATH: readyz}


class HealthMiddleware:
    """The first middleware: the two probes are answered here, and nothing after it runs for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        answer = ANSWERS.get(request.path_info)
        if answer is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return no_store(HttpResponseNotAllowed(["GET", "HEAD"]))
        return answer(request)


class ReadinessIsNotAnError(logging.Filter):
    """For ``django.request``, which logs every 5xx as an error: a 503 from /readyz is the answer a balancer
    asked for, and ``report_change`` has already logged why."""

    def filter(self, record):
        request = getattr(record, "request", None)
        return not (getattr(record, "status_code", None) == 503
                    and getattr(request, "path_info", None) == READY_PATH)
