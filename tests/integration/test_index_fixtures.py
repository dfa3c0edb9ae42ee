"""Engine fixtures shared by the index integration tests (imported by ``test_analysis`` and ``test_index_*``).

Every index test runs against the real OpenSearch node of the ``stack`` fixture and, when
``NABA_TEST_ELASTICSEARCH_URL`` points at an Elasticsearch node, against that too: the
template and queries are the same JSON, so the same assertions must hold on both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from services.index.engine import SearchEngine, make_engine

pytestmark = pytest.mark.integration

ES_URL_VAR = "NABA_TEST_ELASTICSEARCH_URL"


@pytest.fixture(scope="module", params=["opensearch", "elasticsearch"])
def search_engine(request: pytest.FixtureRequest) -> Iterator[SearchEngine]:
    """A client for one engine kind; Elasticsearch is skipped unless its URL is given."""
    from services.shared.settings import get_settings

    if request.param == "elasticsearch":
        url = os.environ.get(ES_URL_VAR)
        if not url:
            pytest.skip(f"{ES_URL_VAR} is not set: Elasticsearch variant skipped")
        engine = make_engine(get_settings(), url=url, kind="elasticsearch")
    else:
        request.getfixturevalue("stack")
        engine = make_engine(get_settings())
    try:
        yield engine
    finally:
        engine.close()


@pytest.fixture
def index_prefix(search_engine: SearchEngine) -> Iterator[str]:
    """A fresh prefix per test; its versioned indexes are deleted by name afterwards."""
    from services.shared.settings import get_settings

    prefix = f"{get_settings().index_prefix}-{uuid.uuid4().hex[:6]}"
    try:
        yield prefix
    finally:
        for v in range(1, 8):
            search_engine.delete_index(f"{prefix}-v{v}")


def test_engine_answers(search_engine: SearchEngine) -> None:
    assert search_engine.health()["status"] in ("green", "yellow")
