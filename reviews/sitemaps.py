from editorial.sitemaps import EditorialSitemap
from reviews.models import Review


class ReviewSitemap(EditorialSitemap):
    model = Review
