"""naba's news articles as CRF training sentences: gold names projected onto tokens."""

from __future__ import annotations

import json
from pathlib import Path

from services.enrich.ner.news_corpus import NEWS_DIR, gold_names, held_out, label, news_sentences
from services.enrich.ner.text import tokenize


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_a_name_is_found_behind_its_proclitic_and_never_behind_the_article_alone():
    doc = {"entities": {"PER": ["رياض سلامة"], "LOC": ["الرياض"], "ORG": ["الأمم المتحدة"]}}
    words = _words("وصل رياض سلامة إلى الرياض وقال للأمم المتحدة إن سلامة بخير، وبالرياض مقرها")
    assert label(words, gold_names(doc)) == [
        "O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "B-PER", "O", "O", "B-LOC", "O"]
    # «الرياض» is not the given name «رياض» with an article
    assert label(_words("زار الرياض"), gold_names({"entities": {"PER": ["رياض"]}})) == ["O", "O"]


def test_a_place_is_labelled_without_its_place_noun_as_in_anercorp():
    doc = {"entities": {"LOC": [["محافظة البصرة", "البصرة"], "دولة الكويت"]}}
    words = _words("في محافظة البصرة ودولة الكويت")
    assert label(words, gold_names(doc)) == ["O", "O", "B-LOC", "O", "B-LOC"]


def test_longer_names_win_and_an_optional_name_is_marked_for_the_base_tagger():
    doc = {"entities": {"ORG": [["جامعة الملك سعود", "الجامعة"]], "LOC": ["الملك"]},
           "entities_optional": ["وزارة التعليم"]}
    words = _words("أعلنت جامعة الملك سعود ووزارة التعليم")
    assert label(words, gold_names(doc)) == ["O", "B-ORG", "I-ORG", "I-ORG", "?", "?"]


def test_training_sentences_skip_held_out_sets_and_take_the_base_tags_for_optional_names(tmp_path: Path):
    (tmp_path / "a.txt").write_text("قال محمد علي في عمان.\nوزارة الصحة أعلنت.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("زار محمد علي القاهرة.", encoding="utf-8")
    gold = {"held_out": ["test"], "docs": {
        "a.txt": {"set": "train", "entities": {"PER": ["محمد علي"], "LOC": ["عمان"]},
                  "entities_optional": ["وزارة الصحة"]},
        "b.txt": {"set": "test", "entities": {"PER": ["محمد علي"], "LOC": ["القاهرة"]}}}}
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    asked: list[list[str]] = []

    def base(sents):
        asked.extend(list(s) for s in sents)
        return [["B-ORG", "I-ORG", "O", "O"] for _ in sents]

    sents = news_sentences(base, tmp_path)
    assert asked == [["وزارة", "الصحة", "أعلنت", "."]]  # only the sentence with an optional name
    assert sents == [
        [("قال", "O"), ("محمد", "B-PER"), ("علي", "I-PER"), ("في", "O"), ("عمان", "B-LOC"), (".", "O")],
        [("وزارة", "B-ORG"), ("الصحة", "I-ORG"), ("أعلنت", "O"), (".", "O")],
    ]
    assert held_out(tmp_path) == {"test"}


def test_the_held_out_news_sets_are_declared_and_exist():
    gold = json.loads((NEWS_DIR / "gold.json").read_text(encoding="utf-8"))
    sets = {doc["set"] for doc in gold["docs"].values()}
    assert held_out() and held_out() <= sets
    assert len([d for d in gold["docs"].values() if d["set"] in held_out()]) >= 60
