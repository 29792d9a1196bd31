"""A show's page: the poster first, the kind said once, the facts in a box, each person once in the credits."""

import re

import pytest

from reviews.mentions import refresh_mentions
from shows.credits import credits_by_person
from shows.models import Credit
from tests import factories

pytestmark = pytest.mark.django_db
Role = Credit.Role


@pytest.fixture
def etoile():
    """ÉTOILE's credits as its credits line gives them: two people each creator, writer and director."""
    show = factories.LiveShowFactory(title="ÉTOILE", kind="series", year=2025, countries="US",
                                     languages="English, French", distributor="Amazon Prime Video", episodes=8,
                                     synopsis="Two ballet companies swap their stars.")
    amy, dan = (factories.LivePersonFactory(name=name) for name in ("Amy Sherman-Palladino", "Daniel Palladino"))
    for order, (person, role) in enumerate([(amy, Role.DIRECTOR), (dan, Role.DIRECTOR), (amy, Role.WRITER),
                                            (dan, Role.WRITER), (amy, Role.CREATOR), (dan, Role.CREATOR)]):
        factories.CreditFactory(show=show, person=person, role=role, order=order)
    jen = factories.LivePersonFactory(name="Jen Kirkman")
    factories.CreditFactory(show=show, person=jen, role=Role.WRITER, order=10, note="episodes 3–4")
    luke = factories.LivePersonFactory(name="Luke Kirby")
    factories.CreditFactory(show=show, person=luke, role=Role.CAST, character="Jack McMillan", order=20)
    factories.CreditFactory(show=show, person=amy, role=Role.CAST, character="A dancer", order=21)
    return show


def test_people_with_the_same_roles_share_one_heading_and_are_named_once(etoile):
    groups = credits_by_person(etoile.credits.select_related("person"))
    named = [(heading, [(line.person.name, line.character, line.note) for line in lines]) for heading, lines in groups]
    assert named == [
        ("Creators, writers and directors", [("Amy Sherman-Palladino", "", ""), ("Daniel Palladino", "", "")]),
        ("Writer", [("Jen Kirkman", "", "episodes 3–4")]),
        ("Cast", [("Luke Kirby", "Jack McMillan", ""), ("Amy Sherman-Palladino", "A dancer", "")]),
    ]


def test_one_person_with_several_roles_is_one_line(etoile):
    solo = factories.LiveShowFactory(title="Solo Work")
    person = factories.LivePersonFactory(name="Auteur")
    for role in (Role.DIRECTOR, Role.WRITER, Role.EDITOR, Role.MUSIC):
        factories.CreditFactory(show=solo, person=person, role=role)
    assert [(heading, len(lines)) for heading, lines in credits_by_person(solo.credits.all())] == [
        ("Writer, director, composer and editor", 1)]


def test_the_page_puts_the_poster_first_and_says_the_kind_once(client, etoile):
    html = client.get(etoile.get_absolute_url()).content.decode()
    main = html[html.index('<main'):]
    assert main.index('class="show-poster"') < main.index("<h1") < main.index('id="reviews-heading"')
    assert re.findall(r">\s*(Series|Film)\s*<", main) == ["Series"]  # the kicker, and nowhere else
    crew = re.search(r'<dl class="credits credits-by-person">(.*?)</dl>', main, re.S)[1]
    assert crew.count(">Amy Sherman-Palladino<") == 2  # once in the crew, once in the cast (as a dancer)
    assert crew.count(">Daniel Palladino<") == 1
    assert "<dt>Creators, writers and directors</dt>" in crew and "<dt>Writer</dt>" in crew


def test_the_facts_stand_in_a_box(client, etoile):
    html = client.get(etoile.get_absolute_url()).content.decode()
    box = re.search(r'<dl class="fact-box">(.*?)</dl>', html, re.S)[1]
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", box))
    assert facts == {"Year": "2025", "Country": "US", "Languages": "English, French",
                     "Distributor": "Amazon Prime Video", "Episodes": "8"}
    film = factories.LiveShowFactory(title="Long Film", year=2019, end_year=None, runtime_minutes=151)
    film_box = re.search(r'<dl class="fact-box">(.*?)</dl>',
                         client.get(film.get_absolute_url()).content.decode(), re.S)[1]
    assert dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", film_box)) == {"Year": "2019", "Runtime": "151 min"}


def test_its_own_reviews_are_not_listed_again_as_mentions(client, etoile):
    own = factories.LiveReviewFactory(show=etoile, headline="Our ÉTOILE review", body="ÉTOILE is a ballet comedy.")
    other = factories.LiveReviewFactory(headline="Another show's review", body="Not unlike ÉTOILE, it dances.")
    for review in (own, other):
        refresh_mentions(review)
    html = client.get(etoile.get_absolute_url()).content.decode()
    assert html.count("Our ÉTOILE review") == 1
    mentioned = re.search(r'<section aria-labelledby="mentioned-heading">(.*?)</section>', html, re.S)[1]
    assert "Another show" in mentioned and "Our ÉTOILE" not in mentioned


def test_a_draft_person_in_the_credits_is_named_but_not_linked(client, etoile):
    ghost = factories.DraftPersonFactory(name="Unpublished Composer")
    factories.CreditFactory(show=etoile, person=ghost, role=Role.MUSIC)
    html = client.get(etoile.get_absolute_url()).content.decode()
    assert "<dt>Composer</dt>" in html and "Unpublished Composer" in html and ghost.get_absolute_url() not in html
