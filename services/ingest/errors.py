"""Errors raised by ingest extraction.

``RejectedDocument`` is *non-transient*: the same bytes will be rejected again, so the
task layer dead-letters it instead of retrying. Transient failures (network, Redis)
are never raised as this type.
"""

from __future__ import annotations

from services.shared.errors import PermanentError


class RejectedDocument(PermanentError):
    """The input is not an article we can index (binary, empty, huge, a section front…).

    ``reason`` is a short machine-readable code (``"binary:pdf"``, ``"empty"``,
    ``"too_large"``, ``"section_front"``…) suitable for a metrics label; ``detail`` is for
    people reading the dead-letter queue. It is a
    :class:`~services.shared.errors.PermanentError`, so the delivery policy dead-letters
    it without retrying.
    """

    permanent = True

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)

    def __reduce__(self):  # keep Celery/pickle round-trips intact (two-argument init)
        return (type(self), (self.reason, self.detail))
