"""A series' seasons and episodes, from the house style to the pages: ÉTOILE's first season, its second, a recap."""

import json

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import drafts, workflow
from people.models import Person
from reviews.addresses import changed_addresses
from reviews.house_style import HouseStyleError, every_error, format_review, parse_review
from reviews.models import Review
from reviews.services import house_style_of, import_review, reviews_it_would_repeat
from shows.models import Credit, Episode, Show
from tests import factories
from tests.paths import SAMPLES
from tests.schema_vocabulary import ld_blocks, problems

ETOILE = (SAMPLES / "etoile.txt").read_text(encoding="utf-8")
SEASON_TWO_LINE = ("2026 | US | DIRECTORS: Amy Sherman-Palladino | CAST: Luke Kirby, Lou de Laâge, "
                   "Rosa Quintero (Inès Marchal) | EPISODES: 6")


def front(**keys) -> str:
    return "---\n" + "".join(f"{key.replace('_', '-')}: {value}\n" for key, value in keys.items()) + "---\n"


def season_two(headline: str, **keys) -> str:
    return (front(show="ÉTOILE", season=2, headline=headline, author="Marion Vasseur", **keys)
            + "A second paragraph of the second season.\n" + SEASON_TWO_LINE + "\n")


@pytest.fixture
def etoile(db):
    """Season 1 reviewed from the sample, then season 2 and a recap of its fifth episode, all by one critic."""
    first = import_review(parse_review(front(show="ÉTOILE", season=1, author="Marion Vasseur") + ETOILE),
                          publish=True)
    second_text = season_two("The company tours, the jokes stay home")
    repeats = reviews_it_would_repeat(parse_review(second_text))
    second = import_review(parse_review(second_text), publish=True)
    recap = import_review(parse_review(season_two("Curtain call", episode=5, episode_title="The Understudy")),
                          publish=True)
    return first, second, recap, repeats


def test_a_second_seasons_review_by_the_same_critic_is_no_duplicate(etoile):
    first, second, recap, repeats = etoile
    assert repeats == []
    assert not [notice for notice in second.notices + recap.notices if "reviewed" in notice]
    assert (first.review.season, second.review.season, recap.review.season) == (1, 2, 2)
    assert recap.review.episode == 5 and recap.review.subject == "ÉTOILE, 2×05 ‘The Understudy’"
    assert Show.objects.count() == 1
    show = Show.objects.get()
    assert [(s.number, s.year, s.episodes) for s in show.season_set.all()] == [(1, 2025, 8), (2, 2026, 6)]
    assert (show.year, show.end_year, show.seasons, show.episodes) == (2025, 2026, 2, None)
    assert [(e.season, e.number, e.title) for e in show.episode_set.all()] == [(2, 5, "The Understudy")]


def test_the_same_file_again_is_the_same_review(etoile):
    again = import_review(parse_review(season_two("The company tours, the jokes stay home")), publish=True)
    assert again.outcome == "unchanged" and Review.objects.count() == 3
    assert reviews_it_would_repeat(parse_review(season_two("Another look at season two"))) == [etoile[1].review]


def test_a_seasons_credits_are_added_to_and_nobody_is_removed(etoile):
    show = Show.objects.get()

    def seasons(name, role="cast"):
        credit = Credit.objects.get(show=show, person__name=name, role=role)
        return credit.first_season, credit.last_season

    assert seasons("Luke Kirby") == (1, 2)  # in both lines: extended
    assert seasons("Charlotte Gainsbourg") == (1, 1)  # not in season 2's line: kept, for season 1
    assert seasons("Rosa Quintero") == (2, 2)  # new in season 2
    assert seasons("Amy Sherman-Palladino", "director") == (1, 2)
    assert Credit.objects.get(person__name="Rosa Quintero").character == "Inès Marchal"


def test_show_page_lists_its_seasons_with_their_reviews(etoile, client):
    first, second, recap, _ = etoile
    page = client.get(Show.objects.get().get_absolute_url()).content.decode()
    seasons = page.split('id="seasons-heading"')[1]
    one, two = seasons.split('id="season-2-heading"')
    assert first.review.headline in one and second.review.headline not in one
    assert second.review.headline in two and recap.review.headline in two
    assert two.index(recap.review.headline) < two.index(second.review.headline)  # newest first
    assert 'href="/shows/etoile/season-2/"' in page


def test_season_page_has_its_episodes_cast_reviews_and_feed(etoile, client):
    first, second, recap, _ = etoile
    page = client.get("/shows/etoile/season-2/").content.decode()
    assert "Rosa Quintero" in page and "Luke Kirby" in page and "Charlotte Gainsbourg" not in page
    assert "‘The Understudy’" in page and second.review.headline in page and recap.review.headline in page
    assert first.review.headline not in page
    feed = client.get("/feeds/shows/etoile/season-2/").content.decode()
    assert "ÉTOILE, 2×05 ‘The Understudy’: Curtain call" in feed and first.review.headline not in feed
    assert client.get("/shows/etoile/season-3/").status_code == 404


def test_person_page_says_which_seasons(etoile, client):
    page = client.get(Person.objects.get(name="Luke Kirby").get_absolute_url()).content.decode()
    assert "seasons 1–2" in page


def item_reviewed(client, review) -> dict:
    blocks = ld_blocks(client.get(review.get_absolute_url()).content.decode())
    for block in blocks:
        assert problems(block) == []
    return next(block for block in blocks if block.get("@type") == "Review")["itemReviewed"]


def test_each_reviews_json_ld_names_its_season_or_episode(etoile, client):
    first, second, recap, _ = etoile
    season = item_reviewed(client, second.review)
    assert season["@type"] == "TVSeason" and season["seasonNumber"] == 2
    assert season["partOfSeries"] == {"@type": "TVSeries", "name": "ÉTOILE", "url": "http://testserver/shows/etoile/"}
    episode = item_reviewed(client, recap.review)
    assert (episode["@type"], episode["episodeNumber"], episode["name"]) == ("TVEpisode", 5, "The Understudy")
    assert episode["partOfSeason"]["seasonNumber"] == 2 and episode["partOfSeries"]["name"] == "ÉTOILE"
    assert item_reviewed(client, first.review)["seasonNumber"] == 1
    page = client.get("/shows/etoile/season-2/").content.decode()
    described = next(block for block in ld_blocks(page) if block.get("@type") == "TVSeason")
    assert problems(described) == [] and described["episode"] == [
        {"@type": "TVEpisode", "episodeNumber": 5, "name": "The Understudy"}]


def test_export_writes_the_keys_back_and_reimports_unchanged(etoile):
    recap = Review.objects.get(episode=5)
    text = format_review(house_style_of(recap))
    assert text.startswith("---\nshow: ÉTOILE\nseason: 2\nepisode: 5\nepisode-title: The Understudy\n")
    assert "EPISODES: 6" in text.splitlines()[-1] and "Charlotte Gainsbourg" not in text
    assert import_review(parse_review(text)).outcome == "unchanged"
    json.dumps(recap.show.revision_extras())  # the seasons travel in the show's revisions


def found(client, words: str) -> str:
    return client.get("/search/", {"q": words}).content.decode()


def test_search_finds_a_season_and_a_recaps_episode_title(etoile, client):
    first, second, recap, _ = etoile
    assert second.review.headline in found(client, "etoile season 2")
    page = found(client, "understudy")
    assert recap.review.headline in page and second.review.headline not in page
    assert "On ÉTOILE, 2×05 ‘The <mark>Understudy</mark>’" in page  # the result says what the recap is of


def test_a_renamed_episode_is_found_by_its_new_title(etoile, client):
    show = Show.objects.get()
    content = drafts.content_of(show)
    rows = [{**row, "title": "The Stand-In"} for row in content["episode_rows"]]
    with factories.committing():  # the pipeline after the commit renames the recap
        workflow.save_draft(show, by=None, data={**content, "episode_rows": rows})
        workflow.publish(show, by=None)
    assert etoile[2].review.headline in found(client, "stand-in")
    assert etoile[2].review.headline not in found(client, "understudy")


def test_a_shows_list_names_its_seasons_feeds_for_hubs(etoile):
    show = Show.objects.get()
    feeds = changed_addresses({f"review-list/show-{show.pk}"}).feeds
    assert {"/feeds/shows/etoile/season-2/", "/feeds/shows/etoile/season-2/atom/"} <= set(feeds)


def test_the_season_sitemap_lists_the_seasons_of_live_shows(etoile, client):
    listing = client.get("/sitemap-seasons.xml").content.decode()
    assert all(f"http://testserver/shows/etoile/season-{n}/" in listing for n in (1, 2))
    assert listing.count("<lastmod>") == 2
    Show.objects.update(status="draft")
    assert "season-1" not in client.get("/sitemap-seasons.xml").content.decode()


def build_series(size: int) -> Show:
    """A series of ``size`` seasons, each with ``size`` episodes, credits, reviews and recaps."""
    show = factories.LiveShowFactory(title=f"Counted Series {size}", kind=Show.Kind.SERIES, year=2020,
                                     trailer="youtube:dQw4w9WgXcQ")
    critic = factories.LivePersonFactory(name=f"Counted Critic {size}")
    for number in range(1, size + 1):
        show.season_set.create(number=number, year=2020 + number, episodes=size)
        show.episode_set.bulk_create([Episode(show=show, season=number, number=n, title=f"Part {n}")
                                      for n in range(1, size + 1)])
        for n in range(1, size + 1):
            factories.CreditFactory(show=show, role="cast", character=f"Role {n}", first_season=number,
                                    last_season=number)
            factories.LiveReviewFactory(show=show, critic=critic, season=number)
            factories.LiveReviewFactory(show=show, critic=critic, season=number, episode=n)
    return show


@pytest.mark.django_db
def test_season_and_show_pages_ask_as_much_whatever_their_size(client):
    def counts(show):
        found = {}
        for url in (show.get_absolute_url(), f"{show.get_absolute_url()}season-1/",
                    f"/feeds/shows/{show.slug}/season-1/"):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            found[url.replace(show.slug, "")] = len(captured)
        return found

    client.get("/")  # warm-up: what a process asks once a minute
    assert counts(build_series(2)) == counts(build_series(6))


@pytest.mark.parametrize(("lines", "message"), [
    ("season: two", "“season” is a number such as 2, not “two”."),
    ("season: 0", "“season” is a number such as 2, not “0”."),
    ("episode: 5", "“episode:” needs a “season:” line too."),
    ("season: 2\nepisode-title: The Understudy", "“episode-title:” needs a “episode:” line too."),
    ("trailer: https://example.com/v/1", "“trailer”:"),
    ("trailer: <iframe src=x></iframe>", "“trailer”:"),
])
def test_bad_season_keys_are_clear_errors_at_their_line(lines, message):
    text = "---\nshow: ÉTOILE\n" + lines + "\n---\nA paragraph.\n" + SEASON_TWO_LINE + "\n"
    with pytest.raises(HouseStyleError) as raised:
        parse_review(text)
    errors = every_error(raised.value)
    assert any(message in error.message and error.line >= 3 for error in errors), [e.message for e in errors]


@pytest.mark.django_db
def test_a_trailer_in_the_front_matter_is_the_seasons_or_the_shows():
    import_review(parse_review(season_two("With a trailer", trailer="https://youtu.be/dQw4w9WgXcQ")))
    show = Show.objects.get()
    assert show.trailer == "" and show.season_set.get(number=2).trailer == "youtube:dQw4w9WgXcQ"
    film = "---\nshow: Harbour Lights\ntrailer: https://vimeo.com/76979871\n---\nA paragraph.\n2025 | Portugal | " \
           "DIRECTOR: Catarina d’Almeida | RUNTIME: 118 mins\n"
    review = import_review(parse_review(film)).review
    assert review.show.trailer == "vimeo:76979871"
    assert format_review(house_style_of(review)).startswith(
        "---\nshow: Harbour Lights\nheadline: Harbour Lights\ntrailer: https://vimeo.com/76979871\n---\n")


@pytest.mark.django_db
def test_a_file_without_season_keys_imports_and_exports_as_before():
    first = import_review(parse_review(ETOILE), title="ÉTOILE").review
    assert (first.season, first.episode, first.subject_suffix) == (None, None, "")
    assert not Show.objects.get().season_set.exists()
    text = format_review(house_style_of(first))
    assert "season" not in text.split("\n---\n")[0] and parse_review(text).body == parse_review(ETOILE).body
    assert import_review(parse_review(text)).outcome == "unchanged"


def test_the_season_page_advertises_its_feeds_and_a_feed_reader_reads_them(etoile, client):
    html = client.get("/shows/etoile/season-2/").content.decode()
    assert '<a href="/feeds/shows/etoile/season-2/">RSS</a>' in html
    for url in ("/feeds/shows/etoile/season-2/", "/feeds/shows/etoile/season-2/atom/"):
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.feed.title == "Frame Rate: reviews and recaps of ÉTOILE, season 2"
        assert [entry.title for entry in parsed.entries] == [
            "ÉTOILE, 2×05 ‘The Understudy’: Curtain call", "ÉTOILE, season 2: The company tours, the jokes stay home"]
    show_feed = feedparser.parse(client.get("/feeds/shows/etoile/").content)
    assert len(show_feed.entries) == 3  # the show's feed carries its seasons' reviews


def test_cards_of_season_reviews_and_recaps_are_not_on_the_list_of_every_show(etoile, client):
    """A card names its recap's episode from the review's own row: the home page and the archive do not change
    when some other show is published."""
    for url in ("/", "/reviews/", "/feeds/reviews/"):
        response = client.get(url)
        assert "2×05 ‘The Understudy’" in response.content.decode(), url
        assert "show-list" not in response["Surrogate-Key"].split(), url


def test_a_season_has_one_address_and_keeps_it_when_its_show_is_renamed(etoile, client):
    response = client.get("/shows/etoile/season-02/")
    assert response.status_code == 301 and response["Location"] == "/shows/etoile/season-2/"
    show = Show.objects.get()
    with factories.committing():
        workflow.publish(show, by=None, data={**drafts.content_of(show), "slug": "etoile-the-series"})
    response = client.get("/shows/etoile/season-2/")
    assert response.status_code == 301 and response["Location"] == "/shows/etoile-the-series/season-2/"
    assert client.get(response["Location"]).status_code == 200


def test_a_film_has_no_season_pages(etoile, client):
    Show.objects.update(kind=Show.Kind.FILM)  # a series turned film: its seasons stay in its rows, unshown
    assert client.get("/shows/etoile/season-1/").status_code == 404
    assert client.get("/feeds/shows/etoile/season-1/").status_code == 404
    assert 'id="seasons-heading"' not in client.get("/shows/etoile/").content.decode()
    assert "season-1" not in client.get("/sitemap-seasons.xml").content.decode()


@pytest.mark.django_db
def test_a_season_waiting_in_a_live_shows_draft_exports_as_it_waits_and_reimports_unchanged():
    import_review(parse_review(front(show="ÉTOILE", season=1, author="Marion Vasseur") + ETOILE), publish=True)
    waiting = import_review(parse_review(season_two("The company tours"))).review  # no --publish: in the draft
    assert not Show.objects.get().season_set.filter(number=2).exists()
    text = format_review(house_style_of(waiting))
    assert text.splitlines()[-1].startswith("2026 | US |") and "SEASONS: 2" in text and "Rosa Quintero" in text
    again = import_review(parse_review(text))
    assert again.outcome == "unchanged", again.changes
    rows = drafts.content_of(Show.objects.get())["season_rows"]
    assert [(row["number"], row["year"]) for row in rows] == [(1, 2025), (2, 2026)]
