"""Entity quality on modern Arabic news: hand-written agency-style articles with gold names.

    .venv/bin/python bench/news_entities_eval.py [--dir bench/news] [--show] [--spans]

The only gold the project has besides the five seeds is ANERcorp (2007 newswire), which
knows no «كورونا», «الدعم السريع» or «زيلينسكي». ``bench/news`` holds short articles in
the style of 2020s agency copy with their entities: sets ``dev-1`` and ``dev-2`` were used
while writing the rules, the ``blind-*`` sets were first measured untouched (``gold.json``'s
``about`` says which were looked at afterwards). The scoring follows
the seed scorer: per document and type, the *distinct* names (``Entity.name``) are
compared with the gold names after Arabic normalisation (diacritics, tatweel, alef forms,
ة/ه, ى/ي, ؤ, ئ), one leading proclitic tolerated; a gold list is one entity with aliases; optional names are ignored.

Each article goes through the same pure stages as ``naba process``: the text cleaner
(title, date line) and the enrich step on the clean body.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from services.enrich.ner.corpus import spans as bio_spans  # noqa: E402
from services.enrich.ner.news_corpus import gold_names, label  # noqa: E402
from services.enrich.ner.text import tokenize  # noqa: E402
from services.enrich.pipeline import enrich  # noqa: E402
from services.ingest.extract import extract  # noqa: E402
from services.ingest.raw import RawDocument  # noqa: E402

TYPES = ("PER", "LOC", "ORG")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCT = re.compile(r"[\"'“”«»#()\[\]،,.:؛]")
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def norm(s: str) -> str:
    s = _DIACRITICS.sub("", unicodedata.normalize("NFKC", s))
    s = re.sub("[أإآٱ]", "ا", s).replace("ة", "ه").replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(_PUNCT.sub(" ", s).split()).lower()


def keys(name: str) -> set[str]:
    """The name, and its first word without one proclitic (with the article restored too)."""
    n = norm(name)
    out = {n}
    first, *rest = n.split() or [""]
    for c in _CLITICS:
        if first.startswith(c) and len(first) - len(c) >= 3:
            out |= {" ".join([first[len(c):], *rest]), " ".join(["ال" + first[len(c):], *rest])}
            break
    return out


def compare(gold: dict, names: dict[str, set[str]]) -> dict[str, tuple[int, list[str], list[str]]]:
    """Per type: the gold entities found, the extra names (false positives), the gold entities missed."""
    optional: set[str] = set().union(*(keys(o) for o in gold.get("entities_optional", [])))
    out: dict[str, tuple[int, list[str], list[str]]] = {}
    for typ in TYPES:
        entries = gold["entities"].get(typ, [])
        golds = [set().union(*(keys(a) for a in (g if isinstance(g, list) else [g]))) for g in entries]
        matched = [False] * len(golds)
        extras: list[str] = []
        seen: set[str] = set()
        for name in sorted(names.get(typ, ())):
            k = keys(name)
            if k & seen:
                continue
            seen |= k
            hit = next((i for i, g in enumerate(golds) if k & g), None)
            if hit is not None:
                matched[hit] = True
            elif not k & optional:
                extras.append(name)
        missed = [e if isinstance(e, str) else e[0] for e, m in zip(entries, matched, strict=True) if not m]
        out[typ] = (matched.count(True), extras, missed)
    return out


def score(gold: dict, names: dict[str, set[str]]) -> dict[str, list[int]]:
    """tp, fp, fn per type for one document."""
    return {typ: [tp, len(extras), len(missed)] for typ, (tp, extras, missed) in compare(gold, names).items()}


def show_entities(doc: str, gold: dict, names: dict[str, set[str]]) -> None:
    """Print one document's missed and extra names per type."""
    for typ, (_, extras, missed) in compare(gold, names).items():
        if missed:
            print(f"{doc} {typ} missed: {missed}")
        if extras:
            print(f"{doc} {typ} extra: {extras}")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def evaluate(root: Path = REPO / "bench" / "news", show: bool = False, spans: bool = False
             ) -> dict[str, dict[str, list[int]]]:
    """tp, fp, fn per set (and ``all``) and type: of distinct names, or with ``spans`` of mentions."""
    data = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    gold, held_out = data["docs"], set(data.get("held_out", []))
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: {t: [0, 0, 0] for t in TYPES})
    for name, g in sorted(gold.items()):
        path = root / name
        article = enrich(extract(RawDocument(source=str(path), body=path.read_bytes(), kind="text")))
        names: dict[str, set[str]] = defaultdict(set)
        for e in article.entities:
            names[e.type].add(e.name)
        by_type = span_counts(article.text, g, article.entities) if spans else score(g, names)
        for typ, counts in by_type.items():
            role = "held-out" if g["set"] in held_out else "trained"  # (see the NER's news_corpus)
            for group in (g["set"], "all", *((role,) if held_out else ())):
                totals[group][typ] = [a + b for a, b in zip(totals[group][typ], counts, strict=True)]
        if show:
            show_entities(name, g, names)
    return totals


def span_counts(text: str, gold: dict, entities: list) -> dict[str, list[int]]:
    """tp, fp, fn per type of exact token spans (every mention, as ANERcorp is scored): the gold
    spans are the gold names found in ``text`` by the NER's own projection (``news_corpus``); a
    name found nowhere counts as no mention, and what overlaps an optional name is not counted."""
    tokens = tokenize(text)
    words = [t.text for t in tokens]
    tags = label(words, gold_names(gold))
    want = {sp for sp in bio_spans(["O" if t == "?" else t for t in tags]) if sp[2] in TYPES}
    optional = [i for i, t in enumerate(tags) if t == "?"]
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i + 1 for i, t in enumerate(tokens)}
    got = {(starts[e.start], ends[e.end], e.type) for e in entities if e.start in starts and e.end in ends}
    got = {sp for sp in got if not any(sp[0] <= i < sp[1] for i in optional)}
    return {typ: [len({s for s in got & want if s[2] == typ}), len({s for s in got - want if s[2] == typ}),
                  len({s for s in want - got if s[2] == typ})] for typ in TYPES}


def micro(by_type: dict[str, list[int]]) -> tuple[float, float, float]:
    return prf(*(sum(c[i] for c in by_type.values()) for i in range(3)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=REPO / "bench" / "news")
    ap.add_argument("--show", action="store_true", help="print each document's misses and extras")
    ap.add_argument("--spans", action="store_true",
                    help="score every mention's exact span (gold names projected onto the text) instead of names")
    args = ap.parse_args()
    totals = evaluate(args.dir, args.show, args.spans)
    print(f"{'set':10s} {'P':>6s} {'R':>6s} {'F1':>6s}   " + "  ".join(f"{t} F1" for t in TYPES))
    last = ("held-out", "trained", "all")
    for group in sorted(totals, key=lambda k: (last.index(k) + 1 if k in last else 0, k)):
        by_type = totals[group]
        p, r, f = micro(by_type)
        print(f"{group:10s} {p:6.3f} {r:6.3f} {f:6.3f}   "
              + "  ".join(f"{prf(*by_type[t])[2]:6.3f}" for t in TYPES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
