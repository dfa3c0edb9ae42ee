"""Ingest extraction throughput: the text cleaner, and naba's HTML path vs trafilatura alone.

Usage::

    python bench/ingest_bench.py [--rounds N] [--html-dir DIR] [--max-pages N]

* text: :func:`services.ingest.extract.extract` on the plain-text seeds (``seeds/*.txt``),
  repeated ``--rounds`` times → articles/s (and the cleaner alone, without decoding,
  language id and the Article model).
* HTML: every ``*.html`` under ``--html-dir`` (default: the ingest test fixtures; pass an
  extracted copy of trafilatura's ``tests/`` for a realistic mix — never commit it). Each
  page is run through naba's HTML path (``extract()``: decode, trafilatura's text
  extraction, the metadata from the page's head and JSON-LD (:mod:`services.ingest.html_meta`),
  the Arabic post-filter, language id, the Article) and through ``trafilatura.extract``
  alone, interleaved page by page (in an order that turns from page to page) so that load
  from other processes on a shared machine, and the caches the first run on a page warms,
  favour none of them. Two trafilatura baselines are timed:

  - ``trafilatura text``: text only, no metadata (what ``trafilatura.extract`` does by default
    with naba's extraction options) — the reference naba's speed is held to;
  - ``trafilatura default``: ``trafilatura.extract(html)`` with all its defaults (text only,
    reader comments extracted too: trafilatura's default, which naba must not do);
  - ``trafilatura+meta``: the same options plus trafilatura's whole-page metadata pass
    (title, author, sitename, date with the same htmldate settings, categories, tags,
    licence), JSON output — what naba's HTML path ran before it read metadata from the
    head and JSON-LD only.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from services.ingest.errors import RejectedDocument  # noqa: E402
from services.ingest.extract import extract  # noqa: E402
from services.ingest.html_extract import EXTRACT_OPTIONS, date_params  # noqa: E402
from services.ingest.raw import RawDocument  # noqa: E402
from services.ingest.textclean import clean_text  # noqa: E402


def bench_text(rounds: int) -> None:
    seeds = [(f"seeds/{p.name}", p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts = [body.decode("utf-8") for _, body in seeds]
    t0 = time.perf_counter()
    for _ in range(rounds):
        for source, body in seeds:
            extract(RawDocument(source=source, body=body, kind="text"))
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            clean_text(text)
    cleaner = time.perf_counter() - t0
    n = rounds * len(seeds)
    print(f"text: {len(seeds)} seeds x {rounds} rounds = {n} articles")
    print(f"  extract() on text      {n / full:8.1f} articles/s  ({1000 * full / n:.2f} ms/article)")
    print(f"  clean_text() alone     {n / cleaner:8.1f} articles/s  ({1000 * cleaner / n:.2f} ms/article)")


def _naba(body: bytes, url: str) -> None:
    with contextlib.suppress(RejectedDocument):  # a rejected page still cost its extraction
        extract(RawDocument(source=url, url=url, body=body, kind="html"))


def _trafilatura_meta(body: bytes, url: str) -> None:
    trafilatura.extract(
        body, url=url, output_format="json", with_metadata=True, date_extraction_params=date_params(), **EXTRACT_OPTIONS
    )


def _trafilatura_text(body: bytes, url: str) -> None:
    trafilatura.extract(body, url=url, **EXTRACT_OPTIONS)


def _trafilatura_default(body: bytes, url: str) -> None:
    trafilatura.extract(body, url=url)


def bench_html(html_dir: Path, rounds: int, max_pages: int) -> None:
    paths = sorted(html_dir.rglob("*.html"))[: max_pages or None]
    if not paths:
        print(f"html: no *.html under {html_dir}")
        return
    pages = [(f"https://bench.invalid/{p.name}", p.read_bytes()) for p in paths]
    runners = {"naba": _naba, "trafilatura+meta": _trafilatura_meta, "trafilatura text": _trafilatura_text,
               "trafilatura default": _trafilatura_default}
    for fn in runners.values():  # warm-up: imports, caches, lazily loaded models
        fn(*pages[0][::-1])
    names = list(runners)
    totals = dict.fromkeys(runners, 0.0)
    ratios = []
    for _ in range(rounds):
        per_round = dict.fromkeys(runners, 0.0)
        for i, (url, body) in enumerate(pages):
            # the order turns page by page: whoever runs first on a page warms caches for the
            # others (trafilatura's ``lru_cache`` on line texts, the memory allocator)
            k = i % len(names)
            for name in names[k:] + names[:k]:
                t0 = time.perf_counter()
                runners[name](body, url)
                per_round[name] += time.perf_counter() - t0
        for name in runners:
            totals[name] += per_round[name]
        ratios.append(per_round["trafilatura+meta"] / per_round["naba"])
    n = rounds * len(pages)
    print(f"html: {len(pages)} pages from {html_dir} x {rounds} rounds = {n} pages per extractor")
    for name, total in totals.items():
        print(f"  {name:18s} {n / total:8.1f} pages/s  ({1000 * total / n:.1f} ms/page)")
    print(
        f"  naba / trafilatura+meta speed: {totals['trafilatura+meta'] / totals['naba']:.3f}x "
        f"(per-round median {statistics.median(ratios):.3f}x)"
    )
    print(f"  naba / trafilatura text speed: {totals['trafilatura text'] / totals['naba']:.3f}x")
    print(f"  naba / trafilatura default speed: {totals['trafilatura default'] / totals['naba']:.3f}x")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=20, help="repetitions of the seed set (text) ")
    ap.add_argument("--html-rounds", type=int, default=1)
    ap.add_argument("--html-dir", type=Path, default=ROOT / "tests" / "fixtures" / "ingest")
    ap.add_argument("--max-pages", type=int, default=0, help="limit the number of HTML pages (0: all)")
    args = ap.parse_args()
    bench_text(args.rounds)
    bench_html(args.html_dir, args.html_rounds, args.max_pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
