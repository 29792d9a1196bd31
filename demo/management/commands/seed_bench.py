"""``python manage.py seed_bench --reviews 100000``: a magazine-sized data set for the benchmark.

Shows, people, credits, tags and reviews in a magazine's proportions (two reviews a show, eight
credits a show, three tags a review, fifty critics), written with bulk inserts in batches, with a
progress bar. Every generated row is named "Bench …" so ``--clear`` can take them all away again.
"""

import random
import time
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from demo.bench_corpus import Prose
from editorial.models import Status
from editorial.names import name_key
from editorial.progress import progress_bar
from people.models import Person
from reviews.models import Review
from shows.models import Credit, Show

BATCH = 2000
PREFIX = "Bench"
Role = Credit.Role
ROLES = [Role.DIRECTOR, Role.WRITER, Role.CAST, Role.CAST, Role.CAST, Role.CAST, Role.MUSIC, Role.PRODUCER]
FIRST = ["Ada", "Bruno", "Chiara", "Dmitri", "Élodie", "Farah", "Gideon", "Hana", "Idris", "Júlia", "Kenji", "Leonie",
         "Mateus", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Søren", "Tamsin", "Umar", "Vera", "Wim", "Yara"]
LAST = ["Achterberg", "Bellamy", "Castellano", "Dubois", "Eriksen", "Fontaine", "Głowacka", "Hargreaves", "Ibáñez",
        "Jovanović", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "O’Sullivan", "Petrov", "Quiroga", "Rasmussen"]
TITLE_WORDS = ["Night", "Harbour", "Glass", "Winter", "Orchard", "Signal", "Empire", "Paper", "River", "Static",
               "Lantern", "Meridian", "Tide", "Saint", "Velvet", "Quarry", "Atlas", "Ember", "Hollow", "Crown"]
TAGS = ["drama", "comedy", "thriller", "documentary", "horror", "romance", "crime", "science fiction", "animation",
        "period drama", "western", "musical", "war", "family", "mystery", "satire", "noir", "fantasy"]


class Command(BaseCommand):
    help = "Make a benchmark-sized magazine: shows, people, credits, tags and reviews, with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--reviews", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--clear", action="store_true", help="remove earlier benchmark rows first")

    def handle(self, *args, reviews, seed, clear, **options):
        if not 1 <= reviews <= 2_000_000:
            raise CommandError("--reviews takes a number from 1 to 2,000,000.")
        self.rng, self.now = random.Random(seed), timezone.now()
        self.prose = Prose(self.rng)
        if clear:
            self.clear()
        start = time.monotonic()
        with transaction.atomic():
            critics = self.people(50, "critic")
            people = self.people(max(reviews, 10), "person")
            shows = self.shows(max(reviews // 2, 1))
            self.credits(shows, people)
            tags = self.tags()
            self.reviews(reviews, shows, critics, tags)
        with connection.cursor() as cursor:
            # Fresh statistics, or the planner guesses from an empty table; on PostgreSQL a vacuum as well (the
            # visibility map lets the search read its index alone), as autovacuum would have done in a live magazine.
            in_transaction = not connection.get_autocommit()
            cursor.execute("ANALYZE" if connection.vendor != "postgresql" or in_transaction else "VACUUM ANALYZE")
        self.stdout.write(self.style.SUCCESS(
            f"Seeded {reviews:,} reviews, {len(shows):,} shows, {len(people) + len(critics):,} people "
            f"in {time.monotonic() - start:.0f} s."))

    def clear(self):
        with transaction.atomic():
            Review.objects.filter(headline__startswith=PREFIX).delete()
            Credit.objects.filter(show__title__startswith=PREFIX).delete()
            Show.objects.filter(title__startswith=PREFIX).delete()
            Person.objects.filter(name__startswith=PREFIX).delete()
            Tag.objects.filter(name__startswith=PREFIX).delete()

    def live_fields(self, index: int) -> dict:
        days = self.rng.uniform(1, 5 * 365)
        if index % 50 == 0:
            return {"status": Status.DRAFT, "published_at": None}
        if index % 97 == 0:
            return {"status": Status.PUBLISHED, "published_at": self.now + timedelta(days=self.rng.uniform(1, 30))}
        return {"status": Status.PUBLISHED, "published_at": self.now - timedelta(days=days)}

    def bulk(self, model, rows, label: str):
        made = []
        with progress_bar(self.stderr, label, len(rows)) as progress:
            for first in range(0, len(rows), BATCH):
                batch = rows[first:first + BATCH]
                made += model.objects.bulk_create(batch, batch_size=BATCH)
                progress.update(len(batch))
        return made

    def people(self, count: int, kind: str) -> list[Person]:
        base = Person.objects.filter(name__startswith=f"{PREFIX} {kind}").count()
        rows = []
        for i in range(base, base + count):
            name = f"{PREFIX} {kind} {self.rng.choice(FIRST)} {self.rng.choice(LAST)} {i}"
            rows.append(Person(name=name, slug=f"bench-{kind}-{i}", match_key=name_key(name),
                               bio=f"{name} works in film and television.", **self.live_fields(1)))
        return self.bulk(Person, rows, kind)

    def shows(self, count: int) -> list[Show]:
        base = Show.objects.filter(title__startswith=PREFIX).count()
        rows = []
        for i in range(base, base + count):
            title = f"{PREFIX} {self.rng.choice(TITLE_WORDS)} {self.rng.choice(TITLE_WORDS)} {i}"
            series = i % 3 == 0
            rows.append(Show(title=title, slug=f"bench-show-{i}", match_key=name_key(title),
                             kind="series" if series else "film", year=self.rng.randint(1960, 2026),
                             episodes=self.rng.randint(6, 12) if series else None,
                             runtime_minutes=None if series else self.rng.randint(80, 180),
                             countries="UK", synopsis=self.prose.sentence(40),
                             **self.live_fields(1)))
        return self.bulk(Show, rows, "shows")

    def credits(self, shows, people):
        rows = []
        for show in shows:
            cast = self.rng.sample(people, min(len(ROLES), len(people)))
            for order, (role, person) in enumerate(zip(ROLES, cast, strict=False), start=1):
                rows.append(Credit(show=show, person=person, role=role, order=order,
                                   character=f"Character {order}" if role == "cast" else ""))
        self.bulk(Credit, rows, "credits")

    def tags(self) -> list[Tag]:
        names = [f"{PREFIX} {name} {i}" for i in range(12) for name in TAGS]
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
        missing = [Tag(name=name, slug=f"bench-{i}-{name.split()[1]}-{n}")
                   for n, (i, name) in enumerate(enumerate(names)) if name not in existing]
        return list(existing.values()) + Tag.objects.bulk_create(missing)

    def reviews(self, count: int, shows, critics, tags):
        base = Review.objects.filter(headline__startswith=PREFIX).count()
        rows = []
        for i in range(base, base + count):
            show = shows[(i - base) % len(shows)]
            paragraphs = [self.prose.sentence(60) for _ in range(5)]
            rows.append(Review(
                show=show, critic=self.rng.choice(critics), headline=f"{PREFIX} review {i} of {show.title}",
                slug=f"bench-review-{i}", standfirst=self.prose.sentence(20),
                body="\n".join(paragraphs), rating=self.rng.randint(0, 10) / 2, **self.live_fields(i)))
        made = self.bulk(Review, rows, "reviews")
        content_type = ContentType.objects.get_for_model(Review)
        tagged = [TaggedItem(content_type=content_type, object_id=review.pk, tag=tag)
                  for review in made for tag in self.rng.sample(tags, 3)]
        self.bulk(TaggedItem, tagged, "tags")
