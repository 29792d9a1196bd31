"""Films and series from A to Z: the letter bar, a poster (or its stand-in) and a count of live reviews for each."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import alphabet
from reviews.models import Review
from shows.models import Credit, Show
from tests import factories

pytestmark = pytest.mark.django_db
INDEX = "/shows/"


def tiles(html: str) -> dict[str, str]:
    found = re.findall(r'<a class="index-tile-title" href="[^"]+">([^<]+)</a>\s*'
                       r'<span class="index-tile-meta">(.*?)</span>', html, re.S)
    return {unescape(title): meta for title, meta in found}


def test_each_show_has_a_poster_or_its_title_set_as_one_and_its_live_reviews_counted(client):
    etoile = factories.LiveShowFactory(title="ÉTOILE", kind="series", year=2025, end_year=2026)
    harbour = factories.LiveShowFactory(title="Harbour Lights", kind="film", year=2024)
    factories.LiveReviewFactory.create_batch(2, show=etoile)
    factories.DraftReviewFactory(show=etoile)
    factories.ScheduledReviewFactory(show=harbour)
    factories.DraftShowFactory(title="Secret Sequel")
    html = client.get(INDEX).content.decode()
    assert tiles(html) == {"ÉTOILE": "Series · 2025–2026<br>2 reviews",
                           "Harbour Lights": "Film · 2024<br>Not reviewed yet"}
    assert html.count('class="poster-placeholder index-tile-picture"') == 2 and "Secret Sequel" not in html


def test_the_letter_bar_and_the_pages(client, monkeypatch):
    monkeypatch.setattr(alphabet, "PER_PAGE", 2)
    titles = ["Bunheads", "Arcadia", "Zodiac", "Ça ira", "Brazil"]
    for title in titles:
        factories.LiveShowFactory(title=title)
    first = client.get(INDEX).content.decode()
    assert list(tiles(first)) == ["Arcadia", "Brazil"]
    assert '<span class="index-span">A–B</span>' in first and "Next: B–C →" in first
    assert re.search(r'<a href="/shows/\?from=c"[^>]*>C</a>', first)  # Ça ira files under C
    assert re.search(r'<span class="letter-empty"[^>]*>D</span>', first)
    second = client.get(unescape(re.search(r'rel="next" href="([^"]+)"', first)[1])).content.decode()
    assert list(tiles(second)) == ["Bunheads", "Ça ira"]
    assert list(tiles(client.get(INDEX, {"from": "z"}).content.decode())) == ["Zodiac"]


def test_query_counts_do_not_grow_with_the_index(client):
    client.get("/")
    counted = []
    for size in (1, 3):
        Review.objects.all().delete()
        Credit.objects.all().delete()
        Show.objects.all().delete()
        for n in range(size * 40):
            show = factories.LiveShowFactory(title=f"{'ABCDEFGHMNOPRSTW'[n % 16]}show {n}")
            if n % 3 == 0:
                factories.LiveReviewFactory(show=show)
        with CaptureQueriesContext(connection) as first:
            assert client.get(INDEX).status_code == 200
        with CaptureQueriesContext(connection) as later:
            assert client.get(INDEX, {"from": "m"}).status_code == 200
        counted.append((len(first), len(later)))
    assert counted[0] == counted[1] and max(counted[1]) <= 6, counted
