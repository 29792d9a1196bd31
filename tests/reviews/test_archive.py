"""The archive (/reviews/): dated cards, filters that combine over live reviews only, links a reader can
share, numbered pages that reach the last one without large OFFSETs, and no 500 whatever the address says."""

import itertools
import re
import time
from datetime import UTC, datetime, timedelta
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from editorial import drafts, upcoming, workflow
from editorial.fragments import fragments
from editorial.models import Status
from magazine import page_cache
from reviews import archive, archive_pages
from reviews.models import Review
from shows.models import Show
from tests import factories
from tests.magazine.test_indexes import plan, uses_an_index
from tests.servers import Redis, Site, fetch

pytestmark = pytest.mark.django_db
ARCHIVE = "/reviews/"


def at(year: int, minute: int) -> datetime:
    return datetime(year, 6, 1, 12, tzinfo=UTC) + timedelta(minutes=minute)


# (show, critic, year, rating, tags): every live review of the filtered magazine.
LIVE = [
    ("film", "anna", 2024, 5, ["noir"]),
    ("film", "ben", 2025, 4, []),
    ("series", "anna", 2025, 3, ["noir"]),
    ("series", "ben", 2024, 2, ["noir", "comedy"]),
    ("film", "anna", 2025, 4.5, ["comedy"]),
    ("series", "anna", 2025, None, ["noir"]),
]


@pytest.fixture
def magazine():
    """Six live reviews to filter, and beside them, matching every filter, reviews readers must never see."""
    shows = {"film": factories.LiveShowFactory(title="Harbour Lights", kind=Show.Kind.FILM),
             "series": factories.LiveShowFactory(title="Tidewater", kind=Show.Kind.SERIES)}
    critics = {"anna": factories.LivePersonFactory(name="Anna Berg"),
               "ben": factories.LivePersonFactory(name="Ben Okafor")}
    for number, (show, critic, year, rating, tags) in enumerate(LIVE):
        review = factories.LiveReviewFactory(show=shows[show], critic=critics[critic], rating=rating,
                                             published_at=at(year, number), headline=f"Live review {number}")
        review.tags.set(tags)
    hidden = [
        factories.DraftReviewFactory(show=shows["film"], critic=critics["anna"], rating=5, headline="Hidden draft"),
        factories.ScheduledReviewFactory(show=shows["film"], critic=critics["anna"], rating=5,
                                         headline="Hidden scheduled"),
        factories.InReviewReviewFactory(show=shows["series"], critic=critics["anna"], rating=5,
                                        headline="Hidden in review"),
    ]
    for review in hidden:
        review.tags.set(["noir", "secret-draft-tag"])
    Review.objects.filter(headline="Hidden draft").update(published_at=at(2025, 30))  # a draft with a date
    return shows, critics


def headlines(response) -> list[str]:
    return re.findall(r'<h3 class="card-headline"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def expected(year=None, rating=None, kind=None, tag=None, critic=None) -> list[str]:
    found = [(number, spec) for number, spec in enumerate(LIVE)
             if (year is None or spec[2] == year) and (rating is None or (spec[3] or -1) >= rating)
             and (kind is None or spec[0] == kind) and (tag is None or tag in spec[4])
             and (critic is None or spec[1] == critic)]
    return [f"Live review {number}" for number, _ in sorted(found, key=lambda item: at(item[1][2], item[0]),
                                                             reverse=True)]


def test_cards_carry_their_date(client, magazine):
    html = client.get(ARCHIVE).content.decode()
    assert '<time class="card-date" datetime="2025-06-01">1 Jun 2025</time>' in html


def test_every_combination_of_filters_lists_exactly_the_live_reviews_that_match(client, magazine):
    shows, critics = magazine
    slugs = {"anna": critics["anna"].slug}
    choices = {"year": [None, 2024, 2025], "rating": [None, 4], "kind": [None, "film", "series"],
               "tag": [None, "noir"], "critic": [None, "anna"]}
    for values in itertools.product(*choices.values()):
        chosen = {name: value for name, value in zip(choices, values, strict=True) if value is not None}
        params = {name: slugs.get(value, value) for name, value in chosen.items()}
        response = client.get(ARCHIVE, params)
        assert response.status_code == 200, params
        found = headlines(response)
        assert found == expected(**chosen), params
        assert "Hidden" not in response.content.decode(), params
        count = len(found)
        assert (f"<strong>{count} review{'s' if count != 1 else ''}</strong>" if count else
                "<strong>No reviews</strong> match") in response.content.decode(), params


def test_choices_offer_only_what_live_reviews_have(client, magazine):
    shows, critics = magazine
    draft_critic = factories.DraftPersonFactory(name="Draft Critic")
    factories.LiveReviewFactory(critic=draft_critic, published_at=at(2024, 50))
    html = client.get(ARCHIVE).content.decode()
    options = re.findall(r'<option value="([^"]*)"', html)
    assert {"2024", "2025", "noir", "comedy", critics["anna"].slug, critics["ben"].slug} <= set(options)
    assert "secret-draft-tag" not in options and draft_critic.slug not in options and "2026" not in options
    assert client.get(ARCHIVE, {"tag": "secret-draft-tag"}).status_code == 404
    assert client.get(ARCHIVE, {"critic": draft_critic.slug}).status_code == 404


def test_a_filtered_archive_is_a_link_to_share(client, magazine):
    shows, critics = magazine
    anna = critics["anna"].slug
    form = client.get(ARCHIVE, {"year": "2025", "rating": "", "kind": "series", "tag": "", "critic": anna})
    assert form.status_code == 302  # what the form sends, empty choices and all, becomes the short address
    assert form["Location"] == f"{ARCHIVE}?year=2025&kind=series&critic={anna}"
    shuffled = client.get(ARCHIVE, {"critic": anna, "kind": "series", "year": "2025", "utm_source": "x"})
    html = shuffled.content.decode()
    assert f'<link rel="canonical" href="http://testserver{ARCHIVE}?year=2025&amp;kind=series&amp;critic={anna}">' \
        in html  # one address for one list, whatever the order it was asked in
    assert headlines(shuffled) == ["Live review 5", "Live review 2"]
    assert "<title>Reviews: 2025, Series, By Anna Berg · " in html
    removes = dict(re.findall(r'<li>([^<]+)<a href="([^"]+)" aria-label="Remove', html))
    assert unescape(removes["Series"]) == f"{ARCHIVE}?year=2025&critic={anna}"
    assert unescape(removes["By Anna Berg"]) == f"{ARCHIVE}?year=2025&kind=series"
    assert f'href="/feeds/critics/{anna}/"' in html  # the critic's own feed goes with their reviews


@pytest.mark.parametrize("param", ["year", "rating", "kind", "tag", "critic", "page", "before"])
@pytest.mark.parametrize("value", ["\x00", "abc", "99999999999999999999999", "-1", "1e3", "2025\x00", "x" * 5000,
                                   "é", "%", "20250101T000000.000000Z.1\x00", "20251301T000000.000000Z.9",
                                   "00000101T000000.000000Z.1", "19000101T000000.000000Z.1",
                                   "20250101T000000.000000Z.999999999999999999999"])
def test_bad_values_are_a_404_never_a_500(client, magazine, param, value):
    response = client.get(ARCHIVE, {param: value})
    assert response.status_code == 404, (param, value, response.status_code)
    assert "We can’t find that page" in response.content.decode()


def test_unknown_choices_are_404(client, magazine):
    assert client.get(ARCHIVE, {"year": "1999"}).status_code == 404
    assert client.get(ARCHIVE, {"critic": "nobody"}).status_code == 404
    assert client.get(ARCHIVE, {"page": "2", "before": "20250101T000000.000000Z.1"}).status_code == 404
    assert client.get(f"{ARCHIVE}?year=2025&year=2024").status_code == 200  # the last one counts, as in Django
    far_ahead = client.get(ARCHIVE, {"before": "99991231T235959.999999Z.9"})  # before everything: the first page
    assert headlines(far_ahead) == expected()


# --- pages -------------------------------------------------------------------------------------------------


@pytest.fixture
def shallow(monkeypatch):
    """Numbered addresses for two pages only, so a small magazine has deep pages too."""
    monkeypatch.setattr(archive_pages, "NUMBERED_PAGES", 2)


def many_reviews(count: int, **fields) -> list[Review]:
    show = factories.LiveShowFactory(kind=Show.Kind.SERIES)
    critic = factories.LivePersonFactory(name="Prolific Critic")
    start = datetime(2025, 1, 1, tzinfo=UTC)
    same_minute = {3, 4, 5, 13, 14}  # reviews published together: the pk decides their order
    reviews = [factories.LiveReviewFactory(show=show, critic=critic, headline=f"Paged {n:03d}",
                                           published_at=start + timedelta(hours=3 if n in same_minute else n),
                                           **fields) for n in range(count)]
    factories.DraftReviewFactory(show=show, critic=critic, headline="Hidden draft")
    return reviews


def newest_first(reviews) -> list[str]:
    return [r.headline for r in sorted(reviews, key=lambda r: (r.published_at, r.pk), reverse=True)]


def link(html: str, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', html)
    return unescape(found[1]) if found else None


def test_older_links_reach_every_page_and_newer_links_come_back(client, shallow):
    reviews = many_reviews(5 * settings.PAGE_SIZE + 5)
    pages, url = [], ARCHIVE
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        pages.append((url, headlines(response)))
        assert f"Page {len(pages)} of 6</p>" in html
        url = link(html, "next")
    assert [headline for _, found in pages for headline in found] == newest_first(reviews)  # each once, in order
    assert [len(found) for _, found in pages] == [12, 12, 12, 12, 12, 5]
    assert "before=" in pages[3][0] and "page=2" in pages[1][0]  # past the numbered pages, pages follow a key

    back, url = [], pages[-1][0]
    while url:
        response = client.get(url)
        back.append(headlines(response))
        url = link(response.content.decode(), "prev")
    assert back[::-1] == [found for _, found in pages]


def test_numbered_links_name_the_pages_they_lead_to(client, shallow):
    reviews = many_reviews(8 * settings.PAGE_SIZE)
    order = newest_first(reviews)
    first = client.get(ARCHIVE).content.decode()
    numbered = dict((int(number), unescape(href)) for href, number in
                    re.findall(r'<a href="([^"]+)" aria-label="Page (\d+)"', first))
    assert set(numbered) == {2, 3, 8}  # the neighbours, then the last page after a gap
    assert '<li class="pager-gap" aria-hidden="true">…</li>' in first
    assert numbered[8] == f"{ARCHIVE}?page=last"
    for number, href in numbered.items():
        assert headlines(client.get(href)) == order[(number - 1) * 12:number * 12], number
    middle = client.get(numbered[3]).content.decode()
    around = dict((int(number), unescape(href)) for href, number in
                  re.findall(r'<a href="([^"]+)" aria-label="Page (\d+)"', middle))
    assert set(around) == {1, 2, 4, 5, 8}
    for number in (4, 5):
        assert headlines(client.get(around[number])) == order[(number - 1) * 12:number * 12], number
    deep = client.get(around[5]).content.decode()
    earlier = dict((int(number), unescape(href)) for href, number in
                   re.findall(r'<a href="([^"]+)" aria-label="Page (\d+)"', deep))
    assert "before=" in earlier[4] and headlines(client.get(earlier[4])) == order[36:48]
    assert '<span class="pager-current" aria-current="page">5</span>' in deep


def test_paging_keeps_the_filters(client, shallow):
    reviews = many_reviews(3 * settings.PAGE_SIZE, rating=4)
    factories.LiveReviewFactory.create_batch(5, rating=1)
    html = client.get(ARCHIVE, {"rating": "4", "kind": "series"}).content.decode()
    older = link(html, "next")
    assert dict(parse_qsl(urlsplit(older).query)) == {"rating": "4", "kind": "series", "page": "2"}
    deeper = link(client.get(older).content.decode(), "next")
    assert {"rating", "kind", "before"} == set(dict(parse_qsl(urlsplit(deeper).query)))
    assert headlines(client.get(deeper)) == newest_first(reviews)[24:36]


def test_page_numbers_past_the_numbered_ones_are_404_but_the_last_page_is_there(client, shallow):
    many_reviews(4 * settings.PAGE_SIZE)
    assert client.get(ARCHIVE, {"page": "3"}).status_code == 404
    assert client.get(ARCHIVE, {"page": "last"}).status_code == 200
    assert client.get(ARCHIVE, {"page": "2"}).status_code == 200


def test_deep_pages_start_from_a_key_in_an_index_never_a_large_offset(client, shallow):
    many_reviews(6 * settings.PAGE_SIZE)
    html = client.get(ARCHIVE, {"page": "2"}).content.decode()
    deep = link(client.get(link(html, "next")).content.decode(), "next")
    for url in (deep, f"{ARCHIVE}?page=last", f"{ARCHIVE}?page=last&kind=series&rating=1"):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        offsets = [int(n) for query in captured for n in re.findall(r"OFFSET (\d+)", query["sql"])]
        assert all(offset <= archive_pages.PER_PAGE * archive_pages.NUMBERED_PAGES for offset in offsets), url
    cursor = archive_pages.Cursor.parse(dict(parse_qsl(urlsplit(deep).query))["before"])
    keyset = Review.objects.live().filter(cursor.older()).order_by(*archive_pages.ORDER).cards()[:12]
    assert uses_an_index(plan(keyset), "reviews_review")


def test_filters_are_served_by_indexes(magazine):
    shows, critics = magazine
    live = Review.objects.live()
    assert uses_an_index(plan(live.filter(critic=critics["anna"])), "reviews_review")
    assert uses_an_index(plan(live.filter(rating__gte=4)), "reviews_review")
    assert uses_an_index(plan(live.filter(published_at__year=2025)), "reviews_review")
    assert uses_an_index(plan(live.filter(tags=Tag.objects.get(name="noir"))), "taggit_taggeditem")


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def archive_urls(client, critic) -> dict[str, str]:
    second = client.get(link(client.get(ARCHIVE).content.decode(), "next")).content.decode()
    return {
        "first page": ARCHIVE,
        "second page": f"{ARCHIVE}?page=2",
        "a page after a key": link(second, "next"),
        "last page": f"{ARCHIVE}?page=last",
        "every filter": f"{ARCHIVE}?year=2025&rating=1&kind=series&tag=counted&critic={critic.slug}",
        "every filter, last page": f"{ARCHIVE}?year=2025&rating=1&kind=series&tag=counted&critic={critic.slug}"
                                   "&page=last",
    }


def test_query_counts_do_not_grow_with_the_archive(client, shallow):
    client.get("/")  # warm-up: what a process asks once a minute
    counted = {}
    for size in (5 * settings.PAGE_SIZE, 12 * settings.PAGE_SIZE):
        Review.objects.all().delete()
        reviews = many_reviews(size)
        for review in reviews:
            review.tags.set(["counted"])
        fragments.clear()  # a minute on: the filter's choices are read again (see OPTIONS_KEPT_SECONDS)
        urls = archive_urls(client, reviews[0].critic)
        counted[size] = {name: count_queries(client, url) for name, url in urls.items()}
    small, large = counted.values()
    assert small == large
    assert max(large.values()) <= 9, large


def test_an_unpublished_review_leaves_the_archive_and_its_counts(client, magazine):
    review = Review.objects.get(headline="Live review 0")
    Review.objects.filter(pk=review.pk).update(status=Status.DRAFT)
    response = client.get(ARCHIVE, {"year": "2024"})
    assert headlines(response) == ["Live review 3"] and "<strong>1 review</strong>" in response.content.decode()


def offered(response) -> set[str]:
    return set(re.findall(r'<option value="([^"]*)"', response.content.decode()))


def test_an_unpublish_takes_its_tag_and_critic_out_of_the_choices_at_once(client, magazine):
    lone_critic = factories.LivePersonFactory(name="Cleo Lone")
    review = factories.LiveReviewFactory(critic=lone_critic, published_at=at(2023, 40))
    review.tags.set(["only-here"])
    assert {"only-here", lone_critic.slug, "2023"} <= offered(client.get(ARCHIVE))  # read and kept
    with factories.committing():
        workflow.unpublish(review, by=factories.editor())
    assert not {"only-here", lone_critic.slug, "2023"} & offered(client.get(ARCHIVE))
    assert client.get(ARCHIVE, {"tag": "only-here"}).status_code == 404
    assert client.get(ARCHIVE, {"critic": lone_critic.slug}).status_code == 404


UNPUBLISH_ELSEWHERE = """
from django.db import transaction
from editorial import workflow
from reviews.models import Review
with transaction.atomic():
    workflow.unpublish(Review.objects.get(tags__slug="only-here"), by=None)
"""


def test_an_unpublish_in_another_process_takes_its_tag_out_of_every_process_s_choices(tmp_path):
    """Two gunicorn workers keep the choices; the unpublish commits in a third process (a shell) that shares
    their Redis and database."""
    # What every process stamps after a change to the list of every review (or to every page).
    assert (page_cache.STAMP.format("review-list"), page_cache.STAMP.format("site")) == archive.LIST_STAMPS
    redis = Redis(tmp_path / "redis")
    redis.start()
    site = Site(tmp_path, redis.url, PAGE_CACHE_SECONDS="0")  # every request reaches a worker's own choices
    try:
        site.start()
        site.python("from reviews.models import Review; Review.objects.live().first().tags.add('only-here')")
        assert all('value="only-here"' in fetch(site.url(ARCHIVE)) for _ in range(12))  # both workers keep it
        site.python(UNPUBLISH_ELSEWHERE)
        assert all('value="only-here"' not in fetch(site.url(ARCHIVE)) for _ in range(12))
    finally:
        site.stop()
        redis.stop()


def test_a_tag_pages_its_reviews_as_the_archive_does(client, shallow):
    reviews = many_reviews(3 * settings.PAGE_SIZE + 2)
    for review in reviews:
        review.tags.set(["paged"])
    pages, url = [], reverse("tag", args=["paged"])
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f"Page {len(pages) + 1} of 4</p>" in response.content.decode()
        pages.append((url, headlines(response)))
        url = link(response.content.decode(), "next")
    assert [headline for _, found in pages for headline in found] == newest_first(reviews)
    assert "before=" in pages[3][0]  # past the numbered pages, a tag's pages follow a key too
    tag_url = reverse("tag", args=["paged"])
    assert client.get(tag_url, {"before": "not-a-key"}).status_code == 404
    assert client.get(tag_url, {"page": "99"}).status_code == 404


def test_the_choices_are_read_again_when_the_list_of_reviews_changes_not_for_a_correction(page_cache_on):
    editor = factories.editor()
    review = factories.LiveReviewFactory()
    with factories.committing():
        workflow.publish(review, by=editor)
    first = archive.Options.kept()
    assert archive.Options.kept() is first
    with factories.committing():
        workflow.publish(review, by=editor, data={**drafts.content_of(review), "standfirst": "Put right."})
    assert archive.Options.kept() is first  # a correction moves no review on or off the list
    with factories.committing():
        workflow.unpublish(review, by=editor)
    assert archive.Options.kept() is not first and archive.Options.kept().critics == []


@pytest.fixture
def clock():
    """The page cache's clock in the shared cache (the page cache itself off, so each request renders)."""
    cache.clear()
    cache.set(upcoming.PUBLIC_CLOCK, 1, None)
    yield
    cache.clear()


def counted(client, tag: str) -> tuple[int, str]:
    """How many times the archive of a tag counted its reviews, and the count it shows."""
    with CaptureQueriesContext(connection) as captured:
        html = client.get(ARCHIVE, {"tag": tag}).content.decode()
    counts = sum('SELECT COUNT(*) AS "__count" FROM "reviews_review"' in q["sql"] for q in captured.captured_queries)
    return counts, re.search(r'class="archive-count"><strong>([^<]*)</strong>', html)[1]


def test_a_count_is_kept_until_the_next_publish(client, clock):
    for review in many_reviews(3):
        review.tags.set(["kept"])
    assert counted(client, "kept") == (1, "3 reviews")
    assert counted(client, "kept") == (0, "3 reviews")  # kept by the process
    newcomer = factories.DraftReviewFactory()
    newcomer.tags.set(["kept"])
    with factories.committing():
        workflow.publish(newcomer, by=factories.editor())
    assert counted(client, "kept") == (1, "4 reviews")  # the clock moved: counted again


def test_a_kept_count_is_counted_again_once_a_scheduled_review_goes_live(client, clock):
    for review in many_reviews(2):
        review.tags.set(["kept"])
    scheduled = factories.LiveReviewFactory(published_at=timezone.now() + timedelta(seconds=1))
    scheduled.tags.set(["kept"])
    assert counted(client, "kept") == (1, "2 reviews")
    assert counted(client, "kept") == (0, "2 reviews")
    time.sleep(max(0.0, scheduled.published_at.timestamp() - time.time()) + 0.1)  # its time comes: no commit says so
    assert counted(client, "kept") == (1, "3 reviews")


def test_without_the_shared_cache_every_count_is_made(client, unreachable_cache, settings):
    settings.PAGE_CACHE_SECONDS = 0  # no clock can be read: what a process kept cannot be told from what went before
    for review in many_reviews(2):
        review.tags.set(["kept"])
    assert counted(client, "kept") == (1, "2 reviews")
    assert counted(client, "kept") == (1, "2 reviews")
