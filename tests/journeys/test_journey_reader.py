"""A reader on a desktop and on a phone: home → navigation → the archive's pages → search → a review → a person
→ a tag.

Every page is saved as a full-page screenshot (test-artifacts/screenshots/reader-<width>-<step>.png), and
none may scroll sideways.
"""

import pytest

from tests.browser import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_menu(page, viewport) -> None:
    """On a phone the sections and the search sit behind the masthead's one Menu control."""
    if viewport is PHONE:
        page.locator(".masthead-menu > summary").click()


def look(page, viewport, step: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{page.url} scrolls sideways at {viewport['width']} px ({width} px wide)"
    screenshot(page, f"reader-{viewport['width']}-{step}")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_reader_goes_from_home_to_a_person(live_server, new_page, demo_magazine, viewport):
    page = new_page(viewport)
    page.goto(live_server.url)
    assert page.locator(".featured").count() == 1 and page.locator(".card").count() >= 12
    look(page, viewport, "1-home")

    open_menu(page, viewport)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Reviews").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Reviews"
    assert "Page 1 of 2" in page.inner_text(".pager")
    look(page, viewport, "2-archive")

    first_page_headlines = page.locator(".card-headline").all_inner_texts()
    page.get_by_role("link", name="Older →").click()
    assert page.url.endswith("/reviews/?page=2")
    assert "Page 2 of 2" in page.inner_text(".pager")
    assert not set(page.locator(".card-headline").all_inner_texts()) & set(first_page_headlines)
    look(page, viewport, "3-archive-page-2")
    page.get_by_role("link", name="← Newer").click()
    assert page.locator(".card-headline").all_inner_texts() == first_page_headlines

    open_menu(page, viewport)
    search = page.get_by_role("search", name="Site search")
    search.get_by_role("searchbox").fill("douro")
    search.get_by_role("searchbox").press("Enter")
    assert page.url.endswith("/search/?q=douro")
    result = page.locator(".search-result-review .search-title a").first
    headline = result.inner_text()
    look(page, viewport, "4-search")

    result.click()
    assert page.get_by_role("heading", level=1).inner_text() == headline
    critic = page.locator(".review-meta .byline a").inner_text()
    look(page, viewport, "5-review")

    page.locator(".review-meta .byline a").click()
    assert page.get_by_role("heading", level=1).inner_text() == critic
    assert page.get_by_role("link", name=headline).count() >= 1
    look(page, viewport, "6-person")

    page.go_back()
    tag = page.locator(".review-body .tags a").first
    tag_name = tag.inner_text()
    tag.click()
    assert page.get_by_role("heading", level=1).inner_text().lower() == tag_name.lower()  # set with a capital
    assert page.locator(".card").count() >= 1
    look(page, viewport, "7-tag")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_reader_browses_the_film_pages(live_server, new_page, demo_magazine, viewport):
    """The archive narrowed by filters, the people index, a person's filmography, a show, a critic."""
    page = new_page(viewport)
    page.goto(f"{live_server.url}/reviews/")
    page.get_by_label("Kind of review").select_option("series")
    page.get_by_label("Rating").select_option("3")
    page.get_by_role("button", name="Show reviews").click()
    assert page.url.endswith("/reviews/?rating=3&kind=series")  # the short address, to share
    count = int(page.inner_text(".archive-count strong").split()[0])
    assert count == page.locator(".card").count() >= 2
    assert page.get_by_role("link", name="Remove the filter: Series").count() == 1
    look(page, viewport, "films-1-archive-filtered")

    open_menu(page, viewport)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="People").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("People")
    page.get_by_role("navigation", name="People by letter").get_by_role("link", name="L", exact=True).click()
    assert page.url.endswith("/people/?from=l")
    look(page, viewport, "films-2-people")

    page.get_by_role("link", name="Lou de Laâge").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Lou de Laâge"
    assert "as Cheyenne Toussant" in page.inner_text(".filmography")
    look(page, viewport, "films-3-person")

    page.locator(".filmography").get_by_role("link", name="ÉTOILE").click()
    assert page.get_by_role("heading", level=1).inner_text() == "ÉTOILE"
    assert page.locator(".show-poster").bounding_box()["y"] <= page.locator("h1").bounding_box()["y"]
    credits = page.locator(".show-credits").inner_text()
    assert credits.count("Amy Sherman-Palladino") == 1 and "CREATORS, WRITERS AND DIRECTORS" in credits.upper()
    look(page, viewport, "films-4-show")

    page.locator(".card-list .card-headline a").first.click()
    page.locator(".review-meta .byline a").click()
    assert page.locator("section .section-heading").first.inner_text().upper().startswith("REVIEWS BY")
    assert page.locator(".follow").get_by_role("link", name="RSS").count() == 1
    look(page, viewport, "films-5-critic")
