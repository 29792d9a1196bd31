"""Credits arranged the way the public pages print them."""

from dataclasses import dataclass
from itertools import groupby

from shows.models import Credit, seasons_phrase

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


def credits_by_show(credits) -> list[tuple[object, list[Credit]]]:
    """[(show, [credit, ...]), ...], newest show first (a series by its last year), for a person's page."""
    def newest_first(credit):
        show = credit.show
        return -(show.end_year or show.year), -show.year, show.title, show.pk, ROLE_ORDER[credit.role], credit.pk

    ordered = sorted(credits, key=newest_first)
    return [(show, list(group)) for show, group in groupby(ordered, key=lambda credit: credit.show)]


# The words for a person's functions, singular and plural, in the order a line names them
# ("creator, writer and director": the run of a series first, then the writing, then the directing).
ROLE_NOUNS = {
    Credit.Role.CREATOR: ("creator", "creators"),
    Credit.Role.WRITER: ("writer", "writers"),
    Credit.Role.DIRECTOR: ("director", "directors"),
    Credit.Role.PRODUCER: ("producer", "producers"),
    Credit.Role.MUSIC: ("composer", "composers"),
    Credit.Role.CINEMATOGRAPHY: ("cinematographer", "cinematographers"),
    Credit.Role.EDITOR: ("editor", "editors"),
    Credit.Role.CAST: ("actor", "cast"),
}
NAMING_ORDER = {role: position for position, role in enumerate(ROLE_NOUNS)}


def roles_phrase(roles, *, plural: bool = False) -> str:
    """“Creator, writer and director”; “Writers and directors” for several people who share the roles."""
    words = [ROLE_NOUNS[role][plural] for role in sorted(set(roles), key=NAMING_ORDER.__getitem__)]
    text = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class CreditLine:
    """One person's line in a show's credits: once, whatever the number of their functions."""

    person: object
    character: str = ""
    note: str = ""
    seasons: str = ""


def credits_by_person(credits) -> list[tuple[str, list[CreditLine]]]:
    """The show's credits with each person named once among the crew: people with the same functions share
    a heading ("Creators, writers and directors": A, B), in the house order of their first function;
    the cast follows its billing, with characters."""
    functions: dict[int, list[Credit]] = {}
    for credit in sorted(credits, key=lambda credit: (credit.order, credit.pk)):
        if credit.role != Credit.Role.CAST:
            functions.setdefault(credit.person_id, []).append(credit)
    groups: dict[frozenset, list[CreditLine]] = {}
    for person_credits in functions.values():
        roles = frozenset(credit.role for credit in person_credits)
        notes = dict.fromkeys(credit.note for credit in person_credits if credit.note)
        groups.setdefault(roles, []).append(CreditLine(person_credits[0].person, note="; ".join(notes),
                                                       seasons=seasons_covered(person_credits)))
    cast = [CreditLine(credit.person, credit.character, credit.note, credit.seasons)
            for credit in sorted(credits, key=lambda credit: (credit.order, credit.pk))
            if credit.role == Credit.Role.CAST]
    if cast:
        groups[frozenset([Credit.Role.CAST])] = cast
    ordered = sorted(groups.items(), key=lambda item: min(ROLE_ORDER[role] for role in item[0]))
    return [("Cast" if roles == {Credit.Role.CAST} else roles_phrase(roles, plural=len(lines) > 1), lines)
            for roles, lines in ordered]


@dataclass(frozen=True)
class FilmographyLine:
    """A show on a person's page, with everything they did on it."""

    show: object
    roles: str  # "Creator, writer and director"; "" when they were only in the cast
    characters: list[str]
    in_cast: bool
    seasons: str = ""  # "seasons 1–2" when their credits cover only part of a series' run


def filmography(credits) -> list[FilmographyLine]:
    """A person's shows, newest first, each once, with every function they had on it."""
    return [
        FilmographyLine(
            show=show,
            roles=roles_phrase(crew) if (crew := [c.role for c in group if c.role != Credit.Role.CAST]) else "",
            characters=[c.character for c in group if c.role == Credit.Role.CAST and c.character],
            in_cast=any(c.role == Credit.Role.CAST for c in group),
            seasons=seasons_covered(group),
        )
        for show, group in credits_by_show(credits)
    ]


def seasons_covered(credits) -> str:
    """The seasons a person's credits on one series cover together; "" when one covers the whole run."""
    if any(credit.first_season is None and credit.last_season is None for credit in credits):
        return ""
    lasts = [credit.last_season for credit in credits]
    return seasons_phrase(min(credit.first_season or 1 for credit in credits),
                          None if None in lasts else max(lasts))


def known_for(credits) -> str:
    """What a person does, from their credits, most frequent first: “Actor · Director”."""
    counts: dict[str, int] = {}
    for credit in credits:
        counts[credit.role] = counts.get(credit.role, 0) + 1
    ranked = sorted(counts, key=lambda role: (-counts[role], NAMING_ORDER[role]))
    return " · ".join(ROLE_NOUNS[role][0].capitalize() for role in ranked)
