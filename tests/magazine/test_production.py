"""Production settings, security headers and the admin login's throttle."""

import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.paths import ROOT

PRODUCTION = {
    "DJANGO_SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3, "DJANGO_DEBUG": "0", "DJANGO_SECURE": "1",
    "DJANGO_ALLOWED_HOSTS": "magazine.example", "DJANGO_CSRF_TRUSTED_ORIGINS": "https://magazine.example",
    "DATABASE_URL": "postgres://magazine:secret@127.0.0.1:5432/magazine", "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_the_documented_production_environment_passes_check_deploy():
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "magazine.settings", **PRODUCTION}
    result = subprocess.run([sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_laptop_defaults_are_flagged_by_check_deploy():
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "magazine.settings"}
    result = subprocess.run([sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0 and "security.W009" in result.stderr + result.stdout


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/reviews/", "/admin/login/", "/feeds/reviews/", "/no-such-page/"])
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    if not url.startswith("/admin/"):
        assert "'unsafe-inline'" not in policy


def sign_in(client, username: str, password: str, **meta):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, **meta)


@pytest.mark.django_db
def test_five_failures_pause_that_account_from_that_address_and_nobody_else(client):
    editor, other = factories.editor(), factories.editor()
    here, elsewhere = {"REMOTE_ADDR": "203.0.113.7"}, {"REMOTE_ADDR": "198.51.100.9"}
    for _ in range(4):
        response = sign_in(client, editor.username, "wrong", **here)
        assert "Please enter the correct username and password" in response.content.decode()
    assert sign_in(client, editor.username, "wrong", **here).status_code == 429  # the fifth failure pauses
    response = sign_in(client, editor.username, "correct horse battery", **here)
    assert response.status_code == 429 and "Too many failed attempts" in response.content.decode()
    assert sign_in(Client(), editor.username, "correct horse battery", **elsewhere).status_code == 302
    assert sign_in(Client(), other.username, "correct horse battery", **here).status_code == 302
    lifter = Client()
    lifter.force_login(other)
    attempts = lifter.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert editor.username in attempts  # an editor sees the pause
    attempt = AccessAttempt.objects.get(username=editor.username)
    lifted = lifter.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert lifted.status_code == 302  # and lifts it
    assert sign_in(client, editor.username, "correct horse battery", **here).status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_address_is_the_client(client, settings):
    settings.PROXY_COUNT = 1
    editor = factories.editor()
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        sign_in(client, editor.username, "wrong", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", **proxy)
    locked = sign_in(client, editor.username, "correct horse battery", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert locked.status_code == 429
    colleague = sign_in(Client(), editor.username, "correct horse battery", HTTP_X_FORWARDED_FOR="198.51.100.9",
                        **proxy)
    assert colleague.status_code == 302  # same balancer address, another client: not locked out
