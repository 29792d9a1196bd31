"""WebSub: after a publish, each hub in WEBSUB_HUBS hears, through the outbox, of every feed the publish changed.

A review is on the latest reviews, its show's, its critic's, its tags' and the feeds of the people its show
credits; a show or a person is named by its own feeds. A publish changes the feeds an item is on now and the
ones it was on before: the first save, delete or tag change of an item in a transaction notes the feeds its
rows were on then, and when the transaction commits those join the feeds it is on after.
"""

import threading
from urllib.parse import urlencode
from urllib.request import HTTPRedirectHandler, Request, build_opener

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.urls import reverse

from editorial import outbox
from editorial.publication import public_change
from people.models import Person
from reviews.models import Review
from shows.models import Credit, Show

KIND = "websub"
TIMEOUT_SECONDS = 10

_local = threading.local()


def hubs() -> list[str]:
    return list(getattr(settings, "WEBSUB_HUBS", []))


def site_origin() -> str:
    """Where the site is served: the first single host of DJANGO_ALLOWED_HOSTS (MAGAZINE_DOMAIN if none is one),
    over https when DJANGO_SECURE=1 sends readers there."""
    host = next((host for host in settings.ALLOWED_HOSTS if "*" not in host and not host.startswith(".")),
                settings.MAGAZINE_DOMAIN)
    return f"{'https' if settings.SECURE_SSL_REDIRECT else 'http'}://{host}"


def feed_address(view_name: str, **kwargs) -> str:
    """A feed's one absolute address: the one it names as its own and hubs are told of."""
    return site_origin() + reverse(view_name, kwargs=kwargs)


def rss_and_atom(name: str, slug: str | None = None) -> set[str]:
    kwargs = {} if slug is None else {"slug": slug}
    return {feed_address(f"feeds:{name}", **kwargs), feed_address(f"feeds:{name}_atom", **kwargs)}


# --- which feeds an item is on ---------------------------------------------------------------------------


def feeds_of(item) -> set[str]:
    """The feeds a live item is on or is named by; none while it is not live."""
    if item is None or not item.is_live:
        return set()
    if isinstance(item, Review):
        return review_feeds(item)
    if isinstance(item, Show):
        reviewed = item.reviews.live().exists()
        return rss_and_atom("show", item.slug) | (credited_feeds(item) if reviewed else set())
    if isinstance(item, Person):
        return rss_and_atom("critic", item.slug) | rss_and_atom("person", item.slug)
    return set()


def review_feeds(review: Review) -> set[str]:
    feeds = rss_and_atom("latest") | credited_feeds(review.show)
    if review.show.is_live:
        feeds |= rss_and_atom("show", review.show.slug)
    if review.critic_id and review.critic.is_live:
        feeds |= rss_and_atom("critic", review.critic.slug)
    for tag in review.tags.all():
        feeds |= rss_and_atom("tag", tag.slug)
    return feeds


def credited_feeds(show: Show) -> set[str]:
    """The feeds of reviews of work by each person the show credits."""
    people = Person.objects.live().filter(credits__show=show).distinct()
    return set().union(*(rss_and_atom("person", person.slug) for person in people))


# --- the feeds an item was on before its transaction changed it --------------------------------------------


class Before:
    """The feeds the items one transaction changes were on before it changed them. Registered to run when the
    transaction commits, it hands them on for the public change that follows; a rollback drops it."""

    def __init__(self):
        self.feeds: dict[tuple[str, int], set[str]] = {}
        self.place, self.ran = None, False

    def register(self) -> None:
        self.place = len(transaction.get_connection().run_on_commit)
        transaction.on_commit(self)  # outside a transaction: at once

    def waiting(self) -> bool:
        """Whether it waits on the current transaction's commit (one rolled back took it from the list)."""
        callbacks = transaction.get_connection().run_on_commit
        return not self.ran and self.place is not None and self.place < len(callbacks) and (
            callbacks[self.place][1] is self)

    def __call__(self) -> None:
        self.ran = True
        for key, feeds in self.feeds.items():
            noted().setdefault(key, set()).update(feeds)


def noted() -> dict[tuple[str, int], set[str]]:
    """Per thread: what the commits since the last public change noted, by item."""
    if not hasattr(_local, "noted"):
        _local.noted = {}
    return _local.noted


def note_before(model, pk) -> None:
    """Note the feeds the item's rows are on, at its first change in the transaction: as readers had them."""
    if pk is None or not hubs():
        return
    before = getattr(_local, "before", None)
    if before is None or not before.waiting():
        before = _local.before = Before()
    key = (model._meta.label, pk)
    if key in before.feeds:
        return
    before.feeds[key] = feeds_of(model._default_manager.filter(pk=pk).first())
    if before.place is None:
        before.register()


def item_changing(sender, instance, **kwargs) -> None:
    note_before(sender, instance.pk)


def credit_changing(sender, instance, **kwargs) -> None:
    note_before(Show, instance.show_id)


def tags_changing(sender, instance, action, **kwargs) -> None:
    if isinstance(instance, Review) and action.startswith("pre_"):
        note_before(Review, instance.pk)


# --- telling the hubs ---------------------------------------------------------------------------------


def changed_feeds(items: list) -> set[str]:
    """The feeds the commits since the last public change moved: for each item whose rows they changed (or
    deleted), the feeds it was on and the feeds it is on."""
    before = _local.__dict__.pop("noted", {})
    after = (feeds_of(item) for item in items if (type(item)._meta.label, item.pk) in before)
    return set().union(*before.values(), *after)


def tell_hubs(sender, items, **kwargs) -> None:
    """One outbox row per hub and feed changed (the receiver of ``public_change``)."""
    feeds = changed_feeds(items)
    for hub in hubs():
        for feed in sorted(feeds):
            outbox.enqueue(KIND, hub, {"url": feed})


class NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirected POST would arrive as a GET: a 3xx is no acknowledgement


def send(hub: str, payload: dict) -> None:
    """Tell ``hub`` the feed at ``payload["url"]`` changed; returns once it answers 2xx, raises otherwise."""
    body = urlencode({"hub.mode": "publish", "hub.url": payload["url"]}).encode()
    request = Request(hub, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with build_opener(NoRedirects).open(request, timeout=TIMEOUT_SECONDS):  # any answer but a 2xx raises
        pass


def connect() -> None:
    for model in (Review, Show, Person):
        pre_save.connect(item_changing, sender=model, dispatch_uid=f"reviews.websub.{model.__name__}.save")
        pre_delete.connect(item_changing, sender=model, dispatch_uid=f"reviews.websub.{model.__name__}.delete")
    pre_save.connect(credit_changing, sender=Credit, dispatch_uid="reviews.websub.Credit.save")
    pre_delete.connect(credit_changing, sender=Credit, dispatch_uid="reviews.websub.Credit.delete")
    m2m_changed.connect(tags_changing, sender=Review.tags.through, dispatch_uid="reviews.websub.tags")
    public_change.connect(tell_hubs, dispatch_uid="reviews.websub.tell_hubs")
    outbox.register(KIND, send)
