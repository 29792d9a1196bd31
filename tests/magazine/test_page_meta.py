"""Titles, descriptions, canonical links, OpenGraph, JSON-LD, sitemaps and robots.txt."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from editorial import registry
from tests import factories

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def of_type(blocks, kind):
    return next(block for block in blocks if block["@type"] == kind)


@pytest.fixture
def etoile(db):
    show = factories.LiveShowFactory(title="ÉTOILE", kind="series", year=2025, episodes=8)
    for order, (name, role, character) in enumerate([
        ("Amy Sherman-Palladino", "director", ""), ("Daniel Palladino", "director", ""),
        ("Luke Kirby", "cast", "Jack McMillan"), ("David Haig", "cast", ""),
    ]):
        factories.CreditFactory(show=show, person=factories.LivePersonFactory(name=name), role=role,
                                character=character, order=order)
    critic = factories.LivePersonFactory(name="Siobhán O’Rourke", bio="Television critic.")
    return factories.LiveReviewFactory(show=show, critic=critic, headline="Headline </script><script>alert(1)",
                                       standfirst="Two cities, one stage.", rating="3.5")


def test_review_structured_data(client, etoile):
    html = client.get(etoile.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html.split("<body>")[0]  # escaped inside JSON-LD
    review = of_type(json_ld(html), "Review")
    assert review["name"] == "Headline </script><script>alert(1)"
    show = review["itemReviewed"]
    assert show["@type"] == "TVSeries" and show["name"] == "ÉTOILE" and show["numberOfEpisodes"] == 8
    assert [d["name"] for d in show["director"]] == ["Amy Sherman-Palladino", "Daniel Palladino"]
    assert show["actor"][0] == {"@type": "PerformanceRole", "characterName": "Jack McMillan",
                                "actor": {"@type": "Person", "name": "Luke Kirby",
                                          "url": "http://testserver/people/luke-kirby/"}}
    assert show["actor"][1]["name"] == "David Haig"
    assert review["author"]["name"] == "Siobhán O’Rourke"
    assert review["publisher"]["@type"] == "Organization"
    assert review["reviewRating"]["ratingValue"] == "3.5"
    assert review["datePublished"].startswith(str(etoile.published_at.year))
    crumbs = of_type(json_ld(html), "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == ["Home", "Reviews", etoile.headline]


def test_review_structured_data_is_made_once_per_version_of_what_it_names(client, etoile):
    from editorial.fragments import fragments

    url = etoile.get_absolute_url()
    client.get(url)
    misses = fragments.misses
    assert of_type(json_ld(client.get(url).content.decode()), "Review")["itemReviewed"]["name"] == "ÉTOILE"
    assert fragments.misses == misses  # the JSON-LD, like the fragments, was kept
    etoile.show.title = "ÉTOILE (restored)"
    etoile.show.save()
    credit = etoile.show.credits.get(person__name="Luke Kirby")
    credit.character = "Jack"
    credit.save()
    for host in ("testserver", "localhost"):  # each site address has its own absolute URLs
        review = of_type(json_ld(client.get(url, HTTP_HOST=host).content.decode()), "Review")
        assert review["itemReviewed"]["name"] == "ÉTOILE (restored)"
        assert review["itemReviewed"]["actor"][0]["characterName"] == "Jack"
        assert review["url"] == f"http://{host}{url}"


def test_show_and_person_pages_describe_themselves(client, etoile):
    show_blocks = json_ld(client.get(etoile.show.get_absolute_url()).content.decode())
    assert of_type(show_blocks, "TVSeries")["name"] == "ÉTOILE"
    person_blocks = json_ld(client.get(etoile.critic.get_absolute_url()).content.decode())
    assert of_type(person_blocks, "Person") == {
        "@context": "https://schema.org", "@type": "Person", "name": "Siobhán O’Rourke",
        "url": "http://testserver/people/siobhan-orourke/", "description": "Television critic."}
    film = factories.LiveShowFactory(title="Harbour Lights", kind="film", runtime_minutes=118)
    movie = of_type(json_ld(client.get(film.get_absolute_url()).content.decode()), "Movie")
    assert movie["duration"] == "PT118M"


@pytest.mark.parametrize("page", ["home", "archive", "review", "show", "person", "tag", "shows", "people"])
def test_every_page_has_title_description_canonical_and_opengraph(client, etoile, page):
    etoile.tags.set(["ballet"])
    url = {"home": "/", "archive": "/reviews/", "review": etoile.get_absolute_url(),
           "show": etoile.show.get_absolute_url(), "person": etoile.critic.get_absolute_url(),
           "tag": "/tags/ballet/", "shows": "/shows/", "people": "/people/"}[page]
    html = client.get(url).content.decode()
    assert re.search(r"<title>[^<]+</title>", html)
    assert re.search(r'<meta name="description" content="[^"]+">', html)
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    for prop in ["og:title", "og:description", "og:url", "og:type"]:
        assert f'<meta property="{prop}" content="' in html, prop
    assert '<meta name="twitter:card" content="summary_large_image">' in html  # a picture or a card, always


def test_review_description_is_the_standfirst(client, etoile):
    html = client.get(etoile.get_absolute_url()).content.decode()
    assert '<meta name="description" content="Two cities, one stage.">' in html
    assert '<meta property="og:type" content="article">' in html


def test_canonical_of_a_later_page_keeps_its_number(client, db):
    factories.LiveReviewFactory.create_batch(15)
    html = client.get("/reviews/?page=2&utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/reviews/?page=2">' in html


def test_sitemap_index_lists_live_content_with_lastmod(client, etoile):
    draft = factories.DraftReviewFactory(show=etoile.show)
    etoile.tags.set(["ballet"])
    index = ElementTree.fromstring(client.get(reverse("sitemap")).content)
    sections = {el.find("s:loc", SITEMAP_NS).text: el.find("s:lastmod", SITEMAP_NS) for el in index}
    names = {"reviews", "shows", "people", "seasons", "tags",
             *(str(m._meta.verbose_name_plural) for m in registry.models())}
    assert set(sections) == {f"http://testserver/sitemap-{name}.xml" for name in names}  # one a content type
    assert sections["http://testserver/sitemap-reviews.xml"] is not None
    reviews = ElementTree.fromstring(client.get("/sitemap-reviews.xml").content)
    locations = [el.find("s:loc", SITEMAP_NS).text for el in reviews]
    assert locations == ["http://testserver" + etoile.get_absolute_url()]
    assert all(el.find("s:lastmod", SITEMAP_NS) is not None for el in reviews)
    assert draft.slug not in client.get("/sitemap-reviews.xml").content.decode()
    tags = client.get("/sitemap-tags.xml").content.decode()
    assert "http://testserver/tags/ballet/" in tags


def test_robots_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_bad_sitemap_requests_are_404(client, etoile):
    for url in ["/sitemap-nope.xml", "/sitemap-reviews.xml?p=abc", "/sitemap-reviews.xml?p=99"]:
        assert client.get(url).status_code == 404, url
