from django.db import models

from editorial.models import EditorialModel


class Feature(EditorialModel):
    slug_from = "headline"

    headline = models.CharField(max_length=200)
    body = models.TextField()

    class Meta(EditorialModel.Meta):
        permissions = [("publish_feature", "Can publish, schedule and unpublish features")]

    def __str__(self):
        return self.headline
