"""import_magazine reads an export as hostile input: odd ids, deep or huge JSON, text no database holds, links,
FIFOs, folders and stray files, and pictures the admin would refuse are each refused with the file (and line)
at fault, and nothing is written."""

import io
import json
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from backups.layout import sha256
from tests.backups.test_backup import magazine_is_empty, rewrite

pytestmark = pytest.mark.django_db


def refused(folder) -> str:
    with pytest.raises(CommandError) as error:
        call_command("import_magazine", str(folder), stdout=StringIO(), stderr=StringIO())
    return str(error.value)


def first_record(folder, name: str, change) -> None:
    """Rewrite the first line of a JSON Lines file (with its checksum): ``change(record)`` edits it in place."""
    def edit(text):
        first, *rest = text.splitlines()
        record = json.loads(first)
        change(record)
        return "\n".join([json.dumps(record), *rest]) + "\n"
    rewrite(folder, name, edit)


@pytest.mark.parametrize("pk", [2**63, 2**64 + 1, -1, 0, 1.0, 1.5, "7", True, None])
def test_an_id_the_database_cannot_hold_is_refused(export, media_root, pk):
    folder, _ = export
    first_record(folder, "reviews.jsonl", lambda record: record.update(id=pk))
    message = refused(folder)
    assert f"reviews.jsonl:1: “id” must be a whole number from 1 to {2**63 - 1}, not {json.dumps(pk)}." in message
    assert "Nothing was imported" in message and magazine_is_empty(media_root)


def test_json_nested_past_what_python_can_parse_is_refused(export, media_root):
    folder, _ = export
    rewrite(folder, "shows.jsonl", lambda text: "[" * 100_000 + "\n" + text)
    assert "shows.jsonl:1: the JSON is nested too deeply" in refused(folder)
    assert magazine_is_empty(media_root)


def test_json_nested_deeper_than_any_record_is_refused(export, media_root):
    folder, _ = export
    deep = json.loads("[" * 50 + "]" * 50)  # Python parses it; no record of the export is a tenth as deep
    first_record(folder, "shows.jsonl", lambda record: record["fields"].update(synopsis=deep))
    assert "shows.jsonl:1: the JSON is nested too deeply" in refused(folder)
    assert magazine_is_empty(media_root)


def test_a_deep_manifest_is_refused(export, media_root):
    folder, _ = export
    (folder / "manifest.json").write_text("[" * 100_000)
    assert "manifest.json: the JSON is nested too deeply" in refused(folder)


def test_a_huge_line_is_refused_without_reading_it_whole(export, media_root):
    folder, _ = export
    line = len((folder / "people.jsonl").read_text().splitlines()) + 1
    rewrite(folder, "people.jsonl", lambda text: text + '{"id": 99, "fields": {"bio": "' + "x" * (17 << 20) + '"}}\n')
    assert f"people.jsonl:{line}: the line is longer than 16 MB" in refused(folder)
    assert magazine_is_empty(media_root)


def test_a_lone_surrogate_no_database_can_store_is_refused_at_its_line(export, media_root):
    folder, _ = export
    first_record(folder, "people.jsonl", lambda record: record["fields"].update(name="Lou de La\ud800ge"))
    message = refused(folder)
    assert "people.jsonl:1: holds a lone surrogate (\\ud800)" in message and magazine_is_empty(media_root)


@pytest.mark.parametrize(("field", "value"), [("image", ["pictures/x.jpg"]), ("image_alt", None),
                                              ("credits", [{"person": [1], "role": "director"}]),
                                              ("credits", [{"person": 1, "role": {"a": 1}}]),
                                              ("season_rows", {"number": 1}), ("season_rows", [{"year": 2025}]),
                                              ("season_rows", [{"number": 1}, {"number": 1}]),
                                              ("season_rows", [{"number": 0}]),
                                              ("episode_rows", [{"season": 1}]),
                                              ("episode_rows", [{"season": 1, "number": 2, "air_date": "soon"}])])
def test_a_value_of_the_wrong_kind_is_refused_at_its_line(export, media_root, field, value):
    folder, _ = export
    first_record(folder, "shows.jsonl", lambda record: record["fields"].update({field: value}))
    assert refused(folder).startswith("shows.jsonl:1: ")
    assert magazine_is_empty(media_root)


def test_a_season_poster_must_be_in_the_export_and_described(export, media_root):
    folder, review = export
    missing = [{"number": 1, "image": "pictures/none.jpg", "image_alt": "A poster."}]
    first_record(folder, "shows.jsonl", lambda record: record["fields"].update({"season_rows": missing}))
    assert "media/pictures/none.jpg" in refused(folder) and magazine_is_empty(media_root)
    undescribed = [{"number": 1, "image": review.image.name}]  # a picture the export holds, without alt text
    first_record(folder, "shows.jsonl", lambda record: record["fields"].update({"season_rows": undescribed}))
    assert refused(folder).startswith("shows.jsonl:1: ") and magazine_is_empty(media_root)


def outside_copy(folder, name: str):
    """The file ``name`` moved out of the export (same bytes, so its checksum still matches)."""
    target = folder.parent / f"outside-{name.replace('/', '-')}"
    os.replace(folder / name, target)
    return target


def test_a_symbolic_link_to_a_file_is_refused(export, media_root):
    folder, review = export
    name = f"reviews/{review.slug}.txt"
    (folder / name).symlink_to(outside_copy(folder, name))
    assert f"{name}: is a symbolic link; an export holds plain files and folders only." in refused(folder)
    assert magazine_is_empty(media_root)


def test_a_symbolic_link_to_a_folder_is_refused(export, media_root):
    folder, _ = export
    (folder / "media").symlink_to(outside_copy(folder, "media"))
    assert "media: is a symbolic link" in refused(folder)
    assert magazine_is_empty(media_root)


def test_a_fifo_is_refused_without_opening_it(export, media_root):
    folder, _ = export
    (folder / "tags.jsonl").unlink()
    os.mkfifo(folder / "tags.jsonl")  # opened for reading, it would wait for a writer for ever
    assert "tags.jsonl: is a FIFO (named pipe); an export holds plain files and folders only." in refused(folder)
    assert magazine_is_empty(media_root)


def test_a_folder_where_a_file_should_be_is_refused(export, media_root):
    folder, review = export
    name = f"reviews/{review.slug}.txt"
    (folder / name).unlink()
    (folder / name).mkdir()
    assert f"{name}: is a folder where manifest.json lists a file." in refused(folder)
    assert magazine_is_empty(media_root)


@pytest.mark.parametrize("name", ["notes.txt", "media/pictures/extra.jpg", "reviews/.DS_Store"])
def test_a_file_the_manifest_does_not_list_is_refused(export, media_root, name):
    folder, _ = export
    (folder / name).write_bytes(b"kept by hand")
    assert f"{name}: is not listed in manifest.json" in refused(folder)
    assert magazine_is_empty(media_root)


def plant_picture(folder, review, size) -> str:
    name = f"media/{review.image.name}"
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "JPEG")
    (folder / name).write_bytes(buffer.getvalue())
    manifest = json.loads((folder / "manifest.json").read_text())
    for entry in manifest["files"]:
        if entry["path"] == name:
            entry["sha256"] = sha256(folder / name)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return name


def test_a_picture_the_admin_would_refuse_is_refused(export, media_root):
    folder, review = export
    name = plant_picture(folder, review, (150, 150))
    message = refused(folder)
    assert f"{name}: The picture is 150 × 150 pixels; it needs at least 200 on each side." in message
    assert "(The picture of reviews.jsonl:1.)" in message and magazine_is_empty(media_root)


def test_a_strip_whose_renditions_would_fail_after_the_commit_is_refused_before_it(export, media_root):
    """200 × 7,000 pixels: WebP holds at most 16,383 a side, so its renditions would fail once the rows were in;
    the admin's upload checks refuse its proportions, and so does the import."""
    folder, review = export
    name = plant_picture(folder, review, (200, 7000))
    message = refused(folder)
    assert message.startswith(f"{name}: This picture is 200 × 7,000 pixels;")
    assert "(The picture of reviews.jsonl:1.)" in message and magazine_is_empty(media_root)
