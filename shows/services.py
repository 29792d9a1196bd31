"""Writes that touch a show, its people and its credits together."""


from editorial.text import tidy
from people.models import Person


def assign(item, values: dict) -> list[str]:
    """Set the values that differ; return the names of the fields that changed."""
    changed = [name for name, value in values.items() if getattr(item, name) != value]
    for name in changed:
        setattr(item, name, values[name])
    return changed


def person_named(name: str, *, by) -> tuple[Person, bool]:
    """The one Person of that exact name (the oldest, if the admin made twins), or a new draft."""
    name = tidy(name, multiline=False)  # as names are stored: "Zoe\u0301" finds "Zoé"
    person = Person.objects.filter(name=name).order_by("pk").first()
    if person:
        return person, False
    person = Person(name=name, created_by=by, updated_by=by)
    person.full_clean()
    person.save()
    return person, True


def merge_credits(rows: list[dict], entries, *, by, season: int | None = None) -> tuple[list[dict], list[str]]:
    """``rows`` (credits as revisions keep them) with one credit per (person, role) of ``entries`` created or
    updated; rows not in ``entries`` stay. New people are made as needed. With ``season``, the entries are that
    season's: a new credit covers it alone, a credit of other seasons is extended to it, one for the whole run
    stays so. Returns the rows and what changed."""
    rows = [dict(row) for row in rows]
    index = {(row["name"], row["role"]): row for row in rows}
    changes = []
    for entry in entries:
        row = index.get((entry.name, entry.role))
        if row is None:
            person, created = person_named(entry.name, by=by)
            if created:
                changes.append(f"new person {entry.name}")
            row = index[(entry.name, entry.role)] = {
                "person": person.pk, "name": person.name, "role": entry.role, "character": entry.character,
                "note": entry.note, "order": entry.order, "first_season": season, "last_season": season}
            rows.append(row)
            changes.append(f"new credit {entry.name} ({entry.role})")
            continue
        changed = assign_row(row, {"order": entry.order, "note": entry.note or row["note"]})
        if entry.character and entry.character != row["character"]:
            changed += assign_row(row, {"character": entry.character})
        if season is not None:
            changed += assign_row(row, seasons_reaching(row.get("first_season"), row.get("last_season"), season))
        if changed:
            changes.append(f"credit {entry.name} ({entry.role}): {', '.join(changed)}")
    return rows, changes


def seasons_reaching(first: int | None, last: int | None, season: int) -> dict:
    """A credit's seasons extended to cover ``season``; a credit for the whole run (neither set) stays so."""
    if first is None and last is None:
        return {}
    return {"first_season": min(first or 1, season) if first is not None else None,
            "last_season": max(last, season) if last is not None else None}


def assign_row(row: dict, values: dict) -> list[str]:
    changed = [name for name, value in values.items() if row.get(name) != value]
    row.update({name: values[name] for name in changed})
    return changed
