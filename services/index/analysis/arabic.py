"""Python twins of the engine-side analysis, so generated rules are written in the engine's alphabet.

``stemmer_override`` rules are matched against the token *as it reaches the filter*, i.e.
after the char filters, lowercasing, digit folding and Arabic normalisation. A rule keyed
on «مسؤولة» would never fire, because the engine sees «مسءوله». Every rule key and value
is therefore passed through :func:`engine_normalize`, and :func:`light_stem` reproduces
Lucene's ``ArabicStemmer`` (the ``arabic_stem`` filter) so the generator can tell which
words the stemmer damages and what the stemmer will make of the rest. The integration
tests check both twins against the real node's ``_analyze``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The char filter «naba_chars» in template.json, as (from, to) pairs. Tatweel and the
# zero-width/bidi marks are noise; the hamza seats ؤ and ئ are spelled either way by
# different outlets («مسؤول» / «مسئول»), so both become hamza on the line (ء).
CHAR_MAP: dict[str, str] = {
    "\u0640": "",  # tatweel
    "\u200c": "",  # ZWNJ
    "\u200d": "",  # ZWJ
    "\u200e": "",  # LRM
    "\u200f": "",  # RLM
    "\u0624": "\u0621",  # ؤ → ء
    "\u0626": "\u0621",  # ئ → ء
}

# persian_normalization: Farsi/Urdu letter shapes that leak into Arabic copy.
_PERSIAN = {"\u06cc": "\u064a", "\u06d2": "\u064a", "\u06a9": "\u0643", "\u06c0": "\u0647", "\u06c1": "\u0647",
            "\u06d5": "\u0647", "\u0654": ""}
# arabic_normalization (Lucene ArabicNormalizer): alef seats, alef maqsura, teh marbuta, harakat.
_ARABIC = {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647",
           "\u0640": ""}
_ARABIC.update({chr(c): "" for c in range(0x064B, 0x0653)})  # fathatan … sukun

_TABLE = str.maketrans({**CHAR_MAP, **_PERSIAN})
_NORM_TABLE = str.maketrans(_ARABIC)

# Lucene ArabicStemmer: one prefix (first match wins), then every matching suffix in order.
STEM_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
# Lucene also lists ية and ة, but arabic_normalization has already turned ة into ه, so they never match.
STEM_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

ARABIC_LETTERS = re.compile(r"^[\u0621-\u064a]+$")


@lru_cache(maxsize=200_000)
def engine_normalize(word: str) -> str:
    """A word as the override filters see it: NFKC, char filter, lowercase, digits, Persian and Arabic normalisation."""
    w = unicodedata.normalize("NFKC", word).translate(_TABLE).lower()
    w = "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in w)
    return w.translate(_NORM_TABLE)


def _strip_prefix(w: str) -> str:
    for p in STEM_PREFIXES:
        if len(p) == 1 and len(w) < 4:
            continue
        if len(w) < len(p) + 2:
            continue
        if w.startswith(p):
            return w[len(p):]
    return w


def _strip_suffixes(w: str) -> str:
    for s in STEM_SUFFIXES:
        if len(w) >= len(s) + 2 and w.endswith(s):
            w = w[: -len(s)]
    return w


@lru_cache(maxsize=200_000)
def light_stem(normalized: str) -> str:
    """Lucene's light stemmer on an already normalised word (what ``arabic_stem`` outputs)."""
    return _strip_suffixes(_strip_prefix(normalized))


def analyze_stemmed(word: str) -> str:
    """What the stock chain (no overrides) makes of one word."""
    return light_stem(engine_normalize(word))


# Proclitics the Lucene stemmer does NOT remove on its own (it only knows ال, وال, بال, كال,
# فال, لل and و). For a known name these are safe to strip because the rule is exact-match.
NAME_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
# Clitic + article combinations in front of a name that carries the article («العراق»).
ARTICLE_PROCLITICS = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال")


def split_article(normalized: str) -> tuple[bool, str]:
    """``(True, "عراق")`` for «العراق»: names written with the article keep it as a flag."""
    if normalized.startswith("ال") and len(normalized) >= 5:
        return True, normalized[2:]
    return False, normalized


def clitic_forms(bare: str, definite: bool) -> list[str]:
    """Every proclitic spelling of a name, in engine-normalised form.

    «موسكو» → «وموسكو», «بموسكو», «لموسكو» …; «العراق» (definite, bare «عراق») →
    «العراق», «بالعراق», «للعراق», «والعراق» …. The bare name itself is not included.
    """
    if definite:
        out = [p + bare for p in ARTICLE_PROCLITICS]
        return [f for f in out if f != bare]
    return [p + bare for p in NAME_PROCLITICS]


# Nisba endings on an adjective stem ending in ي: روسي, روسيه (ة), روسيين, روسيون, روسيات, روسيتين …
ADJ_ENDINGS = ("", "ه", "ين", "ون", "ات")
ADJ_PREFIXES = ("", "ال", "وال", "بال", "لل", "فال", "كال", "و", "ب", "ل")


def adjective_forms(adj: str) -> list[str]:
    """Surface forms of a nationality adjective stem («روسي») with article/clitics and endings."""
    return [p + adj + e for p in ADJ_PREFIXES for e in ADJ_ENDINGS]


def adjective_of(place_bare: str) -> str | None:
    """The nisba stem of a one-word country name: روسيا → روسي, مصر → مصري, سعوديه → سعودي."""
    w = place_bare
    if " " in w or len(w) < 3:
        return None
    if w.endswith("يا"):
        return w[:-1]
    if w.endswith("يه"):
        return w[:-1]
    if w.endswith(("ا", "ه")):
        return w[:-1] + "ي"
    return w + "ي"


def is_arabic_word(word: str) -> bool:
    return bool(ARABIC_LETTERS.match(word))
