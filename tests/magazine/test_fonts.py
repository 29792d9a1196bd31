"""The web fonts: served from this site, only the faces the stylesheet uses, woff2, font-display swap."""

import re
from io import StringIO

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from pictures import fonts

FONTS_CSS = finders.find("css/fonts.css")


def font_faces() -> list[str]:
    with open(FONTS_CSS) as stylesheet:
        return re.findall(r"@font-face\s*{([^}]*)}", stylesheet.read())


def test_every_face_swaps_and_comes_from_this_site_as_woff2():
    faces = font_faces()
    assert len(faces) == sum(len(styles) for styles in fonts.FACES.values()) * len(fonts.SUBSETS)
    for face in faces:
        assert "font-display: swap;" in face
        sources = re.findall(r'url\("([^"]+)"\)', face)
        assert len(sources) == 1 and sources[0].startswith("../fonts/") and sources[0].endswith(".woff2"), face
        assert finders.find(sources[0].removeprefix("../")), f"{sources[0]} is not installed (make node)"
        assert "unicode-range:" in face


def test_only_the_faces_the_stylesheet_uses_are_served():
    listed = {path for path, _ in fonts.FontFinder().list([])}
    named = {url.removeprefix("../fonts/") for face in font_faces() for url in re.findall(r'url\("([^"]+)"\)', face)}
    assert listed == named
    assert finders.find("fonts/playfair-display-latin-400-normal.woff2") is None  # in the package, not used
    assert finders.find("fonts/source-serif-4-latin-400-normal.woff") is None  # woff2 only


def test_site_css_sets_headlines_and_text_in_them():
    with open(finders.find("css/site.css")) as stylesheet:
        css = stylesheet.read()
    assert '--serif: "Source Serif 4"' in css and '--display: "Playfair Display"' in css
    assert re.search(r"h1, h2, h3 \{ font-family: var\(--display\)", css)


@pytest.mark.django_db
def test_collectstatic_hashes_the_fonts_the_stylesheet_names(settings, tmp_path, client):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
    collected = sorted(path.name for path in (tmp_path / "fonts").iterdir())
    assert len([name for name in collected if re.fullmatch(r"[a-z0-9-]+\.[0-9a-f]{12}\.woff2", name)]) == len(
        font_faces())
    stylesheet = next((tmp_path / "css").glob("fonts.*.css")).read_text()
    assert re.search(r'url\("\.\./fonts/source-serif-4-latin-400-normal\.[0-9a-f]{12}\.woff2"\)', stylesheet)
    html = client.get("/").content.decode()
    assert re.search(r'<link rel="preload" href="/static/fonts/source-serif-4-latin-400-normal\.[0-9a-f]{12}\.woff2" '
                     r'as="font" type="font/woff2" crossorigin>', html)
