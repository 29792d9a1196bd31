"""axe-core on the magazine's own pages of the demo, at desktop and phone widths, and on their admin forms: no
violation of impact "serious" or "critical"; the footer reaches them from any page."""

import pytest

from pages.models import Page
from tests import axe, factories
from tests.browser import DESKTOP, PHONE, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGES = ["/about/", "/masthead/", "/contact/", "/privacy/"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_pages_have_no_serious_violations(live_server, new_page, demo_magazine, viewport):
    page = new_page(viewport, bypass_csp=True)
    found = []
    for path in PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        found += axe.violations(page)
        screenshot(page, f"pages{path.rstrip('/').replace('/', '-')}-{viewport['width']}")
    assert not found, axe.report(found)
    assert page.locator(".critic-entry").count() == 0  # the privacy page lists no one
    page.goto(f"{live_server.url}/masthead/")
    assert page.locator(".critic-entry").count() == 5
    assert page.locator(".critic-entry img").count() == 5  # every demo critic has a headshot


def test_a_reader_finds_them_in_the_footer(live_server, new_page, demo_magazine):
    page = new_page(PHONE)
    page.goto(f"{live_server.url}/reviews/")
    footer = page.get_by_role("navigation", name="About the magazine")
    assert [link.text_content() for link in footer.get_by_role("link").all()] == [
        "About", "Masthead", "Contact", "Privacy"]
    footer.get_by_role("link", name="Masthead").click()
    page.wait_for_url(f"{live_server.url}/masthead/")
    assert page.get_by_role("heading", name="Critics").is_visible()


def test_the_page_form_has_no_serious_violations(live_server, new_page, demo_magazine):
    masthead = Page.objects.get(slug="masthead")
    page = new_page(bypass_csp=True)
    log_in(page, live_server.url, factories.editor())
    found = []
    for path, shown in [(f"/admin/pages/page/{masthead.pk}/change/", "List the critics"),
                        ("/admin/pages/page/add/", "Place in the footer"), ("/admin/pages/page/", "Masthead")]:
        page.goto(f"{live_server.url}{path}")
        assert shown.lower() in page.text_content("#content").lower(), path
        found += axe.violations(page)
    assert not found, axe.report(found)
