"""``find_dates``: every date an Arabic news article writes, at the granularity it writes it.

Pipeline per article: fold the text once (``normalize``), find trigger positions with two
first-character-skipping scans (digits; a trie of month/weekday/relative words), try the
``CORE`` alternation only there (``patterns``), let one handler per kind check the context
and compute the value (``handlers``), then keep the longest of overlapping candidates.
Decisions, and why:

* Yearless months and days («11 كانون الثاني/يناير», «في ديسمبر كانون الأول») stay
  ``XXXX-…`` without a publication date; with one they are anchored (``relative=True``) to
  the most recent such month/day on or before publication (the dev gold reads «ديسمبر» in an
  article of 2018-02-20 as 2017-12), or forward when the clause is future («المقرر»,
  «سوف», «سيعقد») or says «المقبل», or when the day or month falls within two months after
  publication and the clause does not say it tells of the past («أي في 9 تشرين الثاني»
  written in October; not «وكان قد …»). «من العام الماضي» after a month gives its year.
  Named events keep XXXX («ثورة 17 فبراير», «هجمات 11 سبتمبر»): their year is not the
  publication's. Names that merely contain a date are dropped: «مدينة 6 أكتوبر»,
  «قوى 14 آذار», «حركة 6 أبريل».
* Weekdays and «أمس/أول أمس/غداً/صباح اليوم/منذ 3 ساعات/قبل يومين/12 الجاري» need
  ``published`` and are skipped without it — no value can honestly be given. A bare weekday
  is the most recent one on or before publication (within a week); «الخميس المقبل» or a
  future clause looks forward, «الماضي» strictly back. Bare «اليوم» is skipped: it is as
  often "nowadays" or a name («روسيا اليوم») as "today".
* Weeks («الأسبوع الماضي», «هذا الأسبوع»), decades («التسعينيات»: no "199X" — the value
  grammar has no decade) and centuries are not emitted: stretching them to a day or a year
  would state a precision the text does not have.
* Durations are not dates: «منذ عامين», «خلال العامين الماضيين», «5 أيام», «منذ 3 أيام»
  (ongoing since), «قبل ثلاث سنوات» (a year two or three back: too vague). «قبل يومين» and
  «منذ 3 ساعات» are specific enough to name a day and are kept («قبل 3 أيام من الانتخابات»
  is relative to an event, not to publication, and is dropped).
* A four-digit number is a year only after a year word («عام/العام/سنة/عامي»), a temporal
  preposition («في/منذ/خلال/حتى/بين/مطلع/صيف…») or an event noun («ثورة/انتخابات/موازنة…»),
  or inside a range «2011-2015»; never bare, and never before a unit or count noun
  («في 2000 منزل», «العام 1200 قتيل»). «1440 هـ» is a Hijri year, never 1440 CE.
* Hijri dates are converted with hijridate (Umm al-Qura); ``original`` keeps the Hijri value.
  A Hijri month without day or year («رمضان») is a season, not a date, and is skipped.
* Numeric dates are day-first (Arabic news convention) unless only month-first is valid
  («2/20/2018»); both parts above 12 means it is not a date; a trailing «هـ» makes it Hijri.
* Ambiguous month words (مارس "practised", آب = أب "father", ماي, جوان, نيسان) need a day,
  a year, a paired name or a temporal cue.
"""

from __future__ import annotations

import re

from services.shared.schema import DateMention

from . import patterns as P
from .context import Cand, Ctx
from .handlers import HANDLERS
from .normalize import fold_text
from .resolve import parse_published

DATES_VERSION = "naba-dates-6"


def _resolve_overlaps(cands: list[Cand]) -> list[Cand]:
    """Longest (then earliest) candidate wins; the rest are dropped. Result sorted by start."""
    kept: list[Cand] = []
    for cand in sorted(cands, key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda x: x[0])


def _core_matches(f: str) -> list[re.Match]:
    """CORE matches at trigger positions that start a word (after optional clitics)."""
    starts = sorted(
        {t.start() for t in P.TRIGGER_DIGITS.finditer(f)} | {t.start() for t in P.TRIGGER_WORDS.finditer(f)}
    )
    out: list[re.Match] = []
    done = 0
    for pos in starts:
        if pos < done:
            continue
        if pos and f[pos - 1].isalnum():
            # allow only a clitic run (و ف ب ل ك) between the word start and the token
            ws = pos
            while ws and f[ws - 1].isalnum():
                ws -= 1
            if pos - ws > 4 or P.CLITIC_RUN.fullmatch(f, ws, pos) is None:
                continue
        m = P.CORE.match(f, pos)
        if m is not None:
            out.append(m)
            done = m.end()
    return out


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Every date mention in ``text``, sorted by start, offsets into ``text`` itself."""
    if not text:
        return []
    folded = fold_text(text)
    ctx = Ctx(folded, parse_published(published))
    cands: list[Cand] = []
    for m in _core_matches(folded.text):
        found = HANDLERS[m.lastgroup](m, ctx)
        if found and found[-1][2][:4].isdigit() and len(found[-1][2]) >= 7:
            ctx.last_month = found[-1][2][:7]
        cands.extend(found)
    out = []
    for fs, fe, value, cal, original, relative in _resolve_overlaps(cands):
        s, e = folded.to_original(fs, fe)
        out.append(DateMention(text=text[s:e], value=value, start=s, end=e, calendar=cal,
                               original=original, relative=relative))
    return out
