"""Unit tests for the pure NER helpers: tokenisation, normalisation, clitics, corpus tags."""

from services.enrich.ner.corpus import map_tag, repair_bio, spans
from services.enrich.ner.lexicon import adjective_from_place, nat_stem
from services.enrich.ner.text import (
    fold,
    normalize,
    sentences,
    shape,
    split_clitic,
    strip_article,
    strip_clitic_keep_article,
    tokenize,
)


def test_tokenize_offsets_are_exact():
    text = 'قال #لافروف: لـ"حفتر" بـ«موسكو» 2,5 REUTERS.'
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    words = [t.text for t in toks]
    assert words == ["قال", "#", "لافروف", ":", "لـ", '"', "حفتر", '"', "بـ", "«", "موسكو", "»", "2,5", "REUTERS", "."]


def test_tokenize_keeps_diacritics_inside_words():
    assert [t.text for t in tokenize("معمّر القذافي")] == ["معمّر", "القذافي"]


def test_sentences_split_on_punctuation_and_newlines():
    text = "ذهب حفتر. عاد\nثم سافر"
    toks = tokenize(text)
    assert sentences(toks, text) == [(0, 3), (3, 4), (4, 6)]


def test_normalize_keeps_alef_maksura_distinct():
    assert normalize("على") != normalize("علي")
    assert fold("على") != fold("علي")
    assert normalize("الأُمم") == "الامم"
    assert fold("مصراتة") == "مصراته"


def test_split_clitic_longest_first():
    assert split_clitic("بموسكو") == ("ب", "موسكو")
    assert split_clitic("وبالزاويه") == ("وبال", "زاويه")
    assert split_clitic("في") == ("", "في")


def test_strip_clitic_keep_article():
    assert strip_clitic_keep_article("للأمم") == "الأمم"
    assert strip_clitic_keep_article("بالزاوية") == "الزاوية"
    assert strip_clitic_keep_article("موسكو") == "موسكو"


def test_strip_article_and_shape():
    assert strip_article("الروسي") == "روسي"
    assert strip_article("الى") == "الى"
    assert shape("2019") == "D" and shape("حفتر") == "A" and shape("في") == "a" and shape("TASS") == "L"


def test_map_tag_repairs_corpus_typos():
    assert map_tag("B-PERS") == "B-PER"
    assert map_tag("IPERS") == "I-PER"
    assert map_tag("B-OEG") == "B-ORG"
    assert map_tag("I--ORG") == "I-ORG"
    assert map_tag("B-MIS2") == "B-MISC"
    assert map_tag("b-misc") == "B-MISC"
    assert map_tag("B-ENGLISH") == "O"
    assert map_tag("OO") == "O"


def test_repair_bio_and_spans():
    sent = repair_bio([("a", "I-PER"), ("b", "I-PER"), ("c", "O"), ("d", "B-LOC"), ("e", "I-ORG")])
    assert [t for _, t in sent] == ["B-PER", "I-PER", "O", "B-LOC", "B-ORG"]
    assert spans([t for _, t in sent]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_nationality_helpers():
    assert nat_stem("الروسيين") == "روسي"
    assert nat_stem("الليبيه") == "ليبي"
    assert adjective_from_place("روسيا") == "روسي"
    assert adjective_from_place("مصر") == "مصري"
    assert adjective_from_place("الأردن") == "اردني"
    assert adjective_from_place("السعودية") == "سعودي"
    assert adjective_from_place("الولايات المتحدة") is None


def test_line_starts_are_the_tokens_after_each_break():
    from services.enrich.ner.text import line_starts

    text = "مسقط - أعلنت\n\nالوزارة أمس\n"
    tokens = tokenize(text)
    assert [tokens[i].text for i in line_starts(tokens, text)] == ["مسقط", "الوزارة"]
    assert line_starts(tokenize("سطر واحد"), "سطر واحد") == [0]
    assert line_starts([], "") == []
