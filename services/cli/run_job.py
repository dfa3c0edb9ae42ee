"""``naba run``: the main job, start to finish, on the real stack.

It starts only what isn't running (and stops only what it started, unless ``--keep``),
sends one ingest message per source, and follows the run ledger until every unit has
been indexed, skipped or dead-lettered.
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from services.shared.settings import Settings


def run_job(settings: Settings, sources: list[str], *, keep: bool, timeout: float, console: Console,
            out: Console) -> int:
    from services.shared import runs
    from services.shared.celery_app import app
    from services.shared.queues import QUEUE, TASK

    from .render import articles_table, dead_table
    from .stack import ensure_opensearch, ensure_redis, stop_opensearch, stop_redis
    from .workers import ensure_workers, stop_workers

    started_redis = started_search = False
    started_workers: list[str] = []
    try:
        with console.status("starting the stack (the first run downloads OpenSearch)…"):
            started_redis = ensure_redis(settings)
            started_search = ensure_opensearch(settings)
        with console.status("starting workers…"):
            from services.index.engine import make_engine
            from services.index.indexer import ensure_index

            engine = make_engine(settings)
            ensure_index(engine, settings.index_prefix)
            started_workers = ensure_workers(settings)

        run = runs.new_run_id()
        normalised = [s if "://" in s else str(Path(s).resolve()) for s in sources]
        runs.open_units(run, [runs.source_unit(s) for s in normalised])
        for src in normalised:
            app.send_task(TASK["ingest"], kwargs={"source": src, "run": run}, queue=QUEUE["ingest"])

        state = _follow(run, timeout, console)
        engine.refresh(settings.index_prefix)
        ids = list(dict.fromkeys(state.indexed.values()))
        docs = []
        for doc_id in ids:
            hit = engine.get(settings.index_prefix, doc_id)
            if hit:
                docs.append(hit["_source"])
        docs.sort(key=lambda d: d.get("source") or "")
        out.print(articles_table(docs, f"run {run}: {len(docs)} indexed into «{settings.index_prefix}»"))
        if state.skipped:
            out.print("skipped: " + "; ".join(f"{k[4:]}: {v}" for k, v in state.skipped.items()))
        if state.dead:
            from services.shared import deadletter

            out.print(dead_table(deadletter.list_entries(50), deadletter.count()))
        if not state.done:
            console.print(f"[red]timed out after {timeout:.0f}s with {state.open} unit(s) still open[/red]")
            return 1
        return 0
    finally:
        if not keep:
            stop_workers(settings, started_workers)
            if started_search:
                stop_opensearch(settings)
            if started_redis:
                stop_redis(settings)


def _follow(run: str, timeout: float, console: Console):  # noqa: ANN202 - returns runs.RunState
    from services.shared import runs

    deadline = time.monotonic() + timeout
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(), console=console, transient=False,
    ) as progress:
        bar = progress.add_task("ingest → enrich → index", total=None, detail="")
        while True:
            st = runs.state(run)
            finished = len(st.indexed) + len(st.dead) + len(st.skipped)
            progress.update(bar, total=finished + st.open, completed=finished,
                            detail=f"indexed {len(st.indexed)} · dead {len(st.dead)} · skipped {len(st.skipped)}")
            if st.done or time.monotonic() > deadline:
                return st
            time.sleep(0.3)
