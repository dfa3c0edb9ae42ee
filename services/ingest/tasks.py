"""Celery binding of the ingest stage.

One message is one source. Sources that contain other sources (directories, feeds,
sitemaps) fan out as new ingest messages; documents are extracted here, written to the
content store and handed to enrich by id. In a multi-document source (a WARC, a JSONL
file) a bad document is dead-lettered on its own and the others go on.
"""

from __future__ import annotations

from functools import lru_cache

from services.shared import runs, store
from services.shared.celery_app import app
from services.shared.delivery import StageTask, is_permanent, unit_of
from services.shared.errors import SkipDocument
from services.shared.metrics import SKIPPED
from services.shared.queues import QUEUE, TASK
from services.shared.redis_client import get_redis
from services.shared.settings import get_settings

from .dedup import RedisDedupIndex
from .fetch import Fetcher, NotModified, RedisHostGate, RedisStore, ValidatorCache
from .pipeline import ingest_document
from .raw import RawDocument
from .sources import ChildSource, Skipped, expand


@lru_cache(maxsize=1)
def _fetcher() -> Fetcher:
    """One fetcher per worker process; politeness and validators are shared by all workers through Redis."""
    r = get_redis()
    return Fetcher(get_settings(), gate=RedisHostGate(r), validators=ValidatorCache(RedisStore(r)),
                   robots_store=RedisStore(r, prefix="naba:robots:"))


@lru_cache(maxsize=1)
def _dedup() -> RedisDedupIndex:
    return RedisDedupIndex.from_settings()


@app.task(name=TASK["ingest"], base=StageTask, bind=True)
def process(
    self: StageTask, *, source: str, run: str | None = None, depth: int = 0, record: str | None = None
) -> None:
    """``record`` narrows a replay to the one document of a container that was dead-lettered."""
    # A retry after a fetch must not be answered 304 by our own validators: refetch in full.
    items = list(expand(source, fetcher=_fetcher(), depth=depth, conditional=self.request.retries == 0))
    if any(isinstance(i, NotModified) for i in items):
        raise SkipDocument("not-modified")
    children = [i for i in items if isinstance(i, ChildSource)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    documents = [i for i in items if isinstance(i, RawDocument) and (record is None or i.source == record)]
    single = len(items) == 1
    articles = []
    for doc in documents:
        try:
            articles.append(ingest_document(doc, _dedup()))
        except Exception as exc:
            if single or not is_permanent(exc):
                raise
            # One bad record of a container: dead-letter it alone, keep the rest.
            self.dead_letter({"source": source, "run": None, "depth": depth, "record": doc.source},
                             f"{type(exc).__name__}: {exc}", "rejected", 1)
    if single and skipped:
        raise SkipDocument(skipped[0].reason)
    for s in skipped:
        SKIPPED.labels("ingest", s.reason).inc()
    for article in articles:
        store.put(article)
    runs.hand_over(
        run,
        unit_of({"source": source}),
        [runs.source_unit(c.source) for c in children] + [runs.article_unit(a.id) for a in articles],
    )
    for c in children:
        app.send_task(TASK["ingest"], kwargs={"source": c.source, "run": run, "depth": c.depth}, queue=QUEUE["ingest"])
    for article in articles:
        app.send_task(TASK["enrich"], kwargs={"id": article.id, "run": run}, queue=QUEUE["enrich"])
