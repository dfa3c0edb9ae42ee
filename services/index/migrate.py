"""``naba index migrate``: move to a new index version without a moment of downtime.

Steps, each safe to observe from outside:

1. Create ``<prefix>-v<N+1>`` from the current template (analysis rules inlined), with
   ``refresh_interval: -1`` while it is being filled: nobody reads it yet, and skipping
   refreshes makes the copy markedly faster.
2. Move the **write** alias to the new index (one atomic alias update). From here on the
   pipeline writes only to the new index; nothing can be written to the old one and then
   missed by the copy.
3. Reindex old → new server-side, as a task (polled, so a long copy never hits an HTTP
   timeout), with ``op_type: create`` and ``conflicts: proceed``: a document the pipeline
   wrote during the window is *newer* than the old index's copy, and ``create`` refuses to
   overwrite it (the conflict is counted, not an error).
4. Restore the refresh interval, refresh, and check the new index holds at least as many
   documents as the old one.
5. Move the **read** alias (one atomic update: remove old + add new). Searchers switch
   from the complete old index to the complete new one in a single step.

Reads never stop: the read alias points at the old index, which stays intact and
searchable, until step 5. The cost of the write-first order: a document written during the
copy window becomes searchable only at the read swap (seconds to minutes later), never
lost. Deletions are not part of naba's pipeline; a delete during the window would have to
go to both indexes. If the copy fails, the write alias is moved back and the window's
documents are copied back into the old index, so the pipeline keeps its single source.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .engine import SearchEngine
from .indexer import (
    current_index,
    ensure_index,
    read_alias,
    template,
    template_version,
    version_of,
    versioned_name,
    write_alias,
)

log = logging.getLogger(__name__)


class MigrationError(RuntimeError):
    pass


@dataclass
class MigrationReport:
    old: str | None
    new: str
    copied: int = 0
    conflicts: int = 0  # documents already written to the new index during the window (newer: kept)
    failures: list[str] = field(default_factory=list)
    old_count: int = 0
    new_count: int = 0
    seconds: float = 0.0
    deleted_old: bool = False


def next_index(engine: SearchEngine, prefix: str) -> tuple[str | None, str]:
    """``(current, next)``: next is ``<prefix>-v<N+1>`` for a current ``-v<N>``; the template's version if none."""
    cur = current_index(engine, prefix)
    if cur is None:
        return None, versioned_name(prefix, template_version())
    version = version_of(prefix, cur)
    if version is None:
        raise MigrationError(f"the read alias {prefix!r} points at {cur!r}, not at a {prefix}-v<N> index")
    return cur, versioned_name(prefix, version + 1)


def migrate(
    engine: SearchEngine,
    prefix: str,
    *,
    batch_size: int = 1000,
    poll: float = 1.0,
    timeout: float = 3600.0,
    delete_old: bool = False,
    requests_per_second: float = -1,
    on_progress: Callable[[dict[str, Any]], None] | None = None,
) -> MigrationReport:
    """Build the next index version from the template, copy, and swap both aliases (see module docstring)."""
    started = time.monotonic()
    old, new = next_index(engine, prefix)
    if old is None:  # nothing to migrate from: create the first version
        name = ensure_index(engine, prefix)
        return MigrationReport(None, name, seconds=time.monotonic() - started)
    if engine.index_exists(new):
        if engine.get_alias(read_alias(prefix)).get(new) or engine.get_alias(write_alias(prefix)).get(new):
            raise MigrationError(f"{new} already exists and carries an alias; finish or roll back that migration")
        log.warning("%s exists from an interrupted migration; recreating it", new)
        engine.delete_index(new)

    body = template()
    settings = dict(body["settings"])
    final_refresh = settings.get("refresh_interval", "1s")
    settings["refresh_interval"] = "-1"
    engine.create_index(new, {**body, "settings": settings})
    report = MigrationReport(old, new)

    # 2. writes go to the new index from now on
    engine.update_aliases([
        {"remove": {"index": old, "alias": write_alias(prefix)}},
        {"add": {"index": new, "alias": write_alias(prefix), "is_write_index": True}},
    ])
    try:
        _copy(engine, old, new, report, batch_size, poll, timeout, requests_per_second, on_progress)
        engine.put_settings(new, {"index": {"refresh_interval": final_refresh}})
        engine.refresh(new)
        report.old_count = engine.count(old)
        report.new_count = engine.count(new)
        if report.new_count < report.old_count:
            raise MigrationError(f"{new} holds {report.new_count} documents, fewer than {old}'s {report.old_count}")
    except BaseException:
        _roll_back(engine, prefix, old, new)
        raise
    # 5. readers switch in one atomic step
    engine.update_aliases([
        {"remove": {"index": old, "alias": read_alias(prefix)}},
        {"add": {"index": new, "alias": read_alias(prefix)}},
    ])
    if delete_old:
        engine.delete_index(old)
        report.deleted_old = True
    report.seconds = time.monotonic() - started
    log.info("migrated %s → %s: %d copied, %d newer kept, %.1f s", old, new, report.copied, report.conflicts,
             report.seconds)
    return report


def _copy(engine: SearchEngine, old: str, new: str, report: MigrationReport, batch_size: int, poll: float,
          timeout: float, requests_per_second: float, on_progress: Callable[[dict[str, Any]], None] | None) -> None:
    body = {
        "source": {"index": old, "size": batch_size},
        "dest": {"index": new, "op_type": "create"},
        "conflicts": "proceed",
    }
    task_id = engine.start_reindex(body, requests_per_second=requests_per_second)
    deadline = time.monotonic() + timeout
    while True:
        info = engine.task(task_id)
        status = info.get("task", {}).get("status", {})
        if on_progress:
            on_progress(status)
        if info.get("completed"):
            break
        if time.monotonic() > deadline:
            raise MigrationError(f"reindex task {task_id} still running after {timeout:.0f} s")
        time.sleep(poll)
    if info.get("error"):
        raise MigrationError(f"reindex failed: {info['error']}")
    resp = info.get("response", {})
    report.copied = int(resp.get("created", 0)) + int(resp.get("updated", 0))
    report.conflicts = int(resp.get("version_conflicts", 0))
    report.failures = [str(f.get("cause", f)) for f in resp.get("failures", [])]
    if report.failures:
        raise MigrationError(f"reindex reported {len(report.failures)} failures, first: {report.failures[0]}")


def _roll_back(engine: SearchEngine, prefix: str, old: str, new: str) -> None:
    """Writes back to the old index, carrying over whatever the pipeline wrote to the new one meanwhile."""
    log.error("migration to %s failed; moving the write alias back to %s", new, old)
    engine.update_aliases([
        {"remove": {"index": new, "alias": write_alias(prefix)}},
        {"add": {"index": old, "alias": write_alias(prefix), "is_write_index": True}},
    ])
    try:
        engine.reindex({"source": {"index": new}, "dest": {"index": old}, "conflicts": "proceed"})
    except Exception:  # the new index is left in place for inspection either way
        log.exception("could not copy the window's documents back from %s to %s", new, old)
