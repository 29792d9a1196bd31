"""Bad URLs get a 404, never a 500."""

import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.factories import UNTOUCHED_PARTS

LISTS = ["reviews:archive", "shows:list", "people:list"]


@pytest.fixture
def content(db):
    review = factories.LiveReviewFactory()
    review.tags.set(["drama"])
    return review


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999999999", "1.5", "\x00", "1e3", "2"])
@pytest.mark.parametrize("name", LISTS)
def test_bad_page_numbers_are_404(client, content, name, page):
    assert client.get(reverse(name), {"page": page}).status_code == 404


def test_bad_page_on_a_tag_is_404(client, content):
    assert client.get(reverse("tag", args=["drama"]), {"page": "abc"}).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/reviews/no-such-review/", "/shows/no-such-show/", "/people/nobody/", "/tags/no-such-tag/",
        "/reviews/%F0%9F%8E%AC/", "/people/%E2%80%AE%E2%80%AE/", "/reviews/" + "x" * 500 + "/",
        "/no/such/page/", "/reviews/%00/", "/tags/%00/", "/people/a%00b/", "/shows/%00/",
    ],
)
def test_unknown_addresses_are_404_with_the_magazine_page(client, content, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_first_page_is_fine(client, content):
    assert client.get(reverse("reviews:archive"), {"page": "1"}).status_code == 200
    assert client.get(reverse("reviews:archive"), {"page": "last"}).status_code == 200


def test_server_error_page_is_the_magazine_page(client, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("broken/", broken)]})
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.parametrize(
    ("rating", "message"),
    [("7", "0 to 5 in half stars"), ("3.3", "0 to 5 in half stars"), ("-1", "0 to 5 in half stars"), ("abc", "number")],
)
def test_bad_rating_is_a_form_error_and_nothing_is_saved(editor_client, rating, message):
    from reviews.models import Review

    review = factories.DraftReviewFactory()
    response = editor_client.post(reverse("admin:reviews_review_change", args=[review.pk]), {
        "show": review.show_id, "critic": review.critic_id, "headline": "Changed", "slug": review.slug,
        "body": review.body, "standfirst": "", "rating": rating, "tags": "", "_save_draft": "Save draft",
        "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS, "loaded_version": review.version,
    })
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors["rating"])
    assert Review.objects.get(pk=review.pk).headline != "Changed"


def test_a_tag_with_no_slug_is_shown_unlinked(client, content):
    content.tags.add("★")
    page = client.get(content.get_absolute_url())
    assert page.status_code == 200 and "<span>★</span>" in page.content.decode()


def test_blank_year_with_an_end_year_is_a_form_error(editor_client):
    response = editor_client.post(reverse("admin:shows_show_add"), {
        "title": "No Year", "kind": "series", "year": "", "end_year": "2019", "status": "draft",
        "credits-TOTAL_FORMS": "0", "credits-INITIAL_FORMS": "0",
    })
    assert response.status_code == 200 and "year" in response.context["adminform"].form.errors


def test_published_without_a_time_is_refused_by_the_database(db):
    from django.db import IntegrityError, transaction

    from editorial.models import Status

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.LiveShowFactory(status=Status.PUBLISHED, published_at=None)


@pytest.mark.parametrize("query", ["status=%00", "state=%00", "q=%00", "o=%00", "tags__id__exact=%00", "%00=1"])
@pytest.mark.parametrize("model", ["reviews/review", "shows/show", "people/person"])
def test_a_nul_in_an_admin_list_address_is_a_400(editor_client, model, query):
    response = editor_client.get(f"/admin/{model}/?{query}")
    assert response.status_code == 400 and "NUL" in response.content.decode()


@pytest.mark.parametrize("query", ["state=nonsense", "o=99", "o=abc", "published_at__gte=junk", "p=99999999999",
                                   "q=" + "x" * 5000])
def test_junk_in_an_admin_list_address_is_no_500(editor_client, query):
    assert editor_client.get(f"/admin/reviews/review/?{query}").status_code in (200, 302, 400)


@pytest.mark.django_db
def test_searching_too_fast_is_a_429_with_retry_after(client, settings, editor):
    cache.clear()
    settings.SEARCH_RATE_LIMIT = 3
    if time.time() % 60 > 45:  # the count is per minute: start in a fresh one, so all four fall in the same
        time.sleep(60 - time.time() % 60)
    here = {"REMOTE_ADDR": "203.0.113.7"}
    for word in ("one", "two", "three"):
        assert client.get("/search/", {"q": word}, **here).status_code == 200
    refused = client.get("/search/", {"q": "four"}, **here)
    assert refused.status_code == 429 and "Too many searches" in refused.content.decode()
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert Client().get("/search/", {"q": "four"}, REMOTE_ADDR="198.51.100.9").status_code == 200  # someone else
    editor_client = Client()
    editor_client.force_login(editor)
    assert editor_client.get("/search/", {"q": "four"}, **here).status_code == 200  # editors are not counted


@pytest.mark.django_db
def test_a_long_query_is_cut_before_it_is_searched_or_echoed(client):
    html = client.get("/search/", {"q": "etoile " * 1000}).content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert len(title) < 300 and html.count("etoile") < 200
