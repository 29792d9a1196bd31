"""Seasons, episodes and trailers on the show's form; what a review is of on the review's form."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from editorial import drafts
from reviews.models import Review
from shows.models import Season, Show
from tests import factories
from tests.form_posts import form_data


def change_form(client, item) -> tuple[str, dict]:
    url = reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])
    return url, form_data(client.get(url).content.decode(), f"{item._meta.model_name}_form")


def with_season(data: dict, number, **values) -> dict:
    index = int(data["season_set-TOTAL_FORMS"])
    row = {"number": number, "year": "", "end_year": "", "episodes": "", "synopsis": "", "trailer": "", **values}
    return {**data, "season_set-TOTAL_FORMS": str(index + 1),
            **{f"season_set-{index}-{name}": value for name, value in row.items()}}


def with_episode(data: dict, season, number, title="") -> dict:
    index = int(data["episode_set-TOTAL_FORMS"])
    row = {"season": season, "number": number, "title": title, "air_date": ""}
    return {**data, "episode_set-TOTAL_FORMS": str(index + 1),
            **{f"episode_set-{index}-{name}": value for name, value in row.items()}}


@pytest.fixture
def series(db):
    show = factories.LiveShowFactory(title="ÉTOILE", kind=Show.Kind.SERIES, year=2025)
    Season.objects.create(show=show, number=1, year=2025, episodes=8)
    return show


def test_a_season_added_to_a_live_show_waits_for_its_changes_to_be_published(editor_client, series, client):
    url, data = change_form(editor_client, series)
    assert data["season_set-TOTAL_FORMS"] == "1" and data["season_set-0-number"] == "1"
    data = with_season(data, 2, year="2026", trailer="https://youtu.be/dQw4w9WgXcQ")
    response = editor_client.post(url, {**data, "_save_draft": "Save draft"})
    assert response.status_code == 302
    assert list(series.season_set.values_list("number", flat=True)) == [1]  # readers see season 1 alone
    assert client.get("/shows/etoile/season-2/").status_code == 404
    rows = drafts.content_of(Show.objects.get(pk=series.pk))["season_rows"]
    assert [(row["number"], row["trailer"]) for row in rows] == [(1, ""), (2, "youtube:dQw4w9WgXcQ")]
    url, data = change_form(editor_client, series)
    assert data["season_set-1-trailer"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"  # the form shows an address
    with factories.committing():
        assert editor_client.post(url, {**data, "_publish": "Publish"}).status_code == 302
    assert list(series.season_set.values_list("number", "year")) == [(1, 2025), (2, 2026)]
    page = client.get("/shows/etoile/season-2/")
    assert page.status_code == 200 and "frame-src 'self' https://www.youtube-nocookie.com" in page[
        "Content-Security-Policy"]
    assert "frame-src" not in client.get("/shows/etoile/season-1/")["Content-Security-Policy"]


def test_an_episode_of_a_season_not_listed_adds_the_season(editor_client, series):
    url, data = change_form(editor_client, series)
    assert editor_client.post(url, {**with_episode(data, 3, 1, "Opening Night"), "_save_draft": "Save draft"}
                              ).status_code == 302
    content = drafts.content_of(Show.objects.get(pk=series.pk))
    assert [row["number"] for row in content["season_rows"]] == [1, 3]
    assert [(row["season"], row["number"], row["title"]) for row in content["episode_rows"]] == [
        (3, 1, "Opening Night")]


@pytest.mark.parametrize("trailer", ["https://example.com/watch?v=dQw4w9WgXcQ", "javascript:alert(1)",
                                     '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'])
def test_a_trailer_that_is_not_a_youtube_or_vimeo_address_is_a_form_error(editor_client, series, trailer):
    url, data = change_form(editor_client, series)
    version = Show.objects.get(pk=series.pk).version
    response = editor_client.post(url, {**data, "trailer": trailer, "_save_draft": "Save draft"})
    assert response.status_code == 200 and "trailer" in response.context["adminform"].form.errors
    response = editor_client.post(url, {**with_season(data, 2, trailer=trailer), "_save_draft": "Save draft"})
    assert response.status_code == 200 and "YouTube or Vimeo" in response.content.decode()
    assert Show.objects.get(pk=series.pk).version == version  # nothing was written


def test_bad_season_rows_are_form_errors(editor_client, series):
    url, data = change_form(editor_client, series)
    for bad in ({"number": "0"}, {"number": "2", "year": "2026", "end_year": "2025"}, {"number": "x"}):
        response = editor_client.post(url, {**with_season(data, **bad), "_save_draft": "Save draft"})
        assert response.status_code == 200, bad
    twice = with_season(data, 1)  # season 1 again
    assert editor_client.post(url, {**twice, "_save_draft": "Save draft"}).status_code == 200
    assert drafts.pending_revision(Show.objects.get(pk=series.pk)) is None


def test_a_credit_by_season_and_a_backwards_span_is_an_error(editor_client, series):
    person = factories.LivePersonFactory(name="Rosa Quintero")
    url, data = change_form(editor_client, series)
    credit = {"credits-TOTAL_FORMS": "1", "credits-0-person": str(person.pk), "credits-0-role": "cast",
              "credits-0-character": "", "credits-0-note": "", "credits-0-order": "1"}
    backwards = {**data, **credit, "credits-0-first_season": "3", "credits-0-last_season": "2"}
    assert editor_client.post(url, {**backwards, "_save_draft": "Save draft"}).status_code == 200
    good = {**data, **credit, "credits-0-first_season": "2", "credits-0-last_season": ""}
    assert editor_client.post(url, {**good, "_save_draft": "Save draft"}).status_code == 302
    row = drafts.content_of(Show.objects.get(pk=series.pk))["credits"][0]
    assert (row["first_season"], row["last_season"]) == (2, None)


def test_the_review_form_offers_the_shows_seasons_and_episodes(editor_client, series):
    factories.LiveShowFactory(title="Other", kind=Show.Kind.FILM)
    series.episode_set.create(season=1, number=5, title="The Understudy")
    review = factories.LiveReviewFactory(show=series)
    url, data = change_form(editor_client, review)
    page = editor_client.get(url).content.decode()
    assert "— recap of 1×05 ‘The Understudy’" in page and ">Season 1 (2025)<" in page
    with factories.committing():
        response = editor_client.post(url, {**data, "reviewed": "1.5", "_publish": "Publish"})
    assert response.status_code == 302
    review = Review.objects.get(pk=review.pk)
    assert (review.season, review.episode, review.subject) == (1, 5, "ÉTOILE, 1×05 ‘The Understudy’")
    for bad in ("7", "1.9", "x", "1.5.2"):
        url, data = change_form(editor_client, review)
        response = editor_client.post(url, {**data, "reviewed": bad, "_save_draft": "Save draft"})
        assert response.status_code == 200 and "reviewed" in response.context["adminform"].form.errors, bad


def test_a_film_is_reviewed_whole(editor_client, db):
    review = factories.LiveReviewFactory()
    url, data = change_form(editor_client, review)
    response = editor_client.post(url, {**data, "reviewed": "1", "_save_draft": "Save draft"})
    assert response.status_code == 200 and "reviewed" in response.context["adminform"].form.errors


def test_a_live_show_with_credits_saves_from_its_own_form_as_it_shows_them(editor_client, series):
    person = factories.LivePersonFactory(name="Luke Kirby")
    series.credits.create(person=person, role="cast", character="Jack McMillan", order=1)
    url, data = change_form(editor_client, series)
    assert data["credits-INITIAL_FORMS"] == "1"  # the draft's row, shown as a row with its Delete box
    response = editor_client.post(url, {**data, "synopsis": "Two companies swap dancers.", "_save_draft": "Save"})
    assert response.status_code == 302
    content = drafts.content_of(Show.objects.get(pk=series.pk))
    assert content["synopsis"] == "Two companies swap dancers."
    assert [(row["name"], row["character"]) for row in content["credits"]] == [("Luke Kirby", "Jack McMillan")]
    url, data = change_form(editor_client, series)
    response = editor_client.post(url, {**data, "credits-0-DELETE": "on", "_save_draft": "Save"})
    assert response.status_code == 302 and drafts.content_of(Show.objects.get(pk=series.pk))["credits"] == []


def poster_upload(colour="navy"):
    buffer = io.BytesIO()
    Image.new("RGB", (400, 600), colour).save(buffer, "JPEG")
    return SimpleUploadedFile("season-two.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_a_seasons_poster_is_kept_through_later_saves_and_shown_once_published(editor_client, series, client,
                                                                               media_root):
    url, data = change_form(editor_client, series)
    data = with_season(data, 2, year="2026", image_alt="The second season's poster: a stage at night.")
    response = editor_client.post(url, {**data, "season_set-1-image": poster_upload(), "_save_draft": "Save"})
    assert response.status_code == 302
    name = drafts.content_of(Show.objects.get(pk=series.pk))["season_rows"][1]["image"]
    assert name.startswith("pictures/") and name.endswith(".jpg")
    url, data = change_form(editor_client, series)  # saved again: a browser posts no file it did not pick
    assert editor_client.post(url, {**data, "synopsis": "Later.", "_save_draft": "Save"}).status_code == 302
    assert drafts.content_of(Show.objects.get(pk=series.pk))["season_rows"][1]["image"] == name
    url, data = change_form(editor_client, series)
    with factories.committing():
        assert editor_client.post(url, {**data, "_publish": "Publish"}).status_code == 302
    season = Season.objects.get(show=series, number=2)
    assert season.image.name == name and season.picture("poster") is not None
    page = client.get("/shows/etoile/season-2/").content.decode()
    assert season.picture("poster").fallback_srcset.split(" ")[0] in page


def test_a_seasons_poster_needs_its_alt_text(editor_client, series, media_root):
    url, data = change_form(editor_client, series)
    response = editor_client.post(url, {**with_season(data, 2), "season_set-1-image": poster_upload(),
                                        "_save_draft": "Save"})
    assert response.status_code == 200 and "Describe the picture" in response.content.decode()


def test_autosave_keeps_what_a_review_is_of(editor_client, series):
    review = factories.DraftReviewFactory(show=series, body="First.")
    url, data = change_form(editor_client, review)
    autosave = reverse("admin:reviews_review_autosave", args=[review.pk])
    response = editor_client.post(autosave, {**data, "reviewed": "1", "body": "First, again."})
    assert response.status_code == 200 and response.json()["saved"] is True
    review = Review.objects.get(pk=review.pk)
    assert (review.season, review.body) == (1, "First, again.")
    url, data = change_form(editor_client, review)
    assert data["reviewed"] == "1"
    editor_client.post(autosave, {**data, "body": "First, a third time."})
    assert Review.objects.get(pk=review.pk).season == 1


def test_a_review_of_a_season_no_longer_listed_keeps_it_until_chosen_again(editor_client, series):
    review = factories.DraftReviewFactory(show=series, season=4, body="First.")
    url, data = change_form(editor_client, review)
    page = editor_client.get(url).content.decode()
    assert data["reviewed"] == "4" and "Season 4 (no longer listed on the show)" in page
    assert editor_client.post(url, {**data, "_save_draft": "Save"}).status_code == 302
    assert Review.objects.get(pk=review.pk).season == 4


def test_a_films_form_has_no_season_tables_until_its_draft_is_a_series(editor_client, db):
    film = factories.LiveShowFactory(title="Harbour Lights", kind=Show.Kind.FILM)
    url, data = change_form(editor_client, film)
    assert "season_set-TOTAL_FORMS" not in data and "episode_set-TOTAL_FORMS" not in data
    assert editor_client.post(url, {**data, "kind": "series", "_save_draft": "Save"}).status_code == 302
    url, data = change_form(editor_client, film)
    assert data["kind"] == "series" and data["season_set-TOTAL_FORMS"] == "0"


def test_the_shows_preview_shows_a_season_waiting_in_its_draft(editor_client, series, client):
    url, data = change_form(editor_client, series)
    editor_client.post(url, {**with_season(data, 2, year="2026"), "_save_draft": "Save"})
    preview = editor_client.get(reverse("admin:shows_show_preview", args=[series.pk])).content.decode()
    assert 'id="season-2-heading"' in preview
    assert 'id="season-2-heading"' not in client.get(series.get_absolute_url()).content.decode()
    assert list(series.season_set.values_list("number", flat=True)) == [1]  # the preview wrote nothing


def with_posters(editor_client, series) -> tuple[str, str]:
    """Seasons 1 and 2 of the live series, each with a poster of its own, in the series' draft."""
    url, data = change_form(editor_client, series)
    data = with_season(data, 2, image_alt="Season two's poster.")
    data = {**data, "season_set-0-image_alt": "Season one's poster.", "season_set-0-image": poster_upload("red"),
            "season_set-1-image": poster_upload("blue")}
    assert editor_client.post(url, {**data, "_save_draft": "Save"}).status_code == 302
    rows = drafts.content_of(Show.objects.get(pk=series.pk))["season_rows"]
    return rows[0]["image"], rows[1]["image"]


def posters(series) -> dict:
    return {row["number"]: row["image"] for row in drafts.content_of(Show.objects.get(pk=series.pk))["season_rows"]}


def test_each_seasons_poster_stays_with_it_when_an_autosave_reorders_the_rows(editor_client, series, media_root):
    red, blue = with_posters(editor_client, series)
    url, data = change_form(editor_client, series)
    data["autosave_page"] = "page-one"  # what the page's script adds: its own autosaves are no conflict
    autosave = reverse("admin:shows_show_autosave", args=[series.pk])
    renumbered = {**data, "season_set-0-number": "3"}  # season 1 becomes 3: the draft now lists 2 before it
    assert editor_client.post(autosave, renumbered).json()["saved"] is True
    assert editor_client.post(url, {**renumbered, "_save_draft": "Save"}).status_code == 302
    assert posters(series) == {2: blue, 3: red}
    url, data = change_form(editor_client, series)
    data["autosave_page"] = "page-two"
    first = next(key.split("-")[1] for key, value in data.items() if key.endswith("-number") and value == "2")
    removed = {**data, f"season_set-{first}-DELETE": "on"}
    assert editor_client.post(autosave, removed).json()["saved"] is True
    assert editor_client.post(url, {**removed, "_save_draft": "Save"}).status_code == 302
    assert posters(series) == {3: red}


def test_a_forged_picture_name_keeps_no_file(editor_client, series, media_root):
    red, blue = with_posters(editor_client, series)
    url, data = change_form(editor_client, series)
    forged = {**data, "season_set-1-kept_files": data["season_set-1-kept_files"][:-2] + "xx"}
    assert editor_client.post(url, {**forged, "_save_draft": "Save"}).status_code == 302
    assert posters(series) == {1: red, 2: ""}  # the forged row names no file: its poster is not kept


@pytest.mark.parametrize("show", ["²", "٣", "x", "", "9" * 30])
def test_a_posted_show_that_is_no_id_is_a_form_error(editor_client, series, show):
    review = factories.LiveReviewFactory(show=series)
    url, data = change_form(editor_client, review)
    response = editor_client.post(url, {**data, "show": show, "_save_draft": "Save"})
    assert response.status_code == 200 and "show" in response.context["adminform"].form.errors


@pytest.mark.parametrize("person", ["²", "x", "9" * 30])
def test_a_posted_credit_that_names_no_person_is_a_form_error(editor_client, series, person):
    url, data = change_form(editor_client, series)
    credit = {"credits-TOTAL_FORMS": "1", "credits-0-person": person, "credits-0-role": "cast",
              "credits-0-character": "", "credits-0-note": "", "credits-0-order": "1"}
    response = editor_client.post(url, {**data, **credit, "_save_draft": "Save"})
    assert response.status_code == 200 and response.context["inline_admin_formsets"][0].formset.errors[0]["person"]
