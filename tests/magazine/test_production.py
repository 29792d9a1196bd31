"""Production settings, security headers and the admin login's throttle."""

import json
import os
import re
import shlex
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.core.management import get_commands
from django.test import Client
from django.urls import reverse

from pictures import fonts
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


def production_steps() -> list[str]:
    """The README's "Running in production" commands, one a line (a line ending in a backslash joined to the next)."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Running in production\n", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def test_the_production_steps_begin_by_installing_what_a_fresh_clone_lacks():
    steps = production_steps()
    assert shlex.split(steps[0], comments=True) == ["make", "production-install"]
    dry_run = subprocess.run(["make", "-n", "production-install"], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    assert "python3 -m venv .venv" in dry_run.stdout and "-r requirements.txt" in dry_run.stdout
    assert "npm ci --omit=dev" in dry_run.stdout  # the fonts, which check --deploy and collectstatic need
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert {f"@fontsource/{family}" for family in fonts.FACES} <= set(package["dependencies"])
    assert fonts.PACKAGES == ROOT / "node_modules" / "@fontsource"


def exported(exports: list[str]) -> dict[str, str]:
    """The environment the README's export lines make, as bash makes it."""
    shown = subprocess.run(["bash", "-c", "\n".join([*exports, "env -0"])], env={"PATH": os.environ["PATH"]},
                           capture_output=True, text=True, check=True).stdout
    return dict(line.split("=", 1) for line in shown.split("\0") if "=" in line)


def test_each_production_step_has_what_the_steps_before_it_set_up():
    """The README's steps in order, as far as a test can take them without installing or serving: each program
    was installed by a step before it, each variable is one the site reads, each management command exists, and
    check --deploy passes in the environment the exports before it made."""
    steps = production_steps()
    assert subprocess.run(["bash", "-n"], input="\n".join(steps), text=True).returncode == 0
    settings_text = (ROOT / "magazine" / "settings.py").read_text(encoding="utf-8")
    read_by_boto3 = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}  # S3 credentials, read by boto3 itself
    installed, exports, ran = set(), [], set()
    for step in steps:
        words = shlex.split(step, comments=True)
        if words[0] == "make":
            assert words[1:] == ["production-install"], step
            installed |= {".venv/bin/python", ".venv/bin/gunicorn"}  # gunicorn is in requirements.txt
        elif words[0] == "export":
            exports.append(step)
            for name in (word.partition("=")[0] for word in words[1:]):
                assert f'"{name}"' in settings_text or name in read_by_boto3, f"nothing reads {name}"
        else:
            assert words[0] in installed, f"{words[0]} is used before any step installs it"
            if words[0] == ".venv/bin/python":
                assert words[1] == "manage.py" and words[2] in get_commands(), step
                ran.add(words[2])
            else:
                assert words[:2] == [".venv/bin/gunicorn", "magazine.wsgi"], step
        if words[:3] == [".venv/bin/python", "manage.py", "check"]:
            result = subprocess.run([sys.executable, str(ROOT / "manage.py"), *words[2:]], cwd=ROOT,
                                    env={**exported(exports), "DJANGO_SETTINGS_MODULE": "magazine.settings"},
                                    capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^gunicorn==", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    assert {"check", "migrate", "collectstatic"} <= ran


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
