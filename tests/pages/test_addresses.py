"""A page lives at /<slug>/, after every other address: it never shadows the site's sections, a slug of theirs is
refused with a clear error, and a bad address is a 404, never a 500."""

import pytest
from django.urls import resolve, reverse

from pages import addresses
from pages.models import Page
from tests.pages.page_factories import DraftPageFactory, LivePageFactory, change_url, new_page_post, page_post

pytestmark = pytest.mark.django_db
SECTIONS = ["reviews", "shows", "people", "tags", "search", "feeds", "admin", "preview", "sitemap", "robots",
            "healthz", "readyz", "media", "static", "favicon"]


def test_every_section_of_the_site_is_taken():
    assert set(SECTIONS) <= addresses.taken()
    assert not addresses.is_taken("about") and addresses.is_taken("Reviews")


@pytest.mark.parametrize("slug", ["reviews", "search", "feeds", "admin", "sitemap", "robots", "Tags"])
def test_a_slug_of_the_sites_own_sections_is_a_form_error(editor_client, slug):
    response = editor_client.post(reverse("admin:pages_page_add"), new_page_post(title="Anything", slug=slug))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "belongs to the site’s own sections" in " ".join(errors["slug"])
    assert not Page.objects.exists()


def test_a_live_pages_working_copy_cannot_take_one_either(editor_client, client):
    page = LivePageFactory(title="About", slug="about")
    response = editor_client.post(change_url(page), page_post(page, "_publish", slug="shows"))
    assert response.status_code == 200 and "slug" in response.context["adminform"].form.errors
    assert Page.objects.get(pk=page.pk).slug == "about" and not Page.objects.get(pk=page.pk).pending_changes
    assert resolve("/shows/").url_name == "list"


def test_a_title_that_is_a_section_gets_another_address(editor_client):
    editor_client.post(reverse("admin:pages_page_add"), new_page_post(title="Search", slug=""))
    assert Page.objects.get().slug == "search-2"


@pytest.mark.parametrize("field", ["title", "body"])
def test_an_empty_title_or_body_is_a_form_error_not_a_500(editor_client, field):
    response = editor_client.post(reverse("admin:pages_page_add"), new_page_post(**{field: "  "}))
    assert response.status_code == 200 and field in response.context["adminform"].form.errors
    assert not Page.objects.exists()


def test_a_footer_place_that_is_not_a_number_is_a_form_error(editor_client):
    for value in ("first", "-1", "99999999"):
        response = editor_client.post(reverse("admin:pages_page_add"), new_page_post(footer_order=value))
        assert response.status_code == 200 and "footer_order" in response.context["adminform"].form.errors, value
    assert not Page.objects.exists()


def test_the_sections_are_not_shadowed_by_pages(client):
    LivePageFactory(title="About")
    for path, name in [("/reviews/", "archive"), ("/people/", "list"), ("/shows/", "list"), ("/search/", "search")]:
        assert resolve(path).url_name == name
        assert client.get(path).status_code == 200, path
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.parametrize("path", ["/no-such-page/", "/about/extra/", "/wp-login.php", "/wp-login.php/", "/%00/",
                                  "/" + "a" * 3000 + "/", "/ab%C3%28/", "/..%2F/", "/about/?page=x"])
def test_a_bad_address_is_a_404(client, path):
    DraftPageFactory(title="About")  # a draft has no page either
    assert client.get(path).status_code == 404, path


def test_an_address_without_its_slash_is_sent_to_it(client):
    LivePageFactory(title="About")
    response = client.get("/about")
    assert response.status_code == 301 and response["Location"] == "/about/"


def test_an_old_address_redirects_to_the_current_one(client):
    page = LivePageFactory(title="About", slug="about")
    page.slug = "about-us"
    page.save()
    response = client.get("/about/")
    assert response.status_code == 301 and response["Location"] == "/about-us/"
    assert client.get("/about-us/").status_code == 200


def test_a_page_in_another_script_has_its_own_address(client):
    page = LivePageFactory(title="関於我們")
    assert client.get(page.get_absolute_url()).status_code == 200
