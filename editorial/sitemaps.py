"""One sitemap class for every editorial model: live items only, each with when readers last saw it change."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest

from editorial import registry

PAGE_SIZE = 5000


def last_changed(through: str = ""):
    """When readers last saw an item change (``through``: the path to it, "show__" for a season's show)."""
    return Greatest(f"{through}updated_at", Coalesce(f"{through}published_at", f"{through}updated_at"))


class EditorialSitemap(Sitemap):
    limit = PAGE_SIZE
    model = None

    def items(self):
        return self.model.objects.live().annotate(last_changed_at=last_changed()).order_by("pk")

    def lastmod(self, item):
        return item.last_changed_at

    def get_latest_lastmod(self):
        """For the index: one aggregate query, not a walk over every item."""
        return self.model.objects.live().aggregate(latest=Max(last_changed()))["latest"]


def sitemaps() -> dict[str, type[EditorialSitemap]]:
    """A sitemap for each registered content type, named by its plural ("reviews")."""
    return {str(model._meta.verbose_name_plural):
            type(f"{model.__name__}Sitemap", (EditorialSitemap,), {"model": model}) for model in registry.models()}
