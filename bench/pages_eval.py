"""End-to-end quality on raw scraped pages: the text cleaner and enrich, scored like the seeds.

    .venv/bin/python bench/pages_eval.py [--dir bench/pages] [--show]

``bench/news`` and ``bench/news_dates`` hold clean article bodies: they measure entities and
dates, not what the text cleaner makes of a real page. ``bench/pages`` holds whole pages as a
scraper flattens them (site name and menu, ticker, byline and date lines, share bars,
highlights boxes, captions, related links, tags, reader comments, footers), each set written
in the manner of a different kind of Arabic news site and annotated before the code first
ran on it (``gold.json``'s ``about`` says which set was scored when). Every page goes through
the same pure stages as ``naba process`` (``extract`` on the file, then ``enrich``) and is
scored with the seed scorer's rules: body strings kept, furniture strings and caption lines
gone, the exact title, the publication date's prefix, entities as distinct normalised names
per type, dates as the multiset of values.
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

from news_dates_eval import score as score_dates  # noqa: E402
from news_entities_eval import TYPES, norm, prf, show_entities  # noqa: E402
from news_entities_eval import score as score_entities  # noqa: E402

from services.enrich.pipeline import enrich  # noqa: E402
from services.ingest.extract import extract  # noqa: E402
from services.ingest.raw import RawDocument  # noqa: E402

COUNTS = ("body", "body_total", "leaked", "leak_total", "title", "published", "docs")


def ws(s: str) -> str:
    """White space collapsed, hashtag marks spaced off, as the seed scorer compares bodies."""
    return " ".join((s or "").replace("#", "# ").split())


def score_page(gold: dict, title: str, text: str, published: str | None) -> tuple[dict[str, int], list[str]]:
    """Ingest counts for one page, and what went wrong (for ``--show``)."""
    body = ws(text)
    lines = [ws(line) for line in text.split("\n")]
    notes: list[str] = []
    kept = [s for s in gold.get("body_must_include", []) if ws(s) in body]
    notes += [f"missing: {s}" for s in gold.get("body_must_include", []) if s not in kept]
    leaks = [s for s in gold.get("body_must_exclude", []) if ws(s) in body]
    leaks += [s for s in gold.get("body_must_not_contain_line", []) if ws(s) in lines]
    notes += [f"leaked: {s}" for s in leaks]
    title_ok = norm(title) == norm(gold.get("title", ""))
    if not title_ok:
        notes.append(f"title: {title!r}")
    gp = gold.get("published")
    pub_ok = not published if gp is None else bool(published) and str(published).startswith(gp)
    if not pub_ok:
        notes.append(f"published: {published!r}, gold {gp!r}")
    counts = {
        "body": len(kept),
        "body_total": len(gold.get("body_must_include", [])),
        "leaked": len(leaks),
        "leak_total": len(gold.get("body_must_exclude", [])) + len(gold.get("body_must_not_contain_line", [])),
        "title": int(title_ok),
        "published": int(pub_ok),
        "docs": 1,
    }
    return counts, notes


def evaluate(root: Path, show: bool = False) -> dict[str, dict]:
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))["docs"]
    totals: dict[str, dict] = defaultdict(
        lambda: {"ingest": dict.fromkeys(COUNTS, 0), "ent": {t: [0, 0, 0] for t in TYPES}, "dates": [0, 0, 0]}
    )
    for name, g in sorted(gold.items()):
        path = root / name
        article = enrich(extract(RawDocument(source=str(path), body=path.read_bytes(), kind="text")))
        counts, notes = score_page(g, article.title or "", article.text, article.published)
        names: dict[str, set[str]] = defaultdict(set)
        for e in article.entities:
            names[e.type].add(e.name)
        ents = score_entities(g, names)
        found = [(d.text, d.value) for d in article.dates]
        tp, fp, missed, extras = score_dates(
            [d["value"] for d in g["dates"]], found, {norm(o) for o in g.get("dates_optional", [])}
        )
        for group in (g.get("set", "pages"), "all"):
            t = totals[group]
            for k, v in counts.items():
                t["ingest"][k] += v
            for typ in TYPES:
                t["ent"][typ] = [a + b for a, b in zip(t["ent"][typ], ents[typ], strict=True)]
            t["dates"] = [a + b for a, b in zip(t["dates"], (tp, fp, len(missed)), strict=True)]
        if show:
            notes += [f"dates missed {missed}"] if missed else []
            notes += [f"dates extra {extras}"] if extras else []
            for note in notes:
                print(f"{name}: {note}")
            show_entities(name, g, names)
    return totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=REPO / "bench" / "pages")
    ap.add_argument("--show", action="store_true", help="print each page's misses and leaks")
    args = ap.parse_args()
    totals = evaluate(args.dir, args.show)
    print(f"{'set':10s} {'docs':>4s} {'body':>7s} {'leaked':>7s} {'title':>6s} {'publ.':>6s}   "
          f"{'ent P':>6s} {'ent R':>6s} {'ent F1':>6s}   {'date P':>6s} {'date R':>6s}")
    for group in sorted(totals, key=lambda k: (k == "all", k)):
        i, ent = totals[group]["ingest"], totals[group]["ent"]
        ep, er, ef = prf(*(sum(c[k] for c in ent.values()) for k in range(3)))
        dp, dr, _ = prf(*totals[group]["dates"])
        print(f"{group:10s} {i['docs']:4d} {i['body']:3d}/{i['body_total']:<3d} {i['leaked']:3d}/{i['leak_total']:<3d} "
              f"{i['title']:3d}/{i['docs']:<2d} {i['published']:3d}/{i['docs']:<2d}   "
              f"{ep:6.3f} {er:6.3f} {ef:6.3f}   {dp:6.3f} {dr:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
