"""Pictures for the demo magazine, drawn with Pillow: moody landscape "stills", posters and portrait
silhouettes. Each comes with alt text that says what it shows."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

SKIES = [
    ("dusk", (38, 28, 64), (236, 126, 84)),
    ("dawn", (64, 94, 146), (250, 214, 160)),
    ("night", (8, 12, 30), (46, 64, 110)),
    ("storm", (44, 52, 58), (140, 150, 150)),
    ("noon", (70, 140, 210), (200, 228, 244)),
]
GROUNDS = [("hills", (30, 36, 40)), ("a city skyline", (20, 20, 28)), ("the sea", (24, 54, 80)),
           ("a stage floor", (52, 32, 26))]


def gradient(size, top, bottom) -> Image.Image:
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(height - 1, 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize(size)


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def still(seed: str, size=(1600, 900)) -> tuple[bytes, str, tuple[float, float]]:
    """A landscape frame; returns the JPEG, its alt text and where its subject (the figure) stands."""
    rng = random.Random(seed)
    sky_name, top, bottom = rng.choice(SKIES)
    ground_name, ground = rng.choice(GROUNDS)
    width, height = size
    image = gradient(size, top, bottom)
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.72))
    sun_x, sun_r = int(width * rng.uniform(0.2, 0.8)), int(height * rng.uniform(0.06, 0.12))
    glow = (255, 236, 200) if sky_name != "night" else (226, 232, 255)
    sun_y = horizon - 2.4 * sun_r
    draw.ellipse((sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r), fill=glow)
    image = image.filter(ImageFilter.GaussianBlur(2))
    draw = ImageDraw.Draw(image)
    if ground_name == "a city skyline":
        x = 0
        while x < width:
            w, h = rng.randint(40, 140), rng.randint(40, int(height * 0.35))
            draw.rectangle((x, horizon - h, x + w, height), fill=ground)
            x += w + rng.randint(0, 12)
    else:
        points = [(0, height)] + [(x, horizon + rng.randint(-30, 30)) for x in range(0, width + 80, 80)]
        draw.polygon(points + [(width, height)], fill=ground)
    figure_x = int(width * rng.uniform(0.25, 0.75))
    figure_h = int(height * rng.uniform(0.22, 0.32))
    head = figure_h // 7
    base = horizon + int(height * 0.08)
    draw.ellipse((figure_x - head, base - figure_h - head, figure_x + head, base - figure_h + head), fill=(8, 8, 10))
    draw.polygon([(figure_x - head * 1.6, base), (figure_x - head * 0.9, base - figure_h + head),
                  (figure_x + head * 0.9, base - figure_h + head), (figure_x + head * 1.6, base)], fill=(8, 8, 10))
    body = "moon" if sky_name == "night" else "sun"
    alt = f"A lone figure in silhouette before {ground_name} under a {sky_name} sky, a pale {body} above."
    focus = (round(figure_x / width, 3), round((base - figure_h / 2) / height, 3))
    return jpeg(image), alt, focus


def poster(seed: str, size=(800, 1200)) -> tuple[bytes, str]:
    rng = random.Random(seed)
    _, top, bottom = rng.choice(SKIES)
    image = gradient(size, top, bottom)
    draw = ImageDraw.Draw(image)
    width, height = size
    for band in range(rng.randint(3, 6)):
        y = int(height * (0.15 + band * 0.12))
        draw.rectangle((int(width * 0.1), y, int(width * rng.uniform(0.5, 0.9)), y + 14), fill=(250, 246, 236))
    draw.ellipse((width * 0.3, height * 0.55, width * 0.7, height * 0.82), outline=(250, 246, 236), width=10)
    return jpeg(image), "A graphic poster: pale bars stacked above an open ring on a graded background."


def headshot(seed: str, size=(800, 800)) -> tuple[bytes, str]:
    rng = random.Random(seed)
    _, top, bottom = rng.choice(SKIES)
    image = gradient(size, bottom, top)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.ellipse((width * 0.34, height * 0.2, width * 0.66, height * 0.56), fill=(24, 22, 26))
    draw.ellipse((width * 0.16, height * 0.58, width * 0.84, height * 1.25), fill=(24, 22, 26))
    return jpeg(image), "An illustrated portrait: a dark head-and-shoulders silhouette on a soft coloured background."
