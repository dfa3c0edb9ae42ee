"""Celery binding of the enrich stage: read by id, enrich, store, hand over to index."""

from __future__ import annotations

from services.shared import store
from services.shared.celery_app import app
from services.shared.delivery import StageTask
from services.shared.queues import QUEUE, TASK

from .pipeline import annotate, enrich

# Load the model and lexicons in the worker's parent process, before the pool forks: children
# share the pages copy-on-write and the first message doesn't pay seconds of start-up.
annotate("تمهيد", None)


@app.task(name=TASK["enrich"], base=StageTask, bind=True)
def process(self: StageTask, *, id: str, run: str | None = None) -> None:  # noqa: A002 - the payload's key
    article = enrich(store.get(id))
    store.put(article)
    app.send_task(TASK["index"], kwargs={"id": id, "run": run}, queue=QUEUE["index"])
