"""Offline language identification, including the script-ratio fallback."""

from __future__ import annotations

import pytest

from services.ingest import language
from services.ingest.language import detect_language, script_guess

SAMPLES = {
    "ar": "تبرأ الكرملين من دعم قوات شرق ليبيا بقيادة المشير خليفة حفتر في زحفها تجاه غرب البلاد.",
    "fa": "وزیر امور خارجه ایران گفت که کشورش آماده گفتگو با همسایگان برای کاهش تنش‌ها در منطقه است.",
    "ur": "پاکستان کے وزیر خارجہ نے کہا ہے کہ ان کا ملک خطے میں امن کے لیے ہر ممکن کوشش کرے گا۔",
    "en": "The Kremlin said on Friday that Russia was not helping the forces of eastern Libya.",
}


@pytest.mark.parametrize(("lang", "text"), SAMPLES.items())
def test_detect(lang, text):
    assert detect_language(text) == lang


@pytest.mark.parametrize(("lang", "text"), SAMPLES.items())
def test_script_fallback(lang, text):
    assert script_guess(text) == lang


def test_fallback_used_without_cld2(monkeypatch):
    monkeypatch.setattr(language, "_identifier", lambda: None)
    assert detect_language(SAMPLES["ar"]) == "ar"
    assert detect_language("Der Kreml sagte am Freitag") == "en"  # script only: Latin → en


def test_nothing_to_judge():
    assert detect_language("") is None
    assert detect_language("12345 ... ٢٠١٩") is None


def test_other_scripts_go_to_the_model():
    assert detect_language("Кремль заявил в пятницу, что Россия не помогает силам на востоке Ливии.") == "ru"


def test_kurdish_and_pashto_letters():
    assert script_guess("هەرێمی کوردستان ڕایگەیاند کە کۆبوونەوەیەک لەگەڵ بەغدا دەکات") == "ckb"
    assert script_guess("د افغانستان د بهرنیو چارو وزارت ویلي چې ښار کې امنیت ټینګ دی") == "ps"


def test_latin_languages_are_told_apart_and_bad_text_does_not_raise():
    assert detect_language("Der Kreml sagte am Freitag, dass Russland die Truppen Libyens nicht unterstütze.") == "de"
    assert detect_language("Le Kremlin a déclaré vendredi que la Russie n'aidait pas les forces libyennes.") == "fr"
    # a lone surrogate (a broken page) cannot be encoded for the detector: the script decides
    assert detect_language("The Kremlin said on Friday \udcff that Russia was not helping.") == "en"
