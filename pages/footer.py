"""The footer's links to the magazine's own pages: the live pages given a place in it, in that order.

Every public page shows them, so each process keeps the list it read, under the public clock, which moves with every
public change in every process (``editorial.upcoming``): one read of the shared cache a page, no query. The list is
read again once the clock has moved, or when a footer page scheduled ahead goes live (no commit announces that).
It names ``page-list`` alone: a page's place, title and address are what pages are ordered by, so a change to any of
them touches that list (``editorial.publish_keys``), and a change to a page's text touches its own page only. A
preview reads the rows it wrote for itself and keeps nothing; while the shared cache cannot be reached, each page
reads the list, and what the process kept is dropped."""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Min

from editorial import surrogate_keys, upcoming
from editorial.fragments import Fragments
from editorial.shared_cache import UNREACHABLE
from pages.models import Page

CLOCKS_KEPT = 8


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


@dataclass(frozen=True)
class Footer:
    links: list[FooterLink]
    until: float | None  # when a footer page scheduled ahead goes live


kept = Fragments(CLOCKS_KEPT)  # this process's footers, by the clock they were read at


def read() -> Footer:
    with surrogate_keys.instead({surrogate_keys.list_key(Page)}):
        shown = Page.objects.live().filter(footer_order__isnull=False).only("title", "slug", "footer_order")
        links = [FooterLink(page.title, page.get_absolute_url()) for page in shown]
        ahead = Page.objects.scheduled().filter(footer_order__isnull=False).aggregate(next=Min("published_at"))
    return Footer(links, ahead["next"].timestamp() if ahead["next"] else None)


def links(*, keep: bool = True) -> list[FooterLink]:
    try:
        clock = cache.get(upcoming.PUBLIC_CLOCK) if keep else None
    except UNREACHABLE:
        kept.clear()
        clock = None
    if clock is None:
        return read().links
    footer = kept.get(clock)
    if footer is None or (footer.until and footer.until <= time.time()):
        footer = read()
        kept.put(clock, footer)
    else:
        surrogate_keys.add({surrogate_keys.list_key(Page)})
    return footer.links
