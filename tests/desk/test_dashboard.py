"""The dashboard at /admin/: each person's work (drafts, what was sent back with the note), an editor's desk
(waiting, going live this week, live with changes, published this week), every registered content type, and a
number of queries that does not grow with the magazine."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editorial import drafts, workflow
from tests import factories
from tests.featureapp.models import Feature


def panel(page: str, key: str) -> str:
    """The HTML of one panel of the dashboard."""
    start = page.index(f'class="panel panel-{key}"')
    return page[start:page.index("</section>", start)]


def count_of(section: str) -> int:
    return int(section.split('<span class="count">', 1)[1].split("<", 1)[0])


@pytest.fixture
def desk(db):
    writer, editor = factories.writer(), factories.editor()
    editor.first_name, editor.last_name = "Margot", "Ellery"
    editor.save()
    sent_back = factories.DraftReviewFactory(headline="Static Bloom tunes in", created_by=writer, updated_by=writer)
    workflow.submit(sent_back, by=writer, note="First go.")
    workflow.send_back(sent_back, by=editor, note="Cut the plot summary.")
    own_draft = factories.DraftReviewFactory(headline="A draft of my own", created_by=writer, updated_by=writer)
    someone_elses = factories.DraftReviewFactory(headline="Somebody else's draft")
    waiting = factories.DraftReviewFactory(headline="Pale Horse Road waits", created_by=writer)
    workflow.submit(waiting, by=writer, note="Ready when you are.")
    feature = Feature.objects.create(headline="A feature in review", body="Text.", created_by=writer)
    workflow.submit(feature, by=writer)
    factories.ScheduledReviewFactory(headline="Goes live on Thursday")
    factories.ScheduledReviewFactory(headline="Goes live next month", published_at=timezone.now() + timedelta(days=30))
    changed = factories.LiveReviewFactory(headline="Live with a fix pending",
                                          published_at=timezone.now() - timedelta(minutes=10))
    workflow.save_draft(changed, by=writer, data={**drafts.content_of(changed), "standfirst": "Fixed."})
    factories.LiveReviewFactory(headline="Published last year", published_at=timezone.now() - timedelta(days=400))
    return {"writer": writer, "editor": editor, "sent_back": sent_back, "own_draft": own_draft,
            "someone_elses": someone_elses, "changed": changed}


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_writer_sees_what_was_sent_back_with_the_note_and_their_drafts(client, desk):
    page = dashboard(client, desk["writer"])
    sent_back = panel(page, "sent-back")
    assert "Static Bloom tunes in" in sent_back and "Cut the plot summary." in sent_back
    assert "Margot Ellery" in sent_back and count_of(sent_back) == 1
    drafts = panel(page, "drafts")
    assert "A draft of my own" in drafts and "Live with a fix pending" in drafts
    assert "Static Bloom tunes in" not in drafts and "Somebody else" not in drafts
    assert count_of(drafts) == 2
    submitted = panel(page, "submitted")
    assert "Pale Horse Road waits" in submitted and "A feature in review" in submitted
    for editors_only in ["panel-waiting", "panel-soon", "panel-changed", "panel-lately", "Review queue"]:
        assert editors_only not in page
    assert reverse("admin:reviews_review_preview", args=[desk["own_draft"].pk]) in drafts


def test_an_editor_sees_the_desk(client, desk):
    desk["editor"].user_permissions.add(Permission.objects.get(codename="publish_feature"))
    page = dashboard(client, desk["editor"])
    waiting = panel(page, "waiting")
    assert "Pale Horse Road waits" in waiting and "Ready when you are." in waiting
    assert "A feature in review" in waiting  # every registered content type, not only reviews
    assert count_of(waiting) == 2 and reverse("admin:queue") in waiting
    soon = panel(page, "soon")
    assert "Goes live on Thursday" in soon and "next month" not in soon and count_of(soon) == 1
    changed = panel(page, "changed")
    assert "Live with a fix pending" in changed and count_of(changed) == 1
    lately = panel(page, "lately")
    assert "Live with a fix pending" in lately and "Published last year" not in lately
    assert reverse("admin:reviews_review_preview", args=[desk["changed"].pk]) in changed


def test_the_dashboard_asks_the_same_number_of_queries_however_big_the_magazine(client, desk):
    client.force_login(desk["editor"])
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("admin:index")).status_code == 200
        return len(captured)

    before = queries()
    writer = desk["writer"]
    for n in range(8):
        draft = factories.DraftReviewFactory(headline=f"More work {n}", created_by=desk["editor"])
        workflow.submit(draft, by=writer, note=f"Note {n}")
        factories.ScheduledReviewFactory(headline=f"Soon {n}")
        live = factories.LiveReviewFactory(headline=f"Live {n}")
        workflow.save_draft(live, by=desk["editor"], data={**drafts.content_of(live), "standfirst": "New."})
        Feature.objects.create(headline=f"Feature {n}", body="Text.", created_by=desk["editor"])
    assert queries() == before
    page = client.get(reverse("admin:index")).content.decode()
    assert "Showing 6 of 9" in panel(page, "waiting")  # the features wait for someone who publishes features
