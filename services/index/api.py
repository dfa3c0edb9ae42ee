"""HTTP search API: ``GET /search`` over the read alias, with facets and highlighting.

Thin on purpose: the query is ``search.build_query`` (the same one ``naba search`` uses)
and the response is ``search.parse_response``, so the CLI and the API cannot drift apart.
OpenAPI docs are served at ``/docs`` (Swagger UI) and ``/openapi.json``.

No ``from __future__ import annotations`` here: FastAPI reads the endpoint annotations at
runtime, and they refer to the per-app ``engine`` dependency defined inside ``create_app``.
"""

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

from services.shared.settings import Settings, get_settings

from .engine import SearchEngine, make_engine
from .indexer import read_alias
from .search import SearchRequest, build_query, parse_response


class HitOut(BaseModel):
    id: str
    score: float | None = None
    title: str = Field(description="Title, with matched words between « and ».")
    published: str | None = None
    source: str
    url: str | None = None
    snippet: str = Field(description="Up to two highlighted fragments of the body, or the summary.")
    entities: dict[str, list[str]] = Field(default_factory=dict, description="Entity names per type.")


class Bucket(BaseModel):
    key: str | int | float
    count: int


class SearchOut(BaseModel):
    total: int
    page: int
    size: int
    hits: list[HitOut]
    facets: dict[str, list[Bucket]] = Field(
        description="Top entities per type (PER, LOC, ORG, MISC), sources, sitename, and date histograms "
        "of publication (published) and of dates mentioned in the text (mentioned)."
    )


EntityType = Literal["PER", "LOC", "ORG", "MISC"]


def create_app(engine_factory: Callable[[], SearchEngine] | None = None, settings: Settings | None = None) -> FastAPI:
    """The app; tests pass their own engine factory and settings (index prefix)."""
    settings = settings or get_settings()
    cache: dict[str, SearchEngine] = {}

    def engine() -> SearchEngine:
        if "e" not in cache:
            cache["e"] = engine_factory() if engine_factory else make_engine(settings)
        return cache["e"]

    app = FastAPI(
        title="naba search",
        version="1",
        description="Search Arabic news indexed by naba: stemmed Arabic matching with name-aware clitic "
        "handling, exact phrases in quotes, entity and date filters, facets.",
    )

    @app.get("/search", response_model=SearchOut, summary="Search articles")
    def search(
        e: Annotated[SearchEngine, Depends(engine)],
        q: Annotated[str, Query(description='Free text; "quoted" or «quoted» parts must match as a phrase.')] = "",
        entity: Annotated[list[str] | None, Query(description="Articles naming this entity (repeatable: all).")] = None,
        entity_type: Annotated[EntityType | None, Query(description="Restrict entity to this type.")] = None,
        source: Annotated[str | None, Query(description="Site name, source or credited agency.")] = None,
        language: Annotated[str | None, Query(description="Language code, e.g. ar.")] = None,
        published_from: Annotated[date | None, Query()] = None,
        published_to: Annotated[date | None, Query()] = None,
        mentioned_from: Annotated[date | None, Query(description="Mentions a date on or after.")] = None,
        mentioned_to: Annotated[date | None, Query(description="Mentions a date on or before.")] = None,
        page: Annotated[int, Query(ge=1, le=1000)] = 1,
        size: Annotated[int, Query(ge=0, le=100)] = 10,
        facet_size: Annotated[int, Query(ge=0, le=100)] = 10,
        interval: Annotated[Literal["day", "week", "month", "year"], Query(description="Histogram step.")] = "month",
    ) -> dict[str, Any]:
        if page * size > 10_000:
            raise HTTPException(400, "page × size may not exceed 10000 (the engines' result window)")
        req = SearchRequest(
            q, entity or [], entity_type, source, language, _iso(published_from), _iso(published_to),
            _iso(mentioned_from), _iso(mentioned_to), page, size, facet_size, interval,
        )
        try:
            resp = e.search(read_alias(settings.index_prefix), build_query(req))
        except Exception as exc:  # engine down or index missing: a clear 503 instead of a stack trace
            raise HTTPException(503, f"search engine error: {type(exc).__name__}: {exc}") from exc
        result = parse_response(resp, req)
        return {
            "total": result.total, "page": result.page, "size": result.size,
            "hits": [h.__dict__ for h in result.hits], "facets": result.facets,
        }

    @app.get("/health", summary="Engine health")
    def health(e: Annotated[SearchEngine, Depends(engine)]) -> dict[str, Any]:
        try:
            return {"engine": e.kind, "status": e.health().get("status")}
        except Exception as exc:
            raise HTTPException(503, f"{type(exc).__name__}: {exc}") from exc

    return app


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
