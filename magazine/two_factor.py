"""A second factor for publishers (DJANGO_REQUIRE_2FA): after the password, a code from an authenticator app.

The password step signs nobody in: it leaves a pending sign-in in a fresh session, and only a right code (or, for
a first device, the code that confirms it) calls Django's login. Until then the session is anonymous everywhere,
django-axes resets its count only once the whole sign-in succeeds, and a wrong code is one more failure for that
account from that address."""

import math
import time
from base64 import b32encode, b64encode
from datetime import timedelta
from io import BytesIO

import qrcode
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django import forms
from django.conf import settings
from django.contrib import admin, auth, messages
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

from editorial import registry, workflow

PENDING = "two_factor_pending"
PENDING_SECONDS = 10 * 60
SHOWN_KEY = "two_factor_shown_key"  # the one unconfirmed device this session's enrolment page showed last
KEY_MINUTES = 10


def required(user) -> bool:
    """Whether this user gives a code at sign-in: everyone who can publish (the Editors group) and superusers."""
    if not settings.REQUIRE_2FA or not user.is_active:
        return False
    return user.is_superuser or any(workflow.can_publish(user, model) for model in registry.models())


def satisfied(user) -> bool:
    return not (user.is_authenticated and required(user)) or user.is_verified()


def devices(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-last_used_at", "-pk")


class TwoStepLoginView(LoginView):
    """Django's admin login; for someone who gives a code, a right password leads to the code instead."""

    def form_valid(self, form):
        user = form.get_user()
        if not required(user):
            return super().form_valid(form)
        self.request.session.flush()  # nothing from before the password step survives into the signed-in session
        self.request.session[PENDING] = {"user": user.pk, "backend": user.backend, "next": self.get_success_url(),
                                         "since": time.time()}
        return redirect("admin:two_factor" if devices(user).exists() else "admin:two_factor_enrol")

    def get_default_redirect_url(self):
        return reverse("admin:index")


def pending_user(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        return None
    user = auth.get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


def start_again(request):
    messages.info(request, "Sign in again: a sign-in waits ten minutes for its authentication code.")
    return redirect("admin:login")


def finish_sign_in(request, user, device):
    next_url = request.session.pop(PENDING)["next"]
    user.otp_device = device  # django-otp keeps it in the session when Django's login signal fires
    auth.login(request, user)
    return redirect(next_url)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Authentication code", max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True,
                                      "autocapitalize": "none", "spellcheck": "false", "size": 8}),
        help_text="The six-digit code your authenticator app shows now.",
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError("Enter the six digits your authenticator app shows, without letters.",
                                        code="format")
        return code


class DeviceCodeForm(CodeForm):
    """The sign-in's code, checked against the device it came from when there are several."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = devices(user)
        if len(choices) > 1:
            self.fields["device"] = forms.ModelChoiceField(choices, label="From", empty_label=None)
        self.only_device = choices[0] if len(choices) == 1 else None

    def chosen_device(self):
        return self.cleaned_data.get("device") or self.only_device


class EnrolForm(CodeForm):
    name = forms.CharField(label="Name this device", max_length=64, initial="Authenticator app",
                           help_text="So you can tell your devices apart, e.g. “Work phone”.")
    secret = forms.IntegerField(widget=forms.HiddenInput, required=False)  # which key the page showed
    field_order = ["code", "name"]


def key_cutoff():
    return timezone.now() - timedelta(minutes=KEY_MINUTES)


def unexpired_keys(user):
    return TOTPDevice.objects.filter(user=user, confirmed=False, created_at__gte=key_cutoff())


def new_key(request, user) -> TOTPDevice:
    """A key nobody has seen, for this page view: a key shown earlier, perhaps to someone who had only the
    password, is never shown again, and only the session it was shown in can confirm it."""
    expired = Q(created_at__lt=key_cutoff()) | Q(created_at=None)
    replaced = Q(pk=request.session.get(SHOWN_KEY))
    TOTPDevice.objects.filter(expired | replaced, user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    request.session[SHOWN_KEY] = device.pk
    return device


KEY_REPLACED = ("That key was replaced by a newer one when this page was opened again, so its codes are not "
                "accepted. Delete it from your authenticator app and add the key below.")
KEY_EXPIRED = ("That key has expired: a key must be confirmed within ten minutes, and adding an authenticator app "
               "cancels the other keys not yet confirmed. Delete it from your authenticator app and add the key below.")


def shown_key(request, user) -> tuple[TOTPDevice | None, str]:
    """The key the posted form showed, if it may still be confirmed; otherwise why not."""
    shown = request.session.get(SHOWN_KEY)
    if shown is None or request.POST.get("secret") != str(shown):
        return None, KEY_REPLACED
    return unexpired_keys(user).filter(pk=shown).first(), KEY_EXPIRED


def confirm_key(device, name) -> bool:
    """Make the device a sign-in's, unless it expired meanwhile; every other key not yet confirmed goes."""
    with transaction.atomic():
        # two confirmations at once lock the same rows in the same order: one waits, then finds its key gone
        list(TOTPDevice.objects.select_for_update().filter(user=device.user_id, confirmed=False).order_by("pk"))
        if not unexpired_keys(device.user_id).filter(pk=device.pk).update(confirmed=True, name=name):
            return False
        TOTPDevice.objects.filter(user=device.user_id, confirmed=False).delete()
    device.refresh_from_db()
    return True


def check_code(request, user, device, code, *, count_failure: bool) -> str | None:
    """None when the code is right; otherwise what to tell the person (and, in a sign-in, one more failure)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(pk=device.pk).first()
        if device is None:
            return "That authenticator was removed a moment ago: reload this page."
        allowed, why = device.verify_is_allowed()
        if not allowed:
            if why.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
                seconds = math.ceil((why["locked_until"] - timezone.now()).total_seconds())
                return f"Too many wrong codes in a row: wait {seconds} seconds, then enter the newest code."
            return "Codes cannot be checked just now: try again in a minute."
        if device.verify_token(code):
            return None
    if count_failure:
        user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)
    return ("That code is not right, or was already used. Enter the code your authenticator app shows now "
            f"for {settings.MAGAZINE_NAME}; a new one comes every 30 seconds.")


def locked(request, user) -> bool:
    return AxesProxyHandler.is_locked(request, {"username": user.get_username()})


def page(request, template, context):
    return TemplateResponse(request, template, {**admin.site.each_context(request), **context})


@never_cache
def verify_view(request):
    """The second step of a sign-in with a device: the code."""
    user = pending_user(request)
    if user is None:
        return start_again(request)
    form = DeviceCodeForm(request.POST or None, user=user)
    if form.only_device is None and "device" not in form.fields:
        return redirect("admin:two_factor_enrol")
    credentials = {"username": user.get_username()}
    if request.method == "POST":
        if locked(request, user):
            request.session.flush()
            return get_lockout_response(request, None, credentials)
        if form.is_valid():
            error = check_code(request, user, form.chosen_device(), form.cleaned_data["code"], count_failure=True)
            if error is None:
                return finish_sign_in(request, user, form.chosen_device())
            if getattr(request, "axes_locked_out", False):
                request.session.flush()
                return get_lockout_response(request, None, credentials)
            form.add_error("code", error)
    return page(request, "admin/two_factor/verify.html",
                {"title": "Authentication code", "form": form, "signing_in": user})


@never_cache
def enrol_view(request):
    """A new authenticator: in a sign-in, the first device of someone who must give a code; from the admin, one
    more device for anyone signed in."""
    user, signing_in = pending_user(request), True
    if user is None:
        if not admin.site.has_permission(request):
            return start_again(request) if PENDING in request.session else redirect("admin:login")
        user, signing_in = request.user, False
    elif devices(user).exists():
        return redirect("admin:two_factor")  # a password alone never adds a device beside one that exists
    if request.method != "POST":
        device = new_key(request, user)
        return enrol_page(request, user, signing_in, device, EnrolForm(initial={"secret": device.pk}))
    if signing_in and locked(request, user):
        request.session.flush()
        return get_lockout_response(request, None, {"username": user.get_username()})
    device, why_not = shown_key(request, user)
    if device is None:
        return key_refused(request, why_not)
    form = EnrolForm(request.POST)
    if form.is_valid():
        error = check_code(request, user, device, form.cleaned_data["code"], count_failure=signing_in)
        if error is None:
            if not confirm_key(device, form.cleaned_data["name"]):
                return key_refused(request, KEY_EXPIRED)
            request.session.pop(SHOWN_KEY)
            if signing_in:
                return finish_sign_in(request, user, device)
            messages.success(request, f"“{device.name}” is ready: sign-ins can use its codes.")
            return redirect("admin:two_factor_devices")
        if getattr(request, "axes_locked_out", False):
            request.session.flush()
            return get_lockout_response(request, None, {"username": user.get_username()})
        form.add_error("code", error)
    return enrol_page(request, user, signing_in, device, form)


def key_refused(request, why):
    messages.warning(request, why)
    return redirect("admin:two_factor_enrol")  # which shows a new key


def enrol_page(request, user, signing_in, device, form):
    return page(request, "admin/two_factor/enrol.html", {
        "title": "Set up an authenticator app", "form": form, "signing_in": user if signing_in else None,
        "qr_code": qr_data_uri(device.config_url), "secret": spaced(b32encode(device.bin_key).decode()),
        "base_template": "admin/login.html" if signing_in else "admin/base_site.html",
    })


def devices_view(request):
    user = request.user
    return page(request, "admin/two_factor/devices.html", {
        "title": "Two-factor sign-in", "devices": devices(user), "required": required(user),
        "turned_on": settings.REQUIRE_2FA, "this_device": getattr(user, "otp_device", None),
    })


def qr_data_uri(text: str) -> str:
    svg = BytesIO()
    qrcode.make(text, image_factory=SvgPathImage, border=2).save(svg)  # one path: a few kB, not a rect a module
    return "data:image/svg+xml;base64," + b64encode(svg.getvalue()).decode()


def spaced(secret: str) -> str:
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
