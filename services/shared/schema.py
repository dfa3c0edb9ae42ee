"""The article contract shared by every stage.

One versioned pydantic model travels between ingest, enrich and index. Offsets in
``entities`` and ``dates`` always index into ``text`` (the clean body), so a consumer
can highlight a mention without re-tokenising. Bump ``SCHEMA_VERSION`` on any change
that a consumer would notice; the index template records it in ``_meta``.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

EntityType = Literal["PER", "LOC", "ORG", "MISC"]
Calendar = Literal["gregorian", "hijri"]


class Entity(BaseModel):
    """One mention of a named entity.

    ``name`` is the canonical form shared by every mention of the same entity in the
    document (clitics and titles stripped, coreference resolved), and ``key`` is a
    stable, normalised facet key derived from it.
    """

    model_config = ConfigDict(extra="forbid")

    text: str
    name: str
    type: EntityType
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    key: str = ""


class DateMention(BaseModel):
    """A date written in the text, at the granularity the text gives.

    ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``XXXX-MM`` or ``XXXX-MM-DD``;
    ``relative`` is true when the value came from resolving against ``published``.
    ``where`` is ``published`` for the article's own publication date, which usually sits in
    page furniture outside ``text`` (its offsets are then 0, 0).
    """

    model_config = ConfigDict(extra="forbid")

    text: str
    value: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    calendar: Calendar = "gregorian"
    original: str | None = None  # the Hijri value as written, when calendar == "hijri"
    relative: bool = False
    where: Literal["text", "published"] = "text"


class Provenance(BaseModel):
    """Which code and models produced the article, so a reindex can be targeted."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    extractor: str = ""
    ner_model: str = ""
    dates_version: str = ""
    stages: list[str] = Field(default_factory=list)


class Article(BaseModel):
    """A news article as it moves through the pipeline."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source: str
    url: str | None = None
    title: str = ""
    text: str = ""
    summary: str = ""
    published: str | None = None
    language: str | None = None
    sitename: str | None = None
    author: str | None = None
    dateline: str | None = None
    sources: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    content_hash: str = ""
    duplicate_of: str | None = None
    fetched_at: str = Field(default_factory=lambda: now_iso())
    provenance: Provenance = Field(default_factory=Provenance)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    """Hash of the clean body: equal bodies from different URLs share it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(*, url: str | None = None, path: str | None = None, content: bytes | None = None) -> str:
    """Deterministic id: a redelivered or re-ingested article overwrites itself.

    URLs must already be canonical (ingest canonicalises with courlan). Files are keyed by
    path *and* content, so an edited file is a new version while a re-run is not.
    """
    if url:
        basis = "url:" + url
    elif path is not None and content is not None:
        basis = "file:" + path + ":" + hashlib.sha256(content).hexdigest()
    else:
        raise ValueError("article_id needs a canonical url, or a path with its content")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
