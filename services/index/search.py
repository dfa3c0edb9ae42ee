"""Query building for ``naba search`` and the HTTP API: one function, the same JSON for both engines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .documents import nfkc

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
HIGHLIGHT_PRE, HIGHLIGHT_POST = "«", "»"


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
    facet_size: int = 10
    histogram_interval: str = "month"


def build_query(req: SearchRequest) -> dict[str, Any]:
    """Title outweighs body; the unstemmed ``.exact`` fields reward phrase and name matches."""
    must: list[dict[str, Any]] = []
    filters: list[dict[str, Any]] = []
    phrases, q = split_phrases(nfkc(req.query))
    for phrase in phrases:  # "…" or «…»: must appear as written (clitics on known names aside), no stemming
        must.append({"multi_match": {"query": phrase, "fields": ["title.exact^2", "text.exact", "summary.exact"],
                                     "type": "phrase"}})
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
        filters.append({"bool": {"should": [{"term": {"sitename": req.source}}, {"term": {"sources": req.source}},
                                            {"term": {"source": req.source}}]}})
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
        "track_total_hits": True,
        "highlight": {
            "fields": {
                "text": {"fragment_size": 160, "number_of_fragments": 2, "no_match_size": 160},
                "title": {"number_of_fragments": 0},
            },
            "pre_tags": [HIGHLIGHT_PRE],
            "post_tags": [HIGHLIGHT_POST],
        },
        "aggs": {
            **{t: {"terms": {"field": f"entities.{t}", "size": req.facet_size}} for t in ENTITY_TYPES},
            "sources": {"terms": {"field": "sources", "size": req.facet_size}},
            "sitename": {"terms": {"field": "sitename", "size": req.facet_size}},
            "published": {"date_histogram": {"field": "published", "calendar_interval": req.histogram_interval,
                                             "min_doc_count": 1}},
            "mentioned": {"date_histogram": {"field": "dates_mentioned", "calendar_interval": "year",
                                             "min_doc_count": 1}},
        },
    }


@dataclass
class Hit:
    id: str
    score: float | None
    title: str
    published: str | None
    source: str
    url: str | None
    snippet: str
    entities: dict[str, list[str]]


@dataclass
class SearchResult:
    total: int
    page: int
    size: int
    hits: list[Hit]
    facets: dict[str, list[dict[str, Any]]]


def parse_response(resp: dict[str, Any], req: SearchRequest) -> SearchResult:
    """Engine response → what a reader needs: highlighted title/snippet, source, date, entities, facets."""
    hits = []
    for h in resp["hits"]["hits"]:
        src = h.get("_source", {})
        hl = h.get("highlight", {})
        snippet = " … ".join(hl.get("text", [])) or (src.get("summary") or "")[:160]
        hits.append(Hit(
            id=h["_id"],
            score=h.get("_score"),
            title=(hl.get("title") or [src.get("title", "")])[0],
            published=src.get("published"),
            source=src.get("sitename") or src.get("source", ""),
            url=src.get("url"),
            snippet=snippet,
            entities={k: v for k, v in (src.get("entities") or {}).items() if v},
        ))
    total = resp["hits"]["total"]
    facets: dict[str, list[dict[str, Any]]] = {}
    for name, agg in (resp.get("aggregations") or {}).items():
        facets[name] = [
            {"key": b.get("key_as_string", b["key"]), "count": b["doc_count"]} for b in agg.get("buckets", [])
        ]
    return SearchResult(
        total=int(total["value"] if isinstance(total, dict) else total),
        page=req.page,
        size=req.size,
        hits=hits,
        facets=facets,
    )


_PHRASE = re.compile(r'"([^"]+)"|«([^»]+)»')


def split_phrases(query: str) -> tuple[list[str], str]:
    """Quoted phrases (ASCII quotes or guillemets) and the remaining free text."""
    phrases = [a or b for a, b in _PHRASE.findall(query)]
    rest = _PHRASE.sub(" ", query)
    return [p.strip() for p in phrases if p.strip()], " ".join(rest.split())


def _range(lo: str | None, hi: str | None) -> dict[str, str]:
    r: dict[str, str] = {}
    if lo:
        r["gte"] = lo
    if hi:
        r["lte"] = hi
    return r
