"""Offline language identification.

py3langid (the numpy port of langid.py, ~100 languages, no network, ~1 ms per article)
when it is installed; otherwise a script-ratio fallback that separates Arabic, Persian,
Urdu and English by their letters, which is enough to route documents in an Arabic
pipeline. Only the first few thousand characters are looked at: the language of a news
article does not change half-way, and this keeps the cost flat for long pages.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SAMPLE = 3000
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]")
_PERSIAN_ONLY = re.compile("[پچژگکی]")  # letters absent from Arabic orthography
_URDU_ONLY = re.compile("[ٹڈڑںےھۓ]")
# a Persian/Urdu guess from py3langid on text written with Arabic-only letters is a
# short-text error; these languages are then re-decided by their letters
_ARABIC_SCRIPT_LANGS = {"ar", "fa", "ur", "ps", "ku", "ckb", "ug", "sd"}


@lru_cache(maxsize=1)
def _identifier():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:  # optional dependency: fall back to script ratios
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def script_guess(text: str) -> str | None:
    """Language from letters alone: ar/fa/ur for Arabic script, en for Latin, None if no letters."""
    arabic = len(_ARABIC_LETTERS.findall(text))
    latin = len(_LATIN_LETTERS.findall(text))
    if arabic + latin == 0:
        return None
    if arabic >= latin:
        persian = len(_PERSIAN_ONLY.findall(text))
        urdu = len(_URDU_ONLY.findall(text))
        if urdu > 0.01 * arabic:
            return "ur"
        if persian > 0.02 * arabic:
            return "fa"
        return "ar"
    return "en"


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (``"ar"``, ``"en"``, …) or None when there is nothing to judge."""
    sample = text[:_SAMPLE]
    script = script_guess(sample)
    if script is None:
        return None
    ident = _identifier()
    if ident is None:
        return script
    lang, _prob = ident.classify(sample)
    if script in ("ar", "fa", "ur"):
        # py3langid confuses ar/fa/ur on short or mixed text, where the letters are decisive;
        # it is trusted for the other Arabic-script languages it knows (Pashto, Kurdish…)
        return lang if lang in _ARABIC_SCRIPT_LANGS - {"ar", "fa", "ur"} else script
    return lang
