"""The archive's numbered pages, newest first, cheap at any depth.

The first pages are addressed by number (``?page=3``), read with a small OFFSET. Past them, a page is
addressed by the review it follows (``?before=20250301T101500.000000Z.4711``, the key of the last review of
the page before): the database starts from that key in its index, so page 5,000 costs what page 2
does. Its number comes from an indexed count of the reviews ahead of it. Every page links its
neighbours, the first and the last page by number, so every page can be reached.

The counts (at 100,000 reviews, counting a tag's 1,435 takes longer than reading its page) change only on a publish,
so each process keeps them until the next public change anywhere or the next scheduled publication.
"""

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import Http404

from editorial import keyset, surrogate_keys, upcoming
from editorial.fragments import fragments
from editorial.shared_cache import UNREACHABLE

PER_PAGE = settings.PAGE_SIZE
NUMBERED_PAGES = 20  # ?page=N reaches this far (an OFFSET of at most 228 rows)
NEIGHBOURS = 2  # numbered links each side of the current page
ORDER = ("-published_at", "-pk")
CURSOR = re.compile(r"(\d{8}T\d{6}\.\d{6}Z)\.(\d{1,18})")
PAGE_NUMBER = re.compile(r"[1-9]\d{0,3}|last")


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after the review published at ``at`` with this pk."""

    at: datetime
    pk: int

    def __str__(self) -> str:
        return f"{self.at.astimezone(UTC):%Y%m%dT%H%M%S.%fZ}.{self.pk}"

    @classmethod
    def of(cls, row) -> "Cursor":
        return cls(*row) if isinstance(row, tuple) else cls(row.published_at, row.pk)

    @classmethod
    def parse(cls, text: str) -> "Cursor":
        match = CURSOR.fullmatch(text)
        try:
            at = datetime.strptime(match[1], "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
        except (TypeError, ValueError) as error:
            raise Http404("No such page of the archive.") from error
        return cls(at, int(match[2]))

    def older(self):
        return keyset.after("published_at", self.at, self.pk, descending=True)

    def newer(self):
        return keyset.before("published_at", self.at, self.pk, descending=True)

    def newer_or_same(self):
        """Everything that does not come after the cursor: what stands ahead of the page it starts."""
        return keyset.at_or_after("published_at", self.at, self.pk)


@dataclass(frozen=True)
class PageLink:
    number: int
    params: tuple[tuple[str, str], ...] = ()  # what the link adds to the filters: (), ("page", "3"), ("before", …)
    current: bool = False


FIRST_PAGE = PageLink(1)


@dataclass
class ArchivePage:
    reviews: list
    number: int
    count: int  # every review the filters let through
    first: int  # the position of the page's first review (1-based)
    links: list[PageLink | None]  # None: a gap between numbers
    newer: PageLink | None
    older: PageLink | None

    @property
    def last(self) -> int:
        return self.first + len(self.reviews) - 1

    @property
    def last_number(self) -> int:
        return last_number_of(self.count)

    @property
    def has_other_pages(self) -> bool:
        return bool(self.newer or self.older)


def number_at(start: int) -> int:
    """The number of the page whose first review stands at ``start`` (0-based); a page that does not start
    where numbered pages do (reviews were published since its link was made) takes the next number."""
    return -(-start // PER_PAGE) + 1


def last_number_of(total: int) -> int:
    return max(total - 1, 0) // PER_PAGE + 1


def read_position(params) -> tuple[str | None, Cursor | None]:
    """``page`` or ``before`` from the address; anything else there is a 404."""
    page, before = params.get("page"), params.get("before")
    if page is not None and before is not None:
        raise Http404("A page is given by its number or by where it starts, not both.")
    if before is not None:
        return None, Cursor.parse(before)
    if page is None:
        return "1", None
    if not PAGE_NUMBER.fullmatch(page) or (page != "last" and int(page) > NUMBERED_PAGES):
        raise Http404("No such page of the archive.")
    return page, None


def archive_page(reviews, *, page: str | None, before: Cursor | None) -> ArchivePage:
    """The page asked for, of the live reviews given (filtered; the archive's order is applied here)."""
    ordered = reviews.order_by(*ORDER)
    if before:
        total, start = kept_count(ordered, str(before), lambda: tuple(ordered.aggregate(
            total=Count("*"), ahead=Count("pk", filter=before.newer_or_same())).values()))
        rows = list(ordered.filter(before.older()).cards()[:PER_PAGE])
        if not rows:
            raise Http404("No such page of the archive.")
    else:
        total = kept_count(ordered, "", ordered.count)
        number = last_number_of(total) if page == "last" else int(page)
        start = (number - 1) * PER_PAGE
        if number > 1 and start >= total:
            raise Http404("No such page of the archive.")
        if number > NUMBERED_PAGES:  # the last page, far down: read from the oldest end
            rows = list(reviews.order_by("published_at", "pk").cards()[: total - start])[::-1]
        else:
            rows = list(ordered.cards()[start:start + PER_PAGE])
    links, newer, older = _links(ordered, rows, start, total)
    return ArchivePage(reviews=rows, number=number_at(start), count=total, first=start + 1, links=links,
                       newer=newer, older=older)


def kept_count(reviews, name: str, count):
    """``count()``, kept by the process under the query it counts until the clock moves or the next scheduled
    publication comes (its surrogate keys with it); counted every time while the shared cache cannot say."""
    try:
        clock = cache.get(upcoming.PUBLIC_CLOCK)
        until = upcoming.next_publication_at(clock) if clock is not None else None
    except UNREACHABLE:
        clock = None
    if clock is None:
        return count()
    sql, params = reviews.query.sql_with_params()
    key = ("reviews.archive_pages.count", sql, tuple(map(str, params)), name, clock)
    found = fragments.get(key)
    if found is None or (found[2] and found[2] <= time.time()):
        with surrogate_keys.collecting() as read:
            value = count()
        found = (value, frozenset(read), until)
        fragments.put(key, found)
    surrogate_keys.add(found[1])
    return found[0]


def _links(ordered, rows, start: int, total: int):
    """Numbered links around the page, the first and the last page, and its two neighbours.

    Pages ahead are numbered links while they are few; deeper ones start after a review's key, read
    from the page's own rows or from one query for the keys of the next pages (never the rows).
    """
    current, last_number = number_at(start), last_number_of(total)
    aligned = start % PER_PAGE == 0
    links = {current: PageLink(current, current=True)}

    later = [k for k in range(1, NEIGHBOURS + 1) if start + k * PER_PAGE < total]
    keys = [Cursor.of(rows[-1])] if rows else []
    if any(k > 1 and not (aligned and current + k <= NUMBERED_PAGES) for k in later):
        keys += map(Cursor.of, ordered.filter(keys[0].older()).values_list("published_at", "pk")
                    [: PER_PAGE * (max(later) - 1)])
    for k in later:
        number = current + k
        by_number = aligned and number <= NUMBERED_PAGES
        links[number] = PageLink(number, (("page", str(number)),) if by_number else
                                 (("before", str(keys[PER_PAGE * (k - 1)])),))

    earlier = [k for k in range(1, NEIGHBOURS + 1) if current - k >= 1]
    deep = [k for k in earlier if current - k > 1 and not (aligned and current - k <= NUMBERED_PAGES)]
    keys = []
    if deep:
        keys = list(map(Cursor.of, ordered.filter(Cursor.of(rows[0]).newer()).order_by("published_at", "pk")
                        .values_list("published_at", "pk")[: PER_PAGE * max(deep) + 1]))
    for k in earlier:
        number = current - k
        links[number] = (FIRST_PAGE if number == 1 else
                         PageLink(number, (("before", str(keys[PER_PAGE * k])),)) if k in deep else
                         PageLink(number, (("page", str(number)),)))

    shown = [links[number] for number in sorted(links)]
    if 1 not in links:
        shown = [FIRST_PAGE, *([None] if min(links) > 2 else []), *shown]
    if last_number > max(links):
        last = PageLink(last_number, (("page", str(last_number) if last_number <= NUMBERED_PAGES else "last"),))
        shown += [*([None] if last_number > max(links) + 1 else []), last]
    return shown, links.get(current - 1), links.get(current + 1)
