"""Who has an item's change form open, kept in the shared cache (Redis in production).

The change form beats every ``BEAT_SECONDS``; a page being left says so at once (``left``), and one that
stops beating without saying so (a closed laptop) drops out after ``FRESH_SECONDS``. Each open page has its
own id, so a page left after its successor opened (a save reloads the form) never removes its successor.
"""

import time

from django.contrib.contenttypes.models import ContentType

from editorial.shared_cache import attempt
from editorial.who import name_of

BEAT_SECONDS = 15
FRESH_SECONDS = 45  # three missed beats and an editor has gone: well within a minute
clock = time.time


def key(item) -> str:
    return f"presence:{ContentType.objects.get_for_model(item).pk}:{item.pk}"


def here(item) -> dict:
    """{user id: (name, last beat, page id)} of the fresh ones."""
    now = clock()
    entries = attempt("get", key(item)) or {}
    return {uid: tuple(entry) + ("",) * (3 - len(entry)) for uid, entry in entries.items()
            if now - entry[1] < FRESH_SECONDS}


def seen(item, user, page: str = "") -> list[str]:
    """Note that ``user`` has the item open (on ``page``); return the names of the others who do."""
    present = here(item)
    present[user.pk] = (name_of(user), clock(), page[:64])
    attempt("set", key(item), present, FRESH_SECONDS * 2)  # without the cache, nobody is shown as here
    return sorted(name for uid, (name, _, _) in present.items() if uid != user.pk)


def left(item, user, page: str) -> None:
    """``user`` closed ``page``: off the list at once, unless they have the item open on a newer page."""
    present = here(item)
    entry = present.get(user.pk)
    if entry is not None and page and entry[2] == page[:64]:
        del present[user.pk]
        attempt("set", key(item), present, FRESH_SECONDS * 2)
