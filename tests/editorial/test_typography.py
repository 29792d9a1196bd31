"""The house style's typography comes out of every page exactly as written: Django's autoescape escapes what
markup needs (an apostrophe becomes &#x27; in the source), and a reader sees every character as typed."""

from html import unescape

import pytest
from django.template import Context, Template

from tests import factories
from tests.paths import SAMPLES

SAMPLE = SAMPLES / "etoile.txt"


def sample_paragraphs() -> list[str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[:-1] if line.strip()]  # the last line is the credits line


@pytest.mark.django_db
def test_every_paragraph_of_the_sample_comes_out_byte_for_byte(client):
    paragraphs = sample_paragraphs()
    assert len(paragraphs) == 11
    review = factories.LiveReviewFactory(body="\n".join(paragraphs), headline="Pointe shoes, two cities’ rivalry")
    page = client.get(review.get_absolute_url()).content.decode("utf-8")
    for paragraph in paragraphs:
        assert f"<p>{paragraph}</p>" in unescape(page)  # as a reader's browser reads it
    assert "Pointe shoes, two cities’ rivalry</h1>" in page  # curly quotes need no escaping


@pytest.mark.django_db
def test_names_keep_apostrophes_and_scripts_on_every_page(client):
    actor = factories.LivePersonFactory(name="Tomás O'Brien-Reis")
    writer = factories.LivePersonFactory(name="山田 花子")
    show = factories.LiveShowFactory(title="Harbour Lights")
    factories.CreditFactory(show=show, person=actor, character="Rui's neighbour")
    factories.CreditFactory(show=show, person=writer, role="writer")
    review = factories.LiveReviewFactory(show=show, critic=actor, headline="It's <b>quiet</b> & slow")
    for url in [review.get_absolute_url(), show.get_absolute_url(), actor.get_absolute_url(), "/"]:
        page = client.get(url).content.decode("utf-8")
        assert "Tomás O&#x27;Brien-Reis" in page and "Tomás O'Brien-Reis" in unescape(page), url
    review_page = client.get(review.get_absolute_url()).content.decode("utf-8")
    assert "It&#x27;s &lt;b&gt;quiet&lt;/b&gt; &amp; slow" in review_page and "<b>quiet</b>" not in review_page
    assert "山田 花子" in review_page and "as Rui's neighbour" in unescape(review_page)
    assert client.get(writer.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("value", ['<script>alert("x")</script>', "O'Rourke & D’Arcy", 'say "non"', "a > b"])
def test_autoescape_escapes_what_markup_needs_in_text_and_attributes(value):
    text, attribute = Template('<p>{{ v }}</p><input value="{{ v }}">').render(Context({"v": value}))[3:].split(
        '</p><input value="')
    attribute = attribute.removesuffix('">')
    assert unescape(text) == value and unescape(attribute) == value
    assert "<" not in text and "<" not in attribute and '"' not in attribute
