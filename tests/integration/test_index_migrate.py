"""``naba index migrate`` on the real engine: searches keep answering, counts match, window writes survive."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from services.index.engine import SearchEngine
from services.index.indexer import ensure_index, read_alias, write_alias
from services.index.migrate import migrate, next_index
from services.index.writer import BulkWriter

from .test_index_fixtures import index_prefix, search_engine  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration

N_DOCS = 2000


class WindowWriter:
    """Wraps the engine; when the copy starts (write alias already moved) it writes like the pipeline would."""

    def __init__(self, engine: SearchEngine, prefix: str) -> None:
        self._engine = engine
        self._prefix = prefix
        self.window_target: str | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def start_reindex(self, body: dict[str, Any], requests_per_second: float = -1) -> str:
        self.window_target = next(iter(self._engine.get_alias(write_alias(self._prefix))))
        w = BulkWriter(self._engine, write_alias(self._prefix))
        # a newer copy of an existing document (still matching the searcher's query) and a new one
        w.add("doc-5", {"id": "doc-5", "title": "نسخة أحدث", "text": "وزير الخارجية في موسكو، كتبت أثناء النقل"})
        w.add("doc-new", {"id": "doc-new", "title": "جديد", "text": "وثيقة جديدة أثناء النقل"})
        w.flush()
        assert not w.outcome.rejected
        return self._engine.start_reindex(body, requests_per_second=requests_per_second)


def test_migrate_swaps_aliases_with_zero_downtime(search_engine: SearchEngine, index_prefix: str) -> None:  # noqa: F811
    first = ensure_index(search_engine, index_prefix)
    BulkWriter(search_engine, write_alias(index_prefix), max_docs=500).add_many(
        (f"doc-{i}", {"id": f"doc-{i}", "title": f"خبر رقم {i}", "text": "وزير الخارجية في موسكو"})
        for i in range(N_DOCS))
    search_engine.refresh(first)
    old, new = next_index(search_engine, index_prefix)
    assert old == first and new != first

    answers: list[int] = []
    errors: list[str] = []
    done = threading.Event()

    def searcher() -> None:
        while not done.is_set():
            try:
                resp = search_engine.search(read_alias(index_prefix), {"query": {"match": {"text": "الوزير"}},
                                                                       "size": 0, "track_total_hits": True})
                answers.append(resp["hits"]["total"]["value"])
            except Exception as exc:  # any failure is downtime
                errors.append(repr(exc))
            time.sleep(0.02)

    thread = threading.Thread(target=searcher)
    thread.start()
    wrapper = WindowWriter(search_engine, index_prefix)
    try:
        # throttled so the copy takes a few seconds and the searcher really runs during it
        report = migrate(wrapper, index_prefix, batch_size=200, poll=0.2, requests_per_second=800)  # type: ignore[arg-type]
    finally:
        done.set()
        thread.join()

    assert wrapper.window_target == new  # the write alias moved before the copy began
    assert report.old == old and report.new == new
    assert not errors, errors[:3]
    assert len(answers) >= 10, "the searcher should have run throughout the copy"
    assert min(answers) >= N_DOCS  # readers always saw a complete index
    assert set(search_engine.get_alias(read_alias(index_prefix))) == {new}
    assert set(search_engine.get_alias(write_alias(index_prefix))) == {new}
    assert report.old_count == N_DOCS and report.new_count == N_DOCS + 1
    assert report.conflicts == 1  # doc-5's old copy did not overwrite the newer one
    assert search_engine.get(read_alias(index_prefix), "doc-5")["_source"]["title"] == "نسخة أحدث"
    assert search_engine.count(read_alias(index_prefix)) == N_DOCS + 1
    # the new index got the production refresh interval back
    settings = search_engine.client.indices.get_settings(index=new)[new]["settings"]["index"]
    assert settings.get("refresh_interval") == "1s"


def test_migrate_without_an_index_creates_the_first(search_engine: SearchEngine, index_prefix: str) -> None:  # noqa: F811
    report = migrate(search_engine, index_prefix)
    assert report.old is None
    assert set(search_engine.get_alias(read_alias(index_prefix))) == {report.new}


def test_cli_command_migrates(search_engine: SearchEngine, index_prefix: str,  # noqa: F811 - fixtures
                              monkeypatch: pytest.MonkeyPatch) -> None:
    import typer
    from typer.testing import CliRunner

    from services.cli.index_cmds import migrate as migrate_cmd
    from services.shared.settings import get_settings

    if search_engine.kind != "opensearch":
        pytest.skip("the CLI talks to the configured engine (the test stack's OpenSearch)")
    first = ensure_index(search_engine, index_prefix)
    monkeypatch.setenv("NABA_INDEX_PREFIX", index_prefix)
    get_settings.cache_clear()
    app = typer.Typer()
    app.command()(migrate_cmd)
    try:
        result = CliRunner().invoke(app, ["--delete-old"])
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert f"{first} →" in result.output and "deleted" in result.output
    assert not search_engine.index_exists(first)
