"""The same parser behind the admin: the show's credits-line box and the import page."""


import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from editorial import workflow
from editorial.models import Status
from people.models import Person
from reviews.models import Review
from shows.models import Show
from tests import factories
from tests.factories import UNTOUCHED_PARTS
from tests.paths import SAMPLES

SAMPLES = SAMPLES
IMPORT_URL = reverse("admin:reviews_review_import")


def show_form(show, credits_line: str) -> dict:
    return {
        "title": show.title, "slug": show.slug, "kind": show.kind, "year": show.year, "end_year": "",
        "synopsis": "", "tags": "", "countries": "", "distributor": "", "languages": "",
        "episodes": "", "seasons": "", "runtime_minutes": "", "_save_draft": "Save draft",
        "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS, "credits_line": credits_line,
        "credits-TOTAL_FORMS": "0", "credits-INITIAL_FORMS": "0",
        "credits-MIN_NUM_FORMS": "0", "credits-MAX_NUM_FORMS": "1000",
        "loaded_version": factories.opened_version(show),
    }


@pytest.mark.django_db
def test_writer_imports_a_pasted_review_as_a_draft(writer_client, writer):
    text = (SAMPLES / "etoile.txt").read_text(encoding="utf-8")
    response = writer_client.post(IMPORT_URL, {"text": text, "title": "ÉTOILE"})
    review = Review.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:reviews_review_change", args=[review.pk])
    assert review.status == Status.DRAFT and review.created_by == writer
    assert review.show.credits.count() == 17 and review.show.status == Status.DRAFT
    page = writer_client.get(response["Location"]).content.decode()
    assert "Imported “ÉTOILE”" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "title", "field", "message"),
    [
        ("A paragraph.\n20x5 | US | CAST: A B", "X", "text", "Line 2: The credits line must start with a year"),
        ("A paragraph.\n2025 | US | CAST: A B", "", "title", "Give the show’s title"),
        ("---\nrating: 11\n---\nBody.\n2025 | US | CAST: A B", "X", "text", "Line 2: The rating runs from 0 to 5"),
        ("", "X", "text", "This field is required."),
    ],
)
def test_import_errors_sit_next_to_the_field_and_nothing_is_written(editor_client, text, title, field, message):
    response = editor_client.post(IMPORT_URL, {"text": text, "title": title})
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert (Review.objects.count(), Show.objects.count(), Person.objects.count()) == (0, 0, 0)


def test_import_page_needs_the_add_permission(client, db):
    user = factories.StaffFactory()  # staff, in no group
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 403


def test_change_list_links_to_the_import_page(writer_client):
    assert IMPORT_URL in writer_client.get(reverse("admin:reviews_review_changelist")).content.decode()


def test_credits_line_box_adds_rows(editor_client):
    show = factories.LiveShowFactory(title="Harbour Lights")
    line = ("2025 | Portugal/France | DIRECTOR: Catarina d’Almeida | WRITERS: Catarina d’Almeida & 山田 花子 | "
            "CAST: Joaquim de Sá, Leonor van der Linde (Marta Tavares) | RUNTIME: 118 mins")
    form = {**show_form(show, line), "_publish": "Publish", "with_dependencies": "on"}
    del form["_save_draft"]
    response = editor_client.post(reverse("admin:shows_show_change", args=[show.pk]), form)
    assert response.status_code == 302
    rows = [(c.role, c.person.name, c.character) for c in show.credits.select_related("person")]
    assert sorted(rows) == sorted([
        ("director", "Catarina d’Almeida", ""), ("writer", "Catarina d’Almeida", ""), ("writer", "山田 花子", ""),
        ("cast", "Joaquim de Sá", ""), ("cast", "Leonor van der Linde", "Marta Tavares"),
    ])
    assert Person.objects.live().count() == 4  # the editor published them with the show


def test_credits_line_box_reports_the_parser_error_and_saves_nothing(editor_client):
    show = factories.LiveShowFactory(title="Harbour Lights", countries="")
    response = editor_client.post(reverse("admin:shows_show_change", args=[show.pk]),
                                  {**show_form(show, "2025 | PT | CAST: A, , B"), "countries": "Portugal"})
    assert response.status_code == 200
    assert "Line 1: CAST has an empty name between commas." in response.context["adminform"].form.errors[
        "credits_line"][0]
    show.refresh_from_db()
    assert show.countries == "" and not show.credits.exists()


def test_a_writers_published_date_is_not_kept_and_the_queue_publishes_it_now(client, writer, editor):
    """A writer cannot backdate a review through the front matter: the import says so, and an editor's Publish
    from the review queue dates it when it goes live."""
    text = (SAMPLES / "harbour-lights.txt").read_text(encoding="utf-8")  # published: 2025-09-12
    client.force_login(writer)
    assert "the editor who publishes the review sets its time" in client.get(IMPORT_URL).content.decode()
    response = client.post(IMPORT_URL, {"text": text}, follow=True)
    said = " ".join(str(message) for message in response.context["messages"])
    assert "“published: 2025-09-12” was not kept: only an editor sets when a review goes live" in said
    assert "Its publication time is" not in said
    review = Review.objects.get()
    assert review.published_at is None
    workflow.submit(review, by=writer)

    for dependency in review.waiting_dependencies():  # the queue publishes the review alone
        workflow.publish(dependency, by=editor)
    client.force_login(editor)
    before = timezone.now()
    client.post(reverse("admin:queue"), {"item": f"{ContentType.objects.get_for_model(review).pk}:{review.pk}",
                                         "action": "publish", "version": Review.objects.get().version})
    review.refresh_from_db()
    assert review.status == Status.PUBLISHED and review.published_at >= before
