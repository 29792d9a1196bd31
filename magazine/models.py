from django.db import models


class PageCacheDebt(models.Model):
    """A public change the shared cache could not be told about; paid (and deleted) when it answers again."""

    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"page cache invalidation owed since {self.created_at:%d %b %Y, %H:%M:%S}"
