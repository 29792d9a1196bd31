"""Warming: after a public change, the pages it changed that readers hit most are asked for again, so the first
reader after a publish is not the one who waits for them to be made.

Those are the home page, always, and the pages and feeds ``reviews.addresses`` tells from the keys the commit
touched: the item's own page, its feeds, the first page of each list it joined or left. Each is one outbox row,
sent by the web process's own sender thread once the editor's request is answered (``editorial.outbox``): a plain
GET of ``WARM_BASE_URL`` and the path, under the Host the site is served at, which makes the page and leaves it in
the page cache, and at the edge too when WARM_BASE_URL is the edge's address. The rows are written after the page
cache and the edge purges have heard of the change (their receivers are connected first: editorial and magazine come
before reviews in INSTALLED_APPS), so the page asked for is made and kept as the new one.

A warm is an optimisation, not a duty: one that fails is tried once more and then dropped, never kept in the outbox
to be tried again, and while the address does not answer the next ones are dropped without asking. The first reader
then makes the page, as if there were no warming.
"""

import logging
import time
import urllib.request
from urllib.error import HTTPError
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from editorial import outbox
from editorial.publication import public_change
from editorial.surrogate_keys import SITE
from reviews.addresses import changed_addresses
from reviews.websub import site_origin

logger = logging.getLogger("reviews.warming")

KIND = "warm"
TRIES = 2
PAUSE_SECONDS = 0.5  # between the two tries
TIMEOUT_SECONDS = 10  # a page made from cold: longer than any page takes
RESTING_SECONDS = 30  # after a warm is dropped, how long the next ones are dropped without asking
ACCEPT_ENCODING = "br, gzip"  # the page cache keeps every coding at once; an edge keeps the one asked for

_resting = {"until": 0.0}


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the page is what it is: a redirect is followed by readers, not by warming


_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirects)  # to the site, never a proxy


def warm_changed_pages(sender, keys=None, **kwargs) -> None:
    """One outbox row per page to warm (the receiver of ``public_change``); none without WARM_BASE_URL."""
    base = settings.WARM_BASE_URL
    if not base:
        return
    found = changed_addresses(keys or {SITE})
    origin = urlsplit(site_origin())
    with transaction.atomic():  # one write for them all, in the editor's request
        for path in dict.fromkeys([reverse("home"), *found.pages, *found.feeds]):
            outbox.enqueue(KIND, base + path, {"host": origin.netloc, "scheme": origin.scheme})


def send(address: str, payload: dict) -> None:
    """Ask for the page at ``address``; returns whatever happens (the outbox then forgets it)."""
    if time.monotonic() < _resting["until"]:
        return
    for attempt in range(1, TRIES + 1):
        try:
            ask(address, payload)
            return
        except HTTPError:
            return  # answered: a 404 (a tag with nothing live left) or a redirect is the page as readers get it
        except OSError as error:
            if attempt == TRIES:
                _resting["until"] = time.monotonic() + RESTING_SECONDS
                logger.info("warming: %s dropped after %d tries (%s); warms dropped for %d s",
                            address, TRIES, error, RESTING_SECONDS)
                return
            time.sleep(PAUSE_SECONDS)


def ask(address: str, payload: dict) -> None:
    headers = {"Host": payload["host"], "Accept-Encoding": ACCEPT_ENCODING}
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    if payload["scheme"] == "https" and proxy_header:  # as the proxy in front tells the app a reader came over TLS
        name, value = proxy_header
        headers[name.removeprefix("HTTP_").replace("_", "-").title()] = value
    with _direct.open(urllib.request.Request(address, headers=headers), timeout=TIMEOUT_SECONDS) as response:
        response.read()


def connect() -> None:
    outbox.register(KIND, send)
    public_change.connect(warm_changed_pages, dispatch_uid="reviews.warming.warm_changed_pages")
