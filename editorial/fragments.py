"""Pieces of pages rendered once per version of what they show, and kept by each process.

``{% load fragments %}{% fragment review review.show review.critic %}…{% endfragment %}`` renders its
contents the first time, then serves the same HTML while each item named keeps its version, its last
change and its liveness: an edit, a publish or a scheduled item going live makes a new key, so nothing is
ever invalidated and nothing stale is served. What the contents show must come from what is named; a value
written without a save (a picture's renditions, made after the commit) is named itself.

Views keep other things a page makes in the same store, under keys of their own: a review's JSON-LD (per
version of what it names), and values read at most once a while, whose key carries a time bucket (a review's
related ids, the archive's filter choices).
"""

import json
import threading
from collections import OrderedDict

from editorial import surrogate_keys

FRAGMENTS_KEPT = 4096  # about 1 KB each


def item_key(item) -> tuple:
    """What a fragment depends on of one thing it names: a model instance by its version, last change and
    liveness; anything else (a dict of renditions written after the commit, say) by its value."""
    if item is None or not hasattr(item, "pk"):
        return (json.dumps(item, sort_keys=True, default=str),)
    live = getattr(item, "is_live", None)
    return (type(item).__name__, item.pk, getattr(item, "version", None), getattr(item, "updated_at", None), live)


class Fragments:
    """A bounded map of rendered HTML (or any value made once), the least recently used dropped first; safe
    across a process's threads."""

    def __init__(self, size: int = FRAGMENTS_KEPT):
        self.size, self.kept, self.lock = size, OrderedDict(), threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple):
        with self.lock:
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
                self.hits += 1
            return found

    def put(self, key: tuple, value) -> None:
        with self.lock:
            self.misses += 1
            self.kept[key] = value
            self.kept.move_to_end(key)
            if len(self.kept) > self.size:
                self.kept.popitem(last=False)

    def get_or_render(self, key: tuple, render):
        """The value kept under ``key``, or ``render()`` kept; the surrogate keys of what it read are kept with
        it and named again each time it is served."""
        found = self.get(key)
        if found is None:
            with surrogate_keys.collecting() as read:
                value = render()
            found = (value, frozenset(read))
            self.put(key, found)
        surrogate_keys.add(found[1])
        return found[0]

    def clear(self) -> None:
        with self.lock:
            self.kept.clear()
            self.hits = self.misses = 0


fragments = Fragments()
