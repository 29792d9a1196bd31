"""The shared cache (Redis in production) is an optimisation, never a dependency.

Every caller that can live without the cache asks through ``attempt``: when the cache
cannot be reached the caller gets its default and the site carries on, uncached.
"""

import logging

from django.core.cache import cache
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
