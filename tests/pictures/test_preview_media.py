"""A preview of a changed picture draws its renditions once: later views of the preview write nothing."""

import re
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from editorial import drafts, preview, workflow
from editorial.models import PreviewLink
from pictures.renditions import PREVIEW_FOLDER, clean_upload, rendition_paths
from reviews.models import Review
from tests import factories
from tests.pictures.test_pictures import jpeg, stored_files

pytestmark = pytest.mark.django_db


def stored_picture(colour: str) -> str:
    cleaned = clean_upload(SimpleUploadedFile("still.jpg", jpeg(colour=colour)))
    return default_storage.save(f"pictures/{cleaned.name}", cleaned)


def live_review_with_a_changed_picture(editor) -> Review:
    review = factories.LiveReviewFactory(image=stored_picture("navy"), image_alt="A navy still.")
    review.refresh_renditions()
    workflow.save_draft(review, by=editor, data={**drafts.content_of(review), "image": stored_picture("red"),
                                                 "image_focus_x": 0.3})
    return Review.objects.get(pk=review.pk)


def shared_link(item, editor) -> str:
    link = PreviewLink.objects.create(item=item, created_by=editor, expires_at=timezone.now() + timedelta(days=1))
    return preview.shared_url(link)


def preview_pictures(response) -> set[str]:
    return set(re.findall(rf"/media/({PREVIEW_FOLDER}/[^\s\"',]+)", response.content.decode()))


def test_a_second_view_of_a_shared_preview_writes_nothing(client, editor, media_root):
    review = live_review_with_a_changed_picture(editor)
    live = review.image_renditions
    url = shared_link(review, editor)
    before = set(stored_files(media_root))

    first = client.get(url)
    assert first.status_code == 200
    drawn = set(stored_files(media_root)) - before
    assert drawn and all(PREVIEW_FOLDER in path.as_posix() for path in drawn)
    shown = preview_pictures(first)
    assert shown and shown <= {path.relative_to(media_root).as_posix() for path in drawn}

    again = client.get(url)
    assert again.status_code == 200 and preview_pictures(again) == shown
    assert set(stored_files(media_root)) == before | drawn  # nothing new

    stored = Review.objects.get(pk=review.pk)
    assert stored.image_renditions == live  # the live page keeps its own renditions, all there
    assert all((media_root / path).exists() for path in rendition_paths(live))


def test_a_preview_of_a_picture_the_page_already_has_draws_nothing(client, editor, media_root):
    review = factories.LiveReviewFactory(image=stored_picture("navy"), image_alt="A navy still.")
    review.refresh_renditions()
    workflow.save_draft(review, by=editor, data={**drafts.content_of(review), "headline": "A new headline"})
    before = set(stored_files(media_root))
    assert client.get(shared_link(review, editor)).status_code == 200
    assert set(stored_files(media_root)) == before


def test_publishing_after_a_preview_draws_live_renditions_and_leaves_the_preview_ones_to_the_sweep(
        client, editor, media_root):
    review = live_review_with_a_changed_picture(editor)
    old = rendition_paths(review.image_renditions)
    client.get(shared_link(review, editor))
    with factories.committing():
        workflow.publish(review, by=editor)
    published = Review.objects.get(pk=review.pk).image_renditions
    assert not any(path.startswith(PREVIEW_FOLDER) for path in rendition_paths(published))
    assert all((media_root / path).exists() for path in rendition_paths(published))
    assert not any((media_root / path).exists() for path in old)
