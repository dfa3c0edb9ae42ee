"""Index lifecycle and writes: versioned index behind read/write aliases, idempotent bulk.

The index is ``<prefix>-v<N>``; readers use the alias ``<prefix>``, writers
``<prefix>-write``. Documents are keyed by article id, so a redelivered message
overwrites its own document. Per-item failures are sorted into transient (429/503:
retry) and rejected (mapping errors: the engine's reason goes to the dead-letter store).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from services.shared.schema import Article

from .documents import to_document
from .engine import BulkItemResult, SearchEngine

log = logging.getLogger(__name__)

TEMPLATE_PATH = Path(__file__).with_name("template.json")


@lru_cache(maxsize=1)
def template() -> dict[str, Any]:
    return json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))


def template_version() -> int:
    return int(template()["mappings"]["_meta"]["template_version"])


def read_alias(prefix: str) -> str:
    return prefix


def write_alias(prefix: str) -> str:
    return prefix + "-write"


def versioned_name(prefix: str, version: int) -> str:
    return f"{prefix}-v{version}"


def ensure_index(engine: SearchEngine, prefix: str) -> str:
    """Create the current template's index and point both aliases at it, if no index exists yet."""
    current = engine.get_alias(write_alias(prefix))
    if current:
        return next(iter(current))
    name = versioned_name(prefix, template_version())
    if not engine.index_exists(name):
        try:
            engine.create_index(name, template())
        except Exception as exc:  # two workers racing to create: the loser sees resource_already_exists
            if "resource_already_exists" not in str(exc):
                raise
    engine.update_aliases(
        [
            {"add": {"index": name, "alias": read_alias(prefix)}},
            {"add": {"index": name, "alias": write_alias(prefix), "is_write_index": True}},
        ]
    )
    return name


@dataclass
class BulkOutcome:
    indexed: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)
    transient: dict[str, str] = field(default_factory=dict)


def write_articles(
    engine: SearchEngine,
    prefix: str,
    articles: list[Article],
    *,
    refresh: bool | str = False,
    attempts: int = 4,
    backoff: float = 0.5,
) -> BulkOutcome:
    """Bulk-write; retry only the items the engine pushed back on (429/5xx) with backoff."""
    pending = {a.id: to_document(a) for a in articles}
    outcome = BulkOutcome()
    for attempt in range(attempts):
        actions = [{"_index": write_alias(prefix), "_id": i, "_source": d} for i, d in pending.items()]
        results: list[BulkItemResult] = engine.bulk(actions, refresh=refresh)
        retry: dict[str, dict[str, Any]] = {}
        for res in results:
            if res.ok:
                outcome.indexed.append(res.id)
            elif res.transient and attempt + 1 < attempts:
                retry[res.id] = pending[res.id]
            elif res.transient:
                outcome.transient[res.id] = res.error or f"status {res.status}"
            else:
                outcome.rejected[res.id] = res.error or f"status {res.status}"
        if not retry:
            break
        pending = retry
        time.sleep(backoff * (2**attempt))
    return outcome
