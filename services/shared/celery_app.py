"""The one Celery application every worker and the CLI share.

Delivery is at-least-once by design: ``acks_late`` + ``reject_on_worker_lost`` keep a
message in Redis until its task has finished (a SIGKILLed worker's message comes back),
prefetch 1 stops one busy worker from hoarding work, and deterministic article ids make
the resulting redeliveries idempotent. Results are off: stages communicate through
queues and the content store, never through the result backend.
"""

from __future__ import annotations

from celery import Celery

from .queues import QUEUE
from .settings import get_settings


def make_app() -> Celery:
    s = get_settings()
    if s.visibility_timeout <= s.task_time_limit + s.retry_backoff_max:
        raise ValueError(
            "NABA_VISIBILITY_TIMEOUT must exceed the task time limit plus the longest retry delay, "
            "or Redis hands a running task to a second worker"
        )
    app = Celery("naba", broker=s.redis_url)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True,
        worker_prefetch_multiplier=1,
        worker_cancel_long_running_tasks_on_connection_loss=True,
        task_ignore_result=True,
        result_backend=None,
        task_serializer="json",
        accept_content=["json"],
        task_time_limit=s.task_time_limit,
        # The soft limit leaves the task time to clean up before the hard kill.
        task_soft_time_limit=s.task_time_limit - max(1, min(30, s.task_time_limit // 10)),
        task_default_queue=QUEUE["ingest"],
        task_create_missing_queues=True,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": s.visibility_timeout,
            # Sweep for abandoned messages every few seconds instead of every ~100 s, so a
            # killed worker's message is back soon after its visibility timeout.
            "unacked_restore_interval": 5,
            "unacked_restore_throttle": 1,
            "socket_timeout": 30,
            "socket_connect_timeout": 10,
            "socket_keepalive": True,
            "health_check_interval": 25,
            "retry_on_timeout": True,
        },
        worker_hijack_root_logger=False,
        worker_send_task_events=True,
        task_send_sent_event=True,
    )
    return app


app = make_app()
