"""The season pages' sitemap: every season of a live series."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from editorial.sitemaps import PAGE_SIZE, last_changed
from shows.models import Season, Show


class SeasonSitemap(Sitemap):
    """A season changes with its show (it goes live as the show's changes are published): its time is the show's."""

    limit = PAGE_SIZE

    def seasons(self):
        return Season.objects.filter(show__in=Show.objects.live().filter(kind=Show.Kind.SERIES).values("pk"))

    def items(self):
        return self.seasons().select_related("show").annotate(last_changed_at=last_changed("show__")).order_by("pk")

    def lastmod(self, season):
        return season.last_changed_at

    def get_latest_lastmod(self):
        return self.seasons().aggregate(latest=Max(last_changed("show__")))["latest"]
