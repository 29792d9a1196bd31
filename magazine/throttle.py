"""The admin login refuses password guessing: a few failures per account and address, then a pause."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm

from editorial.shared_cache import attempt

FAILURES_ALLOWED = 5
PAUSE_SECONDS = 15 * 60


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") if request else ""


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        username = (self.data.get("username") or "").strip().lower()
        keys = [f"login-failures:user:{username}", f"login-failures:address:{client_address(self.request)}"]
        if any((attempt("get", key) or 0) >= FAILURES_ALLOWED for key in keys):  # no cache: no throttle
            raise forms.ValidationError(
                "Too many failed attempts. Wait fifteen minutes, or ask an editor to reset your password.",
                code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            for key in keys:
                attempt("add", key, 0, PAUSE_SECONDS)
                attempt("incr", key)
            raise
