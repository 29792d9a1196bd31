"""One folding of every Latin letter for slugs, mentions and search; text kept in one Unicode form."""

import unicodedata

import pytest
from django.apps import apps

from editorial.names import fold, name_key
from editorial.refolding import refold
from editorial.slugs import slug_for
from people.models import Person
from reviews.mentions import detect
from search.query import search
from shows.services import person_named
from tests import factories

NAMES = [
    ("Søren Kjærgaard-Lund", "soren-kjaergaard-lund"),
    ("Małgorzata", "malgorzata"),
    ("Straße", "strasse"),
    ("Đorđe", "dorde"),
    ("Anders Ravnsbæk", "anders-ravnsbaek"),
    ("Œdipe", "oedipe"),
    ("Þórunn", "thorunn"),
]


@pytest.mark.parametrize(("name", "slug"), NAMES)
def test_every_latin_letter_folds_in_slugs(name, slug):
    assert slug_for(name) == slug


@pytest.mark.parametrize(("name", "slug"), NAMES)
def test_slugs_and_name_keys_share_the_folding(name, slug):
    assert name_key(name).replace(" ", "-") == slug == fold(name).replace(" ", "-")


def test_other_scripts_keep_their_letters():
    assert (fold("바다의 노래"), slug_for("山田 花子")) == ("바다의 노래", "山田-花子")


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "typed"), [("Søren Kjærgaard-Lund", "Soren Kjaergaard-Lund"),
                                             ("Małgorzata Nowak", "Malgorzata Nowak"),
                                             ("Đorđe Balašević", "Dorde Balasevic")])
def test_a_name_typed_in_plain_letters_is_a_mention(name, typed):
    person = factories.LivePersonFactory(name=name)
    assert [item for item, _ in detect(f"Later, {typed} takes the lead.")] == [person]


@pytest.fixture
def lindqvist(db):
    show = factories.LiveShowFactory(title="Lindqvist & Døtre")
    factories.LivePersonFactory(name="Søren Kjærgaard-Lund")
    factories.LivePersonFactory(name="Joachim Straße")
    factories.LiveReviewFactory(show=show, headline="A family business",
                                body="Małgorzata Nowak plays the eldest, Đorđe the accountant.")
    return show


@pytest.mark.parametrize(("query", "expected"), [
    ("Soren", "Søren Kjærgaard-Lund"), ("Søren", "Søren Kjærgaard-Lund"), ("kjaergaard", "Søren Kjærgaard-Lund"),
    ("strasse", "Joachim Straße"), ("Straße", "Joachim Straße"), ("dotre", "Lindqvist & Døtre"),
    ("malgorzata", "A family business"), ("dorde", "A family business"),
])
def test_search_finds_every_latin_letter_folded(lindqvist, query, expected):
    assert expected in [result.item.title for result in search(query)[0:20]]


def test_search_follows_a_renamed_show_into_its_reviews(lindqvist):
    lindqvist.title = "Lindqvist & Sønner"
    lindqvist.save()
    assert [result.item.title for result in search("sonner")[0:20]] == ["Lindqvist & Sønner", "A family business"]


@pytest.mark.django_db
def test_names_are_stored_in_one_unicode_form_and_found_typed_either_way(editor):
    decomposed = unicodedata.normalize("NFD", "Zoë Élodie Adébáyọ̀")
    person = factories.LivePersonFactory(name=decomposed)
    person.refresh_from_db()
    assert person.name == unicodedata.normalize("NFC", decomposed) != decomposed
    assert person_named(decomposed, by=editor) == (person, False)
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_control_characters_become_spaces():
    person = factories.LivePersonFactory(name="Vertical\x0btab\tand\nnewline", bio="First\x0bline\nSecond\x0cline")
    person.refresh_from_db()
    assert (person.name, person.bio) == ("Vertical tab and newline", "First line\nSecond line")


@pytest.mark.django_db
def test_the_migration_refolds_old_slugs_and_the_old_addresses_redirect(client):
    person = factories.LivePersonFactory(name="Søren Kjærgaard-Lund")
    Person.objects.filter(pk=person.pk).update(slug="sren-kjrgaard-lund", match_key="sren kjrgaard-lund")
    twin = factories.LivePersonFactory(name="Soren Kjaergaard-Lund")
    refold(apps, "people", "Person", source="name", match_key=True)
    person.refresh_from_db()
    assert (twin.slug, person.slug, person.match_key) == (
        "soren-kjaergaard-lund", "soren-kjaergaard-lund-2", "soren kjaergaard-lund")
    response = client.get("/people/sren-kjrgaard-lund/")
    assert (response.status_code, response["Location"]) == (301, "/people/soren-kjaergaard-lund-2/")


@pytest.mark.django_db
def test_the_migration_leaves_slugs_an_editor_typed():
    person = factories.LivePersonFactory(name="Søren Kjærgaard-Lund", slug="soren-kl")
    refold(apps, "people", "Person", source="name", match_key=True)
    person.refresh_from_db()
    assert person.slug == "soren-kl"
