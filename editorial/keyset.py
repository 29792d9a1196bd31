"""Pages that start from a row's key instead of skipping rows, so page 5,000 costs what page 2 does.

A list ordered by ``(field, pk)`` — both ascending, or both descending — is cut at a key: the rows after
it, or the rows before it. The first condition of each lookup is a plain range on ``field``, so the
database starts from the key in its index instead of reading every row ahead of it.
"""

from django.db.models import Q


def after(field: str, value, pk: int, *, descending: bool = False) -> Q:
    """The rows that come after ``(value, pk)`` in the order."""
    op = "lt" if descending else "gt"
    return Q(**{f"{field}__{op}e": value}) & (Q(**{f"{field}__{op}": value}) | Q(**{f"pk__{op}": pk}))


def before(field: str, value, pk: int, *, descending: bool = False) -> Q:
    """The rows that come before ``(value, pk)`` in the order."""
    return after(field, value, pk, descending=not descending)


def at_or_after(field: str, value, pk: int, *, descending: bool = False) -> Q:
    """``(value, pk)`` itself and the rows after it."""
    op = "lt" if descending else "gt"
    return Q(**{f"{field}__{op}e": value}) & (Q(**{f"{field}__{op}": value}) | Q(**{f"pk__{op}e": pk}))
