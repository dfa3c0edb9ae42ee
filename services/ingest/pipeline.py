"""The ingest stage as plain functions: a raw document in, a clean, de-duplicated article out.

``ingest_document`` is what the Celery task and ``naba process`` share; ``ingest_all``
walks whole sources in-process (directories, feeds, sitemaps) for the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from services.shared.errors import PermanentError
from services.shared.schema import Article

from .dedup import DedupIndex
from .extract import extract
from .fetch import Fetcher, FetchError, NotModified
from .raw import RawDocument
from .sources import Skipped, SourceError, walk


@dataclass(frozen=True)
class IngestFailure(Exception):  # noqa: N818 - a result value, also raisable
    """A document or source that produced no article, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def ingest_document(raw: RawDocument, dedup: DedupIndex | None = None) -> Article:
    """Extract, then mark near-duplicates (the first article of a story keeps it; later copies point to it)."""
    article = extract(raw)
    if dedup is not None:
        original = dedup.check_and_add(article.id, article.text)
        if original and original != article.id:
            article = article.model_copy(update={"duplicate_of": original})
    stages = [*article.provenance.stages, "ingest"]
    return article.model_copy(update={"provenance": article.provenance.model_copy(update={"stages": stages})})


def ingest_all(
    sources: Iterable[str], *, fetcher: Fetcher | None = None, dedup: DedupIndex | None = None
) -> Iterator[Article | IngestFailure]:
    """Every article in ``sources``, in order; failures are yielded, never raised, so one bad input stops nothing."""
    own_fetcher = fetcher is None and any("://" in s for s in sources)
    fetcher = fetcher or (Fetcher() if own_fetcher else None)
    try:
        for source in sources:
            try:
                for item in walk(source, fetcher=fetcher):
                    if isinstance(item, RawDocument):
                        try:
                            yield ingest_document(item, dedup)
                        except PermanentError as exc:
                            yield IngestFailure(item.source, str(exc))
                    elif isinstance(item, Skipped):
                        yield IngestFailure(item.source, f"skipped ({item.reason}) {item.detail}".strip())
                    elif isinstance(item, NotModified):
                        continue
            except (FetchError, SourceError, PermanentError, OSError) as exc:
                yield IngestFailure(source, f"{type(exc).__name__}: {exc}")
    finally:
        if own_fetcher and fetcher is not None:
            fetcher.close()
