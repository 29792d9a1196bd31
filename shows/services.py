"""Writes that touch a show, its people and its credits together."""

from datetime import datetime

from django.db import transaction

from magazine.editorial import Status
from people.models import Person
from shows.models import Credit, Show


def assign(item, values: dict) -> list[str]:
    """Set the values that differ; return the names of the fields that changed."""
    changed = [name for name, value in values.items() if getattr(item, name) != value]
    for name in changed:
        setattr(item, name, values[name])
    return changed


def person_named(name: str, *, publish_at: datetime | None, by) -> tuple[Person, bool]:
    """The one Person of that exact name (the oldest, if the admin made twins), or a new one."""
    person = Person.objects.filter(name=name).order_by("pk").first()
    if person:
        return person, False
    person = Person(name=name, created_by=by, updated_by=by)
    if publish_at:
        person.status, person.published_at = Status.PUBLISHED, publish_at
    person.full_clean()
    person.save()
    return person, True


@transaction.atomic
def apply_credits(*, show: Show, entries, publish_at: datetime | None = None, by=None) -> list[str]:
    """Create or update one Credit per (person, role); credits not in ``entries`` stay. Returns what changed."""
    changes = []
    existing = {(c.person.name, c.role): c for c in show.credits.select_related("person")}
    for entry in entries:
        credit = existing.get((entry.name, entry.role))
        if credit is None:
            person, created = person_named(entry.name, publish_at=publish_at, by=by)
            if created:
                changes.append(f"new person {entry.name}")
            credit = Credit(show=show, person=person, role=entry.role)
            changes.append(f"new credit {entry.name} ({entry.role})")
        else:
            changed = assign(credit, {"order": entry.order, "note": entry.note or credit.note})
            if entry.character and entry.character != credit.character:
                changed += assign(credit, {"character": entry.character})
            if not changed:
                continue
            changes.append(f"credit {entry.name} ({entry.role}): {', '.join(changed)}")
        if credit.pk is None:
            credit.order, credit.character, credit.note = entry.order, entry.character, entry.note
        credit.full_clean()
        credit.save()
    return changes
