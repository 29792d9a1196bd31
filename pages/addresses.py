"""A page's address is ``/<slug>/``, at the site's root, beside the site's own sections: a slug that is the first
part of one of their addresses (``reviews``, ``feeds``, ``robots``) would never be reached, so it is refused."""

import re

from django.conf import settings
from django.urls import get_resolver

# Served before Django's URLs, or only in some settings: named here as well as read from the URLs.
ALWAYS_TAKEN = frozenset({"admin", "feeds", "favicon", "healthz", "media", "people", "preview", "readyz", "reviews",
                          "robots", "search", "shows", "site", "sitemap", "static", "tags"})


def first_part(text: str) -> str:
    """``reviews/`` → reviews, ``sitemap-<section>.xml`` → sitemap, ``^media/(?P<path>.+)$`` → media."""
    return re.split(r"[/<(.\\$]", text.lstrip("^"), maxsplit=1)[0].strip("-_").casefold()


def taken() -> frozenset[str]:
    """The first parts of the site's own addresses, from its URLs (and the static and media folders)."""
    found = set(ALWAYS_TAKEN)
    for pattern in get_resolver().url_patterns:
        found.add(first_part(str(pattern.pattern)))
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        found.add(first_part(str(url or "").lstrip("/")))
    found.discard("")
    return frozenset(found)


def is_taken(slug: str) -> bool:
    return slug.casefold() in taken()
