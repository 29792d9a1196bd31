"""Posters and portraits for the demo magazine, drawn with Pillow and lettered in the site's typefaces.

A poster is one of three layouts (a scene with the title across its foot, a graphic field with the title
stacked large, a typographic bill in a ruled border), in its own palette; a portrait is a head-and-shoulders
silhouette (short hair, long hair, a bun, curls, a hat; facing front or in profile) on a background of its
own, rim-lit. Both are seeded by the item's slug.
"""

import math
import random

from PIL import Image, ImageDraw

from demo.stills import SCENES, finish, glow, gradient, jpeg, mix
from pictures.lettering import Face, legible

POSTER = (800, 1200)
CREAM, INK = (246, 240, 226), (22, 20, 18)
FIELDS = [((196, 58, 38), (250, 226, 190)), ((20, 54, 74), (244, 200, 96)), ((236, 226, 206), (30, 30, 34)),
          ((38, 28, 46), (238, 150, 120)), ((214, 172, 60), (28, 26, 24)), ((26, 70, 58), (238, 232, 214))]


def set_lines(face: Face, text: str, width: int, *, upper: bool = False) -> list[str]:
    return face.wrap(text.upper() if upper else text, width)


def fit(family: str, weight: str, text: str, width: int, sizes, max_lines: int, upper=False) -> tuple[Face, list]:
    """The largest size in ``sizes`` that sets ``text`` in ``max_lines`` lines no wider than ``width``."""
    for size in sizes:
        face = Face(family, weight, size)
        lines = set_lines(face, text, width, upper=upper)
        if len(lines) <= max_lines and all(face.width(line) <= width for line in lines):
            return face, lines
    return face, lines


def centred(draw, face: Face, lines, top: float, fill, width=POSTER[0], leading=1.05, tracking=0.0) -> float:
    """Lines centred across the poster from ``top`` (the first baseline); returns the baseline after the last."""
    y = top
    for line in lines:
        line_width = face.width(line) + tracking * max(len(line) - 1, 0)
        face.draw(draw, ((width - line_width) / 2, y), line, fill, tracking=tracking)
        y += face.size * leading
    return y


def poster_scene(rng, title, billing, credit):
    image = finish(rng.choice(list(SCENES.values()))(rng, POSTER)[0], rng)
    fade = gradient((1, POSTER[1]), [(0, (0, 0, 0)), (0.55, (0, 0, 0)), (1, (235, 235, 235))]).convert("L")
    image = Image.composite(Image.new("RGB", POSTER, (8, 8, 10)), image, fade.resize(POSTER))
    draw = ImageDraw.Draw(image)
    sizes = (120, 104, 92, 80, 68, 58, 48)
    face, lines = fit("playfair-display", "700", title, 680, sizes, 3, upper=rng.random() < 0.5)
    top = POSTER[1] - 190 - face.size * 1.02 * (len(lines) - 1)
    centred(draw, face, lines, top, CREAM, leading=1.02)
    centred(draw, Face("source-serif-4", "400", 26, "italic"), [credit], 84, CREAM)
    centred(draw, Face("source-serif-4", "700", 22), [billing.upper()], POSTER[1] - 110, (200, 192, 176),
            tracking=4)
    return image, "a photographic scene with the title across its foot"


def poster_graphic(rng, title, billing, credit):
    field, ink = rng.choice(FIELDS)
    image = Image.new("RGB", POSTER, field)
    draw = ImageDraw.Draw(image)
    shape = rng.choice(["sun", "bands", "frame"])
    if shape == "sun":
        r = rng.randint(220, 300)
        cx, cy = rng.randint(260, 540), rng.randint(380, 520)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=mix(field, ink, 0.55))
        draw.rectangle((0, cy + r * 0.25, POSTER[0], cy + r * 0.25 + 18), fill=field)
        draw.rectangle((0, cy + r * 0.55, POSTER[0], cy + r * 0.55 + 12), fill=field)
    elif shape == "bands":
        for i in range(7):
            y = 180 + i * 70
            draw.rectangle((60 + i * 24, y, POSTER[0] - 60 - i * 24, y + 34), fill=mix(field, ink, 0.2 + i * 0.1))
    else:
        for inset in (70, 110, 150):
            draw.rectangle((inset, inset + 60, POSTER[0] - inset, POSTER[1] - inset - 300), outline=ink, width=6)
    words = title.upper().split()
    face, lines = fit("playfair-display", "700", " ".join(words), 700, (150, 128, 110, 96, 82, 70, 58), 4)
    top = POSTER[1] - 120 - face.size * 0.95 * len(lines)
    for line in lines:
        face.draw(draw, (50, top + face.size * 0.8), line, ink)
        top += face.size * 0.95
    Face("source-serif-4", "700", 22).draw(draw, (54, 76), billing.upper(), ink, tracking=5)
    Face("source-serif-4", "400", 24, "italic").draw(draw, (54, POSTER[1] - 56), credit, ink)
    tone = "light" if sum(field) > 450 else "deep"
    return image, f"a graphic design, a {shape} in {tone} colours, the title stacked large"


def poster_bill(rng, title, billing, credit):
    paper, red = (240, 232, 214), rng.choice([(150, 30, 30), (30, 60, 110), (40, 40, 40)])
    image = Image.new("RGB", POSTER, paper)
    draw = ImageDraw.Draw(image)
    draw.rectangle((36, 36, POSTER[0] - 36, POSTER[1] - 36), outline=INK, width=4)
    draw.rectangle((50, 50, POSTER[0] - 50, POSTER[1] - 50), outline=INK, width=1)
    y = centred(draw, Face("source-serif-4", "700", 24), [billing.upper()], 150, red, tracking=6)
    draw.line((300, y - 4, 500, y - 4), fill=INK, width=2)
    face, lines = fit("playfair-display", "700", title, 600, (112, 96, 84, 72, 62, 52, 44), 4)
    y = centred(draw, face, lines, 440 - face.size * 0.5 * (len(lines) - 1), INK, leading=1.08)
    cx, cy = POSTER[0] / 2, y + 120
    for r in (90, 70, 50):  # an ornament: rings about a star of lines
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=3)
    for angle in range(0, 180, 30):
        dx, dy = 50 * math.cos(math.radians(angle)), 50 * math.sin(math.radians(angle))
        draw.line((cx - dx, cy - dy, cx + dx, cy + dy), fill=red, width=2)
    centred(draw, Face("source-serif-4", "400", 30, "italic"), [credit], POSTER[1] - 160, INK)
    return image, "a typographic bill in a ruled border, the title set large above a ringed ornament"


def poster(seed: str, title: str, billing: str, credit: str, variant: int | None = None) -> tuple[bytes, str]:
    """A poster for the show ``seed`` (its slug): ``billing`` runs across the top (“A film · 2025”), ``credit``
    under it (“Directed by …”). Returns the JPEG and its alt text."""
    rng = random.Random(f"poster:{seed}")
    layouts = [poster_scene, poster_graphic, poster_bill]
    layout = layouts[variant % len(layouts)] if variant is not None else rng.choice(layouts)
    shown, credit = legible(title) or title, legible(credit)
    if credit.endswith(" by"):  # the name was in a script no font here draws
        credit = ""
    image, described = layout(rng, shown, billing, credit)
    return jpeg(image), f"The poster for {title}: {described}."


HAIR = ["short hair", "long hair", "hair in a bun", "curly hair", "a wide-brimmed hat", "cropped hair"]
BACKDROPS = [((52, 70, 92), (180, 200, 214)), ((92, 52, 40), (236, 190, 140)), ((30, 30, 34), (120, 120, 128)),
             ((60, 84, 64), (210, 220, 180)), ((80, 46, 86), (230, 180, 210)), ((150, 120, 80), (250, 236, 200))]


def headshot(seed: str, size=(800, 800)) -> tuple[bytes, str]:
    """A portrait for the person ``seed`` (their slug): a silhouette with a hairstyle and a pose of its own,
    rim-lit against a backdrop of its own. Returns the JPEG and its alt text."""
    rng = random.Random(f"headshot:{seed}")
    width, height = size
    dark, light = rng.choice(BACKDROPS)
    image = gradient(size, [(0, dark), (1, mix(dark, (0, 0, 0), 0.5))])
    image = glow(image, (width * rng.uniform(0.3, 0.7), height * rng.uniform(0.25, 0.45)), width * 0.6, light, 0.8)
    backdrop = rng.choice(["studio light", "out-of-focus lights", "a window's light"])
    draw = ImageDraw.Draw(image, "RGBA")
    if backdrop == "out-of-focus lights":
        for _ in range(18):
            x, y, radius = rng.uniform(0, width), rng.uniform(0, height * 0.7), rng.uniform(20, 60)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*mix(light, (255, 255, 255), 0.3), 70))
    elif backdrop == "a window's light":
        x = rng.uniform(0, width * 0.6)
        for pane in range(3):
            draw.rectangle((x + pane * 90, 0, x + pane * 90 + 70, height), fill=(*light, 60))
    hair, profile = rng.choice(HAIR), rng.random() < 0.35
    rim = mix(light, (255, 255, 255), 0.4)
    cx, cy = width * rng.uniform(0.36, 0.64), height * rng.uniform(0.38, 0.46)
    r = width * rng.uniform(0.12, 0.17)
    draw = ImageDraw.Draw(image)
    for offset, colour in ((rng.choice([-1, 1]) * r * 0.06, rim), (0, (20, 18, 20))):
        x = cx + offset
        if hair == "long hair":
            draw.rounded_rectangle((x - r * 1.2, cy - r * 0.6, x + r * 1.2, cy + r * 2.0), radius=r, fill=colour)
        draw.ellipse((x - r * 2.6, cy + r * 1.55, x + r * 2.6, cy + r * 4.6), fill=colour)  # shoulders
        draw.rectangle((x - r * 0.42, cy + r * 0.6, x + r * 0.42, cy + r * 1.9), fill=colour)  # neck
        draw.ellipse((x - r, cy - r * 1.15, x + r, cy + r), fill=colour)  # head
        if profile:
            side = 1 if offset >= 0 else -1
            draw.polygon([(x + side * r * 0.9, cy - r * 0.1), (x + side * r * 1.2, cy + r * 0.25),
                          (x + side * r * 0.85, cy + r * 0.35)], fill=colour)
        if hair == "hair in a bun":
            draw.ellipse((x - r * 0.45, cy - r * 1.75, x + r * 0.45, cy - r * 0.9), fill=colour)
        elif hair == "curly hair":
            for angle in range(0, 360, 30):
                px = x + r * 1.02 * math.cos(math.radians(angle))
                py = cy - r * 0.15 + r * 1.02 * math.sin(math.radians(angle)) * 0.95
                if py < cy + r * 0.3:
                    draw.ellipse((px - r * 0.38, py - r * 0.38, px + r * 0.38, py + r * 0.38), fill=colour)
        elif hair == "a wide-brimmed hat":
            draw.ellipse((x - r * 1.9, cy - r * 0.85, x + r * 1.9, cy - r * 0.45), fill=colour)
            draw.rounded_rectangle((x - r * 0.95, cy - r * 1.7, x + r * 0.95, cy - r * 0.6), radius=r * 0.3,
                                   fill=colour)
        elif hair == "cropped hair":
            draw.rectangle((x - r * 0.9, cy - r * 1.05, x + r * 0.9, cy - r * 0.4), fill=colour)
    image = finish(image, rng)
    pose = "in profile" if profile else "facing the camera"
    return jpeg(image), f"An illustrated portrait: a silhouette with {hair}, {pose}, rim-lit against {backdrop}."
