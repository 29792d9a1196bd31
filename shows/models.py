from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Substr
from django.urls import reverse
from taggit.managers import TaggableManager

from editorial.models import EditorialModel
from editorial.names import name_key
from editorial.revisions import plain
from editorial.surrogate_keys import KeyedQuerySet
from people.models import Person
from pictures.models import Pictured
from shows.trailers import TrailerField

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
    trailer = TrailerField(blank=True)
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
        return {"credits": [credit.as_row() for credit in self.credits.select_related("person")
                            .order_by("role", "order", "pk")],
                "season_rows": [season.as_row() for season in self.season_set.all()],
                "episode_rows": [episode.as_row() for episode in self.episode_set.all()]}

    def refresh_derived(self) -> None:
        super().refresh_derived()
        for season in self.season_set.all():
            season.refresh_renditions()

    def prepare_preview(self) -> None:
        super().prepare_preview()
        for season in self.season_set.all():
            season.refresh_renditions(for_preview=True)

    def restore_extras(self, data: dict) -> None:
        """Credits, seasons and episodes as ``data`` has them; credits of people deleted since are left out."""
        if "credits" in data:
            people = set(Person.objects.filter(pk__in=[row["person"] for row in data["credits"]])
                         .values_list("pk", flat=True))
            put_back(self.credits.all(), [row for row in data["credits"] if row["person"] in people],
                     lambda row: Credit(show=self, person_id=row["person"], role=row["role"]))
        if "season_rows" in data:
            put_back(self.season_set.all(), data["season_rows"], lambda row: Season(show=self, number=row["number"]))
        if "episode_rows" in data:
            put_back(self.episode_set.all(), data["episode_rows"],
                     lambda row: Episode(show=self, season=row["season"], number=row["number"]))

    def clean(self):
        super().clean()
        refuse_backwards(self.year, self.end_year, field="end_year", unit="year")

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
    first_season = models.PositiveSmallIntegerField(
        "from season", null=True, blank=True, validators=[MinValueValidator(1)],
        help_text="For a series: the first season this credit covers; empty for the whole run.")
    last_season = models.PositiveSmallIntegerField(
        "to season", null=True, blank=True, validators=[MinValueValidator(1)],
        help_text="The last season it covers; empty when it runs on.")

    row_fields = ("character", "note", "order", "first_season", "last_season")
    objects = KeyedQuerySet.as_manager()  # a page listing credits names the list it reads (editorial.surrogate_keys)

    class Meta:
        ordering = ["show", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["show", "person", "role"], name="one_credit_per_function")
        ]

    def __str__(self):
        text = f"{self.person} — {self.get_role_display()}"
        return f"{text} ({self.character})" if self.character else text

    def clean(self):
        super().clean()
        refuse_backwards(self.first_season, self.last_season, field="last_season", unit="season")

    @property
    def key(self):
        return self.person_id, self.role

    @staticmethod
    def key_of(row: dict):
        return row["person"], row["role"]

    def as_row(self) -> dict:
        """The credit as a revision keeps it."""
        return {"person": self.person_id, "name": self.person.name, "role": self.role, "character": self.character,
                "note": self.note, "order": self.order, "first_season": self.first_season,
                "last_season": self.last_season}

    def covers(self, season: int) -> bool:
        return in_seasons(self.first_season, self.last_season, season)

    @property
    def seasons(self) -> str:
        return seasons_phrase(self.first_season, self.last_season)


class Season(Pictured, models.Model):
    """A season of a series, edited with it: it lives in the show's draft and goes live with the show. Its poster's
    renditions are made with the show's."""

    crops = ("poster", "card")

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="season_set")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=YEAR_VALIDATORS, help_text="Empty when the season aired within a year.")
    episodes = models.PositiveSmallIntegerField("number of episodes", null=True, blank=True)
    synopsis = models.TextField(blank=True, help_text="One paragraph per line.")
    trailer = TrailerField(blank=True)

    row_fields = ("year", "end_year", "episodes", "synopsis", "trailer", "image", "image_alt", "image_caption",
                  "image_credit", "image_focus_x", "image_focus_y")
    objects = KeyedQuerySet.as_manager()

    class Meta:
        ordering = ["show", "number"]
        constraints = [models.UniqueConstraint(fields=["show", "number"], name="one_season_per_number")]

    def __str__(self):
        return f"{self.show.title}, season {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("shows:season", kwargs={"slug": self.show.slug, "number": self.number})

    def clean(self):
        super().clean()
        refuse_backwards(self.year, self.end_year, field="end_year", unit="year")

    @property
    def key(self):
        return self.number

    @property
    def poster_source(self):
        """What holds the season's poster: itself when it has one, else its show."""
        return self if self.picture("poster") else self.show

    @staticmethod
    def key_of(row: dict):
        return row["number"]

    def as_row(self) -> dict:
        return {"number": self.number, **{name: plain(getattr(self, name)) for name in self.row_fields}}

    @property
    def years(self) -> str:
        if self.end_year and self.end_year != self.year:
            return f"{self.year}–{self.end_year}"
        return str(self.year or "")


class Episode(models.Model):
    """An episode of a series' season, named by the season's number: it is part of the show's draft too."""

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="episode_set")
    season = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)], help_text="Its number in the season.")
    title = models.CharField(max_length=200, blank=True)
    air_date = models.DateField("first aired", null=True, blank=True)

    row_fields = ("title", "air_date")
    objects = KeyedQuerySet.as_manager()

    class Meta:
        ordering = ["show", "season", "number"]
        constraints = [models.UniqueConstraint(fields=["show", "season", "number"], name="one_episode_per_number")]

    def __str__(self):
        return episode_label(self.show.title, self.season, self.number, self.title)

    @property
    def key(self):
        return self.season, self.number

    @staticmethod
    def key_of(row: dict):
        return row["season"], row["number"]

    def as_row(self) -> dict:
        return {"season": self.season, "number": self.number, "title": self.title,
                "air_date": self.air_date.isoformat() if self.air_date else None}

    @property
    def code(self) -> str:
        return episode_code(self.season, self.number)


def episode_code(season: int, number: int) -> str:
    return f"{season}×{number:02d}"


def episode_label(title: str, season: int, number: int, episode_title: str = "") -> str:
    """“ÉTOILE, 2×05 ‘The Understudy’”."""
    label = f"{title}, {episode_code(season, number)}"
    return f"{label} ‘{episode_title}’" if episode_title else label


def refuse_backwards(first: int | None, last: int | None, *, field: str, unit: str) -> None:
    """A span that ends before it starts (2023–2019, seasons 3–2) is an error on its last ``field``."""
    if first and last and last < first:
        raise ValidationError({field: ValidationError(
            f"The last {unit} cannot come before the first (%(first)s).", code="span_backwards",
            params={"first": first})})


def put_back(stored, rows: list[dict], new) -> None:
    """Make the rows of ``stored`` (a model with ``key`` and ``as_row``) what ``rows`` holds, matched by key:
    the others are deleted, changed ones saved, missing ones made by ``new(row)``."""
    model = stored.model
    wanted = {model.key_of(row): row for row in rows}
    existing = {item.key: item for item in stored}
    model.objects.filter(pk__in=[item.pk for key, item in existing.items() if key not in wanted]).delete()
    for key, row in wanted.items():
        item = existing.get(key) or new(row)
        values = {name: row[name] for name in model.row_fields if name in row}
        if item.pk is None or any(getattr(item, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(item, name, model._meta.get_field(name).to_python(value))
            item.full_clean(validate_constraints=False)
            item.save()


def in_seasons(first: int | None, last: int | None, season: int) -> bool:
    """Whether a credit from ``first`` to ``last`` (either empty: open at that end) covers ``season``."""
    return (first or 1) <= season and (last is None or season <= last)


def seasons_phrase(first: int | None, last: int | None) -> str:
    """“season 2”, “seasons 1–2”, “from season 3”; "" for the whole run."""
    if (first or 1) == 1 and last is None:
        return ""
    if last is None:
        return f"from season {first}"
    first = first or 1
    return f"season {first}" if first == last else f"seasons {first}–{last}"
