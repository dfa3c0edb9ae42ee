"""Fold Arabic text for matching while keeping a way back to the original offsets.

Patterns are written once against a folded alphabet (plain alef, ي, ASCII digits) instead of
spelling every hamza and digit variant into the regex. Most folds are one character for one
character, so offsets survive; only tatweel and short vowels (tanween in «غداً», «شديداً» is
common in news) are deleted, and for those we keep the deleted positions so that a folded
offset can be mapped back with one bisect instead of a per-character index table.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from services.shared.arabic_months import ARABIC_INDIC_DIGITS

# one-for-one replacements, applied with str.replace: a dict-based str.translate walks the
# text in Python-object land and costs more than the whole date scan
_ONE_TO_ONE = (
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ی", "ي"), ("ک", "ك"),
    ("\u00a0", " "), ("\u200f", " "), ("\u200e", " "), ("\u202b", " "), ("\u202c", " "),
)
_NON_ASCII_DIGIT = re.compile("[٠-٩۰-۹]")
# tatweel, harakat/tanween, superscript alef, small high marks
_DELETED = re.compile("[\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus the map back to offsets in the original text."""

    text: str
    original: str
    # folded position of each deleted character (non-decreasing); empty when nothing was deleted
    _shifts: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) span to the original text (deleted marks inside are kept)."""
        if not self._shifts or end <= start:
            return start, end
        o_start = start + bisect_right(self._shifts, start)
        o_end = end - 1 + bisect_right(self._shifts, end - 1) + 1
        # a trailing mark («غداً») belongs to the word: extend over marks right after the span
        while o_end < len(self.original) and _DELETED.match(self.original, o_end):
            o_end += 1
        return o_start, o_end


def fold_text(text: str) -> Folded:
    """Return the matching view of ``text``: folded letters, ASCII digits, no diacritics."""
    one = text
    for a, b in _ONE_TO_ONE:
        if a in one:
            one = one.replace(a, b)
    if _NON_ASCII_DIGIT.search(one):
        one = one.translate(ARABIC_INDIC_DIGITS)
    positions = [m.start() for m in _DELETED.finditer(one)]
    if not positions:
        return Folded(one, text)
    shifts = tuple(p - i for i, p in enumerate(positions))
    return Folded(_DELETED.sub("", one), text, shifts)
