"""Per-article state shared by the kind handlers: folded text, publication anchor, lookbehinds.

Handlers only ever see the match and this context; everything they need to look at around a
candidate (a weekday before a date, a cue word before a year, the clause's tense) goes
through ``behind``/``before`` on short slices, so context costs nothing where there is no
candidate.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from services.shared.arabic_months import (
    AMBIGUOUS_MONTHS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    ORDINAL_DAYS,
    WEEKDAYS,
    fold,
)

from . import patterns as P
from .normalize import Folded

_WS = re.compile(r"\s+")
GM = {fold(k): v for k, v in GREGORIAN_MONTHS.items()}
HM = {fold(k): v for k, v in HIJRI_MONTHS.items()}
WD = {fold(k): v for k, v in WEEKDAYS.items()}
ORD = {fold(k): v for k, v in ORDINAL_DAYS.items()}
ORD.update({"ل" + k[2:]: v for k, v in list(ORD.items())})  # «للأول من»
AMBIGUOUS = frozenset(fold(k) for k in AMBIGUOUS_MONTHS)

# (folded start, folded end, value, calendar, original, relative)
Cand = tuple[int, int, str, str, str | None, bool]


def key(s: str) -> str:
    """Lexicon key of a matched name: runs of white space (line breaks included) → one space."""
    return _WS.sub(" ", s)


class Ctx:
    """What the handlers share for one article: folded text and the publication anchor."""

    __slots__ = ("f", "folded", "last_month", "pub", "pub_dt", "weekday_dates")

    def __init__(self, folded: Folded, pub_dt: datetime | None) -> None:
        self.folded = folded
        self.f = folded.text
        self.pub_dt = pub_dt
        self.pub = pub_dt.date() if pub_dt else None
        self.last_month: str | None = None  # YYYY-MM of the latest full date found, for «الشهر ذاته»
        # the day an explicit mention gave each weekday («غدا الأربعاء 10 أبريل», «الخميس المقبل»):
        # a later bare «الأربعاء» in the same article is that day again, whatever the clause's tense
        self.weekday_dates: dict[int, date] = {}

    def before(self, pos: int, width: int = 30) -> str:
        return self.f[max(0, pos - width):pos]

    def behind(self, pos: int, rx: re.Pattern, width: int = 40) -> tuple[int, re.Match] | None:
        """Match ``rx`` (anchored with ``$``) on the text just before ``pos``.

        Returns the folded offset where group ``x`` starts, with the match, or None.
        """
        base = max(0, pos - width)
        m = rx.search(self.f, base, pos)
        if m is None:
            return None
        return (m.start("x") if m.group("x") is not None else pos), m

    def clitics(self, pos: int) -> str:
        """The clitic letters glued before the token at ``pos`` («و», «بال» → «ب»)."""
        ws = pos
        while ws > pos - 3 and ws and self.f[ws - 1].isalnum():
            ws -= 1
        return self.f[ws:pos]

    def extend_weekday(self, pos: int) -> int:
        """Start of a weekday written before a date («الجمعة 5 أبريل», «الخميس الموافق …»)."""
        return self.weekday_before(pos)[0]

    def weekday_before(self, pos: int) -> tuple[int, int | None]:
        """Start of a weekday written before a date, and the weekday (Monday = 0) if there is one."""
        hit = self.behind(pos, P.WEEKDAY_BEHIND)
        if hit is None:
            return pos, None
        return hit[0], WD.get(key(hit[1].group("wd")))

    def clause_before(self, pos: int, width: int = 100) -> str:
        s = self.before(pos, width)
        cut = list(P.CLAUSE_END.finditer(s))
        return s[cut[-1].end():] if cut else s

    def year_written_before(self, pos: int, width: int = 600) -> int | None:
        """The last four-digit year written before ``pos``, for «من العام نفسه», «مطلع العام ذاته»."""
        written = list(P.LAST_YEAR_WRITTEN.finditer(self.f, max(0, pos - width), pos))
        return int(written[-1].group()) if written else None

    def future(self, pos: int) -> bool:
        clause = self.clause_before(pos)
        return P.FUTURE_BEFORE.search(clause) is not None or P.FUTURE_CLAUSE_START.match(clause) is not None

    def past(self, pos: int) -> bool:
        """The clause tells of the past in so many words («كان», «قد», «منذ», «سبق»)."""
        return P.PAST_BEFORE.search(self.clause_before(pos)) is not None

    def original_slice(self, start: int, end: int) -> str:
        """The original characters of a folded span (to see tanween the fold removed)."""
        s, e = self.folded.to_original(start, end)
        return self.folded.original[s:e]
