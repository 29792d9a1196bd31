"""Pictures: safe uploads, clean stored files, and renditions made when the picture is saved.

An upload is opened by Pillow restricted to JPEG, PNG and WebP, checked for
size, pixel count and completeness, turned upright (EXIF orientation) and
re-encoded without any metadata, under a generated name. The renditions a
page, a card, a feed or a social preview needs are made at that moment, never
while a reader waits, and every crop keeps the editor's focal point in frame.
"""

import hashlib
import io
import uuid
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
NAME_SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".jpe": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000  # 8,660 × 5,773 and the like: far past any camera still we print
MIN_SIDE = 200


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
        if image.width * image.height > MAX_PIXELS:
            refuse(f"The picture claims {image.width} × {image.height} pixels; the limit is "
                   f"{MAX_PIXELS // 1_000_000} million pixels.", "too_many_pixels")
        claimed = NAME_SUFFIXES.get(PurePath(upload.name or "").suffix.lower())
        if claimed != image.format:
            refuse(f"The file is a {image.format} picture but its name ({PurePath(upload.name).name}) says "
                   f"otherwise; rename it with .{ACCEPTED[image.format][0]}.", "name_mismatch")
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning):
            refuse("The picture is damaged or incomplete (was the upload cut short?).", "broken")
    if min(image.size) < MIN_SIDE:
        refuse(f"The picture is {image.width} × {image.height} pixels; it needs at least {MIN_SIDE} on each side.",
               "too_small")
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


def focal_crop(image: Image.Image, ratio: float | None, focus: tuple[float, float]) -> Image.Image:
    """The largest box of ``ratio`` that keeps the focal point as near its centre as the frame allows."""
    if ratio is None:
        return image
    width, height = image.size
    if width / height > ratio:
        box_w, box_h = round(height * ratio), height
    else:
        box_w, box_h = width, round(width / ratio)
    left = min(max(round(focus[0] * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focus[1] * height - box_h / 2), 0), height - box_h)
    return image.crop((left, top, left + box_w, top + box_h))


def fallback_format(source_format: str, image: Image.Image) -> str:
    """The original's format, except that a WebP original falls back to JPEG (or PNG, with transparency)."""
    if source_format != "WEBP":
        return source_format
    return "PNG" if image.mode in ("RGBA", "LA", "P") else "JPEG"


def make_renditions(field_file, focus: tuple[float, float], crops: list[str]) -> dict:
    """Every rendition of ``crops`` in WebP and the fallback format; returns what templates and feeds need."""
    field_file.open("rb")
    with Image.open(field_file) as source:
        source.load()
        source_format = source.format
        image = source.convert("RGBA" if source.mode in ("RGBA", "LA", "P") else "RGB")
    field_file.close()
    stem = PurePath(field_file.name).stem
    digest = hashlib.sha1(f"{field_file.name}:{focus[0]:.3f}:{focus[1]:.3f}".encode()).hexdigest()[:8]
    fallback = fallback_format(source_format, image)
    result = {"source": field_file.name, "focus": list(focus), "crops": {}}
    for name in crops:
        crop = CROPS[name]
        framed = focal_crop(image, crop.ratio, focus)
        sizes = []
        for width in crop.widths:
            if width > framed.width and sizes:
                break  # never upscale past the first size
            height = round(width * framed.height / framed.width)
            resized = framed.resize((width, height), Image.Resampling.LANCZOS) if width != framed.width else framed
            files = {}
            for pil_format in ("WEBP", fallback):
                extension, mime = ACCEPTED[pil_format]
                data = encode(resized, pil_format, **QUALITY[pil_format])
                path = default_storage.save(f"renditions/{stem}-{digest}-{name}-{width}.{extension}", ContentFile(data))
                files[pil_format.lower()] = {"url": default_storage.url(path), "path": path, "bytes": len(data),
                                             "type": mime}
            sizes.append({"width": width, "height": height, **files})
        result["crops"][name] = {"fallback": fallback.lower(), "sizes": sizes}
    return result


def delete_renditions(renditions: dict) -> None:
    for crop in (renditions or {}).get("crops", {}).values():
        for size in crop["sizes"]:
            for value in size.values():
                if isinstance(value, dict):
                    default_storage.delete(value["path"])
