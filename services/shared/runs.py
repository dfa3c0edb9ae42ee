"""Run ledger: lets ``naba run`` know when every unit of work has reached an end.

A run is a set of open units in Redis. Sets, not counters, so that a redelivered task
adding or closing the same unit twice changes nothing: ingest opens one unit per
article (``art:<id>``) or child source (``src:<url>``) before closing its own; index
closes ``art:<id>`` when the document is written; the dead-letter store closes whatever
unit a failed message carried. The run is done when nothing is open.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import redis

from .redis_client import PREFIX, get_redis

RUN_TTL = 7 * 24 * 3600
OUTCOMES = ("indexed", "dead", "skipped")


def new_run_id() -> str:
    return uuid.uuid4().hex[:12]


def _k(run: str, part: str) -> str:
    return f"{PREFIX}run:{run}:{part}"


def source_unit(source: str) -> str:
    return "src:" + source


def article_unit(article_id: str) -> str:
    return "art:" + article_id


def open_units(run: str | None, units: list[str], client: redis.Redis | None = None) -> None:
    if not run or not units:
        return
    r = client or get_redis()
    with r.pipeline() as p:
        p.sadd(_k(run, "open"), *units)
        p.expire(_k(run, "open"), RUN_TTL)
        p.execute()


def close_unit(
    run: str | None, unit: str, outcome: str, detail: str = "", client: redis.Redis | None = None
) -> None:
    """Close ``unit`` with an outcome; ``detail`` (an article id, a reason) is recorded."""
    if not run:
        return
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    r = client or get_redis()
    with r.pipeline() as p:
        p.srem(_k(run, "open"), unit)
        p.hset(_k(run, outcome), unit, detail)
        p.expire(_k(run, outcome), RUN_TTL)
        p.execute()


def hand_over(run: str | None, parent: str, children: list[str], client: redis.Redis | None = None) -> None:
    """Open ``children`` and close ``parent`` in one transaction, so the run never looks empty between."""
    if not run:
        return
    r = client or get_redis()
    with r.pipeline(transaction=True) as p:
        if children:
            p.sadd(_k(run, "open"), *children)
        p.srem(_k(run, "open"), parent)
        p.expire(_k(run, "open"), RUN_TTL)
        p.execute()


@dataclass(frozen=True)
class RunState:
    open: int
    indexed: dict[str, str]
    dead: dict[str, str]
    skipped: dict[str, str]

    @property
    def done(self) -> bool:
        return self.open == 0


def state(run: str, client: redis.Redis | None = None) -> RunState:
    r = client or get_redis()
    with r.pipeline() as p:
        p.scard(_k(run, "open"))
        for o in OUTCOMES:
            p.hgetall(_k(run, o))
        n_open, *maps = p.execute()
    decoded = [{k.decode(): v.decode() for k, v in m.items()} for m in maps]
    return RunState(n_open, *decoded)
