"""The demo's pictures look like a film magazine's: every still, poster and portrait its own picture, the same
one for the same item every time, and quick to draw."""

import hashlib
import io
import itertools
import time

import pytest
from PIL import Image, ImageChops, ImageStat

from demo import content as demo_content
from demo import posters as demo_posters
from demo import stills as demo_pictures
from editorial.slugs import slug_for as slugify

REVIEW_SLUGS = [slugify(spec["headline"]) for spec in demo_content.REVIEWS]
SHOWS = demo_content.SHOWS
CRITICS = sorted({slugify(spec["critic"]) for spec in demo_content.REVIEWS})


def thumbnail(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB").resize((48, 27))


def unlike(a: Image.Image, b: Image.Image) -> float:
    """How far apart two small thumbnails are: the mean difference of their pixels, 0–255."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


@pytest.fixture(scope="module")
def stills():
    """Drawn as load_demo draws them: each show's scene, a scene's later uses in its next palettes."""
    scenes = [demo_content.STILLS[spec["show"]] for spec in demo_content.REVIEWS]
    return [demo_pictures.still(slug, scene, scenes[:i].count(scene)) for i, (slug, scene) in
            enumerate(zip(REVIEW_SLUGS, scenes, strict=True))]


def test_every_demo_still_is_a_picture_of_its_own(stills):
    digests = {hashlib.sha256(data).hexdigest() for data, _, _ in stills}
    assert len(digests) == len(stills)
    thumbs = [thumbnail(data) for data, _, _ in stills]
    closest = min(unlike(a, b) for a, b in itertools.combinations(thumbs, 2))
    assert closest > 8, f"two stills differ by only {closest:.1f} on average"  # not one scene repeated
    assert len({alt for _, alt, _ in stills}) >= len(demo_pictures.SCENES)  # and they say what they show
    for data, alt, (x, y) in stills:
        assert Image.open(io.BytesIO(data)).size == (1600, 900)
        assert 0 < x < 1 and 0 < y < 1 and alt.endswith(".") and ".jpg" not in alt


def test_the_same_slug_draws_the_same_picture(stills):
    scene = demo_content.STILLS[demo_content.REVIEWS[3]["show"]]
    assert demo_pictures.still(REVIEW_SLUGS[3], scene, 1) == stills[3]  # the second of two coasts
    assert demo_pictures.still("one-slug") == demo_pictures.still("one-slug")
    assert demo_pictures.still("one-slug")[0] != demo_pictures.still("another-slug")[0]


def test_posters_differ_and_carry_their_title():
    posters = [demo_posters.poster(slugify(spec["title"]), spec["title"], "A film · 2025", "Directed by Someone",
                                   variant=i) for i, spec in enumerate(SHOWS[:9])]
    thumbs = [thumbnail(data) for data, _ in posters]
    assert min(unlike(a, b) for a, b in itertools.combinations(thumbs, 2)) > 8
    assert all(Image.open(io.BytesIO(data)).size == (800, 1200) for data, _ in posters)
    titles = [spec["title"] for spec in SHOWS]
    assert all(alt.startswith(f"The poster for {title}:") for (_, alt), title in zip(posters, titles, strict=False))
    titled = Image.open(io.BytesIO(demo_posters.poster("x", "A Title", "A film · 2025", "", variant=2)[0]))
    blank = Image.open(io.BytesIO(demo_posters.poster("x", "", "A film · 2025", "", variant=2)[0]))
    assert unlike(titled.convert("RGB"), blank.convert("RGB")) > 0.5  # the title is lettered on it


def test_portraits_vary_in_shape_and_backdrop():
    portraits = [demo_posters.headshot(slug) for slug in CRITICS + ["a", "b", "c", "d"]]
    thumbs = [thumbnail(data) for data, _ in portraits]
    assert min(unlike(a, b) for a, b in itertools.combinations(thumbs, 2)) > 4
    assert len({alt for _, alt in portraits}) >= 6


def test_drawing_the_demo_pictures_stays_quick():
    started = time.process_time()
    for i, slug in enumerate(REVIEW_SLUGS[:6]):
        demo_pictures.still(slug, list(demo_pictures.SCENES)[i])
        demo_posters.poster(slug, "A Title", "A film · 2025", "Directed by Someone", variant=i)
        demo_posters.headshot(slug)
    per_item = (time.process_time() - started) / 6
    assert per_item < 1.5, f"{per_item:.2f} s of CPU for a still, a poster and a portrait"
