"""Pictures of shapes and sizes no still, poster or headshot has are refused; renditions never enlarge."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from pictures.renditions import CROPS, check_dimensions
from reviews.models import Review
from tests import factories
from tests.pictures.test_pictures import jpeg, stored_files, upload_review


def strip_png(size=(200, 250_000)) -> bytes:
    """A small file of one colour that declares 50 million pixels, 1,250 times as tall as it is wide."""
    buffer = io.BytesIO()
    Image.new("L", size, 128).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_strip_is_a_small_file():
    assert len(strip_png()) < 500_000


@pytest.mark.django_db
def test_a_picture_of_extreme_proportions_gets_a_form_error_and_stores_nothing(editor_client, media_root):
    review = factories.DraftReviewFactory()
    response = upload_review(editor_client, review, "strip.png", strip_png())
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"] == [
        "This picture is 200 × 250,000 pixels; a still, poster or headshot is at most 4 times as wide as it is "
        "tall, or as tall as it is wide."]
    assert stored_files(media_root) == [] and not Review.objects.get(pk=review.pk).image


@pytest.mark.parametrize(("size", "message"), [
    ((250_000, 200), "at most 4 times as wide"),
    ((801, 3_205), "at most 4 times as wide"),
    ((12_500, 3_200), "a side can be at most 12,000 pixels"),
    ((7_000, 6_000), "the limit is 40 million pixels"),
    ((150, 500), "at least 200 on each side"),
])
def test_shapes_and_sizes_past_the_limits_are_refused(size, message):
    with pytest.raises(ValidationError) as refused:
        check_dimensions(*size)
    assert message in refused.value.messages[0]


@pytest.mark.parametrize("size", [(4_000, 1_000), (1_000, 4_000), (12_000, 3_000), (6_000, 4_000), (200, 200)])
def test_panoramas_posters_and_camera_stills_pass(size):
    check_dimensions(*size)


def rendered_sizes(renditions: dict, media_root) -> list[tuple[int, int]]:
    found = []
    for crop in renditions["crops"].values():
        for size in crop["sizes"]:
            for image_format in ("webp", "jpeg"):
                with Image.open(media_root / size[image_format]["path"]) as image:
                    assert image.size == (size["width"], size["height"])
                    found.append(image.size)
    return found


@pytest.mark.django_db
def test_a_small_picture_is_never_enlarged(editor_client, media_root):
    review = factories.LiveReviewFactory()
    upload_review(editor_client, review, "small.jpg", jpeg((300, 300)))
    renditions = Review.objects.get(pk=review.pk).image_renditions
    assert set(renditions["crops"]) == set(Review.crops)
    sizes = rendered_sizes(renditions, media_root)
    assert sizes and all(width <= 300 and height <= 300 for width, height in sizes)
    assert [s["width"] for s in renditions["crops"]["full"]["sizes"]] == [300]  # one size: the picture's own
    assert renditions["crops"]["social"]["sizes"][0]["height"] == 158  # 300 wide at 1200:630, not 1200 × 630


@pytest.mark.django_db
def test_a_crop_keeps_the_widths_its_region_has_and_stops_at_its_own(editor_client, media_root):
    review = factories.LiveReviewFactory()
    upload_review(editor_client, review, "still.jpg", jpeg((1000, 700)))
    renditions = Review.objects.get(pk=review.pk).image_renditions
    assert [s["width"] for s in renditions["crops"]["full"]["sizes"]] == [480, 800, 1000]
    assert [s["width"] for s in renditions["crops"]["card"]["sizes"]] == list(CROPS["card"].widths)
    assert all(width <= 1000 and height <= 700 for width, height in rendered_sizes(renditions, media_root))
