from editorial.sitemaps import EditorialSitemap
from people.models import Person


class PersonSitemap(EditorialSitemap):
    model = Person
