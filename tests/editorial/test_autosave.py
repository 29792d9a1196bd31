"""Autosave: the change form posted to <id>/autosave/ goes through Save draft's service, never over a newer save,
never further than Save draft, and only for those who may change the item."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from editorial.models import AuditEntry, Changes, Revision, State
from people.models import Person
from reviews.models import Review
from shows.models import Credit
from tests import factories
from tests.form_posts import form_data

pytestmark = pytest.mark.django_db


def urls(item) -> tuple[str, str]:
    name = f"admin:{item._meta.app_label}_{item._meta.model_name}"
    return reverse(f"{name}_change", args=[item.pk]), reverse(f"{name}_autosave", args=[item.pk])


def opened(client, item) -> tuple[dict, str]:
    """The change form as the browser has it, and where its autosave goes."""
    change, autosave = urls(item)
    page = client.get(change).content.decode()
    assert f'data-autosave-url="{autosave}"' in page
    return form_data(page, f"{item._meta.model_name}_form"), autosave


def test_autosave_keeps_a_drafts_text_through_save_draft(editor_client, editor):
    review = factories.DraftReviewFactory(body="First.\nSecond.")
    data, autosave = opened(editor_client, review)
    version = review.version
    response = editor_client.post(autosave, {**data, "body": "First, rewritten.\r\n\r\nSecond.\r\n\r\nThird."})
    assert response.status_code == 200
    answer = response.json()
    review.refresh_from_db()
    assert answer["saved"] is True and answer["version"] == review.version > version
    assert answer["at"].count(":") == 1
    assert review.body == "First, rewritten.\nSecond.\nThird." and review.state == State.DRAFT
    assert Revision.of(review).filter(version=review.version, created_by=editor).exists()


def test_autosave_of_a_live_review_is_its_working_copy_and_readers_see_nothing_new(editor_client):
    review = factories.LiveReviewFactory(body="What readers see.")
    data, autosave = opened(editor_client, review)
    response = editor_client.post(autosave, {**data, "body": "A change not yet published."})
    assert response.status_code == 200 and response.json()["saved"]
    review.refresh_from_db()
    assert review.body == "What readers see." and review.pending_changes == Changes.DRAFT
    assert Revision.of(review).order_by("-version").first().data["body"] == "A change not yet published."
    assert AuditEntry.of(review).filter(action=AuditEntry.Action.SAVE_CHANGES).count() == 1


def test_nothing_changed_writes_nothing(editor_client):
    review = factories.DraftReviewFactory()
    data, autosave = opened(editor_client, review)
    revisions = Revision.of(review).count()
    answer = editor_client.post(autosave, data).json()
    assert answer["saved"] is False and answer["version"] == Review.objects.get(pk=review.pk).version
    assert Revision.of(review).count() == revisions


def test_a_stale_form_never_overwrites_a_newer_save(editor_client, writer_client):
    review = factories.DraftReviewFactory(body="Original.")
    mine, autosave = opened(editor_client, review)
    theirs, _ = opened(writer_client, review)
    assert writer_client.post(autosave, {**theirs, "body": "The writer's newer text."}).status_code == 200
    response = editor_client.post(autosave, {**mine, "body": "The editor's older copy."})
    assert response.status_code == 409
    answer = response.json()
    assert answer["conflict"] and "after you opened it" in answer["error"]
    assert Review.objects.get(pk=review.pk).body == "The writer's newer text."


def test_the_next_autosave_carries_the_version_it_was_given(editor_client):
    review = factories.DraftReviewFactory()
    data, autosave = opened(editor_client, review)
    version = editor_client.post(autosave, {**data, "body": "One."}).json()["version"]
    answer = editor_client.post(autosave, {**data, "body": "One. Two.", "loaded_version": version}).json()
    assert answer["saved"] and Review.objects.get(pk=review.pk).body == "One. Two."


def test_a_writers_autosave_never_publishes_nor_sets_the_publication_time(writer_client):
    review = factories.DraftReviewFactory()
    data, autosave = opened(writer_client, review)
    response = writer_client.post(autosave, {**data, "body": "Sneaky.", "_publish": "Publish",
                                             "published_at_0": "01/01/2026", "published_at_1": "09:00:00",
                                             "with_dependencies": "on"})
    assert response.status_code == 200
    review.refresh_from_db()
    assert review.body == "Sneaky." and review.state == State.DRAFT and review.published_at is None
    assert not AuditEntry.of(review).filter(action=AuditEntry.Action.PUBLISH).exists()


def test_an_editors_autosave_is_save_draft_whatever_button_is_posted(editor_client):
    review = factories.DraftReviewFactory()
    data, autosave = opened(editor_client, review)
    editor_client.post(autosave, {**data, "body": "Still a draft.", "_publish": "Publish", "note": "go"})
    review.refresh_from_db()
    assert review.state == State.DRAFT and review.body == "Still a draft."
    assert not AuditEntry.of(review).exclude(note="").exists()  # the note waits for a button


def test_someone_who_may_not_change_it_is_refused(client):
    review = factories.DraftReviewFactory(body="Untouched.")
    viewer = factories.StaffFactory()
    viewer.user_permissions.add(*Permission.objects.filter(codename="view_review"))
    client.force_login(viewer)
    _, autosave = urls(review)
    response = client.post(autosave, {"body": "Changed.", "loaded_version": review.version})
    assert response.status_code == 403 and response.json()["saved"] is False
    assert Review.objects.get(pk=review.pk).body == "Untouched."


def test_autosave_needs_the_csrf_token(editor):
    review = factories.DraftReviewFactory(body="Untouched.")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    data, autosave = opened(browser, review)
    without = {name: value for name, value in data.items() if name != "csrfmiddlewaretoken"}
    assert browser.post(autosave, {**without, "body": "Forged."}).status_code == 403
    assert Review.objects.get(pk=review.pk).body == "Untouched."
    assert browser.post(autosave, {**data, "body": "Mine."}).status_code == 200
    assert Review.objects.get(pk=review.pk).body == "Mine."


def test_only_a_post_and_only_an_item_that_exists(editor_client):
    review = factories.DraftReviewFactory()
    _, autosave = urls(review)
    assert editor_client.get(autosave).status_code == 405
    missing = reverse("admin:reviews_review_autosave", args=[review.pk + 1000])
    assert editor_client.post(missing, {}).status_code == 404


def test_an_incomplete_form_is_not_saved_and_says_why(editor_client):
    review = factories.DraftReviewFactory(headline="Kept headline")
    data, autosave = opened(editor_client, review)
    response = editor_client.post(autosave, {**data, "headline": ""})
    assert response.status_code == 400 and "Headline: This field is required." in response.json()["error"]
    assert Review.objects.get(pk=review.pk).headline == "Kept headline"


def test_a_draft_shows_credit_rows_are_saved_with_it_and_the_credits_line_waits_for_a_button(editor_client):
    show = factories.DraftShowFactory()
    person = factories.LivePersonFactory()
    data, autosave = opened(editor_client, show)
    data.update({"synopsis": "A new synopsis.", "credits-0-person": person.pk, "credits-0-role": "director",
                 "credits-0-order": "1", "credits_line": "2025 | US | CAST: Someone New"})
    answer = editor_client.post(autosave, data).json()
    assert answer["saved"]
    show.refresh_from_db()
    assert show.synopsis == "A new synopsis."
    assert list(Credit.objects.filter(show=show).values_list("person", "role")) == [(person.pk, "director")]
    assert not Person.objects.filter(name="Someone New").exists()  # the line is read when a button is pressed
    again = editor_client.post(autosave, {**data, "loaded_version": answer["version"], "synopsis": "Once more."})
    assert again.json()["saved"] and Credit.objects.filter(show=show).count() == 1  # the same form, the same rows


def test_a_live_shows_credit_rows_are_part_of_its_working_copy(editor_client):
    show = factories.LiveShowFactory()
    person = factories.LivePersonFactory()
    data, autosave = opened(editor_client, show)
    data.update({"credits-0-person": person.pk, "credits-0-role": "director", "credits-0-order": "1"})
    answer = editor_client.post(autosave, data).json()
    assert answer["saved"]
    assert not Credit.objects.filter(show=show).exists()  # readers still see the live show
    assert Revision.of(show).order_by("-version").first().data["credits"][0]["person"] == person.pk


def test_a_button_pressed_while_its_pages_autosave_was_on_its_way_is_not_a_conflict(editor_client):
    review = factories.DraftReviewFactory(body="Original.")
    data, autosave = opened(editor_client, review)
    change, _ = urls(review)
    page = {"autosave_page": "page-one"}
    assert editor_client.post(autosave, {**data, **page, "body": "Autosaved."}).json()["saved"]
    # The button's post left before the autosave's answer came back: it carries the version the page opened on.
    response = editor_client.post(change, {**data, **page, "body": "Autosaved, then more.", "_save_draft": "Save"})
    assert response.status_code == 302
    assert Review.objects.get(pk=review.pk).body == "Autosaved, then more."


def test_another_pages_autosave_is_still_a_conflict(editor_client):
    review = factories.DraftReviewFactory(body="Original.")
    data, autosave = opened(editor_client, review)
    change, _ = urls(review)
    editor_client.post(autosave, {**data, "autosave_page": "page-one", "body": "From the first tab."})
    response = editor_client.post(change, {**data, "autosave_page": "page-two", "body": "From an older tab.",
                                           "_save_draft": "Save"})
    assert response.status_code == 200 and response.context["adminform"].form.has_error("__all__", "stale")
    assert Review.objects.get(pk=review.pk).body == "From the first tab."


def test_an_inline_the_user_may_only_view_is_left_be_by_autosave(client):
    """A desk member who may change shows but only read their credits: the credits post nothing, autosave keeps
    the synopsis."""
    show = factories.LiveShowFactory(synopsis="What readers see.")
    factories.CreditFactory(show=show, person=factories.LivePersonFactory(), role=Credit.Role.CAST)
    member = factories.writer()
    member.groups.clear()
    member.user_permissions.set(Permission.objects.filter(codename__in=[
        "view_show", "change_show", "add_show", "view_credit", "view_person"]))
    client.force_login(member)
    data, autosave = opened(client, show)
    answer = client.post(autosave, {**data, "synopsis": "A change not yet published."}).json()
    assert answer["saved"] is True, answer
    assert Revision.of(show).order_by("-version").first().data["synopsis"] == "A change not yet published."
