"""The magazine's uncached review page beside an unadorned Wagtail page, one review each, on SQLite, in one run.

    .venv/bin/python bench/wagtail.py [--seconds 8] [--connections 16]

Wagtail (WAGTAIL, from PyPI) goes into a virtualenv of its own under var/, and `wagtail start` makes its own
project there, as a new Wagtail site starts: its settings, its middleware, its home page. The one change is a
rich-text body on that home page, rendered under its title, holding the review's headline, standfirst and body.
The magazine serves the same review from an SQLite database of its own that holds it alone, uncached
(PAGE_CACHE_SECONDS=0). Both run under gunicorn with the settings of gunicorn.conf.py, DEBUG off, and are asked
for by wrk in turn (each a second unmeasured first), beside a static file from the magazine. Prints the ratio
and PASS or MISS against the target (the magazine's page at least as many requests a second), writes
bench/results/wagtail.json.
"""

import argparse
import json
import os
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from load import free_port, wrk  # noqa: E402  (which sets Django up)

WAGTAIL = "wagtail==8.0.1"
PLACE = ROOT / "var" / "wagtail-bench"
DATABASE = ROOT / "var" / "bench-one-review.sqlite3"
TARGET = 1.0
GUNICORN = ["--config", str(ROOT / "gunicorn.conf.py"), "--log-level", "warning"]

HOME_MODEL = '''
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    body = RichTextField(blank=True)
'''
HOME_TEMPLATE = '''{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}<article><h1>{{ page.title }}</h1>{{ page.body|richtext }}</article>{% endblock %}
'''
LOCAL_SETTINGS = '''SECRET_KEY = "bench"
ALLOWED_HOSTS = ["127.0.0.1"]
'''
WAGTAIL_ENV = {"DJANGO_SETTINGS_MODULE": "benchsite.settings.production"}  # DEBUG off, the settings above
FILL = '''
from django.utils.html import escape
from home.models import HomePage

page = HomePage.objects.get(depth=2)
page.title = {headline!r}
page.body = "<p><b>" + escape({standfirst!r}) + "</b></p>" + "".join(
    "<p>" + escape(p) + "</p>" for p in {paragraphs!r})
page.save_revision().publish()
'''


def run(*command, **kwargs) -> str:
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode:
        raise SystemExit(f"{' '.join(command[:4])} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def magazine_review() -> dict:
    """One review in a database of its own: its address and its text."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{DATABASE}"}
    python = str(ROOT / ".venv" / "bin" / "python")
    if not DATABASE.exists():
        run(python, "manage.py", "migrate", "--noinput", "--verbosity", "0", cwd=ROOT, env=env)
        run(python, "manage.py", "seed_bench", "--reviews", "1", cwd=ROOT, env=env)
    run(python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0", cwd=ROOT, env=env)
    out = run(python, "manage.py", "shell", "-c", textwrap.dedent('''
        import json
        from editorial import workflow
        from reviews.models import Review
        review = Review.objects.get()
        if not review.is_live:  # the seeded magazine leaves a share of its reviews in draft
            review = workflow.publish(review, by=None)
        print(json.dumps({"url": review.get_absolute_url(), "headline": review.headline,
                          "standfirst": review.standfirst, "paragraphs": review.body.split("\\n")}))
    '''), cwd=ROOT, env=env)
    return json.loads(out.strip().splitlines()[-1])


def wagtail_site(review: dict) -> Path:
    """A new Wagtail project with the review as its home page's body (made once, kept under var/)."""
    venv, project = PLACE / "venv", PLACE / "site"
    python = str(venv / "bin" / "python")
    if not (venv / "bin" / "wagtail").exists():
        print(f"installing {WAGTAIL} into {venv} ...", flush=True)
        run(sys.executable, "-m", "venv", str(venv))
        run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", WAGTAIL, "gunicorn")
    if not project.exists():
        project.mkdir(parents=True)
        run(str(venv / "bin" / "wagtail"), "start", "benchsite", str(project))
        (project / "home" / "models.py").write_text(HOME_MODEL)
        (project / "home" / "templates" / "home" / "home_page.html").write_text(HOME_TEMPLATE)
        (project / "benchsite" / "settings" / "local.py").write_text(LOCAL_SETTINGS)
        manage, env = [python, "manage.py"], {**os.environ, **WAGTAIL_ENV}
        run(*manage, "makemigrations", "home", "--name", "body", cwd=project, env=env)
        run(*manage, "migrate", "--noinput", cwd=project, env=env)
        run(*manage, "collectstatic", "--noinput", cwd=project, env=env)
        run(*manage, "shell", "-c", FILL.format(**review), cwd=project, env=env)
    return project


def serve(command: list[str], port: int, cwd: Path, env: dict, check: str) -> subprocess.Popen:
    server = subprocess.Popen([*command, "--bind", f"127.0.0.1:{port}", *GUNICORN], cwd=cwd, env=env)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{check}", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn in {cwd} did not start")


def measure(url: str, seconds: int, connections: int) -> dict:
    wrk(url, 1, connections)
    return wrk(url, seconds, connections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    review = magazine_review()
    project = wagtail_site(review)
    ours, theirs = free_port(), free_port()
    magazine_env = {**os.environ, "DATABASE_URL": f"sqlite:///{DATABASE}", "PAGE_CACHE_SECONDS": "0",
                    "DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    wagtail_env = {**os.environ, **WAGTAIL_ENV}
    servers = [serve([str(ROOT / ".venv" / "bin" / "gunicorn"), "magazine.wsgi"], ours, ROOT, magazine_env,
                     review["url"]),
               serve([str(PLACE / "venv" / "bin" / "gunicorn"), "benchsite.wsgi"], theirs, project, wagtail_env, "/")]
    try:
        static = "/static/" + staticfiles_storage.stored_name("css/site.css")
        rows = {"static file": measure(f"http://127.0.0.1:{ours}{static}", args.seconds, args.connections),
                "magazine review, uncached": measure(f"http://127.0.0.1:{ours}{review['url']}", args.seconds,
                                                     args.connections),
                "wagtail page": measure(f"http://127.0.0.1:{theirs}/", args.seconds, args.connections)}
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)
    report(rows, args)


def report(rows: dict, args) -> None:
    static = rows["static file"]["rps"]
    print(f"\nSQLite, one review, gunicorn as gunicorn.conf.py says, wrk {args.connections} connections "
          f"× {args.seconds} s")
    for name, row in rows.items():
        print(f"  {name:<28}{row['rps']:9.0f} rps {row['rps'] / static:7.3f} of static  p50 {row['p50_ms']:7.1f} ms"
              f"  p99 {row['p99_ms']:7.1f} ms")
    ratio = rows["magazine review, uncached"]["rps"] / rows["wagtail page"]["rps"]
    verdict = "PASS" if ratio >= TARGET else "MISS"
    print(f"\n  {verdict}  the review page serves {ratio:.2f}× the Wagtail page's requests a second "
          f"(target ≥ {TARGET:.1f}×)")
    out = ROOT / "bench" / "results" / "wagtail.json"
    out.write_text(json.dumps({"wagtail": WAGTAIL, "connections": args.connections, "seconds": args.seconds,
                               "pages": rows, "ratio": round(ratio, 3), "verdict": verdict}, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
