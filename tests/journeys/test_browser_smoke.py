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


def test_tag_box_suggests_existing_tags(live_server, page, etoile):
    etoile.tags.set(["ballet", "comedy-drama"])
    editor = factories.editor()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/reviews/review/add/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.fill("#id_tags-entry", "bal")
    options = page.eval_on_selector_all("#id_tags-suggestions option", "options => options.map(o => o.value)")
    assert options == ["ballet"]


def test_editor_uploads_a_still_and_clicks_its_focal_point(live_server, page, etoile, tmp_path):
    from PIL import Image

    still = tmp_path / "still.jpg"
    Image.new("RGB", (1600, 900), "navy").save(still)
    editor = factories.editor()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/reviews/review/{etoile.pk}/change/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.set_input_files("#id_image", str(still))
    page.fill("#id_image_alt", "A navy night sky.")
    page.click("input[name=_publish]")
    assert "was published" in page.inner_text(".messagelist")
    picture = page.locator("[data-focal-point] img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.25})
    assert abs(float(page.input_value("#id_image_focus_x")) - 0.8) < 0.02
    assert abs(float(page.input_value("#id_image_focus_y")) - 0.25) < 0.02
    screenshot(page, "admin-focal-point")
    page.click("input[name=_publish]")
    etoile.refresh_from_db()
    assert etoile.image_renditions["focus"] == [round(etoile.image_focus_x, 3), round(etoile.image_focus_y, 3)]
    assert abs(etoile.image_focus_x - 0.8) < 0.02
