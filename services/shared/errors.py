"""Error classes the delivery policy understands; no Celery import, so pure stage code can raise them."""

from __future__ import annotations


class PermanentError(Exception):
    """The same input will fail the same way on every attempt: dead-letter it, don't retry."""


class SkipDocument(Exception):  # noqa: N818 - a control-flow signal, not an error
    """Drop a document on purpose (not modified, not an article, duplicate) with a reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self):  # noqa: ANN204 - pickle support for one-argument init
        return (type(self), (self.reason,))
