"""The query parameters a public view reads, declared on the view. Any other parameter is no part of the page:
the page cache leaves it out of the address it keeps pages under and out of the request the view sees, so a
parameter nobody reads (``?utm_source=…``) can neither change a page nor add one to the cache."""

from functools import wraps


def reading(*names: str):
    """Declare what a function view reads: ``reading("p")(sitemap_views.sitemap)``. A class-based view says it
    with a ``query_parameters`` attribute."""

    def declare(view):
        @wraps(view)
        def declared(*args, **kwargs):
            return view(*args, **kwargs)

        declared.query_parameters = frozenset(names)
        return declared

    return declare


def read_by(view) -> frozenset[str]:
    """What ``view`` (as the URL resolver found it) reads; nothing unless it says."""
    return frozenset(getattr(getattr(view, "view_class", None) or view, "query_parameters", ()))
