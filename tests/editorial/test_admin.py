import pytest
from django.urls import reverse

from editorial.models import Status
from shows.models import Credit, Show
from tests import factories
from tests.factories import UNTOUCHED_PARTS

ADMIN_PAGES = [
    "admin:reviews_review_changelist", "admin:reviews_review_add",
    "admin:shows_show_changelist", "admin:shows_show_add",
    "admin:people_person_changelist", "admin:people_person_add",
]


@pytest.fixture
def one_of_each(db):
    factories.DraftReviewFactory(headline="A draft")
    factories.InReviewReviewFactory(headline="Waiting for an editor")
    factories.ScheduledReviewFactory(headline="Coming on Friday")
    factories.LiveReviewFactory(headline="Out now")


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_pages_render_for_writers_and_editors(client, one_of_each, name):
    for user in (factories.writer(), factories.editor()):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 200


def test_change_list_shows_each_state_and_filters_by_it(editor_client, one_of_each):
    url = reverse("admin:reviews_review_changelist")
    page = editor_client.get(url).content.decode()
    for label in ["Draft", "In review", "Scheduled", "Live"]:
        assert f">{label}</span>" in page
    scheduled = editor_client.get(url, {"state": "scheduled"}).content.decode()
    assert "Coming on Friday" in scheduled and "Out now" not in scheduled and "A draft" not in scheduled


def test_change_list_search(editor_client, one_of_each):
    page = editor_client.get(reverse("admin:reviews_review_changelist"), {"q": "Friday"}).content.decode()
    assert "Coming on Friday" in page and "Out now" not in page


def test_dates_name_the_magazine_time_zone(editor_client, one_of_each, settings):
    page = editor_client.get(reverse("admin:reviews_review_add")).content.decode()
    assert f"magazine’s time zone, {settings.TIME_ZONE}" in page


def test_writer_sees_no_publish_action(writer_client, one_of_each):
    page = writer_client.get(reverse("admin:reviews_review_changelist")).content.decode()
    assert 'value="submit_for_review"' in page and 'value="publish"' not in page


def test_only_editors_set_the_publication_time(writer_client, one_of_each):
    page = writer_client.get(reverse("admin:reviews_review_add")).content.decode()
    assert 'name="published_at_0"' not in page


def test_who_created_and_changed_is_recorded(writer_client, writer):
    show, critic = factories.LiveShowFactory(), factories.LivePersonFactory()
    response = writer_client.post(reverse("admin:reviews_review_add"), {
        "show": show.pk, "critic": critic.pk, "headline": "Fresh from the desk", "slug": "",
        "body": "One.\nTwo.", "standfirst": "", "rating": "", "tags": "drama, “quoted”",
        "status": Status.DRAFT, "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS,
    })
    assert response.status_code == 302
    review = show.reviews.get()
    assert review.created_by == writer and review.updated_by == writer
    assert review.slug == "fresh-from-the-desk"
    assert sorted(review.tags.names()) == ["drama", "“quoted”"]


def test_view_on_site_only_for_live_items(editor_client, one_of_each):
    from reviews.models import Review

    live, draft = Review.objects.get(headline="Out now"), Review.objects.get(headline="A draft")
    live_page = editor_client.get(reverse("admin:reviews_review_change", args=[live.pk])).content.decode()
    draft_page = editor_client.get(reverse("admin:reviews_review_change", args=[draft.pk])).content.decode()
    assert "View on site" in live_page and "View on site" not in draft_page


def test_credits_are_an_ordered_inline_on_the_show(editor_client):
    show = factories.LiveShowFactory(title="Inline Show")
    kirby = factories.LivePersonFactory(name="Luke Kirby")
    gainsbourg = factories.LivePersonFactory(name="Charlotte Gainsbourg")
    prefix = "credits"
    data = {
        "title": show.title, "slug": show.slug, "kind": "series", "year": "2025", "end_year": "",
        "synopsis": "", "tags": "", "countries": "US", "distributor": "", "languages": "",
        "episodes": "8", "seasons": "", "runtime_minutes": "", "_publish": "Publish",
        "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS,
        f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-order": "2", f"{prefix}-0-person": gainsbourg.pk, f"{prefix}-0-role": "cast",
        f"{prefix}-0-character": "Geneviève Lavigne", f"{prefix}-0-note": "",
        f"{prefix}-1-order": "1", f"{prefix}-1-person": kirby.pk, f"{prefix}-1-role": "cast",
        f"{prefix}-1-character": "Jack McMillan", f"{prefix}-1-note": "",
        "loaded_version": factories.opened_version(show),
    }
    response = editor_client.post(reverse("admin:shows_show_change", args=[show.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [c.person.name for c in Credit.objects.filter(show=show)] == ["Luke Kirby", "Charlotte Gainsbourg"]
    page = editor_client.get(show.get_absolute_url()).content.decode()
    assert page.index("Luke Kirby") < page.index("Charlotte Gainsbourg")
    assert "as Geneviève Lavigne" in page


def test_autocomplete_finds_people_for_the_critic_field(editor_client):
    factories.LivePersonFactory(name="Lou de Laâge")
    response = editor_client.get(reverse("admin:autocomplete"), {
        "term": "Laâge", "app_label": "reviews", "model_name": "review", "field_name": "critic",
    })
    assert [r["text"] for r in response.json()["results"]] == ["Lou de Laâge"]


def test_end_year_before_year_is_a_form_error(editor_client):
    response = editor_client.post(reverse("admin:shows_show_add"), {
        "title": "Backwards", "slug": "", "kind": "series", "year": "2023", "end_year": "2019",
        "synopsis": "", "tags": "", "countries": "", "distributor": "", "languages": "",
        "episodes": "", "seasons": "", "runtime_minutes": "", "status": Status.DRAFT,
        "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS,
        "credits-TOTAL_FORMS": "0", "credits-INITIAL_FORMS": "0",
        "credits-MIN_NUM_FORMS": "0", "credits-MAX_NUM_FORMS": "1000",
    })
    assert response.status_code == 200
    assert "cannot come before the first" in response.content.decode()
    assert not Show.objects.filter(title="Backwards").exists()


def test_tag_box_suggests_existing_tags(editor_client):
    factories.LiveReviewFactory().tags.set(["Amazon Prime Video", "ballet"])
    page = editor_client.get(reverse("admin:reviews_review_add")).content.decode()
    assert 'list="id_tags-suggestions"' in page and "tag-autocomplete.js" in page
    assert '["Amazon Prime Video", "ballet"]' in page


def test_a_show_made_from_the_review_forms_plus_button_closes_its_popup(editor_client):
    response = editor_client.post(reverse("admin:shows_show_add") + "?_popup=1&_to_field=id", {
        "title": "Made in a popup", "slug": "", "kind": "film", "year": "2026", "end_year": "", "synopsis": "",
        "tags": "", "countries": "", "distributor": "", "languages": "", "episodes": "", "seasons": "",
        "runtime_minutes": "", "published_at_0": "", "published_at_1": "", "credits_line": "",
        **UNTOUCHED_PARTS, "credits-TOTAL_FORMS": "0", "credits-INITIAL_FORMS": "0", "credits-MIN_NUM_FORMS": "0",
        "credits-MAX_NUM_FORMS": "1000", "_popup": "1", "_to_field": "id", "_save": "Save"})
    assert response.status_code == 200
    assert "popup_response" in response.templates[0].name  # the popup closes and the review form picks the show
    assert Show.objects.get(title="Made in a popup").status == "draft"
