"""The reader's pages in a real browser: the phone masthead, one search box, the web fonts from this site
only, quiet mention links, and credits that stay beside a long review."""

import pytest

from reviews.models import Review
from tests.browser import ARTIFACTS, DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISIBLE_SEARCH_BOXES = "[...document.querySelectorAll('input[type=search]')].filter(e => e.offsetParent).length"
LOADED_FONTS = """async () => { await document.fonts.ready;
  return [...document.fonts].filter(f => f.status === "loaded").map(f => `${f.family} ${f.weight} ${f.style}`); }"""


def rgb(css: str) -> tuple[float, ...]:
    return tuple(float(part) for part in css[css.index("(") + 1:-1].replace(",", " ").replace("/", " ").split())


def contrast(a: str, b: str) -> float:
    def luminance(colour):
        r, g, b = (c / 255 for c in rgb(colour)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def style(locator, prop: str) -> str:
    return locator.evaluate(f"e => getComputedStyle(e).getPropertyValue('{prop}')")


def test_the_phone_masthead_is_compact_and_folds_menu_and_search(live_server, new_page, demo_magazine):
    page = new_page(PHONE)
    page.goto(live_server.url)
    masthead, main = page.locator(".masthead").bounding_box(), page.locator("main").bounding_box()
    assert masthead["height"] < 100 and main["y"] < 100, (masthead, main)
    sections = page.get_by_role("navigation", name="Sections")
    assert sections.is_hidden() and page.get_by_role("searchbox").count() == 0
    menu = page.locator(".masthead-menu > summary")
    assert menu.inner_text().strip().lower().startswith("menu")
    menu.focus()
    page.keyboard.press("Enter")  # a <details>: the keyboard opens it, no script needed
    assert sections.is_visible()
    assert page.get_by_role("search", name="Site search").get_by_role("searchbox").is_visible()
    screenshot(page, "reader-390-menu-open")
    sections.get_by_role("link", name="Shows").click()
    assert page.url.endswith("/shows/")

    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url)
    assert page.locator(".masthead-menu > summary").is_hidden()
    assert page.get_by_role("navigation", name="Sections").get_by_role("link", name="Reviews").is_visible()
    assert page.evaluate(VISIBLE_SEARCH_BOXES) == 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_search_page_has_one_search_box(live_server, new_page, demo_magazine, viewport):
    page = new_page(viewport)
    page.goto(f"{live_server.url}/search/?q=douro")
    if viewport is PHONE:
        page.locator(".masthead-menu > summary").click()
    assert page.locator("input[type=search]").count() == 1
    assert page.evaluate(VISIBLE_SEARCH_BOXES) == 1
    assert page.get_by_role("searchbox").input_value() == "douro"


def test_fonts_and_everything_else_come_from_this_site(live_server, new_page, demo_magazine):
    review = Review.objects.live().get(show__title="ÉTOILE", season=None)
    page = new_page(DESKTOP)
    requests, failures = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failures.append(response.url))
    for path in ["/", review.get_absolute_url(), "/search/?q=ballet", "/tags/ballet/"]:
        page.goto(f"{live_server.url}{path}")
        loaded = page.evaluate(LOADED_FONTS)
        assert {"Playfair Display 700 normal", "Source Serif 4 400 normal"} <= set(loaded), (path, loaded)
        assert style(page.locator("h1").first, "font-family").startswith('"Playfair Display"')
        assert style(page.locator("body"), "font-family").startswith('"Source Serif 4"')
    assert requests and all(url.startswith(live_server.url + "/") for url in requests), [
        url for url in requests if not url.startswith(live_server.url + "/")]
    assert any("/static/fonts/" in url and url.endswith(".woff2") for url in requests)
    assert not failures, failures  # no 404, the favicon included
    assert page.evaluate("fetch('/favicon.ico').then(r => r.status)") == 200


def test_names_in_a_review_read_as_text_until_hovered_or_focused(live_server, new_page, demo_magazine):
    review = Review.objects.live().get(show__title="ÉTOILE", season=None)
    page = new_page(DESKTOP)
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    paragraph = page.locator(".review-body > p", has=page.locator("a")).first
    link = paragraph.locator("a").first
    assert style(link, "color") == style(paragraph, "color")  # reads as the text around it
    assert rgb(style(link, "text-decoration-color"))[3] < 0.5  # a hairline, not a loud underline
    assert style(link, "text-decoration-line") == "underline"  # still marked, not by colour alone
    background = style(page.locator("body"), "background-color")
    link.hover()
    assert style(link, "color") != style(paragraph, "color") and contrast(style(link, "color"), background) >= 4.5
    page.mouse.move(0, 0)
    page.keyboard.press("Tab")  # keyboard use from here on: focus shows as it would for a reader tabbing
    link.focus()
    assert style(link, "outline-style") != "none"
    assert contrast(style(link, "color"), style(link, "background-color")) >= 4.5


def test_the_credits_stay_beside_a_long_review(live_server, new_page, demo_magazine):
    review = Review.objects.live().get(show__title="ÉTOILE", season=None)
    page = new_page(DESKTOP)
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    body = page.locator(".review-body").bounding_box()
    page.evaluate(f"window.scrollTo(0, {body['y'] + body['height'] / 2})")
    credits = page.locator(".credits-box")
    box = credits.bounding_box()  # where it is in the window, half-way down the text
    assert page.evaluate("window.scrollY") > 1000 and 0 <= box["y"] < DESKTOP["height"] / 2, box
    assert box["x"] > body["x"] + body["width"]  # beside the text, not under it
    assert credits.get_by_text("Directors").is_visible() and credits.get_by_text("Episodes").is_visible()
    page.screenshot(path=str(ARTIFACTS / "reader-1280-5-review-mid-scroll.png"))  # what a reader sees mid-way

    phone = new_page(PHONE)
    phone.goto(f"{live_server.url}{review.get_absolute_url()}")
    body, box = phone.locator(".review-body").bounding_box(), phone.locator(".credits-box").bounding_box()
    assert box["y"] > body["y"] + body["height"] - 1  # on a phone, under the body
