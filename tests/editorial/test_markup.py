"""The house markup (editorial.markup): what each mark does, what text without marks still means, and that
nothing but the allowed elements can come out."""

import random
from html.parser import HTMLParser

import pytest
from django.utils.html import escape

from editorial import markup
from editorial import text as plain_text
from editorial.names import candidates
from tests.paths import SAMPLES

ALLOWED = {"p", "blockquote", "hr", "aside", "i", "cite", "a"}


def body_before_the_markup(body: str, links: dict[str, str]) -> str:
    """The body's HTML as the magazine made it before the markup existed (the reviews' renderer of that time):
    each line a paragraph, escaped, each name of ``links`` linked once where it first stands."""
    remaining, paragraphs = dict(links), []
    for paragraph in plain_text.paragraphs(body):
        spans, taken = [], set()
        for key, places in sorted(candidates(paragraph).items(), key=lambda kv: -len(kv[0])):
            if key in remaining and key not in taken:
                start, end = places[0]
                if all(end <= s or start >= e for s, e, _ in spans):
                    spans.append((start, end, remaining[key]))
                    taken.add(key)
        html, cursor = [], 0
        for start, end, url in sorted(spans):
            html += [escape(paragraph[cursor:start]), f'<a href="{escape(url)}">{escape(paragraph[start:end])}</a>']
            cursor = end
        html.append(escape(paragraph[cursor:]))
        for key in taken:
            del remaining[key]
        paragraphs.append(f"<p>{''.join(html)}</p>")
    return "\n".join(paragraphs)


def sample_body(name: str) -> str:
    lines = plain_text.lines((SAMPLES / name).read_text())
    return "\n".join(lines[:-1])  # the last line is the credits line


UNMARKED = [
    "M*A*S*H won, 5 * 3 is 15, and a lone * stays.",
    "snake_case_word, __init__, file_name_here and 2*3*4.",
    "A backslash \\ and \\( and \\\\ stay as typed.",
    "<script>alert('x')</script> & <b onclick=\"y\">bold</b> &amp; &lt;",
    "  Leading and trailing spaces  ",
    "***",
    ">no space after the sign",
    " > an indented sign",
    "word* and *word with no pair",
    "http://example.com/a*b*c and www.example.org",
    "Tabs\tinside\tthe line, and “curly” quotes, ’apostrophes’ and — dashes.",
    "Luke Kirby, and Luke Kirby again; Simon Callow.",
]
LINKS = {"luke kirby": "/people/luke-kirby/", "simon callow": "/people/simon-callow/",
         "amy sherman palladino": "/people/amy-sherman-palladino/", "etoile": "/shows/etoile/"}


@pytest.mark.parametrize("name", ["etoile.txt", "harbour-lights.txt"])
def test_both_samples_render_as_they_did_before_the_markup(name):
    body = sample_body(name)
    assert markup.to_html(body, tuple(sorted(LINKS.items()))) == body_before_the_markup(body, LINKS)
    assert markup.to_html(body) == body_before_the_markup(body, {})
    assert markup.read_lines(body) == plain_text.paragraphs(body)


@pytest.mark.parametrize("line", UNMARKED)
def test_text_without_marks_means_what_it_meant(line):
    body = f"{line}\n{line}"
    assert markup.to_html(body, tuple(sorted(LINKS.items()))) == body_before_the_markup(body, LINKS)
    assert markup.read_lines(body) == [line, line]


def test_a_matched_pair_around_words_is_italic_with_either_mark():
    assert markup.to_html("a perfectly placed *non*, _enfin_.") == "<p>a perfectly placed <i>non</i>, <i>enfin</i>.</p>"
    assert markup.to_html("*Two words* lead.") == "<p><i>Two words</i> lead.</p>"
    assert markup.to_html("Unclosed *star and _line") == "<p>Unclosed *star and _line</p>"


def test_a_backslash_writes_the_mark_itself():
    assert markup.to_html(r"\*not\* _and\_ this_") == "<p>*not* <i>and_ this</i></p>"
    assert markup.read_lines(r"\*sic\*") == ["*sic*"]


def test_consecutive_quotation_lines_are_one_quotation_of_paragraphs():
    body = "He said:\n> First line, *quoted*.\n> Second line.\nAnd then."
    assert markup.to_html(body) == (
        "<p>He said:</p>\n<blockquote>\n<p>First line, <i>quoted</i>.</p>\n<p>Second line.</p>\n</blockquote>\n"
        "<p>And then.</p>")
    assert markup.read_lines(body) == ["He said:", "First line, quoted.", "Second line.", "And then."]


def test_a_section_break_is_a_thematic_break_with_no_words():
    body = "Before.\n* * *\nAfter."
    assert markup.to_html(body) == '<p>Before.</p>\n<hr class="section-break">\n<p>After.</p>'
    assert markup.read_lines(body) == ["Before.", "After."]


def test_a_pull_quote_that_repeats_the_text_is_read_once():
    body = "It lands with more noise than music, alas.\n>> “More noise than music”"
    assert markup.to_html(body).endswith(
        '<aside class="pull-quote" aria-hidden="true"><p>“More noise than music”</p></aside>')
    assert markup.read_lines(body) == ["It lands with more noise than music, alas."]


def test_a_pull_quote_of_new_words_is_read_and_never_linked():
    body = ">> Luke Kirby, *magnetic*\nA paragraph."
    html = markup.to_html(body, (("luke kirby", "/people/luke-kirby/"),))
    assert html.startswith('<aside class="pull-quote"><p>Luke Kirby, <i>magnetic</i></p></aside>')
    assert markup.read_lines(body) == ["Luke Kirby, magnetic", "A paragraph."]


def test_titles_are_cited_wherever_they_stand_and_a_name_in_italics_is_linked():
    html = markup.to_html("ÉTOILE, then *Luke Kirby* in ÉTOILE’s finale.",
                          (("etoile", "/shows/etoile/"), ("luke kirby", "/people/luke-kirby/")),
                          frozenset({"etoile"}))
    assert html == ('<p><a href="/shows/etoile/"><cite>ÉTOILE</cite></a>, then <a href="/people/luke-kirby/"><i>'
                    'Luke Kirby</i></a> in <cite>ÉTOILE</cite>’s finale.</p>')
    assert markup.to_html("*ÉTOILE*", titles=frozenset({"etoile"})) == "<p><cite>ÉTOILE</cite></p>"


def test_a_name_split_by_italics_is_left_unlinked_rather_than_misnested():
    html = markup.to_html("*Enter Luke* Kirby", (("luke kirby", "/people/luke-kirby/"),), frozenset({"luke kirby"}))
    assert html == "<p><i>Enter Luke</i> Kirby</p>"
    html = markup.to_html("*Luke* Kirby", (("luke kirby", "/people/luke-kirby/"),))
    assert html == '<p><a href="/people/luke-kirby/"><i>Luke</i> Kirby</a></p>'  # around the italics: it nests


def test_the_standfirst_takes_italics_only():
    assert markup.line_as_html("> The *best* & <worst>") == "&gt; The <i>best</i> &amp; &lt;worst&gt;"
    assert markup.plain_line("The *best*") == "The best"


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open, self.seen, self.attributes = [], set(), set()

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        self.attributes |= {(tag, name) for name, _ in attrs}
        if tag != "hr":
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"


HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
           "<style>body{display:none}</style>", "<!--[if gte mso 9]><xml></xml><![endif]-->", "&lt;b&gt;",
           "\"><svg onload=alert(1)>", "javascript:alert(1)"]
PIECES = ["*", "_", "\\", "> ", ">> ", "* * *", "word", "Luke Kirby", "ÉTOILE", " ", "**", "\n", "'", "\"", "<",
          "&", *HOSTILE]


def test_no_text_makes_anything_but_the_allowed_elements():
    rng = random.Random(26)
    links = (("etoile", "/shows/etoile/"), ("luke kirby", "/people/luke-kirby/"))
    for _ in range(3000):
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        parser = Elements()
        parser.feed(markup.to_html(body, links, frozenset({"etoile"})))
        parser.close()
        assert not parser.open, body
        assert parser.seen <= ALLOWED, body
        assert parser.attributes <= {("a", "href"), ("aside", "class"), ("aside", "aria-hidden"),
                                     ("hr", "class")}, body


def test_italics_that_start_or_end_together_nest():
    assert markup.to_html("*_Heat_ is on*") == "<p><i><i>Heat</i> is on</i></p>"
    assert markup.line_as_html("_*Heat*, again_") == "<i><i>Heat</i>, again</i>"
    assert markup.to_html("*on _the end_*") == "<p><i>on <i>the end</i></i></p>"


def test_a_title_is_cited_where_it_is_written_as_a_title():
    html = markup.to_html("Friends was a hit. My friends loved Friends.", titles=frozenset({"friends"}))
    assert html == "<p><cite>Friends</cite> was a hit. My friends loved <cite>Friends</cite>.</p>"


def test_a_sign_with_no_words_after_it_is_a_paragraph_as_before():
    assert markup.to_html("> \n>>  \nText") == "<p>&gt; </p>\n<p>&gt;&gt;  </p>\n<p>Text</p>"


def test_many_italics_in_one_paragraph_all_come_out():
    line = "*a* " * 20000
    assert markup.to_html(line).count("<i>a</i>") == 20000
