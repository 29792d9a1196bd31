"""Whole-page caching for anonymous readers, always correct.

Pages are kept in the shared cache (Redis in production) under a *generation*: after a transaction
that changed what readers see commits (``magazine.publication``), the generation moves on, so every web
process serves the new page on its next request. A page is never kept past the next scheduled
publication, so a scheduled review appears on its minute. Search pages are kept a minute at most. Editors
(anyone with a session), previews and the admin never read or fill this cache.

The cache is never a dependency. While it cannot be reached, pages are served uncached. A generation
that could not be moved is owed: the debt is written to the database, and no process uses the cache
again until it has paid every debt, so no page cached before an outage-time publish is served after it.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from editorial import registry, scheduled_changes
from editorial.publication import public_change
from editorial.shared_cache import UNREACHABLE, logger
from magazine import compression
from magazine.models import PageCacheDebt

GENERATION = "page-cache:generation"
NEXT_PUBLICATION = "page-cache:next-publication:{}"
NEVER_CACHED = ("/admin/", "/preview/", "/media/")
SHORT_LIVED = {"/search/": 60}  # a reader's query: kept a minute, enough to absorb the same search repeated

DEBT_CHECK_SECONDS = 1.0  # how long a process that saw no outage may go without asking the database for debts
_process = {"trusted": False, "checked": 0.0}  # trusted: seen the cache answer, with no debt, since a failure


def settle() -> bool:
    """Pay what publishes owed the cache while it was unreachable; True once the cache can be trusted.

    A process that saw the cache fail pays before it reads the cache again. One that saw nothing (the
    outage fell between its requests) still asks the database every DEBT_CHECK_SECONDS."""
    now = time.monotonic()
    if _process["trusted"] and now - _process["checked"] < DEBT_CHECK_SECONDS:
        return True
    owed = list(PageCacheDebt.objects.values_list("pk", flat=True))
    try:
        if owed:
            _move()
        cache.get(GENERATION)
    except UNREACHABLE:
        _process["trusted"] = False
        return False
    if owed:
        PageCacheDebt.objects.filter(pk__in=owed).delete()
    _process.update(trusted=True, checked=now)
    return True


def distrust() -> None:
    _process["trusted"] = False


def generation() -> int | None:
    """The current generation, or None when the cache cannot be trusted: then pages are neither read nor kept."""
    if not settle():
        return None
    try:
        value = cache.get(GENERATION)
        if value is None:
            cache.add(GENERATION, 1, None)
            value = cache.get(GENERATION) or 1
        return value
    except UNREACHABLE as error:
        logger.warning("Page cache skipped: %s", error)
        distrust()
        return None


def _move() -> None:
    try:
        cache.incr(GENERATION)
    except ValueError:  # no generation yet (a cache emptied or restarted): any new one leaves old pages behind
        cache.set(GENERATION, 2, None)


def bump(**kwargs) -> None:
    """Something public changed: every process leaves the old pages behind, now or when the cache is back."""
    try:
        _move()
    except UNREACHABLE as error:
        logger.warning("Page cache could not be invalidated; owed until the cache answers: %s", error)
        PageCacheDebt.objects.create()
        distrust()


def seconds_to_next_publication(current: int) -> float | None:
    """Seconds until the next scheduled item goes live (asked once per generation), or None."""
    key = NEXT_PUBLICATION.format(current)
    found = cache.get(key)
    if found is None:
        times = [m.objects.scheduled().aggregate(next=Min("published_at"))["next"] for m in registry.models()]
        upcoming = [t.timestamp() for t in times if t] + [scheduled_changes.next_due() or 0]
        found = min((t for t in upcoming if t), default=0)
        cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    return found - timezone.now().timestamp() if found else None


def cacheable_request(request) -> bool:
    return (settings.PAGE_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD")
            and not request.path.startswith(NEVER_CACHED)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES)


def cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and "private" not in control and "no-store" not in control and "no-cache" not in control)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request) or not settle():
            return self.get_response(request)
        address = page_address(request)
        try:
            current, kept = lookup(address)
        except UNREACHABLE as error:
            logger.warning("Page cache skipped: %s", error)
            distrust()
            return self.get_response(request)
        if kept is not None:
            return served(request, kept, "hit")
        response = self.get_response(request)
        if not cacheable_response(response):
            return response
        lifetime = min([settings.PAGE_CACHE_SECONDS, *(seconds for prefix, seconds in SHORT_LIVED.items()
                                                       if request.path.startswith(prefix))])
        try:
            upcoming = seconds_to_next_publication(current)
        except UNREACHABLE:
            distrust()
            return response
        if upcoming is not None:
            lifetime = min(lifetime, int(upcoming))
        if lifetime < 1:
            return response
        page = StoredPage.of(response)
        if not keep(page_key(current, address), page, lifetime):
            return response
        return served(request, page, "miss")


def page_address(request) -> str:
    address = f"{request.method}:{request.get_host()}{request.get_full_path()}"
    return address if len(address) <= 200 else hashlib.sha256(address.encode()).hexdigest()


def page_key(generation: int, address: str) -> str:
    return f"page:{generation}:{address}"


_seen = {"generation": None}  # the generation this process last read: its pages are asked for with it


def lookup(address: str) -> tuple[int, "StoredPage | None"]:
    """The generation and the page kept for this address, in one round trip while the generation stays put."""
    seen = _seen["generation"]
    keys = [GENERATION, page_key(seen, address)] if seen else [GENERATION]
    found = cache.get_many(keys)
    current = found.get(GENERATION)
    if current is None:
        cache.add(GENERATION, 1, None)
        current = cache.get(GENERATION) or 1
    _seen["generation"] = current
    if current == seen:
        return current, found.get(keys[-1])
    return current, cache.get(page_key(current, address))


@dataclass(frozen=True)
class StoredPage:
    """A page as it is kept: headers, ETag and the body in each coding, ready to send as they are."""

    status: int
    headers: tuple[tuple[str, str], ...]
    etag: str
    bodies: dict[str, bytes]  # "" (identity), "gzip", "br"

    @classmethod
    def of(cls, response) -> "StoredPage":
        # Browsers and CDNs revalidate every time (a cheap 304 by ETag), so an unpublish is never hidden by a
        # copy kept outside the shared cache; hits and 304s carry the same header.
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
        patch_vary_headers(response, ("Accept-Encoding",))
        body = response.content
        etag = response.get("ETag") or f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
        bodies = {"": body}
        if compression.compressible(response):
            bodies.update((coding, compression.encode(body, coding, "best")) for coding in ("gzip", "br"))
        headers = tuple((name, value) for name, value in response.items()
                        if name.lower() not in ("content-length", "etag", "x-page-cache"))
        return cls(response.status_code, headers, compression.weak(etag) if len(bodies) > 1 else etag, bodies)


def fresh(request, etag: str) -> bool:
    """The client's copy is this page: If-None-Match names its ETag (compared weakly, as RFC 9110 says)."""
    wanted = request.META.get("HTTP_IF_NONE_MATCH")
    if not wanted or request.method not in ("GET", "HEAD"):
        return False
    return wanted.strip() == "*" or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(wanted)}


def served(request, page: StoredPage, outcome: str):
    """The kept page as this request takes it: a 304 when the client's copy is current, else the right coding."""
    if fresh(request, page.etag):
        response = HttpResponseNotModified()
        for name, value in page.headers:
            if name.lower() in ("cache-control", "vary", "content-location", "expires", "date"):
                response[name] = value
    else:
        coding = compression.chosen_coding(request) if len(page.bodies) > 1 else ""
        response = HttpResponse(page.bodies.get(coding, page.bodies[""]), status=page.status)
        for name, value in page.headers:
            response[name] = value
        if coding in page.bodies and coding:
            response["Content-Encoding"] = coding
        response["Content-Length"] = str(len(response.content))
    response["ETag"] = page.etag
    response["X-Page-Cache"] = outcome
    return response


def keep(key: str, page: StoredPage, lifetime: int) -> bool:
    try:
        cache.set(key, page, lifetime)
    except UNREACHABLE:
        distrust()
        return False
    return True


def connect() -> None:
    """After a commit that changed what readers see, every page is left behind."""
    public_change.connect(bump, dispatch_uid="magazine.page_cache.bump")
