"""Documents on the real engine: full mapping round trip, strict mapping, and a bulk batch with one bad document."""

from __future__ import annotations

import pytest

from services.index.documents import to_document
from services.index.engine import SearchEngine
from services.index.indexer import ensure_index, read_alias, write_alias, write_articles
from services.index.writer import BulkWriter
from services.shared.schema import Article, DateMention, Entity, Provenance

from .test_index_fixtures import index_prefix, search_engine  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration

TEXT = "قال المشير خليفة حفتر في موسكو يوم 5 أبريل 2019 إن قواته ستواصل تقدمها."


def full_article(i: int = 0, **over: object) -> Article:
    fields: dict[str, object] = dict(
        id=f"art-{i}", source="seed.txt", url=f"https://example.org/{i}", title="حفتر في موسكو",
        text=TEXT, summary="زيارة حفتر إلى موسكو", published="2019-04-05T02:04:00+00:00", language="ar",
        sitename="عربي21", author="مراسل", dateline="موسكو", sources=["رويترز", "الأناضول"],
        entities=[
            Entity(text="خليفة حفتر", name="خليفة حفتر", type="PER", start=11, end=21, key="خليفه حفتر"),
            Entity(text="موسكو", name="موسكو", type="LOC", start=25, end=30, key="موسكو"),
        ],
        dates=[
            DateMention(text="5 أبريل 2019", value="2019-04-05", start=35, end=47),
            DateMention(text="1 رمضان 1440", value="2019-05-06", start=0, end=5, calendar="hijri",
                        original="1440-09-01"),
            DateMention(text="11 يناير", value="XXXX-01-11", start=0, end=8, relative=False),
        ],
        content_hash="ab" * 32, duplicate_of=None,
        provenance=Provenance(extractor="trafilatura", ner_model="crf-1", dates_version="1",
                              stages=["ingest", "enrich"]),
    )
    fields.update(over)
    return Article(**fields)  # type: ignore[arg-type]


def test_full_document_round_trip(search_engine: SearchEngine, index_prefix: str) -> None:  # noqa: F811
    ensure_index(search_engine, index_prefix)
    article = full_article()
    outcome = write_articles(search_engine, index_prefix, [article], refresh=True)
    assert outcome.indexed == [article.id] and not outcome.rejected
    got = search_engine.get(read_alias(index_prefix), article.id)
    assert got is not None
    expected = to_document(article)
    source = got["_source"]
    expected.pop("ingested_at"), source.pop("ingested_at")
    assert source == expected
    # every field is searchable the way it is mapped
    def hits(query: dict) -> int:
        return search_engine.count(read_alias(index_prefix), {"query": query})
    assert hits({"term": {"entities.PER": "خليفه حفتر"}}) == 1  # the normalizer folds ة
    assert hits({"nested": {"path": "mentions", "query": {"term": {"mentions.type": "LOC"}}}}) == 1
    assert hits({"range": {"dates_mentioned": {"gte": "2019-05-01", "lte": "2019-05-31"}}}) == 1
    assert hits({"nested": {"path": "date_mentions", "query": {"term": {"date_mentions.calendar": "hijri"}}}}) == 1
    assert hits({"term": {"provenance.stages": "enrich"}}) == 1
    assert hits({"match": {"text": "بموسكو"}}) == 1
    assert hits({"term": {"sources": "رويترز"}}) == 1


def test_strict_mapping_rejects_an_unknown_field(search_engine: SearchEngine, index_prefix: str) -> None:  # noqa: F811
    ensure_index(search_engine, index_prefix)
    doc = {**to_document(full_article()), "surprise": "x"}
    outcome = BulkWriter(search_engine, write_alias(index_prefix), refresh=True).add_many([("odd", doc)])
    assert "odd" in outcome.rejected and not outcome.indexed
    assert "strict_dynamic_mapping" in outcome.rejected["odd"]


def test_bulk_batch_with_one_bad_document(search_engine: SearchEngine, index_prefix: str) -> None:  # noqa: F811
    ensure_index(search_engine, index_prefix)
    articles = [full_article(i) for i in range(20)]
    articles[7] = full_article(7, published="not a date at all")
    outcome = write_articles(search_engine, index_prefix, articles, refresh=True, max_docs=8)
    assert set(outcome.rejected) == {"art-7"}
    assert "published" in outcome.rejected["art-7"] and "parse" in outcome.rejected["art-7"]
    assert len(outcome.indexed) == 19 and not outcome.transient
    assert outcome.requests == 3  # 20 documents in batches of at most 8
    assert search_engine.count(read_alias(index_prefix)) == 19
