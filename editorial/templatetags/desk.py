"""The desk's filters: one date format everywhere, people by their names, status badges."""

from django import template

from editorial import dates
from editorial.badges import badge
from editorial.who import name_of

register = template.Library()


@register.filter(is_safe=True)
def when(value):
    """A <time> reading “today 14:05”, “yesterday 09:10” or “28 Nov 2026”, the full time in its title."""
    return dates.time_tag(value)


@register.filter
def person(user) -> str:
    """A user's full name, else their username; “—” for nobody."""
    return name_of(user) or "—"


@register.filter(is_safe=True)
def state_badge(item):
    return badge(item)
