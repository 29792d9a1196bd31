"""The list pages' queries are served by indexes, not by reading every row (checked with EXPLAIN)."""

import pytest
from django.db import connection
from taggit.models import Tag

from people.models import Person
from reviews.models import Review
from tests import factories


def plan(queryset) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # so a missing index shows as a Seq Scan
        return queryset.explain()
    return queryset.explain()


def uses_an_index(text: str, table: str) -> bool:
    """The table is reached through an index condition (a lookup), not read whole in any order."""
    if connection.vendor == "postgresql":
        lines = text.splitlines()
        for number, line in enumerate(lines):
            if f" on {table}" in line and "Index" in line:
                following = lines[number + 1:number + 3]
                if any("Index Cond" in f for f in following):
                    return True
        return False
    return any(line.split("SEARCH ", 1)[1].startswith(f"{table} ") for line in text.splitlines()
               if "SEARCH " in line)


@pytest.fixture
def magazine(db):
    reviews = factories.LiveReviewFactory.create_batch(5)
    reviews[0].tags.set(["drama"])
    factories.CreditFactory(show=reviews[0].show)
    return reviews


def test_archive_uses_the_live_index(magazine):
    assert uses_an_index(plan(Review.objects.live().cards()[24:36]), "reviews_review")


def test_tag_page_uses_indexes(magazine):
    tag = Tag.objects.get(name="drama")
    assert uses_an_index(plan(Review.objects.live().filter(tags=tag).cards()[:12]), "taggit_taggeditem")


def test_person_page_uses_indexes(magazine):
    person = Person.objects.filter(credits__isnull=False).first()
    assert uses_an_index(plan(Review.objects.live().of_work_by(person)[:12]), "shows_credit")
    assert uses_an_index(plan(person.reviews_written.live()), "reviews_review")


def test_the_check_itself_sees_a_full_scan(magazine):
    assert not uses_an_index(plan(Review.objects.filter(standfirst="unindexed")), "reviews_review")
