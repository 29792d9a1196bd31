"""Every public page names what it shows (Surrogate-Key), a publish names what it changed the same way, and the
page cache leaves behind exactly the pages that show a change."""

import re
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from taggit.models import Tag

from editorial import drafts, surrogate_keys, workflow
from editorial.models import ListsJoined
from editorial.publication import public_change
from magazine import page_cache
from people.models import Person
from reviews.models import Review
from shows.models import Show
from tests import factories
from tests.magazine.test_query_counts import build_magazine, pages

pytestmark = pytest.mark.django_db

DETAIL_PAGES = {"reviews:detail": Review, "shows:detail": Show, "people:detail": Person, "tag": Tag}


def keys_of(response) -> set[str]:
    assert response.status_code == 200
    return set(response["Surrogate-Key"].split())


def items_linked(html: str) -> set[str]:
    """The key of every review, show, person and tag the page links to."""
    found = set()
    for path in set(re.findall(r'(?:href="|http://testserver)(/[^"<\s?#]*)', html)):
        try:
            match = resolve(path)
        except Resolver404:
            continue
        model = DETAIL_PAGES.get(match.view_name)
        if model is not None:
            item = model.objects.filter(slug=match.kwargs["slug"]).first()
            if item is not None:
                found.add(f"{model._meta.model_name}-{item.pk}")
    return found


@pytest.fixture
def announced():
    """The keys of each public change sent in the test."""
    sent = []

    def heard(keys, **kwargs):
        sent.append(set(keys))

    public_change.connect(heard, dispatch_uid="test_surrogate_keys.heard")
    yield sent
    public_change.disconnect(dispatch_uid="test_surrogate_keys.heard")


@pytest.fixture
def magazine():
    show, critic, actor = build_magazine(3)
    return show, critic, actor


def test_every_page_type_names_each_item_it_links_to(client, magazine):
    urls = {**pages(*magazine), "sitemap": "/sitemap-reviews.xml", "search": reverse("search") + "?q=counted",
            "show feed": reverse("feeds:show", args=[magazine[0].slug])}
    del urls["archive page 2"]  # three reviews fill one page
    for name, url in urls.items():
        response = client.get(url)
        keys = keys_of(response)
        assert "site" in keys, name
        shown = items_linked(response.content.decode())
        named = {key for key in shown if key in keys or f"{key.rpartition('-')[0]}-any" in keys}
        assert shown and named == shown, (name, shown - named)


def test_lists_are_named_by_what_every_row_shares(client, magazine):
    show, critic, actor = magazine
    tag = Tag.objects.get(slug="counted")
    expected = {
        reverse("home"): {"review-list"},
        reverse("reviews:archive"): {"review-list"},
        reverse("feeds:latest"): {"review-list"},
        reverse("tag", args=["counted"]): {f"review-list/tag-{tag.pk}", f"show-list/tag-{tag.pk}",
                                           f"person-list/tag-{tag.pk}"},
        critic.get_absolute_url(): {f"review-list/person-{critic.pk}"},
        actor.get_absolute_url(): {f"review-list/person-{actor.pk}", f"show-list/person-{actor.pk}"},
        show.get_absolute_url(): {f"review-list/show-{show.pk}"},
        reverse("people:list"): {"person-list", "review-list"},
        reverse("shows:list"): {"show-list", "review-list"},
    }
    for url, lists in expected.items():
        assert lists <= keys_of(client.get(url)), url
    tag_page = keys_of(client.get(reverse("tag", args=["counted"])))
    assert "review-list" not in tag_page  # a new review without the tag leaves it kept
    assert "review-list" not in keys_of(client.get(show.reviews.first().get_absolute_url()))


def test_editors_previews_and_the_admin_get_no_keys(client, magazine):
    review = Review.objects.first()
    assert "Surrogate-Key" in client.get(review.get_absolute_url())
    client.force_login(factories.editor())
    for url in (review.get_absolute_url(), "/", reverse("admin:reviews_review_preview", args=[review.pk]),
                reverse("admin:index")):
        response = client.get(url)
        assert "Surrogate-Key" not in response and "Surrogate-Control" not in response, url


def test_a_new_review_touches_the_lists_it_joins_and_a_correction_only_its_pages(magazine, announced):
    show, critic, actor = magazine
    editor = factories.editor()
    draft = factories.DraftReviewFactory(show=show, critic=critic)
    draft.tags.set(["fresh"])
    fresh = Tag.objects.get(slug="fresh")
    with factories.committing():
        workflow.save_draft(draft, by=editor, data=drafts.content_of(draft))
    assert announced == []  # a draft save touches nothing
    with factories.committing():
        workflow.publish(draft, by=editor)
    joined = {"review-list", f"review-list/show-{show.pk}", f"review-list/person-{critic.pk}",
              f"review-list/person-{actor.pk}", f"review-list/tag-{fresh.pk}"}
    assert joined | {f"review-{draft.pk}"} <= announced[-1]
    assert joined <= set(ListsJoined.objects.get(object_id=draft.pk, model="reviews.Review").keys)

    draft.refresh_from_db()
    _published(draft, editor, {**drafts.content_of(draft), "standfirst": "Put right."})
    assert announced[-1] == {f"review-{draft.pk}", "review-any"}


def _published(item, editor, data):
    with factories.committing():
        workflow.publish(item, by=editor, data=data)
    item.refresh_from_db()
    return item


def test_unpublishing_and_retagging_touch_every_list_before_and_after(announced):
    editor = factories.editor()
    review = factories.LiveReviewFactory()  # made live without the services: they note its lists before they write
    review.tags.set(["one", "two"])
    old = {tag.pk for tag in review.tags.all()}
    _published(review, editor, {**drafts.content_of(review), "tags": ["other"]})
    other = Tag.objects.get(slug="other")
    assert {f"review-list/tag-{pk}" for pk in old} | {f"review-list/tag-{other.pk}", "review-list"} <= announced[-1]
    with factories.committing():
        workflow.unpublish(review, by=editor)
    assert {f"review-list/tag-{other.pk}", "review-list", f"review-list/show-{review.show_id}"} <= announced[-1]
    assert not ListsJoined.objects.filter(object_id=review.pk, model="reviews.Review").exists()


def test_a_deleted_item_touches_what_it_was_on(editor_client, magazine, announced):
    review = Review.objects.first()
    with factories.committing():
        editor_client.post(reverse("admin:reviews_review_delete", args=[review.pk]), {"post": "yes"})
    assert not Review.objects.filter(pk=review.pk).exists()
    assert {f"review-{review.pk}", "review-list", f"review-list/show-{review.show_id}"} <= announced[-1]
    assert not ListsJoined.objects.filter(object_id=review.pk).exists()


@pytest.fixture
def cached(client, page_cache_on):
    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return response["X-Page-Cache"]
    return get


def test_a_publish_leaves_behind_exactly_the_pages_that_show_it(cached, client):
    show, critic = factories.LiveShowFactory(), factories.LivePersonFactory()
    editor = factories.editor()
    first = factories.LiveReviewFactory(show=show, critic=critic)
    factories.LiveReviewFactory(show=show, critic=critic)
    elsewhere_show = factories.LiveShowFactory(title="Elsewhere")
    elsewhere = factories.LiveReviewFactory(show=elsewhere_show, critic=factories.LivePersonFactory())
    watched = {"first": first.get_absolute_url(), "home": "/", "elsewhere": elsewhere.get_absolute_url(),
               "elsewhere show": elsewhere_show.get_absolute_url(), "critic": critic.get_absolute_url()}
    for url in watched.values():
        cached(url)
    assert {name: cached(url) for name, url in watched.items()} == dict.fromkeys(watched, "hit")

    _published(first, editor, {**drafts.content_of(first), "standfirst": "A corrected standfirst."})
    outcome = {name: cached(url) for name, url in watched.items()}
    assert outcome == {"first": "miss", "home": "miss", "elsewhere": "hit", "elsewhere show": "hit", "critic": "miss"}
    assert "A corrected standfirst." in client.get(first.get_absolute_url()).content.decode()

    newcomer = factories.DraftReviewFactory(show=elsewhere_show, headline="A newcomer")
    for url in watched.values():
        cached(url)
    with factories.committing():
        workflow.publish(newcomer, by=editor)
    outcome = {name: cached(url) for name, url in watched.items()}
    assert outcome["home"] == outcome["elsewhere show"] == outcome["elsewhere"] == "miss"  # it joined them
    assert outcome["first"] == outcome["critic"] == "hit"  # another show, another critic, no shared tag
    assert "A newcomer" in client.get(elsewhere_show.get_absolute_url()).content.decode()


def test_a_page_made_from_data_read_before_a_publish_is_never_kept_as_the_new_one(client, page_cache_on, magazine):
    review = Review.objects.first()
    url = review.get_absolute_url()
    response = client.get(url)
    meta = response.wsgi_request.META
    reading, _, _ = page_cache.kept_for(meta)
    stored, bodies = page_cache.StoredPage.of(response, reading.clock)
    page_cache.touch({f"review-{review.pk}"})  # the publish commits while the old page is still being made
    address = page_cache.page_address(meta)
    assert not page_cache.store(reading.generation, address, stored, bodies, 300)
    cache.set(page_cache.page_key(reading.generation, address), stored)  # kept anyway, by a process that raced
    assert page_cache.kept_for(meta)[1] is None


def test_the_edge_is_told_how_long_to_keep_a_page_and_never_past_a_scheduled_publication(client, magazine):
    assert client.get("/")["Surrogate-Control"] == "max-age=21600"
    factories.ScheduledReviewFactory(published_at=timezone.now() + timedelta(seconds=90))
    page_cache.touch({"site"})
    seconds = int(client.get("/")["Surrogate-Control"].removeprefix("max-age="))
    assert 60 < seconds <= 90


def test_a_kept_page_tells_the_edge_only_what_is_left_of_its_life(client, page_cache_on, magazine):
    review = Review.objects.first()
    miss = client.get(review.get_absolute_url())
    assert miss["X-Cache"] == "MISS" and miss["Surrogate-Control"] in ("max-age=300", "max-age=299")
    time.sleep(1.1)
    hit = client.get(review.get_absolute_url())
    assert hit["X-Cache"] == "HIT" and 290 < int(hit["Surrogate-Control"].removeprefix("max-age=")) <= 298


def test_a_show_crediting_someone_new_touches_the_list_of_reviews_of_their_work(announced):
    show = factories.LiveShowFactory()
    factories.LiveReviewFactory(show=show)
    newcomer = factories.LivePersonFactory()
    editor = factories.editor()
    with factories.committing():
        workflow.publish(show, by=editor)  # its lists noted, credits and all
    data = drafts.content_of(show)
    data["credits"] = [*data.get("credits", []), {"person": newcomer.pk, "role": "cast", "character": "A newcomer",
                                                  "note": "", "order": 9}]
    _published(show, editor, data)
    assert {f"show-list/person-{newcomer.pk}", f"review-list/person-{newcomer.pk}"} <= announced[-1]


def test_a_new_review_of_the_same_show_joins_more_like_this_on_the_next_render(client, page_cache_on):
    show = factories.LiveShowFactory()
    first = factories.LiveReviewFactory(show=show)
    assert client.get(first.get_absolute_url())["X-Page-Cache"] == "miss"
    newcomer = factories.DraftReviewFactory(show=show, headline="Another view of it")
    with factories.committing():
        workflow.publish(newcomer, by=factories.editor())
    again = client.get(first.get_absolute_url())  # the page, and the related ids the process kept, made again
    assert again["X-Page-Cache"] == "miss" and "Another view of it" in again.content.decode()


def test_more_like_this_is_left_be_by_reviews_added_later_and_reached_by_one_joining_its_stretch(cached, client,
                                                                                                  monkeypatch):
    monkeypatch.setattr(surrogate_keys, "STRETCH", 1)  # a stretch of one id: every review here is in its own
    editor = factories.editor()
    tagged = [factories.LiveReviewFactory(headline=f"Tagged {n}") for n in range(4)]
    joins_later = factories.LiveReviewFactory(headline="Tagged between")  # among them by id, not yet tagged
    shown = factories.LiveReviewFactory(headline="The page watched")
    for review in [*tagged, shown]:
        review.tags.set(["ballet"])
    url = shown.get_absolute_url()
    keys = keys_of(client.get(url))
    tag = Tag.objects.get(slug="ballet")
    assert f"review-list/tag-{tag.pk}" not in keys and f"review-list/tag-{tag.pk}@any" in keys
    cached(url)
    assert cached(url) == "hit"

    newcomer = factories.DraftReviewFactory(headline="Added later")
    newcomer.tags.set(["ballet"])
    with factories.committing():
        workflow.publish(newcomer, by=editor)
    assert cached(url) == "hit"  # added after the page's review: never one of its related
    assert "Added later" not in client.get(url).content.decode()

    _published(joins_later, editor, {**drafts.content_of(joins_later), "tags": ["ballet"]})
    assert cached(url) == "miss"  # it joined the stretch of the tag's list the page drew from
    assert "Tagged between" in client.get(url).content.decode()
