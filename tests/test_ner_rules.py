"""Unit tests for canonical names, coreference, span rules and stacked features."""

from collections import Counter

import pytest

from services.enrich.ner.canon import canonical, clean, corefer, key, strip_first
from services.enrich.ner.lexicon import Lexicon
from services.enrich.ner.rules import bare, is_title, propagate, title_chains, trim
from services.enrich.ner.stack import blocks, doc_votes, stacked
from services.enrich.ner.text import fold


@pytest.fixture()
def lex() -> Lexicon:
    lx = Lexicon()
    lx.add_places(["موسكو", "روسيا", "باريس", "الأردن", "الزاوية"])
    lx.first_names.update({fold("سيرغي"), fold("خليفة")})
    lx.per_tokens.update({fold("لافروف"), fold("حفتر")})
    lx.name_tokens.update({fold("موسكو"): 5, fold("باريس"): 3, fold("حفتر"): 4})
    lx.nationalities.update({"روسي", "ليبي"})
    return lx


def test_clean_drops_diacritics_and_tatweel():
    assert clean("معمّر") == "معمر"
    assert clean("لـ") == "ل"


def test_strip_first_uses_document_evidence(lex):
    doc = {fold("حفتر"), fold("لحفتر")}
    assert strip_first("لحفتر", doc, lex) == "حفتر"
    assert strip_first("للافروف", {fold("لافروف")}, lex) == "لافروف"


def test_strip_first_keeps_article_and_real_letters(lex):
    assert strip_first("للأمم", set(), lex) == "الأمم"
    assert strip_first("بالزاوية", set(), lex) == "الزاوية"
    assert strip_first("بموسكو", set(), lex) == "موسكو"
    assert strip_first("باريس", set(), lex) == "باريس"
    assert strip_first("واشنطن", set(), lex) == "واشنطن"
    assert strip_first("الأردن", set(), lex) == "الأردن"


def test_canonical_joins_tokens(lex):
    assert canonical(["للأمم", "المتحدة"], set(), lex) == "الأمم المتحدة"
    assert canonical([], set(), lex) == ""


def test_key_is_folded():
    assert key("الأمم  المتحدة") == "الامم المتحده"
    assert key("على") != key("علي")


def test_corefer_person_and_org():
    res = corefer([("PER", "خليفة حفتر"), ("PER", "حفتر"), ("PER", "خليفة"), ("PER", "حفتر"),
                   ("ORG", "حكومة الوفاق"), ("ORG", "حكومة الوفاق الوطني"), ("LOC", "ليبيا")])
    assert res[("PER", "حفتر")] == "خليفة حفتر"
    assert res[("PER", "خليفة")] == "خليفة حفتر"
    assert res[("ORG", "حكومة الوفاق")] == "حكومة الوفاق الوطني"
    assert res[("LOC", "ليبيا")] == "ليبيا"


def test_corefer_unifies_spelling_variants():
    res = corefer([("ORG", "الأمم المتحدة"), ("ORG", "الأمم المتحدة"), ("ORG", "الامم المتحدة")])
    assert res[("ORG", "الامم المتحدة")] == "الأمم المتحدة"


def test_corefer_keeps_single_names_without_full_form():
    assert corefer([("PER", "حفتر")]) == {("PER", "حفتر"): "حفتر"}


def test_bare():
    assert bare(fold("لحفتر")) == fold("حفتر")
    assert bare(fold("للامم")) == "الامم"
    assert bare(fold("الزاوية")) == fold("الزاوية")


def test_is_title():
    assert is_title(fold("المشير")) and is_title(fold("والرئيس")) and not is_title(fold("حفتر"))


def _prep(sentence: str) -> tuple[list[str], list[str]]:
    words = sentence.split()
    return words, [fold(w) for w in words]


def test_trim_strips_titles_and_drops_nationality(lex):
    words, folded = _prep("المشير خليفة حفتر و الروسي")
    assert trim([(0, 3, "PER"), (4, 5, "LOC")], folded, words, lex) == [(1, 3, "PER")]


def test_trim_drops_bare_org_head(lex):
    words, folded = _prep("قالت الحكومة")
    assert trim([(1, 2, "ORG")], folded, words, lex) == []


def test_title_chain_adds_person(lex):
    words, folded = _prep("التقى وزير الخارجية الروسي سيرغي لافروف اليوم")
    assert title_chains([], folded, words, lex) == [(4, 6, "PER")]


def test_title_chain_requires_first_name(lex):
    words, folded = _prep("قال وزير الخارجية إن")
    assert title_chains([], folded, words, lex) == []


def test_propagate_tags_repeats_and_votes(lex):
    words, folded = _prep("حفتر قال إن لحفتر و حفتر")
    spans = propagate([(0, 1, "PER"), (5, 6, "ORG"), (5, 6, "PER")][:2], folded, words, lex)
    assert (3, 4, "PER") in spans
    assert all(t in ("PER", "ORG") for _, _, t in spans)


def test_stacked_features_vote_across_sentences():
    folded = [[fold("حفتر"), "قال"], ["التقى", fold("لحفتر")]]
    tags = [["B-PER", "O"], ["O", "O"]]
    assert doc_votes(folded, tags)[fold("حفتر")] == Counter({"PER": 1})
    feats = stacked(folded, tags)
    assert "dv=PER" in feats[1][1] and "p1=O" in feats[1][1]
    assert blocks(32, 15) == [(0, 15), (15, 30), (30, 32)]
