"""The shared cache is an optimisation, never a dependency, and never wrong: not inside an editor's transaction,
not while Redis is down, not when it comes back. Real Redis servers and gunicorn where it matters."""


import pytest
from django.core.cache import cache
from django.urls import reverse

from magazine import page_cache
from magazine.models import PageCacheDebt
from reviews.models import Review
from tests import factories
from tests.paths import SAMPLES
from tests.servers import Redis, Site, fetch

SAMPLE = SAMPLES / "etoile.txt"


@pytest.mark.django_db
def test_without_the_cache_readers_get_pages_and_editors_log_in_import_and_publish(client, unreachable_cache):
    review = factories.LiveReviewFactory()
    for url in ["/", review.get_absolute_url(), review.show.get_absolute_url(), reverse("feeds:latest"),
                "/sitemap.xml", "/search/?q=review"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response, url  # served uncached
    editor = factories.editor()
    login = client.post(reverse("admin:login"), {"username": editor.username, "password": "correct horse battery",
                                                 "next": "/admin/"})
    assert login.status_code == 302  # the login throttle lets people in without its counters
    draft = factories.DraftReviewFactory(headline="Written during the outage")
    change = reverse("admin:reviews_review_change", args=[draft.pk])
    assert client.get(change).status_code == 200
    assert client.post(reverse("admin:reviews_review_presence", args=[draft.pk])).json() == {"others": []}
    imported = client.post(reverse("admin:reviews_review_import"),
                           {"text": SAMPLE.read_text(encoding="utf-8"), "title": "ÉTOILE"})
    assert imported.status_code == 302
    with factories.committing():
        workflow_publish = client.post(reverse("admin:reviews_review_changelist"),
                                       {"action": "publish", "_selected_action": [draft.pk]}, follow=True)
    assert workflow_publish.status_code == 200 and Review.objects.get(pk=draft.pk).is_live
    assert PageCacheDebt.objects.count() == 1  # the invalidation the cache could not take is owed


@pytest.mark.django_db
def test_an_owed_invalidation_is_paid_before_the_cache_is_read_again(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    review = factories.LiveReviewFactory(headline="Before the outage")
    page_cache.distrust()
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    Review.objects.filter(pk=review.pk).update(headline="Published during the outage")
    PageCacheDebt.objects.create()  # what a publish leaves when the cache does not answer
    page_cache.distrust()  # this process saw the outage
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss" and "Published during the outage" in response.content.decode()
    assert not PageCacheDebt.objects.exists()


PUBLISH = """
import urllib.request
from django.db import transaction
from editorial import workflow
from reviews.models import Review
review = Review.objects.drafts().order_by("pk").first()
with transaction.atomic():
    review.headline = {headline!r}
    review.save()
    workflow.publish(review, by=None)
    during = [urllib.request.urlopen({url!r}, timeout=10).read().decode() for _ in range(6)]
    print("readers saw the old page during the transaction:", all({headline!r} not in page for page in during))
"""


@pytest.fixture
def site(tmp_path):
    redis = Redis(tmp_path / "redis")
    redis.start()
    site = Site(tmp_path, redis.url)
    site.redis = redis
    site.start()
    yield site
    site.stop()
    if redis.process.poll() is None:
        redis.stop()


def test_a_reader_during_an_editors_open_transaction_never_leaves_the_old_page_cached(site):
    before = [fetch(site.url()) for _ in range(8)]
    assert all("Brand-new headline" not in page for page in before)
    out = site.python(PUBLISH.format(headline="Brand-new headline", url=site.url()))
    assert "readers saw the old page during the transaction: True" in out  # and the page cache kept it
    after = [fetch(site.url()) for _ in range(12)]
    assert all("Brand-new headline" in page for page in after)


def test_redis_stopped_and_back_the_site_answers_and_no_old_page_is_served(site):
    before = [fetch(site.url()) for _ in range(8)]  # both workers fill and read the cache
    review_url = site.python("from reviews.models import Review; print(Review.objects.live().first()"
                             ".get_absolute_url())").strip()
    site.redis.stop()
    for path in ["/", review_url, "/feeds/reviews/", "/reviews/"] * 3:
        fetch(site.url(path))  # 200, uncached
    site.manage("import_review", str(SAMPLE), "--title", "ÉTOILE", "--publish")
    site.python(PUBLISH.format(headline="Published while Redis was down", url=site.url()))
    assert site.python("from magazine.models import PageCacheDebt; print(PageCacheDebt.objects.count())").strip() \
        != "0"
    site.redis.start()
    assert site.redis.keys("*page:*")  # the pages cached before the outage came back with Redis
    after = [fetch(site.url()) for _ in range(12)]
    assert all("Published while Redis was down" in page and "ÉTOILE" in page for page in after)
    assert all("Brand-new" not in page for page in before)
