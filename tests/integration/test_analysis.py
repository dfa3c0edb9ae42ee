"""The Arabic analyzers on the real engine: which words must meet, and which must not.

Each pair goes through ``_analyze`` of an index created from the template (generated
rules inlined), after the same NFKC the pipeline applies in Python to documents and
queries. "Meet" means both sides produce the same tokens.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.index.analysis.arabic import analyze_stemmed, engine_normalize
from services.index.documents import nfkc
from services.index.engine import SearchEngine
from services.index.indexer import template

from .test_index_fixtures import index_prefix, search_engine  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
STEM, EXACT = "naba_arabic", "naba_arabic_exact"

# (left, right, analyzer, meet?, why)
PAIRS: list[tuple[str, str, str, bool, str]] = [
    # normalisation
    ("أحمد", "احمد", STEM, True, "hamza on alef"),
    ("إسلام", "اسلام", STEM, True, "hamza under alef"),
    ("آمال", "امال", STEM, True, "alef madda"),
    ("مدرسة", "مدرسه", STEM, True, "teh marbuta"),
    ("مصطفى", "مصطفي", STEM, True, "alef maqsura"),
    ("كتـــاب", "كتاب", STEM, True, "tatweel"),
    ("مُحَمَّد", "محمد", STEM, True, "harakat"),
    ("مسؤول", "مسئول", STEM, True, "hamza seat ؤ/ئ"),
    ("مسؤولون", "المسئولين", STEM, True, "hamza seat + plural + article"),
    ("کتاب", "كتاب", STEM, True, "Persian keheh"),
    ("فارسی", "فارسي", STEM, True, "Farsi yeh"),
    ("ﻻجئ", "لاجئ", STEM, True, "lam-alef ligature (NFKC in Python)"),
    # digits
    ("٢٠١٩", "2019", STEM, True, "Arabic-Indic digits"),
    ("۲۰۱۹", "2019", STEM, True, "Persian digits"),
    ("٢٠١٩", "2018", STEM, False, "different years"),
    # clitics the stemmer already handles
    ("والكتاب", "كتاب", STEM, True, "wa + article"),
    ("بالمدينة", "المدينة", STEM, True, "bi + article"),
    ("للحكومة", "الحكومة", STEM, True, "li + article"),
    ("وقال", "قال", STEM, True, "conjunction wa"),
    # root-initial wāw: the stemmer must not strip it
    ("وزير", "الوزير", STEM, True, "وزير → زير without the fix"),
    ("وزير", "زير", STEM, False, "وزير is not زير"),
    ("وزارة", "الوزارة", STEM, True, "وزارة → زار without the fix"),
    ("وزارة", "زار", STEM, False, "ministry is not 'visited'"),
    ("وطني", "الوطني", STEM, True, "وطني → طن without the fix"),
    ("ولاية", "الولاية", STEM, True, "ولاية → لا without the fix"),
    ("وكالة", "الوكالة", STEM, True, "agency"),
    ("واحد", "أحد", STEM, False, "one is not someone/Sunday"),
    # place names and nationality adjectives
    ("لبنان", "لبن", STEM, False, "Lebanon is not yogurt"),
    ("لبنان", "اللبنانية", STEM, True, "Lebanese → Lebanon"),
    ("لبنان", "لبنانيون", STEM, True, "Lebanese (pl.) → Lebanon"),
    ("فلسطين", "الفلسطينيين", STEM, True, "Palestinians → Palestine"),
    ("فلسطين", "فلسطيني", STEM, True, "Palestinian → Palestine"),
    ("روسيا", "الروسي", STEM, True, "decision: adjective meets its country"),
    ("روسيا", "الروسية", STEM, True, "feminine adjective"),
    ("سوريا", "السوري", STEM, True, "Syrian → Syria"),
    ("سوريا", "السوريين", STEM, True, "Syrians → Syria"),
    ("السوري", "سور", STEM, False, "Syrian is not 'wall' (or Tyre)"),
    ("مصر", "المصريين", STEM, True, "Egyptians → Egypt"),
    ("أمريكا", "الأمريكي", STEM, True, "American → America"),
    ("إسرائيل", "الإسرائيلي", STEM, True, "Israeli → Israel"),
    ("اليابان", "اليابانية", STEM, True, "Japanese → Japan (not ياب)"),
    ("ألمانيا", "الألماني", STEM, True, "German → Germany (أل is not the article)"),
    ("العراق", "عراقي", STEM, True, "Iraqi → Iraq"),
    # proclitics before known names
    ("بموسكو", "موسكو", STEM, True, "bi + Moscow"),
    ("وموسكو", "موسكو", STEM, True, "wa + Moscow"),
    ("لبوتين", "بوتين", STEM, True, "li + Putin"),
    ("بواشنطن", "واشنطن", STEM, True, "bi + Washington (whose و is not a clitic)"),
    ("بالعراق", "العراق", STEM, True, "bi + article + Iraq"),
    ("بالقاهرة", "القاهرة", STEM, True, "bi + article + Cairo"),
    ("فعلي", "علي", STEM, False, "'actual' is not fa + Ali"),
    # على (on) vs علي (Ali)
    ("على", "علي", STEM, False, "preposition is a stop word, Ali is a protected name"),
    ("عليه", "علي", STEM, False, "'on him' is not Ali (the stemmer would make both عل)"),
    # the unstemmed .exact analyzer
    ("على", "علي", EXACT, False, "preposition kept apart from the name"),
    ("بموسكو", "موسكو", EXACT, True, "proclitic rules apply to .exact too"),
    ("بالعراق", "العراق", EXACT, True, "article + clitic on a known name"),
    ("الوزير", "وزير", EXACT, False, "no stemming in .exact"),
    ("الروسي", "روسيا", EXACT, False, "adjective and country stay apart in .exact"),
    ("مسؤول", "مسئول", EXACT, True, "hamza seats in .exact"),
    ("٢٠١٩", "2019", EXACT, True, "digits in .exact"),
    ("أحمد", "احمد", EXACT, True, "alef in .exact"),
]


@pytest.fixture(scope="module")
def analysis_index(search_engine: SearchEngine) -> Iterator[str]:  # noqa: F811 - fixture
    from services.shared.settings import get_settings

    name = f"{get_settings().index_prefix}-analysis-{uuid.uuid4().hex[:6]}-v1"
    search_engine.create_index(name, template())
    try:
        yield name
    finally:
        search_engine.delete_index(name)


def _tokens(engine: SearchEngine, index: str, text: str, analyzer: str) -> list[str]:
    return engine.analyze(index, {"analyzer": analyzer, "text": nfkc(text)})


def test_the_table_is_big_enough() -> None:
    assert len(PAIRS) >= 40
    assert sum(1 for p in PAIRS if not p[3]) >= 10


@pytest.mark.parametrize(("left", "right", "analyzer", "meet", "why"), PAIRS,
                         ids=[f"{i:02d}-{p[4]}" for i, p in enumerate(PAIRS)])
def test_pair(search_engine: SearchEngine, analysis_index: str, left: str, right: str,  # noqa: F811
              analyzer: str, meet: bool, why: str) -> None:
    a = _tokens(search_engine, analysis_index, left, analyzer)
    b = _tokens(search_engine, analysis_index, right, analyzer)
    if meet:
        assert a == b and a, f"{left} {a} should meet {right} {b}: {why}"
    else:
        assert a != b, f"{left} {a} should not meet {right} {b}: {why}"


def test_python_twins_agree_with_the_engine(search_engine: SearchEngine, analysis_index: str) -> None:  # noqa: F811
    """The generator's Lucene twins (normaliser + light stemmer) match the node on every seed word."""
    words = sorted({w for f in (REPO / "seeds").glob("*.txt")
                    for w in re.findall(r"[\u0621-\u064a][\u0621-\u064a\u0640\u064b-\u0652]+",
                                        f.read_text(encoding="utf-8"))})
    assert len(words) > 300
    chain = {"tokenizer": "keyword", "char_filter": ["naba_chars"],
             "filter": ["lowercase", "decimal_digit", "persian_normalization", "arabic_normalization"]}
    body = {**chain, "text": words}
    normalised = search_engine.analyze(analysis_index, body)
    assert normalised == [engine_normalize(w) for w in words]
    stemmed = search_engine.analyze(analysis_index, {**body, "filter": [*chain["filter"], "arabic_stemmer"]})
    assert stemmed == [analyze_stemmed(w) for w in words]


def test_phrases_on_exact(search_engine: SearchEngine, index_prefix: str) -> None:  # noqa: F811 - fixtures
    from services.index.indexer import ensure_index, read_alias
    from services.index.writer import BulkWriter

    ensure_index(search_engine, index_prefix)
    docs = {
        "d1": "التقى وزير الخارجية الروسي بنظيره في موسكو أمس",
        "d2": "قال الوزير إن الخارجية ستصدر بيانا بموسكو",
        "d3": "وزير الداخلية يزور لبنان",
    }
    BulkWriter(search_engine, index_prefix + "-write", refresh=True).add_many(
        (k, {"id": k, "title": "", "text": nfkc(v)}) for k, v in docs.items())

    def phrase(q: str, field: str = "text.exact") -> set[str]:
        resp = search_engine.search(read_alias(index_prefix), {"query": {"match_phrase": {field: nfkc(q)}}})
        return {h["_id"] for h in resp["hits"]["hits"]}

    assert phrase("وزير الخارجية") == {"d1"}  # adjacent, in order
    assert phrase("الخارجية وزير") == set()
    assert phrase("في موسكو") == {"d1"}
    assert phrase("موسكو") == {"d1", "d2"}  # «بموسكو» is the known name with a clitic
    assert phrase("الوزير") == {"d2"}  # .exact does not stem: «وزير» is not «الوزير»
    assert phrase("الوزير", "text") == {"d1", "d2", "d3"}  # the stemmed field does
    assert phrase("الروسي") == {"d1"}
