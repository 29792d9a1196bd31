"""Production settings, security headers and the admin login's throttle."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests import factories

ROOT = Path(__file__).resolve().parent.parent
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


@pytest.mark.django_db
def test_admin_login_pauses_after_five_failures(client):
    cache.clear()
    editor = factories.editor()
    for _ in range(5):
        response = client.post(reverse("admin:login"), {"username": editor.username, "password": "wrong"})
        assert "Please enter the correct username and password" in response.content.decode()
    response = client.post(reverse("admin:login"), {"username": editor.username, "password": "correct horse battery"})
    assert response.status_code == 200 and "Too many failed attempts" in response.content.decode()
    cache.clear()
    response = client.post(reverse("admin:login"), {"username": editor.username, "password": "correct horse battery"})
    assert response.status_code == 302
