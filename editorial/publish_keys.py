"""What a commit changed, as the surrogate keys of the pages that show it (``editorial.surrogate_keys``).

A changed item touches its own key always. When it went live or left, moved in the order of its lists, or
changed what it is related to, it also touches every list it was on and every list it is on now: so a new
review reaches the home page and the tag pages it joins, an unpublished one leaves them, and the pages after
it in each list move up. A correction that changes none of that touches only the pages that show the item.
What each live item is on is kept (``ListsJoined``), so "before" is what was last published, exactly; an item
made live some other way (a bulk load, a database from before the keys) has it noted by the service that locks
it, before it writes.
"""

from django.db import transaction

from editorial.models import ListsJoined
from editorial.surrogate_keys import (
    SITE,
    any_key,
    every_stretch_key,
    item_key,
    keyed_models,
    list_key,
    stretch_key,
    subject_of,
)


def touched(items: dict[tuple[str, int], object]) -> frozenset[str]:
    """The keys a commit changed, given each changed item by (label, pk) with its committed self (None when
    it was deleted); records what each live item is on now."""
    keys: set[str] = set()
    with transaction.atomic():
        for (label, pk), committed in items.items():
            model = type(committed) if committed is not None else _model(label)
            if model is None:
                keys.add(SITE)
                continue
            keys.update((item_key(model, pk), any_key(model)))
            kept = ListsJoined.objects.filter(model=label, object_id=pk).first()
            before = set(kept.keys) if kept else set()
            live = committed is not None and bool(getattr(committed, "is_live", False))
            after = lists_of(committed) if live else set()
            place = place_of(committed) if live else ""
            if kept and before == after and kept.place == place:
                continue
            keys.update(before | after, _through(model, before ^ after))
            if live:
                ListsJoined.objects.update_or_create(model=label, object_id=pk,
                                                     defaults={"keys": sorted(after), "place": place})
            elif kept:
                kept.delete()
    return frozenset(keys)


def remember(stored) -> None:
    """Before a service changes a live item: note the lists it is on, if nothing has yet."""
    if stored.is_live and not ListsJoined.objects.filter(model=stored._meta.label, object_id=stored.pk).exists():
        ListsJoined.objects.create(model=stored._meta.label, object_id=stored.pk, keys=sorted(lists_of(stored)),
                                   place=place_of(stored))


def _through(model, moved: set[str]) -> set[str]:
    """The lists of the items that point to one of ``model`` and reach a subject through it: a show that credits
    someone new moves each of its reviews onto that person's list of reviews of their work."""
    subjects = {subject_of(key) for key in moved} - {None}
    pointing = {relation.related_model for relation in model._meta.related_objects
                if relation.one_to_many and relation.related_model in keyed_models()}
    lists = {list_key(other, subject) for other in pointing for subject in subjects}
    return lists | {every_stretch_key(name) for name in lists}


def lists_of(item) -> set[str]:
    """The lists a live item is on, and its stretch of each."""
    model = type(item)
    lists = {list_key(model), *(list_key(model, subject) for subject in subjects_of(item))}
    return lists | {stretch_key(name, item.pk) for name in lists}


def subjects_of(item) -> set[str]:
    """The items a live item is related to, named as the lists narrowed to them are: what it points to, its
    tags, what its inline rows point to, and what the inline rows of what it points to point to (a review of a
    show is on the list of reviews of work by each person the show credits)."""
    keyed = keyed_models()
    found = set()
    for target in _pointed_to(item, keyed):
        found.add(item_key(type(target), target.pk))
        found.update(item_key(type(sub), sub.pk) for sub in _through_inlines(target, keyed))
    found.update(item_key(type(sub), sub.pk) for sub in _through_inlines(item, keyed))
    found.discard(item_key(type(item), item.pk))
    return found


def _pointed_to(item, keyed):
    for field in type(item)._meta.get_fields():
        if field.related_model not in keyed or field.auto_created:
            continue
        if field.many_to_one and field.concrete:
            target = getattr(item, field.name)
            if target is not None:
                yield target
        elif field.many_to_many:
            yield from getattr(item, field.name).all()


def _through_inlines(item, keyed):
    """What the item's inline rows (a show's credits, a review's mentions) point to."""
    for relation in type(item)._meta.related_objects:
        if not relation.one_to_many or relation.related_model in keyed:
            continue
        fields = [field for field in relation.related_model._meta.concrete_fields
                  if field.many_to_one and field.related_model in keyed and field.remote_field is not relation]
        if not fields:
            continue
        for row in getattr(item, relation.get_accessor_name()).select_related(*(f.name for f in fields)):
            for field in fields:
                target = getattr(row, field.name)
                if target is not None:
                    yield target


def place_of(item) -> str:
    """The values the item's lists are ordered by (its model's ordering, and its publication time)."""
    names = [name.lstrip("-") for name in type(item)._meta.ordering or ()]
    return repr([getattr(item, name) for name in dict.fromkeys([*names, "published_at"]) if name != "pk"])


def _model(label: str):
    return next((model for model in keyed_models() if model._meta.label == label), None)
