"""Dead-letter store: where a message goes when retrying cannot help.

Entries live in Redis (AOF-persisted) as JSON in a hash, ordered by a sorted set of
failure times. Each keeps the stage, task name, queue, error, attempt count and the
message payload, so ``naba dead replay`` can send exactly the same message again.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import redis

from .redis_client import PREFIX, get_redis

ENTRIES = PREFIX + "dead:entries"
ORDER = PREFIX + "dead:order"


@dataclass
class DeadLetter:
    stage: str
    task: str
    queue: str
    error: str
    attempts: int
    payload: dict[str, Any]
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    failed_at: float = field(default_factory=time.time)
    reason: str = "failed"  # failed | rejected | crash-loop | retries-exhausted

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def add(entry: DeadLetter, client: redis.Redis | None = None) -> str:
    r = client or get_redis()
    with r.pipeline(transaction=True) as p:
        p.hset(ENTRIES, entry.id, entry.to_json())
        p.zadd(ORDER, {entry.id: entry.failed_at})
        p.execute()
    return entry.id


def list_entries(limit: int = 100, client: redis.Redis | None = None) -> list[DeadLetter]:
    r = client or get_redis()
    ids = r.zrange(ORDER, 0, limit - 1) if limit > 0 else r.zrange(ORDER, 0, -1)
    if not ids:
        return []
    raws = r.hmget(ENTRIES, ids)
    return [DeadLetter(**json.loads(raw)) for raw in raws if raw]


def count(client: redis.Redis | None = None) -> int:
    return int((client or get_redis()).zcard(ORDER))


def get(entry_id: str, client: redis.Redis | None = None) -> DeadLetter | None:
    raw = (client or get_redis()).hget(ENTRIES, entry_id)
    return DeadLetter(**json.loads(raw)) if raw else None


def remove(entry_id: str, client: redis.Redis | None = None) -> None:
    r = client or get_redis()
    with r.pipeline(transaction=True) as p:
        p.hdel(ENTRIES, entry_id)
        p.zrem(ORDER, entry_id)
        p.execute()


def replay(
    entry_ids: list[str], send: Callable[[DeadLetter], None], client: redis.Redis | None = None
) -> list[str]:
    """Send each entry's message again, removing an entry only once its message is sent."""
    replayed = []
    for entry_id in entry_ids:
        entry = get(entry_id, client)
        if entry is None:
            continue
        send(entry)
        remove(entry_id, client)
        replayed.append(entry_id)
    return replayed
