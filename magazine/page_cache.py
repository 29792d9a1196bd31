"""Whole-page caching for anonymous readers, always correct.

Pages are kept in the shared cache (Redis in production) under a *generation*: any save or delete of
editorial content moves the generation on, so every web process serves the new page on its next request.
A page is never kept past the next scheduled publication, so a scheduled review appears on its minute.
Editors (anyone with a session), previews, the admin and search never read or fill this cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

GENERATION = "page-cache:generation"
NEXT_PUBLICATION = "page-cache:next-publication:{}"
NEVER_CACHED = ("/admin/", "/preview/", "/search/", "/media/")


def generation() -> int:
    value = cache.get(GENERATION)
    if value is None:
        cache.add(GENERATION, 1, None)
        value = cache.get(GENERATION) or 1
    return value


def bump(*args, **kwargs) -> None:
    """Something public may have changed: every process leaves the old pages behind."""
    try:
        cache.incr(GENERATION)
    except ValueError:
        cache.set(GENERATION, 2, None)


def seconds_to_next_publication(current: int) -> float | None:
    """Seconds until the next scheduled item goes live (asked once per generation), or None."""
    key = NEXT_PUBLICATION.format(current)
    found = cache.get(key)
    if found is None:
        from people.models import Person
        from reviews.models import Review
        from shows.models import Show

        times = [m.objects.scheduled().aggregate(next=Min("published_at"))["next"] for m in (Review, Show, Person)]
        upcoming = min((t for t in times if t), default=None)
        found = upcoming.timestamp() if upcoming else 0
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
        if not cacheable_request(request):
            return self.get_response(request)
        current = generation()
        address = f"{request.get_host()}{request.get_full_path()}"
        key = f"page:{current}:{request.method}:{hashlib.sha256(address.encode()).hexdigest()}"
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if cacheable_response(response):
            lifetime = settings.PAGE_CACHE_SECONDS
            upcoming = seconds_to_next_publication(current)
            if upcoming is not None:
                lifetime = min(lifetime, int(upcoming))
            if lifetime >= 1:
                cache.set(key, response, lifetime)
                # Browsers and CDNs revalidate every time (a cheap 304 by ETag), so an unpublish is never
                # hidden by a copy kept outside the shared cache.
                response["Cache-Control"] = "public, max-age=0, must-revalidate"
            response["X-Page-Cache"] = "miss"
        return response


def connect() -> None:
    """Any save or delete of what public pages show moves the generation on."""
    from taggit.models import Tag, TaggedItem

    from people.models import Person
    from reviews.models import Mention, Review
    from shows.models import Credit, Show

    for model in (Review, Show, Person, Credit, Mention, Tag, TaggedItem):
        post_save.connect(bump, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")

