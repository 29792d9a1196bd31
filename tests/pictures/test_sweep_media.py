"""sweep_media lists the media no row names, spares what rows name and what is recent, and removes only that."""

import io
import os
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone

from editorial import drafts, workflow
from editorial.models import PreviewLink, Revision
from editorial.preview import shared_url
from editorial.revisions import snapshot
from pictures import kept, social_card
from pictures.renditions import rendition_paths
from reviews.models import Review
from tests import factories
from tests.pictures.test_pictures import jpeg, stored_files
from tests.pictures.test_preview_media import live_review_with_a_changed_picture, stored_picture

pytestmark = pytest.mark.django_db
DAY = 24 * 3600


def plant(name: str, content: bytes = b"stray") -> str:
    return default_storage.save(name, ContentFile(content))


def age(media_root, seconds: float, *names: str) -> None:
    """Make the files ``names`` (or all of them) look last changed ``seconds`` ago."""
    then = time.time() - seconds
    for path in [media_root / name for name in names] or stored_files(media_root):
        os.utime(path, (then, then))


def sweep(*args) -> str:
    out = io.StringIO()
    call_command("sweep_media", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def magazine(editor):
    """A live review with a picture and renditions, whose working copy names another picture; a person with one."""
    review = live_review_with_a_changed_picture(editor)
    person = factories.LivePersonFactory(image=stored_picture("teal"), image_alt="A teal portrait.")
    person.refresh_renditions()
    return review, person


def named(review, person) -> set[str]:
    data = drafts.content_of(review)
    return {review.image.name, person.image.name, data["image"], *rendition_paths(review.image_renditions),
            *rendition_paths(person.image_renditions)}


def test_it_lists_an_orphan_and_spares_what_rows_name(magazine, media_root):
    orphan = plant("renditions/gone-full-480.webp")
    lost_upload = plant("pictures/lost.jpg", jpeg())
    age(media_root, 2 * DAY)
    out = sweep()
    assert f"{orphan}  0.0 MB" in out and lost_upload in out
    assert "2 files (0.0 MB) that no row names, older than 1d; --delete removes them." in out
    assert not any(name in out for name in named(*magazine))
    assert (media_root / orphan).exists()  # listed only


def test_delete_removes_only_the_orphans(magazine, media_root):
    orphan = plant("renditions/gone-full-480.webp")
    age(media_root, 2 * DAY)
    before = set(stored_files(media_root))
    assert "Removed 1 file" in sweep("--delete")
    assert before - set(stored_files(media_root)) == {media_root / orphan}
    assert all((media_root / name).exists() for name in named(*magazine))


def test_recent_files_kept_uploads_and_cards_are_spared(magazine, media_root):
    old, recent = plant("renditions/old-card-400.jpg"), plant("renditions/being-written-card-400.jpg")
    kept_upload = kept.keep(ContentFile(jpeg(), name="kept.jpg")).name
    card = plant(social_card.card_name("Frame Rate", "A title no page has any more"))
    age(media_root, 2 * DAY)
    age(media_root, 60, recent)
    age(media_root, 3 * 3600, kept_upload)
    sweep("--older-than", "1h", "--delete")
    assert not (media_root / old).exists()
    assert (media_root / recent).exists() and (media_root / kept_upload).exists() and (media_root / card).exists()
    age(media_root, DAY + 60, kept_upload)
    sweep("--older-than", "1h", "--delete")
    assert not (media_root / kept_upload).exists()  # no form can name it any more


def test_what_a_preview_drew_is_swept_once_a_day_old(client, editor, magazine, media_root):
    review, person = magazine
    link = PreviewLink.objects.create(item=review, created_by=editor, expires_at=timezone.now() + timedelta(days=1))
    before = set(stored_files(media_root))
    client.get(shared_url(link))
    drawn = set(stored_files(media_root)) - before
    assert drawn and "No file older than 1d" in sweep("--delete")  # just drawn: spared
    age(media_root, 2 * DAY)
    sweep("--delete")
    assert set(stored_files(media_root)) == before
    assert client.get(shared_url(link)).status_code == 200 and set(stored_files(media_root)) == before | drawn


def test_a_replaced_picture_stays_while_a_revision_names_it(editor, magazine, media_root):
    review, person = magazine
    first = review.image.name
    Revision.objects.create(item=review, version=1, status="published", data=snapshot(review))
    with factories.committing():
        workflow.publish(review, by=editor)
    assert Review.objects.get(pk=review.pk).image.name != first
    age(media_root, 2 * DAY)
    sweep("--delete")
    assert (media_root / first).exists()


def test_many_files_get_a_progress_bar(db, media_root):
    for number in range(120):
        plant(f"renditions/stray-{number}.webp")
    age(media_root, 2 * DAY)
    err = io.StringIO()
    call_command("sweep_media", stdout=io.StringIO(), stderr=err)
    assert "120/120" in err.getvalue()


def test_an_age_it_cannot_read_is_refused(db):
    with pytest.raises(CommandError, match="12h or 1d"):
        sweep("--older-than", "yesterday")
