"""The CLI's in-process paths: naba process (all stages, no broker) and naba enrich (stdin → stdout)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from services.shared.schema import Article

REPO = Path(__file__).resolve().parents[1]
NABA = [sys.executable, "-m", "services.cli.main"]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def test_process_prints_one_valid_article_per_seed() -> None:
    res = subprocess.run([*NABA, "process", *map(str, SEEDS)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    lines = [line for line in res.stdout.splitlines() if line.strip()]
    assert len(lines) == 5
    articles = [Article.model_validate_json(line) for line in lines]
    assert [Path(a.source).name for a in articles] == [s.name for s in SEEDS]
    for a in articles:
        assert a.title and a.text and a.entities and a.dates
        for e in a.entities:
            assert a.text[e.start:e.end] == e.text
        for d in a.dates:
            if d.where == "text":
                assert a.text[d.start:d.end] == d.text
        if a.published:
            assert any(d.where == "published" and a.published.startswith(d.value) for d in a.dates)


def test_enrich_keeps_every_input_field_and_adds_entities_and_dates() -> None:
    lines = [
        {"id": "x1", "title": "t", "text": "التقى وزير الخارجية الروسي سيرغي لافروف في موسكو يوم 5 أبريل 2019.",
         "published": "2019-04-06", "extra": [1, 2]},
        {"id": "x2", "title": "", "text": "", "published": None},
    ]
    res = subprocess.run([*NABA, "enrich"], cwd=REPO, capture_output=True, text=True, timeout=300,
                         input="\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["x1", "x2"]
    assert out[0]["extra"] == [1, 2]
    assert {"سيرغي لافروف", "موسكو"} <= {e["name"] for e in out[0]["entities"]}
    values = {d["value"] for d in out[0]["dates"]}
    assert {"2019-04-05", "2019-04-06"} <= values  # the mention, and the publication date itself
    assert out[1]["entities"] == [] and out[1]["dates"] == []


def test_enrich_rejects_a_line_that_is_not_json() -> None:
    res = subprocess.run([*NABA, "enrich"], cwd=REPO, capture_output=True, text=True, timeout=300,
                         input="{not json\n")
    assert res.returncode == 2
    assert "line 1" in res.stderr
