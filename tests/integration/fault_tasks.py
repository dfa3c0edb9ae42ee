"""Test-only tasks and hooks loaded into real workers with ``naba worker STAGE --include``.

They use the production base class (StageTask) and the production queues, so what the
tests observe (redelivery, crash-loop detection, dead-lettering, replay) is the real
delivery path; only the task bodies misbehave on purpose.
"""

from __future__ import annotations

import os
import signal
import time

from celery.signals import task_prerun

from services.shared.celery_app import app
from services.shared.delivery import StageTask
from services.shared.redis_client import get_redis

CRASH_ARMED = "naba:test:crash:armed"
CRASH_RUNS = "naba:test:crash:runs"
CRASH_DONE = "naba:test:crash:done"
FAIL_RUNS = "naba:test:fail:runs"
PAUSE_ONCE = "naba:test:pause-once"  # value: task name to pause once
PAUSED_PID = "naba:test:paused-pid"


@app.task(name="naba.ingest.test_crash", base=StageTask, bind=True)
def crash(self: StageTask, *, source: str, run: str | None = None) -> None:
    """Kills its own process while armed: the message can never finish, like an OOM-killed parse."""
    r = get_redis()
    r.incr(CRASH_RUNS)
    if r.get(CRASH_ARMED):
        os.kill(os.getpid(), signal.SIGKILL)
    r.set(CRASH_DONE, source)


@app.task(name="naba.ingest.test_fail", base=StageTask, bind=True)
def fail(self: StageTask, *, source: str, run: str | None = None) -> None:
    get_redis().incr(FAIL_RUNS)
    raise ConnectionError("simulated transient failure")


@task_prerun.connect
def _pause_once(sender=None, **_: object) -> None:  # noqa: ANN001 - Celery signal signature
    """Hold one chosen task in flight long enough for the test to SIGKILL the process running it."""
    r = get_redis()
    name = r.get(PAUSE_ONCE)
    if name and sender is not None and name.decode() == sender.name and r.delete(PAUSE_ONCE):
        r.set(PAUSED_PID, os.getpid())
        time.sleep(60)
