"""import_magazine writes all of an export or none of it, and what items derive after the commit (renditions,
mentions) is reported when it fails and made by running the same import again."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from editorial import registry
from editorial.models import Revision
from editorial.slugs import OldSlug
from reviews.models import Review
from shows.models import Credit
from tests import factories
from tests.backups.test_backup import magazine_is_empty

pytestmark = pytest.mark.django_db


def run(folder) -> str:
    out = StringIO()
    with factories.committing():
        call_command("import_magazine", str(folder), stdout=out, stderr=StringIO())
    return out.getvalue()


def rows() -> list[int]:
    return [model.objects.count() for model in (*registry.models(), Credit, Revision, OldSlug)]


def test_a_rendition_that_fails_after_the_commit_is_reported_and_a_rerun_makes_it(export, media_root):
    """The media store cannot take renditions (a file stands where their folder goes, as a full or broken disk
    would refuse them): the rows are in, the failure names the item, and once it is put right a rerun finishes."""
    folder, review = export
    (media_root / "renditions").write_text("not a folder")
    out = StringIO()
    with pytest.raises(CommandError) as unfinished, factories.committing():
        call_command("import_magazine", str(folder), stdout=out, stderr=StringIO())
    said = str(unfinished.value)
    assert "Imported 2 people, 1 shows, 1 reviews" in out.getvalue()
    assert "Everything in the export is in the database, but what 1 of its items derive could not be made" in said
    assert f"reviews.jsonl:1 (review {review.pk} “{review.headline}”): renditions and mentions: " in said
    assert "FileExistsError" in said and "run the same command again" in said
    assert Review.objects.get().image_renditions == {}
    imported = rows()

    (media_root / "renditions").unlink()
    again = run(folder)
    assert "The database already holds this export (2 people, 1 shows, 1 reviews" in again
    assert "nothing was written again" in again
    assert rows() == imported
    renditions = Review.objects.get().image_renditions
    assert renditions["source"] == review.image.name and (media_root / renditions["crops"]["full"]["sizes"][0]
                                                          ["webp"]["path"]).is_file()


def test_a_rerun_after_a_whole_import_writes_nothing(export):
    folder, _ = export
    run(folder)
    imported = rows()
    assert "nothing was written again" in run(folder)
    assert rows() == imported


def test_a_media_store_that_refuses_a_picture_leaves_everything_as_it_was(export, media_root):
    folder, review = export
    (media_root / "pictures").write_text("not a folder")
    with pytest.raises(CommandError) as refused:
        run(folder)
    said = str(refused.value)
    assert said.startswith(f"media/{review.image.name}: the media store could not take it: ")
    assert "Nothing was imported: the database and the media store are as they were." in said
    (media_root / "pictures").unlink()
    assert magazine_is_empty(media_root)
