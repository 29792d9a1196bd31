"""The tag pages' sitemap (each content type's comes from editorial.sitemaps)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag

from editorial.sitemaps import PAGE_SIZE
from reviews.models import Review


class TagSitemap(Sitemap):
    """Tags with at least one live review."""

    limit = PAGE_SIZE

    def items(self):
        return Tag.objects.filter(pk__in=Review.objects.live().values("tags")).order_by("pk")

    def location(self, tag):
        return reverse("tag", args=[tag.slug])

