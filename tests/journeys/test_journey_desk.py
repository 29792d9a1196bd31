"""The desk in real Chromium, on the demo magazine with a few days of work on it: every list editors use fits
a 1280 px screen with no column cut off, headlines take two lines at most, the queue answers from its own
page, and someone who leaves an item's form stops being listed as there. Screenshots of each page at 1280 px
and 390 px land in test-artifacts/screenshots/admin/."""

import time

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from editorial import presence
from reviews.models import Review
from tests import factories
from tests.browser import ARTIFACTS, DESKTOP, PASSWORD, PHONE, log_in, screenshot
from tests.desk_activity import SENT_BACK_NOTE, make_desk_activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The table each page lists its rows in, and the box that table must fit.
TABLE_IN_ITS_BOX = """() => {
  const table = document.querySelector("#result_list, table.desk-table, table.calendar");
  if (!table) return null;
  const box = table.closest(".results, .table-scroll") || table.parentElement;
  return {table: table.scrollWidth, box: box.clientWidth, page: document.documentElement.scrollWidth,
          window: window.innerWidth};
}"""
# Every clamped title: how many lines it takes, and whether its whole text is kept in its title.
CLAMPED = """() => [...document.querySelectorAll("#result_list .clamp, table.desk-table .clamp")].map(el => ({
  lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
  whole: el.title === el.textContent}))"""


def named(user, first, last):
    user.first_name, user.last_name = first, last
    user.save()
    return user


@pytest.fixture
def desk(demo_magazine):
    editor = named(User.objects.create_superuser("margot", "margot@example.com", PASSWORD), "Margot", "Ellery")
    writer = named(factories.writer(), "Sam", "Adeyemi")
    return {"editor": editor, "writer": writer, **make_desk_activity(editor, writer)}


def desk_pages(desk) -> dict[str, str]:
    restored = desk["restored"]
    scheduled = Review.objects.scheduled().first()
    month = f"{timezone.localtime(scheduled.published_at):%Y-%m}"
    return {
        "dashboard": reverse("admin:index"),
        "reviews": reverse("admin:reviews_review_changelist"),
        "shows": reverse("admin:shows_show_changelist"),
        "people": reverse("admin:people_person_changelist"),
        "tags": reverse("admin:taggit_tag_changelist"),
        "users": reverse("admin:auth_user_changelist"),
        "audit-log": reverse("admin:editorial_auditentry_changelist"),
        "queue": reverse("admin:queue"),
        "calendar": f"{reverse('admin:calendar')}?month={month}",
        "revisions": reverse("admin:reviews_review_revisions", args=[restored.pk]),
    }


def test_every_desk_list_fits_a_laptop_and_is_photographed(live_server, new_page, desk):
    (ARTIFACTS / "admin").mkdir(parents=True, exist_ok=True)
    pages = desk_pages(desk)
    for viewport, width in [(DESKTOP, 1280), (PHONE, 390)]:
        page = new_page(viewport, locale="en-GB")
        log_in(page, live_server.url, desk["editor"])
        for name, path in pages.items():
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{name}: {path} answered {response.status}"
            screenshot(page, f"admin/{name}-{width}")
            if width != 1280:
                continue
            fit = page.evaluate(TABLE_IN_ITS_BOX)
            if name != "dashboard":
                assert fit is not None, f"{name}: no table on {path}"
                assert fit["table"] <= fit["box"], f"{name}: the table is {fit['table']} px in a {fit['box']} px box"
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280, f"{name} scrolls sideways"
            for clamped in page.evaluate(CLAMPED):
                assert clamped["lines"] <= 2 and clamped["whole"], f"{name}: a title over two lines, or cut"
        page.context.close()
    assert (ARTIFACTS / "admin" / "reviews-1280.png").stat().st_size > 10_000


def test_the_queue_sends_back_and_publishes_from_its_own_page(live_server, new_page, desk):
    page = new_page(locale="en-GB")
    log_in(page, live_server.url, desk["editor"], reverse("admin:queue"))
    in_review = Review.objects.in_review().get()
    row = page.locator("table.queue tbody tr", has_text=in_review.headline)
    row.get_by_text("Send back…").click()
    row.get_by_label("What should the writer change?").fill(SENT_BACK_NOTE)
    row.get_by_role("button", name="Send back to the writer").click()
    assert "sent back to the writer with your note" in page.inner_text(".messagelist")
    in_review.refresh_from_db()
    assert in_review.status == "draft"

    changed = desk["in_review_change"]
    row = page.locator("table.queue tbody tr", has_text=changed.headline)
    assert "Fixed the cast list" in row.inner_text()
    row.get_by_role("button", name="Publish changes").click()
    assert "were published" in page.inner_text(".messagelist")
    changed.refresh_from_db()
    assert not changed.pending_changes and "cast list corrected" in changed.standfirst
    assert page.locator("table.queue").count() == 0  # nothing left waiting
    screenshot(page, "admin/queue-emptied-1280")


def test_someone_who_leaves_the_form_is_no_longer_listed(live_server, new_page, desk):
    review = Review.objects.drafts().first()
    url = f"{live_server.url}{reverse('admin:reviews_review_change', args=[review.pk])}"
    margot, sam = new_page(), new_page()
    log_in(margot, live_server.url, desk["editor"])
    log_in(sam, live_server.url, desk["writer"])
    margot.goto(url)
    sam.goto(url)
    assert "Also open by Margot Ellery" in sam.inner_text(".presence")
    margot.close(run_before_unload=True)  # the tab is closed: its beacon says goodbye
    assert gone(review, desk["editor"])
    sam.reload()
    assert "Also open by" not in sam.inner_text(".editorial-panel")
    sam.close(run_before_unload=True)
    assert gone(review, desk["writer"])  # and no goodbye is still on its way when the test ends


def gone(item, user) -> bool:
    """Wait (up to 5 s) for the server to have taken ``user`` off the item's presence."""
    for _ in range(50):
        if user.pk not in presence.here(item):
            return True
        time.sleep(0.1)  # the browser sends the beacon on its own; the live server answers it in its thread
    return False
