"""One publication pipeline: what follows a change to an item runs once, after the transaction commits.

Services call ``changed(item, public=...)`` inside their transaction. When it commits, each
changed item refreshes what it derives from its content (a picture's renditions; through
``item_changed``, a review's mentions), and if readers can see any of it, ``public_change`` is sent once for the whole
transaction (the page cache listens). A rolled-back transaction runs nothing, and a draft
save, which readers cannot see, invalidates nothing.
"""

import threading

from django.db import transaction
from django.dispatch import Signal

public_change = Signal()  # sent once after a commit that changed what readers see; ``items``: what changed
item_changed = Signal()  # sent after the commit for each item that changed, once its own refresh has run

_local = threading.local()


class AfterCommit:
    """The changes of one transaction. ``run`` is registered with every change and acts once."""

    def __init__(self):
        self.items: dict[tuple[str, int], object] = {}
        self.public = False
        self.ran = False

    def run(self) -> None:
        if self.ran:
            return
        self.ran = True
        items = [item for item in (fresh(item) for item in self.items.values()) if item is not None]
        for item in items:
            with transaction.atomic():
                item.refresh_derived()
                item_changed.send(sender=type(item), item=item)
        if self.public:
            public_change.send(sender=AfterCommit, items=items)


def fresh(item):
    """The item as committed (None if it is gone)."""
    return type(item)._default_manager.filter(pk=item.pk).first()


def changed(item, *, public: bool) -> None:
    """Note that ``item`` changed in the current transaction; ``public`` if readers can see the change."""
    batch = getattr(_local, "batch", None)
    if batch is None or batch.ran:
        batch = _local.batch = AfterCommit()
    batch.items[(type(item)._meta.label, item.pk)] = item
    batch.public = batch.public or public
    transaction.on_commit(batch.run)


def changed_in_bulk(*, public: bool) -> None:
    """Rows changed that no one item stands for (a delete, a rescan of every review, a demo load)."""
    if public:
        transaction.on_commit(lambda: public_change.send(sender=AfterCommit, items=[]))
