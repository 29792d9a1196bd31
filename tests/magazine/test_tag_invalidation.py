"""A tag only moves the page cache's clock on when readers can see it: a live item carries it. (And a draft save moves
nothing, whatever rolled back before it.)"""

import contextlib

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from taggit.models import Tag

from editorial import drafts, workflow
from magazine import page_cache
from tests import factories
from tests.form_posts import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(settings):
    """The page cache's clock, which every public change moves on."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    page_cache.read_clock({})
    yield lambda: cache.get(page_cache.CLOCK)
    cache.clear()


def test_a_writer_adding_a_brand_new_tag_to_a_draft_leaves_every_page_kept(writer_client, clock):
    draft = factories.DraftReviewFactory()
    before = clock()
    with factories.committing():
        added = writer_client.post(reverse("admin:taggit_tag_add"), {"name": "Slow cinema", "slug": "slow-cinema"})
        change_url = reverse("admin:reviews_review_change", args=[draft.pk])
        form = form_data(writer_client.get(change_url).content.decode(), "review_form")
        saved = writer_client.post(change_url, {**form, "tags": "Slow cinema, brand new,", "_save_draft": "Save"})
    assert added.status_code == saved.status_code == 302
    assert sorted(draft.tags.names()) == ["Slow cinema", "brand new"]
    assert clock() == before


def test_renaming_or_deleting_a_tag_only_drafts_carry_leaves_every_page_kept(editor_client, clock):
    tag = Tag.objects.create(name="Unseen", slug="unseen")
    factories.DraftReviewFactory().tags.add(tag)
    before = clock()
    with factories.committing():
        renamed = editor_client.post(reverse("admin:taggit_tag_change", args=[tag.pk]),
                                     {"name": "Still unseen", "slug": "unseen"})
        deleted = editor_client.post(reverse("admin:taggit_tag_delete", args=[tag.pk]), {"post": "yes"})
    assert renamed.status_code == deleted.status_code == 302 and not Tag.objects.exists()
    assert clock() == before


@pytest.mark.parametrize("action", ["rename", "delete"])
def test_renaming_or_deleting_a_tag_a_live_review_carries_moves_every_page_on(editor_client, clock, action):
    tag = Tag.objects.create(name="Seen", slug="seen")
    factories.LiveReviewFactory().tags.add(tag)
    before = clock()
    with factories.committing():
        if action == "rename":
            editor_client.post(reverse("admin:taggit_tag_change", args=[tag.pk]), {"name": "Seen anew", "slug": "seen"})
        else:
            editor_client.post(reverse("admin:taggit_tag_delete", args=[tag.pk]), {"post": "yes"})
    assert clock() == before + 1 == cache.get(page_cache.STAMP.format("site"))  # every page


def test_a_draft_save_after_a_rolled_back_unpublish_leaves_every_page_kept(clock):
    editor, live, draft = factories.editor(), factories.LiveReviewFactory(), factories.DraftReviewFactory()
    before = clock()
    with factories.committing():
        with contextlib.suppress(RuntimeError), transaction.atomic():
            workflow.unpublish(live, by=editor)
            raise RuntimeError("the request fails after the unpublish: it is rolled back")
        workflow.save_draft(draft, by=editor, data=drafts.content_of(draft))
    assert clock() == before
