"""A show's trailer in a real browser: the page asks no other host for anything until the reader presses play,
the keyboard reaches and presses the play button, and then the player's frame, and only it, comes in.

Every request for another host is answered here with an empty page, so the test needs no network."""

import pytest

from shows.trailers import Trailer
from tests import factories
from tests.browser import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRAILER = Trailer("youtube", "dQw4w9WgXcQ")
PLAYER = "<!DOCTYPE html><html lang='en'><title>Player</title><p>The player.</p></html>"
MAX_TABS = 80  # from the top of the page to the play button, past the masthead and the show's facts


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_trailer_is_a_still_until_the_keyboard_presses_play(live_server, new_page, viewport):
    show = factories.LiveShowFactory(title="ÉTOILE", kind="series", year=2025, trailer=TRAILER.stored)
    page = new_page(viewport)
    elsewhere, refused = [], []

    def answer(route):
        if route.request.url.startswith(f"{live_server.url}/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=PLAYER)

    page.route("**/*", answer)
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    page.goto(f"{live_server.url}{show.get_absolute_url()}")
    page.wait_for_load_state("networkidle")
    play = page.locator("button.trailer-play")
    assert play.count() == 1, "the show page has no trailer button: is the include on templates/shows/detail.html?"
    assert elsewhere == [] and page.locator("iframe").count() == 0
    assert play.get_attribute("data-embed") == TRAILER.embed_url
    frame_box, button_box = page.locator(".trailer-frame").bounding_box(), play.bounding_box()
    assert frame_box["width"] <= viewport["width"] and abs(frame_box["width"] / frame_box["height"] - 16 / 9) < 0.02
    assert all(abs(button_box[side] - frame_box[side]) < 1 for side in frame_box)  # the whole still is the button
    screenshot(page, f"trailer-still-{viewport['width']}")

    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if play.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail(f"{MAX_TABS} presses of Tab never reached the play button")
    assert play.evaluate("button => getComputedStyle(button).outlineStyle") != "none"  # the focus can be seen
    with page.expect_request(lambda request: request.url == TRAILER.embed_url):
        page.keyboard.press("Enter")

    player = page.locator("iframe.trailer-player")
    player.wait_for()
    assert player.get_attribute("src") == TRAILER.embed_url
    assert "ÉTOILE" in player.get_attribute("title")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert page.locator("button.trailer-play").count() == 0
    page.wait_for_load_state("networkidle")
    assert elsewhere == [TRAILER.embed_url], elsewhere  # the player's own page, nothing else
    assert refused == []
    assert page.frame(url=TRAILER.embed_url) is not None  # the policy let it in
    screenshot(page, f"trailer-playing-{viewport['width']}")
