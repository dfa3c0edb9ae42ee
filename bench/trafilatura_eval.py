"""naba's HTML path vs plain trafilatura on trafilatura's own evaluation set.

Usage::

    python bench/trafilatura_eval.py DIR [--limit N] [--show-losses] [--show-leaks]

``DIR`` is an extracted copy of trafilatura's ``tests/`` data (``evaldata.json`` plus the
``eval/`` and ``cache/`` HTML folders) — e.g. ``git archive`` of the trafilatura repository
unpacked somewhere temporary. It is third-party data: never copy it into this repository.

Scoring is trafilatura's own (tests/eval_common.py): for each page, every ``with``
snippet found in the output is a true positive, every ``without`` snippet found is a
false positive, after white-space normalisation; a crash or a rejected page counts as
a full miss. Both extractors run in the same process on the same bytes with the same
trafilatura settings (comments excluded, tables kept, no formatting, default precision):

* ``trafilatura``: ``trafilatura.extract(html, **EXTRACT_OPTIONS)``;
* ``naba``: the HTML path of :func:`services.ingest.extract.extract` — decoding,
  trafilatura (text) plus html_meta, the Arabic post-filter and the not-an-article checks. When
  the page's headline opened trafilatura's text, naba moves it to ``Article.title``; it
  is then scored as ``title + text``, so that moving it is not counted as losing it.

Reader comments must never reach the text: the script exits 1 when any of the set's
``comments`` snippets is found in naba's output. Five of the 345 are not reader comments
(:data:`NOT_READER_COMMENTS`, checked in the page sources): two are sentences of the
article itself, and three are entries of a live sports report. They are counted apart and
printed, never silently dropped.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from services.ingest.decode import decode  # noqa: E402
from services.ingest.errors import RejectedDocument  # noqa: E402
from services.ingest.extract import check_article  # noqa: E402
from services.ingest.html_extract import EXTRACT_OPTIONS, anchor_texts, extract_html  # noqa: E402


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def resolve(root: str, filename: str) -> str | None:
    for sub in ("cache", "eval"):
        path = os.path.join(root, sub, filename)
        if os.path.isfile(path):
            return path
    return None


def count(item: dict, result: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) for one page, as trafilatura's evaluation counts them."""
    if result is None:
        tp = fp = 0
    else:
        res = norm(result)
        tp = sum(norm(w) in res for w in item["with"])
        fp = sum(norm(w) in res for w in item["without"])
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


# ``comments`` snippets of the set that the page shows as article text, with the evidence
NOT_READER_COMMENTS: dict[str, str] = {
    "Vielen Dank an den den Verlag": "the review's opening sentence, inside div.post-body; no comment quotes it",
    "Ich gehe also davon aus": "a sentence of the article's last section, which a commenter quotes",
    "W rundzie zasadniczej zespół z Zielonej Góry zaskoczy": "live-report entry (div.coventry), editor's note icon",
    "pierwszym meczu w tej parze półfinałowe": "live-report entry (div.coventry), editor's note icon",
    "Wylosowano I zestaw startowy.": "live-report entry (div.coventry), editor's note icon",
}


def comment_snippets(item: dict) -> tuple[list[str], list[str]]:
    """(reader comments, mislabelled article text) among the page's ``comments`` snippets."""
    snippets = [c for c in item.get("comments", []) if c.strip()]  # the set has a few empty ones
    return [c for c in snippets if c not in NOT_READER_COMMENTS], [c for c in snippets if c in NOT_READER_COMMENTS]


def found(snippets: list[str], result: str | None) -> list[str]:
    if result is None:
        return []
    res = norm(result)
    return [c for c in snippets if norm(c) in res]


def scores(c: list[int]) -> tuple[float, float, float]:
    tp, fp, fn, _ = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_trafilatura(body: bytes, url: str) -> str | None:
    return trafilatura.extract(body, url=url, **EXTRACT_OPTIONS)


def run_naba(body: bytes, url: str) -> str | None:
    """naba's HTML path as :func:`services.ingest.extract.extract` runs it, minus building the Article."""
    try:
        html, _ = decode(body)
        res = extract_html(html, url=url)
        check_article(res.text, partial(anchor_texts, html))
    except RejectedDocument:
        return None
    # naba moves a headline that opens the body into ``title``; trafilatura leaves it in the text
    return f"{res.title}\n{res.text}" if res.title_in_body else res.text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", help="directory holding evaldata.json, eval/ and cache/")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show-losses", action="store_true", help="print pages where naba scores below trafilatura")
    ap.add_argument("--show-leaks", action="store_true", help="print the comment snippets naba lets through")
    args = ap.parse_args()
    root = args.root.rstrip("/")
    if os.path.isdir(os.path.join(root, "tests")):
        root = os.path.join(root, "tests")
    with open(os.path.join(root, "evaldata.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    urls = sorted(data)[: args.limit or None]
    totals = {"trafilatura": [0, 0, 0, 0], "naba": [0, 0, 0, 0]}
    timing = dict.fromkeys(totals, 0.0)
    leaks = dict.fromkeys(totals, 0)
    mislabelled_found = dict.fromkeys(totals, 0)
    comment_total = mislabelled_total = 0
    rejected = 0
    missing = 0
    for url in urls:
        item = data[url]
        path = resolve(root, item["file"])
        if path is None:
            missing += 1
            continue
        body = Path(path).read_bytes()
        readers, mislabelled = comment_snippets(item)
        comment_total += len(readers)
        mislabelled_total += len(mislabelled)
        per = {}
        for name, fn in (("trafilatura", run_trafilatura), ("naba", run_naba)):
            t0 = time.perf_counter()
            try:
                out = fn(body, url)
            except Exception as exc:  # a crash costs recall, as in trafilatura's evaluation
                print(f"{name} crashed on {item['file']}: {type(exc).__name__}: {exc}", file=sys.stderr)
                out = None
            timing[name] += time.perf_counter() - t0
            if name == "naba" and out is None:
                rejected += 1
            c = count(item, out)
            leaked = found(readers, out)
            leaks[name] += len(leaked)
            mislabelled_found[name] += len(found(mislabelled, out))
            if args.show_leaks and name == "naba":
                for snippet in leaked:
                    print(f"  leak {item['file']}: {snippet[:100]!r}")
            per[name] = c
            totals[name] = [a + b for a, b in zip(totals[name], c, strict=True)]
        if args.show_losses and per["naba"] != per["trafilatura"]:
            print(f"  diff {item['file']}: trafilatura {per['trafilatura']} naba {per['naba']}")
    n = len(urls) - missing
    print(f"pages: {n} (missing files: {missing}); naba rejected/empty: {rejected}")
    for name, c in totals.items():
        p, r, f = scores(c)
        print(
            f"{name:12s} precision={p:.4f} recall={r:.4f} f1={f:.4f}  tp={c[0]} fp={c[1]} fn={c[2]} tn={c[3]}"
            f"  time={timing[name]:.1f}s  reader comments leaked={leaks[name]}/{comment_total}"
            f"  (+{mislabelled_found[name]}/{mislabelled_total} article-text snippets labelled comments)"
        )
    for snippet, why in NOT_READER_COMMENTS.items():
        print(f"  labelled a comment, is article text: {snippet!r}: {why}")
    return 1 if leaks["naba"] else 0


if __name__ == "__main__":
    sys.exit(main())
