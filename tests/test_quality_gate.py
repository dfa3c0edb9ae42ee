"""Evaluation gate: entity and date quality on the hand-written modern-news sets in ``bench/``.

As trafilatura gates its extraction on its evaluation set, a change that makes naba worse
at Arabic news fails here rather than in a note. The entity model is trained on the news
sets except the held-out ones (``held_out`` in ``bench/news/gold.json``), so the two are
gated apart: the held-out sets (local and business news, never trained on) measure what
naba does on news it has not seen, the trained sets catch a broken rule or a broken
projection of the gold (they score far higher). The thresholds sit a little under the
current scores (held-out F1 0.826 on 128 articles, each type ≥ 0.77; trained 0.965; dates P/R 0.99), so noise
from a retrained model passes and a broken rule does not; the issue's own bars (F1 0.80,
date P 0.95 / R 0.90) are for news nobody here has.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"
HELD_OUT_F1, HELD_OUT_TYPE_F1, TRAINED_F1 = 0.80, 0.74, 0.95


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_entities_on_modern_news_stay_above_the_gate() -> None:
    ev = _load("news_entities_eval")
    totals = ev.evaluate()
    p, r, f = ev.micro(totals["held-out"])
    assert f >= HELD_OUT_F1, (p, r, f)
    for typ in ("PER", "LOC", "ORG"):
        assert ev.prf(*totals["held-out"][typ])[2] >= HELD_OUT_TYPE_F1, typ
    p, r, f = ev.micro(totals["trained"])
    assert f >= TRAINED_F1, (p, r, f)


def test_dates_on_modern_news_stay_above_the_gate() -> None:
    ev = _load("news_dates_eval")
    tp, fp, fn = ev.evaluate()["all"]
    p, r, _ = ev.prf(tp, fp, fn)
    assert tp + fn >= 400  # the whole set was read
    assert p >= 0.98 and r >= 0.98, (p, r)


def test_raw_pages_stay_above_the_gate() -> None:
    """The text cleaner on whole scraped pages (``bench/pages``): every title and date line
    read, every body string kept, at most 1 % of the furniture left; entities and dates end to end."""
    ev = _load("pages_eval")
    totals = ev.evaluate(BENCH / "pages")["all"]
    i = totals["ingest"]
    assert i["docs"] >= 20
    assert i["title"] == i["docs"] and i["published"] == i["docs"], i
    assert i["body"] == i["body_total"] and i["leaked"] <= i["leak_total"] // 100, i
    ent_f1 = ev.prf(*(sum(c[k] for c in totals["ent"].values()) for k in range(3)))[2]
    date_p, date_r, _ = ev.prf(*totals["dates"])
    assert ent_f1 >= 0.78 and date_p >= 0.95 and date_r >= 0.95, (ent_f1, date_p, date_r)


def test_mentions_are_scored_on_exact_spans_and_optional_names_are_not_counted() -> None:
    from services.shared.schema import Entity

    ev = _load("news_entities_eval")
    text = "قال خليفة حفتر في بنغازي إن وزارة الصحة وحفتر متفقان."
    gold = {"entities": {"PER": ["خليفة حفتر"], "LOC": ["بنغازي"]}, "entities_optional": ["وزارة الصحة"]}

    def ent(surface: str, typ: str) -> Entity:
        at = text.index(surface)
        return Entity(text=surface, name=surface, type=typ, start=at, end=at + len(surface), key=surface)

    found = [ent("خليفة حفتر", "PER"), ent("بنغازي", "ORG"), ent("وزارة الصحة", "ORG"), ent("وحفتر", "PER")]
    counts = ev.span_counts(text, gold, found)
    # «وحفتر» is a mention of the person too (the projection's surname, with its clitic); «بنغازي» as ORG
    # is one false positive and one miss; the optional ministry is neither
    assert counts == {"PER": [2, 0, 0], "LOC": [0, 0, 1], "ORG": [0, 1, 0]}
