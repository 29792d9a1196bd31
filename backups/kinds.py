"""What the backup knows of particular content types. Everything else is read from the registry and each model's
own fields; what an item keeps beyond them (a show's credits, seasons and episodes, a review's “not this one”
marks) comes and goes through the item's ``revision_extras`` and ``restore_extras``, as revisions do."""

from django.core.exceptions import ValidationError
from django.db.models import FileField

from backups import review_text
from people.models import Person
from reviews.mentions import refresh_mentions
from reviews.models import Review
from shows.models import Credit, Episode, Season, Show

TEXT = {Review: review_text}  # content types whose text travels as a house-style file of its own


def credits_problem(rows, ids: dict) -> str | None:
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        return "“credits” must be a list of credits."
    seen = set()
    for row in rows:
        person, role = row.get("person"), row.get("role")
        if type(person) is not int or not isinstance(role, str):
            return "each credit needs a “person” (an id) and a “role” (a word such as “director”)."
        if person not in ids[Person]:
            return f"a credit names person {person}, who is not in {Person._meta.verbose_name_plural}."
        if (person, role) in seen:
            return f"person {person} has two “{role}” credits; a show has one credit per person and function."
        seen.add((person, role))
        credit = Credit(person_id=person, role=role, **{name: row.get(name, "") for name in ("character", "note")},
                        order=row.get("order", 0))
        try:
            credit.full_clean(exclude=["show", "person"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            return f"the credit of person {person}: {'; '.join(error.messages)}"
    return None


def unlinked_problem(keys, ids: dict) -> str | None:
    targets = {"person": Person, "show": Show}
    for key in keys if isinstance(keys, list) else [None]:
        kind, _, pk = str(key).partition(":")
        if kind not in targets or not pk.isdigit() or int(pk) not in ids[targets[kind]]:
            return f"“unlinked” names {key!r}, not a person or show of the export (person:ID or show:ID)."
    return None


def parts_problem(model, name: str):
    """The check of a show's seasons or episodes: a list of rows, one a number, each valid as the model says."""
    def check(rows, ids: dict) -> str | None:
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            return f"“{name}” must be a list of {model._meta.verbose_name_plural}."
        seen = set()
        for row in rows:
            try:
                key = model.key_of(row)
                fields = {f.name for f in model._meta.fields if not isinstance(f, FileField)}  # pictures: checked
                part = model(**{name: row[name] for name in row if name in fields})  # as the export's files
                part.full_clean(exclude=["show"], validate_unique=False, validate_constraints=False)
            except (KeyError, TypeError, ValueError):
                return f"each of “{name}” needs its number{' and season' if model is Episode else ''}."
            except ValidationError as error:
                return f"the {model._meta.verbose_name} {key}: {'; '.join(error.messages)}"
            if row.get("image") and not str(row.get("image_alt") or "").strip():
                return f"the {model._meta.verbose_name} {key} has a picture and no alt text."
            if key in seen:
                return f"two of “{name}” have the number {key}."
            seen.add(key)
        return None
    return check


EXTRAS = {(Show, "credits"): credits_problem, (Review, "unlinked"): unlinked_problem,
          (Show, "season_rows"): parts_problem(Season, "season_rows"),
          (Show, "episode_rows"): parts_problem(Episode, "episode_rows")}


def pictures_in_extras(model, data: dict) -> list[str]:
    """The pictures an item's extras name (the posters of a show's seasons): the export carries them too."""
    rows = data.get("season_rows") if model is Show else None
    if not isinstance(rows, list):
        return []
    return [row["image"] for row in rows
            if isinstance(row, dict) and isinstance(row.get("image"), str) and row["image"]]


def extras_problem(model, key: str, value, ids: dict) -> str | None:
    """What is wrong with an extra of ``data`` (None if nothing); ``ids``: the ids of each content type."""
    check = EXTRAS.get((model, key))
    if check is None:
        return f"unknown field “{key}”."
    return check(value, ids)


def in_creation_order(item, data: dict) -> dict:
    """A show's credits in the order they were made, so that they are made again in it: pages break ties of
    billing order (a director and an actor both first in their role) by it."""
    if isinstance(item, Show) and data.get("credits"):
        made = {(credit.person_id, credit.role): credit.pk for credit in item.credits.all()}
        data["credits"] = sorted(data["credits"], key=lambda row: made[(row["person"], row["role"])])
    return data


def before_extras(item, data: dict) -> None:
    """A mention must exist before an editor's “not this one” can be put back on it."""
    if isinstance(item, Review) and data.get("unlinked"):
        refresh_mentions(item)
