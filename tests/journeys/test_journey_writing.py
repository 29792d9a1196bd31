"""The desk as an editor writes at it, in real Chromium at 1280 and 390 px: a pasted review goes live in at most
four clicks; the body reads as paragraphs, counts its words and autosaves; tags are chips; a picture survives a
form error; the import shows every error at once and warns before a second review. Screenshots go to
test-artifacts/screenshots/admin/."""

import re
from datetime import datetime

import pytest
from django.utils import timezone

from editorial.models import State
from reviews.models import Review
from tests import factories
from tests.browser import ARTIFACTS, DESKTOP, PHONE, log_in, screenshot
from tests.paths import SAMPLES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = (SAMPLES / "harbour-lights.txt").read_text(encoding="utf-8")
HEADLINE = re.search(r"(?m)^headline: (.*)$", SAMPLE)[1]
BROKEN = SAMPLE.replace("published: 2025-09-12", "publishd: 2025-09-12").replace("rating: 3.5", "rating: 11") \
    .replace("DIRECTOR:", "DIRECTR:").replace("RUNTIME: 118 mins", "RUNTIME: long")
VIEWPORTS = {"1280": DESKTOP, "390": PHONE}


def shot(page, name: str, window: bool = False) -> None:
    """The whole page; or, with ``window``, what the window shows (where the sticky buttons and autosave's word are)."""
    (ARTIFACTS / "admin").mkdir(parents=True, exist_ok=True)
    if window:
        page.screenshot(path=str(ARTIFACTS / "admin" / f"{name}.png"))
    else:
        screenshot(page, f"admin/{name}")


def leave(*pages) -> None:
    """Off the change forms, so that their last heartbeat and autosave are answered before the test ends."""
    for page in pages:
        page.goto(page.url.split("/admin/")[0] + "/admin/")


class Clicks:
    """Every click the editor makes, counted."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_pasted_review_goes_live_in_at_most_four_clicks(live_server, new_page, size):
    base, editor = live_server.url, factories.editor()
    desk = new_page(VIEWPORTS[size])
    log_in(desk, base, editor, "/admin/reviews/review/import/")
    desk.fill("#id_text", SAMPLE)  # the paste
    click = Clicks()

    click(desk.get_by_role("button", name="Import as draft"))
    review = Review.objects.get()
    assert desk.url == f"{base}/admin/reviews/review/{review.pk}/change/"
    assert "Its publication time is 12 Sep 2025, 09:00, from the front matter" in desk.inner_text(".messagelist")
    shot(desk, f"import-landed-{size}")
    click(desk.get_by_label("Publish what it needs with it"))
    click(desk.locator("input[name=_publish]"))
    assert "was published" in desk.inner_text(".messagelist")
    assert click.count <= 4, f"{click.count} clicks from the paste to a live page"
    shot(desk, f"import-published-{size}")

    review.refresh_from_db()
    assert review.state == State.LIVE and review.show.state == State.LIVE
    assert timezone.localtime(review.published_at).replace(tzinfo=None) == datetime(2025, 9, 12, 9, 0)
    reader = new_page(VIEWPORTS[size])
    assert reader.goto(f"{base}{review.get_absolute_url()}").status == 200
    assert reader.get_by_role("heading", level=1).inner_text() == HEADLINE
    leave(desk)


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_import_shows_every_error_and_warns_before_a_second_review(live_server, new_page, size):
    base, editor = live_server.url, factories.editor()
    desk = new_page(VIEWPORTS[size])
    log_in(desk, base, editor, "/admin/reviews/review/import/")
    desk.fill("#id_text", BROKEN)
    desk.get_by_role("button", name="Import as draft").click()
    errors = desk.locator(".field-text .errorlist li").all_inner_texts()
    assert errors == ["Line 5: The rating runs from 0 to 5 in halves, not “11”.",
                      "Line 7: Unknown front matter key “publishd” — did you mean “published”?",
                      "Line 13: Unknown key DIRECTR — did you mean DIRECTOR?",
                      "Line 13: RUNTIME must be minutes, as in “104 mins”, not “long”."]
    gutter = desk.locator(".line-gutter span")
    assert gutter.count() == len(BROKEN.split("\n"))  # and the line after the last line end
    assert desk.locator(".line-gutter span.has-error").all_inner_texts() == ["5", "7", "13"]
    desk.locator(".errorlist .line-link").nth(2).click()  # “Line 13” takes the caret there
    selected = desk.evaluate("() => { const a = document.getElementById('id_text');"
                             " return a.value.slice(a.selectionStart, a.selectionEnd); }")
    assert selected.startswith("2025 | Portugal/France | DIRECTR:")
    shot(desk, f"import-errors-{size}")
    assert not Review.objects.exists()

    desk.fill("#id_text", SAMPLE)
    desk.get_by_role("button", name="Import as draft").click()
    desk.goto(f"{base}/admin/reviews/review/import/")
    desk.fill("#id_text", SAMPLE.replace(f"headline: {HEADLINE}", "headline: The river, again"))
    desk.get_by_role("button", name="Import as draft").click()
    warning = desk.locator(".second-review")
    assert "Ines Farrow-Baptiste has reviewed Harbour Lights before" in warning.inner_text()
    assert HEADLINE in warning.inner_text() and Review.objects.count() == 1
    shot(desk, f"import-second-review-{size}")
    warning.get_by_role("button", name="Import it as a second review").click()
    assert "Imported “The river, again”" in desk.inner_text(".messagelist")
    assert Review.objects.count() == 2


@pytest.fixture
def draft(db):
    show = factories.LiveShowFactory(title="Harbour Lights")
    review = factories.DraftReviewFactory(show=show, headline="The river keeps its own time",
                                          body="The first paragraph sets out.\nThe second one comes home.")
    review.tags.set(["slow cinema", "Portugal", "drama"])
    return review


def body_value(page) -> str:
    return page.input_value("#id_body")


@pytest.mark.parametrize("size", VIEWPORTS)
def test_writing_autosave_and_tags_at_the_desk(live_server, new_page, draft, size):
    base, editor = live_server.url, factories.editor()
    desk = new_page(VIEWPORTS[size])
    change = f"/admin/reviews/review/{draft.pk}/change/"
    log_in(desk, base, editor, change)

    # Paragraphs read as paragraphs; the length is counted.
    assert body_value(desk) == "The first paragraph sets out.\n\nThe second one comes home."
    assert desk.inner_text(".writing-count") == "10 words · under a minute to read"
    desk.click("#id_body")
    desk.keyboard.press("Control+End")
    desk.keyboard.press("Enter")
    desk.keyboard.type("A third paragraph, typed at the desk.")
    assert body_value(desk).endswith("comes home.\n\nA third paragraph, typed at the desk.")
    desk.keyboard.press("Home")  # Enter at a paragraph's start makes a new one before it
    desk.keyboard.press("Enter")
    desk.keyboard.type("Inserted.")
    assert body_value(desk).endswith("comes home.\n\nInserted.\n\nA third paragraph, typed at the desk.")
    assert desk.inner_text(".writing-count") == "18 words · under a minute to read"
    assert desk.inner_text(".autosave-status") == "Unsaved changes"

    # Leaving the field autosaves through Save draft: “Saved 10:42”.
    desk.click("#id_headline")
    desk.wait_for_function("() => document.querySelector('.autosave-status').textContent.startsWith('Saved')")
    assert re.fullmatch(r"Saved \d\d:\d\d", desk.inner_text(".autosave-status"))
    shot(desk, f"writing-desk-saved-{size}", window=True)
    draft.refresh_from_db()
    assert draft.body == ("The first paragraph sets out.\nThe second one comes home.\nInserted.\n"
                          "A third paragraph, typed at the desk.")

    # Tags are chips, without quotes; one added, one removed.
    chips = desk.locator(".chips .chip span")
    assert chips.all_inner_texts() == ["drama", "Portugal", "slow cinema"]
    assert '"' not in desk.inner_text(".chips-box")
    desk.fill("#id_tags-entry", "film noir")
    desk.keyboard.press("Enter")
    desk.get_by_role("button", name="Remove tag drama").click()
    assert chips.all_inner_texts() == ["Portugal", "slow cinema", "film noir"]
    shot(desk, f"writing-desk-{size}")

    # Leaving with changes not yet saved (typed, still in the field: no autosave yet) is warned about.
    desk.click("#id_standfirst")
    desk.keyboard.type("Unsaved words.")
    dialogs = []
    desk.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    desk.close(run_before_unload=True)
    desk.wait_for_timeout(300)
    assert dialogs == ["beforeunload"] and not desk.is_closed()

    desk.locator("input[name=_save_draft]").click()
    assert "was saved as a draft" in desk.inner_text(".messagelist")
    draft.refresh_from_db()
    assert sorted(draft.tags.names()) == ["Portugal", "film noir", "slow cinema"]
    assert draft.standfirst.endswith("Unsaved words.")
    dialogs.clear()
    desk.goto(f"{base}/admin/")  # nothing unsaved: no question asked
    assert dialogs == [] and desk.url == f"{base}/admin/"


SELECT = """(area, [start, end]) => { area.focus(); area.setSelectionRange(start, end);
  area.dispatchEvent(new Event("keyup")); }"""


NAME_OR_ID = "(at) => at.localName === 'button' ? at.textContent.trim() : at.id"


def settled(page) -> None:
    """No autosave on its way and the preview shown: the test's next request meets no other of the page's."""
    page.wait_for_function("() => !document.querySelector('.autosave-status').textContent.startsWith('Saving')")
    page.wait_for_timeout(400)  # past the preview's pause, and its answer


def preview_html(page) -> str:
    page.wait_for_selector(".markup-preview:not([hidden])")
    return page.inner_html(".markup-preview-body")


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_house_markup_at_the_desk(live_server, new_page, draft, size):
    base, editor = live_server.url, factories.editor()
    desk = new_page(VIEWPORTS[size])
    log_in(desk, base, editor, f"/admin/reviews/review/{draft.pk}/change/")
    body = desk.locator("#id_body")  # every step through a locator: each has a time limit
    start = body_value(desk).index("first")

    # Ctrl-I sets the chosen word in italics, and the preview shows the paragraph as readers will see it.
    body.evaluate(SELECT, [start, start + len("first")])
    body.press("Control+i")
    assert body_value(desk).startswith("The *first* paragraph sets out.")
    desk.wait_for_function("() => document.querySelector('.markup-preview-body').innerHTML.includes('<i>first</i>')")
    assert preview_html(desk) == "<p>The <i>first</i> paragraph sets out.</p>"
    body.press("Control+i")  # pressed again, the marks come off
    assert body_value(desk).startswith("The first paragraph")
    body.press("Control+i")
    body.evaluate(SELECT, [start - 1, start + len("first") + 2])  # chosen with its marks, they come off too
    body.press("Control+i")
    assert body_value(desk).startswith("The first paragraph")
    body.evaluate(SELECT, [0, len(body_value(desk))])  # two paragraphs chosen: a pair each
    body.press("Control+i")
    assert body_value(desk) == "*The first paragraph sets out.*\n\n*The second one comes home.*"
    body.press("Control+z")
    assert body_value(desk) == "The first paragraph sets out.\n\nThe second one comes home."

    # The buttons: the second paragraph becomes a quotation, then a section break follows it.
    second = body_value(desk).index("The second")
    body.evaluate(SELECT, [second + 4, second + 4])
    desk.get_by_role("button", name="Quotation").click()
    assert "\n\n> The second one comes home." in body_value(desk)
    desk.wait_for_function("() => document.querySelector('.markup-preview-body blockquote')")
    desk.get_by_role("button", name="Section break").click()
    assert body_value(desk).endswith("> The second one comes home.\n\n* * *\n\n")
    body.press_sequentially("Harbour Lights, the last word.")
    desk.wait_for_function("() => document.querySelector('.markup-preview-body cite')")
    assert preview_html(desk) == "<p><cite>Harbour Lights</cite>, the last word.</p>"  # a show the magazine holds
    desk.get_by_role("button", name="Pull quote").click()
    assert body_value(desk).endswith("\n\n>> Harbour Lights, the last word.")
    desk.wait_for_function("() => document.querySelector('.markup-preview-body .pull-quote')")
    shot(desk, f"house-markup-{size}", window=True)

    # The buttons are reached by Tab, in the order they stand, before the text.
    settled(desk)
    desk.focus("#id_slug")
    names = []
    for _ in range(12):
        desk.locator(":focus").press("Tab")
        names.append(desk.locator(":focus").evaluate(NAME_OR_ID))
        if names[-1] == "id_body":
            break
    assert names[-5:] == ["I Italics", "“ ” Quotation", "❝ Pull quote", "⁂ Section break", "id_body"], names

    settled(desk)
    desk.locator("input[name=_save_draft]").click()
    assert "was saved as a draft" in desk.inner_text(".messagelist")
    draft.refresh_from_db()
    assert draft.body == ("The first paragraph sets out.\n> The second one comes home.\n* * *\n"
                          ">> Harbour Lights, the last word.")
    leave(desk)


def test_autosave_stops_at_a_newer_save_and_says_whose(live_server, new_page, draft):
    base = live_server.url
    editor, writer = factories.editor(), factories.writer()
    writer.first_name = "Sam"
    writer.save()
    change = f"/admin/reviews/review/{draft.pk}/change/"
    mine, theirs = new_page(), new_page()
    log_in(mine, base, editor, change)
    log_in(theirs, base, writer, change)
    theirs.fill("#id_standfirst", "The writer's standfirst.")
    theirs.click("#id_headline")
    theirs.wait_for_function("() => document.querySelector('.autosave-status').textContent.startsWith('Saved')")
    mine.fill("#id_standfirst", "The editor's older copy.")
    mine.click("#id_headline")
    mine.wait_for_function("() => document.querySelector('.autosave-status').textContent"
                           ".startsWith('Autosave stopped')")
    said = mine.inner_text(".autosave-status")
    assert "Sam" in said and "after you opened it" in said
    shot(mine, "autosave-conflict-1280", window=True)
    draft.refresh_from_db()
    assert draft.standfirst == "The writer's standfirst."
    leave(mine, theirs)


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_picture_is_kept_across_a_form_error(live_server, new_page, draft, tmp_path, size):
    from PIL import Image

    still = tmp_path / "still.jpg"
    Image.new("RGB", (1600, 900), (20, 40, 120)).save(still)
    base, editor = live_server.url, factories.editor()
    desk = new_page(VIEWPORTS[size])
    log_in(desk, base, editor, f"/admin/reviews/review/{draft.pk}/change/")
    alt = desk.locator("#id_image_alt")
    assert alt.evaluate("box => box.tagName") == "TEXTAREA"
    desk.set_input_files("#id_image", str(still))
    alt.fill("A ferry's wheelhouse at dusk, the river beyond the glass turning copper as the light goes.")
    desk.fill("#id_headline", "")  # a mistake elsewhere in the form
    desk.locator("input[name=_save_draft]").click()
    assert "This field is required." in desk.inner_text(".field-headline")
    assert "Your picture is kept" in desk.inner_text(".field-image")
    assert desk.locator(".kept-picture img").evaluate("img => img.complete && img.naturalWidth") > 0
    shot(desk, f"picture-kept-{size}")
    desk.fill("#id_headline", "The river keeps its own time")
    desk.locator("input[name=_save_draft]").click()
    assert "was saved as a draft" in desk.inner_text(".messagelist")
    draft.refresh_from_db()
    assert draft.image and draft.image_alt.startswith("A ferry's wheelhouse")
    leave(desk)
