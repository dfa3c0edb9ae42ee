"""Train (and cross-validate) the Arabic NER CRF.

    python -m services.enrich.ner.train --data DIR --out services/enrich/ner/model.crfsuite [--cv 5]

``--cv K`` first reports K-fold cross-validated exact-span F1 on ANERcorp (contiguous
folds, so articles do not leak across folds). AQMAR (Wikipedia) feeds the lexicons but
is not a training sequence unless ``--aqmar-train``: in CV its encyclopaedic sentences
lowered newswire F1 while its names raised it. Lexicons derived from the corpus are
rebuilt from the training folds only, otherwise CV would look up test entities in a
list made from them. The final model is trained on everything and the lexicon file
rewritten to match. ``--stack`` adds the document-level second pass (``stack.py``).

naba's own news articles (``bench/news``, :mod:`.news_corpus`) are training sentences
too, except their held-out sets (``--no-news``: ANERcorp alone). 2020s local and agency
copy is what naba reads, and 2007 newswire alone left the tagger blind to much of it
(on the held-out news sets, F1 0.757 → 0.834). In CV they are in every fold's training part,
as AQMAR's names are, and their optional names are tagged by that fold's ANERcorp-only model.

Corpus-derived lexicon features are computed *jackknifed* on training data (each half
sees the lexicon of the other half): a name list built from the very sentences being
trained on is always right there, and the CRF would learn to trust it more than it
deserves on unseen text.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from .build_lexicons import build
from .corpus import Sentence, load_dir, spans
from .features import Featurizer
from .lexicon import LEXICON_PATH, save
from .news_corpus import NEWS_DIR, Tagger, news_sentences
from .stack import DOC_SENTENCES, blocks, stacked
from .text import fold

EVAL_TYPES = ("PER", "LOC", "ORG")
DEFAULT_MODEL = Path(__file__).resolve().parent / "model.crfsuite"


def featurize(sents: Sequence[Sentence], halves: int = 2, lex_extra: Sequence[Sentence] = ()
              ) -> list[tuple[list[list[str]], list[str]]]:
    """Training items with corpus lexicons jackknifed across ``halves`` parts (1: no jackknife).

    ``lex_extra``: sentences that only feed the lexicons (AQMAR by default: its names
    are useful, its encyclopaedic sentences less so as training sequences).
    """
    if halves <= 1:
        fz = Featurizer(build([*sents, *lex_extra]))
        return [(fz.sequence([w for w, _ in s]), [t for _, t in s]) for s in sents]
    idx = list(range(len(sents)))
    random.Random(13).shuffle(idx)
    parts = [idx[k::halves] for k in range(halves)]
    items: list[tuple[list[list[str]], list[str]] | None] = [None] * len(sents)
    for k, part in enumerate(parts):
        others = [sents[i] for j, p in enumerate(parts) if j != k for i in p]
        fz = Featurizer(build(others + list(lex_extra)))
        for i in part:
            words = [w for w, _ in sents[i]]
            items[i] = (fz.sequence(words), [t for _, t in sents[i]])
    return items  # type: ignore[return-value]


def train_model(items: list[tuple[list[list[str]], list[str]]], out: Path, c1: float, c2: float,
                max_iter: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in items:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iter,
                        "feature.possible_transitions": True})
    trainer.train(str(out))


def tag_all(model: Path, xseqs: Sequence[list[list[str]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return [tagger.tag(x) for x in xseqs]
    finally:
        tagger.close()


def with_stack(xseqs: Sequence[list[list[str]]], sents: Sequence[Sentence], p1: Sequence[list[str]],
               ) -> list[list[list[str]]]:
    """Add second-pass features, treating blocks of consecutive sentences as documents."""
    out: list[list[list[str]]] = []
    for a, b in blocks(len(sents)):
        folded = [[fold(w) for w, _ in s] for s in sents[a:b]]
        extra = stacked(folded, list(p1[a:b]))
        for x, e in zip(xseqs[a:b], extra, strict=True):
            out.append([f + g for f, g in zip(x, e, strict=True)])
    return out


def train_stacked(sents: Sequence[Sentence], out: Path, c1: float, c2: float, max_iter: int,
                  halves: int = 2, lex_extra: Sequence[Sentence] = ()) -> None:
    """Train pass 1 (``out`` with suffix ``.pass1.crfsuite``) and the stacked pass 2 (``out``)."""
    items = featurize(sents, halves, lex_extra)
    n = len(items)
    cut = (n // 2 // DOC_SENTENCES) * DOC_SENTENCES
    p1: list[list[str]] = []
    tmp = out.with_suffix(".tmp.crfsuite")
    for a, b in ((0, cut), (cut, n)):
        train_model(items[:a] + items[b:], tmp, c1, c2, max_iter)
        p1 += tag_all(tmp, [x for x, _ in items[a:b]])
    tmp.unlink()
    train_model(items, pass1_path(out), c1, c2, max_iter)
    x2 = with_stack([x for x, _ in items], sents, p1)
    train_model(list(zip(x2, [y for _, y in items], strict=True)), out, c1, c2, max_iter)


def base_tagger(train: Sequence[Sentence], model: Path, c1: float, c2: float, max_iter: int, halves: int = 2,
                lex_extra: Sequence[Sentence] = ()) -> Tagger:
    """A CRF trained on ``train`` alone (kept at ``model``, reused when it is there), as a function
    tagging sentences of words: what labels the optional names of naba's news articles."""
    if not model.exists():
        train_model(featurize(train, halves, lex_extra), model, c1, c2, max_iter)
    fz = Featurizer(build([*train, *lex_extra]))
    return lambda sents: tag_all(model, [fz.sequence(list(words)) for words in sents])


def with_news(train: Sequence[Sentence], base: Path, c1: float, c2: float, max_iter: int, halves: int = 2,
              lex_extra: Sequence[Sentence] = (), news: Path | None = NEWS_DIR) -> list[Sentence]:
    """``train`` plus the sentences of naba's news articles (:mod:`.news_corpus`; none when ``news`` is None)."""
    if news is None:
        return list(train)
    return [*train, *news_sentences(base_tagger(train, base, c1, c2, max_iter, halves, lex_extra), news)]


def pass1_path(model: Path) -> Path:
    return model.with_name(model.name.replace(".crfsuite", "") + ".pass1.crfsuite")


def evaluate(gold: list[list[str]], pred: list[list[str]], types: Sequence[str] = EVAL_TYPES) -> dict[str, tuple]:
    """Exact-span counts and P/R/F1 per type plus ``micro`` over ``types``."""
    counts = {t: [0, 0, 0] for t in (*types, "MISC")}
    for g, p in zip(gold, pred, strict=True):
        tally(counts, set(spans(g)), set(spans(p)))
    res = {}
    tot = [0, 0, 0]
    for t, (tp, fp, fn) in counts.items():
        res[t] = prf(tp, fp, fn)
        if t in types:
            tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
    res["micro"] = prf(*tot)
    return res


def tally(counts: dict[str, list[int]], gold: set[tuple], pred: set[tuple]) -> None:
    """Add one document's exact-span (tp, fp, fn) per type; spans are ``(start, end, type)``."""
    for t, c in counts.items():
        g = {x for x in gold if x[2] == t}
        p = {x for x in pred if x[2] == t}
        c[0] += len(g & p)
        c[1] += len(p - g)
        c[2] += len(g - p)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(aner: list[Sentence], aqmar: list[Sentence], k: int, c1: float, c2: float, max_iter: int,
                   tmp: Path, folds: Sequence[int] | None = None, halves: int = 2,
                   stack: bool = True, lex_extra: Sequence[Sentence] = (), news: Path | None = NEWS_DIR
                   ) -> dict[str, tuple]:
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    size = (len(aner) + k - 1) // k
    for part in folds if folds is not None else range(k):
        t0 = time.time()
        test = aner[part * size:(part + 1) * size]
        train = aner[:part * size] + aner[(part + 1) * size:] + aqmar
        model = tmp / f"cv{part}.crfsuite"
        train = with_news(train, tmp / f"cv{part}-base.crfsuite", c1, c2, max_iter, halves, lex_extra, news)
        fz = Featurizer(build(train + list(lex_extra)))
        xs = [fz.sequence([w for w, _ in sent]) for sent in test]
        gold += [[t for _, t in sent] for sent in test]
        if stack:
            train_stacked(train, model, c1, c2, max_iter, halves, lex_extra)
            p1 = tag_all(pass1_path(model), xs)
            pred += tag_all(model, with_stack(xs, test, p1))
        else:
            train_model(featurize(train, halves, lex_extra), model, c1, c2, max_iter)
            pred += tag_all(model, xs)
        res = evaluate(gold[-len(test):], pred[-len(test):])
        print(f"fold {part}: micro F1 {res['micro'][2]:.3f} ({time.time() - t0:.0f}s)", flush=True)
    return evaluate(gold, pred)


def report(res: dict[str, tuple]) -> str:
    return "\n".join(f"{t:6s} P={p:.3f} R={r:.3f} F1={f:.3f}" for t, (p, r, f) in res.items())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Train the naba Arabic NER CRF.")
    ap.add_argument("--data", type=Path, required=True, help="directory with anercorp-train.txt (and aqmar.txt)")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation on ANERcorp before training")
    ap.add_argument("--cv-only", action="store_true", help="stop after cross-validation")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--max-iter", type=int, default=100)
    ap.add_argument("--no-aqmar", action="store_true", help="leave AQMAR out entirely")
    ap.add_argument("--aqmar-train", action="store_true",
                    help="train on AQMAR sentences too (default: AQMAR only feeds the lexicons)")
    ap.add_argument("--stack", action="store_true",
                    help="also train the document-level second pass (more accurate, ~2x slower to tag)")
    ap.add_argument("--halves", type=int, default=2, help="jackknife parts for corpus lexicon features (1: off)")
    ap.add_argument("--folds", type=str, default="", help="comma-separated subset of CV folds (quick experiments)")
    ap.add_argument("--news", type=Path, default=NEWS_DIR,
                    help="naba's news articles with gold names, trained on but for their held-out sets")
    ap.add_argument("--no-news", action="store_true", help="train on ANERcorp (and AQMAR) only")
    args = ap.parse_args(argv)
    news = None if args.no_news else args.news

    aner, aqmar = load_dir(args.data)
    lex_extra: list[Sentence] = []
    if args.no_aqmar:
        aqmar = []
    elif not args.aqmar_train:
        aqmar, lex_extra = [], aqmar
    if args.cv:
        with tempfile.TemporaryDirectory() as tmp:
            folds = [int(x) for x in args.folds.split(",")] if args.folds else None
            res = cross_validate(aner, aqmar, args.cv, args.c1, args.c2, args.max_iter, Path(tmp), folds, args.halves,
                                 args.stack, lex_extra, news)
        mode = "train" if aqmar else ("lexicon" if lex_extra else "off")
        print(f"{args.cv}-fold CV (c1={args.c1}, c2={args.c2}, stack={args.stack}, aqmar={mode}):\n{report(res)}",
              flush=True)
        if args.cv_only:
            return
    with tempfile.TemporaryDirectory() as tmp:
        everything = with_news(aner + aqmar, Path(tmp) / "base.crfsuite", args.c1, args.c2, args.max_iter,
                               args.halves, lex_extra, news)
    if args.stack:
        train_stacked(everything, args.out, args.c1, args.c2, args.max_iter, args.halves, lex_extra)
    else:
        train_model(featurize(everything, args.halves, lex_extra), args.out, args.c1, args.c2, args.max_iter)
        pass1_path(args.out).unlink(missing_ok=True)  # a stale second-pass model would be used
    save(build(everything + lex_extra), LEXICON_PATH)
    print(f"model -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB); lexicon -> {LEXICON_PATH}")


if __name__ == "__main__":
    main()
