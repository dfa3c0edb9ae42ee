"""One small adapter over the two engines naba runs on.

elasticsearch-py refuses to talk to anything that isn't Elasticsearch, and opensearch-py
is the supported client for OpenSearch; the mappings, analyzers and queries naba sends
are the same JSON for both. Everything engine-specific stays in this module.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from services.shared.settings import Settings

log = logging.getLogger(__name__)

TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class BulkItemResult:
    id: str
    ok: bool
    status: int
    error: str | None = None

    @property
    def transient(self) -> bool:
        return not self.ok and self.status in TRANSIENT_STATUSES


class SearchEngine(Protocol):
    kind: str

    def health(self) -> dict[str, Any]: ...
    def put_index_template(self, name: str, body: dict[str, Any]) -> None: ...
    def create_index(self, name: str, body: dict[str, Any] | None = None) -> None: ...
    def index_exists(self, name: str) -> bool: ...
    def delete_index(self, name: str) -> None: ...
    def get_alias(self, name: str) -> dict[str, Any]: ...
    def update_aliases(self, actions: list[dict[str, Any]]) -> None: ...
    def bulk(self, actions: list[dict[str, Any]], refresh: bool | str = False) -> list[BulkItemResult]: ...
    def bulk_ndjson(self, body: str, refresh: bool | str = False) -> list[BulkItemResult]: ...
    def search(self, index: str, body: dict[str, Any]) -> dict[str, Any]: ...
    def get(self, index: str, doc_id: str) -> dict[str, Any] | None: ...
    def analyze(self, index: str | None, body: dict[str, Any]) -> list[str]: ...
    def refresh(self, index: str) -> None: ...
    def count(self, index: str, body: dict[str, Any] | None = None) -> int: ...
    def reindex(self, body: dict[str, Any]) -> dict[str, Any]: ...
    def start_reindex(self, body: dict[str, Any], requests_per_second: float = -1) -> str: ...
    def task(self, task_id: str) -> dict[str, Any]: ...
    def put_settings(self, index: str, settings: dict[str, Any]) -> None: ...
    def get_mapping(self, index: str) -> dict[str, Any]: ...
    def close(self) -> None: ...


class _ClientEngine:
    """The two clients share method names and shapes for everything naba uses."""

    kind = "?"

    def __init__(self, client: Any) -> None:
        self.client = client

    def health(self) -> dict[str, Any]:
        return dict(self.client.cluster.health())

    def put_index_template(self, name: str, body: dict[str, Any]) -> None:
        self.client.indices.put_index_template(name=name, body=body)

    def create_index(self, name: str, body: dict[str, Any] | None = None) -> None:
        self.client.indices.create(index=name, body=body or {})

    def index_exists(self, name: str) -> bool:
        return bool(self.client.indices.exists(index=name))

    def delete_index(self, name: str) -> None:
        self.client.indices.delete(index=name, ignore_unavailable=True)

    def get_alias(self, name: str) -> dict[str, Any]:
        try:
            return dict(self.client.indices.get_alias(name=name))
        except Exception as exc:  # both clients raise their own NotFoundError
            if _status(exc) == 404:
                return {}
            raise

    def update_aliases(self, actions: list[dict[str, Any]]) -> None:
        self.client.indices.update_aliases(body={"actions": actions})

    def bulk(self, actions: list[dict[str, Any]], refresh: bool | str = False) -> list[BulkItemResult]:
        if not actions:
            return []
        resp = self.client.bulk(body=list(_bulk_lines(actions)), refresh=refresh)
        return [_item_result(item) for item in resp["items"]]

    def bulk_ndjson(self, body: str, refresh: bool | str = False) -> list[BulkItemResult]:
        """Send a pre-serialised NDJSON body: the writer measures bytes once and the client adds nothing."""
        resp = self.client.bulk(body=body, refresh=refresh)
        return [_item_result(item) for item in resp["items"]]

    def search(self, index: str, body: dict[str, Any]) -> dict[str, Any]:
        return dict(self.client.search(index=index, body=body))

    def get(self, index: str, doc_id: str) -> dict[str, Any] | None:
        try:
            return dict(self.client.get(index=index, id=doc_id))
        except Exception as exc:
            if _status(exc) == 404:
                return None
            raise

    def analyze(self, index: str | None, body: dict[str, Any]) -> list[str]:
        resp = self.client.indices.analyze(index=index, body=body) if index else self.client.indices.analyze(body=body)
        return [t["token"] for t in resp["tokens"]]

    def refresh(self, index: str) -> None:
        self.client.indices.refresh(index=index)

    def count(self, index: str, body: dict[str, Any] | None = None) -> int:
        return int(self.client.count(index=index, body=body or {"query": {"match_all": {}}})["count"])

    def reindex(self, body: dict[str, Any]) -> dict[str, Any]:
        return dict(self.client.reindex(body=body, refresh=True, wait_for_completion=True))

    def start_reindex(self, body: dict[str, Any], requests_per_second: float = -1) -> str:
        """Server-side reindex as a task, so a long copy never hits the client's HTTP timeout."""
        resp = self.client.reindex(body=body, wait_for_completion=False, requests_per_second=requests_per_second)
        return str(resp["task"])

    def task(self, task_id: str) -> dict[str, Any]:
        return dict(self.client.tasks.get(task_id=task_id))

    def put_settings(self, index: str, settings: dict[str, Any]) -> None:
        self.client.indices.put_settings(index=index, body=settings)

    def get_mapping(self, index: str) -> dict[str, Any]:
        return dict(self.client.indices.get_mapping(index=index))

    def close(self) -> None:
        self.client.close()


class ElasticsearchEngine(_ClientEngine):
    kind = "elasticsearch"

    def put_index_template(self, name: str, body: dict[str, Any]) -> None:
        self.client.indices.put_index_template(name=name, **body)

    def create_index(self, name: str, body: dict[str, Any] | None = None) -> None:
        self.client.indices.create(index=name, **(body or {}))

    def update_aliases(self, actions: list[dict[str, Any]]) -> None:
        self.client.indices.update_aliases(actions=actions)

    def bulk(self, actions: list[dict[str, Any]], refresh: bool | str = False) -> list[BulkItemResult]:
        if not actions:
            return []
        resp = self.client.bulk(operations=list(_bulk_lines(actions)), refresh=refresh)
        return [_item_result(item) for item in resp["items"]]

    def bulk_ndjson(self, body: str, refresh: bool | str = False) -> list[BulkItemResult]:
        resp = self.client.bulk(operations=body, refresh=refresh)
        return [_item_result(item) for item in resp["items"]]

    def search(self, index: str, body: dict[str, Any]) -> dict[str, Any]:
        return dict(self.client.search(index=index, **body))

    def analyze(self, index: str | None, body: dict[str, Any]) -> list[str]:
        resp = self.client.indices.analyze(index=index, **body)
        return [t["token"] for t in resp["tokens"]]

    def count(self, index: str, body: dict[str, Any] | None = None) -> int:
        return int(self.client.count(index=index, **(body or {"query": {"match_all": {}}}))["count"])

    def reindex(self, body: dict[str, Any]) -> dict[str, Any]:
        return dict(self.client.reindex(**body, refresh=True, wait_for_completion=True))

    def start_reindex(self, body: dict[str, Any], requests_per_second: float = -1) -> str:
        resp = self.client.reindex(**body, wait_for_completion=False, requests_per_second=requests_per_second)
        return str(resp["task"])

    def put_settings(self, index: str, settings: dict[str, Any]) -> None:
        self.client.indices.put_settings(index=index, settings=settings)


class OpenSearchEngine(_ClientEngine):
    kind = "opensearch"


def make_engine(settings: Settings, url: str | None = None, kind: str | None = None) -> SearchEngine:
    url = url or settings.search_url
    kind = kind or settings.search_engine
    auth = (settings.search_user, settings.search_password) if settings.search_user else None
    if kind == "elasticsearch":
        from elasticsearch import Elasticsearch

        return ElasticsearchEngine(
            Elasticsearch(url, basic_auth=auth, request_timeout=60, retry_on_timeout=True, max_retries=3)
        )
    if kind == "opensearch":
        from opensearchpy import OpenSearch

        return OpenSearchEngine(OpenSearch(url, http_auth=auth, timeout=60, retry_on_timeout=True, max_retries=3))
    raise ValueError(f"unknown search engine {kind!r}: use elasticsearch or opensearch")


def _bulk_lines(actions: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Actions are ``{"_op": "index", "_index": ..., "_id": ..., "_source": {...}}``."""
    for a in actions:
        op = a.get("_op", "index")
        yield {op: {"_index": a["_index"], "_id": a["_id"]}}
        if op != "delete":
            yield a["_source"]


def _item_result(item: dict[str, Any]) -> BulkItemResult:
    (_, info), = item.items()
    status = int(info.get("status", 0))
    err = info.get("error")
    if err:
        reason = f"{err.get('type')}: {err.get('reason')}" if isinstance(err, dict) else str(err)
        caused = err.get("caused_by") if isinstance(err, dict) else None
        if caused:
            reason += f" (caused by {caused.get('type')}: {caused.get('reason')})"
        return BulkItemResult(info.get("_id", ""), False, status, reason)
    return BulkItemResult(info.get("_id", ""), 200 <= status < 300, status)


def _status(exc: BaseException) -> int | None:
    code = getattr(exc, "status_code", None)
    if isinstance(code, int):
        return code
    meta = getattr(exc, "meta", None)
    return getattr(meta, "status", None)
