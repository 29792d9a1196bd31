"""Redis as the README's production settings give it: a memory limit, and an eviction policy that drops pages
(which all expire) before anything the cache cannot do without. Pages evicted are misses, never stale."""

import re

import pytest
from django.core.cache import cache

from magazine import page_cache
from tests.paths import ROOT
from tests.servers import Redis


def production_redis_settings() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text()
    return dict(re.findall(r"^\s*(maxmemory(?:-policy)?)\s+(\S+)\s*$", readme, flags=re.MULTILINE))


def test_the_readme_gives_redis_a_memory_limit_and_the_policy_the_cache_is_built_for():
    found = production_redis_settings()
    assert found.get("maxmemory") and found.get("maxmemory-policy") == "volatile-lru"


@pytest.fixture
def small_redis(tmp_path, settings):
    redis = Redis(tmp_path / "redis", "--maxmemory", "4mb", "--maxmemory-policy",
                  production_redis_settings()["maxmemory-policy"])
    redis.start()
    settings.CACHES = {"default": {"BACKEND": "editorial.shared_cache.RedisCache", "LOCATION": redis.url,
                                   "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.distrust()
    yield redis
    page_cache.distrust()
    redis.stop()


@pytest.mark.django_db
def test_a_full_cache_drops_old_pages_and_keeps_its_generation_and_clock(small_redis):
    start, clock = page_cache.generation(), page_cache.read_clock({})
    page = page_cache.StoredPage(200, (("Content-Type", "text/html"),), '"one"', ("",), ("site",), clock)
    for n in range(200):  # 200 pages of 50 KB: twice what the limit holds
        assert page_cache.store(start, f"GET:http://testserver/page/{n}/", page, {"": b"x" * 50_000}, 300)
    assert cache.get(page_cache.GENERATION) == start
    # The oldest went (Redis's LRU is approximate, sampling keys: most of the oldest, not each one).
    oldest = [cache.get(page_cache.page_key(start, f"GET:http://testserver/page/{n}/")) for n in range(50)]
    assert sum(page is None for page in oldest) >= 40
    assert cache.get(page_cache.page_key(start, "GET:http://testserver/page/199/")) is not None
    page_cache.touch({"site"})
    assert page_cache.generation() == start and cache.get(page_cache.CLOCK) == clock + 1


@pytest.mark.django_db
def test_a_clock_lost_with_the_cache_never_comes_back_to_an_old_one(small_redis):
    start = page_cache.read_clock({})
    for _ in range(3):
        page_cache.touch({"site"})
    cache.delete(page_cache.CLOCK)  # as an eviction or a restart of an empty Redis would
    assert page_cache.read_clock({}) > start + 3
