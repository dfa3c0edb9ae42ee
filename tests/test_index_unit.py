"""Unit tests for index documents, bulk result parsing and query building."""

from __future__ import annotations

from services.index.documents import to_document
from services.index.engine import _bulk_lines, _item_result
from services.index.indexer import template, template_version, versioned_name, write_alias
from services.index.search import SearchRequest, build_query
from services.shared.schema import Article, DateMention, Entity


def _article() -> Article:
    text = "قال حفتر في موسكو"
    return Article(
        id="a1", source="s.txt", title="ﻻ عنوان", text=text,
        entities=[
            Entity(text="حفتر", name="خليفة حفتر", type="PER", start=4, end=8, key="خليفه حفتر"),
            Entity(text="موسكو", name="موسكو", type="LOC", start=12, end=17, key="موسكو"),
            Entity(text="حفتر", name="خليفة حفتر", type="PER", start=4, end=8, key="خليفه حفتر"),
        ],
        dates=[DateMention(text="2011", value="2011", start=0, end=4),
               DateMention(text="11 يناير", value="XXXX-01-11", start=0, end=8)],
    )


def test_document_has_facets_mentions_and_only_full_dates_in_the_date_field() -> None:
    doc = to_document(_article())
    assert doc["entities"] == {"PER": ["خليفة حفتر"], "LOC": ["موسكو"]}
    assert len(doc["mentions"]) == 3
    assert doc["dates_mentioned"] == ["2011"]
    assert {d["value"] for d in doc["date_mentions"]} == {"2011", "XXXX-01-11"}
    assert doc["title"] == "لا عنوان"  # NFKC folds the lam-alef ligature before indexing


def test_document_fields_are_all_mapped_strictly() -> None:
    mapped = set(template()["mappings"]["properties"])
    assert set(to_document(_article())) <= mapped
    assert template()["mappings"]["dynamic"] == "strict"


def test_bulk_lines_and_item_results() -> None:
    lines = list(_bulk_lines([{"_index": "i", "_id": "1", "_source": {"a": 1}}]))
    assert lines == [{"index": {"_index": "i", "_id": "1"}}, {"a": 1}]
    ok = _item_result({"index": {"_id": "1", "status": 201}})
    assert ok.ok and not ok.transient
    busy = _item_result({"index": {"_id": "2", "status": 429, "error": {"type": "es_rejected_execution_exception",
                                                                       "reason": "queue full"}}})
    assert not busy.ok and busy.transient and "queue full" in busy.error
    bad = _item_result({"index": {"_id": "3", "status": 400, "error": {
        "type": "mapper_parsing_exception", "reason": "failed to parse",
        "caused_by": {"type": "illegal_argument_exception", "reason": "bad date"}}}})
    assert not bad.ok and not bad.transient and "bad date" in bad.error


def test_names_of_versioned_index_and_aliases() -> None:
    assert versioned_name("naba-articles", template_version()) == f"naba-articles-v{template_version()}"
    assert write_alias("naba-articles") == "naba-articles-write"


def test_query_combines_text_filters_and_facets() -> None:
    body = build_query(SearchRequest(query="ﻻ حفتر", entity=["موسكو"], entity_type="LOC", language="ar",
                                     published_from="2019-01-01", page=2, size=5))
    must = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert must[0]["multi_match"]["query"] == "لا حفتر"
    assert any("exact" in f for m in must for f in m["multi_match"]["fields"])
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"entities.LOC": "موسكو"}} in filters
    assert {"range": {"published": {"gte": "2019-01-01"}}} in filters
    assert body["from"] == 5 and body["size"] == 5
    assert {"PER", "LOC", "ORG", "sources", "published"} <= set(body["aggs"])
