"""The house markup wherever a review's body goes: its page, both feeds, JSON-LD and descriptions, search, the
word count, mentions, the standfirst, and the house-style file (import and export, byte for byte)."""

import json
import re
from io import StringIO

import feedparser
import pytest
from django.core.management import call_command

from editorial import revisions
from editorial.writing import word_count
from reviews.house_style import parse_review
from reviews.mentions import refresh_mentions
from reviews.models import Review
from tests import factories
from tests.paths import SAMPLES

pytestmark = pytest.mark.django_db

EVERY_CONSTRUCT = """---
show: Harbour Nights
headline: Every mark in one review
---
Harbour Nights opens on a perfectly placed *non*, and the film never raises its voice again.
Its debt to _Bunheads_ is plain, and Tomás Reyes plays the harbourmaster as a man with M*A*S*H on the radio.
> We were never the ones who left.
> We were the ones who waited, *always*.
* * *
The second half moves to the quays, where a lone * on a crate marks the spot; \\*sic\\* says the subtitle.
>> never raises its voice again
>> A pull quote of its own: <script>alert(1)</script>
The last scene is quiet: <img src=x onerror=alert(1)> & nothing more.
2025 | US | DIRECTOR: Ana Ruiz | CAST: Tomás Reyes
"""


def export(review) -> str:
    out = StringIO()
    call_command("export_review", review.slug, stdout=out)
    return out.getvalue()


def run_import(path) -> str:
    out = StringIO()
    with factories.committing():
        call_command("import_review", str(path), "--publish", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def marked(tmp_path):
    factories.LiveShowFactory(title="Bunheads")
    path = tmp_path / "every-mark.txt"
    path.write_text(EVERY_CONSTRUCT, encoding="utf-8")
    run_import(path)
    review = Review.objects.get(headline="Every mark in one review")
    Review.objects.filter(pk=review.pk).update(standfirst="A *quiet* film about a loud city.")
    review.refresh_from_db()
    return review, path


def body_of(page: str) -> str:
    return page.split('<div class="review-body">')[1].split('<div class="corrections">')[0].split("</div>")[0]


def test_the_sample_shows_the_titles_it_names_in_italics_on_its_page_and_in_its_feeds(client, tmp_path):
    for title in ("Bunheads", "Gilmore Girls", "The Marvellous Mrs. Maisel", "Roseanne"):
        factories.LiveShowFactory(title=title)
    text = (SAMPLES / "etoile.txt").read_text(encoding="utf-8")
    path = tmp_path / "etoile.txt"
    path.write_text(text, encoding="utf-8")
    with factories.committing():
        call_command("import_review", str(path), "--title", "ÉTOILE", "--publish", stdout=StringIO())
    review = Review.objects.get()
    page = body_of(client.get(review.get_absolute_url()).content.decode())
    for title in ("ÉTOILE", "Bunheads", "Gilmore Girls", "The Marvellous Mrs. Maisel", "Roseanne"):
        assert f"<cite>{title}</cite>" in page, title
    assert page.count("<cite>Bunheads</cite>") == 2  # every time it is named; linked the first time only
    assert page.count('<a href="/shows/bunheads/">') == 1
    for feed in ("/feeds/reviews/", "/feeds/reviews/atom/"):
        content = feedparser.parse(client.get(feed).content).entries[0].content[0].value
        for title in ("ÉTOILE", "Bunheads", "Gilmore Girls", "The Marvellous Mrs. Maisel"):
            assert f"<cite>{title}</cite>" in content, (feed, title)
    assert parse_review(export(review)).body.encode() == parse_review(text).body.encode()


def test_every_construct_reaches_the_page_as_its_element(client, marked):
    review, _ = marked
    page = client.get(review.get_absolute_url()).content.decode()
    body = body_of(page)
    assert ('<p><a href="/shows/harbour-nights/"><cite>Harbour Nights</cite></a> opens on a perfectly placed '
            '<i>non</i>,') in body
    assert 'debt to <a href="/shows/bunheads/"><cite>Bunheads</cite></a> is plain' in body
    assert "with M*A*S*H on the radio" in body and "a lone * on a crate" in body and "; *sic* says" in body
    assert ("<blockquote>\n<p>We were never the ones who left.</p>\n<p>We were the ones who waited, <i>always</i>."
            "</p>\n</blockquote>") in body
    assert '<hr class="section-break">' in body
    assert '<aside class="pull-quote" aria-hidden="true"><p>never raises its voice again</p></aside>' in body
    assert '<aside class="pull-quote"><p>A pull quote of its own: &lt;script&gt;alert(1)&lt;/script&gt;</p>' in body
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; nothing more." in body
    assert '<p class="standfirst">A <i>quiet</i> film about a loud city.</p>' in page


def test_plain_words_go_to_json_ld_descriptions_and_search_passages(client, marked):
    review, _ = marked
    page = client.get(review.get_absolute_url()).content.decode()
    data = next(block for block in map(json.loads, re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S)) if block.get("@type") == "Review")
    lines = data["reviewBody"].split("\n")
    assert lines[0] == "Harbour Nights opens on a perfectly placed non, and the film never raises its voice again."
    assert "We were the ones who waited, always." in lines and "never raises its voice again" not in lines
    assert "A pull quote of its own: <script>alert(1)</script>" in lines  # JSON text, escaped by jsonld
    assert not any(line.startswith((">", "*")) for line in lines)
    assert data["description"] == "A quiet film about a loud city."
    assert '<meta name="description" content="A quiet film about a loud city.">' in page
    found = client.get("/search/?q=waited").content.decode()
    passage = found.split('class="search-results"')[1]
    assert "<mark>waited</mark>, always." in passage and "*always*" not in passage and "&gt; We" not in passage
    for word in ("always", "non", "sic"):  # in italics: the index reads the words, not the marks
        assert "Every mark in one review" in client.get(f"/search/?q={word}").content.decode(), word


def test_feeds_carry_the_same_markup_escaped_once_as_xml(client, marked):
    for feed in ("/feeds/reviews/", "/feeds/reviews/atom/"):
        raw = client.get(feed).content.decode()
        entry = feedparser.parse(raw).entries[0]
        content = entry.content[0].value
        assert "<blockquote>" in content and "<i>always</i>" in content and '<hr class="section-break"' in content
        assert "&lt;script&gt;" in content and "<script>" not in content and "<img" not in content
        assert "&lt;blockquote&gt;" in raw or "<![CDATA[" in raw  # the HTML is text inside the XML
        assert entry.summary == "A <i>quiet</i> film about a loud city."


def test_the_file_exports_byte_for_byte_and_imports_back_unchanged(marked, tmp_path):
    review, path = marked
    exported = export(review)
    assert parse_review(exported).body.encode() == parse_review(EVERY_CONSTRUCT).body.encode()
    assert exported.split("\n---\n", 1)[1].encode() == EVERY_CONSTRUCT.split("\n---\n", 1)[1].encode()
    again = tmp_path / "exported.txt"
    again.write_text(exported, encoding="utf-8")
    assert "1 unchanged" in run_import(again)
    assert export(Review.objects.get(pk=review.pk)) == exported


def test_the_word_count_counts_words_not_marks_and_a_repeated_pull_quote_once():
    assert word_count("> *One* _two_\n* * *\nthree\n>> three") == 3
    assert word_count(">> four new words here\nthree") == 5


def test_a_name_in_italics_or_a_quotation_is_still_found_and_linked(client):
    actor = factories.LivePersonFactory(name="Tomás Reyes")
    review = factories.LiveReviewFactory(body="> As *Tomás Reyes* says, nothing.\nThe end.")
    refresh_mentions(review)
    assert [m.text for m in review.mentions.all()] == ["Tomás Reyes"]
    body = body_of(client.get(review.get_absolute_url()).content.decode())
    assert f'<i><a href="{actor.get_absolute_url()}">Tomás Reyes</a></i>' in body or \
        f'<a href="{actor.get_absolute_url()}"><i>Tomás Reyes</i></a>' in body


def test_a_name_marked_not_this_one_stays_roman(client):
    show = factories.LiveShowFactory(title="Harbour")
    review = factories.LiveReviewFactory(body="The Harbour was calm.")
    refresh_mentions(review)
    review.mentions.filter(show=show).update(wrong=True)
    body = body_of(client.get(review.get_absolute_url()).content.decode())
    assert "<cite>" not in body and "<p>The Harbour was calm.</p>" in body


def test_the_word_diff_of_a_working_copy_shows_the_word_that_was_set_in_italics():
    review = factories.LiveReviewFactory(body="A perfectly placed non here.")
    changes = dict(revisions.diff(Review, {"body": review.body}, {"body": "A perfectly placed *non* here."}))
    assert str(changes["body"]) == "A perfectly placed <del>non</del> <ins>*non*</ins> here."
