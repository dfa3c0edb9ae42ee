"""Unicode and white-space normalisation of extracted text.

Stored text (what is indexed and what entity/date offsets point into):

* NFKC on the compatibility characters that matter for search, NFC elsewhere. NFKC folds
  Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF, e.g. the lam-alef ligature ``ﻻ``
  → ``لا``), ligature words (``ﷲ`` → ``الله``), Latin ligatures (``ﬂ`` → ``fl``),
  full-width letters and digits and exotic spaces into ordinary characters. It is *not*
  applied to the whole text, because there it also rewrites characters whose form carries
  meaning: ``km²`` → ``km2``, ``½`` → ``1⁄2``, ``…`` → ``...`` and CJK full-width
  punctuation (``，`` → ``,``) in quoted foreign text. Normal Arabic letters, hamza forms,
  ``ى``/``ي``, ``ة`` and Arabic-Indic digits (٠–٩, ۰–۹) are unchanged by either form; the
  only change to vocalised text is NFC's canonical re-ordering of stacked diacritics
  (shadda + fatha), which renders identically.
* Zero-width and bidi control characters removed: they are invisible, break exact
  matching and tokenisation, and scraped pages are full of them (RLM/LRM around numbers,
  ZWSP from CMS editors). ZWNJ is kept between two letters, where Persian and Urdu
  spelling needs it (``می‌خواهم``); ZWJ is kept next to emoji only.
* Digits are *not* converted: ``٢٠١٩`` stays as written so offsets and quotes stay true.
  Use :func:`ascii_digits` on a copy when parsing numbers.
* Tatweel (``ـ``, kashida) is *kept* in stored text; it is typographic stretching, so it
  is removed only in matching copies (:func:`match_key`), where ``الرئيـــس`` must equal
  ``الرئيس``.
* White space: NBSP and other Unicode spaces become a plain space, runs collapse, lines
  are stripped, and more than one blank line collapses to one (paragraph separator).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from services.shared.arabic_months import ARABIC_INDIC_DIGITS

# Always invisible, never meaningful in news text: ZWSP, word joiner, BOM/ZWNBSP, soft
# hyphen, Mongolian vowel separator, LRM/RLM/ALM, embeddings/overrides, isolates.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# ZWNJ not between two letters (Persian keeps it inside words)
_ZWNJ_STRAY = re.compile(r"(?<!\w)\u200c|\u200c(?!\w)")
# ZWJ is needed only in emoji sequences (symbols, U+2600+ and astral plane pictographs)
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_ZWJ_NON_EMOJI = re.compile(f"(?<![{_EMOJI}\ufe0f])\u200d|\u200d(?![{_EMOJI}])")
_BLANK_RUNS = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# compatibility characters folded with NFKC: Latin/Armenian/Hebrew ligatures and Arabic
# presentation forms A (FB00–FDFF), Arabic presentation forms B (FE70–FEFE), Arabic
# high-hamza letters, exotic spaces, full-width ASCII letters and digits
_COMPAT = re.compile(
    "[\ufb00-\ufdff\ufe70-\ufefe\u0675-\u0678\u00a0\u2000-\u200a\u202f\u205f\u3000"
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+"
)


def _nfkc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


TATWEEL = "\u0640"
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def normalize_text(text: str) -> str:
    """Normalise extracted text for storage (see module docstring for what changes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _COMPAT.sub(_nfkc, text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    if "\u200c" in text:  # the look-around patterns are slow: run them only when needed
        text = _ZWNJ_STRAY.sub("", text)
    if "\u200d" in text:
        text = _ZWJ_NON_EMOJI.sub("", text)
    text = _CONTROL.sub("", text)
    return tidy_whitespace(text)


def tidy_whitespace(text: str) -> str:
    """Collapse spaces inside lines, strip lines, keep at most one blank line between blocks."""
    # str.split() splits on every Unicode space (NBSP, thin space, tabs…) and is much faster
    # than a regex per line; control characters that it would also split on are gone already
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def ascii_digits(text: str) -> str:
    """Copy of ``text`` with Arabic-Indic and Persian digits as ASCII, for number parsing only."""
    if not _EASTERN_DIGIT.search(text):
        return text  # str.translate with a dict table is slow; most lines have no such digit
    return text.translate(ARABIC_INDIC_DIGITS)


_EASTERN_DIGIT = re.compile("[٠-٩۰-۹]")
_FOLD_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


@lru_cache(maxsize=8192)
def match_key(text: str) -> str:
    """Comparison key for rules and duplicate detection — never stored.

    Removes tatweel and diacritics, folds alef/hamza variants, ``ى``→``ي``, ``ة``→``ه``,
    digits to ASCII, lower-cases Latin and collapses white space, so that spelling noise
    does not defeat a furniture rule or a caption-duplicate check.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    text = _DIACRITICS.sub("", text.replace(TATWEEL, ""))
    if _NEEDS_FOLD.search(text):
        text = text.translate(_FOLD_TABLE)
    return " ".join(ascii_digits(text).lower().split())


_NEEDS_FOLD = re.compile("[أإآٱىةؤئ]")
