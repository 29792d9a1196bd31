from django.contrib.postgres.search import SearchVectorField
from django.db import models


class IndexEntry(models.Model):
    """A row of the PostgreSQL search index, for the ORM's full-text search. The table is made and kept by
    search.backends (triggers fill it); on SQLite the index is an FTS5 table this model does not describe."""

    id = models.BigIntegerField(primary_key=True)  # the item's id × 10 + its kind
    title = models.TextField()
    show_title = models.TextField()  # the parent's title (a review's show)
    standfirst = models.TextField()
    body = models.TextField()
    show_id = models.BigIntegerField(null=True)
    document = SearchVectorField()

    class Meta:
        managed = False
        db_table = "magazine_search"

    def __str__(self):
        return self.title
