"""Ready to share: icons, the web app manifest, a link-preview picture on every public page, and JSON-LD
that machines read as meant (BCP 47 languages, Country objects, a person's picture)."""

import io
import json
import re
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pictures import social_card
from pictures.renditions import clean_upload
from tests import factories
from tests.magazine.test_page_meta import json_ld, of_type

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')


def jpeg(size=(600, 600), colour=(120, 60, 40)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return SimpleUploadedFile("picture.jpg", buffer.getvalue(), "image/jpeg")


def with_picture(item, size=(600, 600)):
    item.image = clean_upload(jpeg(size))
    item.image_alt = "A test picture."
    item.save()
    item.refresh_renditions()
    return item


@pytest.fixture
def magazine(db):
    """A review with a still, its show and people without pictures, a tag: pages of every kind."""
    show = factories.LiveShowFactory(title="Harbour Lights", countries="Portugal/France",
                                     languages="Portuguese, French, Brazilian Portuguese, Klingon")
    factories.CreditFactory(show=show, person=factories.LivePersonFactory(name="Joaquim de Sá"), role="cast",
                            character="Rui")
    critic = with_picture(factories.LivePersonFactory(name="Ines Farrow-Baptiste"), size=(1200, 1200))
    review = with_picture(factories.LiveReviewFactory(show=show, critic=critic), size=(1600, 900))
    review.tags.set(["slow cinema"])
    factories.LiveReviewFactory(headline="Tomasz Wiśniewski’s pick")  # no pictures anywhere
    return review


def sitemap_pages(client) -> list[str]:
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = []
    for section in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        listing = ElementTree.fromstring(client.get(section.text.removeprefix("http://testserver")).content)
        pages += [loc.text.removeprefix("http://testserver") for loc in listing.findall("s:url/s:loc", SITEMAP_NS)]
    return pages


def cards() -> list[str]:
    return default_storage.listdir(social_card.FOLDER)[1] if default_storage.exists(social_card.FOLDER) else []


def test_favicon_answers_at_the_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and {(16, 16), (32, 32)} <= icon.info["sizes"]


def test_every_page_links_its_icons_and_the_manifest(client, magazine):
    html = client.get(magazine.get_absolute_url()).content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert re.search(r'<link rel="icon" href="/static/icons/icon[^"]*\.svg" type="image/svg\+xml">', html)
    assert re.search(r'<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon[^"]*\.png">', html)
    assert '<link rel="manifest" href="/site.webmanifest">' in html


def test_manifest_is_valid_json_whose_icons_exist(client, db):
    response = client.get("/site.webmanifest")
    assert response.status_code == 200 and response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Frame Rate" and manifest["start_url"] == "/"
    assert {"any", "maskable"} == {icon["purpose"] for icon in manifest["icons"]}
    for icon in manifest["icons"]:
        found = finders.find(icon["src"].removeprefix("/static/"))
        assert found, icon["src"]
        if icon["type"] == "image/png":
            assert "x".join(map(str, Image.open(found).size)) == icon["sizes"], icon
        else:
            with open(found) as svg:
                assert icon["type"] == "image/svg+xml" and svg.read().startswith("<svg")
    assert client.post("/site.webmanifest").status_code == 405


def test_every_public_page_in_the_sitemap_has_an_og_image(client, magazine):
    pages = sitemap_pages(client)
    assert {magazine.get_absolute_url(), magazine.show.get_absolute_url(), "/tags/slow-cinema/",
            magazine.critic.get_absolute_url()} <= set(pages)
    for url in [*pages, "/", "/reviews/", "/shows/", "/people/", "/search/"]:
        html = client.get(url).content.decode()
        image = OG_IMAGE.search(html)
        assert image, f"{url} has no og:image"
        assert '<meta property="og:image:width" content="1200">' in html, url
        assert '<meta name="twitter:card" content="summary_large_image">' in html, url
        picture = client.get(image.group(1).removeprefix("http://testserver"))
        assert picture.status_code == 200, (url, image.group(1))
    review_html = client.get(magazine.get_absolute_url()).content.decode()
    assert "/cards/" not in OG_IMAGE.search(review_html).group(1)  # its own still, cropped for sharing


def test_a_page_without_a_picture_gets_a_card_drawn_once(client, magazine):
    show_url = magazine.show.get_absolute_url()
    first = OG_IMAGE.search(client.get(show_url).content.decode()).group(1)
    assert re.fullmatch(r"http://testserver/media/cards/[0-9a-f]{24}\.png", first)
    response = client.get(first.removeprefix("http://testserver"))
    assert "max-age=31536000" in response["Cache-Control"]
    card = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert (card.format, card.size) == ("PNG", (1200, 630))
    stored = default_storage.path(first.split("/media/")[1])
    made_at = default_storage.get_modified_time(first.split("/media/")[1])
    social_card._known.clear()  # even a process that has not seen it yet finds it in the storage
    again = OG_IMAGE.search(client.get(show_url).content.decode()).group(1)
    assert again == first and default_storage.get_modified_time(first.split("/media/")[1]) == made_at
    assert stored.endswith(".png") and cards().count(first.rsplit("/", 1)[1]) == 1


def test_cards_follow_the_title_and_queries_never_make_one(client, magazine):
    client.get(magazine.show.get_absolute_url())
    made = set(cards())
    for query in ["douro", "anything at all", "<script>"]:
        html = client.get("/search/", {"q": query}).content.decode()
        assert OG_IMAGE.search(html).group(1).endswith(social_card.card_name("Frame Rate", "Frame Rate")[5:])
    assert len(set(cards()) - made) == 1  # the magazine's own card, once, whatever was searched
    assert social_card.card_name("Frame Rate", "A") != social_card.card_name("Frame Rate", "B")


def test_a_card_letters_names_in_any_latin_script():
    card = Image.open(io.BytesIO(social_card.draw("Frame Rate", "Tomasz Wiśniewski and Ewa Sołtysiak")))
    assert card.size == (1200, 630) and card.mode == "RGB"
    long = Image.open(io.BytesIO(social_card.draw("Frame Rate", "A very long title " * 20)))
    assert long.size == (1200, 630)


def test_show_json_ld_uses_bcp47_languages_and_country_objects(client, magazine):
    movie = of_type(json_ld(client.get(magazine.show.get_absolute_url()).content.decode()), "Movie")
    assert movie["inLanguage"] == ["pt", "fr", "pt-BR", {"@type": "Language", "name": "Klingon"}]
    assert movie["countryOfOrigin"] == [{"@type": "Country", "name": "Portugal"},
                                        {"@type": "Country", "name": "France"}]
    one = factories.LiveShowFactory(countries="UK", languages="English")
    movie = of_type(json_ld(client.get(one.get_absolute_url()).content.decode()), "Movie")
    assert movie["inLanguage"] == "en" and movie["countryOfOrigin"] == {"@type": "Country", "name": "United Kingdom"}


def test_person_json_ld_carries_the_headshot(client, magazine):
    critic = magazine.critic
    person = of_type(json_ld(client.get(critic.get_absolute_url()).content.decode()), "Person")
    assert person["image"].startswith("http://testserver/media/") and person["image"].endswith((".jpg", ".webp"))
    review = of_type(json_ld(client.get(magazine.get_absolute_url()).content.decode()), "Review")
    assert review["author"]["image"] == person["image"]
    actor = review["itemReviewed"]["actor"][0]["actor"]
    assert actor["name"] == "Joaquim de Sá" and "image" not in actor  # no headshot, no image
