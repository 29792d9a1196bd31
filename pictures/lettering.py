"""Text drawn with Pillow in the magazine's own typefaces (pictures/fonts.py).

The web fonts come in subsets (latin, latin-ext), so a line is set in runs: each character goes to the subset
whose range holds it, as a browser does with ``unicode-range``, and a character neither holds (a Japanese
name) to a system font when the machine has one.
"""

import re
from functools import lru_cache
from pathlib import Path

from PIL import ImageDraw, ImageFont

from pictures.fonts import font_file

RANGES = {  # the @fontsource subsets' unicode-range, as in static/css/fonts.css
    "latin": ((0x0000, 0x00FF), (0x0131, 0x0131), (0x0152, 0x0153), (0x02BB, 0x02BC), (0x02C6, 0x02C6),
              (0x02DA, 0x02DA), (0x02DC, 0x02DC), (0x0304, 0x0304), (0x0308, 0x0308), (0x0329, 0x0329),
              (0x2000, 0x206F), (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2191, 0x2191), (0x2193, 0x2193),
              (0x2212, 0x2212), (0x2215, 0x2215), (0xFEFF, 0xFEFF), (0xFFFD, 0xFFFD)),
    "latin-ext": ((0x0100, 0x02BA), (0x02BD, 0x02C5), (0x02C7, 0x02CC), (0x02CE, 0x02D7), (0x02DD, 0x02FF),
                  (0x1D00, 0x1DBF), (0x1E00, 0x1E9F), (0x1EF2, 0x1EFF), (0x2020, 0x2020), (0x20A0, 0x20C0),
                  (0x2113, 0x2113), (0x2C60, 0x2C7F), (0xA720, 0xA7FF)),
}
SYSTEM_FALLBACKS = (  # for scripts the web fonts do not cover (Japanese, Korean, Chinese), where the machine has one
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)


def subset_of(char: str) -> str | None:
    code = ord(char)
    for subset, ranges in RANGES.items():
        if any(low <= code <= high for low, high in ranges):
            return subset
    return None


@lru_cache(maxsize=64)
def _font(path: str | None, size: int) -> ImageFont.FreeTypeFont:
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def legible(text: str) -> str:
    """``text`` without the characters no font here can draw (rather than boxes): “時の海 (Time of the Sea)”
    becomes “Time of the Sea” on a machine without a CJK font."""
    if _fallback_path():
        return text
    kept = "".join(char if subset_of(char) else " " for char in text)
    kept = re.sub(r"\(\s*\)", " ", " ".join(kept.split())).strip()
    if kept.startswith("(") and kept.endswith(")") and kept.count("(") == 1:
        kept = kept[1:-1].strip()
    return kept


def _fallback_path() -> str | None:
    return next((path for path in SYSTEM_FALLBACKS if Path(path).exists()), None)


class Face:
    """One typeface at one size (``family`` as in pictures.fonts.FACES), drawn in runs across its subsets."""

    def __init__(self, family: str, weight: str, size: int, style: str = "normal"):
        self.size = size
        paths = {subset: font_file(family, weight, style, subset) for subset in RANGES}
        self.fonts = {subset: _font(str(path) if path else None, size) for subset, path in paths.items()}
        self.fallback = _font(_fallback_path(), size)

    def runs(self, text: str) -> list[tuple[ImageFont.FreeTypeFont, str]]:
        runs: list[tuple[ImageFont.FreeTypeFont, str]] = []
        for char in text:
            subset = subset_of(char)
            font = self.fonts[subset] if subset else self.fallback
            if runs and runs[-1][0] is font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def width(self, text: str) -> float:
        return sum(font.getlength(chunk) for font, chunk in self.runs(text))

    def draw(self, draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, fill, tracking: float = 0) -> None:
        """Draw ``text`` with its baseline at ``xy``; ``tracking`` adds that many pixels between letters."""
        x, y = xy
        for font, chunk in self.runs(text):
            if tracking:
                for char in chunk:
                    draw.text((x, y), char, font=font, fill=fill, anchor="ls")
                    x += font.getlength(char) + tracking
            else:
                draw.text((x, y), chunk, font=font, fill=fill, anchor="ls")
                x += font.getlength(chunk)

    def wrap(self, text: str, width: float) -> list[str]:
        """The words in lines no wider than ``width`` (a word wider than that gets a line of its own)."""
        lines: list[str] = []
        for word in text.split():
            if lines and self.width(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines
