"""A data migration each content type runs once: its rows brought to one Unicode form and one folding.

Before it, slugs dropped the letters that have no accent to strip (Søren → ``sren``) and names were kept as
typed, decomposed or not. Slugs made that way are made again with ``editorial.names.fold``; each old address is
kept as an ``OldSlug``, so it redirects.
"""

import re

from django.db import models
from django.utils.text import slugify

from editorial.names import name_key
from editorial.slugs import SLUG_MAX, slug_for
from editorial.text import tidy


def old_slug_for(text: str) -> str:
    """``slug_for`` as it was: Django's slugify alone."""
    return (slugify(text) or slugify(text, allow_unicode=True) or "item")[: SLUG_MAX - 8].strip("-")


def text_fields(model) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and not field.choices and field.name != "slug"]


def refold(apps, app_label: str, model_name: str, *, source: str, match_key: bool = False) -> None:
    model = apps.get_model(app_label, model_name)
    content_type_model = apps.get_model("contenttypes", "ContentType")
    old_slug_model = apps.get_model("editorial", "OldSlug")
    rows = list(model.objects.order_by("pk"))
    if not rows:
        return
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model_name.lower())
    taken = {row.slug for row in rows} | set(
        old_slug_model.objects.filter(content_type=content_type).values_list("slug", flat=True))
    for row in rows:
        changed = set()
        for field in text_fields(model):
            value = getattr(row, field.attname)
            tidied = tidy(value, multiline=isinstance(field, models.TextField)) if value else value
            if tidied != value:
                setattr(row, field.attname, tidied)
                changed.add(field.attname)
        text = getattr(row, source)
        old_base, new_base = old_slug_for(text), slug_for(text)
        if new_base != old_base and re.fullmatch(re.escape(old_base) + r"(-\d+)?", row.slug):
            old_slug, candidate, n = row.slug, new_base, 1
            while candidate in taken:
                n += 1
                candidate = f"{new_base}-{n}"
            taken.add(candidate)
            old_slug_model.objects.get_or_create(content_type=content_type, slug=old_slug,
                                                 defaults={"object_id": row.pk})
            row.slug = candidate
            changed.add("slug")
        if match_key and row.match_key != name_key(text):
            row.match_key = name_key(text)
            changed.add("match_key")
        if changed:
            row.save(update_fields=sorted(changed))
