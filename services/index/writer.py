"""Bulk writing bounded by document count *and* bytes, with backoff on push-back.

Why both bounds: a count alone lets a batch of long articles grow past what the node
accepts in one request (``http.max_content_length``) or buffers comfortably; bytes alone
lets thousands of tiny updates pile into one slow request. Each document is serialised
exactly once, into the NDJSON line that is sent, so the byte bound is exact and costs
nothing extra.

Retries: an item the engine answers with 429/502/503/504 (queue full, shard busy) is
resent on its own with exponential backoff and full jitter; so is a whole request that
fails with one of those statuses or a connection error. Anything else per item (mapping
or parse errors) is *rejected* with the engine's reason and never retried: the rest of the
batch is indexed regardless.

Refresh: the writer never asks for a refresh per request (``refresh=False``). Searchers
see new documents after the index's ``refresh_interval`` (1 s), which is what a news
pipeline needs; ``refresh="wait_for"`` per bulk request would make every batch wait for
the next refresh and cap throughput. Tests and one-off tools can pass ``refresh=True``.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .engine import TRANSIENT_STATUSES, BulkItemResult, SearchEngine, _status

log = logging.getLogger(__name__)

DEFAULT_MAX_DOCS = 500
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass
class BulkOutcome:
    """Ids indexed, and reasons for those rejected (permanent) or still pushed back after every retry."""

    indexed: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)
    transient: dict[str, str] = field(default_factory=dict)
    requests: int = 0
    retries: int = 0


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def retryable(exc: BaseException) -> bool:
    """Push-back (429/5xx) or a dropped connection/timeout; both clients name those classes alike."""
    status = _status(exc)
    if status is not None:
        return status in TRANSIENT_STATUSES
    if isinstance(exc, ConnectionError | TimeoutError):
        return True
    return any(n in cls.__name__ for cls in type(exc).__mro__ for n in ("ConnectionError", "Timeout"))


class BulkWriter:
    """Accumulate documents; flush whenever the next one would break the count or byte bound.

    ``with BulkWriter(engine, "naba-articles-write") as w: w.add(id, doc)`` — the outcome is
    on ``w.outcome`` after the block. ``op_type="create"`` never overwrites (used by migration).
    """

    def __init__(
        self,
        engine: SearchEngine,
        index: str,
        *,
        max_docs: int = DEFAULT_MAX_DOCS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        attempts: int = 5,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        refresh: bool | str = False,
        op_type: str = "index",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.engine = engine
        self.index = index
        self.max_docs = max_docs
        self.max_bytes = max_bytes
        self.attempts = attempts
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.refresh = refresh
        self.op_type = op_type
        self.sleep = sleep
        self.outcome = BulkOutcome()
        self._lines: dict[str, str] = {}
        self._bytes = 0

    def add(self, doc_id: str, source: dict[str, Any]) -> None:
        line = _dumps({self.op_type: {"_index": self.index, "_id": doc_id}}) + "\n" + _dumps(source) + "\n"
        size = len(line.encode("utf-8"))
        if self._lines and (len(self._lines) >= self.max_docs or self._bytes + size > self.max_bytes):
            self.flush()
        if doc_id in self._lines:  # the same id twice in one batch: the later version wins, as it would in order
            self._bytes -= len(self._lines.pop(doc_id).encode("utf-8"))
        self._lines[doc_id] = line
        self._bytes += size

    def add_many(self, docs: Iterable[tuple[str, dict[str, Any]]]) -> BulkOutcome:
        for doc_id, source in docs:
            self.add(doc_id, source)
        self.flush()
        return self.outcome

    def flush(self) -> None:
        pending, self._lines, self._bytes = self._lines, {}, 0
        for attempt in range(self.attempts):
            if not pending:
                return
            last = attempt + 1 == self.attempts
            try:
                results = self.engine.bulk_ndjson("".join(pending.values()), refresh=self.refresh)
            except Exception as exc:  # whole request pushed back: resend it all, or give up on the last try
                if not retryable(exc):
                    raise
                reason = f"request failed: {type(exc).__name__}: {exc}"
                log.warning("bulk of %d docs failed (%s), attempt %d", len(pending), reason, attempt + 1)
                if last:
                    self.outcome.transient.update(dict.fromkeys(pending, reason))
                    return
                self._pause(attempt)
                continue
            self.outcome.requests += 1
            pending = self._sort(results, pending, last)
            if pending:
                self._pause(attempt)

    def _sort(self, results: list[BulkItemResult], pending: dict[str, str], last: bool) -> dict[str, str]:
        retry: dict[str, str] = {}
        for res in results:
            if res.ok:
                self.outcome.indexed.append(res.id)
            elif res.transient and not last:
                retry[res.id] = pending[res.id]
            elif res.transient:
                self.outcome.transient[res.id] = res.error or f"status {res.status}"
            else:
                self.outcome.rejected[res.id] = res.error or f"status {res.status}"
        return retry

    def _pause(self, attempt: int) -> None:
        self.outcome.retries += 1
        self.sleep(random.uniform(0, min(self.max_backoff, self.backoff * 2**attempt)))

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.flush()
