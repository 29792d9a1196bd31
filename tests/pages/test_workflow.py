"""A page goes through the workflow every content type shares: drafted, reviewed, scheduled, published, revised,
restored, previewed and autosaved, from the admin's buttons, with nothing unpublished ever public."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from editorial import drafts, registry, workflow
from editorial.models import AuditEntry, Changes, PreviewLink, Revision, State
from editorial.preview import shared_url
from magazine import page_cache
from pages.models import Page
from tests import factories
from tests.form_posts import form_data
from tests.pages.page_factories import (
    DraftPageFactory,
    LivePageFactory,
    ScheduledPageFactory,
    admin_url,
    change_url,
    new_page_post,
    page_post,
)

pytestmark = pytest.mark.django_db


def test_pages_are_registered_with_the_engine_and_its_search():
    found = {registration.model: registration for registration in registry.registrations()}
    assert Page in found and found[Page].search.kind not in {
        registration.search.kind for model, registration in found.items() if model is not Page and registration.search}


def test_a_draft_is_not_public_and_publishing_puts_it_at_its_address(editor_client, client):
    response = editor_client.post(reverse("admin:pages_page_add"),
                                  new_page_post(body="We review films.\r\n\r\nAnd *television*."))
    assert response.status_code == 302
    page = Page.objects.get()
    assert (page.slug, page.state, page.body) == ("about", State.DRAFT, "We review films.\nAnd *television*.")
    assert client.get("/about/").status_code == 404
    with factories.committing():
        response = editor_client.post(change_url(page), page_post(page, "_publish"))
    assert response.status_code == 302
    html = client.get("/about/").content.decode()
    assert "<p>We review films.</p>" in html and "<i>television</i>" in html  # the house markup, rendered
    assert AuditEntry.of(page).filter(action=AuditEntry.Action.PUBLISH).exists()


def test_a_writer_drafts_and_submits_and_only_an_editor_publishes(client, writer, editor):
    client.force_login(writer)
    client.post(reverse("admin:pages_page_add"), new_page_post(title="Contact", body="Write to us."))
    page = Page.objects.get()
    response = client.post(change_url(page), page_post(page, "_publish"))
    assert response.status_code == 200 and response.context["adminform"].form.non_field_errors()
    assert Page.objects.get(pk=page.pk).state == State.DRAFT
    client.post(change_url(page), page_post(page, "_submit", note="Ready."))
    assert Page.objects.get(pk=page.pk).state == State.IN_REVIEW
    client.force_login(editor)
    assert "Contact" in client.get(reverse("admin:queue")).content.decode()
    client.post(change_url(page), page_post(page, "_publish"))
    client.logout()
    assert client.get("/contact/").status_code == 200


def test_a_scheduled_page_is_not_public_before_its_time(client):
    page = ScheduledPageFactory(title="Privacy")
    assert page.state == State.SCHEDULED
    assert client.get("/privacy/").status_code == 404
    Page.objects.filter(pk=page.pk).update(published_at=factories.hours_ago(1))
    assert client.get("/privacy/").status_code == 200


def test_the_working_copy_of_a_live_page_waits_for_publish_and_preview_shows_it(editor_client, client):
    page = LivePageFactory(title="About", body="The words readers know.")
    response = editor_client.post(change_url(page), page_post(page, body="Better words, not yet published."))
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).pending_changes == Changes.DRAFT
    assert "The words readers know." in client.get("/about/").content.decode()
    preview = editor_client.get(admin_url(page, "preview")).content.decode()
    assert "Better words, not yet published." in preview and "unpublished changes" in preview
    assert "The words readers know." in client.get("/about/").content.decode()  # the preview left no trace
    with factories.committing():
        editor_client.post(change_url(page), page_post(page, "_publish"))
    html = client.get("/about/").content.decode()
    assert "Better words, not yet published." in html and "The words readers know." not in html


def test_a_draft_has_a_preview_and_a_shared_preview_link(editor_client):
    page = DraftPageFactory(title="Masthead", body="Who we are, soon.")
    preview = editor_client.get(admin_url(page, "preview"))
    assert preview.status_code == 200 and "Who we are, soon." in preview.content.decode()
    assert "no-cache" in preview["Cache-Control"] and preview["X-Robots-Tag"] == "noindex, nofollow"
    reader = Client()
    assert reader.get(admin_url(page, "preview")).status_code == 302  # a reader is sent to sign in
    editor_client.post(admin_url(page, "preview_link"))
    shared = reader.get(shared_url(PreviewLink.objects.get()))
    assert shared.status_code == 200 and "Who we are, soon." in shared.content.decode()
    assert reader.get(f"/{page.slug}/").status_code == 404


def test_revisions_compare_and_restore_into_the_working_copy(editor_client, client):
    page = LivePageFactory(title="About", body="First words.")
    with factories.committing():
        editor_client.post(change_url(page), page_post(page, "_publish", body="Second words."))
    first = Revision.of(page).order_by("version").first()
    assert first.data["body"] == "First words."
    response = editor_client.post(admin_url(page, "restore", first.pk), follow=True)
    assert "restored as the working copy" in response.content.decode()
    stored = Page.objects.get(pk=page.pk)
    assert stored.is_live and stored.pending_changes == Changes.DRAFT and stored.body == "Second words."
    assert "Second words." in client.get("/about/").content.decode()  # restoring never publishes
    later = Revision.of(page).order_by("-version").first()
    compared = editor_client.get(admin_url(page, "compare"), {"a": first.pk, "b": later.pk})
    assert compared.status_code == 200


def test_autosave_of_a_live_page_is_its_working_copy(editor_client, client):
    page = LivePageFactory(title="Contact", body="Write to us.")
    html = editor_client.get(change_url(page)).content.decode()
    autosave = admin_url(page, "autosave")
    assert f'data-autosave-url="{autosave}"' in html and "data-writing-surface" in html  # the writing desk
    data = form_data(html, "page_form")
    answer = editor_client.post(autosave, {**data, "body": "Write to us.\r\n\r\nOr call."}).json()
    assert answer["saved"] is True
    assert Page.objects.get(pk=page.pk).body == "Write to us."
    assert drafts.content_of(Page.objects.get(pk=page.pk))["body"] == "Write to us.\nOr call."
    assert "Or call." not in client.get("/contact/").content.decode()


def test_publishing_names_the_page_and_readers_get_it_fresh(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    page = LivePageFactory(title="About", body="Old words.")
    client.get("/about/")  # kept by the page cache
    response = client.get("/about/")
    assert f"page-{page.pk}" in response["Surrogate-Key"].split()
    clock = page_cache.read_clock({})
    with factories.committing():
        workflow.publish(page, by=None, data={**drafts.content_of(page), "body": "New words."})
    assert cache.get(page_cache.STAMP.format(f"page-{page.pk}")) > clock
    assert "New words." in client.get("/about/").content.decode()
    cache.clear()


def test_unpublish_takes_the_page_off_the_site(editor_client, client):
    page = LivePageFactory(title="Privacy")
    with factories.committing():
        editor_client.post(change_url(page), page_post(page, "_unpublish"))
    assert Page.objects.get(pk=page.pk).state == State.DRAFT
    assert client.get("/privacy/").status_code == 404
