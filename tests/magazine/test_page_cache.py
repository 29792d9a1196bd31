"""The page cache for anonymous readers: fast, and never wrong."""

from datetime import timedelta

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from editorial import drafts, workflow
from magazine import page_cache
from tests import factories


def test_second_request_is_a_hit_and_a_publish_moves_every_page_on(client, page_cache_on, db):
    review = factories.LiveReviewFactory(headline="First edition")
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    with factories.committing():
        workflow.publish(review, by=factories.editor(), data={**drafts.content_of(review),
                                                               "headline": "Second edition"})
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss" and "Second edition" in response.content.decode()


def test_a_draft_save_leaves_the_clock_and_a_publish_moves_it_once_after_commit(page_cache_on, db):
    editor = factories.editor()
    live, draft = factories.LiveReviewFactory(), factories.DraftReviewFactory()
    start = page_cache.read_clock({})
    with factories.committing():
        workflow.save_draft(live, by=editor, data={**drafts.content_of(live), "headline": "Not yet"})
        draft.headline = "Still a draft"
        draft.save()
        workflow.save_draft(draft, by=editor, data=drafts.content_of(draft))
        workflow.submit(draft, by=editor)
    assert cache.get(page_cache.CLOCK) == start
    with factories.committing() as callbacks:
        workflow.publish(live, by=editor)
        workflow.publish(draft, by=editor)
        assert cache.get(page_cache.CLOCK) == start  # nothing moves before the commit
    assert callbacks and cache.get(page_cache.CLOCK) == start + 1  # two publishes, one transaction, one move
    stamped = cache.get_many([page_cache.STAMP.format(f"review-{item.pk}") for item in (live, draft)])
    assert set(stamped.values()) == {start + 1}


def test_publish_and_unpublish_reach_readers_at_once(client, page_cache_on, db):
    editor = factories.editor()
    draft = factories.DraftReviewFactory(headline="Fresh off the desk")
    assert "Fresh off the desk" not in client.get(reverse("feeds:latest")).content.decode()
    with factories.committing():
        workflow.publish(draft, by=editor)
    assert "Fresh off the desk" in client.get(reverse("feeds:latest")).content.decode()
    with factories.committing():
        workflow.unpublish(draft, by=editor)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Fresh off the desk" not in client.get(reverse("feeds:latest")).content.decode()


def test_editors_and_previews_never_touch_the_public_cache(client, page_cache_on, db):
    factories.LiveReviewFactory()
    client.force_login(factories.editor())
    assert "X-Page-Cache" not in client.get("/")
    assert "X-Page-Cache" not in client.get("/")
    draft = factories.DraftReviewFactory()
    preview = client.get(reverse("admin:reviews_review_preview", args=[draft.pk]))
    assert "X-Page-Cache" not in preview and "no-store" in preview["Cache-Control"]


def test_a_page_is_never_kept_past_the_next_scheduled_publication(client, page_cache_on, db):
    factories.LiveReviewFactory()
    factories.ScheduledReviewFactory(published_at=timezone.now() + timedelta(seconds=40))
    remaining = page_cache.seconds_to_next_publication(page_cache.read_clock({}))
    assert 30 < remaining <= 40
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"  # browsers always ask again


def test_search_is_kept_a_minute_and_the_admin_never(client, page_cache_on, db, monkeypatch):
    kept = []
    monkeypatch.setattr(page_cache, "store", lambda *args: kept.append(args[-1]) or True)  # the lifetime
    assert client.get("/search/?q=x")["X-Page-Cache"] == "miss"
    assert kept == [60]
    assert "X-Page-Cache" not in client.get("/admin/login/")
