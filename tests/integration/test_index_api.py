"""``GET /search`` against the real engine: query, filters, facets, highlighting, pagination, OpenAPI."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from services.index.engine import SearchEngine
from services.index.indexer import ensure_index, write_articles
from services.shared.schema import Article, DateMention, Entity
from services.shared.settings import get_settings

from .test_index_fixtures import index_prefix, search_engine  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration


def _articles() -> list[Article]:
    def ent(name: str, typ: str) -> Entity:
        return Entity(text=name, name=name, type=typ, start=0, end=len(name))  # type: ignore[arg-type]

    return [
        Article(id="a1", source="s1", sitename="عربي21", title="حفتر يصل إلى موسكو", language="ar",
                text="وصل المشير خليفة حفتر إلى موسكو للقاء وزير الخارجية الروسي.", published="2019-04-05",
                entities=[ent("خليفة حفتر", "PER"), ent("موسكو", "LOC")],
                dates=[DateMention(text="2011", value="2011", start=0, end=4)]),
        Article(id="a2", source="s2", sitename="الجزيرة", title="الوزير في بيروت", language="ar",
                text="التقى الوزير اللبناني نظيره في بيروت لبحث الأزمة.", published="2019-05-10",
                entities=[ent("بيروت", "LOC")], sources=["رويترز"]),
        Article(id="a3", source="s3", sitename="عربي21", title="أسعار اللبن ترتفع", language="ar",
                text="ارتفعت أسعار اللبن والحليب في الأسواق.", published="2020-01-02"),
    ]


@pytest.fixture
def client(search_engine: SearchEngine, index_prefix: str) -> TestClient:  # noqa: F811
    from services.index.api import create_app

    ensure_index(search_engine, index_prefix)
    assert not write_articles(search_engine, index_prefix, _articles(), refresh=True).rejected
    settings = get_settings().model_copy(update={"index_prefix": index_prefix})
    return TestClient(create_app(lambda: search_engine, settings))


def test_search_query_highlight_entities(client: TestClient) -> None:
    r = client.get("/search", params={"q": "بموسكو"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1
    hit = body["hits"][0]
    assert hit["id"] == "a1" and hit["source"] == "عربي21" and hit["published"] == "2019-04-05"
    assert "«موسكو»" in hit["title"] and "«موسكو»" in hit["snippet"]
    assert hit["entities"] == {"PER": ["خليفة حفتر"], "LOC": ["موسكو"]}


def test_lebanon_is_not_yogurt_and_minister_meets_the_minister(client: TestClient) -> None:
    assert {h["id"] for h in client.get("/search", params={"q": "لبنان"}).json()["hits"]} == {"a2"}
    assert {h["id"] for h in client.get("/search", params={"q": "اللبن"}).json()["hits"]} == {"a3"}
    assert {h["id"] for h in client.get("/search", params={"q": "وزير"}).json()["hits"]} == {"a1", "a2"}
    assert {h["id"] for h in client.get("/search", params={"q": "روسيا"}).json()["hits"]} == {"a1"}


def test_filters_facets_and_pagination(client: TestClient) -> None:
    every = client.get("/search", params={"size": 2}).json()
    assert every["total"] == 3 and len(every["hits"]) == 2
    assert len(client.get("/search", params={"size": 2, "page": 2}).json()["hits"]) == 1
    facets = every["facets"]
    assert {"key": "عربي21", "count": 2} in facets["sitename"]
    assert {b["key"] for b in facets["LOC"]} == {"موسكو", "بيروت"}
    assert sum(b["count"] for b in facets["published"]) == 3
    assert facets["mentioned"][0]["count"] == 1
    r = client.get("/search", params={"entity": "موسكو", "entity_type": "LOC"}).json()
    assert [h["id"] for h in r["hits"]] == ["a1"]
    r = client.get("/search", params={"source": "رويترز"}).json()
    assert [h["id"] for h in r["hits"]] == ["a2"]
    r = client.get("/search", params={"published_from": "2019-05-01", "published_to": "2019-12-31"}).json()
    assert [h["id"] for h in r["hits"]] == ["a2"]
    r = client.get("/search", params={"mentioned_from": "2010-01-01", "mentioned_to": "2012-01-01"}).json()
    assert [h["id"] for h in r["hits"]] == ["a1"]
    r = client.get("/search", params={"q": '"وزير الخارجية"'}).json()
    assert [h["id"] for h in r["hits"]] == ["a1"]
    assert client.get("/search", params={"page": 0}).status_code == 422


def test_openapi_documents_search(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/search"]["get"]["parameters"]}
    assert {"q", "entity", "entity_type", "source", "language", "published_from", "mentioned_to", "page"} <= params
    assert client.get("/docs").status_code == 200
