from django.db import models
from django.db.models.functions import Substr
from taggit.managers import TaggableManager

from editorial.models import EditorialModel
from editorial.names import name_key
from pictures.models import Pictured


class Person(Pictured, EditorialModel):
    crops = ("square", "social")
    slug_from = "name"

    name = models.CharField(
        max_length=200,
        help_text="Exactly as credited: accents, hyphens, apostrophes and particles as written.",
    )
    bio = models.TextField(blank=True, help_text="One paragraph per line.")
    beat = models.CharField(
        max_length=120, blank=True,
        help_text="For a critic: what they cover, in a few words (“Television, crime and thrillers”). "
        "The masthead shows it beside their name.",
    )
    tags = TaggableManager(blank=True)
    match_key = models.CharField(max_length=300, db_index=True, editable=False, default="")

    class Meta(EditorialModel.Meta):
        ordering = ["name", "pk"]
        indexes = [*EditorialModel.Meta.indexes,
                   models.Index(Substr("match_key", 1, 1), "match_key", name="people_initial")]  # the A–Z index
        verbose_name_plural = "people"
        permissions = [("publish_person", "Can publish, schedule and unpublish people")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.match_key = name_key(self.name)  # how the body of a review is searched for this name
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return self.name

    @property
    def initials(self) -> str:
        """The first letters of the first and last names (“Lou de Laâge” → “LL”): a headshot's stand-in."""
        words = [word for word in self.name.split() if word[:1].isalpha()]
        return "".join(word[0] for word in words[:1] + words[1:][-1:]).upper()
