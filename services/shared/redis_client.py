"""One Redis connection pool per process for naba's own keys (not the broker's)."""

from __future__ import annotations

from functools import lru_cache

import redis

from .settings import get_settings

PREFIX = "naba:"


@lru_cache(maxsize=4)
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, health_check_interval=25)


def get_redis() -> redis.Redis:
    return _client(get_settings().redis_url)
