"""The shared cache (Redis in production) is an optimisation, never a dependency.

Every caller that can live without the cache asks through ``attempt``: when the cache
cannot be reached the caller gets its default and the site carries on, uncached.
"""

import logging

from django.core.cache import cache
from django.core.cache.backends import redis as redis_backend
from redis.exceptions import RedisError

UNREACHABLE = (RedisError, OSError)

logger = logging.getLogger(__name__)


def attempt(operation: str, *args, default=None, **kwargs):
    """``cache.<operation>(*args, **kwargs)``, or ``default`` when the cache does not answer."""
    try:
        return getattr(cache, operation)(*args, **kwargs)
    except UNREACHABLE as error:
        logger.warning("Shared cache unreachable (%s %s): %s", operation, args[:1], error)
        return default


class RedisCacheClient(redis_backend.RedisCacheClient):
    """Django's client, keeping one redis.Redis per connection pool instead of making one per command.

    A redis.Redis builds its table of reply parsers (some two hundred entries) when it is made: about 0.1 ms,
    most of what a page cache hit cost. A redis.Redis on a pool is safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class RedisCache(redis_backend.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
