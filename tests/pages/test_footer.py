"""The footer links the live pages given a place in it, in that order, from the pages themselves: kept by the
process until what readers see changes, and named in every page's surrogate keys."""

import re
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import drafts, workflow
from editorial.publication import public_change
from magazine import page_cache
from pages import footer
from pages.models import Page
from tests import factories
from tests.pages.page_factories import DraftPageFactory, LivePageFactory, ScheduledPageFactory, admin_url

pytestmark = pytest.mark.django_db


def footer_links(html: str) -> list[tuple[str, str]]:
    footer = html[html.index('<footer class="site-footer">'):]
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', footer)


@pytest.fixture
def four_pages():
    return [LivePageFactory(title=title, slug=slug, footer_order=order) for order, (title, slug) in enumerate(
        [("About", "about"), ("Masthead", "masthead"), ("Contact", "contact"), ("Privacy", "privacy")], start=1)]


def test_the_footer_links_the_live_pages_marked_for_it_in_their_order(client, four_pages):
    Page.objects.filter(slug="about").update(footer_order=9)  # last now
    LivePageFactory(title="Not in the footer", footer_order=None)
    DraftPageFactory(title="A draft", footer_order=1)
    ScheduledPageFactory(title="Coming soon", footer_order=1)
    for url in ("/", "/reviews/", "/contact/", "/no-such-page/"):
        assert footer_links(client.get(url).content.decode()) == [
            ("/masthead/", "Masthead"), ("/contact/", "Contact"), ("/privacy/", "Privacy"), ("/about/", "About")], url


def test_no_footer_without_pages(client):
    assert '<nav class="footer-nav"' not in client.get("/").content.decode()


def footer_queries(captured) -> list[str]:
    return [query["sql"] for query in captured if '"footer_order" IS NOT NULL' in query["sql"]]


def test_the_footer_costs_no_query_once_kept(client, four_pages):
    client.get("/contact/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/contact/")
    assert not footer_queries(captured)
    footer.kept.clear()  # as a process starts
    with CaptureQueriesContext(connection) as captured:
        client.get("/contact/")
    assert len(footer_queries(captured)) == 2  # the live pages, and when a scheduled one will join them


def test_another_processs_publish_reaches_this_processs_footer(client, four_pages):
    assert ("/privacy/", "Privacy") in footer_links(client.get("/").content.decode())
    Page.objects.filter(slug="privacy").update(title="Your data")  # committed elsewhere: no signal here
    assert ("/privacy/", "Privacy") in footer_links(client.get("/").content.decode())  # kept
    page_cache.touch({"page-list"})  # what that commit does to the shared cache: the clock moves
    assert ("/privacy/", "Your data") in footer_links(client.get("/").content.decode())


def test_a_footer_page_scheduled_ahead_joins_the_footer_on_its_minute(client, four_pages, monkeypatch):
    coming = ScheduledPageFactory(title="Careers", footer_order=5)
    assert "Careers" not in str(footer_links(client.get("/").content.decode()))
    Page.objects.filter(pk=coming.pk).update(published_at=factories.hours_ago(0))  # its minute has come
    later = time.time() + 3 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert ("/careers/", "Careers") in footer_links(client.get("/").content.decode())


def test_with_the_shared_cache_down_the_footer_is_read_for_each_page(client, four_pages, unreachable_cache):
    assert len(footer_links(client.get("/").content.decode())) == 4
    Page.objects.filter(slug="privacy").update(footer_order=None)
    assert len(footer_links(client.get("/").content.decode())) == 3


def test_a_published_change_of_title_or_place_reaches_the_footer(client, four_pages):
    about = four_pages[0]
    assert ("/about/", "About") in footer_links(client.get("/").content.decode())
    with factories.committing():
        workflow.publish(about, by=None, data={**drafts.content_of(about), "title": "About us", "footer_order": 5})
    links = footer_links(client.get("/").content.decode())
    assert links[-1] == ("/about-us/", "About us")  # its address followed its title; the old one redirects
    assert client.get("/about/")["Location"] == "/about-us/"
    with factories.committing():
        workflow.unpublish(Page.objects.get(pk=about.pk), by=None)
    assert "About us" not in str(footer_links(client.get("/").content.decode()))


def test_a_draft_of_a_footer_page_changes_nothing_until_published(client, four_pages):
    about = four_pages[0]
    client.get("/")
    with factories.committing():
        workflow.save_draft(about, by=None, data={**drafts.content_of(about), "title": "Who we are"})
    assert ("/about/", "About") in footer_links(client.get("/").content.decode())


def test_a_preview_shows_the_footer_it_will_have_and_keeps_none_of_it(editor_client, four_pages):
    about = four_pages[0]
    workflow.save_draft(about, by=None, data={**drafts.content_of(about), "title": "Who we are"})
    preview = editor_client.get(admin_url(about, "preview")).content.decode()
    assert ("/who-we-are/", "Who we are") in footer_links(preview)
    editor_client.logout()
    assert ("/about/", "About") in footer_links(editor_client.get("/").content.decode())


def test_every_page_names_the_list_of_pages_and_a_title_change_purges_it(client, four_pages, settings):
    """Every page carries ``page-list`` (the footer); a change to a page's text names that page only, a change to
    its title (its footer link) names the list, so every page is made again."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    keys = client.get("/reviews/")["Surrogate-Key"].split()
    assert "page-list" in keys and not [key for key in keys if re.fullmatch(r"page-\d+", key)]
    about = four_pages[0]
    heard = []
    public_change.connect(lambda keys=(), **kwargs: heard.append(set(keys)), dispatch_uid="tests.pages.heard",
                          weak=False)
    try:
        with factories.committing():
            workflow.publish(about, by=None, data={**drafts.content_of(about), "body": "Only the text changes."})
        assert f"page-{about.pk}" in heard[-1] and "page-list" not in heard[-1]
        about = Page.objects.get(pk=about.pk)
        with factories.committing():
            workflow.publish(about, by=None, data={**drafts.content_of(about), "title": "About us"})
        assert "page-list" in heard[-1]
    finally:
        public_change.disconnect(dispatch_uid="tests.pages.heard")
    assert ("/about-us/", "About us") in footer_links(client.get("/reviews/").content.decode())
    cache.clear()
