"""Article → search document: the shape search consumers and dashboards query."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from services.shared.schema import Article, now_iso

_FULL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def to_document(article: Article) -> dict[str, Any]:
    """Flatten entities into per-type keyword arrays (facets) beside nested mentions (offsets)."""
    by_type: dict[str, list[str]] = {}
    for e in article.entities:
        names = by_type.setdefault(e.type, [])
        if e.name not in names:
            names.append(e.name)
    keys = sorted({e.key or e.name for e in article.entities})
    return {
        "id": article.id,
        "title": nfkc(article.title),
        "text": nfkc(article.text),
        "summary": nfkc(article.summary),
        "url": article.url,
        "source": article.source,
        "sitename": article.sitename,
        "author": article.author,
        "language": article.language,
        "published": article.published,
        "ingested_at": now_iso(),
        "fetched_at": article.fetched_at,
        "dateline": article.dateline,
        "sources": article.sources,
        "entities": by_type,
        "entity_keys": keys,
        "mentions": [e.model_dump() for e in article.entities],
        # Only dates whose year is known can live in a date field; XXXX-MM stays in date_mentions.
        "dates_mentioned": sorted({d.value for d in article.dates if _FULL_DATE.match(d.value)}),
        "date_mentions": [d.model_dump() for d in article.dates],
        "content_hash": article.content_hash,
        "duplicate_of": article.duplicate_of,
        "provenance": article.provenance.model_dump(),
    }


def nfkc(text: str | None) -> str:
    """The ICU plugin is not on every cluster, so NFKC happens in Python, for documents and queries alike."""
    return unicodedata.normalize("NFKC", text or "")
