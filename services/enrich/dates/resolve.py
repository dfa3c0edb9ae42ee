"""Calendar arithmetic: anchoring yearless and relative expressions, and Hijri conversion.

Anchoring rule (decided with the dev gold, which says «في ديسمبر كانون الأول» in an article
of 2018-02-20 is 2017-12): news reports what happened, so a month or day written without a
year is the most recent such month/day on or before publication. Explicit markers override
the default: «المقبل/القادم» and a future cue in the clause (سوف, المقرر, سيعقد …) look
forward, «الماضي/المنصرم» look strictly back, «الجاري/الحالي» mean the publication year.
One exception, for Hijri days only: a yearless Hijri day that falls within
:data:`NEAR_AHEAD_DAYS` after publication is that coming day («يوافق عيد الأضحى العاشر من
ذي الحجة» four days before it). Hijri days without a year mostly announce the religious
calendar's next feast or fast. A Gregorian day within :data:`NEAR_AHEAD_GREGORIAN_DAYS`
after publication is that coming day too («التصويت الخاص … سيجرى قبل يومين من الاقتراع، أي في
9 تشرين الثاني» a month before it), unless the clause says it tells of the past («كان», «قد»,
«منذ»): with a true publication date a day just ahead cannot have been narrated as done, and
a day eleven months back is written with its year or «الماضي». (With a publication date set a
month *before* the events, as was tried on ANERcorp, past narrations would turn into the future;
real articles carry their own date.)
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Literal

from hijridate import Hijri

Direction = Literal["back", "back_strict", "fwd", "fwd_strict", "current"]
NEAR_AHEAD_DAYS = 31
NEAR_AHEAD_GREGORIAN_DAYS = 61  # scheduled events are announced weeks to two months ahead

MAX_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

PAST_WORDS = frozenset({"الماضي", "الماضية", "المنصرم", "المنصرمة", "المنقضي", "الماضيين", "المنصرمين", "الفارط",
                        "الفارطة"})  # «الفارطة» (Tunisia): past
NEXT_WORDS = frozenset({"المقبل", "المقبلة", "القادم", "القادمة", "المقبلين", "القادمين"})
CURRENT_WORDS = frozenset({"الجاري", "الجارية", "الحالي", "الحالية"})


def parse_published(published: str | None) -> datetime | None:
    """ISO 8601 date or datetime → naive datetime in the article's own clock, else None."""
    if not published:
        return None
    s = published.strip()
    if len(s) < 10:
        return None  # a bare year or year-month cannot anchor a weekday
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = datetime.fromisoformat(s[:10])
        except ValueError:
            return None
    return dt.replace(tzinfo=None)


def valid_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= MAX_DAY[month - 1]


def direction_for(rel: str | None, future: bool, has_day: bool) -> Direction:
    """Pick the anchoring direction from a following marker word and the clause's tense."""
    if rel in PAST_WORDS:
        return "back" if has_day else "back_strict"
    if rel in NEXT_WORDS:
        return "fwd" if has_day else "fwd_strict"
    if rel in CURRENT_WORDS:
        return "current"
    return "fwd" if future else "back"


def anchor_year(month: int, day: int | None, pub: date, direction: Direction) -> int:
    """Year of the month (and day) nearest to ``pub`` in ``direction``; 29 February only in leap years."""
    year = _anchor_year(month, day, pub, direction)
    step = 1 if direction in ("fwd", "fwd_strict") else -1
    while month == 2 and day == 29 and not calendar.isleap(year):
        year += step
    return year


def _anchor_year(month: int, day: int | None, pub: date, direction: Direction) -> int:
    if direction == "current":
        return pub.year
    key = (month, day or 0)
    ref = (pub.month, pub.day if day else 0)
    if direction == "back":
        return pub.year if key <= ref else pub.year - 1
    if direction == "back_strict":
        return pub.year if key < ref else pub.year - 1
    if direction == "fwd":
        return pub.year if key >= ref else pub.year + 1
    return pub.year if key > ref else pub.year + 1


def anchor_weekday(weekday: int, pub: date, direction: Direction) -> date:
    """The given weekday within a week of ``pub`` (Monday = 0)."""
    if direction in ("back", "back_strict", "current"):
        delta = (pub.weekday() - weekday) % 7
        if delta == 0 and direction == "back_strict":
            delta = 7
        return pub - timedelta(days=delta)
    delta = (weekday - pub.weekday()) % 7
    if delta == 0 and direction == "fwd_strict":
        delta = 7
    return pub + timedelta(days=delta)


def shift_month(pub: date, months: int) -> str:
    idx = pub.year * 12 + pub.month - 1 + months
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


def hijri_to_value(year: int, month: int | None, day: int | None) -> tuple[str, str] | None:
    """Gregorian ``value`` and Hijri ``original`` at the granularity written, or None.

    A Hijri month straddles two Gregorian months and a Hijri year two Gregorian years; the
    value is the Gregorian month (year) holding the middle of the Hijri month (year), which
    is the one holding most of its days. Years outside hijridate's range (1343–1500 AH,
    1924–2077 CE) are left out rather than guessed.
    """
    try:
        if day is not None and month is not None:
            g = Hijri(year, month, day).to_gregorian()
            return f"{g.year:04d}-{g.month:02d}-{g.day:02d}", f"{year:04d}-{month:02d}-{day:02d}"
        if month is not None:
            g = Hijri(year, month, 15).to_gregorian()
            return f"{g.year:04d}-{g.month:02d}", f"{year:04d}-{month:02d}"
        g = Hijri(year, 7, 1).to_gregorian()
        return f"{g.year:04d}", f"{year:04d}"
    except (ValueError, OverflowError):
        return None
