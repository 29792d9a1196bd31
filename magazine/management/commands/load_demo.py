"""``python manage.py load_demo``: the demo magazine from ``magazine/demo_content.py``.

A magazine that already has reviews is left alone. With ``--reset`` the demo rows are found by
name, title or headline, so nothing is added twice; they are brought back to the data
(publication times included, counted from now).
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from editorial import publication
from editorial.models import Status
from magazine import demo_content as demo
from magazine import demo_pictures
from people.models import Person
from pictures.renditions import clean_upload
from reviews.mentions import refresh_mentions
from reviews.models import Review
from shows.models import Credit, Show

SHOW_EXTRAS = ("title", "tags", "credits")


class Command(BaseCommand):
    help = "Load the demo shows, people, credits, reviews and the editor and writer accounts (safe to rerun)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true",
            help="Bring the demo rows back to the demo data even if the magazine already has reviews.",
        )
        parser.add_argument("--no-pictures", action="store_true", help="Skip drawing the demo pictures.")

    def handle(self, *args, **options):
        if Review.objects.exists() and not options["reset"]:
            self.stdout.write("The magazine already has reviews; demo content left as it is (--reset to reload).")
            self.accounts()
            return
        self.created = 0
        with transaction.atomic():
            self.now = timezone.now()
            users = {spec["username"]: self.account(spec) for spec in demo.USERS}
            self.editor, writer = users["editor"], users["writer"]
            self.catalogue = {
                "status": Status.PUBLISHED,
                "published_at": self.now - timedelta(days=demo.CATALOGUE_DAYS_AGO),
                "created_by": self.editor,
                "updated_by": self.editor,
            }
            self.people = {}
            shows = {spec["title"]: self.show(spec) for spec in demo.SHOWS}
            reviews = [self.review(spec, shows[spec["show"]], writer) for spec in demo.REVIEWS]
            for review in reviews:
                refresh_mentions(review)
        if not options["no_pictures"]:
            self.pictures(reviews, shows.values(), {review.critic for review in reviews if review.critic})
        publication.changed_in_bulk(public=True)
        self.summary()

    def account(self, spec):
        fields = {k: v for k, v in spec.items() if k not in ("username", "password", "group")}
        user, created = get_user_model().objects.update_or_create(
            username=spec["username"], defaults={**fields, "is_staff": True, "is_active": True}
        )
        self.created += created
        user.set_password(spec["password"])
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=spec["group"]))
        return user

    def person(self, name: str) -> Person:
        if name not in self.people:
            person, created = Person.objects.update_or_create(
                name=name, defaults={**self.catalogue, "bio": demo.BIOS.get(name, "")}
            )
            self.created += created
            self.people[name] = person
        return self.people[name]

    def show(self, spec) -> Show:
        fields = {k: v for k, v in spec.items() if k not in SHOW_EXTRAS}
        show, created = Show.objects.update_or_create(title=spec["title"], defaults={**self.catalogue, **fields})
        self.created += created
        show.tags.set(spec["tags"])
        for order, (role, name, *character) in enumerate(spec["credits"], start=1):
            _, created = Credit.objects.update_or_create(
                show=show,
                person=self.person(name),
                role=role,
                defaults={"character": character[0] if character else "", "order": order},
            )
            self.created += created
        return show

    def review(self, spec, show: Show, writer) -> Review:
        days_ago, rating = spec["days_ago"], spec["rating"]
        by = self.editor if spec["status"] == Status.PUBLISHED else writer  # unpublished work is still the writer's
        review, created = Review.objects.update_or_create(
            headline=spec["headline"],
            defaults={
                "show": show,
                "critic": self.person(spec["critic"]),
                "standfirst": spec["standfirst"],
                "body": "\n".join(spec["body"]),
                "rating": None if rating is None else Decimal(str(rating)),
                "featured": spec.get("featured", False),
                "status": spec["status"],
                "published_at": None if days_ago is None else self.now - timedelta(days=days_ago),
                "created_by": by,
                "updated_by": by,
            },
        )
        self.created += created
        review.tags.set(spec["tags"])
        return review

    def pictures(self, reviews, shows, critics) -> None:
        """Stills, posters and headshots drawn for the demo, through the same upload checks as the admin's."""
        items = [(r, demo_pictures.still(r.headline)) for r in reviews]
        items += [(s, (*demo_pictures.poster(s.title), (0.5, 0.5))) for s in shows]
        items += [(p, (*demo_pictures.headshot(p.name), (0.5, 0.35))) for p in critics]
        for done, (item, (data, alt, focus)) in enumerate(items, start=1):
            if not item.image:
                item.image = clean_upload(SimpleUploadedFile(f"{item.slug}.jpg", data, "image/jpeg"))
                item.image_alt, item.image_credit = alt, "Illustration drawn for the demo"
                item.image_focus_x, item.image_focus_y = focus
                item.save()
            item.refresh_renditions()
            self.stdout.write(f"\rPictures: {done}/{len(items)}", ending="")
        self.stdout.write("")

    def summary(self) -> None:
        reviews = Review.objects.all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo magazine loaded ({self.created} new rows): {Show.objects.count()} shows, "
                f"{Person.objects.count()} people, {Credit.objects.count()} credits, {reviews.count()} reviews "
                f"({reviews.live().count()} live, {reviews.scheduled().count()} scheduled, "
                f"{reviews.in_review().count()} in review, {reviews.drafts().count()} draft)."
            )
        )
        self.accounts()

    def accounts(self) -> None:
        for spec in demo.USERS:
            self.stdout.write(f"{spec['group'][:-1]}: {spec['username']} / {spec['password']}")
