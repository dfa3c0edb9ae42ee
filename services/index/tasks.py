"""Celery binding of the index stage: the message is acknowledged only after the document is written."""

from __future__ import annotations

from functools import lru_cache

from services.shared import runs, store
from services.shared.celery_app import app
from services.shared.delivery import PermanentError, StageTask
from services.shared.queues import TASK
from services.shared.settings import get_settings

from .engine import SearchEngine, make_engine
from .indexer import ensure_index, write_articles


class RejectedByEngine(PermanentError):
    """The engine refused the document (mapping or parsing error): retrying won't help."""


class EngineBusy(Exception):
    """The engine pushed back (429/503) through every in-call retry; the task retries later."""


@lru_cache(maxsize=1)
def _engine() -> SearchEngine:
    s = get_settings()
    engine = make_engine(s)
    ensure_index(engine, s.index_prefix)
    return engine


@app.task(name=TASK["index"], base=StageTask, bind=True)
def process(self: StageTask, *, id: str, run: str | None = None) -> None:  # noqa: A002 - the payload's key
    article = store.get(id)
    outcome = write_articles(_engine(), get_settings().index_prefix, [article])
    if id in outcome.rejected:
        raise RejectedByEngine(outcome.rejected[id])
    if id in outcome.transient:
        raise EngineBusy(outcome.transient[id])
    runs.close_unit(run, runs.article_unit(id), "indexed", id)
