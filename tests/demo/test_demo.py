from io import StringIO

import pytest
from django.core.management import call_command

from editorial.models import Status
from people.models import Person
from reviews.models import Review
from shows.models import Credit, Show


def table_sizes() -> tuple[int, ...]:
    return Show.objects.count(), Person.objects.count(), Credit.objects.count(), Review.objects.count()


@pytest.mark.django_db
def test_demo_fills_the_magazine_and_every_state(client):
    call_command("load_demo", stdout=StringIO())
    assert Review.objects.live().count() > 12  # enough for a second archive page
    assert Review.objects.drafts().count() >= 1
    assert Review.objects.in_review().count() >= 1
    assert Review.objects.scheduled().count() >= 1
    assert client.get("/reviews/?page=2").status_code == 200
    etoile = Show.objects.get(title="ÉTOILE")
    roles = [credit.role for credit in etoile.credits.all()]
    assert (roles.count("director"), roles.count("writer"), roles.count("creator"), roles.count("cast")) == (2, 5, 2, 8)
    assert etoile.credits.get(person__name="Lou de Laâge").character == "Cheyenne Toussant"
    assert client.get("/people/luke-kirby/").status_code == 200
    assert etoile.reviews.live().exists()
    review = etoile.reviews.live().get(season=None)
    assert etoile.reviews.live().get(season=1, episode=3).subject == "ÉTOILE, 1×03 ‘The Exchange’"  # a recap
    assert client.get("/shows/etoile/season-1/").status_code == 200
    assert review.image_alt and set(review.image_renditions["crops"]) == set(review.crops)
    assert '<source type="image/webp"' in client.get(review.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_demo_is_loaded_once_and_reset_adds_nothing():
    call_command("load_demo", "--no-pictures", stdout=StringIO())
    sizes = table_sizes()
    Review.objects.filter(status=Status.DRAFT).update(standfirst="Edited by a writer")
    call_command("load_demo", stdout=StringIO())
    assert Review.objects.filter(standfirst="Edited by a writer").exists()  # a plain rerun keeps edits
    call_command("load_demo", "--reset", "--no-pictures", stdout=StringIO())
    assert not Review.objects.filter(standfirst="Edited by a writer").exists()
    assert table_sizes() == sizes
