"""Credits arranged the way the public pages print them."""

from itertools import groupby

from shows.models import Credit

ROLE_PLURALS = {
    Credit.Role.DIRECTOR: "Directors",
    Credit.Role.WRITER: "Writers",
    Credit.Role.CREATOR: "Creators",
    Credit.Role.CAST: "Cast",
    Credit.Role.PRODUCER: "Producers",
    Credit.Role.MUSIC: "Music",
    Credit.Role.CINEMATOGRAPHY: "Cinematography",
    Credit.Role.EDITOR: "Editors",
}
ROLE_ORDER = {role: position for position, role in enumerate(Credit.Role.values)}


def role_heading(role: str, count: int) -> str:
    return ROLE_PLURALS[role] if count > 1 else Credit.Role(role).label


def credits_by_role(credits) -> list[tuple[str, list[Credit]]]:
    """[("Directors", [credit, ...]), ("Cast", [...]), ...] in the house order of roles, billing order within."""
    ordered = sorted(credits, key=lambda credit: (ROLE_ORDER[credit.role], credit.order, credit.pk))
    grouped = [(role, list(group)) for role, group in groupby(ordered, key=lambda credit: credit.role)]
    return [(role_heading(role, len(group)), group) for role, group in grouped]


def credits_by_show(credits) -> list[tuple[object, list[Credit]]]:
    """[(show, [credit, ...]), ...], newest show first, for a person's page."""
    ordered = sorted(credits, key=lambda credit: (-credit.show.year, credit.show.title, ROLE_ORDER[credit.role]))
    return [(show, list(group)) for show, group in groupby(ordered, key=lambda credit: credit.show)]
