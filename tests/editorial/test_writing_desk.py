"""The writing surface: the body round-trips byte for byte, tags as chips that taggit reads, room for alt text,
inline boxes with names of their own."""

import re
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from editorial.writing import one_paragraph_a_line, reading_time, word_count
from reviews.house_style import parse_review
from reviews.models import Review
from reviews.services import import_review
from tests import factories
from tests.form_posts import form_data
from tests.paths import SAMPLES

pytestmark = pytest.mark.django_db


def change_url(item) -> str:
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def exported(review) -> str:
    out = StringIO()
    call_command("export_review", review.slug, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("sample", ["etoile.txt", "harbour-lights.txt"])
def test_the_body_round_trips_byte_for_byte_through_the_change_form(editor_client, sample):
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    review = import_review(parse_review(text), title="ÉTOILE", by=None).review
    body, before = review.body, exported(review)
    page = editor_client.get(change_url(review)).content.decode()
    shown = unescape(re.search(r'<textarea name="body"[^>]*>\n(.*?)</textarea>', page, re.S)[1])
    assert shown == "\n\n".join(body.split("\n"))  # a blank line between paragraphs, so they read as paragraphs

    data = form_data(page, "review_form")
    assert "\r\n\r\n" in data["body"]  # as a browser posts it
    response = editor_client.post(change_url(review), {**data, "_save_draft": "Save draft"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    review.refresh_from_db()
    assert review.body.encode() == body.encode() and "\r" not in review.body
    assert exported(review).encode() == before.encode()


def test_blank_lines_and_windows_line_ends_are_not_saved():
    assert one_paragraph_a_line("One.\r\n\r\n\r\nTwo.  \r\n   \r\nThree.") == "One.\nTwo.  \nThree."


def test_word_count_and_reading_time():
    assert word_count("Catarina d’Almeida’s slow-burning film, 1974 — and after.") == 7
    assert reading_time(0) == "nothing to read yet"
    assert reading_time(100) == "under a minute to read"
    assert reading_time(1200) == "about 6 minutes to read"


def test_the_change_form_shows_the_length_of_the_body(editor_client):
    review = factories.DraftReviewFactory(body="One two three.\nFour five.")
    page = editor_client.get(change_url(review)).content.decode()
    assert "5 words · under a minute to read" in page and "writing.js" in page and "autosave.js" in page


def test_tags_show_without_quotes_and_come_back_as_they_were(editor_client):
    review = factories.DraftReviewFactory()
    review.tags.set(["slow cinema", "Portugal", "drama", "war, peace"])
    page = editor_client.get(change_url(review)).content.decode()
    assert 'value="Portugal, drama, slow cinema, &quot;war, peace&quot;"' in page
    data = form_data(page, "review_form")
    assert editor_client.post(change_url(review), {**data, "_save_draft": "Save draft"}).status_code == 302
    assert sorted(review.tags.names()) == ["Portugal", "drama", "slow cinema", "war, peace"]


def test_a_lone_tag_with_a_space_stays_one_tag(editor_client):
    review = factories.DraftReviewFactory()
    review.tags.set(["slow cinema"])
    page = editor_client.get(change_url(review)).content.decode()
    assert 'value="slow cinema,"' in page
    editor_client.post(change_url(review), {**form_data(page, "review_form"), "_save_draft": "Save draft"})
    assert list(review.tags.names()) == ["slow cinema"]


def test_alt_text_and_caption_have_room_for_a_sentence(editor_client):
    page = editor_client.get(reverse("admin:reviews_review_add")).content.decode()
    assert re.search(r'<textarea name="image_alt"[^>]*rows="2"[^>]*class="sentence"|'
                     r'<textarea name="image_alt"[^>]*class="sentence"', page)
    assert '<textarea name="image_caption"' in page


def test_each_not_this_one_box_names_its_mention(editor_client):
    factories.LivePersonFactory(name="Joaquim de Sá")
    factories.LivePersonFactory(name="Leonor van der Linde")
    with factories.committing():
        review = factories.DraftReviewFactory(body="Joaquim de Sá and Leonor van der Linde share one scene.")
        from reviews.mentions import refresh_mentions
        refresh_mentions(review)
    page = editor_client.get(change_url(review)).content.decode()
    boxes = re.findall(r'<input[^>]*name="mentions-\d+-wrong"[^>]*>', page)
    names = sorted(unescape(re.search(r'aria-label="([^"]+)"', box)[1]) for box in boxes)
    assert names == ["Not this one: “Joaquim de Sá”, the person Joaquim de Sá",
                     "Not this one: “Leonor van der Linde”, the person Leonor van der Linde"]


def test_each_box_of_the_credits_table_has_a_name_of_its_own(editor_client):
    credit = factories.CreditFactory(role="director", show=factories.DraftShowFactory())
    page = editor_client.get(change_url(credit.show)).content.decode()
    for label in ["Person of credit 1", "Role of credit 1", "Character of credit 1", "Delete credit 1",
                  "Person of credit 2", "Role of the new credit", "Person of the new credit"]:
        assert f'aria-label="{label}"' in page, label


def test_a_review_saved_from_a_mention_gone_since_the_form_opened_is_saved(editor_client):
    factories.LivePersonFactory(name="Joaquim de Sá")
    review = factories.DraftReviewFactory(body="Joaquim de Sá, at the helm.")
    from reviews.mentions import refresh_mentions
    refresh_mentions(review)
    page = editor_client.get(change_url(review)).content.decode()
    review.mentions.all().delete()  # an autosave of a new body took it away meanwhile
    data = {**form_data(page, "review_form"), "_save_draft": "Save draft",
            "loaded_version": Review.objects.get(pk=review.pk).version}
    response = editor_client.post(change_url(review), data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
