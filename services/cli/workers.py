"""Starting and stopping stage workers as background processes for ``naba run``.

``naba worker STAGE`` is the real entry point (what docker-compose runs); this module
only launches it detached, records its pid under ``$NABA_HOME/run`` and waits until the
worker answers a broadcast ping, so the first message doesn't sit in a queue nobody reads.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from services.shared.queues import STAGES
from services.shared.settings import Settings

from .stack import pid_alive

log = logging.getLogger(__name__)


def _pidfile(settings: Settings, stage: str) -> Path:
    return settings.home / "run" / f"worker-{stage}.pid"


def worker_pid(settings: Settings, stage: str) -> int | None:
    try:
        pid = int(_pidfile(settings, stage).read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if pid_alive(pid) else None


def start_worker(settings: Settings, stage: str, concurrency: int = 1) -> int:
    (settings.home / "run").mkdir(parents=True, exist_ok=True)
    (settings.home / "log").mkdir(parents=True, exist_ok=True)
    logfile = open(settings.home / "log" / f"worker-{stage}.log", "ab")  # noqa: SIM115 - handed to the child
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli.main", "worker", stage, "--concurrency", str(concurrency)],
        stdout=logfile,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    _pidfile(settings, stage).write_text(str(proc.pid))
    return proc.pid


def running_stages(timeout: float = 1.0) -> set[str]:
    """Stages with at least one live worker anywhere (they answer a broadcast ping as ``<stage>.<pid>@host``)."""
    from services.shared.celery_app import app

    return {name.split(".", 1)[0] for reply in app.control.ping(timeout=timeout) or [] for name in reply}


def ensure_workers(settings: Settings, stages: tuple[str, ...] = STAGES) -> list[str]:
    """Start a worker for every stage that has none; returns the stages this call started."""
    live = running_stages()
    started = [s for s in stages if s not in live and worker_pid(settings, s) is None]
    try:
        for stage in started:
            start_worker(settings, stage)
        if started:
            wait_ready(started)
    except BaseException:
        stop_workers(settings, started)  # don't leave half a pipeline running behind a failed start
        raise
    return started


def wait_ready(stages: list[str], timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    missing = set(stages)
    while missing and time.monotonic() < deadline:
        missing -= running_stages()
    if missing:
        raise TimeoutError(f"workers did not come up within {timeout:.0f}s: {sorted(missing)} (see $NABA_HOME/log)")


def stop_worker(settings: Settings, stage: str, timeout: float = 30.0) -> None:
    """Warm shutdown first (SIGTERM lets the running task finish), SIGKILL only after ``timeout``."""
    pid = worker_pid(settings, stage)
    if pid is None:
        _pidfile(settings, stage).unlink(missing_ok=True)
        return
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if pid_alive(pid):
        os.killpg(pid, signal.SIGKILL)
    _pidfile(settings, stage).unlink(missing_ok=True)


def stop_workers(settings: Settings, stages: list[str] | tuple[str, ...] = STAGES) -> None:
    for stage in stages:
        stop_worker(settings, stage)
