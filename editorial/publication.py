"""One publication pipeline: what follows a change to an item runs once, after the transaction commits.

Services call ``changed(item, public=...)`` inside their transaction. When it commits, each
changed item refreshes what it derives from its content (a picture's renditions; through
``item_changed``, a review's mentions), and if readers can see any of it, ``public_change`` is sent once for the whole
transaction (the page cache listens). A rolled-back transaction runs nothing, and a draft
save, which readers cannot see, invalidates nothing.

Nothing that runs after the commit can undo it, so nothing there may stop the rest: a refresh that fails is
set aside for editors (``editorial.set_aside``) and readers' pages still move on.
"""

import threading

from django.db import transaction
from django.dispatch import Signal

from editorial import publish_keys, set_aside, surrogate_keys

public_change = Signal()  # sent once after a commit that changed what readers see; ``items``: what changed,
# ``keys``: the surrogate keys of the pages it changed (editorial.surrogate_keys)
item_changed = Signal()  # sent after the commit for each item that changed, once its own refresh has run

_local = threading.local()


class AfterCommit:
    """The changes of one transaction. ``run`` is registered with every change and acts once."""

    def __init__(self):
        self.items: dict[tuple[str, int], object] = {}
        self.public = False
        self.ran = False
        self.registered = 0  # the place of its newest callback in the connection's list

    def run(self) -> None:
        if self.ran:
            return
        self.ran = True
        committed = {key: as_committed(item, key[1]) for key, item in self.items.items()}
        items = [item for item in committed.values() if item is not None]
        for item in items:
            refresh(item)
        if self.public:
            announce(items, keys_touched(committed))


def keys_touched(committed: dict) -> frozenset[str]:
    """The surrogate keys of the pages the commit changed; every page's (``site``) when they cannot be told."""
    try:
        return publish_keys.touched(committed)
    except Exception as error:  # noqa: BLE001  (the pages still move on: all of them)
        set_aside.log(None, set_aside.Step.PUBLIC_CHANGE, f"the pages a change touched could not be told: {error}")
        return frozenset({surrogate_keys.SITE})


def refresh(item) -> Exception | None:
    """What the item derives from its content, made again; a failure is the item's alone (set aside, and
    returned for a caller that reports it too)."""
    try:
        with transaction.atomic():
            item.refresh_derived()
            item_changed.send(sender=type(item), item=item)
    except Exception as error:  # noqa: BLE001  (whatever broke, the commit stands and the others go on)
        set_aside.record(item, set_aside.Step.DERIVED, error)
        return error
    set_aside.resolve(item, set_aside.Step.DERIVED)
    return None


def announce(items: list, keys: frozenset[str]) -> None:
    """``public_change`` to every listener, each on its own: one that fails does not keep the others from it."""
    for _receiver, outcome in public_change.send_robust(sender=AfterCommit, items=items, keys=keys):
        if isinstance(outcome, Exception):
            for item in items or [None]:
                set_aside.record(item, set_aside.Step.PUBLIC_CHANGE, outcome)


def as_committed(item, pk: int):
    """The item as committed (None if it is gone)."""
    return type(item)._default_manager.filter(pk=pk).first()


def changed(item, *, public: bool) -> None:
    """Note that ``item`` changed in the current transaction; ``public`` if readers can see the change."""
    _note(item, item.pk, public)


def deleted(item, pk: int, *, public: bool) -> None:
    """Note that ``item``, whose pk was ``pk``, was deleted in the current transaction."""
    _note(item, pk, public)


def _note(item, pk: int, public: bool) -> None:
    batch = getattr(_local, "batch", None)
    if batch is None or batch.ran or not waiting(batch):
        batch = _local.batch = AfterCommit()
    batch.items[(type(item)._meta.label, pk)] = item
    batch.public = batch.public or public
    callbacks = transaction.get_connection().run_on_commit
    batch.registered = len(callbacks)  # where its callback goes (outside a transaction it runs at once)
    transaction.on_commit(batch.run)


def waiting(batch: AfterCommit) -> bool:
    """Whether the batch waits on the current transaction's commit. One whose transaction rolled back does not:
    Django dropped its callback, and the next transaction must not inherit its items."""
    callbacks = transaction.get_connection().run_on_commit
    return len(callbacks) > batch.registered and callbacks[batch.registered][1] == batch.run


def changed_in_bulk(*, public: bool) -> None:
    """Rows changed that no one item stands for (a delete, a rescan of every review, a demo load)."""
    if public:
        transaction.on_commit(lambda: announce([], frozenset({surrogate_keys.SITE})))
