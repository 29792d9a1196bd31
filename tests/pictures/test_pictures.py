"""Uploads that are refused, files that are clean, renditions that keep the focal point."""

import io
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from editorial import workflow
from editorial.models import Revision
from pictures.renditions import CROPS
from reviews.models import Review
from tests import factories
from tests.factories import UNTOUCHED_PARTS


@pytest.fixture
def media(media_root):
    return media_root


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def jpeg(size=(1600, 900), colour="white", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def png(size=(800, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def png_bomb() -> bytes:
    """A few hundred bytes that declare 20,000 × 20,000 pixels."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 20000, 20000, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 2501 * 4)) + chunk(
        b"IEND", b"")


def upload_review(client, review, name: str, content: bytes, **fields):
    data = {
        "show": review.show_id, "critic": review.critic_id, "headline": review.headline, "slug": review.slug,
        "standfirst": "", "body": review.body, "rating": "", "tags": "", "_publish": "Publish",
        "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS,
        "image_alt": "A dancer mid-leap.", "image": SimpleUploadedFile(name, content),
        "loaded_version": factories.opened_version(review), **fields,
    }
    with factories.committing():  # renditions are made after the commit
        return client.post(reverse("admin:reviews_review_change", args=[review.pk]), data)


BAD_FILES = {
    "svg": ("still.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "not a JPEG, PNG or WebP"),
    "html named jpg": ("still.jpg", b"<!doctype html><script>alert(1)</script>", "not a JPEG, PNG or WebP"),
    "png header then html": ("still.png", b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>",
                             "not a JPEG, PNG or WebP"),
    "truncated jpeg": ("still.jpg", jpeg()[:3000], "damaged or incomplete"),
    "decompression bomb": ("still.png", png_bomb(), "decompression bomb"),
    "png named jpg": ("still.jpg", png(), "rename it with .png"),
    "gif": ("still.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "not a JPEG, PNG or WebP"),
    "too small": ("still.jpg", jpeg((120, 80)), "at least 200"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_uploads_get_a_form_error_and_store_nothing(editor_client, media, case):
    name, content, message = BAD_FILES[case]
    review = factories.DraftReviewFactory()
    response = upload_review(editor_client, review, name, content)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["image"])
    assert stored_files(media) == [] and not Review.objects.get(pk=review.pk).image


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(editor_client, media):
    review = factories.DraftReviewFactory()
    response = upload_review(editor_client, review, "huge.jpg", b"\xff\xd8" + b"\0" * (21 * 1024 * 1024))
    assert "the limit is 20 MB" in " ".join(response.context["adminform"].form.errors["image"])
    assert stored_files(media) == []


@pytest.mark.django_db
@pytest.mark.parametrize(("alt", "message"), [("", "Describe the picture"), ("IMG_2041.JPG", "file name")])
def test_alt_text_is_required_and_never_a_file_name(editor_client, media, alt, message):
    review = factories.DraftReviewFactory()
    response = upload_review(editor_client, review, "still.jpg", jpeg(), image_alt=alt)
    assert message in " ".join(response.context["adminform"].form.errors["image_alt"])
    assert not Review.objects.get(pk=review.pk).image


def exif_jpeg() -> bytes:
    """A 1600 × 900 JPEG whose EXIF says: rotate 90° to view, taken at these GPS coordinates."""
    image = Image.new("RGB", (1600, 900), "white")
    image.paste((255, 0, 0), (0, 0, 200, 900))  # a red band on the left edge, before rotation
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


@pytest.mark.django_db
def test_served_files_are_upright_and_carry_no_metadata(editor_client, client, media):
    review = factories.LiveReviewFactory()
    response = upload_review(editor_client, review, "IMG_0001.jpg", exif_jpeg(), image_alt="A red band.")
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.image.name.startswith("pictures/") and "IMG_0001" not in review.image.name
    urls = [review.image.url] + [size[fmt]["url"] for crop in review.image_renditions["crops"].values()
                                 for size in crop["sizes"] for fmt in ("webp", "jpeg")]
    for url in urls:
        served = client.get(url)
        assert served.status_code == 200 and served["X-Content-Type-Options"] == "nosniff", url
        image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
        assert not image.getexif() and "exif" not in image.info and "xmp" not in image.info, url
    original = Image.open(review.image.path)
    assert original.size == (900, 1600)  # turned upright
    assert original.getpixel((450, 50))[0] > 200 and original.getpixel((450, 50))[1] < 60  # the band is on top


@pytest.mark.django_db
def test_renditions_cover_every_crop_in_webp_and_the_original_format(editor_client, media):
    review = factories.LiveReviewFactory()
    upload_review(editor_client, review, "still.jpg", jpeg((2000, 1200)), image_focus_x="0.9", image_focus_y="0.5")
    renditions = Review.objects.get(pk=review.pk).image_renditions
    assert set(renditions["crops"]) == set(Review.crops) == {"full", "card", "social", "feed"}
    for name, crop in renditions["crops"].items():
        assert [s["width"] for s in crop["sizes"]] == list(CROPS[name].widths), name
        for size in crop["sizes"]:
            assert size["webp"]["type"] == "image/webp" and size["jpeg"]["type"] == "image/jpeg"
            with Image.open(media / size["webp"]["path"]) as webp:
                assert webp.format == "WEBP" and webp.size == (size["width"], size["height"])
    social = renditions["crops"]["social"]["sizes"][0]
    assert (social["width"], social["height"]) == (1200, 630)


@pytest.mark.django_db
def test_every_crop_keeps_the_focal_point(editor_client, media):
    source = Image.new("RGB", (2400, 1000), "white")
    source.paste((255, 0, 0), (2100, 450, 2200, 550))  # the subject, far right
    buffer = io.BytesIO()
    source.save(buffer, "PNG")
    person = factories.LivePersonFactory()
    data = {"name": person.name, "slug": person.slug, "bio": "", "tags": "", "_publish": "Publish",
            "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS, "image_alt": "A red square.",
            "image": SimpleUploadedFile("p.png", buffer.getvalue()), "image_focus_x": "0.896", "image_focus_y": "0.5",
            "loaded_version": factories.opened_version(person)}
    with factories.committing():
        editor_client.post(reverse("admin:people_person_change", args=[person.pk]), data)
    person.refresh_from_db()
    for crop in ("square", "social"):
        largest = person.image_renditions["crops"][crop]["sizes"][-1]
        with Image.open(media / largest["png"]["path"]) as image:
            row = [image.convert("RGB").getpixel((x, image.height // 2)) for x in range(image.width)]
            assert (255, 0, 0) in row, crop  # the subject is in the frame
    person.image_focus_x = 0.05
    person.save()
    assert person.refresh_renditions()
    with Image.open(media / person.image_renditions["crops"]["square"]["sizes"][-1]["png"]["path"]) as image:
        assert (255, 0, 0) not in {image.convert("RGB").getpixel((x, image.height // 2)) for x in range(image.width)}


@pytest.mark.django_db
def test_pages_feeds_and_previews_use_the_renditions(editor_client, client, media):
    review = factories.LiveReviewFactory()
    upload_review(editor_client, review, "still.jpg", jpeg((2000, 1200)), image_caption="On stage.",
                  image_credit="Photo: A. Lens")
    review.refresh_from_db()
    page = client.get(review.get_absolute_url()).content.decode()
    full = review.picture("full")
    assert f'<source type="image/webp" srcset="{full.webp_srcset}"' in page
    assert f'width="{full.width}" height="{full.height}" alt="A dancer mid-leap."' in page
    assert "On stage." in page and "Photo: A. Lens" in page
    social = review.picture("social")
    assert f'<meta property="og:image" content="http://testserver{social.src}">' in page
    card = client.get("/reviews/").content.decode()
    assert review.picture("card").webp_srcset in card
    feed = client.get(reverse("feeds:latest")).content.decode()
    enclosure = re.search(r"<enclosure [^>]+>", feed)[0]
    assert f'url="http://testserver{review.picture("feed").src}"' in enclosure and 'type="image/jpeg"' in enclosure
    assert 'loading="lazy"' in client.get("/reviews/").content.decode()


@pytest.mark.django_db
def test_replacing_a_picture_removes_its_renditions_and_restoring_it_makes_them_again(editor_client, editor, media):
    review = factories.LiveReviewFactory()
    upload_review(editor_client, review, "one.jpg", jpeg())
    review.refresh_from_db()
    first_source, first = review.image.name, {p for p in stored_files(media) if "renditions" in p.parts}
    upload_review(editor_client, review, "two.jpg", jpeg(colour="black"))
    second = {p for p in stored_files(media) if "renditions" in p.parts}
    assert first and second and not first & second
    assert (media / first_source).exists()  # a revision names it
    older = next(r for r in Revision.of(review).order_by("version") if r.data.get("image") == first_source)
    editor_client.post(reverse("admin:reviews_review_restore", args=[review.pk, older.pk]))
    with factories.committing():
        workflow.publish(review, by=editor)
    review.refresh_from_db()
    assert review.image.name == first_source
    largest = review.picture("full").largest
    assert (media / largest["path"]).exists()


def test_media_go_to_object_storage_when_a_bucket_is_named():
    import subprocess
    import sys

    code = ("import django; django.setup(); from django.core.files.storage import storages; "
            "from django.conf import settings; s = storages['default']; "
            "print(type(s).__name__, s.bucket_name, settings.SERVE_MEDIA)")
    env = {"DJANGO_SETTINGS_MODULE": "magazine.settings", "AWS_STORAGE_BUCKET_NAME": "magazine-media",
           "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["S3Storage", "magazine-media", "False"]
