"""Trailers: a YouTube or Vimeo address, kept as provider and video id ("youtube:ID"), never as pasted HTML.
A page shows the magazine's own still with a play button (templates/includes/trailer.html); the player, and
with it the first request to the video's host, comes only when the reader presses play (static/js/trailer.js)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from csp.constants import SELF
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

ACCEPTED = ("Give the address of a YouTube or Vimeo video, such as https://www.youtube.com/watch?v=ID, "
            "https://youtu.be/ID or https://vimeo.com/123456789.")
HELP_TEXT = "A YouTube or Vimeo address; readers see a still until they press play."
ADDRESS_MAX_LENGTH = 500
STORED_MAX_LENGTH = 40


@dataclass(frozen=True)
class Provider:
    name: str
    id_shape: re.Pattern
    id_says: str
    embed: str
    watch: str

    @property
    def origin(self) -> str:
        return "/".join(self.embed.split("/", 3)[:3])


PROVIDERS = {
    "youtube": Provider("YouTube", re.compile(r"[A-Za-z0-9_-]{11}"), "11 letters, digits, - or _",
                        "https://www.youtube-nocookie.com/embed/{}?autoplay=1", "https://www.youtube.com/watch?v={}"),
    "vimeo": Provider("Vimeo", re.compile(r"[0-9]{1,20}"), "digits",
                      "https://player.vimeo.com/video/{}?dnt=1&autoplay=1", "https://vimeo.com/{}"),
}
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com",
                 "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class Trailer:
    provider: str
    video_id: str

    def __post_init__(self):
        provider = PROVIDERS.get(self.provider)
        if provider is None:
            raise ValidationError(f"“{self.provider}” is not a video host the magazine plays. {ACCEPTED}",
                                  code="trailer_host")
        if not provider.id_shape.fullmatch(self.video_id):
            raise ValidationError(f"“{self.video_id}” is not a {provider.name} video id ({provider.id_says}). "
                                  f"{ACCEPTED}", code="trailer_id")

    @property
    def provider_name(self) -> str:
        return PROVIDERS[self.provider].name

    @property
    def embed_url(self) -> str:
        return PROVIDERS[self.provider].embed.format(self.video_id)

    @property
    def watch_url(self) -> str:
        return PROVIDERS[self.provider].watch.format(self.video_id)

    @property
    def origin(self) -> str:
        return PROVIDERS[self.provider].origin

    @property
    def stored(self) -> str:
        return f"{self.provider}:{self.video_id}"

    @classmethod
    def from_stored(cls, value: str | None) -> "Trailer | None":
        if not value:
            return None
        provider, _, video_id = value.partition(":")
        return cls(provider, video_id)


def parse_trailer(address: str) -> Trailer:
    """The trailer a YouTube or Vimeo address names; a ValidationError saying what is accepted for anything
    else."""
    address = (address or "").strip()
    if "<" in address:
        raise ValidationError(f"Paste the video's address, not its embed code. {ACCEPTED}", code="trailer_html")
    parts = urlsplit(address)
    if not parts.scheme:  # "youtu.be/ID", as people copy it from the address bar
        parts = urlsplit(f"https://{address.lstrip('/')}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(f"“{address[:80]}” is not a web address. {ACCEPTED}", code="trailer_address")
    host, path = parts.hostname, [segment for segment in parts.path.split("/") if segment]
    video_id = None
    if host in YOUTUBE_HOSTS:
        provider = "youtube"
        if path == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif len(path) == 2 and path[0] in ("embed", "shorts"):
            video_id = path[1]
    elif host == "youtu.be":
        provider = "youtube"
        video_id = path[0] if len(path) == 1 else None
    elif host in VIMEO_HOSTS:
        provider = "vimeo"
        if host == "player.vimeo.com":
            video_id = path[1] if len(path) == 2 and path[0] == "video" else None
        elif len(path) == 1 or (len(path) == 3 and path[0] == "channels"):
            video_id = path[-1]
    else:
        raise ValidationError(f"The magazine plays trailers from YouTube and Vimeo, not {host}. {ACCEPTED}",
                              code="trailer_host")
    if not video_id:
        raise ValidationError(f"This {PROVIDERS[provider].name} address names no video. {ACCEPTED}",
                              code="trailer_id")
    return Trailer(provider, video_id)


def validate_stored(value: str) -> None:
    try:
        Trailer.from_stored(value)
    except ValidationError:
        raise ValidationError(f"“{value[:80]}” is not a stored trailer (youtube:ID or vimeo:ID).",
                              code="trailer_stored") from None


class TrailerFormField(forms.CharField):
    """Shows the watch address and takes any accepted address; cleans to the stored form, so a draft or a
    revision holds "youtube:ID" as the row will."""

    def __init__(self, **kwargs):
        kwargs["max_length"] = ADDRESS_MAX_LENGTH  # the address typed, which is longer than what is stored
        kwargs.setdefault("help_text", HELP_TEXT)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "url", "spellcheck": "false", "autocomplete": "off"}

    def prepare_value(self, value):
        try:
            trailer = Trailer.from_stored(value)
        except ValidationError:
            return value  # what the editor typed, shown again beside its error
        return trailer.watch_url if trailer else value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return ""
        try:
            return Trailer.from_stored(value).stored
        except ValidationError:
            return parse_trailer(value).stored


class TrailerField(models.CharField):
    description = "A YouTube or Vimeo trailer, stored as provider and video id"
    default_validators = [validate_stored]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", STORED_MAX_LENGTH)
        kwargs.setdefault("help_text", HELP_TEXT)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": TrailerFormField, **kwargs})


def allow_trailer_frame(response, trailer: Trailer | None):
    """Let this one response's page frame the trailer's player: its provider's origin joins frame-src, on top of
    whatever frames the site's policy allows. Without a trailer the response keeps the site's policy."""
    if trailer is None:
        return response
    directives = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get("DIRECTIVES", {})
    update = dict(getattr(response, "_csp_update", None) or {})  # what the csp_update decorator would set
    frames = list(update.get("frame-src", ()))
    if "frame-src" not in directives and not frames:
        # A frame-src of its own would stop frames falling back to default-src: keep what that allowed.
        frames = list(directives.get("child-src", directives.get("default-src", [SELF])))
    if trailer.origin not in frames:
        frames.append(trailer.origin)
    update["frame-src"] = frames
    response._csp_update = update
    return response
