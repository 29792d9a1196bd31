"""Draw the magazine's icon set from one drawing: a frame of film with an F in it.

Writes static/icons/icon.svg, the PNGs the web app manifest and iOS ask for, and static/root/favicon.ico
(served at /favicon.ico). The files are committed; run this again only to change the drawing:

    .venv/bin/python scripts/make_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICONS, SITE_ROOT = ROOT / "static" / "icons", ROOT / "static" / "root"
RED, PAPER, INK = "#9b1c1c", "#fbf8f2", "#1b1a17"
GRID = 64  # the drawing's units; every shape is (x, y, width, height) on a 64 × 64 square
SPROCKETS = [(x, y, 6, 6) for x in (5, 53) for y in (8, 22, 36, 50)]
FRAME = (15, 10, 34, 44)
LETTER = [(25, 18, 6, 28), (25, 18, 16, 5), (25, 29, 11, 4), (21, 43, 14, 3), (38, 18, 3, 9)]  # an F with a foot


def svg() -> str:
    def rects(shapes, colour, radius=0):
        return "".join(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{radius}" fill="{colour}"/>'
                       for x, y, w, h in shapes)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">'
            f'<rect width="{GRID}" height="{GRID}" rx="12" fill="{RED}"/>'
            + rects(SPROCKETS, PAPER, 1.5) + rects([FRAME], PAPER, 3) + rects(LETTER, INK) + "</svg>\n")


def png(size: int, *, margin: float = 0.0, rounded: bool = True) -> Image.Image:
    """The drawing at ``size`` pixels; ``margin`` (a fraction) shrinks it inside a full red square (maskable)."""
    scale = 4  # drawn large, then reduced, for smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = big * (1 - 2 * margin) / GRID
    offset = big * margin

    def box(x, y, w, h):
        return (offset + x * unit, offset + y * unit, offset + (x + w) * unit, offset + (y + h) * unit)

    if rounded and not margin:
        draw.rounded_rectangle((0, 0, big, big), radius=12 * unit, fill=RED)
    else:
        draw.rectangle((0, 0, big, big), fill=RED)
    for shape in SPROCKETS:
        draw.rounded_rectangle(box(*shape), radius=1.5 * unit, fill=PAPER)
    draw.rounded_rectangle(box(*FRAME), radius=3 * unit, fill=PAPER)
    for shape in LETTER:
        draw.rectangle(box(*shape), fill=INK)
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    SITE_ROOT.mkdir(parents=True, exist_ok=True)
    (ICONS / "icon.svg").write_text(svg())
    png(180, rounded=False).convert("RGB").save(ICONS / "apple-touch-icon.png", optimize=True)  # iOS rounds it
    png(192).save(ICONS / "icon-192.png", optimize=True)
    png(512).save(ICONS / "icon-512.png", optimize=True)
    png(512, margin=0.1).convert("RGB").save(ICONS / "icon-maskable-512.png", optimize=True)
    png(256).save(SITE_ROOT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
