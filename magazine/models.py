from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


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


class ItemRecord(models.Model):
    """Something kept about one review, show or person."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    @classmethod
    def of(cls, item):
        return cls.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


class Revision(ItemRecord):
    """The content of an item as one save left it."""

    version = models.PositiveIntegerField()
    status = models.CharField(max_length=16)
    data = models.JSONField()
    go_live_at = models.DateTimeField(
        null=True, blank=True, db_index=True,
        help_text="A scheduled change to a live item: when it goes live. Cleared once published or replaced.",
    )
    correction = models.TextField(blank=True, help_text="The public correction note published with it.")

    class Meta(ItemRecord.Meta):
        indexes = [models.Index(fields=["content_type", "object_id", "version"])]

    def __str__(self):
        return f"version {self.version}"


class AuditEntry(ItemRecord):
    """A workflow move, a restore or a preview link: who did it, when, and the note that came with it."""

    class Action(models.TextChoices):
        SUBMIT = "submit", "submitted for review"
        SEND_BACK = "send_back", "sent back to the writer"
        PUBLISH = "publish", "published"
        SCHEDULE = "schedule", "scheduled"
        UNPUBLISH = "unpublish", "unpublished"
        SAVE_CHANGES = "save_changes", "saved unpublished changes"
        CANCEL_SCHEDULE = "unschedule", "cancelled scheduled changes"
        RESTORE = "restore", "restored a revision"
        PREVIEW_LINK = "preview_link", "made a preview link"
        REVOKE_LINK = "revoke_link", "revoked a preview link"

    action = models.CharField(max_length=16, choices=Action.choices, db_index=True)
    item_repr = models.CharField("item", max_length=300)
    note = models.TextField(blank=True)

    class Meta(ItemRecord.Meta):
        verbose_name = "audit entry"
        verbose_name_plural = "audit log"

    def __str__(self):
        return f"{self.created_by} {self.get_action_display()} {self.item_repr}"


class PreviewLink(ItemRecord):
    """A signed address that lets someone without an account read one unpublished item, until it expires."""

    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta(ItemRecord.Meta):
        pass

    def __str__(self):
        return f"preview of {self.content_type.model} {self.object_id}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class PageCacheDebt(models.Model):
    """A public change the shared cache could not be told about; paid (and deleted) when it answers again."""

    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"page cache invalidation owed since {self.created_at:%d %b %Y, %H:%M:%S}"
