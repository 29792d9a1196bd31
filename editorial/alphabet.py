"""An A–Z index of live items: a letter bar, and pages named by the alphabet (“Ma–Mo”, “Next: Mu–Ne”).

Items are ordered by their folded name (``match_key``: accents and case off, so Émile files under E).
A page starts at a letter or a name (``?from=m``, ``?from=mateus moreau``) or ends before one
(``?before=…``); a name shared by two items carries the second one's id (``~42``). Pages follow keys,
never OFFSETs, so the last page of a long index costs what the first does.
"""

import string
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Exists, F, Func, IntegerField, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from django.http import Http404
from django.views.generic import TemplateView

from editorial import keyset
from editorial.names import fold

KEY = "match_key"
OTHER = "Other"
PER_PAGE = 48
LONGEST_START = 300


@dataclass(frozen=True)
class Letter:
    label: str
    href: str | None  # None: nothing live files under it
    on_page: bool


@dataclass(frozen=True)
class Neighbour:
    span: str  # "Ma–Mo"
    href: str


def span(first: str, last: str) -> str:
    """The stretch of the alphabet from one key to another: “A–C”, “Ma–Mo”, “Mar”; a name in another
    script is “Other”, as in the letter bar."""
    for length in (1, 2, 3):
        head, tail = (OTHER if key[:1] > "z" else key[:length].capitalize() for key in (first, last))
        if head != tail:
            return f"{head}–{tail}"
    return head


def count_of(queryset, *, distinct: bool = False):
    """How many rows ``queryset`` (which refers to the outer row with OuterRef) holds, as a column;
    ``distinct`` when its joins can repeat a row."""
    template = "%(function)s(DISTINCT %(expressions)s)" if distinct else "%(function)s(*)"
    counted = queryset.order_by().annotate(counted=Func(F("pk"), function="COUNT", template=template)).values("counted")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def read_start(value: str) -> tuple[str, int | None]:
    """A ``from``/``before`` value: a folded name, and the id after ``~`` that splits a shared name."""
    if len(value) > LONGEST_START or any(ord(char) < 32 for char in value):
        raise Http404("No such page of the index.")
    text, tilde, pk = value.rpartition("~")
    if tilde and pk.isdigit() and len(pk) <= 18:
        return fold(text).strip(), int(pk)
    return fold(value).strip(), None


def start_value(key: str, pk: int, ambiguous: bool) -> str:
    return f"{key}~{pk}" if ambiguous else key


class AlphabeticalIndexView(TemplateView):
    """Live items of ``model`` from A to Z; ``entries()`` adds what each one shows (counts of reviews)."""

    model = None
    query_parameters = ("page", "from", "before")

    def entries(self, queryset):
        return queryset

    def page(self, cut, *, descending: bool) -> list:
        """The page's items, found first, then given their entries' extras: what the extras cost is paid
        for one page of rows, and the database plans it so."""
        order = [f"-{KEY}", "-pk"] if descending else [KEY, "pk"]
        found = self.model.objects.live().filter(cut).order_by(*order)[:PER_PAGE]
        rows = list(self.entries(self.model.objects.filter(pk__in=found.values("pk"))).order_by(*order))
        return rows[::-1] if descending else rows

    def get(self, request, *args, **kwargs):
        if request.GET.get("page", "1") != "1":
            raise Http404("The index goes by letters, not page numbers.")
        start, end = request.GET.get("from"), request.GET.get("before")
        if start is not None and end is not None:
            raise Http404("A page of the index starts at a name or ends before one, not both.")
        if end is not None:
            key, pk = read_start(end)
            cut = Q(**{f"{KEY}__lt": key}) if pk is None else keyset.before(KEY, key, pk)
            self.rows = self.page(cut, descending=True)
        else:
            key, pk = read_start(start or "")
            cut = Q(**{f"{KEY}__gte": key}) if pk is None else keyset.at_or_after(KEY, key, pk)
            self.rows = self.page(cut, descending=False)
        if not self.rows and (start or end):
            raise Http404("Nothing in the index from there.")
        self.position = ("from", start) if start else ("before", end) if end else None
        return super().get(request, *args, **kwargs)

    def neighbours(self) -> tuple[Neighbour | None, Neighbour | None]:
        if not self.rows:
            return None, None
        live = self.model.objects.live()
        first, last = self.rows[0], self.rows[-1]
        earlier = list(live.filter(keyset.before(KEY, getattr(first, KEY), first.pk))
                       .order_by(f"-{KEY}", "-pk").values_list(KEY, "pk")[:PER_PAGE])
        later = list(live.filter(keyset.after(KEY, getattr(last, KEY), last.pk))
                     .order_by(KEY, "pk").values_list(KEY, "pk")[:PER_PAGE])
        previous = earlier and Neighbour(span(earlier[-1][0], earlier[0][0]), self.address(
            ("before", start_value(getattr(first, KEY), first.pk, earlier[0][0] == getattr(first, KEY)))))
        following = later and Neighbour(span(later[0][0], later[-1][0]), self.address(
            ("from", start_value(later[0][0], later[0][1], later[0][0] == getattr(last, KEY)))))
        return previous or None, following or None

    def letters(self) -> list[Letter]:
        """0–9, A to Z and Other, each linked where something live files under it (one query)."""
        live = self.model.objects.live().annotate(initial=Substr(KEY, 1, 1))
        probes = {f"has_{letter}": Exists(live.filter(initial=letter)) for letter in string.ascii_lowercase}
        probes["has_digits"] = Exists(live.filter(initial__gte="0", initial__lte="9"))
        probes["other_from"] = Subquery(live.filter(initial__gt="z").order_by("initial", KEY).values(KEY)[:1])
        found = self.model.objects.order_by().annotate(**probes).values(*probes)[:1]
        found = found[0] if found else {}
        on_page = {getattr(row, KEY)[:1] for row in self.rows}
        letters = [Letter("0–9", self.address() if found.get("has_digits") else None,
                          bool(on_page & set(string.digits)))]
        letters += [Letter(letter.upper(), self.address(("from", letter)) if found.get(f"has_{letter}") else None,
                           letter in on_page) for letter in string.ascii_lowercase]
        if found.get("other_from"):
            letters.append(Letter(OTHER, self.address(("from", found["other_from"])),
                                  any(initial > "z" for initial in on_page)))
        return letters

    def address(self, param: tuple[str, str] | None = None) -> str:
        return self.request.path + (f"?{urlencode([param])}" if param else "")

    def canonical(self) -> str:
        """This page's own address: the index, or where this page starts or ends."""
        return self.request.build_absolute_uri(self.address(self.position))

    def get_context_data(self, **kwargs):
        previous, following = self.neighbours()
        here = span(getattr(self.rows[0], KEY), getattr(self.rows[-1], KEY)) if self.rows else ""
        return super().get_context_data(object_list=self.rows, letters=self.letters(), span=here,
                                        previous=previous, following=following, **kwargs)
