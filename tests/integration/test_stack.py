"""``naba stack`` for real: our Redis and OpenSearch node start, answer, and stop.

Runs in a temporary home on its own ports (6391 / 9211), so neither a developer's
``naba stack up`` (6390 / 9201) nor the session stack of the other integration tests is
touched. Jars come from the local Maven repository: only the first run on a machine downloads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from services.cli import stack
from services.shared.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def stack_settings(tmp_path: Path) -> Iterator[Settings]:
    """Settings for a throwaway stack; whatever the test leaves running is stopped afterwards."""
    settings = Settings(
        home=tmp_path / "home",
        redis_url="redis://127.0.0.1:6391/0",
        search_url="http://127.0.0.1:9211",
    )
    try:
        yield settings
    finally:
        stack.stop_opensearch(settings)
        stack.stop_redis(settings)


def _by_name(settings: Settings) -> dict[str, stack.ServiceStatus]:
    return {status.name: status for status in stack.stack_status(settings)}


@pytest.mark.timeout(420)
def test_stack_up_analyze_down(stack_settings: Settings) -> None:
    settings = stack_settings
    before = _by_name(settings)
    assert not before["redis"].running and not before["opensearch"].running

    assert stack.ensure_redis(settings) is True
    assert stack.ensure_opensearch(settings) is True
    # idempotent: a second "stack up" finds both running and starts nothing
    assert stack.ensure_redis(settings) is False
    assert stack.ensure_opensearch(settings) is False

    up = _by_name(settings)
    assert up["redis"].running and up["redis"].pid
    assert up["opensearch"].running and up["opensearch"].pid
    assert "naba-local" in up["opensearch"].detail
    assert (Path(settings.home) / "redis" / "data").is_dir()

    tokens = stack.analyze(settings, "الوزير", analyzer="arabic")
    assert tokens, "the arabic analyzer returned no tokens"

    stack.stop_opensearch(settings)
    stack.stop_redis(settings)
    down = _by_name(settings)
    assert not down["redis"].running and down["redis"].pid is None
    assert not down["opensearch"].running and down["opensearch"].pid is None
    # stopping again is a no-op
    stack.stop_opensearch(settings)
    stack.stop_redis(settings)
