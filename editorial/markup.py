"""The house markup: the body stays plain text, one paragraph a line, and a few marks give it typography.

- ``*words*`` or ``_words_``: italics, only for a matched pair around words (“M*A*S*H” and a lone ``*`` stay as
  written); ``\\*`` and ``\\_`` write the mark itself;
- a line starting ``> ``: a paragraph of a quotation (consecutive lines: one quotation);
- a line of ``* * *``: a section break;
- a line starting ``>> ``: a pull quote.

A line is read by markdown-it-py with every rule off but emphasis and these two escapes, so raw HTML, links,
headings and lists are text. Text without the marks means what it always meant: its HTML is the escaped line in
a ``<p>``, as before the markup existed. Only ``p``, ``blockquote``, ``hr``, ``aside``, ``i``, ``cite`` and ``a``
(with the links the caller gives) can come out."""

from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from markdown_it import MarkdownIt
from markdown_it.rules_inline import emphasis
from markdown_it.rules_inline.state_inline import Delimiter

from editorial import text as plain_text
from editorial.names import candidates

QUOTATION, PULL_QUOTE, SECTION_BREAK = "> ", ">> ", "* * *"
ITALIC_MARKS = ("*", "_")
QUOTE_MARKS = " \"'“”‘’«»"
END_PUNCTUATION = ".,;:!?…"
PARSED_KEPT = 2048


def italics_around_words(state, silent: bool) -> bool:
    """markdown-it's emphasis delimiters, as its ``_`` has them for both marks: never inside a word."""
    marker = state.src[state.pos]
    if silent or marker not in ITALIC_MARKS:
        return False
    scanned = state.scanDelims(state.pos, False)
    for _ in range(scanned.length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(Delimiter(marker=ord(marker), length=scanned.length, token=len(state.tokens) - 1,
                                          end=-1, open=scanned.can_open, close=scanned.can_close))
    state.pos += scanned.length
    return True


def escaped_mark(state, silent: bool) -> bool:
    """``\\*`` and ``\\_`` are the marks themselves; any other backslash is a backslash, as it always was."""
    if state.src[state.pos] != "\\" or state.src[state.pos + 1:state.pos + 2] not in ITALIC_MARKS:
        return False
    if not silent:
        token = state.push("text_special", "", 0)
        token.content = state.src[state.pos + 1]
    state.pos += 2
    return True


def house_parser() -> MarkdownIt:
    parser = MarkdownIt("zero")
    parser.inline.ruler.push("house_escape", escaped_mark)
    parser.inline.ruler.push("house_italics", italics_around_words)
    parser.inline.ruler2.before("fragments_join", "house_italics", emphasis.postProcess)
    return parser


PARSER = house_parser()


@dataclass(frozen=True)
class Line:
    """A paragraph's words as a reader reads them, and the spans of them in italics."""

    text: str
    italics: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "quotation", "pull quote" or "section break"
    lines: tuple[Line, ...] = ()
    repeats: bool = False  # a pull quote whose words the text already has: shown, but read once


def inline(source: str) -> Line:
    """One line of markup as words and italics. A pair of doubled marks (``**``) is not house markup: it stays."""
    words, italics, opened, length = [], [], [], 0
    for token in PARSER.parseInline(source)[0].children or ():
        if token.type == "em_open":
            opened.append(length)
        elif token.type == "em_close":
            italics.append((opened.pop(), length))
        else:
            words.append(token.markup if token.type.startswith("strong") else token.content)
            length += len(words[-1])
    return Line("".join(words), tuple(sorted(italics, key=lambda span: (span[0], -span[1]))))  # outer first


def line_kind(line: str) -> tuple[str, str]:
    """What a line is, and its words; a sign with no words after it (“> ”) is a paragraph of its own text."""
    if line.strip() == SECTION_BREAK:
        return "section break", ""
    for kind, sign in (("pull quote", PULL_QUOTE), ("quotation", QUOTATION)):
        if line.startswith(sign) and line[len(sign):].strip():
            return kind, line[len(sign):]
    return "paragraph", line


@lru_cache(maxsize=PARSED_KEPT)
def blocks(text: str) -> tuple[Block, ...]:
    """The text's blocks, in order: consecutive quotation lines are one quotation."""
    found: list[Block] = []
    for line in plain_text.paragraphs(text or ""):
        kind, source = line_kind(line)
        parsed = (inline(source),) if kind != "section break" else ()
        if kind == "quotation" and found and found[-1].kind == "quotation":
            found[-1] = Block(kind, found[-1].lines + parsed)
        else:
            found.append(Block(kind, parsed))
    said = " ".join(line.text for block in found if block.kind != "pull quote" for line in block.lines)
    return tuple(Block(b.kind, b.lines, repeats=b.kind == "pull quote" and repeated(b.lines[0].text, said))
                 for b in found)


def repeated(pulled: str, said: str) -> bool:
    """Whether the pull quote's words (quote marks, end punctuation and case aside) are in the text."""
    words = " ".join(pulled.strip(QUOTE_MARKS).rstrip(END_PUNCTUATION).split()).casefold()
    return bool(words) and words in " ".join(said.split()).casefold()


def read_lines(text: str) -> list[str]:
    """The text's paragraphs as plain words, markup off, each once: a pull quote that repeats the text is not
    read twice, a section break is not read. For word counts, search, JSON-LD and descriptions."""
    return [line.text for block in blocks(text) if not block.repeats for line in block.lines]


def plain(text: str) -> str:
    """The whole text as plain words, one paragraph a line."""
    return "\n".join(read_lines(text))


def unmarked(text: str) -> str:
    """Every line of a text, or of a passage cut from one, with its marks off and none left out (a search
    result's passage)."""
    return "\n".join(inline(line_kind(line)[1]).text for line in plain_text.lines(text or ""))


def plain_line(text: str) -> str:
    """One line (a standfirst) with its marks off."""
    return inline(" ".join(plain_text.paragraphs(text or ""))).text


# Rendering: a line's words with marks around spans of them. A mark that would cross another is left out, so
# the elements always nest.

@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    open: str
    close: str


def fits(mark: Mark, taken: list[Mark]) -> bool:
    return all(mark.end <= t.start or mark.start >= t.end or (t.start <= mark.start and mark.end <= t.end)
               or (mark.start <= t.start and t.end <= mark.end) for t in taken)


def line_html(line: Line, marks: list[Mark]) -> str:
    """The escaped words with every mark around its span; ``marks`` nest (see ``fits``), outer first."""
    opening: dict[int, list[Mark]] = {}
    for mark in marks:
        opening.setdefault(mark.start, []).append(mark)
    html, cursor, stack = [], 0, []
    for place in sorted({m.start for m in marks} | {m.end for m in marks}):
        html.append(escape(line.text[cursor:place]))
        cursor = place
        while stack and stack[-1].end == place:
            html.append(stack.pop().close)
        for mark in opening.get(place, ()):
            html.append(mark.open)
            stack.append(mark)
    html.append(escape(line.text[cursor:]))
    return "".join(html)


def line_marks(line: Line, links: dict[str, str], titles: frozenset[str]) -> tuple[list[Mark], set[str]]:
    """The italics, then each name of ``links`` linked where it first stands, then each title in ``<cite>``
    wherever it stands; and the names linked."""
    marks = [Mark(start, end, "<i>", "</i>") for start, end in line.italics]
    if not links and not titles:
        return order_for_nesting(marks), set()
    linked = set()
    found = candidates(line.text)
    for key, places in sorted(found.items(), key=lambda kv: -len(kv[0])):
        if key in links:  # where the name first stands, as links always were: else in a later paragraph
            mark = Mark(*places[0], f'<a href="{escape(links[key])}">', "</a>")
            if fits(mark, marks) and not any(m.open.startswith("<a") and overlap(m, mark) for m in marks):
                marks.append(mark)
                linked.add(key)
    for key, places in sorted(found.items(), key=lambda kv: -len(kv[0])):
        if key in titles:  # where it is written as a title is: “Friends” is one, “my friends” is not
            for start, end in (place for place in places if line.text[place[0]:place[0] + 1].isupper()):
                mark = Mark(start, end, "<cite>", "</cite>")
                if fits(mark, marks) and not any(m.open == "<cite>" and overlap(m, mark) for m in marks):
                    marks.append(mark)
    cited = {(m.start, m.end) for m in marks if m.open == "<cite>"}
    marks = [m for m in marks if not (m.open == "<i>" and (m.start, m.end) in cited)]  # a title is italic already
    return order_for_nesting(marks), linked


def overlap(a: Mark, b: Mark) -> bool:
    return a.start < b.end and b.start < a.end


def order_for_nesting(marks: list[Mark]) -> list[Mark]:
    """Outer marks first: wider spans, and on the same span a link around a title around italics (so each
    closes before the one it sits in)."""
    rank = {"<a": 0, "<c": 1, "<i": 2}
    return sorted(marks, key=lambda m: (m.start, -m.end, rank[m.open[:2]]))


@lru_cache(maxsize=PARSED_KEPT)
def to_html(text: str, links: tuple[tuple[str, str], ...] = (), titles: frozenset[str] = frozenset()) -> str:
    """The text as HTML: each name key of ``links`` linked where the text first names it (outside pull quotes),
    each name key of ``titles`` (the works the magazine knows) in ``<cite>`` wherever it stands."""
    remaining = dict(links)
    parts = []

    def rendered(line: Line, linking: bool) -> str:
        marks, linked = line_marks(line, remaining if linking else {}, titles)
        for key in linked:  # a name is linked once
            del remaining[key]
        return f"<p>{line_html(line, marks)}</p>"

    for block in blocks(text):
        if block.kind == "section break":
            parts.append('<hr class="section-break">')
        elif block.kind == "quotation":
            parts.append("<blockquote>\n" + "\n".join(rendered(line, True) for line in block.lines)
                         + "\n</blockquote>")
        elif block.kind == "pull quote":
            hidden = ' aria-hidden="true"' if block.repeats else ""
            parts.append(f'<aside class="pull-quote"{hidden}>{rendered(block.lines[0], False)}</aside>')
        else:
            parts.append(rendered(block.lines[0], True))
    return "\n".join(parts)


def line_as_html(text: str) -> str:
    """One line (a standfirst) as HTML: italics only."""
    line = inline(" ".join(plain_text.paragraphs(text or "")))
    return line_html(line, line_marks(line, {}, frozenset())[0])
