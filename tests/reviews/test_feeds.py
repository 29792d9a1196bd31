"""Feeds as a feed reader sees them: parsed by feedparser, discovered from the pages."""

import re
import time
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories

FEED_KINDS = ["latest", "tag", "critic", "person", "show"]


@pytest.fixture
def magazine(db):
    critic = factories.LivePersonFactory(name="Siobhán O’Rourke")
    actor = factories.LivePersonFactory(name="Luke Kirby")
    show = factories.LiveShowFactory(title="ÉTOILE", kind="series", episodes=8)
    factories.CreditFactory(show=show, person=actor, character="Jack McMillan")
    review = factories.LiveReviewFactory(
        show=show, critic=critic, headline="Pointe shoes & “two cities” — ’tis 🩰",
        standfirst="A standfirst with <script>alert(1)</script> & more.",
        body="First paragraph’s text — with an em dash.\nSecond: <b>not bold</b> & done.\x07",
    )
    review.tags.set(["ballet", "Amazon Prime Video"])
    return {"review": review, "critic": critic, "actor": actor, "show": show}


def feed_urls(magazine, kind: str) -> list[str]:
    args = {"latest": [], "tag": ["ballet"], "critic": [magazine["critic"].slug],
            "person": [magazine["actor"].slug], "show": [magazine["show"].slug]}[kind]
    return [reverse(f"feeds:{kind}", args=args), reverse(f"feeds:{kind}_atom", args=args)]


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_every_feed_parses_and_carries_the_full_review(client, magazine, kind):
    for url in feed_urls(magazine, kind):
        parsed = read(client, url)
        entry = parsed.entries[0]
        assert entry.title == "Pointe shoes & “two cities” — ’tis 🩰"
        content = entry.content[0].value
        assert "<p>First paragraph’s text — with an em dash.</p>" in content
        assert "<p>Second: &lt;b&gt;not bold&lt;/b&gt; &amp; done. </p>" in content  # text, never markup
        assert "\x07" not in content
        assert entry.summary == "A standfirst with &lt;script&gt;alert(1)&lt;/script&gt; &amp; more."  # text
        assert entry.author == "Siobhán O’Rourke"
        assert sorted(tag.term for tag in entry.tags) == ["Amazon Prime Video", "ballet"]
        assert entry.link == "http://testserver" + magazine["review"].get_absolute_url()
        assert entry.published_parsed
        if url.endswith("atom/"):
            assert "updated" in entry


def test_guid_survives_a_change_of_slug(client, magazine):
    before = read(client, reverse("feeds:latest")).entries[0].id
    review = magazine["review"]
    review.headline = "A new headline"
    review.save()
    after = read(client, reverse("feeds:latest")).entries[0]
    assert after.id == before and after.link.endswith("/a-new-headline/")


def test_hostile_text_never_breaks_a_feed(client, db):
    show = factories.LiveShowFactory(title="A\x01B & <C>")  # NUL itself never reaches the database
    review = factories.LiveReviewFactory(show=show, headline="x" * 180 + "\x0b</title>&amp;",
                                         body="<![CDATA[ ]]> \x1f 👩🏽‍🎤 &nbsp; <!-- -->")
    review.tags.set(["<script>", "R&B"])
    for url in [reverse("feeds:latest"), reverse("feeds:latest_atom"), reverse("feeds:show", args=[show.slug])]:
        entry = read(client, url).entries[0]
        assert entry.title.endswith("x </title>&amp;")  # the vertical tab became a space
        assert "👩🏽‍🎤" in entry.content[0].value


def test_a_control_character_becomes_a_space_in_feeds(client, db):
    factories.LiveReviewFactory(headline="vertical\x0btab", standfirst="form\x0cfeed")
    entry = read(client, reverse("feeds:latest")).entries[0]
    assert entry.title == "vertical tab" and entry.summary == "form feed"


def test_a_tag_with_nothing_live_has_no_feed(client, db):
    factories.DraftReviewFactory().tags.set(["embargoed"])
    for name in ("feeds:tag", "feeds:tag_atom"):
        assert client.get(reverse(name, args=["embargoed"])).status_code == 404
    assert client.get(reverse("tag", args=["embargoed"])).status_code == 404  # like its page


@pytest.mark.parametrize("excerpt", [{"standfirst": "<img src=x onerror=alert(1)>"},
                                     {"standfirst": "", "body": '<a href="JaVaScRiPt:alert(1)">x</a> more words'}])
def test_an_excerpt_reaches_feed_readers_as_text_never_as_markup(client, db, excerpt):
    factories.LiveReviewFactory(**excerpt)
    for url in [reverse("feeds:latest"), reverse("feeds:latest_atom")]:
        raw = client.get(url).content.decode()
        summary = re.search(r"<(description|summary[^>]*)>(.*?)</(description|summary)>", raw.split("<item>")[-1]
                            if "<item>" in raw else raw.split("<entry>")[-1], re.S).group(2)
        assert "&lt;img" not in summary and "&lt;a href" not in summary  # one escape only would be live markup
        assert "&amp;lt;" in summary  # escaped as HTML, then as XML: a reader shows the angle brackets as text


@pytest.mark.parametrize("factory", [factories.DraftReviewFactory, factories.InReviewReviewFactory,
                                     factories.ScheduledReviewFactory])
def test_unpublished_reviews_are_in_no_feed_and_no_sitemap(client, magazine, factory):
    hidden = factory(show=magazine["show"], critic=magazine["critic"], headline="Embargoed piece")
    hidden.tags.set(["ballet"])
    for kind in FEED_KINDS:
        for url in feed_urls(magazine, kind):
            assert "Embargoed piece" not in client.get(url).content.decode(), url
    sitemap = client.get("/sitemap-reviews.xml").content.decode()
    assert hidden.slug not in sitemap and magazine["review"].slug in sitemap


def test_a_scheduled_review_enters_the_feed_at_its_minute(client, magazine):
    scheduled = factories.ScheduledReviewFactory(show=magazine["show"], headline="Tomorrow’s piece")
    assert "Tomorrow’s piece" not in client.get(reverse("feeds:latest")).content.decode()
    type(scheduled).objects.filter(pk=scheduled.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert "Tomorrow’s piece" in client.get(reverse("feeds:latest")).content.decode()


def test_unknown_feed_objects_are_404(client, magazine):
    for url in ["/feeds/tags/nope/", "/feeds/critics/nope/atom/", "/feeds/people/nope/", "/feeds/shows/%00/"]:
        assert client.get(url).status_code == 404, url
    draft = factories.DraftPersonFactory()
    assert client.get(reverse("feeds:critic", args=[draft.slug])).status_code == 404


def test_conditional_get_answers_304(client, magazine):
    for url in [reverse("feeds:latest"), reverse("feeds:latest_atom"), magazine["review"].get_absolute_url(), "/"]:
        first = client.get(url)
        assert first.has_header("ETag"), url
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304, url
    feed = client.get(reverse("feeds:latest"))
    again = client.get(reverse("feeds:latest"), headers={"if-modified-since": feed["Last-Modified"]})
    assert again.status_code == 304


def alternates(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" type="(application/(?:rss|atom)\+xml)" title="[^"]*" href="([^"]+)">',
                      html)


def test_pages_advertise_their_feeds_and_the_feeds_are_valid(client, magazine):
    pages = {
        "/": reverse("feeds:latest"),
        reverse("tag", args=["ballet"]): reverse("feeds:tag", args=["ballet"]),
        magazine["critic"].get_absolute_url(): reverse("feeds:critic", args=[magazine["critic"].slug]),
        magazine["actor"].get_absolute_url(): reverse("feeds:person", args=[magazine["actor"].slug]),
        magazine["show"].get_absolute_url(): reverse("feeds:show", args=[magazine["show"].slug]),
    }
    for page_url, feed_url in pages.items():
        html = client.get(page_url).content.decode()
        found = alternates(html)
        assert ("application/rss+xml", feed_url) in found, page_url
        assert ("application/atom+xml", feed_url + "atom/") in found, page_url
        assert f'<a href="{feed_url}">RSS</a>' in html, page_url  # the visible subscribe link
        for _, url in found:
            assert read(client, url).entries, url


@pytest.mark.parametrize("name", ["feeds:person", "feeds:person_atom"])
def test_an_empty_feed_is_the_same_bytes_at_every_request(client, db, name):
    person = factories.LivePersonFactory()  # no work of theirs reviewed yet
    url = reverse(name, args=[person.slug])
    first = client.get(url)
    time.sleep(1.1)
    again = client.get(url)
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert b"2000-01-01" in first.content or b"01 Jan 2000" in first.content
