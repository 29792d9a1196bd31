"""What a word processor puts on the clipboard, as house markup: its paragraphs, its italics and its block
quotations, and nothing else (no fonts, colours or spans). The HTML is sanitised by nh3 first, down to the few
elements and the one style that carry those three things; only then is it read."""

from html.parser import HTMLParser

import nh3

from editorial.text import tidy

KEPT_ELEMENTS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "i", "em",
                 "cite", "span"}
KEPT_ATTRIBUTES = {"p": {"class", "style"}, "div": {"class", "style"}, "span": {"style"}}
KEPT_STYLES = {"font-style"}  # Google Docs and Word set italics on a span's style
BLOCKS = KEPT_ELEMENTS - {"br", "i", "em", "cite", "span"}
ITALIC_ELEMENTS = {"i", "em", "cite"}
QUOTE_CLASSES = ("quote",)  # Word's “Quote” and “Intense Quote” styles: MsoQuote, MsoIntenseQuote
LARGEST_PASTE = 2_000_000  # characters of HTML: a book's chapter with Word's styling is well under this


def sanitised(html: str) -> str:
    return nh3.clean(html, tags=KEPT_ELEMENTS, attributes=KEPT_ATTRIBUTES, filter_style_properties=KEPT_STYLES,
                     strip_comments=True, link_rel=None, clean_content_tags={"script", "style", "title"})


def escaped(words: str) -> str:
    """Typed text keeps its marks as characters."""
    return words.replace("*", "\\*").replace("_", "\\_")


class HouseMarkupWriter(HTMLParser):
    """Walks sanitised HTML: each block a paragraph, a quotation's paragraphs marked ``> ``, italic runs between
    ``*``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.runs: list[tuple[str, bool]] = []  # (words, italic) of the paragraph being read
        self.open: list[tuple[str, bool | None, bool]] = []  # (tag, italic or roman or neither, quotation)

    @property
    def italic(self) -> bool:
        """As the innermost element that says so has it (a roman span inside an italic paragraph is roman)."""
        return next((italic for _, italic, _ in reversed(self.open) if italic is not None), False)

    @property
    def quoting(self) -> bool:
        return any(quotation for _, _, quotation in self.open)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        style = (values.get("style") or "").replace(" ", "").lower()
        classes = (values.get("class") or "").lower()
        italic = True if tag in ITALIC_ELEMENTS or "font-style:italic" in style else (
            False if "font-style:normal" in style else None)
        quotation = tag == "blockquote" or (tag in BLOCKS and any(name in classes for name in QUOTE_CLASSES))
        if tag == "br" or tag in BLOCKS:
            self.end_paragraph()
        if tag != "br":
            self.open.append((tag, italic, quotation))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.end_paragraph()
        for place in range(len(self.open) - 1, -1, -1):
            if self.open[place][0] == tag:
                del self.open[place:]
                break

    def handle_data(self, data):
        self.runs.append((data, self.italic))

    def end_paragraph(self):
        runs = merged(self.runs)
        written, before = [], ""
        for place, (text, italic) in enumerate(runs):
            after = runs[place + 1][0][:1] if place + 1 < len(runs) else ""
            inside_a_word = before.isalnum() and text[:1].isalnum() or after.isalnum() and text[-1:].isalnum()
            written.append(italic_run(text) if italic and not inside_a_word else escaped(text))  # marks touch words
            before = written[-1][-1:] or before
        words = " ".join("".join(written).split())
        if words:
            self.paragraphs.append(("> " if self.quoting else "") + words)
        self.runs = []

    def close(self):
        super().close()
        self.end_paragraph()


def merged(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Neighbouring runs of the same style as one (Word splits a sentence into many spans)."""
    found: list[tuple[str, bool]] = []
    for text, italic in runs:
        if found and found[-1][1] == italic:
            found[-1] = (found[-1][0] + text, italic)
        else:
            found.append((text, italic))
    return found


def italic_run(text: str) -> str:
    """The run between marks, its surrounding spaces outside them (a mark must touch a word)."""
    words = text.strip()
    if not words:
        return text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}*{escaped(words)}*{trail}"


def house_markup_of(html: str) -> str:
    """The clipboard's HTML as house markup, one paragraph a line."""
    writer = HouseMarkupWriter()
    writer.feed(sanitised(html[:LARGEST_PASTE]))
    writer.close()
    return tidy("\n".join(writer.paragraphs), multiline=True)

