"""Pictures: safe uploads, clean stored files, and renditions made when the picture is saved.

An upload is opened by Pillow restricted to JPEG, PNG and WebP, checked for
size, proportions, pixel count and completeness, turned upright (EXIF orientation) and
re-encoded without any metadata, under a generated name. The renditions a
page, a card, a feed or a social preview needs are made at that moment, never
while a reader waits, and every crop keeps the editor's focal point in frame.
No rendition is larger than the part of the picture it shows.
"""

import hashlib
import io
import uuid
import warnings
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
NAME_SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".jpe": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MIN_SIDE = 200
MAX_SIDE = 12_000  # a 12,000 × 3,000 panorama; WebP holds at most 16,383 a side
MAX_PIXELS = 40_000_000  # 7,750 × 5,160 and the like: past any camera still we print
MAX_ASPECT = 4  # a panorama still at its widest, a poster or headshot at its tallest is far within it
FOLDER = "renditions"
PREVIEW_FOLDER = "renditions/preview"
DESIGN = "2"  # part of every rendition's name: change it when renditions are drawn differently


@dataclass(frozen=True)
class Crop:
    """A rendition family: an aspect ratio (None keeps the picture's own) at several widths."""

    name: str
    ratio: float | None
    widths: tuple[int, ...]


CROPS = {
    "full": Crop("full", None, (480, 800, 1200, 1600)),
    "card": Crop("card", 3 / 2, (400, 800)),
    "poster": Crop("poster", 2 / 3, (240, 480)),
    "square": Crop("square", 1.0, (160, 320)),
    "social": Crop("social", 1200 / 630, (1200,)),
    "feed": Crop("feed", 16 / 9, (1200,)),
}


def refuse(message: str, code: str) -> None:
    raise ValidationError(message, code=code)


def check_dimensions(width: int, height: int) -> None:
    """Refuse, from the header alone, a shape no still, poster or headshot has, or more pixels than we print:
    a narrow strip of one colour is a small file, but its renditions would cost gigabytes."""
    size = f"{width:,} × {height:,} pixels"
    if max(width, height) > MAX_ASPECT * min(width, height):
        refuse(f"This picture is {size}; a still, poster or headshot is at most {MAX_ASPECT} times as wide as it "
               "is tall, or as tall as it is wide.", "extreme_proportions")
    if min(width, height) < MIN_SIDE:
        refuse(f"The picture is {size}; it needs at least {MIN_SIDE} on each side.", "too_small")
    if max(width, height) > MAX_SIDE:
        refuse(f"The picture is {size}; a side can be at most {MAX_SIDE:,} pixels.", "too_long")
    if width * height > MAX_PIXELS:
        refuse(f"The picture claims {size}; the limit is {MAX_PIXELS // 1_000_000} million pixels.",
               "too_many_pixels")


def open_upload(upload) -> tuple[Image.Image, str]:
    """The upload as a fully loaded, upright image and its format, or a ValidationError saying what is wrong."""
    if upload.size > MAX_UPLOAD_BYTES:
        refuse(f"The file is {upload.size / 1_048_576:.1f} MB; the limit is {MAX_UPLOAD_BYTES // 1_048_576} MB.",
               "too_large")
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload, formats=list(ACCEPTED))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            refuse(f"The picture claims more pixels than the limit of {MAX_PIXELS // 1_000_000} million; "
                   "it may be a decompression bomb.", "too_many_pixels")
        except UnidentifiedImageError:
            image = None
        if image is None:
            refuse("This is not a JPEG, PNG or WebP picture (SVG, GIF, HTML and other files are refused).",
                   "not_an_image")
        check_dimensions(image.width, image.height)
        claimed = NAME_SUFFIXES.get(PurePath(upload.name or "").suffix.lower())
        if claimed != image.format:
            refuse(f"The file is a {image.format} picture but its name ({PurePath(upload.name).name}) says "
                   f"otherwise; rename it with .{ACCEPTED[image.format][0]}.", "name_mismatch")
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning):
            refuse("The picture is damaged or incomplete (was the upload cut short?).", "broken")
    return ImageOps.exif_transpose(image), image.format


def encode(image: Image.Image, pil_format: str, **options) -> bytes:
    """Re-encoded with no metadata at all: no EXIF, no GPS, no XMP, no ICC comments."""
    if pil_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    clean = Image.new(image.mode, image.size)
    clean.paste(image)  # a fresh image carries none of the source's info dictionary
    clean.save(buffer, pil_format, **options)
    return buffer.getvalue()


QUALITY = {"JPEG": {"quality": 85, "optimize": True, "progressive": True}, "PNG": {"optimize": True},
           "WEBP": {"quality": 80, "method": 4}}


def clean_upload(upload) -> ContentFile:
    """What gets stored: upright, stripped, under a generated name. The uploaded name is never used."""
    image, pil_format = open_upload(upload)
    extension = ACCEPTED[pil_format][0]
    return ContentFile(encode(image, pil_format, **QUALITY[pil_format]), name=f"{uuid.uuid4().hex}.{extension}")


def focal_box(size: tuple[int, int], ratio: float | None, focus: tuple[float, float]) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` that keeps the focal point as near its centre as the frame allows."""
    width, height = size
    if ratio is None:
        return 0, 0, width, height
    if width / height > ratio:
        box_w, box_h = round(height * ratio), height
    else:
        box_w, box_h = width, round(width / ratio)
    left = min(max(round(focus[0] * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focus[1] * height - box_h / 2), 0), height - box_h)
    return left, top, left + box_w, top + box_h


def sizes_for(crop: Crop, box: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """The crop's widths (and heights), none past the framed region's own: a small picture is never enlarged."""
    framed_w, framed_h = box[2] - box[0], box[3] - box[1]
    return [(width, round(width * framed_h / framed_w)) for width in sorted({min(w, framed_w) for w in crop.widths})]


class Source:
    """The stored picture: its header read at once, its pixels decoded only if a rendition has to be drawn."""

    def __init__(self, field_file):
        field_file.open("rb")
        self.file, self.opened = field_file, Image.open(field_file)
        self.size, self.format = self.opened.size, self.opened.format
        self.transparent = self.opened.mode in ("RGBA", "LA", "P")
        self.last = None, None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.opened.close()
        self.file.close()

    @property
    def fallback(self) -> str:
        """The original's format, except that a WebP original falls back to JPEG (or PNG, with transparency)."""
        if self.format != "WEBP":
            return self.format
        return "PNG" if self.transparent else "JPEG"

    @cached_property
    def pixels(self) -> Image.Image:
        self.opened.load()
        return self.opened.convert("RGBA" if self.transparent else "RGB")

    def framed(self, box: tuple[int, int, int, int], size: tuple[int, int]) -> Image.Image:
        """The box, scaled down to ``size`` (the last one is kept: each size is encoded in two formats)."""
        if self.last[0] != (box, size):
            same = size == (box[2] - box[0], box[3] - box[1])
            image = self.pixels.crop(box) if same else self.pixels.resize(size, Image.Resampling.LANCZOS, box=box)
            self.last = (box, size), image
        return self.last[1]


def stored(path: str, pil_format: str, draw, *, reuse: bool) -> dict:
    """The rendition at ``path``, drawn and saved; with ``reuse``, the one already there under that name."""
    if reuse and default_storage.exists(path):
        size = default_storage.size(path)
    else:
        data = encode(draw(), pil_format, **QUALITY[pil_format])
        saved = default_storage.save(path, ContentFile(data))
        if not reuse:
            path = saved
        elif saved != path:  # another preview drew it meanwhile: keep theirs
            default_storage.delete(saved)
        size = len(data)
    return {"url": default_storage.url(path), "path": path, "bytes": size, "type": ACCEPTED[pil_format][1]}


def make_renditions(field_file, focus: tuple[float, float], crops: list[str], *, preview: bool = False) -> dict:
    """Every rendition of ``crops`` in WebP and the fallback format; returns what templates and feeds need.

    A preview's renditions go to a folder of their own, named by the picture and the focal point: the next view
    of the preview finds them there and draws nothing. No row names them, so ``sweep_media`` removes them in time."""
    stem = PurePath(field_file.name).stem
    digest = hashlib.sha1(f"{DESIGN}:{field_file.name}:{focus[0]:.3f}:{focus[1]:.3f}".encode()).hexdigest()[:8]
    folder = PREVIEW_FOLDER if preview else FOLDER
    result = {"source": field_file.name, "focus": list(focus), "crops": {}}
    with Source(field_file) as source:
        for name in crops:
            box = focal_box(source.size, CROPS[name].ratio, focus)
            sizes = []
            for width, height in sizes_for(CROPS[name], box):
                draw, named = partial(source.framed, box, (width, height)), f"{folder}/{stem}-{digest}-{name}-{width}"
                files = {pil_format.lower(): stored(f"{named}.{ACCEPTED[pil_format][0]}", pil_format, draw,
                                                    reuse=preview) for pil_format in ("WEBP", source.fallback)}
                sizes.append({"width": width, "height": height, **files})
            result["crops"][name] = {"fallback": source.fallback.lower(), "sizes": sizes}
    return result


def rendition_paths(renditions: dict) -> set[str]:
    return {value["path"] for crop in (renditions or {}).get("crops", {}).values() for size in crop["sizes"]
            for value in size.values() if isinstance(value, dict)}


def delete_renditions(renditions: dict, *, keeping: dict | None = None) -> None:
    for path in rendition_paths(renditions) - rendition_paths(keeping):
        default_storage.delete(path)
