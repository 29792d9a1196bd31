"""The magazine's house style, parsed: text in, plain data out, nothing touched.

A review file is an optional front matter, one paragraph per line, and a last
line of credits: ``2025 | US | DIRECTORS: A, B | CAST: C (Character) | EPISODES: 8``.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from editorial import markup
from editorial import text as plain_text
from editorial.text import CONTROL
from reviews.rating import is_half_star
from shows.credits_line import (  # noqa: F401  (the credits line is part of the house style)
    CreditEntry,
    Credits,
    HouseStyleError,
    HouseStyleErrors,
    clean_name,
    every_error,
    format_credits_line,
    number_by_role,
    parse_credits_line,
    raise_all,
)
from shows.trailers import Trailer, parse_trailer

PARTICLES = {"de", "du", "des", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den",
             "ter", "la", "le", "el", "al", "bin", "ibn", "ní", "nic", "ó", "y", "st", "st."}
FRONT_MATTER_KEYS = ("show", "season", "episode", "episode-title", "headline", "author", "rating", "tags",
                     "published", "trailer")
NUMBERS = ("season", "episode")
@dataclass(frozen=True)
class ParsedReview:
    front: dict  # only the keys the file gives (FRONT_MATTER_KEYS)
    paragraphs: tuple[str, ...]
    credits: Credits
    credits_line: int = 1  # where the credits line stands in the file, for errors found later

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


# --- characters named in the body ------------------------------------------------------


def characters_in_body(paragraphs, actors: set[str]) -> dict[str, str]:
    """``Jack McMillan (Luke Kirby)`` → {"Luke Kirby": "Jack McMillan"} for the actors given; the first wins."""
    found: dict[str, str] = {}
    for paragraph in paragraphs:
        for match in re.finditer(r"\(([^()]+)\)", paragraph):
            actor = clean_name(match[1])
            if actor in actors and actor not in found:
                character = name_before(paragraph[: match.start()])
                if character:
                    found[actor] = character
    return found


def name_before(text: str) -> str:
    """The run of capitalised words (particles allowed inside) that ends ``text``."""
    words = text.rstrip().split(" ")
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip("‘’“”\"'")
        if not bare or bare[-1] in ",.;:!?—–":
            break
        if bare[0].isupper() or bare.lower() in PARTICLES and taken:
            taken.insert(0, bare)
        else:
            break
    while taken and taken[0].lower() in PARTICLES:
        taken.pop(0)
    return clean_name(" ".join(taken))


# --- the whole file ----------------------------------------------------------------------


def parse_front_matter(lines: list[str], errors: list[HouseStyleError] | None = None) -> tuple[dict, int]:
    """The front matter's keys and how many lines it takes (0 without one). A wrong line is added to ``errors``
    (when given) and the others are still read; an unclosed front matter is raised at once."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    if not any(line.strip() == "---" for line in lines[1:]):
        raise HouseStyleError("The front matter is not closed: add a line “---” after it.", line=1)
    found = [] if errors is None else errors
    front: dict = {}
    for number, raw in enumerate(lines[1:], start=2):
        if raw.strip() == "---":
            found += parts_missing(front, lines)
            if errors is None:
                raise_all(found)
            return front, number
        try:
            read_front_line(front, raw, number)
        except HouseStyleError as error:
            found.append(error)
    return front, len(lines)  # unreachable: a closing line exists


def parts_missing(front: dict, lines: list[str]) -> list[HouseStyleError]:
    """A recap is of an episode of a season: “episode:” needs “season:”, “episode-title:” needs “episode:”."""
    needs = {"episode": "season", "episode-title": "episode"}
    return [HouseStyleError(f"“{key}:” needs a “{needed}:” line too.", line=key_line(lines, key), field=key)
            for key, needed in needs.items() if key in front and needed not in front]


def key_line(lines: list[str], key: str) -> int:
    return next((number for number, line in enumerate(lines, start=1)
                 if line.strip().lower().startswith(f"{key}:")), 1)


def read_front_line(front: dict, raw: str, number: int) -> None:
    key, colon, value = raw.partition(":")
    key, value = key.strip().lower(), value.strip()
    if not raw.strip():
        return
    if not colon:
        raise HouseStyleError(f"Front matter lines read “key: value”, not “{raw.strip()}”.", line=number)
    if key not in FRONT_MATTER_KEYS:
        close = difflib.get_close_matches(key, FRONT_MATTER_KEYS, n=1, cutoff=0.7)
        hint = f" — did you mean “{close[0]}”?" if close else f" (known: {', '.join(FRONT_MATTER_KEYS)})."
        raise HouseStyleError(f"Unknown front matter key “{key}”{hint}", line=number, field=key)
    front[key] = parse_front_value(key, value, line=number)


def parse_front_value(key: str, value: str, *, line: int):
    if key == "rating":
        try:
            rating = Decimal(value)
        except InvalidOperation:
            rating = None
        if rating is None or not is_half_star(rating):
            raise HouseStyleError(f"The rating runs from 0 to 5 in halves, not “{value}”.", line=line, field=key)
        return rating
    if key == "tags":
        return tuple(tag.strip() for tag in value.split(",") if tag.strip())
    if key in NUMBERS:
        if not (value.isascii() and value.isdigit() and 0 < int(value) < 1000):
            raise HouseStyleError(f"“{key}” is a number such as 2, not “{value}”.", line=line, field=key)
        return int(value)
    if key == "trailer":
        try:
            return parse_trailer(value).stored
        except ValidationError as error:
            raise HouseStyleError(f"“trailer”: {' '.join(error.messages)}", line=line, field=key) from None
    if key == "published":
        try:
            return datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
        except ValueError:
            raise HouseStyleError(f"“published” must be a date such as 2025-05-01, not “{value}”.",
                                  line=line, field=key) from None
    if not value:
        raise HouseStyleError(f"“{key}” is empty.", line=line, field=key)
    return clean_name(value) if key in ("show", "author") else value


def control_characters(lines: list[str]) -> list[HouseStyleError]:
    found = []
    for number, line in enumerate(lines, start=1):
        control = CONTROL.search(line)
        if control:
            found.append(HouseStyleError(f"The line holds a control character (U+{ord(control[0]):04X}); remove it.",
                                         line=number))
    return found


def parse_review(text: str) -> ParsedReview:
    """The review the text holds; every error in it at once (HouseStyleErrors) when more than one line is wrong."""
    lines = plain_text.lines(unicodedata.normalize("NFC", text.removeprefix("\ufeff")))
    errors = control_characters(lines)
    try:
        front, skip = parse_front_matter(lines, errors)
    except HouseStyleError as error:
        raise_all([*errors, error])
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if number > skip and line.strip()]
    if not numbered:
        raise_all([*errors, HouseStyleError("The file has no body and no credits line.", line=max(len(lines), 1))])
    credits_number, credits_text = numbered[-1]
    paragraphs = tuple(line for _, line in numbered[:-1])
    if not paragraphs:
        errors.append(HouseStyleError("The review has no body: one paragraph per line comes before the credits "
                                      "line.", line=credits_number))
    try:
        credits = parse_credits_line(credits_text, line=credits_number)
    except HouseStyleError as error:
        errors.append(error)
    raise_all(errors)
    uncast = {entry.name for entry in credits.people if entry.role == "cast" and not entry.character}
    from_body = characters_in_body(markup.read_lines("\n".join(paragraphs)), uncast)  # the words, marks off
    people = tuple(
        CreditEntry(e.role, e.name, from_body.get(e.name, ""), e.note, e.order)
        if e.role == "cast" and not e.character else e
        for e in credits.people
    )
    credits = Credits(credits.year, credits.end_year, credits.countries, credits.facts, people)
    return ParsedReview(front, paragraphs, credits, credits_number)


# --- and back out ------------------------------------------------------------------------

def format_front_value(key: str, value) -> str:
    if key == "rating":
        return f"{value.normalize():f}"
    if key == "tags":
        return ", ".join(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if key == "trailer":
        return Trailer.from_stored(value).watch_url
    return str(value)


def format_review(parsed: ParsedReview) -> str:
    """The file that ``parse_review`` reads back as the same review."""
    lines = []
    if parsed.front:
        lines += ["---", *(f"{key}: {format_front_value(key, parsed.front[key])}"
                           for key in FRONT_MATTER_KEYS if key in parsed.front), "---"]
    lines += [*parsed.paragraphs, format_credits_line(parsed.credits)]
    return "\n".join(lines) + "\n"
