"""Delivery guarantees on the real stack: crash loops, retries, dead letters, replay, SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest

from .conftest import NABA, REPO, reset_broker_connections
from .fault_tasks import CRASH_ARMED, CRASH_DONE, CRASH_RUNS, FAIL_RUNS, PAUSE_ONCE, PAUSED_PID

pytestmark = pytest.mark.integration


def _wait(predicate, timeout: float = 60, what: str = "condition"):  # noqa: ANN001, ANN202
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _naba(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NABA, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)


def _assert_indexed_once(state) -> str:  # noqa: ANN001 - runs.RunState
    """The run indexed one article, nothing was dead-lettered, and the index holds exactly one copy."""
    from services.index.engine import make_engine
    from services.shared.settings import get_settings

    assert len(state.indexed) == 1 and not state.dead
    (article_id,) = state.indexed.values()
    s = get_settings()
    engine = make_engine(s)
    engine.refresh(s.index_prefix)
    assert engine.count(s.index_prefix, {"query": {"term": {"id": article_id}}}) == 1
    return article_id


def test_crash_loop_is_dead_lettered_after_max_deliveries_and_replays(workers) -> None:  # noqa: ANN001
    from services.shared import deadletter
    from services.shared.celery_app import app
    from services.shared.redis_client import get_redis

    r = get_redis()
    r.set(CRASH_ARMED, "1")
    workers.start("ingest", include=["tests.integration.fault_tasks"], max_deliveries="3")
    app.send_task("naba.ingest.test_crash", kwargs={"source": "poison", "run": None}, queue="naba.ingest")

    entries = _wait(lambda: deadletter.list_entries(), 120, "the crash-looping message to be dead-lettered")
    (entry,) = entries
    assert entry.reason == "crash-loop"
    assert entry.stage == "ingest"
    assert entry.attempts == 3
    assert entry.payload == {"source": "poison", "run": None}
    assert int(r.get(CRASH_RUNS)) == 3  # ran three times, the fourth delivery was stopped at the door
    assert r.get(CRASH_DONE) is None

    listed = _naba(workers.env, "dead", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout.splitlines()[0])["id"] == entry.id

    r.delete(CRASH_ARMED)  # the "bug" is fixed: replay must now go through
    replayed = _naba(workers.env, "dead", "replay", entry.id)
    assert replayed.returncode == 0, replayed.stderr
    assert _wait(lambda: r.get(CRASH_DONE), 60, "the replayed message to run") == b"poison"
    assert deadletter.count() == 0


def test_transient_failure_retries_with_backoff_then_dead_letters(workers) -> None:  # noqa: ANN001
    from services.shared import deadletter
    from services.shared.celery_app import app
    from services.shared.redis_client import get_redis

    workers.start("ingest", include=["tests.integration.fault_tasks"], max_retries="2", retry_backoff="0.2",
                  retry_backoff_max="1")
    app.send_task("naba.ingest.test_fail", kwargs={"source": "flaky", "run": None}, queue="naba.ingest")
    (entry,) = _wait(lambda: deadletter.list_entries(), 60, "retries to run out")
    assert entry.reason == "retries-exhausted"
    assert entry.attempts == 3
    assert "ConnectionError: simulated transient failure" in entry.error
    assert int(get_redis().get(FAIL_RUNS)) == 3


def test_sigkilled_worker_mid_task_still_indexes_exactly_once(workers, tmp_path) -> None:  # noqa: ANN001
    from services.index.engine import make_engine
    from services.shared import runs
    from services.shared.celery_app import app
    from services.shared.redis_client import get_redis
    from services.shared.settings import get_settings

    r = get_redis()
    r.set(PAUSE_ONCE, "naba.enrich.process")
    workers.start("ingest")
    enrich_pid = workers.start("enrich", include=["tests.integration.fault_tasks"])
    workers.start("index")

    seed = REPO / "seeds" / "001_6b8f9d421b231bce.txt"
    run = runs.new_run_id()
    runs.open_units(run, [runs.source_unit(str(seed))])
    app.send_task("naba.ingest.process", kwargs={"source": str(seed), "run": run}, queue="naba.ingest")

    victim = int(_wait(lambda: r.get(PAUSED_PID), 90, "enrich to start the task"))
    assert victim in workers.pool_children(enrich_pid)
    os.kill(victim, signal.SIGKILL)

    state = _wait(lambda: (s := runs.state(run)).done and s, 120, "the article to be indexed after the kill")
    _assert_indexed_once(state)
    s = get_settings()
    assert make_engine(s).count(s.index_prefix, {"query": {"term": {"source": str(seed)}}}) == 1


def test_whole_worker_sigkilled_mid_task_is_restored_after_visibility_timeout(workers) -> None:  # noqa: ANN001
    """No warm shutdown, no parent to requeue: Redis's visibility timeout brings the message back."""
    from services.shared import runs
    from services.shared.celery_app import app
    from services.shared.redis_client import get_redis

    fast = {"visibility_timeout": "20", "task_time_limit": "10", "retry_backoff_max": "5"}
    r = get_redis()
    r.set(PAUSE_ONCE, "naba.enrich.process")
    workers.start("ingest")
    doomed = workers.start("enrich", include=["tests.integration.fault_tasks"], **fast)
    workers.start("index")

    seed = REPO / "seeds" / "004_bfa45bedac996ad1.txt"
    run = runs.new_run_id()
    runs.open_units(run, [runs.source_unit(str(seed))])
    app.send_task("naba.ingest.process", kwargs={"source": str(seed), "run": run}, queue="naba.ingest")
    _wait(lambda: r.get(PAUSED_PID), 90, "enrich to start the task")
    os.killpg(doomed, signal.SIGKILL)  # the parent and its pool, at once

    killed_at = time.monotonic()
    workers.start("enrich", **fast)
    state = _wait(lambda: (s := runs.state(run)).done and s, 120, "the restored message to be indexed")
    assert time.monotonic() - killed_at >= 5  # it came back through the visibility timeout, not a requeue
    _assert_indexed_once(state)


def test_worker_survives_a_redis_restart(workers) -> None:  # noqa: ANN001
    """The broker blips (restart with AOF): the worker reconnects and keeps consuming, nothing is lost."""
    from services.cli.stack import ensure_redis, stop_redis
    from services.shared.celery_app import app
    from services.shared.redis_client import get_redis
    from services.shared.settings import get_settings

    r = get_redis()
    pid = workers.start("ingest", include=["tests.integration.fault_tasks"])
    app.send_task("naba.ingest.test_crash", kwargs={"source": "before", "run": None}, queue="naba.ingest")
    assert _wait(lambda: r.get(CRASH_DONE), 30, "the first message") == b"before"

    stop_redis(get_settings())
    time.sleep(3)
    ensure_redis(get_settings())
    reset_broker_connections()  # this test process's own pooled connections died with the server
    app.send_task("naba.ingest.test_crash", kwargs={"source": "after", "run": None}, queue="naba.ingest")
    assert _wait(lambda: r.get(CRASH_DONE) == b"after", 90, "the worker to reconnect and consume")
    assert workers.procs and all(p.poll() is None for p in workers.procs.values()), "the worker process died"
    assert pid in [p.pid for p in workers.procs.values()]
