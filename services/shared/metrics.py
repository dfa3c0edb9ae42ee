"""Prometheus metrics every stage worker exposes, on its own port.

Workers run Celery's prefork pool, so task code executes in child processes: metrics use
prometheus-client's multiprocess mode (``PROMETHEUS_MULTIPROC_DIR`` is set by
``naba worker`` before anything imports prometheus_client) and the parent process serves
the aggregated view.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

PROCESSED = Counter("naba_tasks_processed_total", "Tasks that finished successfully", ["stage"])
FAILED = Counter("naba_tasks_failed_total", "Task attempts that raised", ["stage", "error"])
RETRIED = Counter("naba_tasks_retried_total", "Task attempts scheduled for retry", ["stage"])
DEAD_LETTERED = Counter(
    "naba_tasks_dead_lettered_total", "Messages moved to the dead-letter store", ["stage", "reason"]
)
SKIPPED = Counter("naba_documents_skipped_total", "Documents dropped on purpose, by reason", ["stage", "reason"])
LATENCY = Histogram(
    "naba_stage_latency_seconds",
    "Wall time of one task in a stage",
    ["stage"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)


def serve(port: int, multiproc_dir: str | None, addr: str = "127.0.0.1") -> None:
    """Serve metrics; in multiprocess mode the parent aggregates what the pool children recorded."""
    from prometheus_client import CollectorRegistry, start_http_server

    if multiproc_dir:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=multiproc_dir)
        start_http_server(port, addr=addr, registry=registry)
    else:
        start_http_server(port, addr=addr)
