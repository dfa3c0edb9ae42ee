"""End to end on the real stack: naba run → queues → workers → OpenSearch → naba search."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from pathlib import Path

import pytest

from .conftest import NABA, REPO

pytestmark = pytest.mark.integration

SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def _naba(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NABA, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)


def _search(env: dict[str, str], *args: str) -> list[dict]:
    res = _naba(env, "search", *args, "--json", "--size", "20")
    assert res.returncode == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def _first_line(path: Path) -> str:
    return next(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_naba_run_indexes_every_seed_and_search_finds_them(clean_redis: dict[str, str]) -> None:
    env = clean_redis
    res = _naba(env, "run", "seeds/")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "5 indexed" in res.stdout

    for seed in SEEDS:
        title = _first_line(seed)
        hits = _search(env, title)
        assert hits, f"no hit for {title}"
        assert hits[0]["title"] == title
        assert hits[0]["source"].endswith(seed.name)

    # entity facets: a name that only one article mentions finds exactly that article
    by_entity = {h["source"].rsplit("/", 1)[-1] for h in _search(env, "--entity", "خيري التميمي", "--type", "PER")}
    assert by_entity == {"003_627ce909fff24854.txt"}
    peskov = {h["source"].rsplit("/", 1)[-1] for h in _search(env, "--entity", "ديمتري بيسكوف")}
    assert peskov == {"000_88f6f628925ab9b8.txt", "004_bfa45bedac996ad1.txt"}
    haftar = _search(env, "--entity", "خليفة حفتر", "--type", "PER")
    assert len(haftar) == 5

    # a second run re-delivers the same files: ids are deterministic, nothing is duplicated
    again = _naba(env, "run", "seeds/")
    assert again.returncode == 0, again.stderr
    assert len(_search(env, "")) == 5


def test_bad_inputs_are_dead_lettered_with_a_reason_and_good_ones_still_indexed(
    clean_redis: dict[str, str], tmp_path: Path
) -> None:
    env = clean_redis
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_bytes(SEEDS[0].read_bytes())
    res = _naba(env, "run", str(tmp_path))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "1 indexed" in res.stdout

    dead = [json.loads(line) for line in _naba(env, "dead", "list", "--json").stdout.splitlines()]
    by_file = {Path(d["payload"]["source"]).name: d for d in dead}
    assert set(by_file) == {"binary.txt", "empty.txt"}
    for entry in by_file.values():
        assert entry["stage"] == "ingest"
        assert entry["reason"] == "rejected"
        assert entry["error"]
    assert "binary" in by_file["binary.txt"]["error"].lower()
    assert "empty" in by_file["empty.txt"]["error"].lower()


def test_workers_expose_prometheus_metrics(workers) -> None:  # noqa: ANN001
    for stage in ("ingest", "enrich", "index"):
        workers.start(stage)
    res = _naba(workers.env, "run", "seeds/")
    assert res.returncode == 0, res.stderr
    for port, stage in ((9560, "ingest"), (9561, "enrich"), (9562, "index")):
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
        processed = [line for line in body.splitlines()
                     if line.startswith("naba_tasks_processed_total") and f'stage="{stage}"' in line]
        assert processed, body[:500]
        assert float(processed[0].rsplit(" ", 1)[1]) >= (1 if stage == "ingest" else 5)
        assert f'naba_stage_latency_seconds_count{{stage="{stage}"}}' in body
