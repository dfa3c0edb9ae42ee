"""Index lifecycle and writes: versioned index behind read/write aliases, idempotent bulk.

The index is ``<prefix>-v<N>``; readers use the alias ``<prefix>``, writers
``<prefix>-write``. Documents are keyed by article id, so a redelivered message
overwrites its own document. Per-item failures are sorted into transient (429/503:
retry) and rejected (mapping errors: the engine's reason goes to the dead-letter store).
Migration to a new template version lives in ``migrate.py``.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from services.shared.schema import Article

from .analysis import merge_rules
from .documents import to_document
from .engine import SearchEngine
from .writer import DEFAULT_MAX_BYTES, DEFAULT_MAX_DOCS, BulkOutcome, BulkWriter

__all__ = ["BulkOutcome", "ensure_index", "template", "write_articles", "read_alias", "write_alias"]

log = logging.getLogger(__name__)

TEMPLATE_PATH = Path(__file__).with_name("template.json")


@lru_cache(maxsize=1)
def template() -> dict[str, Any]:
    """The index body both engines get: ``template.json`` with the generated analysis rules inlined."""
    return merge_rules(json.loads(TEMPLATE_PATH.read_text(encoding="utf-8")))


def template_version() -> int:
    return int(template()["mappings"]["_meta"]["template_version"])


def read_alias(prefix: str) -> str:
    return prefix


def write_alias(prefix: str) -> str:
    return prefix + "-write"


def versioned_name(prefix: str, version: int) -> str:
    return f"{prefix}-v{version}"


def version_of(prefix: str, index: str) -> int | None:
    """``3`` for ``<prefix>-v3``; None for anything else."""
    m = re.fullmatch(re.escape(prefix) + r"-v(\d+)", index)
    return int(m.group(1)) if m else None


def current_index(engine: SearchEngine, prefix: str) -> str | None:
    """The concrete index behind the read alias (what searchers see now)."""
    found = engine.get_alias(read_alias(prefix))
    return next(iter(sorted(found)), None) if found else None


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


def write_articles(
    engine: SearchEngine,
    prefix: str,
    articles: list[Article],
    *,
    refresh: bool | str = False,
    attempts: int = 4,
    backoff: float = 0.5,
    max_docs: int = DEFAULT_MAX_DOCS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BulkOutcome:
    """Bulk-write through the write alias; see ``writer.BulkWriter`` for batching, retries and refresh."""
    writer = BulkWriter(engine, write_alias(prefix), refresh=refresh, attempts=attempts, backoff=backoff,
                        max_docs=max_docs, max_bytes=max_bytes)
    return writer.add_many((a.id, to_document(a)) for a in articles)
