"""People from A to Z: a letter bar, a picture (or initials) and a count of reviews for each, and pages
named by the stretch of the alphabet they cover, that reach everyone once without numbers or OFFSETs."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import alphabet
from people.models import Person
from reviews.models import Review
from shows.models import Credit
from tests import factories

pytestmark = pytest.mark.django_db
INDEX = "/people/"

FIRST = ["Ada", "Bruno", "Chiara", "Dmitri", "Émile", "Farah", "Gideon", "Hana", "Idris", "Júlia", "Kenji", "Leonie",
         "Mateus", "Nadia", "Oskar", "Priya", "Rosa", "Søren", "Tamsin", "Umar", "Vera", "Wim", "Yara", "Zoë"]


def names(response) -> list[str]:
    return [unescape(name) for name in
            re.findall(r'<a class="index-tile-title" href="[^"]+">([^<]+)</a>', response.content.decode())]


def letters(response) -> dict[str, str | None]:
    bar = re.search(r'<nav class="letter-bar".*?</nav>', response.content.decode(), re.S)[0]
    found = {}
    for href, linked, plain in re.findall(r'<li>(?:<a href="([^"]+)"[^>]*>([^<]+)</a>|<span[^>]*>([^<]+)</span>)</li>',
                                          bar):
        found[linked or plain] = unescape(href) if href else None
    return found


def link(response, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', response.content.decode())
    return unescape(found[1]) if found else None


@pytest.fixture
def crowd():
    """Ninety-six people, four a first name across the alphabet (no Q, no X), and three no reader may see."""
    people = [factories.LivePersonFactory(name=f"{first} {surname}")
              for first in FIRST for surname in ("Achterberg", "Bellamy", "Castellano", "Dubois")]
    factories.DraftPersonFactory(name="Quentin Draft")
    factories.DraftPersonFactory(name="Xavier Draft")
    factories.DraftPersonFactory(name="Ada Aaronson")  # would come first, if it were live
    return people


def alphabetical(people) -> list[str]:
    return [p.name for p in sorted(people, key=lambda p: (p.match_key, p.pk))]


def test_the_pages_follow_the_alphabet_and_reach_everyone_once(client, crowd):
    pages, url = [], INDEX
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        pages.append(response)
        url = link(response, "next")
    assert [name for page in pages for name in names(page)] == alphabetical(crowd)
    assert [len(names(page)) for page in pages] == [48, 48]
    first = pages[0].content.decode()
    assert '<span class="index-span">A–L</span>' in first  # Émile files under E, between Dmitri and Farah
    assert "Next: M–Z →" in first
    back = [names(client.get(link(pages[1], "prev")))]
    assert back == [names(pages[0])]
    assert "Draft" not in "".join(page.content.decode() for page in pages) and "Aaronson" not in first


def test_the_letter_bar_links_the_letters_that_have_someone(client, crowd):
    bar = letters(client.get(INDEX))
    assert list(bar) == ["0–9", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    assert bar["Q"] is None and bar["X"] is None and bar["0–9"] is None  # only drafts, or no one
    assert bar["M"] == f"{INDEX}?from=m"
    from_m = client.get(bar["M"])
    assert names(from_m)[:4] == [f"Mateus {s}" for s in ("Achterberg", "Bellamy", "Castellano", "Dubois")]
    assert 'href="/people/?from=m" class="on-page" aria-current="true"' in from_m.content.decode()
    assert f'<link rel="canonical" href="http://testserver{INDEX}?from=m">' in from_m.content.decode()
    assert names(client.get(INDEX, {"from": "Émile"}))[0] == "Émile Achterberg"  # a name typed with its accent


def test_other_scripts_and_digits_have_their_place(client, crowd):
    factories.LivePersonFactory(name="山田 花子")
    factories.LivePersonFactory(name="2Pac Shakur")
    bar = letters(client.get(INDEX))
    assert bar["0–9"] == INDEX and names(client.get(INDEX))[0] == "2Pac Shakur"
    assert names(client.get(bar["Other"])) == ["山田 花子"]


def test_each_person_shows_a_picture_or_initials_and_counts_their_reviews(client):
    critic = factories.LivePersonFactory(name="Ines Farrow")
    actor = factories.LivePersonFactory(name="Luke Kirby")
    both = factories.LivePersonFactory(name="Greta Both")
    show = factories.LiveShowFactory()
    factories.CreditFactory(show=show, person=actor, role="cast")
    factories.CreditFactory(show=show, person=actor, role="writer")  # two credits: the reviews still count once
    factories.CreditFactory(show=show, person=both, role="director")
    factories.LiveReviewFactory.create_batch(2, critic=critic, show=show)
    factories.LiveReviewFactory(critic=both, show=show)
    factories.DraftReviewFactory(critic=critic, show=show)
    Person.objects.filter(pk=critic.pk).update(image="pictures/still.jpg", image_width=800, image_height=800,
                                               image_alt="Ines Farrow, smiling.", image_renditions=square())
    html = client.get(INDEX).content.decode()
    tiles = dict(re.findall(r'<a class="index-tile-title" href="[^"]+">([^<]+)</a>\s*'
                            r'<span class="index-tile-meta">(.*?)</span>', html, re.S))
    assert tiles["Ines Farrow"] == "Critic · 2 reviews"
    assert tiles["Luke Kirby"] == "3 reviews of their work"
    assert tiles["Greta Both"] == "Critic · 1 review<br>2 reviews of their work"  # her own is hers, not of her work
    assert 'alt="Ines Farrow, smiling."' in html and "<span>LK</span>" in html


def square() -> dict:
    size = {"width": 400, "height": 400, "webp": {"url": "/m/a.webp", "path": "a.webp", "bytes": 1,
            "type": "image/webp"}, "jpeg": {"url": "/m/a.jpg", "path": "a.jpg", "bytes": 1, "type": "image/jpeg"}}
    return {"source": "pictures/still.jpg", "focus": [0.5, 0.5],
            "crops": {name: {"fallback": "jpeg", "sizes": [size]} for name in ("square", "social")}}


@pytest.mark.parametrize("query", [{"page": "2"}, {"page": "abc"}, {"from": "\x00"}, {"from": "a" * 400},
                                   {"from": "zzzz"}, {"before": "\x00"}, {"from": "a", "before": "b"},
                                   {"before": "0"}])
def test_bad_addresses_are_404_never_500(client, crowd, query):
    assert client.get(INDEX, query).status_code == 404


def test_a_shared_name_splits_across_pages_without_losing_anyone(client, monkeypatch):
    monkeypatch.setattr(alphabet, "PER_PAGE", 3)
    people = [factories.LivePersonFactory(name="John Smith") for _ in range(5)]
    people += [factories.LivePersonFactory(name=name) for name in ("Anna Lee", "Zed Young")]
    seen, url = [], INDEX
    while url:
        response = client.get(url)
        seen += re.findall(r'class="index-tile-title" href="(/people/john-smith[^"]*)"', response.content.decode())
        url = link(response, "next")
    assert sorted(seen) == sorted(p.get_absolute_url() for p in people[:5])  # each John Smith, once


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_the_index(client):
    client.get("/")
    counted = []
    for size in (1, 3):
        Review.objects.all().delete()
        Credit.objects.all().delete()
        Person.objects.all().delete()
        for first in FIRST:
            for n in range(size * 3):
                person = factories.LivePersonFactory(name=f"{first} Number{n}")
                factories.LiveReviewFactory(critic=person) if n % 2 else factories.CreditFactory(person=person)
        urls = [INDEX, f"{INDEX}?from=m", link(client.get(f"{INDEX}?from=m"), "prev")]
        counted.append([count_queries(client, url) for url in urls])
    assert counted[0] == counted[1] and max(counted[1]) <= 6, counted
