"""Queue and task names: the only thing stages know about each other.

A stage hands off by sending the next stage's task *by name* to that stage's queue, so
no worker imports another stage's code (Media Cloud story-indexer style).
"""

from __future__ import annotations

from typing import Literal

Stage = Literal["ingest", "enrich", "index"]
STAGES: tuple[Stage, ...] = ("ingest", "enrich", "index")

QUEUE: dict[str, str] = {"ingest": "naba.ingest", "enrich": "naba.enrich", "index": "naba.index"}
TASK: dict[str, str] = {"ingest": "naba.ingest.process", "enrich": "naba.enrich.process", "index": "naba.index.process"}
# Each worker serves Prometheus metrics on settings.metrics_port + this offset.
METRICS_OFFSET: dict[str, int] = {"ingest": 0, "enrich": 1, "index": 2}


def stage_of_task(task_name: str) -> str:
    for stage, name in TASK.items():
        if name == task_name:
            return stage
    return task_name.rsplit(".", 2)[-2] if task_name.count(".") >= 2 else task_name
