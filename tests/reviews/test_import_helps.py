"""The import page helps: every error at once with its line and a suggestion, the front matter's date kept as the
draft's planned time, and a warning before a critic's second review of the same show."""

import re
from datetime import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from editorial.models import State
from reviews.house_style import HouseStyleErrors, every_error, parse_review
from reviews.models import Review
from shows.credits_line import parse_credits_line
from shows.models import Show
from tests import factories
from tests.factories import UNTOUCHED_PARTS
from tests.paths import SAMPLES

IMPORT_URL = reverse("admin:reviews_review_import")
SAMPLE = (SAMPLES / "harbour-lights.txt").read_text(encoding="utf-8")
BROKEN = """---
show: Harbour Lights
publishd: 2025-09-12
rating: 11
---
Very little happens on this river, and the film is all the better for it.
It will test the impatient.
2025 | Portugal | DIRECTR: Catarina d’Almeida | CAST: Joaquim de Sá | RUNTIME: long
"""


def errors_of(text: str) -> list[tuple[int, str]]:
    with pytest.raises(HouseStyleErrors) as raised:
        parse_review(text)
    return [(error.line, error.message) for error in every_error(raised.value)]


def test_every_error_of_a_file_at_once_each_with_its_line():
    assert errors_of(BROKEN) == [
        (3, "Unknown front matter key “publishd” — did you mean “published”?"),
        (4, "The rating runs from 0 to 5 in halves, not “11”."),
        (8, "Unknown key DIRECTR — did you mean DIRECTOR?"),
        (8, "RUNTIME must be minutes, as in “104 mins”, not “long”."),
    ]


@pytest.mark.parametrize(("line", "message"), [
    ("2025 | US | PRODUCR: A B", "Unknown key PRODUCR — did you mean PRODUCER?"),
    ("2025 | US | Director: A B", "(keys are in capitals) — did you mean DIRECTOR?"),
    ("2025 | US | WIBBLE: A B", "Unknown key WIBBLE."),
])
def test_near_miss_keys_get_a_suggestion_and_others_do_not(line, message):
    with pytest.raises(ValueError) as raised:
        parse_credits_line(line)
    assert message in raised.value.message
    assert ("did you mean" in raised.value.message) == ("did you mean" in message)


def test_one_error_is_still_raised_alone():
    with pytest.raises(ValueError) as raised:
        parse_review("One paragraph.\n2025 | US | RUNTIME: long")
    assert not isinstance(raised.value, HouseStyleErrors)
    assert raised.value.line == 2


def test_the_import_page_shows_every_error_and_marks_their_lines(editor_client):
    response = editor_client.post(IMPORT_URL, {"text": BROKEN, "title": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors["text"]
    assert errors == [
        "Line 3: Unknown front matter key “publishd” — did you mean “published”?",
        "Line 4: The rating runs from 0 to 5 in halves, not “11”.",
        "Line 8: Unknown key DIRECTR — did you mean DIRECTOR?",
        "Line 8: RUNTIME must be minutes, as in “104 mins”, not “long”.",
    ]
    page = response.content.decode()
    assert 'data-error-lines="3,4,8"' in page and "The text has 4 errors" in page
    assert (Review.objects.count(), Show.objects.count()) == (0, 0)


def test_the_command_line_reports_every_error(tmp_path, db):
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    errors = StringIO()
    with pytest.raises(CommandError):
        call_command("import_review", str(path), stdout=StringIO(), stderr=errors)
    lines = [line.strip() for line in errors.getvalue().splitlines() if line.strip()]
    assert f"{path}:8: Unknown key DIRECTR — did you mean DIRECTOR?" in lines
    assert f"{path}:8: RUNTIME must be minutes, as in “104 mins”, not “long”." in lines
    assert f"{path}:3: Unknown front matter key “publishd” — did you mean “published”?" in lines


def test_the_front_matters_date_becomes_the_drafts_planned_time(editor_client):
    response = editor_client.post(IMPORT_URL, {"text": SAMPLE})
    review = Review.objects.get()
    assert review.state == State.DRAFT
    assert timezone.localtime(review.published_at).replace(tzinfo=None) == datetime(2025, 9, 12, 9, 0)
    page = editor_client.get(response["Location"]).content.decode()
    assert "Its publication time is 12 Sep 2025, 09:00, from the front matter" in page


def test_publish_uses_the_planned_time(editor_client):
    editor_client.post(IMPORT_URL, {"text": SAMPLE})
    review = Review.objects.get()
    local = timezone.localtime(review.published_at)
    response = editor_client.post(reverse("admin:reviews_review_change", args=[review.pk]), {
        "show": review.show_id, "critic": review.critic_id, "headline": review.headline, "slug": review.slug,
        "standfirst": "", "body": review.body, "tags": "drama, Portugal, slow cinema", "rating": "3.5",
        "published_at_0": local.strftime("%d/%m/%Y"), "published_at_1": local.strftime("%H:%M:%S"),
        **UNTOUCHED_PARTS, "loaded_version": factories.opened_version(review), "_publish": "Publish",
        "with_dependencies": "on",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    review.refresh_from_db()
    assert review.state == State.LIVE  # the planned time has passed: out now, dated as the critic filed it
    assert timezone.localtime(review.published_at).replace(tzinfo=None) == datetime(2025, 9, 12, 9, 0)
    assert review.show.state == State.LIVE


def test_a_second_review_by_the_same_critic_waits_for_a_confirmation(editor_client):
    editor_client.post(IMPORT_URL, {"text": SAMPLE})
    first = Review.objects.get()
    second = re.sub(r"(?m)^headline: .*$", "headline: The river, again", SAMPLE, count=1)
    response = editor_client.post(IMPORT_URL, {"text": second})
    assert response.status_code == 200 and Review.objects.count() == 1
    page = response.content.decode()
    assert "Ines Farrow-Baptiste has reviewed Harbour Lights before" in page
    assert first.headline in page and 'name="second_review"' in page
    assert response.context["form"]["text"].value() == second  # the pasted text is still there

    response = editor_client.post(IMPORT_URL, {"text": second, "second_review": "Import it as a second review"})
    assert response.status_code == 302 and Review.objects.count() == 2
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("has reviewed Harbour Lights before: “A slow boat to somewhere quietly wonderful”" in m
               for m in messages)


def test_reimporting_the_same_review_is_an_update_not_a_second_review(editor_client):
    editor_client.post(IMPORT_URL, {"text": SAMPLE})
    response = editor_client.post(IMPORT_URL, {"text": SAMPLE.replace("It will test", "It may test")})
    assert response.status_code == 302 and Review.objects.count() == 1
    assert "It may test" in Review.objects.get().body


def test_another_critics_review_of_the_show_is_no_second_review(editor_client):
    editor_client.post(IMPORT_URL, {"text": SAMPLE})
    other = SAMPLE.replace("author: Ines Farrow-Baptiste", "author: Dara Quinn").replace(
        "headline: A slow boat", "headline: Another boat")
    response = editor_client.post(IMPORT_URL, {"text": other})
    assert response.status_code == 302 and Review.objects.count() == 2
