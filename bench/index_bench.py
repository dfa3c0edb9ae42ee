"""Index bench: naba's BulkWriter vs raw ``opensearchpy.helpers.streaming_bulk``, and search latency.

    .venv/bin/python bench/index_bench.py [--docs 10000] [--chunk 500] [--runs 3] [--slices 10] [--queries 300]
                                          [--url http://127.0.0.1:9231] [--keep]

Without ``--url`` it starts its own single-node OpenSearch through ``services.cli.stack``
on port 9231 (home ``var/bench-stack``), and stops it afterwards unless ``--keep``; with
``--url`` it uses that node. Documents are synthesised from the seed articles
(``seeds/*.txt``: sentences shuffled into new bodies, titles and entity lists), built once,
and sent identically by both writers: same documents, same chunk size, same byte bound,
into fresh indexes made from the same template. Each run interleaves the two writers slice
by slice (``--slices``, alternating who goes first), so on a shared machine both see the
same background load and neither profits from a warmer JVM; the best run of each is reported.

Search latency is measured on the naba index holding all ``--docs`` documents: the full
naba query (``build_query``: stemmed + exact + phrase clauses, filters, facets,
highlighting) against a bare ``multi_match`` on the same fields, client-side wall time.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from services.index.documents import nfkc  # noqa: E402
from services.index.engine import OpenSearchEngine  # noqa: E402
from services.index.indexer import template  # noqa: E402
from services.index.search import SearchRequest, build_query  # noqa: E402
from services.index.writer import BulkWriter  # noqa: E402

BENCH_PORT = 9231
_SENTENCE = re.compile(r"(?<=[.!؟?])\s+|\n+")
_WORD = re.compile(r"[\u0621-\u064a]{4,}")
SITES = ["عربي21", "الجزيرة", "العربية", "سكاي نيوز عربية", "بي بي سي عربي"]
AGENCIES = ["رويترز", "الأناضول", "فرانس برس", "أسوشيتد برس"]
PLACES = ["موسكو", "طرابلس", "بيروت", "دمشق", "القاهرة", "بغداد", "واشنطن", "باريس"]
PEOPLE = ["خليفة حفتر", "فلاديمير بوتين", "دونالد ترامب", "غسان سلامة", "فايز السراج"]


def seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        out += [s.strip() for s in _SENTENCE.split(path.read_text(encoding="utf-8")) if len(s.strip()) > 20]
    if not out:
        raise SystemExit("no seed sentences found under seeds/")
    return out


def synthesise(n: int, rng: random.Random) -> list[tuple[str, dict[str, Any]]]:
    """``n`` documents in naba's index shape, built from shuffled seed sentences."""
    sentences = seed_sentences()
    docs = []
    for i in range(n):
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(6, 18)))
        year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
        per, loc = rng.sample(PEOPLE, 2), rng.sample(PLACES, 2)
        doc_id = f"bench-{i}"
        docs.append((doc_id, {
            "id": doc_id,
            "title": nfkc(rng.choice(sentences)[:120]),
            "text": nfkc(body),
            "summary": nfkc(body[:200]),
            "url": f"https://example.org/{i}",
            "source": f"https://example.org/{i}",
            "sitename": rng.choice(SITES),
            "language": "ar",
            "published": f"{year}-{month:02d}-{day:02d}",
            "sources": rng.sample(AGENCIES, rng.randint(0, 2)),
            "entities": {"PER": per, "LOC": loc},
            "entity_keys": sorted(per + loc),
            "mentions": [{"name": x, "key": x, "type": t, "text": x, "start": 0, "end": len(x)}
                         for t, xs in (("PER", per), ("LOC", loc)) for x in xs],
            "dates_mentioned": [f"{year - 1}-{month:02d}"],
            "date_mentions": [{"text": str(year - 1), "value": f"{year - 1}-{month:02d}", "calendar": "gregorian",
                               "relative": False, "start": 0, "end": 4}],
            "content_hash": uuid.UUID(int=rng.getrandbits(128)).hex * 2,
            "provenance": {"schema_version": 1, "extractor": "bench", "stages": ["ingest", "enrich"]},
        }))
    return docs


def fresh_index(engine: OpenSearchEngine, name: str) -> str:
    engine.delete_index(name)
    engine.create_index(name, template())
    return name


def run_naba(engine: OpenSearchEngine, index: str, docs: list[tuple[str, dict[str, Any]]], chunk: int,
             max_bytes: int) -> float:
    started = time.perf_counter()
    out = BulkWriter(engine, index, max_docs=chunk, max_bytes=max_bytes).add_many(docs)
    elapsed = time.perf_counter() - started
    assert len(out.indexed) == len(docs), (len(out.indexed), list(out.rejected.items())[:2])
    return elapsed


def run_raw(engine: OpenSearchEngine, index: str, docs: list[tuple[str, dict[str, Any]]], chunk: int,
            max_bytes: int) -> float:
    from opensearchpy.helpers import streaming_bulk

    actions = ({"_op_type": "index", "_index": index, "_id": i, "_source": d} for i, d in docs)
    started = time.perf_counter()
    ok = sum(1 for success, _ in streaming_bulk(engine.client, actions, chunk_size=chunk,
                                                max_chunk_bytes=max_bytes, raise_on_error=False) if success)
    elapsed = time.perf_counter() - started
    assert ok == len(docs), ok
    return elapsed


def latencies(engine: OpenSearchEngine, index: str, bodies: list[dict[str, Any]]) -> list[float]:
    out = []
    for body in bodies:
        started = time.perf_counter()
        engine.search(index, body)
        out.append((time.perf_counter() - started) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def search_bodies(n: int, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    words = sorted({w for s in seed_sentences() for w in _WORD.findall(s)})
    full, bare = [], []
    for _ in range(n):
        q = " ".join(rng.sample(words, rng.randint(1, 3)))
        req = SearchRequest(query=q, entity=[rng.choice(PLACES)] if rng.random() < 0.3 else [],
                            entity_type="LOC", published_from="2016-01-01" if rng.random() < 0.3 else None)
        full.append(build_query(req))
        bare.append({"query": {"multi_match": {"query": nfkc(q), "fields": ["title^3", "text"]}}, "size": 10})
    return full, bare


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--slices", type=int, default=10,
                    help="interleave the writers slice by slice, so both see the same background load")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--url", help="use this OpenSearch node instead of starting one")
    ap.add_argument("--keep", action="store_true", help="leave the node started by the bench running")
    args = ap.parse_args(argv)

    from opensearchpy import OpenSearch

    from services.cli.stack import ensure_opensearch, stop_opensearch
    from services.shared.settings import Settings

    settings = Settings(search_url=args.url or f"http://127.0.0.1:{BENCH_PORT}", home=REPO / "var" / "bench-stack")
    started_node = False if args.url else ensure_opensearch(settings)
    engine = OpenSearchEngine(OpenSearch(settings.search_url, timeout=120))
    rng = random.Random(7)
    try:
        t0 = time.perf_counter()
        docs = synthesise(args.docs, rng)
        mb = sum(len(json.dumps(d, ensure_ascii=False).encode()) for _, d in docs) / 1e6
        print(f"{len(docs)} documents, {mb:.1f} MB of JSON, built in {time.perf_counter() - t0:.1f} s; "
              f"chunk {args.chunk} docs / {args.max_bytes / 2**20:.0f} MiB", flush=True)
        tag = uuid.uuid4().hex[:6]
        naba_idx, raw_idx = f"bench-naba-{tag}", f"bench-raw-{tag}"
        contenders = {"naba": (run_naba, naba_idx), "raw": (run_raw, raw_idx)}
        best = {"naba": float("inf"), "raw": float("inf")}
        # a small warm-up so JIT and first-index costs are not charged to the first contender
        fresh_index(engine, naba_idx)
        run_naba(engine, naba_idx, docs[:1000], args.chunk, args.max_bytes)
        step = -(-len(docs) // args.slices)
        for r in range(args.runs):
            for idx in (naba_idx, raw_idx):
                fresh_index(engine, idx)
            spent = {"naba": 0.0, "raw": 0.0}
            for k, lo in enumerate(range(0, len(docs), step)):
                order = ["raw", "naba"] if (r + k) % 2 == 0 else ["naba", "raw"]
                for name in order:
                    fn, idx = contenders[name]
                    spent[name] += fn(engine, idx, docs[lo:lo + step], args.chunk, args.max_bytes)
            for name in ("raw", "naba"):
                best[name] = min(best[name], spent[name])
            print(f"  run {r + 1}: naba {len(docs) / spent['naba']:6.0f} docs/s, raw {len(docs) / spent['raw']:6.0f} "
                  f"docs/s, ratio {spent['raw'] / spent['naba']:.2f}", flush=True)
        naba_rate, raw_rate = len(docs) / best["naba"], len(docs) / best["raw"]

        engine.refresh(naba_idx)
        assert engine.count(naba_idx) == len(docs)
        full, bare = search_bodies(args.queries, rng)
        latencies(engine, naba_idx, full[:30] + bare[:30])  # warm caches
        lat_full = latencies(engine, naba_idx, full)
        lat_bare = latencies(engine, naba_idx, bare)

        print()
        print(f"{'bulk indexing':28} {'naba BulkWriter':>16} {'streaming_bulk':>16} {'ratio':>8}")
        print(f"{'docs/s (best of ' + str(args.runs) + ')':28} {naba_rate:16.0f} {raw_rate:16.0f} "
              f"{naba_rate / raw_rate:8.2f}")
        print()
        print(f"{'search on ' + str(len(docs)) + ' docs (ms)':28} {'naba query':>16} {'bare match':>16} {'ratio':>8}")
        for label, p in (("p50", 50), ("p95", 95)):
            a, b = pct(lat_full, p), pct(lat_bare, p)
            print(f"{label:28} {a:16.1f} {b:16.1f} {a / b:8.2f}")
        print(f"{'mean':28} {statistics.mean(lat_full):16.1f} {statistics.mean(lat_bare):16.1f}")
        engine.delete_index(naba_idx)
        engine.delete_index(raw_idx)
    finally:
        engine.close()
        if started_node and not args.keep:
            stop_opensearch(settings)


if __name__ == "__main__":
    main()
