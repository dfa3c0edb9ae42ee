"""Content store: articles travel between stages by id, their bodies sit in Redis.

Kombu base64-encodes JSON bodies, so a 32,000-character Arabic article would become a
~229 KB message copied through every queue. Instead each stage writes the article as
zstd-compressed JSON under ``naba:article:<id>`` (with a TTL, refreshed on every write)
and the message carries only the id. Dead-lettered articles are made persistent so
nothing is lost while a person looks at them.
"""

from __future__ import annotations

import redis
import zstandard

from .redis_client import PREFIX, get_redis
from .schema import Article
from .settings import get_settings

_ZC = zstandard.ZstdCompressor(level=3)
_ZD = zstandard.ZstdDecompressor()


class MissingArticle(LookupError):
    """The id is not in the store: expired, or never written."""


def _key(article_id: str) -> str:
    return f"{PREFIX}article:{article_id}"


def encode(article: Article) -> bytes:
    return _ZC.compress(article.model_dump_json().encode("utf-8"))


def decode(blob: bytes) -> Article:
    return Article.model_validate_json(_ZD.decompress(blob))


def put(article: Article, client: redis.Redis | None = None) -> None:
    (client or get_redis()).set(_key(article.id), encode(article), ex=get_settings().content_ttl)


def get(article_id: str, client: redis.Redis | None = None) -> Article:
    blob = (client or get_redis()).get(_key(article_id))
    if blob is None:
        raise MissingArticle(f"article {article_id} is not in the content store (expired or never written)")
    return decode(blob)


def keep(article_id: str, client: redis.Redis | None = None) -> None:
    """Drop the TTL so a dead-lettered article outlives the store's retention."""
    (client or get_redis()).persist(_key(article_id))
