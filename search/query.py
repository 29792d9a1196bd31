"""Site search for readers: live reviews, shows and people, ranked together.

``search(query)`` is lazy, with ``count()`` and slicing, so Django's Paginator
pages it: a page costs one query for the ranked matches and their count, one
for the page's highlighted text, and one for each kind of item on the page
(and one more when nothing matches with the earlier words whole).

The reader's words are cut down to plain word tokens before the database sees
them, so quotes, ``*``, ``AND``, ``NEAR``, ``-``, ``:`` and the rest are just
characters; each backend writes its own query syntax from those tokens.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from editorial import markup
from editorial.text import CONTROL
from search.backends import MARK_START, MARK_STOP, backend_for, sources

MAX_QUERY = 200  # characters a reader may type; the form says so too
MAX_TERMS = 8
MAX_TERM = 64
WORD = re.compile(r"[^\W_]+")
MARKED = re.compile(f"{MARK_START}(.*?){MARK_STOP}", re.DOTALL)


def clean_query(query: str) -> str:
    """What the page echoes back: no control characters, no more than a reader types."""
    return " ".join(CONTROL.sub(" ", unicodedata.normalize("NFKC", query or "")).split())[:MAX_QUERY]


def terms(query: str) -> list[str]:
    """The query's words, once each: ``l’Étoile AND "x"* étoile`` → ``["l", "Étoile", "AND", "x"]``.

    The databases fold case and accents themselves; lower() here would split "İstanbul" (İ → i + a combining dot).
    """
    unique = {}
    for word in WORD.findall(clean_query(query)):
        unique.setdefault(word.lower(), word[:MAX_TERM])
    return list(unique.values())[:MAX_TERMS]


def highlighted(value: str) -> SafeString:
    """Escape the text first, then wrap what the database marked in <mark>."""
    pieces = MARKED.split(" ".join((value or "").split()))
    escaped = (escape(piece.replace(MARK_START, "").replace(MARK_STOP, "")) for piece in pieces)
    return mark_safe("".join(f"<mark>{piece}</mark>" if i % 2 else piece for i, piece in enumerate(escaped)))


def has_mark(value: str) -> bool:
    return MARK_START in (value or "")


@dataclass(frozen=True)
class Result:
    item: object
    kind: str  # the model's name: "review", "show", "person"
    label: str  # what the reader sees: Review, Film, Series, Person
    title: SafeString
    show_title: SafeString  # a review's show; empty for shows and people
    snippet: SafeString

    @property
    def url(self) -> str:
        return self.item.get_absolute_url()


def result(hit, item) -> Result:
    label = getattr(item, "search_label", "") or capfirst(item._meta.verbose_name)
    return Result(item, item._meta.model_name, label, highlighted(hit.title), highlighted(hit.show_title),
                  highlighted(snippet(hit)))


def snippet(hit) -> str:
    """The standfirst when the words are in it or in neither, else the body's best passage; its words only, as
    the index reads them (the house markup's marks are not words)."""
    if has_mark(hit.standfirst) or not has_mark(hit.body):
        return markup.unmarked(hit.standfirst or hit.body)
    return markup.unmarked(hit.body)


class SearchResults:
    """Ranked live results for one query; count() and slices each run their queries once."""

    def __init__(self, query: str, using=connection):
        self.query = clean_query(query)
        self.terms = terms(query)
        self.backend = backend_for(using)
        self._count, self.capped = None, False

    def count(self) -> int:
        """Matches up to the number a search ranks (``capped`` says when there are more)."""
        if self._count is None:
            self._count, self.capped = self.backend.count(self.terms) if self.terms else (0, False)
        return self._count

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("SearchResults takes a slice: results[start:stop].")
        start, stop = index.start or 0, index.stop
        if not self.terms or (stop is not None and stop <= start):
            return []
        return self.page(start, (stop if stop is not None else self.count()) - start)

    def page(self, offset: int, limit: int) -> list[Result]:
        hits = self.backend.page(self.terms, offset, limit)
        querysets = {source.kind: source.model.objects.live().for_search_results() for source in sources()}
        items = {}
        for kind, queryset in querysets.items():
            ids = [hit.pk for hit in hits if hit.kind == kind]
            if ids:  # live() again: an item withdrawn since the ranking query is left out, never shown
                items[kind] = queryset.in_bulk(ids)
        return [result(hit, items[hit.kind][hit.pk]) for hit in hits if hit.pk in items.get(hit.kind, {})]


def search(query: str) -> SearchResults:
    return SearchResults(query)


ADMIN_MATCHES = 1000


def matching_ids(model, query: str) -> list[int]:
    """Primary keys of ``model`` items whose words match ``query``, whatever their state (for the admin)."""
    words = terms(query)
    if not words:
        return []
    kind = next(source.kind for source in sources() if source.model is model)
    return backend_for(connection).item_ids(kind, words, ADMIN_MATCHES)
