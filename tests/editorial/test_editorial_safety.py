"""Previews, preview links, revisions, stale saves, presence, notes, the desk and the audit log."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.models import AuditEntry, PreviewLink, Revision, Status
from reviews.models import Review
from tests import factories
from tests.factories import UNTOUCHED_PARTS


def change_url(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def admin_url(item, suffix, *args):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_{suffix}", args=[item.pk, *args])


def review_post(review, **changes):
    data = {
        "show": review.show_id, "critic": review.critic_id, "headline": review.headline, "slug": review.slug,
        "standfirst": review.standfirst, "body": review.body, "rating": "", "tags": "",
        "published_at_0": "", "published_at_1": "", "note": "", "loaded_version": review.version, **UNTOUCHED_PARTS,
    }
    if not any(key.startswith("_") for key in changes):
        data["_save_draft"] = "Save draft"
    if review.published_at:
        local = timezone.localtime(review.published_at)
        data.update(published_at_0=local.strftime("%d/%m/%Y"), published_at_1=local.strftime("%H:%M:%S"))
    return {**data, **changes}


@pytest.fixture
def draft(db):
    return factories.DraftReviewFactory(headline="Under wraps", body="A secret paragraph.")


# --- previews -----------------------------------------------------------------------------------

def test_preview_permission_matrix(client, draft):
    url = admin_url(draft, "preview")
    assert client.get(url).status_code == 302  # anonymous: to the login page
    for user in (factories.writer(), factories.editor()):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert "A secret paragraph." in page and "not public" in page
        assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(draft.get_absolute_url()).status_code == 404  # the public address stays closed


def make_link(client, item) -> str:
    client.post(admin_url(item, "preview_link"))
    link = PreviewLink.of(item).get()
    from editorial.preview import shared_url

    return shared_url(link)


def test_preview_link_opens_one_draft_to_anyone_until_expiry_or_revocation(client, editor_client, draft):
    url = make_link(editor_client, draft)
    anonymous = type(client)()
    response = anonymous.get(url)
    assert response.status_code == 200 and "A secret paragraph." in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert anonymous.get(url[:-3] + "xx/").status_code == 404  # a tampered token
    link = PreviewLink.of(draft).get()
    link.expires_at = timezone.now() - timedelta(seconds=1)
    link.save()
    assert anonymous.get(url).status_code == 404
    link.expires_at = timezone.now() + timedelta(days=1)
    link.save()
    editor_client.post(admin_url(draft, "revoke_link", link.pk))
    assert anonymous.get(url).status_code == 404
    actions = list(AuditEntry.of(draft).values_list("action", flat=True))
    assert AuditEntry.Action.PREVIEW_LINK in actions and AuditEntry.Action.REVOKE_LINK in actions


def test_a_writer_cannot_revoke_an_editors_link(client, draft):
    editor, writer = factories.editor(), factories.writer()
    client.force_login(editor)
    make_link(client, draft)
    link = PreviewLink.of(draft).get()
    client.force_login(writer)
    assert client.post(admin_url(draft, "revoke_link", link.pk)).status_code == 403
    assert PreviewLink.objects.get(pk=link.pk).is_active


def test_preview_pages_only_answer_post_for_changes(editor_client, draft):
    assert editor_client.get(admin_url(draft, "preview_link")).status_code == 404
    assert not PreviewLink.objects.exists()


# --- revisions ----------------------------------------------------------------------------------

def test_every_save_keeps_a_revision_and_two_can_be_compared(editor_client, draft):
    editor_client.post(change_url(draft), review_post(draft, body="First words here."))
    draft.refresh_from_db()
    editor_client.post(change_url(draft), review_post(draft, body="First words there."))
    revisions = list(Revision.of(draft).order_by("version"))[1:]  # after what stood before the first save
    assert [r.data["body"] for r in revisions] == ["First words here.", "First words there."]
    page = editor_client.get(admin_url(draft, "compare"), {"a": revisions[0].pk, "b": revisions[1].pk})
    html = page.content.decode()
    assert "<del>here.</del>" in html and "<ins>there.</ins>" in html
    assert editor_client.get(admin_url(draft, "compare"), {"a": "x", "b": "1"}).status_code == 302


def test_restoring_never_publishes_nor_unpublishes(editor_client, client):
    review = factories.LiveReviewFactory(body="The published words.")
    editor_client.post(change_url(review), review_post(review, _publish="Publish"))  # a revision of the live review
    review.refresh_from_db()
    editor_client.post(change_url(review), review_post(review, body="A later edit.", _publish="Publish"))
    first = Revision.of(review).order_by("version").first()
    assert first.status == Status.PUBLISHED
    response = editor_client.post(admin_url(review, "restore", first.pk), follow=True)
    review.refresh_from_db()
    assert review.body == "A later edit." and review.is_live and review.pending_changes == "draft"
    assert "restored as the working copy" in response.content.decode()
    assert "The published words." in response.content.decode()  # the form shows the working copy
    assert "A later edit." in client.get(review.get_absolute_url()).content.decode()  # the page stays up
    assert AuditEntry.of(review).filter(action=AuditEntry.Action.RESTORE).exists()
    editor_client.post(change_url(review), review_post(review, body="The published words.", _publish="Publish"))
    assert "The published words." in client.get(review.get_absolute_url()).content.decode()


def test_a_draft_restored_stays_a_draft(editor_client, draft):
    editor_client.post(change_url(draft), review_post(draft, body="Second thoughts."))  # keeps what stood first
    first = Revision.of(draft).order_by("version").first()
    editor_client.post(admin_url(draft, "restore", first.pk))
    draft.refresh_from_db()
    assert draft.body == "A secret paragraph." and draft.status == Status.DRAFT and not draft.pending_changes


def test_a_writer_restores_only_into_the_working_copy(db, client):
    review = factories.LiveReviewFactory(body="What readers read.")
    editor, writer = factories.editor(), factories.writer()
    client.force_login(editor)
    client.post(change_url(review), review_post(review, body="An editor's later words.", _publish="Publish"))
    revision = Revision.of(review).order_by("version").first()
    client.force_login(writer)
    assert client.post(admin_url(review, "restore", revision.pk)).status_code == 302
    stored = Review.objects.get(pk=review.pk)
    assert stored.is_live and stored.body == "An editor's later words." and stored.pending_changes == "draft"


# --- no silent overwrites -------------------------------------------------------------------------

def test_a_stale_save_is_refused_and_shows_what_changed(client, draft):
    first, second = factories.editor(), factories.editor()
    first.first_name = "Margot"
    first.save()
    client.force_login(second)
    client.get(change_url(draft))
    stale = review_post(draft)  # second opens the form at version 1
    client.force_login(first)
    assert client.post(change_url(draft), review_post(draft, body="Margot’s words.")).status_code == 302
    client.force_login(second)
    response = client.post(change_url(draft), {**stale, "body": "Second editor’s words."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Margot saved this review" in html and "What changed meanwhile" in html
    assert "<ins>Margot’s words.</ins>" in html
    assert Review.objects.get(pk=draft.pk).body == "Margot’s words."  # the first save survives


def test_opening_the_form_writes_nothing_and_the_first_save_keeps_what_stood(editor_client, draft):
    assert not Revision.of(draft).exists()  # made outside the services
    editor_client.get(change_url(draft))
    assert not Revision.of(draft).exists()
    editor_client.post(change_url(draft), review_post(draft, body="Later words."))
    kept = Revision.of(draft).order_by("version")
    assert [revision.data["body"] for revision in kept] == ["A secret paragraph.", "Later words."]


def test_a_save_without_its_version_is_a_conflict_never_an_overwrite(editor_client, draft):
    form = review_post(draft, body="Words from a form that names no version.")
    del form["loaded_version"]
    response = editor_client.post(change_url(draft), form)
    assert response.status_code == 200 and "does not say which version" in response.content.decode()
    assert Review.objects.get(pk=draft.pk).body == "A secret paragraph."


def test_an_admin_action_also_makes_open_forms_stale(editor_client, draft):
    stale = review_post(draft)
    editor_client.post(reverse("admin:reviews_review_changelist"),
                       {"action": "submit_for_review", "_selected_action": [draft.pk]})
    response = editor_client.post(change_url(draft), {**stale, "headline": "Overwrite"})
    assert response.status_code == 200 and Review.objects.get(pk=draft.pk).headline == "Under wraps"


def test_the_change_form_says_who_else_has_it_open(client, draft):
    editor, writer = factories.editor(), factories.writer()
    writer.first_name, writer.last_name = "Sam", "Adeyemi"
    writer.save()
    client.force_login(writer)
    client.get(change_url(draft))
    client.force_login(editor)
    assert "Also open by Sam Adeyemi" in client.get(change_url(draft)).content.decode()
    beat = client.post(admin_url(draft, "presence"))
    assert beat.json() == {"others": ["Sam Adeyemi"]}


# --- moderation notes, the queue, the calendar ------------------------------------------------------

def test_notes_travel_with_submit_and_send_back(client, draft):
    writer, editor = factories.writer(), factories.editor()
    client.force_login(writer)
    client.post(change_url(draft), review_post(draft, _submit="Submit", note="Ready, I think."))
    draft.refresh_from_db()
    client.force_login(editor)
    queue = client.get(reverse("admin:queue")).content.decode()
    assert "Under wraps" in queue and "Ready, I think." in queue
    client.post(change_url(draft), review_post(draft, _send_back="Send back", note="Cut the second half."))
    entries = list(AuditEntry.of(draft).order_by("created_at").values_list("action", "note"))
    assert entries == [("submit", "Ready, I think."), ("send_back", "Cut the second half.")]
    client.force_login(writer)
    assert "Cut the second half." in client.get(change_url(draft)).content.decode()
    assert client.get(reverse("admin:queue")).status_code == 403  # the queue is the editors'


def test_calendar_shows_the_month_and_reschedules(editor_client):
    scheduled = factories.ScheduledReviewFactory(headline="Friday’s piece")
    month = timezone.localtime(scheduled.published_at).strftime("%Y-%m")
    page = editor_client.get(reverse("admin:calendar"), {"month": month}).content.decode()
    assert "Friday’s piece" in page and 'name="when_0"' in page and 'name="when_1"' in page
    new_time = (timezone.localtime() + timedelta(days=5)).replace(second=0, microsecond=0)
    response = editor_client.post(reverse("admin:calendar"), {
        "review": scheduled.pk, "when": new_time.strftime("%Y-%m-%dT%H:%M"), "month": month}, follow=True)
    assert "scheduled for" in response.content.decode()
    assert Review.objects.get(pk=scheduled.pk).published_at == new_time
    assert AuditEntry.of(scheduled).filter(action="schedule").exists()


@pytest.mark.parametrize("month", ["2026-13", "abc", "0000-01", "9999-01"])
def test_calendar_bad_month_is_404(editor_client, month):
    assert editor_client.get(reverse("admin:calendar"), {"month": month}).status_code == 404


def test_calendar_bad_reschedule_is_a_message_not_an_error(editor_client):
    response = editor_client.post(reverse("admin:calendar"), {"review": "x", "when": "soon"}, follow=True)
    assert response.status_code == 200 and "Choose a review and a date" in response.content.decode()


def test_writers_cannot_use_the_calendar(writer_client):
    assert writer_client.get(reverse("admin:calendar")).status_code == 403


# --- safe delete, audit -----------------------------------------------------------------------------

def test_deleting_a_credited_person_is_refused_and_unpublish_offered(editor_client):
    credit = factories.CreditFactory()
    person = credit.person
    page = editor_client.get(admin_url(person, "delete")).content.decode()
    assert "cannot be deleted" in page and "Unpublish it instead" in page
    editor_client.post(admin_url(person, "delete"), {"post": "yes"})
    assert type(person).objects.filter(pk=person.pk).exists()


def test_workflow_moves_are_audited_and_editors_read_the_log(db, client):
    draft = factories.DraftReviewFactory()
    editor = factories.editor()
    client.force_login(editor)
    for action in ("publish", "unpublish"):
        client.post(reverse("admin:reviews_review_changelist"), {"action": action, "_selected_action": [draft.pk]})
    log = client.get(reverse("admin:editorial_auditentry_changelist")).content.decode()
    assert re.search(r"published", log) and "unpublished" in log
    assert list(AuditEntry.of(draft).order_by("created_at").values_list("action", "created_by")) == [
        ("publish", editor.pk), ("unpublish", editor.pk)]
    client.force_login(factories.writer())
    assert client.get(reverse("admin:editorial_auditentry_changelist")).status_code == 403
