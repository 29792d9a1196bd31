"""WebSub: after a publish, each hub in WEBSUB_HUBS hears, through the outbox, of every feed the publish changed.

Which feeds those are is told from the surrogate keys the commit touched (``reviews.addresses``): they name the
lists an item joined and the ones it left, and the feeds of the lists it is on are read from what it is on now.
"""

from urllib.parse import urlencode
from urllib.request import HTTPRedirectHandler, Request, build_opener

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from editorial import outbox
from editorial.publication import public_change
from editorial.surrogate_keys import SITE
from reviews.addresses import changed_addresses, feed_paths

KIND = "websub"
TIMEOUT_SECONDS = 10


def hubs() -> list[str]:
    return list(getattr(settings, "WEBSUB_HUBS", []))


def site_origin() -> str:
    """Where the site is served: the first single host of DJANGO_ALLOWED_HOSTS (MAGAZINE_DOMAIN if none is one),
    over https when DJANGO_SECURE=1 sends readers there."""
    host = next((host for host in settings.ALLOWED_HOSTS if "*" not in host and not host.startswith(".")),
                settings.MAGAZINE_DOMAIN)
    return f"{'https' if settings.SECURE_SSL_REDIRECT else 'http'}://{host}"


def feed_address(view_name: str, **kwargs) -> str:
    """A feed's one absolute address: the one it names as its own and hubs are told of."""
    return site_origin() + reverse(view_name, kwargs=kwargs)


def rss_and_atom(name: str, slug: str | None = None) -> set[str]:
    return {site_origin() + path for path in feed_paths(name, slug)}


def tell_hubs(sender, keys=None, **kwargs) -> None:
    """One outbox row per hub and feed changed (the receiver of ``public_change``)."""
    if not hubs():
        return
    feeds = [site_origin() + path for path in changed_addresses(keys or {SITE}).feeds]
    with transaction.atomic():  # one write for them all, in the editor's request
        for hub in hubs():
            for feed in feeds:
                outbox.enqueue(KIND, hub, {"url": feed})


class NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirected POST would arrive as a GET: a 3xx is no acknowledgement


def send(hub: str, payload: dict) -> None:
    """Tell ``hub`` the feed at ``payload["url"]`` changed; returns once it answers 2xx, raises otherwise."""
    body = urlencode({"hub.mode": "publish", "hub.url": payload["url"]}).encode()
    request = Request(hub, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with build_opener(NoRedirects).open(request, timeout=TIMEOUT_SECONDS):  # any answer but a 2xx raises
        pass


def connect() -> None:
    public_change.connect(tell_hubs, dispatch_uid="reviews.websub.tell_hubs")
    outbox.register(KIND, send)
