"""Security headers: django-csp's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY), looser only where
Django's own admin needs it, and the two headers neither Django 5.2 nor django-csp sets."""

import math
import re
import time
from importlib import import_module

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseBadRequest
from django.http.cookie import parse_cookie
from django.shortcuts import render

from editorial.fragments import Fragments
from editorial.shared_cache import attempt

SESSIONS_REMEMBERED = 4096  # session keys a process remembers the answer for, a few seconds each
SESSION_ANSWER_SECONDS = 5.0
SESSION_KEY_SHAPE = re.compile(r"[a-z0-9]{8,40}")
_sessions = Fragments(SESSIONS_REMEMBERED)


def signed_in(meta) -> bool:
    """Whether the request carries the session of someone signed in. Only such a session takes a request past
    the page cache and the search limit: a cookie with that name that names no session, an expired one or an
    anonymous one makes a reader like any other. The answer is remembered a few seconds per key."""
    key = parse_cookie(meta.get("HTTP_COOKIE", "")).get(settings.SESSION_COOKIE_NAME)
    if not key or not SESSION_KEY_SHAPE.fullmatch(key):  # Django's keys: 32 of a–z and 0–9
        return False
    remembered = _sessions.get((key,))
    if remembered is not None and remembered[1] > time.monotonic():
        return remembered[0]
    try:
        answer = SESSION_KEY in import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).load()
    except (OperationalError, InterfaceError):
        return True  # the database decides whether it is an editor; it cannot say now, so nothing is kept
    _sessions.put((key,), (answer, time.monotonic() + SESSION_ANSWER_SECONDS))
    return answer


def carries_session_cookie(meta) -> bool:
    return settings.SESSION_COOKIE_NAME in parse_cookie(meta.get("HTTP_COOKIE", ""))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/") and parts.update is None:
            parts.update = {"style-src": [SELF, UNSAFE_INLINE]}  # the admin sets a few style attributes inline
        return parts


class AdminQueryMiddleware:
    """The admin's lists turn their query string into database lookups; PostgreSQL refuses a NUL character
    with an error, so a filter, ordering or search holding one is answered 400, never 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and any(
                "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            return HttpResponseBadRequest("A filter, ordering or search in this address holds a NUL character.",
                                          content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class SlidingWindow:
    """At most ``limit`` events per ``seconds`` for one key, counted over a window that slides: this minute's
    count plus the share of the last minute's that still falls within the past sixty seconds. (A count per clock
    minute would let twice the limit through across the turn of a minute.)"""

    def __init__(self, name: str, limit: int, seconds: int = 60):
        self.name, self.limit, self.seconds = name, limit, seconds

    def hit(self, key: str, now: float) -> float | None:
        """Count an event; None while within the limit, else the seconds to wait."""
        window = int(now // self.seconds)
        current = f"{self.name}:{key}:{window}"
        attempt("add", current, 0, self.seconds * 2)
        try:
            count = attempt("incr", current, default=0) or 0
        except ValueError:  # evicted between the two: this is its first
            attempt("set", current, 1, self.seconds * 2)
            count = 1
        previous = attempt("get", f"{self.name}:{key}:{window - 1}", default=0) or 0
        elapsed = (now % self.seconds) / self.seconds
        if previous * (1 - elapsed) + count <= self.limit:
            return None
        return min(float(self.seconds), self.wait(previous, count, elapsed))  # by then the oldest has slid out

    def wait(self, previous: int, count: int, elapsed: float) -> float:
        """Until the next event would be within the limit, had nothing else come."""
        if count < self.limit:  # the last minute's share must fade: previous × (1 - e) + count + 1 ≤ limit
            return max(1.0, ((1 - (self.limit - count - 1) / previous) - elapsed) * self.seconds)
        # next minute, this one's share must fade the same way: count × (1 - e) + 1 ≤ limit
        return (1 - elapsed) * self.seconds + max(0.0, 1 - (self.limit - 1) / count) * self.seconds


class SearchRateLimitMiddleware:
    """Search is the one page a client can make the database work hard for: each address gets
    SEARCH_RATE_LIMIT searches a minute (a sliding minute), then a 429 with Retry-After. Signed-in editors are
    not counted; without the shared cache nobody is (the cache is an optimisation, never a dependency)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/search/") or signed_in(request.META):
            return self.get_response(request)
        window = SlidingWindow("search-rate", settings.SEARCH_RATE_LIMIT)
        wait = window.hit(client_address(request), time.time())
        if wait is not None:
            response = render(request, "429.html", {"retry_after": math.ceil(wait)}, status=429)
            response["Retry-After"] = str(math.ceil(wait))
            return response
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


def client_address(request) -> str:
    """The reader's address: with PROXY_COUNT trusted proxies in front, the hop the farthest of them added to
    X-Forwarded-For (what a client sends itself comes before it, and is not believed); otherwise REMOTE_ADDR."""
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if settings.PROXY_COUNT and len(hops) >= settings.PROXY_COUNT:
        return hops[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")
