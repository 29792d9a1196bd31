import pytest

from editorial.slugs import slug_for
from tests import factories


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("ÉTOILE", "etoile"),
        ("Lou de Laâge", "lou-de-laage"),
        ("Taïs Vinolo", "tais-vinolo"),
        ("Tomás O'Brien-Reis", "tomas-obrien-reis"),
        ("Catarina d’Almeida", "catarina-dalmeida"),
        ("山田 花子", "山田-花子"),
    ],
)
def test_slugs_fold_accents_and_keep_other_scripts(text, slug):
    assert slug_for(text) == slug


@pytest.mark.django_db
def test_slugs_are_unique():
    first, second = factories.LiveShowFactory(title="Étoile"), factories.LiveShowFactory(title="ETOILE")
    assert (first.slug, second.slug) == ("etoile", "etoile-2")


@pytest.mark.django_db
def test_fixing_a_typo_moves_the_slug_and_the_old_address_redirects(client):
    person = factories.LivePersonFactory(name="Luke Kriby")
    old_url = person.get_absolute_url()
    person.name = "Luke Kirby"
    person.save()
    assert person.slug == "luke-kirby"
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == "/people/luke-kirby/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_a_slug_an_editor_typed_stays_when_the_title_changes(client):
    show = factories.LiveShowFactory(title="Etoile", slug="etoile-series")
    show.title = "ÉTOILE"
    show.save()
    assert show.slug == "etoile-series"


@pytest.mark.django_db
def test_an_old_slug_is_not_given_to_another_item(client):
    review = factories.LiveReviewFactory(headline="First try")
    review.headline = "Second thoughts"
    review.save()
    other = factories.LiveReviewFactory(headline="First try")
    assert other.slug == "first-try-2"
    assert client.get("/reviews/first-try/")["Location"] == review.get_absolute_url()


@pytest.mark.django_db
def test_old_slug_of_an_unpublished_item_is_404(client):
    review = factories.LiveReviewFactory(headline="Gone soon")
    review.headline = "Gone now"
    review.status = "draft"
    review.save()
    assert client.get("/reviews/gone-soon/").status_code == 404
