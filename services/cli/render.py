"""Rich tables for the CLI: what an operator reads at a glance."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from rich.table import Table

from services.shared.settings import Settings


def articles_table(docs: list[dict[str, Any]], title: str) -> Table:
    t = Table(title=title, show_lines=True)
    t.add_column("title", overflow="fold", max_width=48)
    t.add_column("published", no_wrap=True)
    t.add_column("top entities", overflow="fold", max_width=44)
    t.add_column("dates", overflow="fold", max_width=36)
    for d in docs:
        counts = Counter((m["type"], m["name"]) for m in d.get("mentions", []))
        top = ", ".join(f"{name} ({typ}×{n})" for (typ, name), n in counts.most_common(5))
        dates = ", ".join(dict.fromkeys(m["value"] for m in d.get("date_mentions", [])))
        t.add_row(d.get("title") or "—", (d.get("published") or "—")[:16], top or "—", dates or "—")
    return t


def hits_table(hits: list[dict[str, Any]], title: str) -> Table:
    t = Table(title=title, show_lines=True)
    t.add_column("score", justify="right")
    t.add_column("title", overflow="fold", max_width=40)
    t.add_column("published", no_wrap=True)
    t.add_column("source", overflow="fold", max_width=16)
    t.add_column("snippet", overflow="fold", max_width=50)
    t.add_column("entities", overflow="fold", max_width=30)
    for h in hits:
        src = h["_source"]
        snippet = " … ".join(h.get("highlight", {}).get("text", [])) or (src.get("summary") or "")[:160]
        ents = src.get("entities", {})
        names = ", ".join([*ents.get("PER", [])[:2], *ents.get("ORG", [])[:1], *ents.get("LOC", [])[:2]])
        site = src.get("sitename") or ", ".join(src.get("sources", [])) or "—"
        t.add_row(f"{h['_score']:.2f}" if h.get("_score") else "—", src.get("title") or "—",
                  (src.get("published") or "—")[:10], site, snippet, names)
    return t


def dead_table(entries: list[Any], total: int) -> Table:
    t = Table(title=f"dead letters: {total}")
    for col in ("id", "stage", "reason", "attempts", "failed at", "error", "payload"):
        t.add_column(col, overflow="fold", max_width=50 if col in ("error", "payload") else None)
    for e in entries:
        when = dt.datetime.fromtimestamp(e.failed_at, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        payload = ", ".join(f"{k}={v}" for k, v in e.payload.items() if v is not None)
        t.add_row(e.id, e.stage, e.reason, str(e.attempts), when, e.error, payload)
    return t


def status_tables(settings: Settings) -> list[Table]:
    from services.shared.queues import QUEUE

    from .stack import stack_status
    from .workers import worker_pid

    services = Table(title="stack")
    for col in ("service", "state", "url", "pid", "detail"):
        services.add_column(col)
    statuses = stack_status(settings)
    for st in statuses:
        services.add_row(st.name, "[green]up[/green]" if st.running else "[red]down[/red]", st.url,
                         str(st.pid or "—"), st.detail)
    for stage in QUEUE:
        pid = worker_pid(settings, stage)
        services.add_row(f"worker {stage}", "[green]up[/green]" if pid else "—", "", str(pid or "—"),
                         "started by naba run --keep" if pid else "")
    tables = [services]
    redis_up = any(st.name == "redis" and st.running for st in statuses)
    if redis_up:
        from services.shared import deadletter
        from services.shared.redis_client import get_redis

        r = get_redis()
        queues = Table(title="queues")
        queues.add_column("queue")
        queues.add_column("waiting", justify="right")
        queues.add_column("unacked (all queues)", justify="right")
        unacked = r.hlen("unacked")
        for q in QUEUE.values():
            queues.add_row(q, str(r.llen(q)), str(unacked))
        queues.add_row("dead letters", str(deadletter.count(r)), "")
        tables.append(queues)
    return tables
