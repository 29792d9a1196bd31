"""How the magazine reads plain text, written once: what ends a line, what a paragraph is, what a control
character is."""

import re
import unicodedata

LINE_END = re.compile(r"\r\n|\r|\n")  # only real line ends: str.splitlines also breaks at U+2028, \x0b, \x0c…
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_OR_LINE_END = re.compile(r"[\x00-\x1f\x7f]")


def tidy(text: str, *, multiline: bool) -> str:
    """Text as the magazine keeps it: one Unicode form (a decomposed é is the precomposed é), and each control
    character a space, so "vertical\x0btab" stays two words; a one-line field takes no line ends or tabs either."""
    return (CONTROL if multiline else CONTROL_OR_LINE_END).sub(" ", unicodedata.normalize("NFC", text))


def lines(text: str) -> list[str]:
    """Every line, empty ones included; a final line end makes no extra line."""
    found = LINE_END.split(text)
    return found[:-1] if found and found[-1] == "" else found


def paragraphs(text: str) -> list[str]:
    """One paragraph a line; blank lines are not paragraphs."""
    return [line for line in LINE_END.split(text) if line.strip()]
