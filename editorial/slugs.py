"""Slugs that fold every Latin letter, stay unique, and never break an old address."""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from editorial.names import fold

SLUG_MAX = 120


class OldSlug(models.Model):
    """An address an item used to have; its detail view redirects from here."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=120, allow_unicode=True)
    retired_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "magazine_oldslug"  # made when the engine lived in the magazine app
        constraints = [
            models.UniqueConstraint(fields=["content_type", "slug"], name="unique_old_slug")
        ]

    def __str__(self):
        return self.slug

    @classmethod
    def remember(cls, item, slug: str) -> None:
        content_type = ContentType.objects.get_for_model(item)
        cls.objects.filter(content_type=content_type, object_id=item.pk, slug=item.slug).delete()
        cls.objects.update_or_create(
            content_type=content_type, slug=slug, defaults={"object_id": item.pk}
        )


def slug_for(text: str) -> str:
    """ASCII where the text allows it (Laâge → laage, Søren → soren); the script itself where it does not."""
    return (slugify(fold(text)) or slugify(text, allow_unicode=True) or "item")[: SLUG_MAX - 8].strip("-")


class SluggedModel(models.Model):
    """A model whose slug is made from one of its fields (``slug_from``).

    While the slug is still the one made from that field, it follows the field
    when an editor fixes a typo; a slug an editor typed stays as typed. Every
    address an item had keeps redirecting to it (``OldSlug``).
    """

    slug_from = "title"

    slug = models.SlugField(
        max_length=SLUG_MAX,
        unique=True,
        blank=True,
        allow_unicode=True,
        help_text="The last part of the page’s address. Left empty, it is made from the "
        "title; earlier addresses keep redirecting here.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        loaded_slug = getattr(self, "_loaded_slug", None)
        loaded_source = getattr(self, "_loaded_source", None)
        source = getattr(self, self.slug_from)
        follows_source = (
            loaded_slug == self.slug
            and loaded_source is not None
            and re.fullmatch(re.escape(slug_for(loaded_source)) + r"(-\d+)?", self.slug)
        )
        if not self.slug or (follows_source and loaded_source != source):
            self.slug = self.unique_slug(slug_for(source))
        super().save(*args, **kwargs)
        if loaded_slug and loaded_slug != self.slug:
            OldSlug.remember(self, loaded_slug)
        self._loaded_slug, self._loaded_source = self.slug, source

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_slug = instance.__dict__.get("slug")
        instance._loaded_source = instance.__dict__.get(cls.slug_from)
        return instance

    def unique_error_message(self, model_class, unique_check):
        if tuple(unique_check) == ("slug",):
            return ValidationError("The address “%(slug)s” is already used by another %(noun)s. Choose another.",
                                   code="unique", params={"slug": self.slug, "noun": model_class._meta.verbose_name})
        return super().unique_error_message(model_class, unique_check)

    def slug_held_elsewhere(self, slug: str) -> bool:
        """Whether something other than a row holds ``slug`` for another item."""
        return False

    def unique_slug(self, base: str) -> str:
        taken_by_others = type(self)._default_manager.exclude(pk=self.pk)
        old_slugs = OldSlug.objects.filter(content_type=ContentType.objects.get_for_model(self))
        if self.pk:
            old_slugs = old_slugs.exclude(object_id=self.pk)
        candidate, n = base, 1
        while (
            taken_by_others.filter(slug=candidate).exists()
            or old_slugs.filter(slug=candidate).exists()
            or self.slug_held_elsewhere(candidate)
        ):
            n += 1
            candidate = f"{base}-{n}"
        return candidate
