"""Pages and feeds compressed on the way out: Brotli where the client takes it, else gzip.

The page cache compresses a page once, when it keeps it, and serves the stored bytes; this middleware
compresses what the page cache did not (uncached pages, pages of editors). A response that varies by
cookie may carry a secret (a CSRF token, what a session holds), so it stays uncompressed (BREACH).
"""

import functools
import gzip
import re

import brotli
from django.utils.cache import patch_vary_headers

COMPRESSIBLE = re.compile(r"^(text/|application/(xml|rss\+xml|atom\+xml|json|ld\+json|manifest\+json)|image/svg)")
MIN_SIZE = 256  # bytes; smaller bodies gain less than the header costs
TOKEN = re.compile(r"\s*([a-z*]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*", re.IGNORECASE)
QUALITY = {"fast": (4, 5), "best": (9, 9)}  # (Brotli quality, gzip level): per request, or once for the cache


def accepted(accept_encoding: str) -> set[str]:
    """The codings a client takes (q > 0), from its Accept-Encoding header."""
    taken = set()
    for part in accept_encoding.split(","):
        match = TOKEN.fullmatch(part)
        if match and float(match[2] or 1) > 0:
            taken.add(match[1].lower())
    return taken


def chosen_coding(request) -> str:
    return coding_for(request.META.get("HTTP_ACCEPT_ENCODING", ""))


@functools.lru_cache(maxsize=64)  # clients send a handful of distinct headers; a cache hit reads it every time
def coding_for(accept_encoding: str) -> str:
    taken = accepted(accept_encoding)
    return "br" if "br" in taken else "gzip" if "gzip" in taken or "*" in taken else ""


def encode(body: bytes, coding: str, effort: str = "fast") -> bytes:
    brotli_quality, gzip_level = QUALITY[effort]
    if coding == "br":
        return brotli.compress(body, quality=brotli_quality)
    return gzip.compress(body, compresslevel=gzip_level, mtime=0)


def compressible(response) -> bool:
    vary = response.get("Vary", "").lower()
    return (not response.streaming and not response.has_header("Content-Encoding")
            and bool(COMPRESSIBLE.match(response.get("Content-Type", "")))
            and len(response.content) >= MIN_SIZE and "cookie" not in vary)


def weak(etag: str) -> str:
    """One body, several codings: the ETag says the representations mean the same (RFC 9110, 8.8.1)."""
    return etag if not etag or etag.startswith("W/") else f"W/{etag}"


def compressed(request, response):
    """The response in the coding the request takes, compressed now (quickly), when it is worth it."""
    if not compressible(response):
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    coding = chosen_coding(request)
    if not coding:
        return response
    body = encode(response.content, coding)
    if len(body) >= len(response.content):
        return response
    response.content = body
    response["Content-Encoding"] = coding
    response["Content-Length"] = str(len(body))
    if response.has_header("ETag"):
        response["ETag"] = weak(response["ETag"])
    return response


class CompressionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "page_cache_compresses", False):
            return response  # the page cache, above, compresses what it keeps once and the rest as it passes
        return compressed(request, response)
