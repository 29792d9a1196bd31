"""The content types that share the editorial workflow. Each registers itself (in its ``AppConfig.ready``);
every list of "the editorial models" is read from here, never typed out."""

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Indexed:
    """How a content type is searched: its number in the index (stable, as it is part of every row's key),
    the fields that weigh most (title), next (standfirst) and least (body), and for an item that belongs
    to another (a review to its show), the foreign key whose target's title its row carries, and the field whose
    text follows that title (a review of a season: ", season 2")."""

    kind: int
    title: str
    body: str
    standfirst: str | None = None
    parent: str | None = None
    parent_suffix: str | None = None


@dataclass(frozen=True)
class Registration:
    model: type
    detail_view: str  # "app.views.SomeDetailView": the public page a preview renders
    search: Indexed | None = None


_registered: dict[str, Registration] = {}
_admin_search = []  # (model, query) -> ids: the site's search index, when an app provides one
_work_titles = []  # text -> name keys of the titles of works it names


def register(model, *, detail_view: str, search: Indexed | None = None) -> None:
    _registered[model._meta.label_lower] = Registration(model, detail_view, search)


def registrations() -> list[Registration]:
    return list(_registered.values())


def models() -> list[type]:
    return [registration.model for registration in _registered.values()]


def detail_view(model):
    path = _registered[model._meta.label_lower].detail_view
    module, _, name = path.rpartition(".")
    return getattr(import_module(module), name)


def provide_work_titles(find) -> None:
    """The app that knows the works lends the engine a way to find their titles in a text (text -> name keys):
    the writing surface's preview sets them in italics as the page will."""
    _work_titles[:] = [find]


def work_titles(text: str) -> frozenset[str]:
    return _work_titles[0](text) if _work_titles and text else frozenset()


def provide_admin_search(matching_ids) -> None:
    """The search app lends the admin's search box its index (“laage” finds Laâge, drafts included)."""
    _admin_search[:] = [matching_ids]


def admin_search_ids(model, query: str) -> list[int]:
    return _admin_search[0](model, query) if _admin_search and query else []
