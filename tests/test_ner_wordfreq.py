"""The modern word-frequency table and the cues the tagger and rules read from it."""

from array import array

from services.enrich.ner.lexicon import Lexicon
from services.enrich.ner.rules import speech_subjects
from services.enrich.ner.text import fold
from services.enrich.ner.wordfreq_table import FreqTable, article_cue, freq_features, table


def test_table_round_trips_through_its_file(tmp_path):
    t = FreqTable.from_rows({"روسيا": 52, "الروسيا": 17, "قاعده": 49})
    path = tmp_path / "t.bin"
    t.write(path)
    back = FreqTable.read(path)
    assert len(back) == 3
    assert back.get("روسيا") == 52 and back.get("قاعده") == 49
    assert back.get("موسكو") == 0 and back.get("موسكو", -1) == -1


def test_empty_table_gives_no_features():
    assert freq_features("روسيا", FreqTable(array("Q"), array("B"))) == []


def test_article_cue_separates_names_from_nouns():
    freq = FreqTable.from_rows({"حفتر": 35, "قاعده": 49, "القاعده": 50, "بوتين": 42, "وتين": 20})
    assert "def=N" in freq_features("حفتر", freq)  # «الحفتر» never occurs
    assert "def=D" in freq_features("القاعده", freq)  # «قاعدة» and «القاعدة» both common
    assert "def=X" in freq_features("مالاتشنكو", freq)  # unknown either way
    # «بوتين» is more frequent than the «ب» + «وتين» reading, so the whole word is judged
    assert "def=N" in freq_features("بوتين", freq)
    assert article_cue("حفتر", freq) == "N" and article_cue("القاعده", freq) == "D"
    assert article_cue("حفتر", FreqTable(array("Q"), array("B"))) is None


def test_shipped_table_knows_modern_arabic():
    freq = table()
    assert len(freq) > 100_000
    assert freq.get(fold("روسيا")) > freq.get(fold("الروسيا")) + 20
    assert "def=D" in freq_features(fold("الحكومة"), freq)
    assert "def=N" in freq_features(fold("داعش"), freq)


def test_speaker_after_a_verb_of_saying():
    lex = Lexicon()
    words = ["وقال", "رافاران", "إن", "مجلس", "الأمن", "منقسم", "."]
    folded = [fold(w) for w in words]
    assert speech_subjects([], folded, words, lex) == [(1, 2, "PER")]


def test_no_speaker_for_common_or_inflected_words():
    lex = Lexicon()
    for words in (["وقال", "مسؤولو", "الوزارة", "إن"], ["وأعلن", "دخوله", "في", "السباق"],
                  ["وقال", "مصدر", "إن"], ["وقال", "إنه", "سيعود"]):
        folded = [fold(w) for w in words]
        assert speech_subjects([], folded, words, lex) == [], words
