"""An upload is never lost to a validation error elsewhere in the form: it is kept aside and offered again."""

import re
from html import unescape

import pytest
from django.core import signing
from django.urls import reverse
from PIL import Image

from pictures import kept
from reviews.models import Review
from tests import factories
from tests.form_posts import form_data
from tests.pictures.test_pictures import jpeg, stored_files, upload_review

pytestmark = pytest.mark.django_db


def kept_token(page: str) -> str:
    return unescape(re.search(r'<input type="hidden" name="image-kept" value="([^"]+)"', page)[1])


def test_a_picture_chosen_on_a_form_with_an_error_elsewhere_is_kept_and_saved_next_time(editor_client, media_root):
    review = factories.DraftReviewFactory(headline="Before")
    response = upload_review(editor_client, review, "still.jpg", jpeg(colour="navy"), headline="")
    assert response.status_code == 200
    assert "headline" in response.context["adminform"].form.errors
    page = response.content.decode()
    assert "Your picture is kept" in page
    token = kept_token(page)
    assert [p.parent.name for p in stored_files(media_root)] == ["kept"]
    assert not Review.objects.get(pk=review.pk).image

    data = form_data(page, "review_form")  # the form as the browser shows it again: no file chosen this time
    assert data["image-kept"] == token and "image" not in data
    response = editor_client.post(reverse("admin:reviews_review_change", args=[review.pk]),
                                  {**data, "headline": "After", "_save_draft": "Save draft"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    review.refresh_from_db()
    assert review.headline == "After" and review.image.name.startswith("pictures/")
    assert not review.image.name.startswith(kept.FOLDER)
    with Image.open(review.image.path) as saved:
        assert saved.size == (1600, 900) and saved.getpixel((800, 450))[2] > 100  # the navy still


def test_a_kept_picture_survives_a_second_error_without_being_stored_twice(editor_client, media_root):
    review = factories.DraftReviewFactory()
    page = upload_review(editor_client, review, "still.jpg", jpeg(), headline="").content.decode()
    data = form_data(page, "review_form")
    again = editor_client.post(reverse("admin:reviews_review_change", args=[review.pk]),
                               {**data, "headline": "", "_save_draft": "Save draft"})
    assert again.status_code == 200
    assert kept.from_token(kept_token(again.content.decode())) == kept.from_token(data["image-kept"]) is not None
    assert len(stored_files(media_root)) == 1


def test_a_new_file_wins_over_a_kept_one(editor_client):
    review = factories.DraftReviewFactory()
    page = upload_review(editor_client, review, "still.jpg", jpeg(colour="navy"), headline="").content.decode()
    token = kept_token(page)
    response = upload_review(editor_client, review, "other.jpg", jpeg(colour="yellow"), **{"image-kept": token})
    assert response.status_code == 302
    with Image.open(Review.objects.get(pk=review.pk).image.path) as saved:
        assert saved.getpixel((800, 450))[2] < 100  # yellow: little blue


@pytest.mark.parametrize("token", [
    "not-signed", signing.dumps("pictures/someone-elses.jpg", salt=kept.SALT),
    signing.dumps("pictures/kept/../../secret.jpg", salt=kept.SALT), signing.dumps("pictures/kept/x.jpg"),
])
def test_a_forged_or_foreign_token_is_ignored(editor_client, token):
    review = factories.DraftReviewFactory()
    page = editor_client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    data = {**form_data(page, "review_form"), "image-kept": token, "_save_draft": "Save draft"}
    assert editor_client.post(reverse("admin:reviews_review_change", args=[review.pk]), data).status_code == 302
    assert not Review.objects.get(pk=review.pk).image


def test_a_bad_file_is_not_kept(editor_client, media_root):
    review = factories.DraftReviewFactory()
    response = upload_review(editor_client, review, "still.jpg", b"<html>no</html>", headline="")
    assert "Your picture is kept" not in response.content.decode() and stored_files(media_root) == []


def test_kept_pictures_older_than_a_day_are_swept(media_root, monkeypatch):
    from django.core.files.base import ContentFile

    old = kept.keep(ContentFile(jpeg(), name="old.jpg"))
    monkeypatch.setattr(kept, "KEPT_SECONDS", -1)  # everything kept is now older than the limit
    fresh = kept.keep(ContentFile(jpeg(), name="fresh.jpg"))
    names = {p.name for p in stored_files(media_root)}
    assert old.name.rsplit("/", 1)[1] not in names and fresh.name.rsplit("/", 1)[1] in names
