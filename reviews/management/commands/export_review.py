"""``python manage.py export_review SLUG``: the review in house style, on standard output."""

from django.core.management.base import BaseCommand, CommandError

from reviews.house_style import format_review
from reviews.models import Review
from reviews.services import house_style_of


class Command(BaseCommand):
    help = "Write a review in the magazine's house style: front matter, one paragraph per line, credits line."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, slug, **options):
        review = Review.objects.select_related("show", "critic").filter(slug=slug).first()
        if review is None:
            raise CommandError(f"No review has the slug “{slug}”.")
        self.stdout.write(format_review(house_style_of(review)), ending="")
