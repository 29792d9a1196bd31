"""Every kind of public page is valid HTML, as the Nu Html Checker (the W3C validator) sees it.

One checker run covers every page (see tests/html_validator.py). Only ERRORS fail the test;
the checker is run with --errors-only, so these are never even reported:
- its warnings (type "info", subType "warning": e.g. "Consider adding a lang attribute", "The type
  attribute is unnecessary for JavaScript resources"): advice on style, not invalid markup. None came
  up on these pages when this test was written; pass include_warnings=True to validate_pages to see them;
- its plain "info" messages (e.g. "Trailing slash on void elements has no effect"): not even advice;
- language detection ("This document appears to be written in ...", a warning) is switched off with
  --no-langdetect: factory text is too short and mixed for a guess to mean anything.
"""

import pytest
from taggit.models import Tag

from reviews.mentions import refresh_mentions
from tests import factories
from tests.html_validator import validate_pages

TRICKY_TAGS = ["O'Rourke & <b>", "ÉTOILE", "“Noir” ’70s"]
EVERY_MARK = ("ÉTOILE opens on a perfectly placed *non* & <i>more</i>.\n> A quotation, *in part* italic.\n"
              "> Its second paragraph.\n* * *\n>> perfectly placed\n>> A pull quote of its own <b>.\n"
              "M*A*S*H and a lone * stay; \\*sic\\*.")

# Fed to the checker in the same run: if it finds nothing wrong here, the checker is not really checking.
KNOWN_BAD = "<self-check: known-invalid page>"
KNOWN_BAD_HTML = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div id=a id=a></p></body>'


def build_magazine():
    critic = factories.LivePersonFactory(name="Siobhán O'Rourke & <b>Co</b>", bio="Writes “about” films.\nAnd TV.")
    actor = factories.LivePersonFactory(name="Tomás D’Arcy-Reis")
    director = factories.LivePersonFactory(name="ÉTOILE Dupont")
    show = factories.LiveShowFactory(
        title="“L’Étoile” & <i>the</i> Night", year=2024, countries="France, Belgium", runtime_minutes=104,
        languages="French, English", synopsis="A dancer’s “last” season.\nParis & Lyon.",
    )
    factories.CreditFactory(show=show, person=director, role="director")
    factories.CreditFactory(show=show, person=actor, role="cast", character="O'Rourke's “friend” <b>")
    factories.CreditFactory(show=show, person=critic, role="writer", note="episodes 1–3")
    review = factories.LiveReviewFactory(
        show=show, critic=critic, rating=3.5,
        headline="It’s “quiet” & <b>slow</b>, O'Rourke says",
        standfirst="ÉTOILE: a ‘ballet’ film — with <script>alert(1)</script> in its standfirst.",
        body="First “paragraph” & more.\nO'Rourke’s <em>second</em> paragraph.",
        corrections=[{"at": "2026-03-03T09:00:00+00:00",
                      "note": "An earlier version said <b>2024</b> & “misnamed” her."}],
    )
    review.tags.add(*TRICKY_TAGS)
    show.tags.add(TRICKY_TAGS[1])
    actor.tags.add(TRICKY_TAGS[1])
    factories.LiveReviewFactory(rating=None, critic=None)  # unsigned, unrated: another card shape
    return review, show, actor


@pytest.mark.django_db
def test_public_pages_are_valid_html(client):
    review, show, actor = build_magazine()
    series = factories.LiveShowFactory(title="ÉTOILE", kind="series", trailer="youtube:dQw4w9WgXcQ")
    series.season_set.create(number=1, year=2025, episodes=8, synopsis="The swap <b>begins</b>.")
    series.episode_set.create(season=1, number=5, title="The “Understudy” & <i>co</i>")
    recap = factories.LiveReviewFactory(show=series, season=1, episode=5)
    marked = factories.LiveReviewFactory(show=series, standfirst="A *quiet* & <b>loud</b> one.", body=EVERY_MARK)
    refresh_mentions(marked)  # ÉTOILE, named in the body: a linked <cite>
    tag_url = f"/tags/{Tag.objects.get(name=TRICKY_TAGS[0]).slug}/"
    unicode_tag_url = f"/tags/{Tag.objects.get(name=TRICKY_TAGS[1]).slug}/"  # /tags/étoile/
    expected = {
        "/": 200,
        "/reviews/": 200,
        f"/reviews/?year={review.published_at.year}&rating=3&kind=film&critic={review.critic.slug}": 200,
        "/reviews/?year=1999": 404,
        review.get_absolute_url(): 200,
        "/shows/": 200,
        show.get_absolute_url(): 200,
        series.get_absolute_url(): 200,
        "/shows/etoile/season-1/": 200,
        recap.get_absolute_url(): 200,
        marked.get_absolute_url(): 200,
        "/people/": 200,
        "/people/?from=t": 200,
        actor.get_absolute_url(): 200,
        review.critic.get_absolute_url(): 200,
        tag_url: 200,
        unicode_tag_url: 200,
        "/reviews/nope/": 404,
    }
    pages = {}
    for url, status in expected.items():
        response = client.get(url)
        assert response.status_code == status, url
        assert response["Content-Type"].startswith("text/html"), url
        pages[url] = response.content.decode(response.charset or "utf-8")
    assert "&lt;b&gt;" in pages[review.get_absolute_url()]  # the tricky text really is on the pages
    for element in ("<blockquote>", '<hr class="section-break">', '<aside class="pull-quote" aria-hidden="true">',
                    '<aside class="pull-quote">', "<i>non</i>", "<cite>ÉTOILE</cite>", "<i>quiet</i>"):
        assert element in pages[marked.get_absolute_url()], element

    results = validate_pages({**pages, KNOWN_BAD: KNOWN_BAD_HTML})

    assert results.pop(KNOWN_BAD), "the checker found nothing wrong in a known-invalid page: it is not checking"
    errors = {url: messages for url, messages in results.items() if messages}
    assert not errors, "HTML validation errors:\n" + "\n".join(
        f"{url}\n" + "\n".join(f"    {message}" for message in messages) for url, messages in errors.items()
    )
