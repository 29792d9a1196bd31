from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from people.models import Person
from reviews.models import Review
from shows.models import Credit, Show


def seed(*args):
    call_command("seed_bench", *args, stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_seed_makes_a_magazine_in_proportion_and_clears_it(client):
    seed("--reviews", "40")
    assert (Review.objects.count(), Show.objects.count(), Person.objects.count()) == (40, 20, 90)
    assert Credit.objects.count() == 20 * 8
    assert Review.objects.live().count() > 30 and Review.objects.drafts().exists()
    review = Review.objects.live().first()
    assert client.get(review.get_absolute_url()).status_code == 200
    assert review.tags.count() == 3
    seed("--reviews", "10", "--clear")
    assert Review.objects.count() == 10


@pytest.mark.django_db
@pytest.mark.parametrize("count", ["0", "-5", "3000000"])
def test_seed_refuses_silly_sizes(count):
    with pytest.raises(CommandError, match="--reviews takes a number"):
        seed("--reviews", count)


@pytest.mark.django_db
def test_seeded_prose_has_a_long_tail_of_words_like_real_prose():
    seed("--reviews", "40")
    counts: dict[str, int] = {}
    for body in Review.objects.values_list("body", flat=True):
        for word in body.lower().replace(".", " ").split():
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    assert len(counts) > 1500  # not a few dozen words repeated
    assert sum(1 for n in ranked if n == 1) > len(counts) / 3  # many words seen once: the long tail
    assert ranked[0] > 20 * ranked[50]  # and a few words everywhere (Zipf: the first about 50 times the 50th)
