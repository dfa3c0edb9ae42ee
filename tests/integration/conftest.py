"""A real stack for integration tests: our own Redis and OpenSearch node on test ports, real workers.

The stack is started once per session on ports that don't collide with a developer's
``naba stack up`` (6395 / 9221), with its own index prefix, and stopped at the end unless
it was already running. Workers are real ``naba worker`` processes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from kombu.exceptions import OperationalError

REPO = Path(__file__).resolve().parents[2]
NABA = [sys.executable, "-m", "services.cli.main"]

TEST_ENV = {
    "NABA_REDIS_URL": "redis://127.0.0.1:6395/0",
    "NABA_SEARCH_URL": "http://127.0.0.1:9221",
    "NABA_SEARCH_ENGINE": "opensearch",
    "NABA_METRICS_PORT": "9560",
    "NABA_HOME": str(REPO / "var" / "test-stack"),
}


# Set before any test module imports the Celery app, which reads its broker URL at import.
os.environ.update(TEST_ENV)
os.environ["NABA_INDEX_PREFIX"] = f"naba-test-{uuid.uuid4().hex[:6]}"


def _settings():
    from services.shared.settings import get_settings

    get_settings.cache_clear()
    from services.shared import redis_client

    redis_client._client.cache_clear()
    return get_settings()


def _kill_stray_workers(home: str) -> None:
    """Workers left by an interrupted earlier session would steal this session's messages."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if b"services.cli.main\x00worker" in cmdline and f"NABA_HOME={home}".encode() in environ.split(b"\x00"):
            with contextlib.suppress(OSError):
                os.kill(int(proc.name), signal.SIGKILL)


@pytest.fixture(scope="session")
def stack() -> Iterator[dict[str, str]]:
    """Start (or reuse) the test stack; yields the environment every subprocess must get."""
    settings = _settings()
    _kill_stray_workers(TEST_ENV["NABA_HOME"])
    from services.cli.stack import ensure_opensearch, ensure_redis, stop_opensearch, stop_redis

    started_redis = ensure_redis(settings)
    started_search = ensure_opensearch(settings)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    try:
        yield env
    finally:
        from services.index.engine import make_engine

        with contextlib.suppress(Exception):  # cleanup only
            make_engine(settings).delete_index(settings.index_prefix + "-v*")
        if started_search:
            stop_opensearch(settings)
        if started_redis:
            stop_redis(settings)


@pytest.fixture
def clean_redis(stack: dict[str, str]) -> dict[str, str]:
    """Empty queues, dead letters and run ledgers between tests (the node keeps its data)."""
    from services.shared.redis_client import get_redis

    get_redis().flushdb()
    return stack


def reset_broker_connections() -> None:
    """Forget this process's pooled broker connections, as Celery itself does in a forked child."""
    from kombu import pools

    from services.shared.celery_app import app
    from services.shared.redis_client import get_redis

    pools.reset()
    app._after_fork()
    get_redis().connection_pool.reset()


class Workers:
    """Real ``naba worker`` processes with per-test settings overrides."""

    def __init__(self, env: dict[str, str], tmp: Path) -> None:
        self.env = env
        self.tmp = tmp
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, stage: str, *, include: list[str] | None = None, wait: bool = True, **overrides: str) -> int:
        env = {**self.env, **{f"NABA_{k.upper()}": str(v) for k, v in overrides.items()}}
        cmd = [*NABA, "worker", stage]
        for mod in include or []:
            cmd += ["--include", mod]
        log = open(self.tmp / f"worker-{stage}-{len(self.procs)}.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.procs[f"{stage}-{len(self.procs)}"] = proc
        if wait:
            self.wait_ready(proc.pid)
        return proc.pid

    def wait_ready(self, pid: int, timeout: float = 60) -> None:
        from services.shared.celery_app import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                replies = app.control.ping(timeout=0.5) or []
            except (OperationalError, redis.ConnectionError):  # a pooled connection from before a Redis restart
                reset_broker_connections()
                continue
            for reply in replies:
                if any(f".{pid}@" in name for name in reply):
                    return
        raise TimeoutError(f"worker {pid} did not answer ping; logs in {self.tmp}")

    def pool_children(self, pid: int) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
        return [int(x) for x in out.split()]

    def stop_all(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture
def workers(clean_redis: dict[str, str], tmp_path: Path) -> Iterator[Workers]:
    w = Workers(clean_redis, tmp_path)
    try:
        yield w
    finally:
        w.stop_all()
