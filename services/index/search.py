"""Query building for ``naba search`` and the HTTP API: one function, the same JSON for both engines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .documents import nfkc


@dataclass
class SearchRequest:
    query: str = ""
    entity: list[str] = field(default_factory=list)
    entity_type: str | None = None
    source: str | None = None
    language: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    mentioned_from: str | None = None
    mentioned_to: str | None = None
    page: int = 1
    size: int = 10


def build_query(req: SearchRequest) -> dict[str, Any]:
    """Title outweighs body; the unstemmed ``.exact`` fields reward phrase and name matches."""
    must: list[dict[str, Any]] = []
    filters: list[dict[str, Any]] = []
    q = nfkc(req.query).strip()
    if q:
        must.append(
            {
                "bool": {
                    "should": [
                        {"multi_match": {"query": q, "fields": ["title^3", "text"], "type": "best_fields"}},
                        {"multi_match": {"query": q, "fields": ["title.exact^4", "text.exact^2"], "type": "phrase"}},
                        {"multi_match": {"query": q, "fields": ["title.exact^2", "text.exact"], "operator": "and"}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
    for name in req.entity:
        field_name = f"entities.{req.entity_type}" if req.entity_type else None
        if field_name:
            filters.append({"term": {field_name: nfkc(name)}})
        else:
            filters.append(
                {"bool": {"should": [{"term": {f"entities.{t}": nfkc(name)}} for t in ("PER", "LOC", "ORG", "MISC")]}}
            )
    if req.entity_type and not req.entity:
        filters.append({"exists": {"field": f"entities.{req.entity_type}"}})
    if req.source:
        filters.append({"bool": {"should": [{"term": {"sitename": req.source}}, {"term": {"sources": req.source}}]}})
    if req.language:
        filters.append({"term": {"language": req.language}})
    if req.published_from or req.published_to:
        filters.append({"range": {"published": _range(req.published_from, req.published_to)}})
    if req.mentioned_from or req.mentioned_to:
        filters.append({"range": {"dates_mentioned": _range(req.mentioned_from, req.mentioned_to)}})
    return {
        "query": {"bool": {"must": must or [{"match_all": {}}], "filter": filters}},
        "from": max(0, (req.page - 1) * req.size),
        "size": req.size,
        "_source": {"excludes": ["text", "mentions", "date_mentions"]},
        "highlight": {
            "fields": {"text": {"fragment_size": 160, "number_of_fragments": 2}, "title": {"number_of_fragments": 0}},
            "pre_tags": ["«"],
            "post_tags": ["»"],
        },
        "aggs": {
            "PER": {"terms": {"field": "entities.PER", "size": 10}},
            "LOC": {"terms": {"field": "entities.LOC", "size": 10}},
            "ORG": {"terms": {"field": "entities.ORG", "size": 10}},
            "sources": {"terms": {"field": "sources", "size": 10}},
            "published": {"date_histogram": {"field": "published", "calendar_interval": "month", "min_doc_count": 1}},
        },
    }


def _range(lo: str | None, hi: str | None) -> dict[str, str]:
    r = {}
    if lo:
        r["gte"] = lo
    if hi:
        r["lte"] = hi
    return r
