from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Substr
from taggit.managers import TaggableManager

from editorial.models import EditorialModel
from editorial.names import name_key
from editorial.surrogate_keys import KeyedQuerySet
from people.models import Person
from pictures.models import Pictured

YEAR_VALIDATORS = [MinValueValidator(1870), MaxValueValidator(2200)]


class Show(Pictured, EditorialModel):
    crops = ("poster", "card", "social")
    class Kind(models.TextChoices):
        FILM = "film", "Film"
        SERIES = "series", "Series"

    title = models.CharField(
        max_length=200, help_text="Exactly as released, accents and capitals included."
    )
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.FILM)
    year = models.PositiveSmallIntegerField(
        validators=YEAR_VALIDATORS, help_text="Year of release, or the first year of a run."
    )
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=YEAR_VALIDATORS,
        help_text="Last year of a long-running series (2019–2023); empty for a single year.",
    )
    countries = models.CharField(
        max_length=200, blank=True, help_text="As credited: “US”, “UK/Ireland”, “France, Belgium”."
    )
    distributor = models.CharField(max_length=200, blank=True)
    episodes = models.PositiveSmallIntegerField(null=True, blank=True)
    seasons = models.PositiveSmallIntegerField(null=True, blank=True)
    runtime_minutes = models.PositiveSmallIntegerField("runtime (minutes)", null=True, blank=True)
    languages = models.CharField(max_length=200, blank=True, help_text="Comma-separated, as credited.")
    synopsis = models.TextField(blank=True, help_text="One paragraph per line.")
    tags = TaggableManager(blank=True)
    match_key = models.CharField(max_length=300, db_index=True, editable=False, default="")

    class Meta(EditorialModel.Meta):
        ordering = ["title", "pk"]
        indexes = [*EditorialModel.Meta.indexes, models.Index(fields=["kind"], name="shows_kind"),
                   models.Index(Substr("match_key", 1, 1), "match_key", name="shows_initial")]  # the A–Z index
        permissions = [("publish_show", "Can publish, schedule and unpublish shows")]

    def __str__(self):
        return f"{self.title} ({self.years})"

    def save(self, *args, **kwargs):
        self.match_key = name_key(self.title)  # how the body of a review is searched for this title
        super().save(*args, **kwargs)

    def dependencies(self) -> list:
        """The people it credits: a live show may name draft people, unlinked, but an editor can publish them."""
        return [credit.person for credit in self.credits.select_related("person")] if self.pk else []

    def revision_extras(self) -> dict:
        rows = self.credits.select_related("person").order_by("role", "order", "pk")
        return {"credits": [credit.as_row() for credit in rows]}

    def restore_extras(self, data: dict) -> None:
        """The credits as ``data`` has them, matched by (person, role); people deleted since are left out."""
        if "credits" not in data:
            return
        people = set(Person.objects.filter(pk__in=[row["person"] for row in data["credits"]])
                     .values_list("pk", flat=True))
        wanted = {(row["person"], row["role"]): row for row in data["credits"] if row["person"] in people}
        existing = {(c.person_id, c.role): c for c in self.credits.all()}
        Credit.objects.filter(pk__in=[c.pk for key, c in existing.items() if key not in wanted]).delete()
        for key, row in wanted.items():
            credit = existing.get(key) or Credit(show=self, person_id=row["person"], role=row["role"])
            values = {name: row[name] for name in ("character", "note", "order")}
            if credit.pk is None or any(getattr(credit, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(credit, name, value)
                credit.full_clean()
                credit.save()

    def clean(self):
        super().clean()
        if self.year and self.end_year and self.end_year < self.year:
            raise ValidationError(
                {"end_year": ValidationError("The last year cannot come before the first (%(year)s).",
                                             code="span_backwards", params={"year": self.year})}
            )

    @property
    def search_label(self) -> str:
        return self.get_kind_display()

    @property
    def years(self) -> str:
        if self.end_year and self.end_year != self.year:
            return f"{self.year}–{self.end_year}"
        return str(self.year)


class Credit(models.Model):
    class Role(models.TextChoices):
        DIRECTOR = "director", "Director"
        WRITER = "writer", "Writer"
        CREATOR = "creator", "Creator"
        CAST = "cast", "Cast"
        PRODUCER = "producer", "Producer"
        MUSIC = "music", "Music"
        CINEMATOGRAPHY = "cinematography", "Cinematography"
        EDITOR = "editor", "Editor"

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(max_length=16, choices=Role.choices)
    character = models.CharField(max_length=200, blank=True, help_text="For cast: the character played.")
    note = models.CharField(max_length=200, blank=True, help_text="E.g. “uncredited”, “episodes 1–3”.")
    order = models.PositiveSmallIntegerField("billing order", default=0)

    objects = KeyedQuerySet.as_manager()  # a page listing credits names the list it reads (editorial.surrogate_keys)

    class Meta:
        ordering = ["show", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["show", "person", "role"], name="one_credit_per_function")
        ]

    def __str__(self):
        text = f"{self.person} — {self.get_role_display()}"
        return f"{text} ({self.character})" if self.character else text

    def as_row(self) -> dict:
        """The credit as a revision keeps it."""
        return {"person": self.person_id, "name": self.person.name, "role": self.role, "character": self.character,
                "note": self.note, "order": self.order}
