"""Real Chromium (Debian's package) driven by Playwright. A missing browser is a failure, never a skip."""

import contextlib
import importlib
import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery"  # every StaffFactory user's

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; `make test` installs Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# The data migrations that make the Writers and Editors groups and grant them their permissions.
GROUP_MIGRATIONS = [
    ("magazine.migrations.0002_editorial_groups", "make_groups"),
    ("magazine.migrations.0005_editors_read_the_audit_log", "grant"),
    ("reviews.migrations.0007_mention_permissions", "grant"),
    ("magazine.migrations.0009_editors_lift_signin_pauses", "grant"),
    ("magazine.migrations.0011_editors_read_what_was_set_aside", "grant"),
    ("shows.migrations.0011_season_and_episode_permissions", "grant"),
    ("pages.migrations.0002_editorial_permissions", "grant"),
]


def make_editorial_groups() -> None:
    for module, function in GROUP_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def editorial_groups(transactional_db):
    """The data migrations' groups, made again: a transactional test's flush removes them, and under
    Playwright's greenlets Django may not find the serialized copy it would restore them from."""
    make_editorial_groups()


ANSWER_IN_FLIGHT = 0.5  # seconds


def close_quietly(context) -> None:
    """Close a context without a last word to the server: a closing page sends presence's goodbye (a beacon)
    and may be due an autosave, and the test server must not take them while the test's database is flushed.
    New requests are refused in the browser; one already on its way gets a moment to be answered."""
    with contextlib.suppress(PlaywrightError):  # the test may have closed it already
        context.route("**/*", lambda route: route.abort())
        context.close()
    time.sleep(ANSWER_IN_FLIGHT)


@pytest.fixture
def page(browser, editorial_groups):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    close_quietly(context)


@pytest.fixture
def new_page(browser, editorial_groups):
    """Makes pages, each in a browser context of its own (own cookies: a writer, an editor, a reader),
    in the magazine's time zone; all closed at the end of the test. The cache starts empty, so no
    earlier test's login failures or pages are in the way."""
    cache.clear()
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, timezone_id=settings.TIME_ZONE, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        close_quietly(context)
    cache.clear()


def log_in(page, base_url: str, user, next_url: str = "/admin/") -> None:
    page.goto(f"{base_url}/admin/login/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}{next_url}")


LOAD_EVERY_PICTURE = """async () => {
  for (const img of document.images) img.loading = "eager";
  await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
}"""


def screenshot(page, name: str) -> Path:
    """The whole page as a reader scrolling down it would see it: lazy pictures below the fold loaded too."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.evaluate(LOAD_EVERY_PICTURE)
    page.screenshot(path=str(path), full_page=True)
    return path


# --- the demo magazine, to browse ------------------------------------------------------------------

PICTURE_COLUMNS = ("image", "image_width", "image_height", "image_alt", "image_caption", "image_credit",
                   "image_focus_x", "image_focus_y", "image_renditions")


@pytest.fixture(scope="session")
def demo_pictures(tmp_path_factory):
    """Where the demo's pictures are drawn, once a session (it takes seconds): folder, and slug -> columns."""
    return tmp_path_factory.mktemp("demo-media"), {}


@pytest.fixture
def demo_magazine(editorial_groups, settings, demo_pictures):
    """`manage.py load_demo`: shows, people, credits and reviews in every state, with their pictures."""
    from people.models import Person
    from reviews.models import Review
    from shows.models import Show

    folder, drawn = demo_pictures
    settings.MEDIA_ROOT = folder
    if not drawn:
        call_command("load_demo", stdout=StringIO())
        for model in (Review, Show, Person):
            for item in model.objects.exclude(image=""):
                drawn[model, item.slug] = {column: getattr(item, column) for column in PICTURE_COLUMNS}
                drawn[model, item.slug]["image"] = item.image.name
    else:
        call_command("load_demo", "--no-pictures", stdout=StringIO())
        for (model, slug), columns in drawn.items():
            model.objects.filter(slug=slug).update(**columns)
