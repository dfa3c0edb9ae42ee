"""The base class of every stage task: retries, crash-loop detection, dead-lettering.

Celery's own ``autoretry_for`` hands the final failure to ``on_failure`` after the
message is already settled; naba wants the dead-letter write to happen *before* the
message is acknowledged, so a Redis hiccup can't lose both. The policy, in order:

1. Count deliveries of this exact message (task id + retry number) in Redis. A message
   delivered more than ``max_deliveries`` times never finished: its worker died each time
   (SIGKILL, OOM, segfault). It goes to the dead-letter store instead of running again.
2. Run the stage. Errors marked permanent (bad input, validation) are dead-lettered at
   once: retrying cannot help.
3. Anything else is treated as transient and retried with exponential backoff and full
   jitter, until ``max_retries``; then dead-lettered.
"""

from __future__ import annotations

import logging
import random
import time
from typing import Any

import pydantic
from celery import Task
from celery.exceptions import Retry

from . import deadletter, runs, store
from .errors import PermanentError, SkipDocument

__all__ = ["PermanentError", "SkipDocument", "StageTask", "is_permanent", "unit_of"]
from .metrics import DEAD_LETTERED, FAILED, LATENCY, PROCESSED, RETRIED, SKIPPED
from .queues import QUEUE, stage_of_task
from .redis_client import PREFIX, get_redis
from .settings import get_settings

log = logging.getLogger(__name__)

DELIVERY_TTL = 24 * 3600


PERMANENT = (PermanentError, pydantic.ValidationError, UnicodeError, store.MissingArticle)


def is_permanent(exc: BaseException) -> bool:
    """Permanent by class, or by a ``permanent = True`` attribute on errors from stage modules."""
    return isinstance(exc, PERMANENT) or bool(getattr(exc, "permanent", False))


def unit_of(payload: dict[str, Any]) -> str:
    """The run-ledger unit a message carries: an article id, or a source still to expand."""
    if payload.get("id"):
        return runs.article_unit(payload["id"])
    return runs.source_unit(str(payload.get("source", "")))


def backoff(retries: int) -> float:
    """Exponential backoff with full jitter (AWS architecture blog), so retries from a burst spread out.

    Celery's own helper works in whole seconds; sub-second bases keep tests fast.
    """
    s = get_settings()
    return random.uniform(0, min(s.retry_backoff_max, s.retry_backoff * 2**retries))


class StageTask(Task):
    """Base for ``naba.<stage>.process`` tasks; tasks take keyword arguments only."""

    acks_late = True
    reject_on_worker_lost = True
    typing = False

    @property
    def stage(self) -> str:
        return stage_of_task(self.name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args:
            raise TypeError("stage tasks take keyword arguments only, so dead letters can be replayed as sent")
        req = self.request
        if req.called_directly:
            return self.run(**kwargs)
        s = get_settings()
        r = get_redis()
        dkey = f"{PREFIX}deliveries:{req.id}:{req.retries}"
        with r.pipeline() as p:
            p.incr(dkey)
            p.expire(dkey, DELIVERY_TTL)
            deliveries = int(p.execute()[0])
        started = time.perf_counter()
        try:
            if deliveries > s.max_deliveries:
                self.dead_letter(
                    kwargs, f"crash loop: delivered {deliveries - 1} times without finishing", "crash-loop",
                    deliveries - 1,
                )
                return None
            return self._run_once(kwargs, s)
        finally:
            # Only a process that dies mid-task skips this: that is what the counter is there to see.
            r.delete(dkey)
            LATENCY.labels(self.stage).observe(time.perf_counter() - started)

    def _run_once(self, kwargs: dict[str, Any], s: Any) -> Any:
        """Run the stage once; settle every outcome (done, skipped, dead-lettered) or schedule a retry."""
        req = self.request
        try:
            result = self.run(**kwargs)
        except Retry:
            raise
        except SkipDocument as exc:
            SKIPPED.labels(self.stage, exc.reason).inc()
            runs.close_unit(kwargs.get("run"), unit_of(kwargs), "skipped", exc.reason)
            return None
        except Exception as exc:
            FAILED.labels(self.stage, type(exc).__name__).inc()
            if is_permanent(exc):
                self.dead_letter(kwargs, _describe(exc), "rejected", req.retries + 1)
                return None
            if req.retries >= s.max_retries:
                self.dead_letter(kwargs, _describe(exc), "retries-exhausted", req.retries + 1)
                return None
            RETRIED.labels(self.stage).inc()
            log.warning("%s attempt %d failed (%s); retrying", self.name, req.retries + 1, _describe(exc))
            # A server's Retry-After (429/503) is a floor under our own backoff.
            countdown = min(s.retry_backoff_max, max(backoff(req.retries), getattr(exc, "retry_after", None) or 0))
            raise self.retry(exc=exc, countdown=countdown, max_retries=s.max_retries) from exc
        PROCESSED.labels(self.stage).inc()
        return result

    def dead_letter(self, payload: dict[str, Any], error: str, reason: str, attempts: int) -> None:
        entry = deadletter.DeadLetter(
            stage=self.stage,
            task=self.name,
            queue=QUEUE.get(self.stage, self.request.delivery_info.get("routing_key") or self.stage),
            error=error,
            attempts=attempts,
            payload=dict(payload),
            reason=reason,
        )
        if payload.get("id"):
            store.keep(payload["id"])
        deadletter.add(entry)
        runs.close_unit(payload.get("run"), unit_of(payload), "dead", f"{entry.id}: {error}")
        DEAD_LETTERED.labels(self.stage, reason).inc()
        log.error("%s dead-lettered as %s (%s): %s", self.name, entry.id, reason, error)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]
