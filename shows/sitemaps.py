from editorial.sitemaps import EditorialSitemap
from shows.models import Show


class ShowSitemap(EditorialSitemap):
    model = Show
