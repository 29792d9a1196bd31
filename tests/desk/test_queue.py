"""The review queue answers: preview, publish and send back from the queue, through the workflow's services,
refused for writers and for anything changed since the queue was loaded."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from editorial import drafts, workflow
from editorial.models import AuditEntry, State, Status
from reviews.models import Review
from tests import factories

QUEUE = "admin:queue"


@pytest.fixture
def sam(db):
    writer = factories.writer()
    writer.first_name, writer.last_name = "Sam", "Adeyemi"
    writer.save()
    return writer


@pytest.fixture
def submitted(sam):
    review = factories.DraftReviewFactory(headline="Harbour Lights drifts", show__title="Harbour Lights",
                                          critic__name="Ines Farrow-Baptiste")
    workflow.submit(review, by=sam, note="Ready for Friday; cast names checked.")
    return review


def key(item) -> str:
    return f"{ContentType.objects.get_for_model(item).pk}:{item.pk}"


def answer(client, item, action, version=None, **extra):
    data = {"item": key(item), "action": action, "version": item.version if version is None else version, **extra}
    return client.post(reverse(QUEUE), data, follow=True)


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def test_the_queue_names_show_critic_submitter_and_note(editor_client, submitted):
    page = editor_client.get(reverse(QUEUE)).content.decode()
    for shown in ["Harbour Lights drifts", "Harbour Lights", "Ines Farrow-Baptiste", "Sam Adeyemi",
                  "Ready for Friday; cast names checked.", "Preview", ">Publish<", "Send back…"]:
        assert shown in page, shown
    assert reverse("admin:reviews_review_preview", args=[submitted.pk]) in page


def test_who_submitted_falls_back_to_the_username(editor_client):
    nameless = factories.writer()
    review = factories.DraftReviewFactory()
    workflow.submit(review, by=nameless)
    page = editor_client.get(reverse(QUEUE)).content.decode()
    assert f"by {nameless.username}" in page


def test_an_editor_publishes_from_the_queue(editor_client, editor, submitted):
    response = answer(editor_client, submitted, "publish")
    assert "“Harbour Lights drifts” was published: readers see it now." in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.state == State.LIVE
    assert AuditEntry.of(submitted).filter(action=AuditEntry.Action.PUBLISH, created_by=editor).exists()
    assert "Harbour Lights drifts" not in editor_client.get(reverse(QUEUE)).content.decode()


def test_publishing_what_is_not_ready_is_refused_with_the_reason(editor_client, submitted):
    submitted.show.status, submitted.show.published_at = Status.DRAFT, None
    submitted.show.save()
    response = answer(editor_client, submitted, "publish")  # its show is not live
    said = messages_of(response)
    assert "was not published" in said and "Harbour Lights" in said and "Open it" in said
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW


def test_an_editor_sends_back_with_a_note(editor_client, submitted):
    response = answer(editor_client, submitted, "send_back", note="Cut the second paragraph.")
    assert "sent back to the writer with your note" in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    assert AuditEntry.of(submitted).filter(action=AuditEntry.Action.SEND_BACK).get().note == "Cut the second paragraph."


def test_sending_back_needs_a_note(editor_client, submitted):
    response = answer(editor_client, submitted, "send_back", note="   ")
    assert "say what the writer should change" in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW


def test_an_item_changed_since_the_queue_loaded_is_refused(editor_client, sam, submitted):
    loaded = submitted.version
    submitted.standfirst = "A late second thought."  # the writer saves again after the editor opened the queue
    submitted.updated_by = sam
    submitted.save()
    workflow.save_draft(submitted, by=sam, data=drafts.content_of(submitted))
    submitted.refresh_from_db()
    assert submitted.version != loaded
    response = answer(editor_client, submitted, "send_back", version=loaded, note="Too late.")
    said = messages_of(response)
    assert "was changed by Sam Adeyemi" in said and "nothing was done" in said
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    assert not AuditEntry.of(submitted).filter(action=AuditEntry.Action.SEND_BACK).exists()


def test_changes_to_a_live_review_are_published_from_the_queue(editor_client, sam):
    live = factories.LiveReviewFactory(headline="Live and kicking")
    workflow.submit(live, by=sam, note="Typo.", data={**drafts.content_of(live), "standfirst": "Fixed."})
    live.refresh_from_db()
    page = editor_client.get(reverse(QUEUE)).content.decode()
    assert "changes to a published review" in page and ">Publish changes<" in page
    response = answer(editor_client, live, "publish")
    assert "The changes to “Live and kicking” were published" in messages_of(response)
    live.refresh_from_db()
    assert live.standfirst == "Fixed." and not live.pending_changes
    assert AuditEntry.of(live).first().verb == "published a change"


def test_writers_cannot_use_the_queue_nor_its_answers(writer_client, submitted):
    assert writer_client.get(reverse(QUEUE)).status_code == 403
    for action, extra in [("publish", {}), ("send_back", {"note": "No."})]:
        response = writer_client.post(reverse(QUEUE), {"item": key(submitted), "action": action,
                                                       "version": submitted.version, **extra})
        assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    assert list(AuditEntry.of(submitted).values_list("action", flat=True)) == [AuditEntry.Action.SUBMIT]


def test_the_answers_need_the_csrf_token(submitted, editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse(QUEUE), {"item": key(submitted), "action": "publish",
                                            "version": submitted.version})
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW


@pytest.mark.parametrize("data", [
    {"item": "nonsense", "action": "publish", "version": "1"},
    {"item": "999999:1", "action": "publish", "version": "1"},
    {"action": "publish"},
    {"item": "{ct}:{pk}", "action": "delete", "version": "1"},
])
def test_bad_answers_are_a_message_never_an_error(editor_client, submitted, data):
    data = {name: value.format(ct=ContentType.objects.get_for_model(Review).pk, pk=submitted.pk)
            for name, value in data.items()}
    response = editor_client.post(reverse(QUEUE), data, follow=True)
    assert response.status_code == 200
    assert "no longer in the queue" in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW


def test_a_content_type_outside_the_registry_is_refused(editor_client, editor):
    response = editor_client.post(reverse(QUEUE), {"item": f"{ContentType.objects.get_for_model(editor).pk}:"
                                                           f"{editor.pk}", "action": "publish", "version": "1"},
                                  follow=True)
    assert "no longer in the queue" in messages_of(response)


def publishes_cell(page: str, headline: str) -> str:
    """The queue's “Publishes” cell in the row of ``headline``, its tags taken out."""
    row = page.split(headline, 1)[1].split("</tr>", 1)[0]
    cell = row.split('data-label="Publishes">', 1)[1].split("</td>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", cell).split())


def test_the_queue_shows_the_time_each_item_publishes_with(editor_client, sam):
    now = timezone.now()
    dated = {"Dated last year": now - timedelta(days=400), "Planned for next month": now + timedelta(days=30),
             "Not dated": None}
    for headline, at in dated.items():
        workflow.submit(factories.DraftReviewFactory(headline=headline, published_at=at), by=sam)
    page = editor_client.get(reverse(QUEUE)).content.decode()
    assert '<th scope="col">Publishes</th>' in page
    last_year = date_format(timezone.localtime(dated["Dated last year"]), "j M Y")
    assert publishes_cell(page, "Dated last year") == f"{last_year} in the past: it goes live at once, dated then"
    next_month = date_format(timezone.localtime(dated["Planned for next month"]), "j M Y")
    assert publishes_cell(page, "Planned for next month") == f"{next_month} scheduled"
    assert publishes_cell(page, "Not dated") == "Now"


def test_changes_to_a_live_review_publish_now_and_to_a_scheduled_one_with_it(editor_client, sam):
    live = factories.LiveReviewFactory(headline="Live and kicking")
    later = factories.LiveReviewFactory(headline="Out on Friday", published_at=timezone.now() + timedelta(days=3))
    for review in (live, later):
        workflow.submit(review, by=sam, data={**drafts.content_of(review), "standfirst": "Fixed."})
    page = editor_client.get(reverse(QUEUE)).content.decode()
    assert publishes_cell(page, "Live and kicking") == "Now"
    friday = date_format(timezone.localtime(later.published_at), "j M Y")
    assert publishes_cell(page, "Out on Friday") == f"{friday} scheduled; the changes go with it"
