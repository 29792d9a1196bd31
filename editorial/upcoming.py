"""When what readers see changes: the public clock, which moves with every public change (anything a process keeps
names the clock it read), and the next scheduled item or scheduled change to go live, the one change that no commit
announces, so nothing kept (a page, a count) may outlive it."""

from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from editorial import registry, scheduled_changes

PUBLIC_CLOCK = "page-cache:clock"  # moved by the page cache with every public change, in every process
NEXT_PUBLICATION = "page-cache:next-publication:{}"
NEXT_PUBLICATION_KEPT_SECONDS = 3600  # asked again sooner when the clock moves, or the time has come


def next_publication_at(clock: int) -> float:
    """When the next scheduled item goes live, as a timestamp (0: nothing is scheduled), asked of the database
    once per ``clock`` (the page cache's, which moves with every public change) in the shared cache. Raises
    what the shared cache raises when it cannot be reached."""
    key = NEXT_PUBLICATION.format(clock)
    found = cache.get(key)
    if found is None or 0 < found <= timezone.now().timestamp():  # unknown, or past: what comes next is asked again
        found = next_publication_time()
        cache.set(key, found, NEXT_PUBLICATION_KEPT_SECONDS)
    return found


def seconds_to_next_publication(clock: int) -> float | None:
    """Seconds until the next scheduled item goes live, or None."""
    found = next_publication_at(clock)
    return found - timezone.now().timestamp() if found else None


def next_publication_time() -> float:
    """When the next scheduled item goes live, as a timestamp (0: nothing is scheduled), read from the database."""
    times = [m.objects.scheduled().aggregate(next=Min("published_at"))["next"] for m in registry.models()]
    upcoming = [t.timestamp() for t in times if t] + [scheduled_changes.next_due() or 0]
    return min((t for t in upcoming if t), default=0)
