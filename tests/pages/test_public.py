"""What readers and machines get of a page: the house markup rendered, a plain description, valid HTML, JSON-LD in
the schema.org vocabulary, a place in the sitemap and in search, and nothing of a draft."""

import re

import pytest

from search.query import search
from tests import factories
from tests.html_validator import validate_pages
from tests.pages.page_factories import DraftPageFactory, LivePageFactory
from tests.schema_vocabulary import ld_blocks, problems

pytestmark = pytest.mark.django_db
BODY = ("We review *films* & <b>series</b>.\n> Say what you saw.\n> Then say why.\n* * *\n"
        "O'Rourke’s “last” word, with a lone * star.")


@pytest.fixture
def pages():
    about = LivePageFactory(title="About “us” & <i>them</i>", slug="about", standfirst="A *film* magazine.",
                            body=BODY, footer_order=1)
    masthead = LivePageFactory(title="Masthead", masthead=True, footer_order=2, body="Who writes for us.")
    critic = factories.LivePersonFactory(name="Siobhán O'Rourke & <b>Co</b>", beat="Television & <i>film</i>")
    factories.LiveReviewFactory(critic=critic)
    factories.LiveReviewFactory(critic=factories.LivePersonFactory(name="Critic Without A Beat"))
    return about, masthead


def test_the_body_is_the_house_markup_and_the_standfirst_its_italics(client, pages):
    html = client.get("/about/").content.decode()
    assert "<p>We review <i>films</i> &amp; &lt;b&gt;series&lt;/b&gt;.</p>" in html
    assert "<blockquote>\n<p>Say what you saw.</p>\n<p>Then say why.</p>\n</blockquote>" in html
    assert '<hr class="section-break">' in html and "with a lone * star." in html
    assert '<p class="standfirst">A <i>film</i> magazine.</p>' in html
    assert "<h1 class=\"page-title\">About “us” &amp; &lt;i&gt;them&lt;/i&gt;</h1>" in html


def test_the_description_is_plain_text(client, pages):
    html = client.get("/about/").content.decode()
    description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]
    assert description == "A film magazine."
    page = LivePageFactory(title="Contact", standfirst="", body="Write to *us* at the desk.\nOr don’t.")
    html = client.get(page.get_absolute_url()).content.decode()
    assert re.search(r'<meta name="description" content="([^"]*)"', html)[1] == "Write to us at the desk."


def test_live_pages_are_in_the_sitemap_and_search_drafts_are_not(client, pages):
    DraftPageFactory(title="Secret plans", body="Nobody reads this yet.")
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-pages.xml" in index
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/about/" in sitemap and "http://testserver/masthead/" in sitemap
    assert "secret-plans" not in sitemap
    assert [hit.item for hit in search("say what you saw")[0:10]] == [pages[0]]
    assert not search("nobody reads")[0:10]
    results = client.get("/search/?q=masthead").content.decode()
    assert 'href="/masthead/"' in results


def test_json_ld_uses_the_schema_org_vocabulary(client, pages):
    for path in ("/about/", "/masthead/"):
        blocks = ld_blocks(client.get(path).content.decode())
        assert blocks and [problem for block in blocks for problem in problems(block)] == [], path
    page = ld_blocks(client.get("/about/").content.decode())[0]
    assert page["@type"] == "WebPage" and page["url"] == "http://testserver/about/"
    assert "*" not in page["description"]


def test_the_pages_are_valid_html(client, pages):
    contact = LivePageFactory(title="Contact", standfirst="", body="Write to us.")
    urls = ["/about/", "/masthead/", contact.get_absolute_url(), "/", "/no-such-page/"]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if "no-such" in url else 200), url
        found[url] = response.content.decode()
    assert "&lt;b&gt;Co&lt;/b&gt;" in found["/masthead/"]  # the tricky text really is there
    results = validate_pages(found)
    errors = {url: messages for url, messages in results.items() if messages}
    assert not errors, errors
