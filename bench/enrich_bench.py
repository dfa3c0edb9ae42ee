"""Benchmark the enrich stage (entities + dates) and its date finder against dateparser, in one run.

    .venv/bin/python bench/enrich_bench.py [--gold SEEDS_GOLD.json] [--n 500] [--dp-n 100]

Rows: naba's whole enrich step (``pipeline.annotate``: entities + dates), naba's date finder
alone, and ``dateparser.search.search_dates`` on the same texts. The enrich step is timed
twice: "cold" is the first pass over texts the process has never seen (the tagger's word
caches empty), "warm" the repeated texts. Peak RSS is the process's, after everything.

Speed: the seed texts are repeated to ``--n`` articles for naba and ``--dp-n`` for
dateparser (it is ~100x slower, so a smaller sample gives the same rate in reasonable time);
both rates are articles per second of CPU time on one core (the median of three passes
for the enrich step), printed side by side with their ratio. The enrich step is also timed
on the seeds' article bodies as ingest leaves them (comments, share lines and captions
gone: about 30 % shorter), which is what the enrich worker actually receives.

Quality (with ``--gold``): how many gold dates each finds on the seeds. naba is counted as
the project scorer counts (multiset of values). dateparser returns bare datetimes with no
granularity, so it is credited generously: a gold value counts as found when any result
agrees with it at the gold's own granularity (year, month, or day; XXXX matches any year).
dateparser needs ``pip install dateparser`` (a dev-only dependency).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from services.enrich.dates import find_dates  # noqa: E402
from services.enrich.pipeline import annotate  # noqa: E402


def load_seeds(seeds_dir: Path, gold_path: Path | None) -> list[tuple[str, str, str | None, list[str]]]:
    """(name, text, published, gold values) per seed; published/gold empty without a gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["docs"] if gold_path else {}
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        g = gold.get(path.name, {})
        out.append((path.name, path.read_text(encoding="utf-8"), g.get("published"),
                    [d["value"] for d in g.get("dates", [])]))
    return out


def naba_hits(values: list[str], gold: list[str]) -> tuple[int, int]:
    """(gold values found, outputs that are no gold value) — the scorer's multiset rule."""
    remaining, hits, extra = list(gold), 0, 0
    for v in values:
        if v in remaining:
            remaining.remove(v)
            hits += 1
        elif v not in gold:
            extra += 1
    return hits, extra


def _agrees(gold_value: str, dt: datetime) -> bool:
    parts = gold_value.split("-")
    if parts[0] != "XXXX" and int(parts[0]) != dt.year:
        return False
    if len(parts) > 1 and int(parts[1]) != dt.month:
        return False
    return not (len(parts) > 2 and int(parts[2]) != dt.day)


def dateparser_hits(results: list[tuple[str, datetime]], gold: list[str]) -> tuple[int, int]:
    """(gold values found, results agreeing with no gold value), crediting any granularity."""
    remaining, hits = list(gold), 0
    for g in gold:
        if any(_agrees(g, dt) for _, dt in results):
            remaining.remove(g)
            hits += 1
    extra = sum(1 for _, dt in results if not any(_agrees(g, dt) for g in gold))
    return hits, extra


def run_dateparser(text: str, published: str | None) -> list[tuple[str, datetime]]:
    from dateparser.search import search_dates

    settings = {}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:19])
    return search_dates(text, languages=["ar"], settings=settings) or []


def rate(fn, docs: list[tuple[str, str | None]], repeats: int = 1) -> float:
    """Articles per second of *CPU* time (the target is per core), the median of ``repeats`` passes.

    CPU time, not wall time: on a shared machine a process that is descheduled for a while
    has not become slower per core, and both rows of the comparison use the same clock.
    """
    rates = []
    for _ in range(repeats):
        start = time.process_time()
        for text, published in docs:
            fn(text, published)
        rates.append(len(docs) / (time.process_time() - start))
    return statistics.median(rates)


def cleaned_bodies(seeds_dir: Path) -> list[tuple[str, str | None]]:
    """The seeds as the enrich worker receives them: ingest's article text, published date."""
    from services.ingest.extract import extract
    from services.ingest.raw import RawDocument

    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        article = extract(RawDocument(source=path.name, body=path.read_bytes(), kind="text"))
        out.append((article.text, article.published))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=Path, default=REPO / "seeds")
    ap.add_argument("--gold", type=Path, default=None, help="seeds gold JSON (docs → published, dates)")
    ap.add_argument("--n", type=int, default=500, help="articles for naba")
    ap.add_argument("--dp-n", type=int, default=100, help="articles for dateparser")
    args = ap.parse_args()

    seeds = load_seeds(args.seeds, args.gold)
    if not seeds:
        print(f"no *.txt under {args.seeds}")
        return 2
    base = [(text, pub) for _, text, pub, _ in seeds]
    naba_docs = (base * (args.n // len(base) + 1))[: args.n]
    dp_docs = (base * (args.dp_n // len(base) + 1))[: args.dp_n]

    annotate("تمهيد", None)  # load the model and compile patterns outside the timing
    cold_rate = rate(annotate, base)
    stage_rate = rate(annotate, naba_docs, repeats=3)
    bodies = cleaned_bodies(args.seeds)
    body_rate = rate(annotate, (bodies * (args.n // len(bodies) + 1))[: args.n], repeats=3)
    naba_rate = rate(find_dates, naba_docs)
    try:
        run_dateparser(base[0][0], base[0][1])  # dateparser loads its Arabic data lazily
        dp_rate = rate(run_dateparser, dp_docs)
    except ImportError:
        dp_rate = None

    import resource

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'entities+dates art/s':24s}{stage_rate:14.1f}   seed files, warm (1 core); cold pass {cold_rate:.1f}")
    print(f"{'':24s}{body_rate:14.1f}   the seeds' article bodies after ingest (what the worker gets)")
    print(f"{'peak RSS (MB)':24s}{rss_mb:14.0f}   target <= 400")
    print(f"{'':24s}{'naba':>14s}{'dateparser':>14s}")
    dp_s = f"{dp_rate:14.1f}" if dp_rate else f"{'n/a':>14s}"
    print(f"{'articles/s (1 core)':24s}{naba_rate:14.1f}{dp_s}")
    dp_ms = f"{1000 / dp_rate:14.2f}" if dp_rate else f"{'n/a':>14s}"
    print(f"{'ms/article':24s}{1000 / naba_rate:14.3f}{dp_ms}")
    print(f"{'articles timed':24s}{len(naba_docs):14d}{len(dp_docs) if dp_rate else 0:14d}")
    if dp_rate:
        print(f"speed ratio naba/dateparser: {naba_rate / dp_rate:.0f}x")

    if args.gold:
        tot = sum(len(g) for *_, g in seeds)
        n_hit = n_extra = d_hit = d_extra = 0
        for _, text, pub, gold in seeds:
            h, e = naba_hits([d.value for d in find_dates(text, pub)], gold)
            n_hit, n_extra = n_hit + h, n_extra + e
            if dp_rate:
                h, e = dateparser_hits(run_dateparser(text, pub), gold)
                d_hit, d_extra = d_hit + h, d_extra + e
        print(f"{'gold dates found':24s}{f'{n_hit}/{tot}':>14s}{(f'{d_hit}/{tot}' if dp_rate else 'n/a'):>14s}")
        print(f"{'outputs matching no gold':24s}{n_extra:14d}{(d_extra if dp_rate else 'n/a'):>14}")
        print("(naba counted by the scorer's rule; dateparser credited at any granularity, dates_optional not removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
