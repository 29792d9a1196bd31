from django.contrib.contenttypes.models import ContentType
from django.db import models


class OldSlug(models.Model):
    """An address an item used to have; its detail view redirects from here."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=120, allow_unicode=True)
    retired_at = models.DateTimeField(auto_now=True)

    class Meta:
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
