"""Site search: live content only, accents and capitals ignored, ranked, escaped, and never a 500."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from reviews.models import Review
from search.backends import backend_for, repair_after_migrate
from search.query import clean_query, search, terms
from shows.models import Show
from tests import factories
from tests.html_validator import validate_pages

MAX_QUERIES = 6  # the count, the ranked page, one query a kind of item on the page, and slack for one more

def found(query: str) -> list[str]:
    return [str(result.item) for result in search(query)[0:100]]


def page(client, query, **params) -> str:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def etoile(db):
    show = factories.LiveShowFactory(title="ÉTOILE", kind=Show.Kind.SERIES, synopsis="Two ballet companies swap stars.")
    lou = factories.LivePersonFactory(name="Lou de Laâge", bio="French actor.")
    amy = factories.LivePersonFactory(name="Amy Sherman-Palladino", bio="Creator of Gilmore Girls.")
    celine = factories.LivePersonFactory(name="Celine Sciamma")  # typed without its accent
    review = factories.LiveReviewFactory(
        show=show, critic=factories.LivePersonFactory(name="Ros Critic"),
        headline="A grand jeté across the Atlantic",
        standfirst="The Palladinos go to the ballet.",
        body="Cheyenne (Lou de Laâge) is all sharp elbows.\nGainsbourg leads the Paris company.",
    )
    return {"show": show, "lou": lou, "amy": amy, "celine": celine, "review": review}


# Accents and capitals, both ways


@pytest.mark.parametrize("query", ["laage", "Laâge", "LAAGE", "laâge", "lou de laage", "Lou de Laâge"])
def test_a_name_is_found_with_or_without_its_accents(etoile, query):
    assert "Lou de Laâge" in found(query)


@pytest.mark.parametrize(
    "query", ["etoile", "Étoile", "ÉTOILE", "étoile", "ETOILE", "eToIlE", "e\u0301toile", "ＥＴＯＩＬＥ"]
)
def test_a_title_is_found_with_or_without_its_accents(etoile, query):
    assert "ÉTOILE (2025)" in found(query)


@pytest.mark.parametrize("query", ["Céline", "céline", "CELINE", "celine"])
def test_text_typed_without_accents_is_found_by_a_query_with_them(etoile, query):
    assert found(query) == ["Celine Sciamma"]


@pytest.mark.parametrize(("query", "name"), [("palla", "Amy Sherman-Palladino"), ("sherm", "Amy Sherman-Palladino"),
                                             ("Sherman-Pall", "Amy Sherman-Palladino"), ("laa", "Lou de Laâge")])
def test_the_start_of_a_name_is_enough(etoile, query, name):
    assert name in found(query)


def test_reviews_are_found_by_their_show_title_standfirst_and_body(etoile):
    review = str(etoile["review"])
    assert review in found("etoile")  # the show's title
    assert review in found("Palladinos ballet")  # the standfirst
    assert review in found("gainsbourg")  # the body
    assert review in found("etoile gainsbourg")  # one word from the show's title, one from the body


def test_every_word_must_match(etoile):
    assert found("gainsbourg zebra") == []


def test_the_last_word_may_be_the_start_of_one_the_earlier_words_are_whole(etoile):
    assert "Lou de Laâge" in found("lou laa")
    assert "Amy Sherman-Palladino" in found("amy sherman-pall")
    assert "Amy Sherman-Palladino" in found("sherm palla")  # nothing with "sherm" whole: every word a start


@pytest.mark.parametrize(("query", "title"), [("the", "Theatre Ghosts (2025)"), ("thea", "Theatre Ghosts (2025)"),
                                              ("바다", "바다의 노래 (2025)"), ("the gho", "The ghost of a plot")])
def test_a_common_word_and_a_short_start_find_what_they_should(db, query, title):
    factories.LiveShowFactory(title="Theatre Ghosts")
    factories.LiveShowFactory(title="바다의 노래")
    factories.LiveReviewFactory(headline="The ghost of a plot", body="The end.")
    assert title in found(query)


def test_a_lone_accented_letter_is_that_letter_not_the_start_of_every_word(etoile):
    assert found("é") == found("e") == []  # not ÉTOILE, Élodie or every other word starting with e
    assert "ÉTOILE (2025)" in found("éto")


# Live content only


def test_nothing_unpublished_is_ever_found(db, client):
    factories.DraftReviewFactory(headline="Zanzibar draft", body="zanzibar")
    factories.InReviewReviewFactory(headline="Zanzibar in review", body="zanzibar")
    factories.ScheduledReviewFactory(headline="Zanzibar scheduled", body="zanzibar")
    factories.DraftShowFactory(title="Zanzibar Show", synopsis="zanzibar")
    factories.DraftPersonFactory(name="Zanzibar Person", bio="zanzibar")
    assert found("zanzibar") == []
    html = page(client, "zanzibar")
    assert "Nothing published matches" in html
    assert "Zanzibar draft" not in html and "Zanzibar Show" not in html


def test_a_scheduled_review_is_found_from_its_minute(db):
    review = factories.ScheduledReviewFactory(headline="Quixotic premiere")
    assert found("quixotic") == []
    Review.objects.filter(pk=review.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert found("quixotic") == ["Quixotic premiere"]


def test_an_unpublished_item_leaves_the_results(db):
    review = factories.LiveReviewFactory(headline="Withdrawn wombat")
    assert found("wombat") == ["Withdrawn wombat"]
    Review.objects.filter(pk=review.pk).update(status="draft")
    assert found("wombat") == []


# The index follows every kind of write


def test_the_index_follows_updates_deletes_and_show_renames(db):
    review = factories.LiveReviewFactory(headline="Original words", show__title="Old Title")
    Review.objects.filter(pk=review.pk).update(headline="Replacement vocabulary")  # no save(), no signal
    assert found("original") == []
    assert found("vocabulary") == ["Replacement vocabulary"]
    Show.objects.filter(pk=review.show_id).update(title="Renamed Spectacle")
    assert found("spectacle") == ["Renamed Spectacle (2025)", "Replacement vocabulary"]
    review.delete()
    assert found("vocabulary") == []
    Show.objects.filter(pk=review.show_id).delete()
    review.critic.delete()
    assert found("spectacle") == [] and found(review.critic.name) == []


def test_every_indexed_table_has_its_triggers(db):
    """A later migration that rebuilds a table on SQLite drops its triggers; repair_after_migrate restores them."""
    assert not backend_for(connection).missing_triggers()


def test_sqlite_index_made_again_keeps_every_row_and_gains_its_prefix_indexes(etoile):
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    backend = backend_for(connection)
    read = "SELECT rowid, title, show_title, standfirst, body, show_id, folded FROM magazine_search ORDER BY rowid"
    with connection.cursor() as cursor:
        cursor.execute(read)
        before = cursor.fetchall()
        backend.remake()
        cursor.execute(read)
        assert cursor.fetchall() == before and len(before) > 5
    assert backend.has_current_schema() and not backend.missing_triggers()
    assert "Lou de Laâge" in found("laa")
    factories.LivePersonFactory(name="After Remaking")  # the triggers write to the new table
    assert found("remaking") == ["After Remaking"]


def test_postgresql_keeps_each_document_in_its_row(db):
    if connection.vendor != "postgresql":
        pytest.skip("TOAST is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT attstorage FROM pg_attribute WHERE attrelid = 'magazine_search'::regclass "
                       "AND attname = 'document'")
        assert cursor.fetchone()[0] == "m"  # main: compressed in the row, out of it only if it cannot fit


def test_repair_restores_lost_triggers_and_catches_up(db):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER magazine_search_people_person_insert")
        else:
            cursor.execute("DROP TRIGGER magazine_search_people_person ON people_person")
    assert backend_for(connection).missing_triggers()
    factories.LivePersonFactory(name="Missed Marguerite")
    assert found("marguerite") == []
    repair_after_migrate(using="default")
    assert found("marguerite") == ["Missed Marguerite"]
    factories.LivePersonFactory(name="Marguerite Again")
    assert sorted(found("marguerite")) == ["Marguerite Again", "Missed Marguerite"]


# Ranking and snippets


def test_a_headline_match_ranks_above_a_body_only_match(db):
    headline = factories.LiveReviewFactory(headline="The marzipan affair", body="Nothing to see.")
    body = factories.LiveReviewFactory(headline="Something else", body="A film with marzipan in one scene.")
    assert body.pk > headline.pk  # newer, so it would win a tie: the rank has to decide
    assert found("marzipan") == ["The marzipan affair", "Something else"]


def test_a_name_ranks_above_a_passing_mention(etoile):
    assert found("palladino")[0] == "Amy Sherman-Palladino"


def test_snippets_are_escaped_then_highlighted(db, client):
    factories.LiveReviewFactory(
        headline="<b>Kumquat</b> & co", standfirst="",
        body="Nothing yet.\nBeware <script>alert('kumquat')</script> of the kumquat & the <img src=x onerror=alert(1)>",
    )
    html = page(client, "kumquat")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;b&gt;<mark>Kumquat</mark>&lt;/b&gt; &amp; co" in html
    assert "of the <mark>kumquat</mark> &amp; the &lt;img src=x" in html
    if connection.vendor == "sqlite":  # PostgreSQL's ts_headline() drops what its parser takes for tags
        assert "&lt;script&gt;alert(&#x27;<mark>kumquat</mark>&#x27;)&lt;/script&gt; of the" in html


def test_the_results_page(etoile, client):
    html = page(client, "laage")
    assert '<form class="search-form" role="search"' in html
    assert '<label for="search-query">' in html and 'id="search-query"' in html and 'value="laage"' in html
    assert "2 results for “<bdi>laage</bdi>”" in html
    assert '<ol class="search-results"' in html and '<h2 class="search-title">' in html
    assert '<p class="search-kind">Person</p>' in html and '<p class="search-kind">Review</p>' in html
    assert f'<a href="{etoile["lou"].get_absolute_url()}">Lou de <mark>Laâge</mark></a>' in html
    assert "<title>Search: “laage” · " in html
    assert '<link rel="canonical" href="http://testserver/search/">' in html
    assert "Lou de <mark>Laâge</mark>) is all sharp elbows" in html


def test_a_show_is_labelled_film_or_series(etoile, client):
    assert '<p class="search-kind">Series</p>' in page(client, "etoile")


@pytest.mark.parametrize(("query", "message"), [
    ("", "Type a title, a name or any word"),
    ("🎬 *** ???", "has no words to look for"),
    ("nothing-like-this", "Nothing published matches"),
])
def test_empty_states_help(etoile, client, query, message):
    html = page(client, query)
    assert message in html
    assert '<ol class="search-results"' not in html


# Bad input


BAD_QUERIES = [
    "", " ", "x" * 2000, ("etoile " * 300), '"', '"unterminated', '"ÉTOILE"', "*", "etoi*", "**", "AND", "OR", "NOT",
    "etoile AND", "AND etoile", "etoile OR laage", "NOT etoile", "NEAR", "NEAR(etoile laage)", "NEAR(etoile laage, 2)",
    "-etoile", "etoile -laage", "(etoile", "etoile)", "()", "title:etoile", ":", "::*", "etoile:*", "^etoile",
    "{title}: x", "'", "''", "'; DROP TABLE reviews_review; --", "1' OR '1'='1", "\" OR 1=1 --", "%", "_%_",
    "\\", "\\x00", "\x00", "a\x00b", "\x00\x00etoile", "\u202eelioté\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd",
    "مرحبا بالعالم", "🎬🍿", "👩‍👩‍👧", "e\u0301toile", "ＥＴＯＩＬＥ", "<script>alert(1)</script>", "&amp;",
    "a & b | !c",
    "<->", "etoile <-> laage", "x:*A", "etoile & !", "\t\n\r", "\x1b[31m", "\ud7ff", "ß", "İstanbul",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_any_query_gets_a_normal_page(etoile, client, query):
    html = page(client, query)
    assert 'role="search"' in html
    assert "\x00" not in html
    cleaned = clean_query(query)
    assert f'name="q" value="{escape(cleaned)}"' in html  # the box shows the query as it was searched
    assert "<script>" not in html.split("<main", 1)[1]  # and never as markup


@pytest.mark.parametrize("url", ["/search/?q=%00", "/search/?q=%00%00&page=%00", "/search/?q=%ff%fe", "/search/?q=",
                                 "/search/", "/search/?q=etoile&page=abc", "/search/?q=etoile&page=0",
                                 "/search/?q=etoile&page=-1", "/search/?q=etoile&page=99999999999",
                                 "/search/?q=etoile&page=1e3", "/search/?q=a&q=b", "/search/?page=2"])
def test_bad_urls_get_a_normal_page(etoile, client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("query", ['NEAR("a" "b")', 'x" OR "y', "a:*", "a-b", "foo_bar", "x" * 100])
def test_queries_are_cut_down_to_plain_words(query):
    for term in terms(query):
        assert term.isalnum() and len(term) <= 64
    assert len(terms("one two three four five six seven eight nine ten")) == 8
    assert terms('l’Étoile AND "x"* étoile') == ["l", "Étoile", "AND", "x"]


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=120) | st.sampled_from(["etoile", "Laâge ballet", "palla*", "gainsbourg zebra"]))
def test_no_text_breaks_the_search(etoile, query):
    results = search(query)  # over the ÉTOILE magazine: some queries find things, most find nothing
    count = results.count()
    shown = results[0:12]
    assert len(shown) == min(count, 12)
    assert all(result.item.is_live for result in shown)


# Pagination and query counts


def matching_magazine(reviews: int):
    """``reviews`` reviews that mention "zephyr", and a show and a person named for it (they rank first)."""
    factories.LiveShowFactory(title="Zephyr Nights")
    factories.LivePersonFactory(name="Zephyr Jones")
    show = factories.LiveShowFactory(title="The Show")
    critic = factories.LivePersonFactory(name="The Critic")
    factories.LiveReviewFactory.create_batch(reviews, show=show, critic=critic, body="A zephyr blows through.")


def test_results_are_paginated(db, client, settings):
    matching_magazine(28)  # 30 results with the show and the person
    first = page(client, "zephyr")
    assert "30 results for" in first and "Page 1 of 3" in first
    assert first.count('class="search-result ') == settings.PAGE_SIZE
    assert 'href="?q=zephyr&amp;page=2"' in first
    third = page(client, "zephyr", page="3")
    assert third.count('class="search-result ') == 30 - 2 * settings.PAGE_SIZE
    assert 'href="?q=zephyr&amp;page=2"' in third and '<ol class="search-results" start="25">' in third
    titles = [str(r.item) for r in search("zephyr")[0:30]]
    assert set(titles[:2]) == {"Zephyr Nights (2025)", "Zephyr Jones"} and len(set(titles)) == 30
    assert page(client, "zephyr", page="abc") == first
    assert "Page 3 of 3" in page(client, "zephyr", page="999")


def count_queries(client, query) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, query)
    return len(captured)


def test_query_count_does_not_grow_with_the_results(db, client, django_assert_max_num_queries):
    matching_magazine(1)
    small = count_queries(client, "zephyr")
    Review.objects.all().delete()
    matching_magazine(30)
    with django_assert_max_num_queries(MAX_QUERIES):
        large = count_queries(client, "zephyr")
    assert large == small


def test_a_query_without_words_costs_no_query(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        page(client, "*** 🎬")


# Valid HTML


def test_search_pages_are_valid_html(etoile, client):
    factories.LiveReviewFactory(headline="<b>Kumquat</b> & co", body="Beware <script>kumquat</script>.")
    pages = {f"/search/?q={q}": page(client, q) for q in ["laage", "etoile", "kumquat", "", "nothing", "🎬", "\u202eX"]}
    errors = {url: messages for url, messages in validate_pages(pages).items() if messages}
    assert not errors, errors


def test_capital_i_with_a_dot_is_one_letter(db):
    factories.LiveShowFactory(title="İstanbul Hatırası")
    assert found("İstanbul") == found("istanbul") == found("ISTANBUL") == ["İstanbul Hatırası (2025)"]


def test_admin_search_uses_the_index_and_finds_drafts(editor_client):
    draft = factories.DraftReviewFactory(headline="Étoile, en brouillon", body="Une danseuse étoile.")
    factories.LiveReviewFactory(headline="Something else")
    for query in ("etoile", "ÉTOILE", "brouill"):
        page = editor_client.get(reverse("admin:reviews_review_changelist"), {"q": query}).content.decode()
        assert draft.headline in page and "Something else" not in page, query
    person = factories.DraftPersonFactory(name="Lou de Laâge")
    assert person.name in editor_client.get(reverse("admin:people_person_changelist"), {"q": "laage"}).content.decode()


def test_a_common_word_ranks_the_newest_candidates_and_says_there_are_more(db, client, settings):
    settings.SEARCH_CANDIDATES = 3
    show = factories.LiveShowFactory(title="Plain Title")
    reviews = [factories.LiveReviewFactory(show=show, headline=f"Number {n}", body="the camera rolls")
               for n in range(5)]
    reviews[0].headline = "Camera obscura"  # the oldest: its title would rank it first, but it is not a candidate
    reviews[0].save()
    results = search("camera")
    assert (results.count(), results.capped) == (3, True)
    assert {result.item.headline for result in results[0:10]} == {"Number 4", "Number 3", "Number 2"}
    page = client.get(reverse("search"), {"q": "camera"}).content.decode()
    assert "More than 3 results for “<bdi>camera</bdi>”: the newest 3, best first." in page
    settings.SEARCH_CANDIDATES = 10
    results = search("camera")
    assert (results.count(), results.capped) == (5, False)
    assert results[0:1][0].item.headline == "Camera obscura"


def test_postgresql_runs_page_queries_without_jit(db):
    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's: this runs in the PostgreSQL leg")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"  # JIT once cost a common word's search 250 ms of compiling


def test_search_asks_the_same_queries_for_a_rare_word_and_a_word_in_every_review(db, client, settings):
    settings.SEARCH_CANDIDATES = 5
    show = factories.LiveShowFactory(title="Counted")
    for n in range(8):
        factories.LiveReviewFactory(show=show, headline=f"Review {n}", body=f"zebras {'rarity' if n == 3 else ''}")
    client.get("/")  # warm-up: what a process asks once a minute (the next scheduled change)
    counts = {}
    for word in ("rarity", "zebras"):  # one review, or every review (more than the candidates)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("search"), {"q": word}).status_code == 200
        counts[word] = len(captured)
    assert counts["rarity"] == counts["zebras"] <= MAX_QUERIES
