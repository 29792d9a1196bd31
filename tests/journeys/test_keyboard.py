"""A reader with a keyboard only: the skip link comes first and works, every stop shows where focus is, and
on a phone the menu and the search are there to Tab to and use."""

import pytest

from tests import factories
from tests.browser import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = r"""() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const style = getComputedStyle(e), box = e.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    tag: e.tagName, id: e.id, classes: e.className, href: e.getAttribute("href"), inMain: !!e.closest("main"),
    name: (e.getAttribute("aria-label") || (e.labels && e.labels.length && e.labels[0].textContent)
           || e.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60),
    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), outlineColor: style.outlineColor,
    left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height,
    onTop: !!hit && (hit === e || e.contains(hit)),
  };
}"""


@pytest.fixture
def review():
    show = factories.LiveShowFactory(title="ÉTOILE", kind="series")
    kirby = factories.LivePersonFactory(name="Luke Kirby")
    factories.CreditFactory(show=show, person=kirby, character="Jack McMillan")
    review = factories.LiveReviewFactory(show=show, headline="Two cities, one stage", critic=kirby)
    review.tags.set(["ballet", "comedy-drama"])
    for number in range(3):
        factories.LiveReviewFactory(headline=f"Another night at the ballet, part {number + 1}")
    return review


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def describe(stop: dict) -> str:
    return f"{stop['tag']} “{stop['name']}”"


def tab_to(page, name: str, limit: int = 40) -> dict:
    """Press Tab until the control called ``name`` has focus."""
    passed = []
    for _ in range(limit):
        stop = tab(page)
        if stop and stop["name"] == name:
            return stop
        passed.append(describe(stop) if stop else "(nothing)")
    pytest.fail(f"“{name}” is not reached by Tab on {page.url}; passed {passed}")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(live_server, new_page, review):
    page = new_page()
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    first = tab(page)
    assert "skip-link" in first["classes"] and first["href"] == "#main", describe(first)
    assert first["top"] >= 0 and first["onTop"], "the skip link is focused but not shown"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"
    after = tab(page)
    assert after["inMain"], f"after the skip link, Tab goes to {describe(after)}, outside <main>"


@pytest.mark.parametrize("where", ["home", "review"])
def test_every_tab_stop_shows_a_visible_focus_style(live_server, new_page, review, where):
    page = new_page()
    page.goto(live_server.url + ("/" if where == "home" else review.get_absolute_url()))
    stops, unseen = [], []
    while (stop := tab(page)) and len(stops) < 150:
        if stops and stop["classes"] == "skip-link":
            break  # round again
        stops.append(stop)
        if stop["outline"] == "none" or stop["outlineWidth"] < 2 or stop["outlineColor"] == "rgba(0, 0, 0, 0)":
            unseen.append(f"{describe(stop)}: outline {stop['outline']} {stop['outlineWidth']}px "
                          f"{stop['outlineColor']}")
    assert len(stops) >= 10, [describe(stop) for stop in stops]
    assert any(stop["tag"] == "A" and stop["inMain"] for stop in stops)
    assert not unseen, "no visible focus on:\n" + "\n".join(unseen)


def test_on_a_phone_the_menu_and_search_work_by_keyboard(live_server, new_page, review):
    page = new_page(PHONE)
    page.goto(live_server.url)
    tab_to(page, "Menu and search", limit=4)  # the masthead keeps its sections behind one control on a phone
    page.keyboard.press("Enter")
    for name in ("Reviews", "Shows", "People", "Search reviews, shows and people"):
        stop = tab_to(page, name, limit=8)  # the masthead comes first
        assert stop["width"] > 0 and stop["height"] > 0 and stop["onTop"], f"{name} is focused but hidden"
        assert stop["left"] >= 0 and stop["right"] <= PHONE["width"], f"{name} is off the side of the screen"
        assert stop["bottom"] <= PHONE["height"], f"{name} is below the first screen"

    page.keyboard.type("kirby")  # focus is in the search box
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=kirby")
    tab_to(page, "Luke Kirby")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{review.critic.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == "Luke Kirby"

    page.goto(live_server.url)
    tab_to(page, "Menu and search", limit=4)
    page.keyboard.press("Enter")
    tab_to(page, "Shows", limit=8)
    page.keyboard.press("Enter")
    page.wait_for_url("**/shows/")
    assert page.get_by_role("link", name="ÉTOILE").count() == 1
