"""A scheduled change, a rendition or a listener that fails after the fact fails alone: the site keeps serving,
and editors are shown what was set aside and why."""

import json
import logging
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial import drafts, workflow
from editorial.models import Changes, Revision, SetAside
from editorial.publication import public_change
from reviews.models import Review
from tests import factories


def schedule_change(review, **changes) -> Revision:
    workflow.publish(review, by=None, at=timezone.now() + timedelta(hours=1),
                     data={**drafts.content_of(review), **changes})
    return Revision.of(review).get(go_live_at__isnull=False)


def make_due(revision: Revision) -> None:
    Revision.objects.filter(pk=revision.pk).update(go_live_at=timezone.now() - timedelta(seconds=1))
    cache.clear()  # the next due time is remembered for a minute


def set_aside_lines(caplog) -> list[dict]:
    return [json.loads(record.getMessage().removeprefix("set aside "))
            for record in caplog.records if record.name == "editorial.set_aside"]


@pytest.mark.django_db
def test_a_scheduled_change_whose_slug_was_taken_since_is_set_aside_and_the_site_keeps_serving(
        editor_client, caplog):
    client = Client()
    review = factories.LiveReviewFactory(headline="The live headline", slug="the-live-address")
    revision = schedule_change(review, headline="The changed headline", slug="the-new-address")
    other = factories.DraftReviewFactory()
    Review.objects.filter(pk=other.pk).update(slug="the-new-address")  # a clash by any route the form does not see
    make_due(revision)
    with caplog.at_level(logging.ERROR, logger="editorial.set_aside"):
        for path in ("/", review.get_absolute_url(), reverse("admin:login")):
            assert client.get(path).status_code == 200, path
    assert "The live headline" in client.get(review.get_absolute_url()).content.decode()
    aside = SetAside.objects.get()
    assert aside.item == review and aside.step == "scheduled_change" and aside.revision_id == revision.pk
    assert "the-new-address" in aside.error and aside.resolved_at is None
    assert Revision.objects.get(pk=revision.pk).go_live_at is None  # not retried on every request
    assert Review.objects.get(pk=review.pk).pending_changes == Changes.DRAFT  # the working copy stays
    client.get("/")
    assert SetAside.objects.get().attempts == 1
    [line] = set_aside_lines(caplog)
    assert line["item"] == f"reviews.review:{review.pk}" and line["step"] == "scheduled_change"
    assert "the-new-address" in line["error"]
    desk = editor_client.get(reverse("admin:index")).content.decode()
    assert "Could not go live" in desk and "The live headline" in desk and "the-new-address" in desk
    form = editor_client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    assert "could not go live" in form and "the-new-address" in form


@pytest.mark.django_db
def test_a_scheduled_change_to_a_review_whose_show_was_unpublished_since_is_set_aside(client, editor):
    review = factories.LiveReviewFactory(headline="Still up")
    revision = schedule_change(review, headline="Never up")
    workflow.unpublish(review.show, by=editor)
    make_due(revision)
    assert client.get("/").status_code == 200
    aside = SetAside.objects.get()
    assert aside.step == "scheduled_change" and f"“{review.show.title}”" in aside.error
    assert Review.objects.get(pk=review.pk).headline == "Still up"


@pytest.mark.django_db
def test_publishing_again_answers_what_was_set_aside(client, editor):
    review = factories.LiveReviewFactory(slug="kept-address")
    revision = schedule_change(review, headline="Second try", slug="wanted-address")
    other = factories.DraftReviewFactory()
    Review.objects.filter(pk=other.pk).update(slug="wanted-address")
    make_due(revision)
    client.get("/")
    data = {**drafts.content_of(Review.objects.get(pk=review.pk)), "slug": "another-address"}
    workflow.publish(Review.objects.get(pk=review.pk), by=editor, data=data)
    assert SetAside.objects.get().resolved_at is not None
    assert Review.objects.get(pk=review.pk).headline == "Second try"


@pytest.mark.django_db
def test_a_slug_held_by_a_working_copy_is_neither_given_nor_accepted_to_another_item():
    review = factories.LiveReviewFactory(slug="old-address")
    workflow.save_draft(review, by=None, data={**drafts.content_of(review), "slug": "promised-address"})
    draft = factories.DraftReviewFactory()
    draft.slug = "promised-address"
    with pytest.raises(ValidationError) as refused:
        draft.full_clean()  # what the admin's form calls
    assert "unpublished changes" in refused.value.message_dict["slug"][0]
    assert factories.DraftReviewFactory(headline="Promised address").slug == "promised-address-2"


@pytest.mark.django_db
def test_a_rendition_that_fails_after_a_publish_leaves_readers_the_new_page(client, page_cache_on, settings):
    review = factories.LiveReviewFactory(headline="Before the fix")
    broken = settings.MEDIA_ROOT / "pictures" / "broken.jpg"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"\xff\xd8\xff not a picture after all")
    Review.objects.filter(pk=review.pk).update(image="pictures/broken.jpg", image_alt="A still")
    assert "Before the fix" in client.get(review.get_absolute_url()).content.decode()
    with factories.committing():
        workflow.publish(Review.objects.get(pk=review.pk), by=factories.editor(),
                         data={**drafts.content_of(review), "headline": "After the fix",
                               "image": "pictures/broken.jpg", "image_alt": "A still"})
    assert "After the fix" in client.get(review.get_absolute_url(), follow=True).content.decode()
    aside = SetAside.objects.get()
    assert aside.step == "derived" and aside.item == review


@pytest.mark.django_db
def test_a_listener_that_fails_keeps_no_other_listener_from_the_news(client, page_cache_on):
    review = factories.LiveReviewFactory(headline="First word")
    client.get("/")

    heard = []

    def broken_listener(**kwargs):
        raise RuntimeError("the listener fell over")

    public_change.connect(broken_listener, dispatch_uid="test.broken")
    public_change.connect(lambda **kwargs: heard.append(kwargs["items"]), dispatch_uid="test.after", weak=False)
    try:
        with factories.committing():
            workflow.publish(review, by=None, data={**drafts.content_of(review), "headline": "Last word"})
    finally:
        public_change.disconnect(dispatch_uid="test.broken")
        public_change.disconnect(dispatch_uid="test.after")
    assert heard == [[review]]  # the listener after the broken one heard of the publish
    assert "Last word" in client.get("/").content.decode()
    assert SetAside.objects.get().step == "public_change"


@pytest.mark.django_db
def test_an_editor_tries_a_failed_rendition_again_once_the_picture_is_fixed(editor_client, settings):
    review = factories.LiveReviewFactory()
    picture = settings.MEDIA_ROOT / "pictures" / "later.jpg"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(b"not yet a picture")
    Review.objects.filter(pk=review.pk).update(image="pictures/later.jpg", image_alt="A still")
    with factories.committing():
        workflow.publish(Review.objects.get(pk=review.pk), by=None)
    aside = SetAside.objects.get(step="derived")
    from PIL import Image

    Image.new("RGB", (640, 400), "teal").save(picture, "JPEG")
    changelist = reverse("admin:editorial_setaside_changelist")
    response = editor_client.post(changelist, {"action": "try_again", "_selected_action": [aside.pk]}, follow=True)
    assert "1 of 1 went through" in response.content.decode()
    assert SetAside.objects.get(pk=aside.pk).resolved_at is not None
    assert Review.objects.get(pk=review.pk).image_renditions


@pytest.mark.django_db
def test_a_scheduled_change_of_an_item_deleted_since_is_no_longer_due(client, page_cache_on):
    review = factories.LiveReviewFactory()
    revision = schedule_change(review, headline="Gone before its time")
    factories.LiveReviewFactory(headline="Still here")
    Review.objects.filter(pk=review.pk).delete()
    make_due(revision)
    assert client.get("/").status_code == 200
    assert Revision.objects.get(pk=revision.pk).go_live_at is None
    assert client.get("/")["X-Page-Cache"] == "hit"  # the page was kept: nothing is due in the past any more


@pytest.mark.django_db
def test_a_preview_of_changes_whose_address_was_taken_since_says_so(editor_client):
    review = factories.LiveReviewFactory(slug="first-address")
    workflow.save_draft(review, by=None, data={**drafts.content_of(review), "slug": "second-address"})
    other = factories.DraftReviewFactory()
    Review.objects.filter(pk=other.pk).update(slug="second-address")
    response = editor_client.get(reverse("admin:reviews_review_preview", args=[review.pk]))
    assert response.status_code == 409 and "second-address" in response.content.decode()
