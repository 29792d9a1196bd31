"""A review's whole life, in real Chromium: a writer imports and submits it, an editor previews, schedules,
publishes and unpublishes it, and a reader finds it on every public surface, then nowhere.

Readers' pages come through the server's page cache, as in production: every move must reach them at
once. Each look is a new reader (a fresh browser context), so that every look starts from the server.
"""

import re
from datetime import timedelta

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation

from editorial.models import AuditEntry, State
from people.models import Person
from reviews.models import Review
from tests import factories
from tests.browser import log_in, screenshot
from tests.paths import SAMPLES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = SAMPLES / "harbour-lights.txt"
HEADLINE = "Harbour Lights drifts down the Douro and takes its time"
STANDFIRST = "A retired ferry pilot, his granddaughter and a river with moods of its own."
NOTE = "Ready for the Friday slot; the cast names are checked."


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300  # as in production (the suite turns it off elsewhere)


def house_style_text() -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    return re.sub(r"^headline: .*$", f"headline: {HEADLINE}", text, count=1, flags=re.M)


def run_action(page, list_url: str, rows: list[str], action: str) -> str:
    """Tick the rows of an admin change list, run one of its actions; the message it answers with."""
    page.goto(list_url)
    for row in rows:
        page.locator("#result_list tbody tr", has_text=row).locator("input.action-select").check()
    page.select_option("select[name=action]", label=action)
    page.click("button[name=index]")
    return page.inner_text(".messagelist")


def form_date(day) -> str:
    """A date as the admin's date box expects it (the magazine's language: en-GB, 31/12/2025)."""
    with translation.override(settings.LANGUAGE_CODE):
        return formats.localize_input(day)


def public_surfaces(base: str, review: Review) -> dict[str, str]:
    return {
        "home": f"{base}/",
        "show": f"{base}{review.show.get_absolute_url()}",
        "critic": f"{base}{review.critic.get_absolute_url()}",
        "cast member": f"{base}{Person.objects.get(name='Joaquim de Sá').get_absolute_url()}",
        "tag": f"{base}{reverse('tag', args=[review.tags.get(name='slow cinema').slug])}",
        "search": f"{base}/search/?q=douro+ferry",
    }


def feed_titles(page, base: str) -> list[str]:
    response = page.request.get(f"{base}/feeds/reviews/")
    assert response.ok
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.get("bozo_exception")
    return [entry.title for entry in feed.entries]


def test_a_review_from_import_to_unpublish(live_server, new_page, page_cache_on):
    base = live_server.url
    writer, editor = factories.writer(), factories.editor()

    # The writer pastes the critic's file into the import page, sharpens the standfirst, submits it.
    desk = new_page()
    log_in(desk, base, writer, "/admin/reviews/review/")
    desk.get_by_role("link", name="Import from house style").click()
    desk.fill("#id_text", house_style_text())
    desk.get_by_role("button", name="Import as draft").click()
    assert f"Imported “{HEADLINE}”" in desk.inner_text(".messagelist")
    review = Review.objects.get()
    assert desk.url == f"{base}/admin/reviews/review/{review.pk}/change/"
    desk.fill("#id_standfirst", STANDFIRST)
    assert desk.locator("input[name=_publish]").count() == 0  # a writer is offered no publish button
    desk.fill("#id_note", NOTE)
    desk.click("input[name=_submit]")
    assert "was submitted for review" in desk.inner_text(".messagelist")
    review.refresh_from_db()
    assert (review.state, review.standfirst) == (State.IN_REVIEW, STANDFIRST)
    assert AuditEntry.of(review).get(action=AuditEntry.Action.SUBMIT).note == NOTE

    # The editor finds it in the queue with the writer's note, and previews it.
    desk = new_page()
    log_in(desk, base, editor, "/admin/queue/")
    row = desk.locator(".desk-table tbody tr", has_text=HEADLINE)
    assert NOTE in row.inner_text()
    row.get_by_role("link", name=HEADLINE).click()
    with desk.context.expect_page() as opened:
        desk.get_by_role("link", name="Preview").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert "this is how readers will see it" in preview.inner_text(".preview-banner")
    assert preview.get_by_role("heading", level=1).inner_text() == HEADLINE
    assert STANDFIRST in preview.inner_text(".standfirst")
    screenshot(preview, "journey-editor-preview")
    preview.close()

    # A review goes live with its show, never before it: one confirmation publishes the show and people with it.
    change_url = f"{base}/admin/reviews/review/{review.pk}/change/"
    desk.goto(change_url)
    desk.fill("#id_published_at_0", form_date(timezone.localdate() + timedelta(days=1)))
    desk.fill("#id_published_at_1", "09:00:00")
    desk.click("input[name=_publish]")
    desk.wait_for_selector(".errornote")
    assert "Publish the show “Harbour Lights” first" in desk.inner_text(".errorlist.nonfield")
    assert "Harbour Lights" in desk.inner_text(".field-with_dependencies")
    desk.check("#id_with_dependencies")
    desk.click("input[name=_publish]")
    screenshot(desk, "journey-editor-scheduled-with-its-show")
    assert "was scheduled for" in desk.inner_text("#content-start, .messagelist, #content-main")
    review.refresh_from_db()
    assert review.state == State.SCHEDULED and review.show.state == State.SCHEDULED
    assert {p.name: p.state for p in Person.objects.filter(name__in=["Ines Farrow-Baptiste", "Joaquim de Sá"])} \
        == {"Ines Farrow-Baptiste": State.SCHEDULED, "Joaquim de Sá": State.SCHEDULED}

    # Scheduled for tomorrow morning: not on the home page, not at its address.
    desk.goto(f"{base}/")
    assert HEADLINE not in desk.inner_text("main")
    reader = new_page()
    reader.goto(f"{base}/")  # now in the page cache: publishing must move readers past it
    assert HEADLINE not in reader.inner_text("main")
    assert reader.goto(f"{base}{review.get_absolute_url()}").status == 404

    # Published now: the "Today" and "Now" shortcuts beside the publication time.
    desk.goto(change_url)
    desk.locator(".field-published_at").get_by_role("link", name="Today").click()
    desk.locator(".field-published_at").get_by_role("link", name="Now").click()
    desk.check("#id_with_dependencies")  # the show and people were scheduled for tomorrow: brought forward
    desk.click("input[name=_publish]")
    screenshot(desk, "journey-editor-published-with-its-show")
    assert "was published" in desk.inner_text(".messagelist")
    review.refresh_from_db()
    assert review.state == State.LIVE and review.show.state == State.LIVE

    # A reader finds it everywhere: home, its page, its show, its critic, a cast member, its tag,
    # site search and the feed.
    reader = new_page()
    reader.goto(f"{base}/")
    reader.get_by_role("link", name=HEADLINE).first.click()
    assert reader.get_by_role("heading", level=1).inner_text() == HEADLINE
    assert STANDFIRST in reader.inner_text(".standfirst")
    screenshot(reader, "journey-reader-review")
    reader.locator(".review-header").get_by_role("link", name="Harbour Lights").click()
    assert reader.url == f"{base}{review.show.get_absolute_url()}"
    reader.go_back()
    reader.locator(".review-meta").get_by_role("link", name="Ines Farrow-Baptiste").click()
    assert reader.get_by_role("heading", level=1).inner_text() == "Ines Farrow-Baptiste"
    reader.go_back()
    reader.locator(".tags").get_by_role("link", name="slow cinema").click()
    assert reader.get_by_role("heading", level=1).inner_text() == "Slow cinema"  # tag pages set it with a capital
    surfaces = public_surfaces(base, review)
    for name, url in surfaces.items():
        reader.goto(url)
        assert reader.get_by_role("link", name=HEADLINE).count() >= 1, f"not on the {name} page: {url}"
    assert HEADLINE in feed_titles(reader, base)

    # The editor unpublishes it: gone from every surface, its page a 404.
    assert "1 review unpublished" in run_action(desk, f"{base}/admin/reviews/review/", [HEADLINE],
                                                "Unpublish selected (back to draft)")
    review.refresh_from_db()
    assert review.state == State.DRAFT
    reader = new_page()
    assert reader.goto(f"{base}{review.get_absolute_url()}").status == 404
    for name, url in surfaces.items():
        response = reader.goto(url)
        assert HEADLINE not in reader.content(), f"still on the {name} page ({response.status}): {url}"
    assert HEADLINE not in feed_titles(reader, base)
