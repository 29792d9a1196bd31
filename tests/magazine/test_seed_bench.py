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
