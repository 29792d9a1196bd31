"""Whole-page caching for anonymous readers, always correct, and the names of what each page shows.

Every public page carries the surrogate keys of what it shows (``editorial.surrogate_keys``) in its
``Surrogate-Key`` header, for this cache and for an edge cache in front (Varnish, a CDN). A page is kept in the
shared cache (Redis in production) with its keys and the *clock* read before it was made. After a
transaction that changed what readers see commits (``editorial.publication``), the clock moves on and each key
the commit touched is stamped with it; a kept page is served only while none of its keys is stamped later than
its own clock, so exactly the pages that show the change are made again, in every process, and a page made
from data read before the commit is never served as the new one. A page is never kept past the next scheduled
publication, so a scheduled review appears on its minute. Search pages are kept a minute at most. Editors
(anyone signed in), previews and the admin never read or fill this cache, and get no keys.

A page is kept under everything of the request that Django builds it from (scheme, host, script name, path and
the query parameters its view reads, ``editorial.query_parameters``); parameters the view does not read are taken
out of the request before anything sees them, so no header or parameter makes a page that others are then served.

The cache is never a dependency. While it cannot be reached, pages are served uncached. Keys that could not be
stamped are owed: the debt is written to the database, and no process uses the cache again until it has paid
every debt by moving the *generation* every kept page is filed under, so no page cached before an outage-time
publish is served after it.
"""

import hashlib
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_path_info
from django.http import HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from editorial import set_aside, surrogate_keys, upcoming
from editorial.fragments import Fragments
from editorial.publication import public_change
from editorial.query_parameters import read_by
from editorial.shared_cache import UNREACHABLE, logger
from editorial.upcoming import next_publication_time, seconds_to_next_publication
from magazine import compression
from magazine.models import PageCacheDebt
from magazine.security import carries_session_cookie, signed_in

GENERATION = "page-cache:generation"
CLOCK = upcoming.PUBLIC_CLOCK  # moved here with every public change; what other processes keep reads it too
STAMP = "page-key:{}"  # the clock when a key was last touched
STAMPS_KEPT_SECONDS = 30 * 24 * 3600  # a stamp evicted or expired is taken to be now (a miss), never as old
NEVER_CACHED = ("/admin/", "/preview/", "/media/", "/healthz", "/readyz")  # and static files
SHORT_LIVED = {"/search/": 60}  # a reader's query: kept a minute, enough to absorb the same search repeated
RECENT_BODIES_KEPT = 256  # bodies a process keeps a copy of: pages up to 100 KB, so at most some 25 MB
UNSTAMPED_REMEMBERED = 16384  # pages a process remembers as checked since the last publish: some 5 MB

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
            cache.add(GENERATION, new_generation(), None)
            value = cache.get(GENERATION) or new_generation()
        return value
    except UNREACHABLE as error:
        logger.warning("Page cache skipped: %s", error)
        distrust()
        return None


def new_generation() -> int:
    """A generation for a cache that has none (emptied, restarted, or the key evicted): the time in microseconds,
    above every generation the cache could have reached before by moving one a round trip, so no old page
    returns."""
    return time.time_ns() // 1000


def _move() -> None:
    try:
        cache.incr(GENERATION)
    except ValueError:  # no generation yet: any new one leaves old pages behind
        cache.set(GENERATION, new_generation(), None)


def touch(keys=None, **kwargs) -> None:
    """A commit changed the pages carrying ``keys``: the clock moves on and stamps each of them, so every process
    makes those pages again; if the cache cannot be reached, every page is left behind when it is back."""
    try:
        clock = _tick()
        cache.set_many({STAMP.format(key): clock for key in keys or (surrogate_keys.SITE,)}, STAMPS_KEPT_SECONDS)
    except Exception as error:  # noqa: BLE001  (unreachable, or answering nonsense: the debt is paid later)
        set_aside.log(None, set_aside.Step.PUBLIC_CHANGE, f"page cache not invalidated, owed until it answers: {error}")
        PageCacheDebt.objects.create()
        distrust()


def _tick() -> int:
    try:
        return cache.incr(CLOCK)
    except ValueError:  # no clock yet (emptied, restarted): one above any it could have reached
        cache.add(CLOCK, new_generation(), None)
        return cache.incr(CLOCK)


def read_clock(found: dict) -> int:
    clock = found.get(CLOCK)
    if clock is None:
        cache.add(CLOCK, new_generation(), None)
        clock = cache.get(CLOCK) or new_generation()
    return clock


# The page cache reads the request as the server handed it over (the WSGI environ, which is request.META), so
# a hit is served the same way before Django's request cycle (magazine/wsgi.py) and inside it.

def public_get(meta) -> bool:
    """A GET or HEAD of a public page: not the admin, a preview, media or a static file."""
    return (meta.get("REQUEST_METHOD") in ("GET", "HEAD")
            and not meta.get("PATH_INFO", "").startswith((*NEVER_CACHED, settings.STATIC_URL)))


def cacheable_request(meta) -> bool:
    return settings.PAGE_CACHE_SECONDS > 0 and public_get(meta)


_read_by_path = Fragments(1024)  # path -> the parameters its view reads


def parameters_read(path: str) -> frozenset[str]:
    key = (settings.ROOT_URLCONF, path)
    found = _read_by_path.get(key)
    if found is None:
        try:
            found = read_by(resolve(path).func)
        except Resolver404:
            found = frozenset()
        _read_by_path.put(key, found)
    return found


def drop_unread_parameters(meta, path: str) -> None:
    """Leave in the query string only what the page's view reads, each once (the last value, which the view
    reads), so that ``?utm_source=1``, ``2``, … is the page without it, kept once. ``path`` is the path as Django
    decodes it (request.path_info; the WSGI environ holds its bytes)."""
    query = meta.get("QUERY_STRING")
    if not query or not public_get(meta):
        return
    wanted = parameters_read(path)
    kept = {}
    for name, value in parse_qsl(query.encode("latin-1", "replace").decode("utf-8", "replace"), keep_blank_values=True):
        if name in wanted:
            kept.pop(name, None)
            kept[name] = value
    meta["QUERY_STRING"] = urlencode(list(kept.items()))


def cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and "private" not in control and "no-store" not in control and "no-cache" not in control)


class PageCacheMiddleware:
    """The first middleware: a kept page is the whole answer, with every header the layers below gave it.

    It names what each public page shows (``Surrogate-Key``) and compresses what it keeps itself, once, so it asks
    the layers below for the plain body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        drop_unread_parameters(meta, request.path_info)
        tidy_host(meta)
        if not public_get(meta) or signed_in(meta):
            return self.get_response(request)
        if not cacheable_request(meta) or not settle():
            return self.named(request, None)
        try:
            reading, page, body = kept_for(meta)
        except UNREACHABLE as error:
            logger.warning("Page cache skipped: %s", error)
            distrust()
            return self.named(request, None)
        if page is not None:
            return served(meta, page, body, "hit")
        request.page_cache_compresses = True
        response, keys = self.rendered(request)
        if not cacheable_response(response):
            return compression.compressed(request, response)
        try:
            lifetime = page_lifetime(request.path, reading.clock)
        except UNREACHABLE:
            distrust()
            return compression.compressed(request, name(response, keys, None))
        page, bodies = StoredPage.of(name(response, keys, lifetime), reading.clock, lifetime)
        address = page_address(meta)
        if lifetime < 1 or not store(reading.generation, address, page, bodies, lifetime):
            del response["Surrogate-Control"]  # made from data a publish has since changed, or not known: not kept
            return compression.compressed(request, response)
        unstamped_at.put(address, (page.etag, reading.clock))
        return served(meta, page, bodies.get(wanted_coding(meta, page), bodies[""]), "miss")

    def rendered(self, request):
        with surrogate_keys.collecting() as keys:
            response = self.get_response(request)
        return response, keys

    def named(self, request, lifetime):
        """A public page made without this cache (off, or unreachable): named all the same, for an edge cache,
        which is told to keep it only if no key of it was touched while it was made."""
        clock = attempt_clock()
        response, keys = self.rendered(request)
        if cacheable_response(response):
            lifetime = lifetime if lifetime is not None else edge_lifetime(request.path)
            name(response, keys, lifetime if clock is not None and not touched_since(keys, clock) else None)
        return response


def attempt_clock() -> int | None:
    try:
        return read_clock(cache.get_many([CLOCK]))
    except UNREACHABLE:
        return None


def touched_since(keys, clock: int) -> bool:
    try:
        stamps = cache.get_many([STAMP.format(key) for key in (*keys, surrogate_keys.SITE)])
    except UNREACHABLE:
        return True
    return any(stamp > clock for stamp in stamps.values())


def page_lifetime(path: str, clock: int) -> int:
    """How long a page may be kept: PAGE_CACHE_SECONDS, a minute for a search, and never past the next scheduled
    publication."""
    lifetime = min([settings.PAGE_CACHE_SECONDS, *(seconds for prefix, seconds in SHORT_LIVED.items()
                                                   if path.startswith(prefix))])
    upcoming = seconds_to_next_publication(clock)
    return min(lifetime, int(upcoming)) if upcoming is not None else lifetime


def edge_lifetime(path: str) -> int | None:
    """How long an edge may keep a page this cache did not keep (it is off, or unreachable): as long as this cache
    would, never past the next scheduled publication; None when neither the cache nor the database can tell."""
    lifetime = min([settings.EDGE_CACHE_SECONDS, *(seconds for prefix, seconds in SHORT_LIVED.items()
                                                   if path.startswith(prefix))])
    try:
        upcoming = seconds_to_next_publication(read_clock(cache.get_many([CLOCK])))
    except UNREACHABLE:
        try:
            found = next_publication_time()
        except Exception:  # noqa: BLE001  (no lifetime: the edge keeps the page for its own short default)
            return None
        upcoming = found - timezone.now().timestamp() if found else None
    return max(0, min(lifetime, int(upcoming))) if upcoming is not None else lifetime


def name(response, keys: set[str], lifetime: int | None):
    """The page's surrogate keys, and how long an edge may keep it (the browser's own Cache-Control stays)."""
    response["Surrogate-Key"] = surrogate_keys.header_value(keys)
    if lifetime is not None:
        response["Surrogate-Control"] = f"max-age={max(lifetime, 0)}"
    return response


def answer_before_django(environ) -> tuple[int, list[tuple[str, str]], bytes] | None:
    """A kept page for a reader's GET as status, headers and body, found without Django's request cycle, or
    None to let Django answer.

    Only while this process trusts the cache and has asked the database for debts within the last
    DEBT_CHECK_SECONDS: the request that finds the check due goes through PageCacheMiddleware, which makes it."""
    if (environ.get("REQUEST_METHOD") != "GET" or not _process["trusted"]
            or time.monotonic() - _process["checked"] >= DEBT_CHECK_SECONDS):
        return None
    if not cacheable_request(environ) or carries_session_cookie(environ):  # Django asks whether it is real
        return None
    drop_unread_parameters(environ, get_path_info(environ))
    tidy_host(environ)
    try:
        _, page, body = kept_for(environ)
    except UNREACHABLE as error:
        logger.warning("Page cache skipped: %s", error)
        distrust()
        return None
    return reply(environ, page, body, "hit") if page is not None else None


def scheme_of(meta) -> str:
    """The scheme as Django's request.scheme reads it: a trusted proxy's header, its first value, decides."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        if meta.get(header) is not None:
            return "https" if meta[header].split(",", 1)[0].strip() == secure else "http"
    return meta.get("wsgi.url_scheme", "http")


def tidy_host(meta) -> None:
    """One spelling of the Host: lower case, no trailing dot, no default port. Django accepts every spelling and
    copies it into a page's links, so each would be a page of its own (and a render) without this."""
    host = meta.get("HTTP_HOST")
    if not host or not public_get(meta):
        return
    domain, port = split_domain_port(host)
    if domain:
        port = "" if port == {"https": "443"}.get(scheme_of(meta), "80") else port
        meta["HTTP_HOST"] = f"{domain}:{port}" if port else domain


def page_address(meta) -> str:
    """Method, scheme, host, script name, path and query: all that Django builds a page's links from. A host Django
    refuses never has a page kept under it (Django answers 400, which is not kept), so asking with it is a miss."""
    scheme = scheme_of(meta)
    host = (settings.USE_X_FORWARDED_HOST and meta.get("HTTP_X_FORWARDED_HOST")) or meta.get("HTTP_HOST")
    if host and settings.USE_X_FORWARDED_PORT and meta.get("HTTP_X_FORWARDED_PORT"):
        host += f"|{meta['HTTP_X_FORWARDED_PORT']}"
    if not host:  # as Django reads it: the server's name, and its port unless the scheme's own
        port = meta.get("SERVER_PORT", "")
        host = meta.get("SERVER_NAME", "") + (f":{port}" if port and port != {"https": "443"}.get(scheme, "80") else "")
    query, script = meta.get("QUERY_STRING"), meta.get("SCRIPT_NAME") or ""
    script = f"[{script}]" if script else ""  # a mount point: Django puts it in front of every link
    address = (f"{meta.get('REQUEST_METHOD')}:{scheme}://"
               f"{host}{script}{meta.get('PATH_INFO', '')}{'?' + query if query else ''}")
    return address if len(address) <= 200 else hashlib.sha256(address.encode()).hexdigest()


def page_key(generation: int, address: str) -> str:
    return f"page:{generation}:{address}"


def body_key(generation: int, address: str, coding: str) -> str:
    return f"page:{generation}:{address}:{coding or 'identity'}"


_seen = {"generation": None}  # the generation this process last read: its pages are asked for with it


@dataclass(frozen=True)
class Reading:
    """What a request read of the cache before its page was made: the generation pages are filed under, and
    the clock (a page made now is good until one of its keys is stamped later)."""

    generation: int
    clock: int


# The bodies this process sent lately, by address and coding, each with the ETag of the page it belongs to: a hit
# whose page still has that ETag sends the copy and reads only the page's headers from the cache. The ETag names
# the bytes, so a copy is never sent for a page that changed.
recent_bodies = Fragments(RECENT_BODIES_KEPT)
# The pages this process found unstamped, by address: their ETag and the clock then. Until the clock moves (a
# public change anywhere) such a page is not asked about again.
unstamped_at = Fragments(UNSTAMPED_REMEMBERED)


def kept_for(meta) -> tuple[Reading, "StoredPage | None", bytes | None]:
    """The cache's reading, and the page kept for this request with its body in the coding the request takes.

    One round trip while the generation and the clock stay put: both, the page and the body in one MGET. The
    body is left out when this process holds a recent copy, or the request is conditional (mostly a 304).
    After a public change, one more: the stamps of the page's keys."""
    address, seen = page_address(meta), _seen["generation"]
    coding = compression.coding_for(meta.get("HTTP_ACCEPT_ENCODING", ""))
    recent = recent_bodies.get((address, coding))
    with_body = recent is None and "HTTP_IF_NONE_MATCH" not in meta
    found = cache.get_many([GENERATION, CLOCK, *(_page_keys(seen, address, coding, with_body) if seen else [])])
    current = found.get(GENERATION)
    if current is None:
        cache.add(GENERATION, new_generation(), None)
        current = cache.get(GENERATION) or new_generation()
    reading = Reading(current, read_clock(found))
    _seen["generation"] = current
    if current != seen:
        found.update(cache.get_many(_page_keys(current, address, coding, with_body)))
    page = found.get(page_key(current, address))
    if page is None or not unstamped(address, page, reading.clock):
        return reading, None, None
    if client_has(meta, page.etag):
        return reading, page, b""
    sent = wanted_coding(meta, page)
    if recent is not None and recent[0] == page.etag and sent == coding:
        return reading, page, recent[1]
    body_name = body_key(current, address, sent)
    body = found[body_name] if body_name in found else cache.get(body_name)
    if body is None:
        return reading, None, None  # the body was evicted: a miss
    recent_bodies.put((address, sent), (page.etag, body))
    return reading, page, body


def unstamped(address: str, page: "StoredPage", clock: int) -> bool:
    """No key of the page was touched after it was made (a stamp that is gone counts as touched)."""
    if unstamped_at.get(address) == (page.etag, clock):
        return True
    stamps = cache.get_many([STAMP.format(key) for key in page.keys])
    if len(stamps) < len(page.keys) or any(stamp > page.read_at for stamp in stamps.values()):
        return False
    unstamped_at.put(address, (page.etag, clock))
    return True


def _page_keys(generation: int, address: str, coding: str, with_body: bool) -> list[str]:
    return [page_key(generation, address), *([body_key(generation, address, coding)] if with_body else [])]


def wanted_coding(meta, page: "StoredPage") -> str:
    coding = compression.coding_for(meta.get("HTTP_ACCEPT_ENCODING", ""))
    return coding if coding in page.codings else ""


@dataclass(frozen=True)
class StoredPage:
    """A page as it is kept: status, headers, ETag, its surrogate keys and the clock read before it was made.
    Its body is kept beside it once per coding, ready to send as it is, so a hit reads only the bytes it sends."""

    status: int
    headers: tuple[tuple[str, str], ...]
    etag: str
    codings: tuple[str, ...]  # "" (identity), "gzip", "br"
    keys: tuple[str, ...]
    read_at: int
    expires_at: float = 0.0  # when it lapses (a time stamp): an edge is told to keep it no longer

    @classmethod
    def of(cls, response, read_at: int, lifetime: int = 0) -> tuple["StoredPage", dict[str, bytes]]:
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
                        if name.lower() not in ("content-length", "etag", "x-page-cache", "x-cache"))
        etag = compression.weak(etag) if len(bodies) > 1 else etag
        keys = tuple(response.get("Surrogate-Key", surrogate_keys.SITE).split())
        expires_at = time.time() + lifetime if lifetime else 0.0
        return cls(response.status_code, headers, etag, tuple(bodies), keys, read_at, expires_at), bodies


def client_has(meta, etag: str) -> bool:
    """The client's copy is this page: If-None-Match names its ETag (compared weakly, as RFC 9110 says)."""
    wanted = meta.get("HTTP_IF_NONE_MATCH")
    if not wanted or meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    return wanted.strip() == "*" or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(wanted)}


KEPT_ON_304 = ("cache-control", "vary", "content-location", "expires", "date")


def reply(meta, page: StoredPage, body: bytes, outcome: str) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body of the kept page as this request takes it: a 304 when the client's copy is
    current, else the body in the right coding."""
    if client_has(meta, page.etag):
        status, body = 304, b""
        headers = [(name, value) for name, value in page.headers if name.lower() in KEPT_ON_304]
    else:
        status, headers, coding = page.status, edge_headers(page), wanted_coding(meta, page)
        if coding:
            headers.append(("Content-Encoding", coding))
        headers.append(("Content-Length", str(len(body))))
    headers += [("ETag", page.etag), ("X-Page-Cache", outcome), ("X-Cache", outcome.upper())]
    return status, headers, body


def edge_headers(page: StoredPage) -> list[tuple[str, str]]:
    """The kept headers, with what is left of the page's life as the edge's max-age."""
    if not page.expires_at:
        return list(page.headers)
    left = f"max-age={max(int(page.expires_at - time.time()), 0)}"
    return [(name, left if name == "Surrogate-Control" else value) for name, value in page.headers]


def served(meta, page: StoredPage, body: bytes, outcome: str):
    status, headers, body = reply(meta, page, body, outcome)
    response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


def store(generation: int, address: str, page: StoredPage, bodies: dict[str, bytes], lifetime: int) -> bool:
    """The page and its bodies, written in one transaction, unless one of its keys was touched since the page
    was read (it would be served as older than that change, so it is not kept). A key never stamped is stamped
    with the page's clock first: one evicted and stamped again can then only make older pages misses. (Redis may
    still evict a body before its page: the hit that finds it missing is a miss.)"""
    try:
        names = [STAMP.format(key) for key in page.keys]
        stamps = cache.get_many(names)
        for missing in set(names) - set(stamps):
            if not cache.add(missing, page.read_at, STAMPS_KEPT_SECONDS):
                stamps[missing] = cache.get(missing) or page.read_at + 1
        if any(stamp > page.read_at for stamp in stamps.values()):
            return False
        cache.set_many({page_key(generation, address): page,
                        **{body_key(generation, address, coding): body for coding, body in bodies.items()}}, lifetime)
    except UNREACHABLE:
        distrust()
        return False
    return True


def connect() -> None:
    """After a commit that changed what readers see, the pages that show it are left behind."""
    public_change.connect(touch, dispatch_uid="magazine.page_cache.touch")
