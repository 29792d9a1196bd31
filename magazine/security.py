"""Security headers: django-csp's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY), looser only where
Django's own admin needs it, and the two headers neither Django 5.2 nor django-csp sets."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/") and parts.update is None:
            parts.update = {"style-src": [SELF, UNSAFE_INLINE]}  # the admin sets a few style attributes inline
        return parts


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
