"""The 1200×630 card a link preview shows for a page without a picture of its own: the magazine's name and
the page's title, lettered in the site's typefaces.

A card is made the first time a page asks for it and kept in the media storage under a name taken from
what it shows, so each title is drawn once; the name changes with the text (or the drawing's ``DESIGN``),
so the file can be cached for a year.
"""

import hashlib
import io
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from pictures.lettering import Face, legible

SIZE = WIDTH, HEIGHT = 1200, 630
DESIGN = "3"  # change it to draw every card again under new names
FOLDER = "cards"
INK, PAPER, RED, MUTED = (27, 26, 23), (251, 248, 242), (155, 28, 28), (190, 182, 168)
MARGIN = 80
TITLE_SIZES = (92, 80, 68, 58, 50)  # the largest that sets the title in three lines
TAGLINE = "Film and television, reviewed."

log = logging.getLogger(__name__)
_known: set[str] = set()  # names this process has seen in the storage: no need to ask it again


def card_name(magazine: str, title: str) -> str:
    digest = hashlib.sha256("\x1f".join((DESIGN, magazine, title)).encode()).hexdigest()[:24]
    return f"{FOLDER}/{digest}.png"


def card_url(magazine: str, title: str) -> str | None:
    """The card's URL in the media storage, drawing it first if it is not there yet (None if it cannot be stored)."""
    name = card_name(magazine, title)
    if where(name) not in _known:
        try:
            if not default_storage.exists(name):
                saved = default_storage.save(name, ContentFile(draw(magazine, title)))
                if saved != name:  # another request drew it meanwhile: keep theirs
                    default_storage.delete(saved)
        except OSError:
            log.exception("Could not store the link-preview card %s", name)
            return None
        _known.add(where(name))
    return default_storage.url(name)


def where(name: str) -> str:
    """The file's full path where the storage is local (a test's own media folder is asked again), else its name."""
    try:
        return default_storage.path(name)
    except NotImplementedError:
        return name


def title_lines(title: str) -> tuple[Face, list[str]]:
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        face = Face("playfair-display", "700", size)
        lines = face.wrap(title, width)
        if len(lines) <= 3 and all(face.width(line) <= width for line in lines):
            return face, lines
    lines = face.wrap(title, width)
    if len(lines) > 3:
        lines = [*lines[:2], lines[2] + "…"]
    while face.width(lines[-1]) > width and len(lines[-1]) > 2:
        lines[-1] = lines[-1][:-2] + "…"
    return face, lines[:3]


def draw(magazine: str, title: str) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", SIZE, INK)
    beam = Image.radial_gradient("L").point(lambda v: max(0, 150 - v)).resize((1400, 1100))  # a projector's glow
    glow = Image.new("L", SIZE, 0)
    glow.paste(beam, (WIDTH - 700, -600))
    image = Image.composite(Image.new("RGB", SIZE, (120, 70, 40)), image, glow)
    canvas = ImageDraw.Draw(image)
    for x in range(0, WIDTH, 44):  # a strip of film along the top and the bottom
        canvas.rounded_rectangle((x + 12, 14, x + 32, 30), radius=3, fill=(58, 55, 50))
        canvas.rounded_rectangle((x + 12, HEIGHT - 30, x + 32, HEIGHT - 14), radius=3, fill=(58, 55, 50))
    wordmark = Face("playfair-display", "700", 46)
    wordmark.draw(canvas, (MARGIN, 124), magazine, PAPER)
    canvas.rectangle((MARGIN, 148, MARGIN + 96, 154), fill=RED)
    face, lines = title_lines(legible(title) if title != magazine and legible(title) else TAGLINE)
    leading = round(face.size * 1.12)
    baseline = HEIGHT - 128 - leading * (len(lines) - 1)
    for line in lines:
        face.draw(canvas, (MARGIN, baseline), line, PAPER)
        baseline += leading
    if title != magazine:
        Face("source-serif-4", "400", 26, "italic").draw(canvas, (MARGIN, HEIGHT - 66), TAGLINE, MUTED)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
