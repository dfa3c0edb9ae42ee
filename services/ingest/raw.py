"""What a source yields before extraction: bytes plus where they came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "html", "unknown"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as loaded or fetched, not yet decoded or cleaned.

    ``source`` is the path or URL a person would recognise; ``url`` is the canonical URL
    when there is one (it keys the article id); ``body`` stays bytes so that charset
    detection sees what the server or file really held.
    """

    source: str
    body: bytes
    kind: Kind = "unknown"
    url: str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str | None = None
