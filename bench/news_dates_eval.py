"""Date quality on modern Arabic news: hand-written agency-style paragraphs with gold date values.

    .venv/bin/python bench/news_dates_eval.py [--dir bench/news_dates] [--show]

The seeds hold 19 gold dates; the held-out bar (recall ≥ 0.90 at precision ≥ 0.95) needs a
wider sample of the forms Arabic news writes. ``bench/news_dates`` holds paragraphs dense in
them (see ``gold.json``'s ``about``). Each body goes through ``annotate`` with its publication
date, the contract ``naba enrich`` and the enrich worker share, and is scored like the seed
scorer scores dates: the multiset of values, a repeated mention of a gold value neither
credited nor penalised, optional mentions matched on their text and ignored. As the issue asks
for every date in the text *plus the publication date*, a document's publication date counts
as one of its gold dates.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from news_entities_eval import norm, prf  # noqa: E402  (the seed scorer's key, shared)

from services.enrich.dates import find_dates  # noqa: E402
from services.enrich.pipeline import publication_mention  # noqa: E402


def score(gold_values: list[str], found: list[tuple[str, str]], optional: set[str]) -> tuple[int, int, list[str],
                                                                                              list[tuple[str, str]]]:
    """tp, fp, the gold values missed and the (text, value) pairs that matched nothing."""
    remaining = list(gold_values)
    tp, extras = 0, []
    for text, value in found:
        if norm(text) in optional:
            continue
        if value in remaining:
            remaining.remove(value)
            tp += 1
        elif value not in gold_values:
            extras.append((text, value))
    return tp, len(extras), remaining, extras


def evaluate(root: Path = REPO / "bench" / "news_dates", show: bool = False) -> dict[str, list[int]]:
    """tp, fp, fn per set and ``all``."""
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))["docs"]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name, g in sorted(gold.items()):
        text = (root / name).read_text(encoding="utf-8")
        found = [(d.text, d.value) for d in find_dates(text, g["published"])]
        values = [d["value"] for d in g["dates"]]
        pub = publication_mention(g["published"])
        if pub is not None:
            found.insert(0, (pub.text, pub.value))
            values.append(pub.value)
        tp, fp, missed, extras = score(values, found, {norm(o) for o in g.get("dates_optional", [])})
        for group in (g["set"], "all"):
            totals[group] = [a + b for a, b in zip(totals[group], (tp, fp, len(missed)), strict=True)]
        if show and (missed or extras):
            texts = {d["value"]: d["text"] for d in g["dates"]}
            print(f"{name}: missed {[(texts.get(v, v), v) for v in missed]} extra {extras}")
    return totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=REPO / "bench" / "news_dates")
    ap.add_argument("--show", action="store_true", help="print each document's misses and extras")
    args = ap.parse_args()
    totals = evaluate(args.dir, args.show)
    print(f"{'set':10s} {'gold':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for group in sorted(totals, key=lambda k: (k == "all", k)):
        tp, fp, fn = totals[group]
        p, r, f = prf(tp, fp, fn)
        print(f"{group:10s} {tp + fn:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
