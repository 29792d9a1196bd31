"""The archive's filters — year, rating, kind (film, series, a season's review, a recap), tag, critic — read from
the address, and combined.

Each filter is a GET parameter, so a filtered archive is a link a reader can share. The choices are only
what live reviews have: a critic, tag or year with nothing live behind it is not offered, and asking for
one (or for anything else that is not a choice: a word for a year, a NUL) is a 404. Each process keeps the
choices it read (reading them costs what the rest of the page does) until a commit, in this process or any
other, changes the list of every live review (one that goes live or leaves, moves, or changes its tags or
critic: a correction of its text does not), and at most a minute (OPTIONS_KEPT_SECONDS: a scheduled review
going live sends no signal).
"""

import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db.models import Exists, Max, Min, OuterRef
from django.http import Http404
from django.utils import timezone
from taggit.models import Tag

from editorial.fragments import fragments
from editorial.publication import public_change
from editorial.shared_cache import attempt
from people.models import Person
from reviews.models import Review
from shows.models import Show

OPTIONS_KEPT_SECONDS = 60
# The page cache's stamps (magazine.page_cache.STAMP) of the list of every review and of every page, named here
# because reviews sits below magazine: every process that commits a change to the list stamps them in the shared
# cache, so a process keeping choices learns of another's unpublish.
LIST_STAMPS = ("page-key:review-list", "page-key:site")
_list_changes_here = [0]  # this process's own commits count even while the shared cache is down
FILTERS = ("year", "rating", "kind", "tag", "critic")  # also the order they take in a link
RATINGS = [(5, "5 stars"), (4, "4 stars and up"), (3, "3 stars and up"), (2, "2 stars and up"),
           (1, "1 star and up")]
SEASON_REVIEWS, RECAPS = "season", "recap"
KINDS = [(Show.Kind.FILM, "Films"), (Show.Kind.SERIES, "Series"), (SEASON_REVIEWS, "Season reviews"),
         (RECAPS, "Episode recaps")]
BY_KIND = {Show.Kind.FILM: {"show__kind": Show.Kind.FILM}, Show.Kind.SERIES: {"show__kind": Show.Kind.SERIES},
           SEASON_REVIEWS: {"season__isnull": False, "episode__isnull": True}, RECAPS: {"episode__isnull": False}}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    pk: int | None = None


@dataclass(frozen=True)
class Options:
    """What the filters may be set to: only what live reviews have."""

    years: list[Choice]
    tags: list[Choice]
    critics: list[Choice]

    @classmethod
    def kept(cls) -> "Options":
        """``load()``, kept by the process (it reads every live review) until the list of live reviews changes."""
        stamps = attempt("get_many", LIST_STAMPS, default={})
        key = ("reviews.archive.Options", _list_changes_here[0], *(stamps.get(name) for name in LIST_STAMPS),
               int(time.time() // OPTIONS_KEPT_SECONDS))
        return fragments.get_or_render(key, cls.load)

    @classmethod
    def load(cls) -> "Options":
        live = Review.objects.live()
        span = live.aggregate(first=Min("published_at"), last=Max("published_at"))
        years = []
        if span["first"]:
            first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
            years = [Choice(str(year), str(year)) for year in range(last, first - 1, -1)]
        tags = Tag.objects.filter(Exists(live.filter(tags=OuterRef("pk")))).order_by("name")
        critics = Person.objects.live().filter(pk__in=live.values("critic_id")).order_by("name", "pk")
        return cls(
            years=years,
            tags=[Choice(slug, name, pk) for pk, slug, name in tags.values_list("pk", "slug", "name") if slug],
            critics=[Choice(slug, name, pk) for pk, slug, name in critics.values_list("pk", "slug", "name")],
        )


def forget_options(keys=(), **kwargs) -> None:
    if {"review-list", "site"} & set(keys):
        _list_changes_here[0] += 1


public_change.connect(forget_options, dispatch_uid="reviews.archive.forget_options")


class ArchiveFilters(forms.Form):
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    rating = forms.TypedChoiceField(required=False, coerce=int, empty_value=None,
                                    choices=[("", "Any rating"), *RATINGS])
    kind = forms.ChoiceField(required=False, choices=[("", "Films and series"), *KINDS])
    tag = forms.ChoiceField(required=False)
    critic = forms.ChoiceField(required=False)

    def __init__(self, data, *, options: Options):
        super().__init__(data)
        self.options = options
        self.fields["year"].choices = [("", "All years"), *((c.value, c.label) for c in options.years)]
        self.fields["tag"].choices = [("", "All tags"), *((c.value, c.label) for c in options.tags)]
        self.fields["critic"].choices = [("", "All critics"), *((c.value, c.label) for c in options.critics)]

    def clean_checked(self) -> dict:
        """The filters set, or a 404 for a value that is not one of the choices."""
        if not self.is_valid():
            raise Http404("No live review has that year, rating, kind, tag or critic.")
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


def filtered(active: dict, options: Options):
    """The live reviews the filters let through; the filters combine (all must hold)."""
    reviews = Review.objects.live()
    if "year" in active:
        reviews = reviews.filter(published_at__year=active["year"])
    if "rating" in active:
        reviews = reviews.filter(rating__gte=active["rating"])
    if "kind" in active:
        reviews = reviews.filter(**BY_KIND[active["kind"]])
    if "tag" in active:
        reviews = reviews.filter(tags=chosen(options.tags, active["tag"]).pk)
    if "critic" in active:
        reviews = reviews.filter(critic=chosen(options.critics, active["critic"]).pk)
    return reviews


def chosen(choices: list[Choice], value: str) -> Choice:
    return next(choice for choice in choices if choice.value == value)


def link_params(active: dict) -> list[tuple[str, str]]:
    """The filters as they stand in a link, always in the same order (one address for one list)."""
    return [(name, str(active[name])) for name in FILTERS if name in active]


def query_string(params: list[tuple[str, str]]) -> str:
    return f"?{urlencode(params)}" if params else ""


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove: str  # the address of the same list without this filter


def described(active: dict, options: Options, path: str) -> list[ActiveFilter]:
    """Each filter set, in words, with the link that takes it off."""
    words = {
        "year": lambda value: str(value),
        "rating": lambda value: dict(RATINGS)[value],
        "kind": lambda value: dict(KINDS)[value],
        "tag": lambda value: f"Tagged “{chosen(options.tags, value).label}”",
        "critic": lambda value: f"By {chosen(options.critics, value).label}",
    }
    return [ActiveFilter(words[name](active[name]),
                         path + query_string(link_params({k: v for k, v in active.items() if k != name})))
            for name in FILTERS if name in active]


@dataclass(frozen=True)
class FilterField:
    name: str
    label: str
    choices: list[tuple[str, str, bool]]  # value, label, selected


def form_fields(active: dict, options: Options) -> list[FilterField]:
    """The filter form's selects, each with the choice in force selected ("" for any)."""
    def field(name, label, anything, choices):
        current = str(active.get(name, ""))
        return FilterField(name, label, [(value, text, value == current)
                                         for value, text in [("", anything), *choices]])

    return [
        field("year", "Year", "All years", [(c.value, c.label) for c in options.years]),
        field("rating", "Rating", "Any rating", [(str(value), text) for value, text in RATINGS]),
        field("kind", "Kind of review", "Films and series", KINDS),
        field("tag", "Tag", "All tags", [(c.value, c.label) for c in options.tags]),
        field("critic", "Critic", "All critics", [(c.value, c.label) for c in options.critics]),
    ]
