"""A review travels as its house-style file: front matter, one paragraph a line, the credits line.

The file holds the headline, body, rating and tags; the review's record keeps the rest (standfirst, picture,
state, the ids of its show and critic), and also keeps any of those four the file could not give back exactly
(a tag with a comma in it, say), which then wins over the file.
"""

from reviews.house_style import HouseStyleError, clean_name, format_review, parse_review
from reviews.models import Review
from reviews.services import house_style_of

HELD = ("headline", "body", "rating", "tags")


def held_by(text: str) -> tuple[dict, dict]:
    """The four fields as the file gives them, and its front matter; HouseStyleError where the file is wrong."""
    parsed = parse_review(text)
    if "headline" not in parsed.front:
        raise HouseStyleError("The front matter has no “headline:”.", line=1, field="headline")
    rating = parsed.front.get("rating")
    held = {"headline": parsed.front["headline"], "body": parsed.body,
            "rating": None if rating is None else str(rating), "tags": sorted(parsed.front.get("tags", ()))}
    return held, parsed.front


def same(name: str, a, b) -> bool:
    if name == "tags":
        return sorted(a or []) == sorted(b or [])
    field = Review._meta.get_field(name)
    return field.to_python(a) == field.to_python(b)


def split(review: Review, data: dict) -> tuple[str | None, dict]:
    """The review's house-style file (None if it cannot be written as one) and the fields its record keeps."""
    text = format_review(house_style_of(review))
    try:
        held, _ = held_by(text)
    except HouseStyleError:
        return None, data
    return text, {name: value for name, value in data.items() if not (name in held and same(name, held[name], value))}


def line_of(text: str, key: str) -> int:
    """The line of a front-matter key, for errors found after parsing."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().lower().startswith(f"{key}:"):
            return number
    return 1


def check_names(text: str, front: dict, *, show: str, critic: str | None) -> None:
    """The file's “show:” and “author:” must name the show and critic the record points to."""
    if clean_name(front.get("show", "")) != clean_name(show):
        raise HouseStyleError(f"“show: {front.get('show', '')}” does not match the review's show, “{show}”.",
                              line=line_of(text, "show"), field="show")
    author = front.get("author")
    if (clean_name(author) if author else None) != (clean_name(critic) if critic else None):
        expected = f"“author: {critic}”" if critic else "no “author:” (the review is unsigned)"
        raise HouseStyleError(f"The front matter should have {expected}, as the review's critic is recorded.",
                              line=line_of(text, "author"), field="author")


def check_references(text: str, front: dict, referenced) -> None:
    """``referenced(field name)``: the item the record points to (its show, its critic) or None."""
    critic = referenced("critic")
    check_names(text, front, show=referenced("show").title, critic=critic.name if critic else None)
