from django.db import models
from taggit.managers import TaggableManager

from magazine.editorial import EditorialModel
from magazine.pictured import Pictured


class Person(Pictured, EditorialModel):
    crops = ("square", "social")
    slug_from = "name"

    name = models.CharField(
        max_length=200,
        help_text="Exactly as credited: accents, hyphens, apostrophes and particles as written.",
    )
    bio = models.TextField(blank=True, help_text="One paragraph per line.")
    tags = TaggableManager(blank=True)

    class Meta(EditorialModel.Meta):
        ordering = ["name", "pk"]
        verbose_name_plural = "people"
        permissions = [("publish_person", "Can publish, schedule and unpublish people")]

    def __str__(self):
        return self.name

    @property
    def title(self) -> str:
        return self.name
