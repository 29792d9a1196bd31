"""A reader clicks home → review → person; an editor logs into the admin."""

import pytest

from tests import factories
from tests.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def etoile():
    show = factories.LiveShowFactory(title="ÉTOILE", kind="series", episodes=8)
    kirby = factories.LivePersonFactory(name="Luke Kirby")
    factories.CreditFactory(show=show, person=kirby, character="Jack McMillan")
    body = "A paragraph’s worth — enough."
    return factories.LiveReviewFactory(show=show, headline="Two cities, one stage", body=body)


def test_reader_clicks_from_home_to_review_to_person(live_server, page, etoile):
    page.goto(live_server.url)
    page.get_by_role("link", name="Two cities, one stage").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Two cities, one stage"
    assert "A paragraph’s worth — enough." in page.content()
    screenshot(page, "smoke-review")
    page.get_by_role("link", name="Luke Kirby").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Luke Kirby"
    assert "ÉTOILE" in page.inner_text("main")


def test_editor_logs_into_the_admin(live_server, page, etoile):
    editor = factories.editor()
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.click("a[href='/admin/reviews/review/']")
    assert "Two cities, one stage" in page.inner_text("#result_list")
    assert "live" in page.inner_text("#result_list").lower()


def test_tag_box_suggests_the_last_term(live_server, page, etoile):
    etoile.tags.set(["ballet", "comedy-drama"])
    editor = factories.editor()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/reviews/review/add/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.fill("#id_tags", "drama, bal")
    options = page.eval_on_selector_all("#id_tags-suggestions option", "options => options.map(o => o.value)")
    assert options == ["drama, ballet"]
