"""Who has an item's change form open, kept in the shared cache (Redis in production) for a few minutes."""

import time

from django.contrib.contenttypes.models import ContentType

from editorial.shared_cache import attempt

FRESH_SECONDS = 90  # the change form beats every 30 seconds; three missed beats and an editor has gone


def key(item) -> str:
    return f"presence:{ContentType.objects.get_for_model(item).pk}:{item.pk}"


def seen(item, user) -> list[str]:
    """Note that ``user`` has the item open; return the names of the others who do."""
    now = time.time()
    here = {uid: entry for uid, entry in (attempt("get", key(item)) or {}).items() if now - entry[1] < FRESH_SECONDS}
    here[user.pk] = (user.get_full_name() or user.get_username(), now)
    attempt("set", key(item), here, FRESH_SECONDS * 2)  # without the cache, nobody is shown as here
    return sorted(name for uid, (name, _) in here.items() if uid != user.pk)
