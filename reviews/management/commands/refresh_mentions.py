"""``python manage.py refresh_mentions``: find again the people and shows every review names.

Mentions are found when a review is saved; run this after adding many people or shows at once,
so that older reviews link them too. An editor's “not this one” is kept.
"""

from django.core.management.base import BaseCommand

from reviews.mentions import refresh_mentions
from reviews.models import Review

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Find the people and shows named in every review's body again."

    def handle(self, *args, **options):
        total = Review.objects.count()
        found = 0
        for done, review in enumerate(Review.objects.order_by("pk").iterator(chunk_size=500), start=1):
            found += len(refresh_mentions(review))
            filled = BAR_WIDTH * done // max(total, 1)
            self.stderr.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}", ending="")
        self.stderr.write("")
        self.stdout.write(f"{total} reviews scanned; {found} mentions.")
