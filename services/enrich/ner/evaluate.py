"""Cross-validate the whole recogniser (CRF + rules + canonical spans), not just the CRF.

    python -m services.enrich.ner.evaluate --data DIR [--cv 5] [--folds 0,2] [--cache DIR]

``train --cv`` scores the CRF's tags; what the pipeline emits also passes through the
news rules (title chains, propagation, trimming). Here each ANERcorp test fold is cut
into pseudo-documents of consecutive sentences, joined into text, run through
``CrfRecognizer.find`` with a model and lexicon built from the training folds only (plus
naba's news articles, as in training: see ``train``), and the character spans are compared
with the gold spans (exact match, PER/LOC/ORG).

Training the five fold models is most of the cost. ``--cache DIR`` keeps each fold's model
and lexicon there and reuses them on the next run: a change to the rules alone (which
read the model's tags and never change them) is then scored in a fraction of the time.
The cache is only valid for the same data, features, lexicon sources and training
options — delete it after changing any of them.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from .build_lexicons import build
from .corpus import Sentence, load_dir, spans
from .lexicon import save
from .news_corpus import NEWS_DIR
from .recognizer import CrfRecognizer
from .stack import DOC_SENTENCES, blocks
from .train import featurize, prf, tally, train_model, with_news

TYPES = ("PER", "LOC", "ORG")


def as_document(sents: list[Sentence]) -> tuple[str, set[tuple[int, int, str]]]:
    """Join sentences into text (one per line) and return the gold character spans."""
    parts: list[str] = []
    gold: set[tuple[int, int, str]] = set()
    pos = 0
    for sent in sents:
        starts = []
        for i, (w, _) in enumerate(sent):
            if i:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(w)
            pos += len(w)
        for s, e, typ in spans([t for _, t in sent]):
            if typ in TYPES:
                gold.add((starts[s], starts[e - 1] + len(sent[e - 1][0]), typ))
        parts.append("\n")
        pos += 1
    return "".join(parts), gold


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Cross-validate the full NER pipeline on ANERcorp.")
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--folds", type=str, default="")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--max-iter", type=int, default=100)
    ap.add_argument("--cache", type=Path, default=None, help="keep and reuse the fold models here")
    ap.add_argument("--errors", type=Path, default=None, help="write each false positive and negative here")
    ap.add_argument("--news", type=Path, default=NEWS_DIR, help="naba's news articles, in every training part")
    ap.add_argument("--no-news", action="store_true", help="train the folds on ANERcorp (and AQMAR) only")
    args = ap.parse_args(argv)
    news = None if args.no_news else args.news
    aner, aqmar = load_dir(args.data)
    size = (len(aner) + args.cv - 1) // args.cv
    folds = [int(x) for x in args.folds.split(",")] if args.folds else range(args.cv)
    counts = {t: [0, 0, 0] for t in TYPES}
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        where = args.cache or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        for part in folds:
            test = aner[part * size:(part + 1) * size]
            train = aner[:part * size] + aner[(part + 1) * size:]
            tag = f"cv{args.cv}-f{part}-c{args.c1}-{args.c2}-i{args.max_iter}"
            base = where / f"m-{tag}.crfsuite"  # ANERcorp only: the model, or what tags the news' optional names
            model, lex_path = (base, where / f"l-{tag}.json.gz") if news is None else \
                (where / f"mn-{tag}.crfsuite", where / f"ln-{tag}.json.gz")
            if not (model.exists() and lex_path.exists()):
                train = with_news(train, base, args.c1, args.c2, args.max_iter, 2, aqmar, news)
                train_model(featurize(train, 2, aqmar), model, args.c1, args.c2, args.max_iter)
                save(build(train + aqmar), lex_path)
            rec = CrfRecognizer(model=model, lexicon=lex_path)
            for a, b in blocks(len(test), DOC_SENTENCES):
                text, gold = as_document(test[a:b])
                found = {(e.start, e.end, e.type) for e in rec.find(text)}
                tally(counts, set(gold), found)
                for kind, wrong in (("FP", found - gold), ("FN", gold - found)):
                    errors += [f"{kind} {t} {text[s:e]}\t{text[max(0, s - 40):e + 40]!r}" for s, e, t in sorted(wrong)]
            print(f"fold {part} done", flush=True)
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    tot = [sum(c[k] for c in counts.values()) for k in range(3)]
    for t, c in [*counts.items(), ("micro", tot)]:
        p, r, f = prf(*c)
        print(f"{t:6s} P={p:.3f} R={r:.3f} F1={f:.3f}")


if __name__ == "__main__":
    main()
