"""Arabic text helpers for NER: offset-preserving tokenisation, normalisation, clitics.

Everything here is pure and cheap, because it runs once per token of every article.
Normalisation folds the spelling variants that news sources mix freely (hamza on alef,
tatweel, diacritics) but keeps ى and ي apart: «على» (a preposition) and «علي» (a
name) must never collide.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from camel_tools.utils.dediac import dediac_ar

# A token is an Arabic word (letters, diacritics, inner tatweel), a Latin/digit word, or
# one other non-space character. A trailing tatweel that glues a clitic to a quote
# (بـ"حفتر") stays with the clitic, so «بـ» is its own token and «حفتر» another.
_AR = "\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670\u0671-\u06d3\u06d5"
_TOKEN_RE = re.compile(
    rf"[{_AR}]+(?:\u0640+[{_AR}]+)*\u0640*"
    r"|[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?"
    r"|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
    r"|\S"
)
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_TATWEEL = "\u0640"
_ALEF_RE = re.compile("[أإآٱ]")

# Proclitic strings, longest first so «وبال» is tried before «و».
PROCLITICS: tuple[str, ...] = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
                               "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_CLITIC_INITIALS = frozenset(c[0] for c in PROCLITICS)
# Clitics that stand in front of the article; stripping them keeps «ال».
_PRE_ARTICLE = {"وبال": "ال", "فبال": "ال", "وكال": "ال", "وال": "ال", "فال": "ال", "بال": "ال", "كال": "ال",
                "ولل": "ال", "فلل": "ال", "لل": "ال"}


class Token(NamedTuple):
    """One token with its character span in the source text (a tuple: cheap to build)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens whose offsets index into it exactly.

    ``findall`` plus ``str.find`` for the offsets is about three times faster than
    building from match objects, and tokenising is a fixed cost on every article.
    """
    out: list[Token] = []
    make = tuple.__new__
    find = text.find
    pos = 0
    for word in _TOKEN_RE.findall(text):
        start = find(word, pos)
        pos = start + len(word)
        out.append(make(Token, (word, start, pos)))
    return out


_SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
_LINE_BREAK = re.compile(r"\n+")


def line_starts(tokens: list[Token], text: str) -> list[int]:
    """Indices of the tokens that open a line (the first token, and each after a line break).

    The few breaks are found in the text and placed among the tokens by bisection, with no
    per-token slicing of the text.
    """
    if not tokens:
        return []
    if "\n" not in text:
        return [0]
    starts = [tok.start for tok in tokens]
    return sorted({0, *(bisect_left(starts, m.start()) for m in _LINE_BREAK.finditer(text))} - {len(tokens)})


def sentences(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Token index ranges of sentences: split at . ! ? ؟ and at blank or line breaks.

    The CRF was trained on sentences; tagging sentence by sentence keeps its context
    features (sentence start, neighbours) meaning what they meant in training.
    """
    n = len(tokens)
    ends = {i + 1 for i, tok in enumerate(tokens) if tok.text in _SENTENCE_END}
    ends.update(line_starts(tokens, text))  # a line break between two tokens ends the sentence
    out: list[tuple[int, int]] = []
    begin = 0
    for end in sorted(ends):
        if begin < end <= n:
            out.append((begin, end))
            begin = end
    if begin < n:
        out.append((begin, n))
    return out


@lru_cache(maxsize=50_000)
def normalize(word: str) -> str:
    """Comparison form: no diacritics/tatweel, alef variants folded; ى/ي and ة kept."""
    w = dediac_ar(word).replace(_TATWEEL, "")
    return _ALEF_RE.sub("ا", w)


@lru_cache(maxsize=50_000)
def fold(word: str) -> str:
    """Looser form for lexicon lookups and facet keys: also ة→ه, ؤ→و, ئ→ي (not ى→ي)."""
    return normalize(word).replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")


@lru_cache(maxsize=50_000)
def is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTER_RE.search(word))


@lru_cache(maxsize=50_000)
def split_clitic(word: str, min_stem: int = 2) -> tuple[str, str]:
    """The longest proclitic and the remaining stem of a normalised word.

    Returns ``("", word)`` when no proclitic leaves at least ``min_stem`` letters. This
    is purely orthographic; whether the split is *right* («بموسكو» yes, «باريس» no) is
    decided by lexicon evidence elsewhere.
    """
    if not word or word[0] not in _CLITIC_INITIALS:
        return "", word
    for c in PROCLITICS:
        if word.startswith(c) and len(word) - len(c) >= min_stem:
            return c, word[len(c):]
    return "", word


def strip_clitic_keep_article(word: str) -> str:
    """«للأمم» → «الأمم», «بالزاوية» → «الزاوية»: drop a proclitic in front of «ال»."""
    for c, repl in _PRE_ARTICLE.items():
        if word.startswith(c) and len(word) - len(c) >= 3:
            return repl + word[len(c):]
    return word


def strip_article(word: str) -> str:
    """Drop a bare leading «ال» (used for lexicon lookups of adjectives and heads)."""
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def shape(word: str) -> str:
    """Coarse word shape: script and length class."""
    if word.isdigit():
        return "D"
    if is_arabic(word):
        return "A" if len(word) > 3 else "a"
    if word.isalpha():
        return "L"
    return "P"
