"""Unit tests for the shared contract and delivery helpers (pure functions only)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.shared import store
from services.shared.delivery import backoff, is_permanent, unit_of
from services.shared.errors import PermanentError
from services.shared.queues import QUEUE, TASK, stage_of_task
from services.shared.schema import Article, DateMention, Entity, article_id, content_hash


def test_article_id_is_deterministic_and_keyed_by_what_identifies_the_document() -> None:
    a = article_id(url="https://example.com/news/1")
    assert a == article_id(url="https://example.com/news/1")
    assert a != article_id(url="https://example.com/news/2")
    f = article_id(path="seeds/a.txt", content=b"x")
    assert f == article_id(path="seeds/a.txt", content=b"x")
    assert f != article_id(path="seeds/a.txt", content=b"y")  # an edited file is a new version
    assert f != article_id(path="seeds/b.txt", content=b"x")
    assert len(a) == 32
    with pytest.raises(ValueError):
        article_id(path="only-a-path")


def test_content_hash_depends_on_text_only() -> None:
    assert content_hash("نص") == content_hash("نص")
    assert content_hash("نص") != content_hash("نص ")


def test_schema_rejects_unknown_fields_and_bad_types() -> None:
    with pytest.raises(ValidationError):
        Article(id="1", source="s", colour="red")
    with pytest.raises(ValidationError):
        Entity(text="x", name="x", type="PERSON", start=0, end=1)
    with pytest.raises(ValidationError):
        DateMention(text="x", value="2019", start=-1, end=1)


def test_store_round_trip_is_compact_for_arabic() -> None:
    art = Article(id="abc", source="seeds/x.txt", title="حفتر", text="قال حفتر " * 2000)
    blob = store.encode(art)
    assert store.decode(blob) == art
    assert len(blob) < len(art.text.encode("utf-8")) / 20  # repeated text compresses; no base64 bloat


def test_queue_and_task_names_map_back_to_stages() -> None:
    for stage in ("ingest", "enrich", "index"):
        assert stage_of_task(TASK[stage]) == stage
        assert QUEUE[stage].endswith(stage)
    assert stage_of_task("naba.ingest.test_crash") == "ingest"


def test_unit_of_prefers_article_id_over_source() -> None:
    assert unit_of({"id": "abc", "run": "r"}) == "art:abc"
    assert unit_of({"source": "/x/y.txt", "run": "r"}) == "src:/x/y.txt"


def test_backoff_grows_and_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from services.shared.settings import get_settings

    monkeypatch.setenv("NABA_RETRY_BACKOFF", "2")
    monkeypatch.setenv("NABA_RETRY_BACKOFF_MAX", "10")
    get_settings.cache_clear()
    try:
        samples = [backoff(5) for _ in range(200)]
        assert all(0 <= s <= 10 for s in samples)
        assert max(samples) > 5  # grew past the base
        assert len(set(samples)) > 1  # jittered
        assert max(backoff(0) for _ in range(200)) <= 2
    finally:
        get_settings.cache_clear()


def test_permanent_errors_are_recognised_by_class_or_attribute() -> None:
    class Marked(Exception):
        permanent = True

    assert is_permanent(PermanentError("x"))
    assert is_permanent(Marked())
    assert is_permanent(store.MissingArticle("gone"))
    assert not is_permanent(ConnectionError("blip"))


def test_visibility_timeout_must_exceed_longest_task(monkeypatch: pytest.MonkeyPatch) -> None:
    from services.shared.celery_app import make_app
    from services.shared.settings import get_settings

    conf = make_app().conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    monkeypatch.setenv("NABA_VISIBILITY_TIMEOUT", "100")
    monkeypatch.setenv("NABA_TASK_TIME_LIMIT", "300")
    get_settings.cache_clear()
    try:
        with pytest.raises(ValueError, match="VISIBILITY_TIMEOUT"):
            make_app()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
