"""``python manage.py load_demo``: the demo magazine from ``demo/content.py``.

A magazine that already has reviews is left alone. With ``--reset`` the demo rows are found by
name, title or headline, so nothing is added twice; they are brought back to the data
(publication times included, counted from now).
"""

from datetime import timedelta
from decimal import Decimal
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from demo import content, posters, stills
from editorial import publication
from editorial.models import Status
from pages.models import Page
from people.models import Person
from pictures.renditions import clean_upload
from reviews.mentions import refresh_mentions
from reviews.models import Review
from shows.models import Credit, Episode, Season, Show

SHOW_EXTRAS = ("title", "tags", "credits", "season_rows", "episode_rows")


class Command(BaseCommand):
    help = ("Load the demo shows, people, credits, reviews, the magazine’s own pages and the editor and writer "
            "accounts (safe to rerun).")

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
            users = {spec["username"]: self.account(spec) for spec in content.USERS}
            self.editor, writer = users["editor"], users["writer"]
            self.catalogue = {
                "status": Status.PUBLISHED,
                "published_at": self.now - timedelta(days=content.CATALOGUE_DAYS_AGO),
                "created_by": self.editor,
                "updated_by": self.editor,
            }
            self.people = {}
            shows = {spec["title"]: self.show(spec) for spec in content.SHOWS}
            reviews = [self.review(spec, shows[spec["show"]], writer) for spec in content.REVIEWS]
            for review in reviews:
                refresh_mentions(review)
            for spec in content.PAGES:
                self.page(spec)
        if not options["no_pictures"]:
            self.pictures(reviews, shows.values(), list(dict.fromkeys(r.critic for r in reviews if r.critic)))
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
                name=name, defaults={**self.catalogue, "bio": content.BIOS.get(name, ""),
                                     "beat": content.BEATS.get(name, "")}
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
        for row in spec.get("season_rows", []):
            self.created += Season.objects.update_or_create(show=show, number=row["number"], defaults=row)[1]
        for row in spec.get("episode_rows", []):
            self.created += Episode.objects.update_or_create(show=show, season=row["season"], number=row["number"],
                                                             defaults=row)[1]
        return show

    def review(self, spec, show: Show, writer) -> Review:
        days_ago, rating = spec["days_ago"], spec["rating"]
        by = self.editor if spec["status"] == Status.PUBLISHED else writer  # unpublished work is still the writer's
        review, created = Review.objects.update_or_create(
            headline=spec["headline"],
            defaults={
                "show": show,
                "season": spec.get("season"),
                "episode": spec.get("episode"),
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

    def page(self, spec) -> Page:
        """One of the magazine's own pages (About, Masthead, Contact, Privacy), found again by its address."""
        fields = {"title": spec["title"], "standfirst": spec.get("standfirst", ""), "body": "\n".join(spec["body"]),
                  "masthead": spec.get("masthead", False), "footer_order": spec.get("footer_order")}
        page, created = Page.objects.update_or_create(slug=spec["slug"], defaults={**self.catalogue, **fields})
        self.created += created
        return page

    def pictures(self, reviews, shows, people) -> None:
        """Stills, posters and headshots drawn for the demo (demo/stills.py, demo/posters.py), each
        seeded by its slug, through the same upload checks as the admin's."""
        scenes = [content.STILLS.get(review.show.title) for review in reviews]
        drawings = [(review, partial(stills.still, review.slug, scene, scenes[:i].count(scene)))
                    for i, (review, scene) in enumerate(zip(reviews, scenes, strict=True))]
        drawings += [(s, partial(self.poster, s, i)) for i, s in enumerate(shows)]
        drawings += [(p, lambda p=p: (*posters.headshot(p.slug), (0.5, 0.4))) for p in people]
        for done, (item, draw) in enumerate(drawings, start=1):
            if not item.image:
                data, alt, focus = draw()
                item.image = clean_upload(SimpleUploadedFile(f"{item.slug}.jpg", data, "image/jpeg"))
                item.image_alt, item.image_credit = alt, "Illustration drawn for the demo"
                item.image_focus_x, item.image_focus_y = focus
                item.save()
            item.refresh_renditions()
            self.stdout.write(f"\rPictures: {done}/{len(drawings)}", ending="")
        self.stdout.write("")

    @staticmethod
    def poster(show, variant: int) -> tuple[bytes, str, tuple[float, float]]:
        """The show's poster, billed across the top (“A film · 2025”) and credited (“Directed by …”)."""
        lead = show.credits.filter(role__in=["director", "creator"]).select_related("person").order_by("order").first()
        credit = f"{'Directed' if lead.role == 'director' else 'Created'} by {lead.person.name}" if lead else ""
        billing = f"A {show.get_kind_display().lower()} · {show.years}"
        return (*posters.poster(show.slug, show.title, billing, credit, variant=variant), (0.5, 0.4))

    def summary(self) -> None:
        reviews = Review.objects.all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo magazine loaded ({self.created} new rows): {Show.objects.count()} shows, "
                f"{Person.objects.count()} people, {Credit.objects.count()} credits, {reviews.count()} reviews "
                f"({reviews.live().count()} live, {reviews.scheduled().count()} scheduled, "
                f"{reviews.in_review().count()} in review, {reviews.drafts().count()} draft), "
                f"{Page.objects.count()} pages of the magazine’s own."
            )
        )
        self.accounts()

    def accounts(self) -> None:
        for spec in content.USERS:
            self.stdout.write(f"{spec['group'][:-1]}: {spec['username']} / {spec['password']}")
