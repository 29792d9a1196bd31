"""The house markup on the change form: its buttons and help, the server's preview, and pasting from a word
processor (sanitised by nh3, then turned into markup)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from editorial import markup
from editorial.admin_markup import LONGEST_PREVIEW
from editorial.pasting import LARGEST_PASTE, house_markup_of
from tests import factories

pytestmark = pytest.mark.django_db

PREVIEW, PASTE = reverse("admin:reviews_review_markup_preview"), reverse("admin:reviews_review_markup_paste")

WORD_CLIPBOARD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>
p.MsoNormal {font-family:"Calibri"; color:red}</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings>
</o:OfficeDocumentSettings></xml><![endif]--></head><body lang=EN-GB>
<p class=MsoNormal><span style='font-size:12pt;font-family:"Times New Roman";color:#333'>A perfectly placed
<i>non</i>, and <span style='font-style:italic;mso-bidi-font-style:normal'>Bunheads</span> before it.<o:p></o:p>
</span></p>
<p class=MsoQuote><span lang=FR>« Je danse, donc je suis. »</span></p>
<p class=MsoNormal><![if !supportLists]>·<![endif]>Tom’s 5 * 3 and snake_case stay as typed.</p>
<script>alert("x")</script><p>&nbsp;</p>
<p><a href="javascript:alert(1)">A link</a> and <img src=x onerror="alert(1)"> an image.</p>
</body></html>"""

DOCS_CLIPBOARD = ('<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-2f"><p dir="ltr" '
                  'style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-family:Arial;'
                  'color:#000000;font-style:italic;vertical-align:baseline;">Gilmore Girls</span><span style='
                  '"font-size:11pt;font-family:Arial;"> still talks faster. </span><span style="font-style:italic">'
                  '<span style="font-style:normal">Roman</span> inside</span></p><blockquote><p>One line.</p>'
                  '<p>Another.</p></blockquote></b>')


def test_the_body_has_the_marks_buttons_and_their_help(editor_client):
    review = factories.DraftReviewFactory()
    page = editor_client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    assert 'role="toolbar" aria-label="House markup"' in page
    assert 'aria-keyshortcuts="Control+I Meta+I"' in page
    assert f'data-preview-url="{PREVIEW}"' in page and f'data-paste-url="{PASTE}"' in page
    assert "a line of * * * is a section break" in page
    assert "*Words* or _words_ in italics." in page  # the standfirst's


def test_the_preview_is_the_page_s_own_rendering_with_known_titles_cited(editor_client):
    factories.LiveShowFactory(title="Bunheads")
    text = "> *Non*, said the dancer of Bunheads. <script>"
    answer = editor_client.post(PREVIEW, {"text": text}).json()
    assert answer["html"] == markup.to_html(text, titles=frozenset({"bunheads"}))
    assert "<cite>Bunheads</cite>" in answer["html"] and "&lt;script&gt;" in answer["html"]


def test_the_preview_and_paste_refuse_what_they_cannot_read(editor_client):
    assert editor_client.get(PREVIEW).status_code == 405
    assert editor_client.post(PREVIEW, {}).status_code == 400
    too_long = editor_client.post(PREVIEW, {"text": "x" * (LONGEST_PREVIEW + 1)})
    assert too_long.status_code == 413 and "characters" in too_long.json()["error"]
    assert editor_client.post(PASTE, {"html": "x" * (LARGEST_PASTE + 1)}).status_code == 413
    assert Client().post(PREVIEW, {"text": "x"}).status_code == 302  # to the login page


def test_someone_who_may_not_write_reviews_gets_no_preview(client):
    staff = User.objects.create_user("reader", password="pw", is_staff=True)
    client.force_login(staff)
    response = client.post(PASTE, {"html": "<p>x</p>"})
    assert response.status_code == 403 and "may not write reviews" in response.json()["error"]


def test_a_word_paste_keeps_paragraphs_italics_and_quotations_and_nothing_else(editor_client):
    text = editor_client.post(PASTE, {"html": WORD_CLIPBOARD}).json()["text"]
    assert text.split("\n") == [
        "A perfectly placed *non*, and *Bunheads* before it.",
        "> « Je danse, donc je suis. »",
        "·Tom’s 5 \\* 3 and snake\\_case stay as typed.",
        "A link and an image.",
    ]
    html = markup.to_html(text)
    assert "<i>non</i>" in html and "<blockquote>" in html and "5 * 3 and snake_case" in html
    for hostile in ("alert", "script", "javascript", "onerror", "Calibri", "mso", "color", "span", "[if"):
        assert hostile not in text


def test_a_google_docs_paste_reads_italics_from_the_style():
    assert house_markup_of(DOCS_CLIPBOARD).split("\n") == [
        "*Gilmore Girls* still talks faster. Roman *inside*", "> One line.", "> Another."]


def test_a_paste_of_nothing_readable_is_empty_not_an_error(editor_client):
    for html in ("", "<script>x</script>", "<style>p{}</style>", "<!-- only a comment -->", "<<<>>>", "\x00"):
        response = editor_client.post(PASTE, {"html": html})
        assert response.status_code == 200
        assert "script" not in response.json()["text"] and "style" not in response.json()["text"]


def test_a_paste_never_leaves_marks_inside_a_word_and_keeps_table_cells_apart():
    assert house_markup_of("un<i>believ</i>able, <i>Heat,</i> then <i>x</i>y <i>ok</i>") == \
        "unbelievable, *Heat,* then xy *ok*"
    assert house_markup_of("<table><tr><td>Cast</td><td>Luke Kirby</td></tr></table>") == "Cast\nLuke Kirby"
