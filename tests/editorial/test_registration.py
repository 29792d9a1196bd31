"""A fourth content type (tests/featureapp: a model, an admin, a view, a template and one registration) gets
the workflow, its buttons, working copies, revisions, preview, search, a sitemap and the page cache."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.urls import reverse

from editorial import drafts, registry, workflow
from editorial.models import Revision
from magazine import page_cache
from search.query import search
from tests import factories
from tests.featureapp.models import Feature


@pytest.fixture
def editor(db):
    editor = factories.editor()
    editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="featureapp"))
    return editor


def feature_form(feature, button: str, **changes) -> dict:
    content = drafts.content_of(Feature.objects.get(pk=feature.pk))
    data = {"headline": content["headline"], "slug": content["slug"], "body": content["body"],
            "published_at_0": "", "published_at_1": "", "note": "",
            "loaded_version": Feature.objects.get(pk=feature.pk).version, button: "pressed"}
    return {**data, **changes}


def test_the_registry_knows_it(db):
    assert Feature in registry.models()


def test_it_goes_through_the_workflow_from_the_admin(client, editor, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    client.force_login(editor)
    response = client.post(reverse("admin:featureapp_feature_add"),
                           {"headline": "On the set of ÉTOILE", "slug": "", "body": "A day with the dancers.",
                            "published_at_0": "", "published_at_1": "", "note": "", "_save_draft": "Save draft"})
    assert response.status_code == 302
    feature = Feature.objects.get()
    page = client.get(reverse("admin:featureapp_feature_change", args=[feature.pk])).content.decode()
    assert 'name="_publish"' in page and 'name="_submit"' in page
    assert client.get(feature.get_absolute_url()).status_code == 404  # a draft has no public page
    clock = page_cache.read_clock({})
    with factories.committing():
        client.post(reverse("admin:featureapp_feature_change", args=[feature.pk]), feature_form(feature, "_publish"))
    assert cache.get(page_cache.CLOCK) == clock + 1
    assert cache.get(page_cache.STAMP.format(f"feature-{feature.pk}")) == clock + 1
    client.logout()
    assert "A day with the dancers." in client.get(feature.get_absolute_url()).content.decode()
    assert [hit.item for hit in search("dancers")[0:10]] == [feature]
    assert feature.slug in client.get("/sitemap-features.xml").content.decode()

    client.force_login(editor)
    client.post(reverse("admin:featureapp_feature_change", args=[feature.pk]),
                feature_form(feature, "_save_draft", body="A day with the dancers, rewritten."))
    preview = client.get(reverse("admin:featureapp_feature_preview", args=[feature.pk])).content.decode()
    assert "rewritten" in preview
    client.logout()
    assert "rewritten" not in client.get(feature.get_absolute_url()).content.decode()
    assert Revision.of(feature).count() >= 2


def test_a_writer_submits_and_the_queue_lists_it(db, client, editor):
    feature = Feature.objects.create(headline="Behind the curtain", body="Words.")
    workflow.submit(feature, by=editor)
    client.force_login(editor)
    assert "Behind the curtain" in client.get(reverse("admin:queue")).content.decode()
