"""Production static files: every file a page asks for is in whitenoise's hashed manifest."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests import factories


@pytest.fixture
def manifest_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())


@pytest.mark.django_db
def test_public_and_admin_pages_render_with_hashed_static_files(manifest_storage, client, editor):
    review = factories.LiveReviewFactory()
    for url in ["/", review.get_absolute_url(), "/no-such-page/"]:
        page = client.get(url).content.decode()
        assert "/static/css/site." in page and ".css" in page, url
    client.force_login(editor)
    for url in [reverse("admin:reviews_review_change", args=[review.pk]), reverse("admin:reviews_review_import"),
                reverse("admin:shows_show_add")]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "js/tag-autocomplete." in client.get(reverse("admin:reviews_review_add")).content.decode()


def test_static_files_are_stored_compressed_with_brotli_and_gzip(manifest_storage, settings):
    stylesheets = list(settings.STATIC_ROOT.glob("css/site.*.css"))
    assert stylesheets
    for stylesheet in stylesheets:
        assert stylesheet.with_name(stylesheet.name + ".br").exists()
        assert stylesheet.with_name(stylesheet.name + ".gz").exists()
