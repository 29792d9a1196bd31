"""Trailers: any common YouTube or Vimeo address becomes provider and id, anything else a clear error; the page
holds the magazine's still and a button, nothing from the video's host; only a page with a trailer may frame it."""

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory

from magazine.security import ContentSecurityPolicyMiddleware
from shows.trailers import HELP_TEXT, Trailer, TrailerField, TrailerFormField, allow_trailer_frame, parse_trailer

YT, VIMEO = "dQw4w9WgXcQ", "76979871"


@pytest.mark.parametrize("address", [
    f"https://www.youtube.com/watch?v={YT}",
    f"https://www.youtube.com/watch?v={YT}&t=30s",
    f"https://www.youtube.com/watch?feature=share&v={YT}&list=PL123",
    f"http://youtube.com/watch?v={YT}",
    f"youtube.com/watch?v={YT}",
    f"www.youtube.com/watch?v={YT}",
    f"https://m.youtube.com/watch?v={YT}",
    f"https://youtu.be/{YT}",
    f"https://youtu.be/{YT}?si=abc&t=30",
    f"youtu.be/{YT}",
    f"https://www.youtube.com/embed/{YT}",
    f"https://www.youtube.com/embed/{YT}?start=12",
    f"https://www.youtube.com/shorts/{YT}",
    f"https://www.youtube-nocookie.com/embed/{YT}",
    f"  https://youtu.be/{YT}\n",
])
def test_youtube_addresses(address):
    assert parse_trailer(address) == Trailer("youtube", YT)


@pytest.mark.parametrize("address", [
    f"https://vimeo.com/{VIMEO}",
    f"vimeo.com/{VIMEO}",
    f"https://vimeo.com/{VIMEO}?share=copy",
    f"https://www.vimeo.com/{VIMEO}",
    f"https://vimeo.com/channels/staffpicks/{VIMEO}",
    f"https://player.vimeo.com/video/{VIMEO}",
    f"https://player.vimeo.com/video/{VIMEO}?h=abc&badge=0",
])
def test_vimeo_addresses(address):
    assert parse_trailer(address) == Trailer("vimeo", VIMEO)


@pytest.mark.parametrize(("address", "says"), [
    (f"https://www.dailymotion.com/video/{YT}", "not www.dailymotion.com"),
    (f"https://youtube.com.example.net/watch?v={YT}", "not youtube.com.example.net"),
    (f"https://youtube.com@example.net/watch?v={YT}", "not example.net"),
    ("javascript:alert(1)", "is not a web address"),
    (f"javascript://youtu.be/{YT}", "is not a web address"),
    (f"data:text/html,{YT}", "is not a web address"),
    (f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{YT}"></iframe>', "not its embed code"),
    ("https://www.youtube.com/watch?v=short", "“short” is not a YouTube video id"),
    (f"https://www.youtube.com/watch?v={YT}x", "is not a YouTube video id"),
    ("https://youtu.be/abc$%def123", "is not a YouTube video id"),
    ("https://vimeo.com/abc123", "“abc123” is not a Vimeo video id (digits)"),
    ("https://vimeo.com/١٢٣", "is not a Vimeo video id"),
    ("https://www.youtube.com/", "This YouTube address names no video"),
    ("https://www.youtube.com/watch", "names no video"),
    ("https://youtu.be/", "names no video"),
    ("https://vimeo.com", "This Vimeo address names no video"),
    ("https://player.vimeo.com/", "names no video"),
    ("", "is not a web address"),
])
def test_anything_else_is_refused_saying_what_is_accepted(address, says):
    with pytest.raises(ValidationError) as refused:
        parse_trailer(address)
    message = " ".join(refused.value.messages)
    assert says in message
    assert "YouTube or Vimeo" in message and "https://youtu.be/ID" in message


def test_a_trailer_knows_its_player_its_page_and_its_stored_form():
    youtube, vimeo = Trailer("youtube", YT), Trailer("vimeo", VIMEO)
    assert youtube.embed_url == f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1"
    assert youtube.watch_url == f"https://www.youtube.com/watch?v={YT}"
    assert youtube.stored == f"youtube:{YT}" and youtube.origin == "https://www.youtube-nocookie.com"
    assert vimeo.embed_url == f"https://player.vimeo.com/video/{VIMEO}?dnt=1&autoplay=1"
    assert vimeo.watch_url == f"https://vimeo.com/{VIMEO}"
    assert vimeo.stored == f"vimeo:{VIMEO}" and vimeo.origin == "https://player.vimeo.com"
    assert Trailer.from_stored(youtube.stored) == youtube and Trailer.from_stored(vimeo.stored) == vimeo
    assert Trailer.from_stored("") is None and Trailer.from_stored(None) is None
    for bad in ("youtube", "youtube:", "vimeo:12ab", "dailymotion:x7abc", f"https://youtu.be/{YT}"):
        with pytest.raises(ValidationError):
            Trailer.from_stored(bad)


def test_the_model_field_keeps_only_the_stored_form_and_deconstructs():
    field = TrailerField(blank=True)
    assert field.clean(f"youtube:{YT}", None) == f"youtube:{YT}"
    assert field.clean("", None) == ""
    for not_stored in (f"https://youtu.be/{YT}", f"<iframe src='https://www.youtube.com/embed/{YT}'>", "youtube:x"):
        with pytest.raises(ValidationError, match="is not a stored trailer"):
            field.clean(not_stored, None)
    name, path, args, kwargs = field.deconstruct()
    assert path == "shows.trailers.TrailerField"
    assert kwargs == {"blank": True, "max_length": 40, "help_text": HELP_TEXT}
    assert TrailerField(*args, **kwargs).deconstruct()[1:] == (path, args, kwargs)


class TrailerForm(forms.Form):
    trailer = TrailerField(blank=True).formfield()


def test_the_form_shows_the_watch_address_and_cleans_any_accepted_address_to_the_stored_form():
    assert isinstance(TrailerForm.base_fields["trailer"], TrailerFormField)
    shown = str(TrailerForm(initial={"trailer": f"vimeo:{VIMEO}"})["trailer"])
    assert f'value="https://vimeo.com/{VIMEO}"' in shown and 'maxlength="40"' not in shown
    assert TrailerForm.base_fields["trailer"].help_text == HELP_TEXT
    for typed in (f"https://www.youtube.com/watch?v={YT}&t=30s", f"youtube:{YT}"):
        form = TrailerForm(data={"trailer": typed}, initial={"trailer": f"youtube:{YT}"})
        assert form.is_valid() and form.cleaned_data["trailer"] == f"youtube:{YT}"
        assert not form.has_changed()  # the same video as the row holds
    form = TrailerForm(data={"trailer": ""})
    assert form.is_valid() and form.cleaned_data["trailer"] == ""


def test_the_form_says_what_is_wrong_and_shows_what_was_typed():
    typed = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    form = TrailerForm(data={"trailer": typed})
    assert not form.is_valid()
    assert "not its embed code" in form.errors["trailer"][0]
    assert 'value="&lt;iframe' in str(form["trailer"])
    form = TrailerForm(data={"trailer": "https://example.com/trailer.mp4"})
    assert not form.is_valid() and "YouTube and Vimeo, not example.com" in form.errors["trailer"][0]


class Addresses(HTMLParser):
    """Every address the markup names, by tag and attribute."""

    NAMING = {"src", "srcset", "href", "data", "poster", "action", "data-embed"}

    def __init__(self, html: str):
        super().__init__()
        self.found, self.tags = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.found += [(tag, name, value) for name, value in attrs if name in self.NAMING]


def render(trailer, item, label="ÉTOILE, season 2"):
    return render_to_string("includes/trailer.html", {"trailer": trailer, "item": item, "label": label})


SHOW = SimpleNamespace(title="ÉTOILE", slug="etoile", years="2025", get_kind_display="Series")


def still(crop):
    name = f"/media/pictures/etoile-{crop}"
    return SimpleNamespace(src=f"{name}.jpg", webp_srcset=f"{name}.webp 800w", fallback_srcset=f"{name}.jpg 800w",
                           width=800, height=533)


@pytest.mark.parametrize("trailer", [Trailer("youtube", YT), Trailer("vimeo", VIMEO)], ids=["youtube", "vimeo"])
@pytest.mark.parametrize("item", [SHOW, SimpleNamespace(picture=still, image_alt="Two dancers", **vars(SHOW))],
                         ids=["placeholder", "still"])
def test_the_include_is_the_magazines_still_and_a_button_and_asks_the_video_host_for_nothing(trailer, item):
    html = render(trailer, item)
    parsed = Addresses(html)
    assert "iframe" not in parsed.tags and "<iframe" not in html
    assert ('<button type="button" class="trailer-play" '
            f'data-embed="{trailer.embed_url.replace("&", "&amp;")}"') in html
    assert 'aria-label="Play the trailer of ÉTOILE, season 2"' in html
    elsewhere = [(tag, name, value) for tag, name, value in parsed.found if "//" in value]
    assert elsewhere == [("button", "data-embed", trailer.embed_url), ("a", "href", trailer.watch_url)]
    assert f">Watch on {trailer.provider_name}</a>" in html
    assert ("script", "src", "/static/js/trailer.js") in parsed.found
    if hasattr(item, "picture"):
        assert ("img", "src", "/media/pictures/etoile-card.jpg") in parsed.found and 'alt="Two dancers"' in html
    else:
        assert 'class="still-placeholder' in html and "ÉTOILE" in html


def test_the_include_escapes_the_label():
    html = render(Trailer("youtube", YT), SHOW, label='"<b>ÉTOILE</b>"')
    assert "<b>" not in html and "&lt;b&gt;ÉTOILE&lt;/b&gt;" in html


def policy_of(view, path="/shows/etoile/") -> dict[str, list[str]]:
    response = ContentSecurityPolicyMiddleware(view)(RequestFactory().get(path))
    return {name: sources for name, *sources in
            (directive.split() for directive in response["Content-Security-Policy"].split(";") if directive.strip())}


def page_with(trailer):
    return lambda request: allow_trailer_frame(HttpResponse("<p>A page.</p>"), trailer)


def test_only_a_page_with_a_trailer_may_frame_its_player_and_only_that_player():
    today = policy_of(lambda request: HttpResponse("<p>A page.</p>"))
    assert "frame-src" not in today and today["default-src"] == ["'self'"]
    assert policy_of(page_with(None)) == today
    youtube = policy_of(page_with(Trailer("youtube", YT)))
    assert youtube["frame-src"] == ["'self'", "https://www.youtube-nocookie.com"]  # what default-src allowed, and it
    assert {name: sources for name, sources in youtube.items() if name != "frame-src"} == today
    assert policy_of(page_with(Trailer("vimeo", VIMEO)))["frame-src"] == ["'self'", "https://player.vimeo.com"]
    assert "frame-src" not in policy_of(lambda request: HttpResponse("<p>The next page.</p>"))


def test_a_page_with_two_trailers_allows_both_players_and_keeps_other_updates():
    def view(request):
        response = HttpResponse("<p>A page.</p>")
        response._csp_update = {"img-src": ["https://pictures.example.net"]}
        for trailer in (Trailer("youtube", YT), Trailer("vimeo", VIMEO), Trailer("youtube", "aaaaaaaaaaa")):
            allow_trailer_frame(response, trailer)
        return response

    policy = policy_of(view)
    assert policy["frame-src"] == ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert "https://pictures.example.net" in policy["img-src"]
