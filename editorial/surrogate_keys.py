"""What a public page shows, named as surrogate keys, and what a publish changed, named the same way.

While a page renders, every item loaded (``post_init``) adds its *item key* (``review-12``), and every list
read (a queryset of a keyed model, when it is evaluated) adds its *list key*: ``review-list/tag-5`` when the
list is narrowed to the rows related to one item (a tag's reviews, a critic's, a show's), ``review-list``
otherwise (the newest reviews, the archive, an A–Z index). A page that draws only from a stretch of a list (the
few reviews of a tag added just before the one it shows) names that stretch instead: ``review-list/tag-5@200``
for the items with ids 100,000–100,499 (``stretch_keys``), so a review added later leaves it be. Lists counted
or aggregated inside another query (a subquery) add the plain list key of their model. Pieces kept by the
process (``editorial.fragments``) keep the keys they were rendered with and add them again when they are served.

What a publish changed is named with the same keys by ``editorial.publish_keys``.

Every public page also carries ``site``: touching it changes every page.
"""

import contextvars
from contextlib import contextmanager

from django.apps import apps
from django.db import models
from django.db.models.expressions import BaseExpression
from django.db.models.lookups import Lookup
from django.db.models.signals import post_init
from taggit.models import Tag

from editorial import registry

SITE = "site"
ITEM_KEYS_PER_MODEL = 100  # beyond this a page (a sitemap, say) names the model's every item: ``review-any``

_collected: contextvars.ContextVar[set | None] = contextvars.ContextVar("surrogate_keys", default=None)


@contextmanager
def collecting():
    """Collect the keys of what is read inside the block into the set it gives; they also reach an outer block."""
    outer = _collected.get()
    keys: set[str] = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)
        if outer is not None:
            outer |= keys


@contextmanager
def instead(keys):
    """What the block reads is named by ``keys`` alone: for a view that knows better than its queries which lists
    it draws from (one made of several queries by ids, say)."""
    token = _collected.set(None)
    try:
        yield
    finally:
        _collected.reset(token)
        add(keys)


def add(keys) -> None:
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)


def header_value(keys: set[str]) -> str:
    """The keys as a header gives them: items of a model past ITEM_KEYS_PER_MODEL become ``<model>-any``."""
    per_model: dict[str, list[str]] = {}
    others = {SITE}
    for key in keys:
        name, _, rest = key.rpartition("-")
        if rest.isdigit() and "/" not in key:
            per_model.setdefault(name, []).append(key)
        else:
            others.add(key)
    for name, items in per_model.items():
        others.update([f"{name}-any"] if len(items) > ITEM_KEYS_PER_MODEL else items)
    return " ".join(sorted(others))


# Names

def keyed_models() -> list[type]:
    return [*registry.models(), Tag]


def item_key(model, pk) -> str:
    return f"{model._meta.model_name}-{pk}"


def any_key(model) -> str:
    return f"{model._meta.model_name}-any"


def list_key(model, subject: str | None = None) -> str:
    return f"{model._meta.model_name}-list" + (f"/{subject}" if subject else "")


STRETCH = 500  # ids to a stretch of a list
STRETCHES_NAMED = 8  # a page drawing from more stretches of a list than this names the whole list


def stretch_key(list_name: str, pk: int) -> str:
    """The stretch of a list its item ``pk`` is on: touched with the list whenever the item joins, moves or leaves."""
    return f"{list_name}@{pk // STRETCH}"


def stretch_keys(list_name: str, lowest: int | None, highest: int) -> set[str]:
    """The keys of a page that draws from the items of a list with ids from ``lowest`` to ``highest`` (None: from
    the first): each stretch, and ``<list>@any``, which a change to the whole list touches (a show crediting
    someone new moves each of its reviews onto their list)."""
    if lowest is None or highest // STRETCH - lowest // STRETCH >= STRETCHES_NAMED:
        return {list_name}
    return {every_stretch_key(list_name),
            *(f"{list_name}@{n}" for n in range(lowest // STRETCH, highest // STRETCH + 1))}


def every_stretch_key(list_name: str) -> str:
    return f"{list_name}@any"


def subject_of(key: str) -> str | None:
    """The item a list key is narrowed to (``tag-5`` of ``review-list/tag-5@200``), or None."""
    return key.split("/", 1)[1].split("@", 1)[0] if "/" in key else None


def owner_of(model):
    """The keyed model whose item a row belongs to: itself, or for an inline's row (a credit, a mention) the
    item it is deleted with."""
    keyed = _known()[0]
    if model in keyed:
        return model
    for field in model._meta.concrete_fields:
        cascades = field.many_to_one and field.remote_field.on_delete is models.CASCADE
        if cascades and field.related_model in keyed:
            return field.related_model
    return None


# Reading

def _loaded(sender, instance, **kwargs):
    collected = _collected.get()
    if collected is None or instance.pk is None:
        return
    keyed, pointers = _known()
    if sender in keyed:
        collected.add(item_key(sender, instance.pk))
        return
    for field in pointers.get(sender, ()):  # an inline's row shows the items it points to (a credit: its person)
        value = getattr(instance, field.attname)
        if value is not None:
            collected.add(item_key(field.related_model, value))


_known_models: list = []


def _known() -> tuple[frozenset, dict]:
    """The keyed models, and for each model of inline rows that belong to them, its foreign keys to them: read
    from the registry once every app has registered (the first page comes after)."""
    if _known_models:
        return _known_models[0]
    keyed = frozenset(keyed_models())
    inlines = {relation.related_model for model in registry.models() for relation in model._meta.related_objects
               if relation.one_to_many and relation.related_model not in keyed}
    pointers = {model: [field for field in model._meta.concrete_fields
                        if field.many_to_one and field.related_model in keyed] for model in inlines}
    if apps.ready:
        _known_models.append((keyed, pointers))
    return keyed, pointers


def connect() -> None:
    """Listen for items loaded (every model; only keyed ones and their inline rows are named)."""
    post_init.connect(_loaded, dispatch_uid="editorial.surrogate_keys.loaded")


def list_keys_of(queryset) -> set[str]:
    """The list keys of a queryset: one per item every row must be related to, else its model's plain list key
    (none when it reads rows by their key: those are items, named as they load); plus the plain list key of each
    keyed model a subquery reads."""
    owner = owner_of(queryset.model)
    where = queryset.query.where
    own_rows = owner is not queryset.model and owner is not None  # an inline's rows of one item: the item's key
    keys = {list_key(owner, subject) for subject in _narrowing_subjects(where)
            if not (own_rows and subject.rpartition("-")[0] == owner._meta.model_name)} if owner else set()
    if owner and not keys and not _by_unique_field(where, queryset.model, owner):
        keys.add(list_key(owner))
    inner = [*_subqueries(queryset.query.where), *(q for expr in queryset.query.annotations.values()
                                                    for q in _subqueries(expr))]
    for query in inner:
        inner_owner = owner_of(query.model)
        if inner_owner:
            keys.add(list_key(inner_owner))
    return keys


def _narrowing_subjects(where):
    """Items every row must be related to: a plain equality on a foreign key to a keyed model, at the top
    of the WHERE (not negated, not one side of an OR)."""
    if where.negated or (where.connector != "AND" and len(where.children) > 1):
        return
    for child in where.children:
        if isinstance(child, Lookup):
            field = getattr(child.lhs, "target", None)
            related = getattr(field, "related_model", None) if getattr(field, "many_to_one", False) else None
            if child.lookup_name == "exact" and related in _known()[0] and not hasattr(child.rhs, "resolve_expression"):
                value = child.rhs.pk if isinstance(child.rhs, models.Model) else child.rhs
                yield item_key(related, value)
        elif hasattr(child, "children"):
            yield from _narrowing_subjects(child)


def _by_unique_field(where, model, owner) -> bool:
    """Rows read by their primary key or another unique field (``pk__in=[…]``, ``slug=…``), or an inline's rows
    read by the items they belong to (a prefetch of reviews' mentions), at the top of the WHERE."""
    if where.negated or (where.connector != "AND" and len(where.children) > 1):
        return False
    for child in where.children:
        if isinstance(child, Lookup):
            field = getattr(child.lhs, "target", None)
            if getattr(field, "model", None) is not model or child.lookup_name not in ("exact", "in"):
                continue
            belongs = owner is not model and field.many_to_one and field.related_model is owner
            if (field.primary_key or field.unique or belongs) and not hasattr(child.rhs, "query"):
                return True
        elif hasattr(child, "children") and _by_unique_field(child, model, owner):
            return True
    return False


def _subqueries(node):
    if hasattr(node, "model") and hasattr(node, "where") and hasattr(node, "annotations"):  # a Query
        yield node
        yield from _subqueries(node.where)
        return
    query = getattr(node, "query", None)
    if query is not None and hasattr(query, "where"):
        yield from _subqueries(query)
    children = getattr(node, "children", None)
    if children is not None:
        for child in children:
            yield from _subqueries(child)
    if isinstance(node, Lookup):
        yield from _subqueries(node.rhs)
    elif isinstance(node, BaseExpression):
        for source in node.get_source_expressions():
            if source is not None:
                yield from _subqueries(source)


class KeyedQuerySet(models.QuerySet):
    """A queryset that names the list it reads while keys are being collected."""

    def _note(self):
        if _collected.get() is not None:
            add(list_keys_of(self))

    def __iter__(self):
        self._note()
        return super().__iter__()

    def __len__(self):
        self._note()
        return super().__len__()

    def __bool__(self):
        self._note()
        return super().__bool__()

    def iterator(self, *args, **kwargs):
        self._note()
        return super().iterator(*args, **kwargs)

    def count(self):
        self._note()
        return super().count()

    def exists(self):
        self._note()
        return super().exists()

    def aggregate(self, *args, **kwargs):
        self._note()
        return super().aggregate(*args, **kwargs)
