"""Which public addresses a commit changed, told from the surrogate keys it touched (``editorial.publish_keys``):
the pages readers read most, and the feeds that carry what changed, as paths.

A list key stands for the list's first page and its feeds: ``review-list`` for the home page, the archive and the
latest feeds; ``review-list/tag-5`` for the tag's page and feeds; ``review-list/person-7`` for the person's page, their
critic's feed and the feed of reviews of their work (the key does not tell the two apart); ``review-list/show-3`` for
the show's page and feed; a list of shows or people narrowed to an item, for that item's page (and a person's credits
for the feed of reviews of their work). An item key stands for the item's own page, the feeds named after it, and
the feeds of the lists it is on now (``ListsJoined``): a correction touches only the item's key, yet every feed that
carries it changes. What is gone or not live stands for nothing. ``site`` stands for the site's own lists.
"""

from dataclasses import dataclass

from django.urls import reverse
from taggit.models import Tag

from editorial.models import ListsJoined
from editorial.surrogate_keys import SITE, keyed_models
from people.models import Person
from shows.models import Show

PLAIN_LISTS = {  # a model's list unnarrowed: its pages and feeds
    "review": (("home", "reviews:archive"), ("latest",)),
    "show": (("shows:list",), ()),
    "person": (("people:list",), ()),
}
SITE_LISTS = ("review", "show", "person")


@dataclass(frozen=True)
class Addresses:
    pages: list[str]
    feeds: list[str]


def changed_addresses(keys) -> Addresses:
    """The paths of the pages and the feeds that the commit which touched ``keys`` changed."""
    read: dict = {}
    pages, feeds, items = named_by(keys, read)
    feeds |= named_by(lists_joined(items), read)[1]
    return Addresses(sorted(pages), sorted(feeds))


def named_by(keys, read: dict) -> tuple[set[str], set[str], list]:
    """The pages and the feeds the keys stand for, and the live items they name by their item keys. ``read``: each
    item named so far, None if it is gone or not live; the others are read into it."""
    parsed = [parse(key) for key in keys]
    read_live(read, {subject for _, subject in parsed if subject} - read.keys())
    pages, feeds, items = set(), set(), []
    for kind, subject in parsed:
        item = read.get(subject) if subject else None
        if kind == SITE:
            found = [plain_list(name) for name in SITE_LISTS]
        elif subject is None:
            found = [plain_list(kind)]
        elif item is None:
            continue
        elif kind == "item":
            items.append(item)
            found = [({page_of(item)}, feeds_named_after(item))]
        else:
            found = [({page_of(item)}, list_feeds(kind, item))]
        for found_pages, found_feeds in found:
            pages |= found_pages
            feeds |= found_feeds
    return pages, feeds, items


def lists_joined(items: list) -> set[str]:
    """The list keys the items are on now."""
    keys = set()
    for model in {type(item) for item in items}:
        pks = [item.pk for item in items if type(item) is model]
        for joined in ListsJoined.objects.filter(model=model._meta.label, object_id__in=pks):
            keys.update(joined.keys)
    return keys


def parse(key: str) -> tuple[str, tuple[str, int] | None]:
    """``("item", ("review", 12))`` for ``review-12``, ``("review", ("tag", 5))`` for ``review-list/tag-5``,
    ``("review", None)`` for ``review-list``, ``("site", None)``; ``("", None)`` for a key that names no address
    (``review-any``: a page of every review, such as a sitemap; ``review-list/tag-5@200``, a stretch of a list,
    which is touched with its list)."""
    if key == SITE:
        return SITE, None
    if "@" in key:
        return "", None
    head, _, subject = key.partition("/")
    if head.endswith("-list"):
        return head.removesuffix("-list"), item_of(subject) if subject else None
    found = item_of(key)
    return ("item", found) if found else ("", None)


def item_of(key: str) -> tuple[str, int] | None:
    name, _, pk = key.rpartition("-")
    return (name, int(pk)) if pk.isdigit() and name else None


def read_live(read: dict, wanted: set[tuple[str, int]]) -> None:
    """Each wanted item into ``read``, or None if it is gone or not live: one query per model."""
    for model in keyed_models():
        name = model._meta.model_name
        pks = [pk for wanted_name, pk in wanted if wanted_name == name]
        rows = model._default_manager.prefetch_related("season_set") if model is Show else model._default_manager
        found = rows.in_bulk(pks) if pks else {}  # a show's seasons have feeds of their own
        for pk in pks:
            item = found.get(pk)
            read[(name, pk)] = item if item is not None and getattr(item, "is_live", True) else None  # tags: always


def plain_list(name: str) -> tuple[set, set]:
    pages, feeds = PLAIN_LISTS.get(name, ((), ()))
    return {reverse(page) for page in pages}, set().union(*(feed_paths(feed) for feed in feeds))


def list_feeds(name: str, subject) -> set[str]:
    if name == "review":
        return feeds_named_after(subject)
    if name == "show" and isinstance(subject, Person):  # the reviews of a person's work follow their credits
        return feed_paths("person", subject.slug)
    return set()


def page_of(item) -> str:
    return reverse("tag", args=[item.slug]) if isinstance(item, Tag) else item.get_absolute_url()


def feeds_named_after(item) -> set[str]:
    """The feeds of the reviews narrowed to the item: a tag's, a show's and its seasons', a person's as critic and
    as credited."""
    if isinstance(item, Tag):
        return feed_paths("tag", item.slug)
    if isinstance(item, Show):
        return feed_paths("show", item.slug).union(*(feed_paths("season", item.slug, number=season.number)
                                                     for season in item.season_set.all()))
    if isinstance(item, Person):
        return feed_paths("critic", item.slug) | feed_paths("person", item.slug)
    return set()


def feed_paths(name: str, slug: str | None = None, **more) -> set[str]:
    """A feed's RSS and Atom paths."""
    kwargs = ({} if slug is None else {"slug": slug}) | more
    return {reverse(f"feeds:{name}", kwargs=kwargs), reverse(f"feeds:{name}_atom", kwargs=kwargs)}

