"""The engine's models: the workflow every content type shares, and what is kept about each item.

An item is a draft, in review, or published. A published item whose time is
still ahead is scheduled; once its time has come it is live. "Live" is decided
by the database when a query runs (``Now()``), so a scheduled item goes live on
its minute with no cron job and no worker.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone

from editorial.slugs import OldSlug, SluggedModel  # noqa: F401  (OldSlug: a model of this app)
from editorial.surrogate_keys import KeyedQuerySet
from editorial.text import tidy


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"


class State(models.TextChoices):
    """What an item is right now, as an editor sees it."""

    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"


class Changes(models.TextChoices):
    """The working copy of a published item: edits kept aside until an editor publishes them."""

    NONE = "", "None"
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    SCHEDULED = "scheduled", "Scheduled"


class EditorialQuerySet(KeyedQuerySet):
    def live(self):
        """The only door to public content."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=Now())

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=Now())

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def in_review(self):
        return self.filter(status=Status.IN_REVIEW)

    def for_search_results(self):
        """What a search result shows of each item; a content type may fetch more (or less) here."""
        return self

    def waiting_for_an_editor(self):
        """Submitted for review: new items, and the unpublished changes of published ones."""
        return self.filter(models.Q(status=Status.IN_REVIEW) | models.Q(pending_changes=Changes.IN_REVIEW))

    def in_state(self, state: str):
        return {
            State.DRAFT: self.drafts,
            State.IN_REVIEW: self.in_review,
            State.SCHEDULED: self.scheduled,
            State.LIVE: self.live,
        }[State(state)]()


class EditorialModel(SluggedModel):
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Writers save drafts and submit them for review; only editors publish.",
    )
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        db_index=True,
        help_text="When a published item goes live. A time ahead schedules it; "
        "left empty, publishing sets it to now.",
    )
    pending_changes = models.CharField(
        "unpublished changes", max_length=16, choices=Changes.choices, default=Changes.NONE, blank=True,
        editable=False, db_index=True,
        help_text="A published item's working copy: saved, submitted or scheduled, not yet what readers see.",
    )
    corrections = models.JSONField(
        default=list, blank=True, editable=False,
        help_text="Public notes of what a published change corrected, with when: shown under the text.",
    )
    version = models.PositiveIntegerField(
        default=1, editable=False,
        help_text="Goes up with every save, so that a save made from an out-of-date form is refused.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = EditorialQuerySet.as_manager()

    desk_related: tuple[str, ...] = ()  # what the desk's lists fetch with each item, for its subject and byline

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["status", "published_at"], name="%(app_label)s_%(class)s_live")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED) | models.Q(published_at__isnull=False),
                name="%(app_label)s_%(class)s_published_has_a_time",
            )
        ]

    def tidy_text(self) -> None:
        """Every text field as the magazine keeps text (``editorial.text.tidy``), however it arrived."""
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if isinstance(field, models.CharField | models.TextField) and isinstance(value, str):
                setattr(self, field.attname, tidy(value, multiline=isinstance(field, models.TextField)))

    def clean_fields(self, exclude=None):
        self.tidy_text()
        super().clean_fields(exclude)

    def save(self, *args, **kwargs):
        self.tidy_text()
        if self.pk:
            self.version += 1  # an open form that loaded an older version can no longer save over this one
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        if self.slug and "slug" not in (exclude or ()):
            holder = self.working_copy_with_slug(self.slug)
            if holder is not None:
                raise ValidationError({"slug": ValidationError(
                    "The address “%(slug)s” is taken by the unpublished changes to “%(holder)s”. Choose another.",
                    code="unique", params={"slug": self.slug, "holder": holder})})

    def slug_held_elsewhere(self, slug: str) -> bool:
        return self.working_copy_with_slug(slug) is not None

    def working_copy_with_slug(self, slug: str) -> "EditorialModel | None":
        """Another item of this type whose working copy gives it ``slug``: it will need it when it is published."""
        model = type(self)
        pending = model._default_manager.exclude(pending_changes=Changes.NONE).exclude(pk=self.pk).values("pk")
        kind = ContentType.objects.get_for_model(model)
        newest = (Revision.objects.filter(content_type=kind, object_id=OuterRef("object_id"))
                  .order_by("-version", "-pk").values("pk")[:1])
        holder = (Revision.objects.filter(content_type=kind, object_id__in=pending, data__slug=slug)
                  .filter(pk=Subquery(newest)).values_list("object_id", flat=True).first())
        return model._default_manager.filter(pk=holder).first() if holder else None

    def revision_extras(self) -> dict:
        """What a revision keeps beyond the item's own fields (an inline's rows, for instance)."""
        return {}

    def restore_extras(self, data: dict) -> None:
        """Put back what ``revision_extras`` kept."""

    def dependencies(self) -> list["EditorialModel"]:
        """What readers need live before this item (a review's show); published with it when the editor agrees."""
        return []

    def waiting_dependencies(self) -> list["EditorialModel"]:
        """What it needs that readers cannot see yet: drafts, items in review, scheduled items."""
        return [item for item in self.dependencies() if not item.is_live]

    def desk_subject(self):
        """What the item is about, for the desk's lists (a review's show); None when it is its own subject."""
        return None

    def desk_byline(self):
        """Who signs it, for the desk's lists (a review's critic)."""
        return None

    def publish_blockers(self) -> list[str]:
        """Why this item cannot be published yet; a subclass names what it depends on."""
        return []

    @property
    def state(self) -> State:
        if self.status != Status.PUBLISHED:
            return State(self.status)
        if self.published_at and self.published_at > timezone.now():
            return State.SCHEDULED
        return State.LIVE

    @property
    def last_changed(self):
        """When readers last saw something new: the later of the last edit and the publication."""
        return max(filter(None, [self.updated_at, self.published_at]))

    @property
    def correction_notes(self) -> list[dict]:
        """The public corrections published with changes, oldest first: ``{"at": datetime, "note": str}``."""
        return [{"at": datetime.fromisoformat(c["at"]), "note": c["note"]} for c in self.corrections or []]

    def refresh_derived(self) -> None:
        """Bring what this item derives from its content up to date; runs after the commit of a change."""

    def prepare_preview(self) -> None:
        """Make what a preview of unpublished content needs (inside a transaction that is rolled back)."""

    @property
    def is_live(self) -> bool:
        return self.state == State.LIVE

    @classmethod
    def publish_permission(cls) -> str:
        return f"{cls._meta.app_label}.publish_{cls._meta.model_name}"

    def get_absolute_url(self):
        return reverse(f"{self._meta.app_label}:detail", kwargs={"slug": self.slug})


class ItemRecord(models.Model):
    """Something kept about one editorial item, whatever its content type."""

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
        db_table = "magazine_revision"  # made when the engine lived in the magazine app
        indexes = [models.Index(fields=["content_type", "object_id", "version"])]

    def __str__(self):
        return f"version {self.version}"

    @property
    def status_label(self) -> str:
        """The item's status when this was saved, in words (a working copy's says so)."""
        labels = {Status.DRAFT: "Draft", Status.IN_REVIEW: "In review", Status.PUBLISHED: "Published",
                  Changes.SCHEDULED: "Scheduled change"}
        return labels.get(self.status, self.status.replace("_", " ").capitalize())


class AuditEntry(ItemRecord):
    """A workflow move, a restore or a preview link: who did it, when, and the note that came with it."""

    class Action(models.TextChoices):
        SUBMIT = "submit", "submitted for review"
        SEND_BACK = "send_back", "sent back to the writer"
        PUBLISH = "publish", "published"
        PUBLISH_CHANGES = "publish_changes", "published a change"
        SCHEDULE = "schedule", "scheduled"
        SCHEDULE_CHANGES = "schedule_change", "scheduled a change"
        UNPUBLISH = "unpublish", "unpublished"
        SAVE_CHANGES = "save_changes", "saved unpublished changes"
        CANCEL_SCHEDULE = "unschedule", "cancelled scheduled changes"
        RESTORE = "restore", "restored a revision as the working copy"
        PREVIEW_LINK = "preview_link", "made a preview link"
        REVOKE_LINK = "revoke_link", "revoked a preview link"

    action = models.CharField(max_length=16, choices=Action.choices, db_index=True)
    item_repr = models.CharField("item", max_length=300)
    note = models.TextField(blank=True)
    version = models.PositiveIntegerField(null=True, blank=True, help_text="The revision a restore brought back.")

    class Meta(ItemRecord.Meta):
        db_table = "magazine_auditentry"
        verbose_name = "audit entry"
        verbose_name_plural = "audit log"

    def __str__(self):
        return f"{self.created_by} {self.verb} {self.item_repr}"

    @property
    def verb(self) -> str:
        """What was done, as the log says it: “restored revision 4 as the working copy”."""
        if self.action == self.Action.RESTORE and self.version:
            return f"restored revision {self.version} as the working copy"
        return self.get_action_display()


class PreviewLink(ItemRecord):
    """A signed address that lets someone without an account read one unpublished item, until it expires."""

    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta(ItemRecord.Meta):
        db_table = "magazine_previewlink"

    def __str__(self):
        return f"preview of {self.content_type.model} {self.object_id}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class SetAside(models.Model):
    """Work that failed after the fact (a scheduled change coming due, renditions, a mention scan, the cache's
    purge) and was put aside so that it fails alone: logged, shown to editors, never retried on every request."""

    class Step(models.TextChoices):
        SCHEDULED_CHANGE = "scheduled_change", "scheduled change"
        DERIVED = "derived", "renditions and mentions"
        PUBLIC_CHANGE = "public_change", "refreshing readers' pages"

    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    item = GenericForeignKey("content_type", "object_id")
    item_repr = models.CharField("item", max_length=300, blank=True)
    step = models.CharField(max_length=32, choices=Step.choices)
    error = models.TextField(help_text="Why it failed, as editors read it.")
    revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 help_text="The scheduled change that could not go live.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(default=1)
    resolved_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "resolved_at"])]
        verbose_name = "set-aside failure"

    def __str__(self):
        return f"{self.get_step_display()} of {self.item_repr or 'the site'}"


class ListsJoined(models.Model):
    """The list keys a live item was last published on, and its place in their order: what its next publish or
    unpublish must change (``editorial.publish_keys``)."""

    model = models.CharField(max_length=100)
    object_id = models.PositiveBigIntegerField()
    keys = models.JSONField(default=list)
    place = models.TextField(blank=True)  # the values its lists are ordered by

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "object_id"], name="editorial_lists_joined_unique")]

    def __str__(self):
        return f"{self.model} {self.object_id}: {' '.join(self.keys)}"
