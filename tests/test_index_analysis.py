"""Unit tests for the analysis twins, the rule generator, rule merging, the bulk writer and search helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from services.index.analysis import NOOP_RULE, RULE_FILES, load_rules, merge_rules
from services.index.analysis.arabic import (
    adjective_of,
    analyze_stemmed,
    clitic_forms,
    engine_normalize,
    light_stem,
    split_article,
)
from services.index.analysis.build_rules import Corpus, build, format_rules, read_tokens, write
from services.index.engine import BulkItemResult
from services.index.indexer import template, version_of
from services.index.search import SearchRequest, parse_response, split_phrases
from services.index.writer import BulkWriter

# ---------------------------------------------------------------- twins of the engine's filters


@pytest.mark.parametrize(("word", "normal"), [
    ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمال", "امال"), ("مدرسة", "مدرسه"), ("مصطفى", "مصطفي"),
    ("كتـــاب", "كتاب"), ("مُحَمَّد", "محمد"), ("مسؤول", "مسءول"), ("مسئول", "مسءول"), ("٢٠١٩", "2019"),
    ("۲۰۱۹", "2019"), ("کتاب", "كتاب"), ("ﻻ", "لا"), ("NATO", "nato"),
])
def test_engine_normalize(word: str, normal: str) -> None:
    assert engine_normalize(word) == normal


@pytest.mark.parametrize(("word", "stem"), [  # Lucene ArabicStemmer outputs, checked on a node
    ("وزير", "زير"), ("الوزير", "وزير"), ("لبنان", "لبن"), ("اللبناني", "لبنان"), ("فلسطين", "فلسط"),
    ("الفلسطينيين", "فلسطين"), ("علي", "عل"), ("الروسي", "روس"), ("وطني", "طن"), ("اليابان", "ياب"),
    ("وطن", "وطن"), ("والكتاب", "كتاب"), ("كتابها", "كتاب"),
])
def test_light_stem_reproduces_lucene(word: str, stem: str) -> None:
    assert analyze_stemmed(word) == stem


def test_clitic_forms_and_article() -> None:
    assert split_article("العراق") == (True, "عراق")
    assert split_article("الله") == (False, "الله")  # too short to be article + name
    forms = clitic_forms("موسكو", definite=False)
    assert {"بموسكو", "لموسكو", "وموسكو", "فبموسكو"} <= set(forms) and "موسكو" not in forms
    assert {"العراق", "بالعراق", "للعراق", "والعراق"} <= set(clitic_forms("عراق", definite=True))


@pytest.mark.parametrize(("place", "adj"), [("روسيا", "روسي"), ("مصر", "مصري"), ("سعوديه", "سعودي"),
                                            ("لبنان", "لبناني"), ("امريكا", "امريكي"), ("اب", None)])
def test_adjective_of(place: str, adj: str | None) -> None:
    assert adjective_of(place) == adj


# ---------------------------------------------------------------- the rule generator on a toy corpus


def toy_corpus() -> Corpus:
    c = Corpus()
    tagged = [
        ("موسكو", "B-LOC"), ("موسكو", "B-LOC"), ("موسكو", "B-LOC"), ("بموسكو", "B-LOC"),
        ("لبنان", "B-LOC"), ("لبنان", "B-LOC"), ("لبنان", "B-LOC"), ("بنان", "B-PERS"),
        ("علي", "B-PERS"), ("علي", "B-PERS"), ("علي", "B-PERS"),
        ("فعلي", "O"), ("فعلي", "O"), ("فعلي", "O"),
        ("الوزير", "O"), ("الوزارة", "O"), ("والوطني", "O"), ("وزير", "O"), ("والكتاب", "O"),
        ("روسيا", "B-LOC"), ("روسيا", "B-LOC"), ("روسيا", "B-LOC"), ("الروسي", "O"), ("الروسية", "O"),
        ("سور", "B-LOC"), ("سور", "B-LOC"), ("سور", "B-LOC"), ("السور", "O"), ("سوريا", "B-LOC"),
        ("السوري", "O"), ("السوريين", "O"),
        ("وزارة", "B-ORG"), ("الخارجية", "I-ORG"),
    ]
    prev = "O"
    for i, (tok, tag) in enumerate(tagged):
        nxt = tagged[i + 1][1] if i + 1 < len(tagged) else "O"
        c.add(tok, tag, prev, nxt)
        prev = tag
    return c


@pytest.fixture(scope="module")
def toy_rules() -> Any:
    return build(toy_corpus(), countries=["روسيا", "سوريا", "لبنان"], cities=[], extra_names=["حفتر"])


def test_clitics_before_known_names(toy_rules: Any) -> None:
    assert toy_rules.names["بموسكو"] == "موسكو"
    assert toy_rules.names["لحفتر"] == "حفتر"  # extra names (news newer than the corpus)
    assert toy_rules.names["وعلي"] == "علي"


def test_names_the_stemmer_damages_are_protected(toy_rules: Any) -> None:
    assert toy_rules.names["لبنان"] == "لبنان"  # not لبن
    assert toy_rules.names["علي"] == "علي"  # not عل


def test_no_clitic_rule_that_collides_with_a_name_or_a_word(toy_rules: Any) -> None:
    assert "لبنان" not in toy_rules.names or toy_rules.names["لبنان"] == "لبنان"  # not ل + بنان
    assert "فعلي" not in toy_rules.names  # the corpus uses it as a word
    assert "وزاره" not in toy_rules.names  # an organisation-internal word is not a name


def test_root_waw_words_from_definite_forms(toy_rules: Any) -> None:
    fixes = toy_rules.stem_fixes
    assert fixes["وزير"] == light_stem("الوزير") == "وزير"
    assert fixes["وزاره"] == light_stem("الوزاره") == "وزار"
    assert fixes["وطني"] == "وطن"
    assert "كتاب" not in fixes and "والكتاب" not in fixes  # the conjunction و is a clitic


def test_nationality_adjectives_meet_their_country(toy_rules: Any) -> None:
    post, fixes = toy_rules.stem_post, toy_rules.stem_fixes
    # «روس» is unambiguous in this corpus: one post-stem rule covers every form
    assert post.get("روس") == "روسيا" or fixes.get("الروسي") == "روسيا"
    # «سور» is a word and a city: Syrian forms are mapped one by one instead
    assert "سور" not in post
    assert fixes["السوري"] == "سوريا" and fixes["السوريين"] == "سوريا"


def test_rule_files_round_trip(tmp_path: Path, toy_rules: Any) -> None:
    sizes = write(toy_rules, tmp_path)
    assert set(sizes) == set(RULE_FILES)
    loaded = load_rules(tmp_path)
    assert "بموسكو => موسكو" in loaded["naba_names"]
    assert format_rules({"b": "x", "a": "y"}) == ["a => y", "b => x"]
    merged = merge_rules({"settings": {"analysis": {"filter": {
        "naba_names": {"type": "stemmer_override", "rules": []},
        "naba_stem_post": {"type": "stemmer_override", "rules": []},
        "other": {"type": "stop"}}}}, "mappings": {}}, {"naba_names": loaded["naba_names"]})
    filters = merged["settings"]["analysis"]["filter"]
    assert filters["naba_names"]["rules"] == loaded["naba_names"]
    assert filters["naba_stem_post"]["rules"] == [NOOP_RULE]  # never empty: the engines refuse that
    assert len(merged["mappings"]["_meta"]["analysis_rules"]) == 16


def test_read_tokens(tmp_path: Path) -> None:
    f = tmp_path / "c.txt"
    f.write_text("موسكو B-LOC\n\nقال O\nbare\n", encoding="utf-8")
    assert list(read_tokens(f)) == [("موسكو", "B-LOC"), ("قال", "O")]


def test_the_shipped_template_has_generated_rules() -> None:
    t = template()
    filters = t["settings"]["analysis"]["filter"]
    assert len(filters["naba_names"]["rules"]) > 1000
    assert "وزير => وزير" in filters["naba_stem_fixes"]["rules"]
    for name in ("naba_names", "naba_stem_fixes", "naba_stem_post"):
        for rule in filters[name]["rules"]:
            key, value = rule.split(" => ")
            assert key == engine_normalize(key) and value == engine_normalize(value), rule
    assert t["mappings"]["dynamic"] == "strict"
    json.dumps(t)


# ---------------------------------------------------------------- bulk writer


class FakeEngine:
    """Answers bulk requests from a script: per call, a status per id (or an exception)."""

    def __init__(self, script: list[Any]) -> None:
        self.script = script
        self.bodies: list[str] = []

    def bulk_ndjson(self, body: str, refresh: bool | str = False) -> list[BulkItemResult]:
        self.bodies.append(body)
        step = self.script.pop(0) if self.script else {}
        if isinstance(step, Exception):
            raise step
        ids = [json.loads(line)["index"]["_id"] for line in body.splitlines()[::2]]
        out = []
        for i in ids:
            status = step.get(i, 201)
            err = None if status < 300 else ("mapper_parsing_exception: bad" if status == 400 else "busy")
            out.append(BulkItemResult(i, status < 300, status, err))
        return out


class Busy(Exception):
    status_code = 429


def test_writer_batches_by_count_and_by_bytes() -> None:
    eng = FakeEngine([])
    BulkWriter(eng, "i", max_docs=3, sleep=lambda s: None).add_many((str(i), {"t": "x"}) for i in range(7))  # type: ignore[arg-type]
    assert [b.count("\n") // 2 for b in eng.bodies] == [3, 3, 1]
    eng = FakeEngine([])
    w = BulkWriter(eng, "i", max_docs=100, max_bytes=300, sleep=lambda s: None)  # type: ignore[arg-type]
    w.add_many((str(i), {"t": "ن" * 50}) for i in range(6))
    assert all(len(b.encode()) <= 300 for b in eng.bodies) and len(eng.bodies) > 1
    assert sorted(w.outcome.indexed, key=int) == [str(i) for i in range(6)]


def test_writer_retries_transient_items_and_reports_rejections() -> None:
    eng = FakeEngine([{"1": 429, "2": 400}, {"1": 503}, {}])
    sleeps: list[float] = []
    out = BulkWriter(eng, "i", sleep=sleeps.append).add_many(  # type: ignore[arg-type]
        (str(i), {"n": i}) for i in range(4))
    assert sorted(out.indexed) == ["0", "1", "3"]
    assert out.rejected == {"2": "mapper_parsing_exception: bad"}
    assert len(eng.bodies) == 3 and eng.bodies[1].count("\n") == 2  # only the pushed-back item is resent
    assert len(sleeps) == 2


def test_writer_retries_a_pushed_back_request_and_gives_up_cleanly() -> None:
    eng = FakeEngine([Busy("queue full"), {}])
    out = BulkWriter(eng, "i", sleep=lambda s: None).add_many([("a", {})])  # type: ignore[arg-type]
    assert out.indexed == ["a"] and out.retries == 1
    eng = FakeEngine([Busy("x")] * 3)
    out = BulkWriter(eng, "i", attempts=3, sleep=lambda s: None).add_many([("a", {})])  # type: ignore[arg-type]
    assert "a" in out.transient and not out.indexed
    eng = FakeEngine([ValueError("not an engine status")])
    with pytest.raises(ValueError):
        BulkWriter(eng, "i", sleep=lambda s: None).add_many([("a", {})])  # type: ignore[arg-type]


def test_writer_keeps_the_last_version_of_a_repeated_id() -> None:
    eng = FakeEngine([])
    BulkWriter(eng, "i").add_many([("a", {"v": 1}), ("a", {"v": 2})])  # type: ignore[arg-type]
    assert eng.bodies[0].count("\n") == 2 and '"v":2' in eng.bodies[0]


# ---------------------------------------------------------------- search helpers


def test_split_phrases() -> None:
    assert split_phrases('وزير "الخارجية الروسي" «في موسكو» اليوم') == (["الخارجية الروسي", "في موسكو"], "وزير اليوم")
    assert split_phrases("بلا اقتباس") == ([], "بلا اقتباس")


def test_parse_response() -> None:
    resp = {"hits": {"total": {"value": 1}, "hits": [{"_id": "a", "_score": 1.0, "_source": {
        "title": "t", "sitename": "s", "published": "2019", "entities": {"PER": ["x"], "LOC": []}, "summary": "ملخص"},
        "highlight": {"title": ["«t»"]}}]},
        "aggregations": {"PER": {"buckets": [{"key": "x", "doc_count": 1}]},
                         "published": {"buckets": [{"key": 1, "key_as_string": "2019-01-01", "doc_count": 1}]}}}
    r = parse_response(resp, SearchRequest())
    assert r.total == 1 and r.hits[0].title == "«t»" and r.hits[0].snippet == "ملخص"
    assert r.hits[0].entities == {"PER": ["x"]}
    assert r.facets["published"] == [{"key": "2019-01-01", "count": 1}]


def test_version_of() -> None:
    assert version_of("naba", "naba-v12") == 12
    assert version_of("naba", "naba-x-v1") is None


def test_names_from_index_facets() -> None:
    from services.index.analysis.build_rules import names_from_aggregations, names_query

    assert set(names_query()["aggs"]) == {"PER", "LOC", "ORG"}  # type: ignore[arg-type]
    resp = {"aggregations": {
        "PER": {"buckets": [{"key": "خليفه حفتر", "doc_count": 9}, {"key": "د كي", "doc_count": 3}]},
        "LOC": {"buckets": [{"key": "طرابلس", "doc_count": 5}, {"key": "الولايات المتحده", "doc_count": 5}]},
        "ORG": {"buckets": [{"key": "وزاره الخارجيه", "doc_count": 4}, {"key": "الكرملين", "doc_count": 4}]},
    }}
    assert names_from_aggregations(resp) == sorted(["خليفه", "حفتر", "طرابلس", "الكرملين"])
