"""``python manage.py refresh_mentions``: find again the people and shows every review names.

Mentions are found when a review is saved; run this after adding many people or shows at once,
so that older reviews link them too. An editor's “not this one” is kept.
"""

from django.core.management.base import BaseCommand

from editorial import publication
from editorial.progress import progress_bar
from reviews.mentions import refresh_mentions
from reviews.models import Review


class Command(BaseCommand):
    help = "Find the people and shows named in every review's body again."

    def handle(self, *args, **options):
        total = Review.objects.count()
        found = 0
        with progress_bar(self.stderr, "reviews", total) as progress:
            for review in Review.objects.order_by("pk").iterator(chunk_size=500):
                found += len(refresh_mentions(review))
                progress.update(1)
        publication.changed_in_bulk(public=True)  # live pages link what was found
        self.stdout.write(f"{total} reviews scanned; {found} mentions.")
