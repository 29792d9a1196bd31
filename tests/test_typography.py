"""The house style's typography comes out of every page exactly as written."""

from html import unescape
from pathlib import Path

import pytest

from editorial.templatetags.typography import attr, text
from tests import factories

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "etoile.txt"


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
        assert f"<p>{paragraph}</p>" in page
    assert "Pointe shoes, two cities’ rivalry</h1>" in page


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
        assert "&#x27;" not in page, url
        assert "Tomás O'Brien-Reis" in page, url
    review_page = client.get(review.get_absolute_url()).content.decode("utf-8")
    assert "It's &lt;b&gt;quiet&lt;/b&gt; &amp; slow" in review_page and "<b>quiet</b>" not in review_page
    assert "山田 花子" in review_page and "as Rui's neighbour" in review_page
    assert client.get(writer.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("value", ['<script>alert("x")</script>', "O'Rourke & D’Arcy", 'say "non"', "a > b"])
def test_filters_escape_what_markup_needs_and_nothing_else(value):
    assert unescape(text(value)) == value and unescape(attr(value)) == value
    assert "<" not in text(value) and "<" not in attr(value)
    assert '"' not in attr(value)
    assert "'" in text("O'Rourke")
