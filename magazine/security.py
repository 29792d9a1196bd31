"""Security headers: django-csp's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY), looser only where
Django's own admin needs it, and the two headers neither Django 5.2 nor django-csp sets."""

import time

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.shortcuts import render

from editorial.shared_cache import attempt


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


class SearchRateLimitMiddleware:
    """Search is the one page a client can make the database work hard for: each address gets
    SEARCH_RATE_LIMIT searches a minute, then a 429 with Retry-After. Editors are not counted; without the
    shared cache nobody is (the cache is an optimisation, never a dependency)."""

    WINDOW = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/search/") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self.get_response(request)
        window = int(time.time() // self.WINDOW)
        key = f"search-rate:{client_address(request)}:{window}"
        attempt("add", key, 0, self.WINDOW * 2)
        if (attempt("incr", key, default=0) or 0) > settings.SEARCH_RATE_LIMIT:
            response = render(request, "429.html", {"retry_after": self.WINDOW}, status=429)
            response["Retry-After"] = str(self.WINDOW * (window + 1) - int(time.time()))
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
