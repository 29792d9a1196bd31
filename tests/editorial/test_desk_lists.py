"""The desk's lists and logs as an editor reads them: one date format on a 24-hour clock, status badges,
two-line titles with the full text kept, the right verbs in the audit log, human revisions, and presence
that lets go of someone within a minute of their leaving."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from editorial import dates, drafts, presence, workflow
from editorial.models import AuditEntry, Revision
from reviews.models import Review
from tests import factories

LONDON = ZoneInfo("Europe/London")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


# --- dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("moment", "shown"), [
    (at(2026, 11, 28, 14, 5), "today 14:05"),
    (at(2026, 11, 27, 9, 10), "yesterday 09:10"),
    (at(2026, 11, 29, 9, 0), "tomorrow 09:00"),
    (at(2026, 11, 20, 22, 13), "20 Nov 2026"),
    (at(2025, 1, 3, 8, 0), "3 Jan 2025"),
])
def test_one_date_format_relative_when_recent(moment, shown):
    assert dates.when(moment, now=at(2026, 11, 28, 18, 0)) == shown


def test_dates_are_read_in_the_magazines_time_zone():
    just_after_midnight_in_london = datetime(2026, 6, 1, 23, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 BST on 2 June
    assert dates.when(just_after_midnight_in_london, now=at(2026, 6, 2, 12, 0)) == "today 00:30"
    assert 'title="2 Jun 2026, 00:30 BST"' in dates.time_tag(just_after_midnight_in_london)


def test_djangos_own_formats_use_a_24_hour_clock():
    evening = at(2026, 11, 28, 22, 13)
    assert formats.date_format(evening, "DATETIME_FORMAT") == "28 Nov 2026, 22:13"
    assert formats.date_format(evening, "TIME_FORMAT") == "22:13"
    assert formats.date_format(evening, "SHORT_DATETIME_FORMAT") == "28/11/2026 22:13"


def test_no_admin_page_says_am_or_pm(editor_client):
    review = factories.LiveReviewFactory(published_at=timezone.now() - timedelta(hours=3))
    workflow.save_draft(review, by=None, data={**drafts.content_of(review), "standfirst": "Newer."})
    pages = [reverse("admin:reviews_review_changelist"), reverse("admin:reviews_review_change", args=[review.pk]),
             reverse("admin:editorial_auditentry_changelist"), reverse("admin:index"),
             reverse("admin:reviews_review_revisions", args=[review.pk])]
    for url in pages:
        page = editor_client.get(url).content.decode()
        assert "a.m." not in page and "p.m." not in page, url


# --- change lists ---------------------------------------------------------------------------------

def test_the_review_list_has_one_date_column_badges_and_two_line_headlines(editor_client):
    long = "A headline long enough to need three lines in a narrow column of the list, and then more"
    factories.LiveReviewFactory(headline=long)
    scheduled = factories.ScheduledReviewFactory()
    changed = factories.LiveReviewFactory()
    workflow.submit(changed, by=None, data={**drafts.content_of(changed), "standfirst": "Fixed."})
    page = editor_client.get(reverse("admin:reviews_review_changelist")).content.decode()
    assert f'<span class="clamp" title="{long}">{long}</span>' in page
    assert page.count("column-date_cell") == 1 and "column-published_at" not in page
    assert "column-updated_by" not in page
    assert ">Live with changes</span>" in page and "changes in review" in page
    assert f'datetime="{scheduled.published_at.isoformat()}"' in page and "goes live" in page
    for filter_name in ["Status", "Unpublished changes", "Show", "Featured"]:
        assert f"<summary>{filter_name}" in page


def test_the_changes_filter_finds_live_items_with_any_changes(editor_client):
    plain, changed = factories.LiveReviewFactory(headline="Nothing pending"), factories.LiveReviewFactory(
        headline="Something pending")
    workflow.save_draft(changed, by=None, data={**drafts.content_of(changed), "standfirst": "New."})
    page = editor_client.get(reverse("admin:reviews_review_changelist"), {"changes": "any"}).content.decode()
    assert "Something pending" in page and plain.headline not in page


# --- the audit log --------------------------------------------------------------------------------

def test_the_audit_log_uses_the_right_verbs(editor):
    review = factories.LiveReviewFactory()
    workflow.save_draft(review, by=editor, data={**drafts.content_of(review), "standfirst": "A fix."})
    workflow.publish(review, by=editor)
    workflow.save_draft(review, by=editor, data={**drafts.content_of(review), "standfirst": "Later."})
    workflow.publish(review, by=editor, at=timezone.now() + timedelta(days=1))
    old = Revision.of(review).order_by("version").first()
    workflow.restore(review, old, by=editor)
    scheduled = factories.DraftReviewFactory()
    workflow.publish(scheduled, by=editor, at=timezone.now() + timedelta(days=3))
    verbs = [entry.verb for entry in AuditEntry.of(review).order_by("pk")]
    assert verbs == ["saved unpublished changes", "published a change", "saved unpublished changes",
                     "scheduled a change", f"restored revision {old.version} as the working copy"]
    assert AuditEntry.of(scheduled).get().verb == "scheduled"


def test_the_audit_log_reads_well(editor_client, editor):
    editor.first_name, editor.last_name = "Margot", "Ellery"
    editor.save()
    for _ in range(6):
        workflow.publish(factories.DraftReviewFactory(), by=editor, note="A note long enough to wrap.")
    page = editor_client.get(reverse("admin:editorial_auditentry_changelist")).content.decode()
    assert "6 entries" in page and "6 audit log" not in page
    assert "Margot Ellery" in page and "published" in page
    content_types = page[page.index("<summary>Content type"):]
    content_types = content_types[:content_types.index("</details>")]
    assert "Reviews" in content_types and "Shows" in content_types and "People" in content_types
    for not_published_here in ["Session", "ermission", "Log entry", "Tag", "Revision"]:
        assert not_published_here not in content_types


# --- revisions ------------------------------------------------------------------------------------

def test_revisions_say_the_status_in_words_and_compare_times_as_dates(editor_client, editor):
    review = factories.DraftReviewFactory()
    workflow.submit(review, by=editor)
    workflow.publish(review, by=editor, at=at(2026, 12, 3, 9, 0))
    workflow.reschedule(review, by=editor, at=at(2026, 12, 5, 18, 30))
    workflow.publish(review, by=editor, at=at(2026, 12, 5, 18, 30))
    page = editor_client.get(reverse("admin:reviews_review_revisions", args=[review.pk])).content.decode()
    assert "<td>In review</td>" in page and "<td>Published</td>" in page and "in_review" not in page
    first, last = Revision.of(review).filter(status="published").order_by("version").values_list("pk", flat=True)[:2]
    older = Revision.of(review).get(pk=first)
    Revision.objects.filter(pk=last).update(data={**older.data, "published_at": at(2026, 12, 5, 18, 30).isoformat()})
    compare = editor_client.get(reverse("admin:reviews_review_compare", args=[review.pk]),
                                {"a": first, "b": last}).content.decode()
    assert "<del>3 Dec 2026, 09:00</del> <ins>5 Dec 2026, 18:30</ins>" in compare
    assert "2026-12-03T" not in compare


# --- presence -------------------------------------------------------------------------------------

@pytest.fixture
def clock(monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(presence, "clock", lambda: now[0])
    return now


def test_presence_lets_go_within_a_minute_of_the_last_beat(db, clock):
    review, sam, margot = factories.DraftReviewFactory(), factories.writer(), factories.editor()
    sam.first_name = "Sam"
    sam.save()
    presence.seen(review, sam, page="sam-1")
    assert presence.seen(review, margot) == ["Sam"]
    clock[0] += presence.BEAT_SECONDS * 2  # two beats missed: perhaps a slow network
    assert presence.seen(review, margot) == ["Sam"]
    clock[0] += 60 - presence.BEAT_SECONDS * 2  # a minute since Sam's last beat
    assert presence.seen(review, margot) == []
    assert presence.FRESH_SECONDS <= 60


def test_leaving_the_page_takes_someone_off_at_once_but_not_their_newer_page(db, clock):
    review, sam, margot = factories.DraftReviewFactory(), factories.writer(), factories.editor()
    presence.seen(review, sam, page="before-save")
    presence.seen(review, sam, page="after-save")  # a save reloads the form: the new page beats first
    presence.left(review, sam, page="before-save")  # then the old page's goodbye arrives
    assert presence.seen(review, margot) == [sam.username]
    presence.left(review, sam, page="after-save")
    assert presence.seen(review, margot) == []


def test_the_leave_beacon_is_a_post_to_the_presence_url(client, db):
    review, sam, margot = factories.DraftReviewFactory(), factories.writer(), factories.editor()
    url = reverse("admin:reviews_review_presence", args=[review.pk])
    client.force_login(sam)
    assert client.post(url, {"page": "p1"}).json() == {"others": []}
    assert client.post(url, {"page": "p1", "leave": "1"}).status_code == 204
    assert client.get(url).status_code == 404  # a beacon is a POST; nothing else changes presence
    assert presence.seen(review, margot) == []
    assert isinstance(Review.objects.get(pk=review.pk), Review)


def test_the_calendar_reschedules_with_a_date_and_a_24_hour_time(editor_client):
    scheduled = factories.ScheduledReviewFactory(headline="Moved to the evening")
    response = editor_client.post(reverse("admin:calendar"), {
        "review": scheduled.pk, "when_0": "03/12/2030", "when_1": "21:30", "month": "2030-12"}, follow=True)
    assert "“Moved to the evening” scheduled for 03 Dec 2030, 21:30." in response.content.decode()
    scheduled.refresh_from_db()
    assert timezone.localtime(scheduled.published_at) == at(2030, 12, 3, 21, 30)
    page = editor_client.get(reverse("admin:calendar"), {"month": "2030-12"}).content.decode()
    assert 'name="when_0" value="03/12/2030"' in page and 'name="when_1" value="21:30"' in page
    for bad in [{"when_0": "31/02/2030", "when_1": "21:30"}, {"when_0": "03/12/2030", "when_1": "9pm"}]:
        response = editor_client.post(reverse("admin:calendar"), {"review": scheduled.pk, "month": "2030-12", **bad},
                                      follow=True)
        assert "Choose a review and a date and time" in response.content.decode()
    scheduled.refresh_from_db()
    assert timezone.localtime(scheduled.published_at) == at(2030, 12, 3, 21, 30)
