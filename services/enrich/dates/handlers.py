"""One handler per kind of CORE match: check the context, compute the value, or reject.

Each returns zero or more candidates in folded offsets. Rejections here are what keep
precision: counts and units after four-digit numbers, ambiguous month words without a cue,
«مدينة 6 أكتوبر», «صلاة الجمعة», «البلدين الاثنين», «الأمين العام المقبل».
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from hijridate import Gregorian, Hijri

from . import patterns as P
from .context import AMBIGUOUS as _AMBIGUOUS
from .context import GM as _GM
from .context import HM as _HM
from .context import ORD as _ORD
from .context import WD as _WD
from .context import Cand
from .context import Ctx as _Ctx
from .context import key as _key
from .resolve import (
    NEAR_AHEAD_DAYS,
    NEAR_AHEAD_GREGORIAN_DAYS,
    NEXT_WORDS,
    PAST_WORDS,
    anchor_weekday,
    anchor_year,
    direction_for,
    hijri_to_value,
    shift_month,
    valid_day,
)

_WEEKDAY_AFTER = re.compile(r"\s+" + P.WD)
_PRESENT_VERB_BEFORE = re.compile(r"(?:^|\s)[وف]?س?[يتن][^\W\d]{2,}\s+$")
_NUM_WORDS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10}
_YEAR_DIGITS = re.compile(r"[0-9]{4}")


def _ymd(y: int | None, m: int, d: int | None) -> str:
    ys = f"{y:04d}" if y is not None else "XXXX"
    return f"{ys}-{m:02d}" + (f"-{d:02d}" if d is not None else "")


def _numeric(m: re.Match, c: _Ctx) -> list[Cand]:
    if m.group("n_y"):
        a, b, y = int(m.group("n_a")), int(m.group("n_b")), int(m.group("n_y"))
        if a > 12 and b > 12:
            return []
        day, month = (b, a) if a <= 12 < b else (a, b)  # day-first unless only month-first is valid
    else:
        y, month, day = int(m.group("n_y2")), int(m.group("n_b2")), int(m.group("n_a2"))
    start_digits = m.start("n_a") if m.group("n_a") else m.start("n_y2")
    if start_digits and c.f[start_digits - 1] in "/.-+":
        return []  # part of a longer numeric chain (version, phone, IP)
    start, end = c.extend_weekday(m.start("n")), m.end("n")
    hmark = P.HMARK_AFTER.match(c.f, end)
    if hmark or 1343 <= y <= 1500:
        # Saudi style «1440/09/12هـ»: a Hijri date in numbers; a 14xx year in a numeric date
        # of a modern article is Hijri even when the «هـ» is left out
        conv = hijri_to_value(y, month, day) if 1300 <= y <= 1500 else None
        return [(start, hmark.end() if hmark else end, conv[0], "hijri", conv[1], False)] if conv else []
    if not (1900 <= y <= 2100 and valid_day(month, day)):
        return []
    return [(start, end, _ymd(y, month, day), "gregorian", None, False)]


def _hijri(m: re.Match, c: _Ctx) -> list[Cand]:
    month = _HM.get(_key(m.group("h_m")))
    start, end = m.start("h"), m.end("h")
    day = int(m.group("h_d")) if m.group("h_d") else None
    if day is None and not c.behind(start, P.MONTH_PART_BEHIND):  # («النصف الثاني من رمضان»: no day)
        ordinal = c.behind(start, P.ORD_BEHIND)
        first = None if ordinal else c.behind(start, P.FIRST_DAY_BEHIND)
        if ordinal:
            start, day = ordinal[0], _ORD[_key(ordinal[1].group("x"))]
        elif first:
            start, day = first[0], 1
    if month is None:
        return []
    relative = False
    if m.group("h_y"):
        y = int(m.group("h_y"))
        if not 1300 <= y <= 1500:
            return []
    elif day is not None and c.pub is not None and 1 <= day <= 30:
        # «27 رمضان» in a dated article: the most recent such Hijri day on or before publication,
        # unless the clause looks ahead or the day is just ahead (as for Gregorian days)
        try:
            ph = Gregorian(c.pub.year, c.pub.month, c.pub.day).to_hijri()
        except (ValueError, OverflowError):
            return []
        if (month, day) > (ph.month, ph.day):  # later in this Hijri year: coming, or last year's
            coming = c.future(start) or _days_ahead(ph.year, month, day, c.pub) <= NEAR_AHEAD_DAYS
            y = ph.year if coming else ph.year - 1
        else:  # passed this Hijri year (or today): next year's only in a clause that looks ahead
            y = ph.year + 1 if (month, day) != (ph.month, ph.day) and c.future(start) else ph.year
        relative = True
    else:
        return []  # a bare Hijri month («رمضان») names a season more often than a date
    conv = hijri_to_value(y, month, day)
    if conv is None:
        return []
    out = [(c.extend_weekday(start), end, conv[0], "hijri", conv[1], relative)]
    if m.group("h_d0") and (first := hijri_to_value(y, month, int(m.group("h_d0")))) is not None \
            and int(m.group("h_d0")) < (day or 0):
        out[0] = (m.start("h_d"), end, conv[0], "hijri", conv[1], relative)
        out.insert(0, (c.extend_weekday(m.start("h_d0")), m.end("h_d0"), first[0], "hijri", first[1], relative))
    return out


def _just_ahead(month: int, day: int | None, pub: date) -> bool:
    """The day (or the month's first day) falls within :data:`NEAR_AHEAD_GREGORIAN_DAYS` after
    ``pub`` in the publication's year: «الحجوزات … بالنسبة لشهر أوت» in mid-June is this August."""
    try:
        ahead = (date(pub.year, month, day or 1) - pub).days
    except ValueError:
        return False
    return 0 < ahead <= NEAR_AHEAD_GREGORIAN_DAYS


def _days_ahead(hy: int, month: int, day: int, pub: date) -> int:
    """Days from ``pub`` to the Hijri day ``day/month/hy`` (large when it cannot be converted)."""
    try:
        g = Hijri(hy, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return 10_000
    return (date(g.year, g.month, g.day) - pub).days


def _day_of_month(m: re.Match, c: _Ctx) -> list[Cand]:
    """«12 الجاري»: day of the publication month (الماضي/المقبل: of the month before/after);
    «ولغاية 24 منه»: day of the month of the date just before it."""
    if c.pub is None and m.group("dm_rel") != "منه":
        return []
    rel, day = m.group("dm_rel"), int(m.group("dm_d"))
    if rel == "منه":
        if c.last_month is None or not P.UNTIL_BEHIND.search(c.before(m.start("dm"), 12)):
            return []
        ym = c.last_month
        if not valid_day(int(ym[5:]), day):
            return []
        return [(m.start("dm"), m.end("dm"), f"{ym}-{day:02d}", "gregorian", None, False)]
    shift = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
    ym = shift_month(c.pub, shift)
    if not valid_day(int(ym[5:]), day):
        return []
    return [(m.start("dm"), m.end("dm"), f"{ym}-{day:02d}", "gregorian", None, True)]


def _hijri_year(m: re.Match, c: _Ctx) -> list[Cand]:
    conv = hijri_to_value(int(m.group("hy_y")), None, None)
    if conv is None:
        return []
    start = m.start("hy")
    hit = c.behind(start, P.YEAR_CUE_BEHIND)
    if hit and hit[1].group("x"):
        start = hit[0]
    return [(start, m.end("hy"), conv[0], "hijri", conv[1], False)]


def _gregorian(m: re.Match, c: _Ctx) -> list[Cand]:
    m1 = _key(m.group("g_m"))
    month = _GM[m1]
    second = m.group("g_ma") or m.group("g_mb") or m.group("g_mc") or m.group("g_md")
    start, end = m.start("g"), m.end("g")
    year_s, rel = m.group("g_y"), m.group("g_rel")
    if second and _GM[_key(second)] != month:
        # two different months side by side: keep the first alone
        end, year_s, rel = m.end("g_m"), None, None
    d1 = m.group("g_d1")
    part = None if d1 else c.behind(start, P.MONTH_PART_BEHIND)  # «النصف الثاني من فبراير»: the month
    ordinal = None if d1 or part else c.behind(start, P.ORD_BEHIND)
    first = None if d1 or ordinal or part else c.behind(start, P.FIRST_DAY_BEHIND)
    if part:
        start, days = part[0], []
    elif ordinal:
        start, days = ordinal[0], [_ORD[_key(ordinal[1].group("x"))]]
    elif first:
        start, days = first[0], [1]
    elif d1:
        days = [int(d1)] + ([int(m.group("g_d2"))] if m.group("g_d2") else [])
    else:
        days = []
    if any(not valid_day(month, d) for d in days):
        # «40 يناير» cannot be a day: fall back to the month alone
        days, start = [], m.start("g_m")
    year = int(year_s) if year_s else None
    if year is not None and not 1000 <= year <= 2100:
        year = None
        end = m.end("g_mb") + 1 if m.group("g_mb") else m.end(
            next(g for g in ("g_ma", "g_mc", "g_md", "g_m") if m.group(g))
        )
    pcue = c.behind(start, P.PCUE_BEHIND)
    if pcue:
        start = pcue[0]
    start, weekday = c.weekday_before(start)
    before = c.before(start)
    if P.PLACE_BEFORE.search(before):
        return []
    if year is None and not rel and not days:
        listed = P.MONTH_LIST_AFTER.match(c.f, end)
        if listed:  # «يناير وفبراير 2019»: the year (or «الماضيين») written once for both
            year = int(listed.group("y")) if listed.group("y") else None
            if year is not None and month > _GM[_key(listed.group("m2"))]:
                year -= 1  # «من ديسمبر إلى مارس 2019»: December is the year before
            rel = listed.group("rel")
    bare = not days and year is None and not second and not pcue and not rel
    # «بمارس» is "in March", but «باب» is a door unless written «بآب»
    in_month = "ب" in c.clitics(m.start()) and (m1 != "اب" or "آ" in c.original_slice(m.start("g_m"), end))
    if bare and m1 in _AMBIGUOUS and not (
        P.MONTH_CUE_BEFORE.search(before) or in_month or P.MONTH_BEFORE.search(before)
    ):
        return []
    relative = False
    same_year = P.SAME_YEAR_AFTER.match(c.f, end) if year is None and not rel else None
    if same_year:
        written = c.year_written_before(start)
        if written is not None:
            year, end = written, same_year.end()
    rel_year = P.REL_YEAR_AFTER.match(c.f, end) if year is None and not rel else None
    if rel_year and c.pub is not None:
        r = rel_year.group("rel")
        year = c.pub.year + (-1 if r in PAST_WORDS else 1 if r in NEXT_WORDS else 0)
        end, relative = rel_year.end(), True
    recurring = year is None and P.EVERY_YEAR_AFTER.match(c.f, end) is not None
    if year is None and c.pub is not None and not recurring and not P.EVENT_BEFORE.search(before):
        direction = direction_for(rel, c.future(start), bool(days))
        if direction == "back" and not rel and _just_ahead(month, days[-1] if days else None, c.pub) \
                and not c.past(start):
            direction = "fwd"  # «التصويت الخاص … أي في 9 تشرين الثاني», written a month before it
        year = anchor_year(month, days[-1] if days else None, c.pub, direction)
        if weekday is not None and len(days) == 1 and not rel:
            year = _year_of_weekday(year, month, days[0], weekday, c.pub)
        relative = True
    if len(days) == 2:
        # «5 و6 أبريل 2019»: two mentions, the first is just the number
        s1, e1 = m.start("g_d1"), m.end("g_d1")
        out = [
            (s1, e1, _ymd(year, month, days[0]), "gregorian", None, relative),
            (m.start("g_d2"), end, _ymd(year, month, days[1]), "gregorian", None, relative),
        ]
        # «13 و20 و24 تشرين الأول»: the earlier days of the list, one mention each
        while (more := c.behind(out[0][0], P.DAY_LIST_BEHIND)) and valid_day(month, day := int(more[1].group("x"))):
            out.insert(0, (more[0], more[1].end("x"), _ymd(year, month, day), "gregorian", None, relative))
        return out
    out = [(start, end, _ymd(year, month, days[0] if days else None), "gregorian", None, relative)]
    if weekday is not None and len(days) == 1 and year is not None:
        with contextlib.suppress(ValueError):
            if (d := date(year, month, days[0])).weekday() == weekday:
                c.weekday_dates[weekday] = d
    if weekday is not None and len(days) == 1 and (more := c.behind(start, P.WEEKDAY_DAY_LIST_BEHIND)):
        # «الأحد 9 والاثنين 10 نوفمبر 2025»: the earlier day of the list, with its own weekday
        day = int(more[1].group("d"))
        if valid_day(month, day) and day < days[0]:
            out.insert(0, (more[0], more[1].end("x"), _ymd(year, month, day), "gregorian", None, relative))
    return out


def _year_of_weekday(year: int, month: int, day: int, weekday: int, pub: date) -> int:
    """«الجمعة 12 أفريل» without a year: the year, near the anchored one, whose 12 April is a Friday.

    The weekday settles what the tense left open (a Friday 12 April in an article of 9 April 2024
    is three days ahead, not a year back); when no nearby year fits, the anchored year stands.
    """
    fits = []
    for y in (year, year - 1, year + 1):
        try:
            d = date(y, month, day)
        except ValueError:  # 29 February outside a leap year
            continue
        if d.weekday() == weekday:
            fits.append(d)
    return min(fits, key=lambda d: abs((d - pub).days)).year if fits else year


_SEASONS = frozenset({"ربيع", "صيف", "خريف", "شتاء"})


def _year(m: re.Match, c: _Ctx) -> list[Cand]:
    f = c.f
    spans = [(x.start() + m.start("y_l"), x.end() + m.start("y_l")) for x in _YEAR_DIGITS.finditer(m.group("y_l"))]
    years = [int(f[s:e]) for s, e in spans]
    hit = c.behind(m.start("y"), P.YEAR_CUE_BEHIND)
    strong = hit[0] if hit and hit[1].group("x") else None
    weak = hit is not None and hit[1].group("weak") is not None
    if weak and hit[1].group("weak") in _SEASONS:
        strong = hit[1].start("weak")  # «صيف 2025», like «مطلع 2025»: the season is part of the mention
    if strong is not None:
        lo = 1000
    elif weak or len(years) >= 2:
        lo = 1900
    else:
        return []
    if not all(lo <= y <= 2100 for y in years):
        return []
    if strong is None and len(years) >= 2 and not (years[0] < years[1] <= years[0] + 100):
        return []
    if P.UNIT_AFTER.match(f, spans[-1][1]):
        return []  # «منذ بداية العام 1200 قتيل»: a count, even after a year word
    out: list[Cand] = []
    for i, ((s, e), y) in enumerate(zip(spans, years, strict=True)):
        s0 = strong if (i == 0 and strong is not None) else s
        out.append((s0, e, f"{y:04d}", "gregorian", None, False))
    return out


def _weekday(m: re.Match, c: _Ctx) -> list[Cand]:
    if c.pub is None:
        return []
    wd_s = m.group("w_wd")
    wd = _WD[wd_s]
    rel = m.group("w_rel")
    start, end = m.start("w"), m.end("w")
    week = P.REL_WEEK_AFTER.match(c.f, end) if not rel else None
    if week:
        rel, end = week.group("rel"), week.end()
    hit = c.behind(start, P.WEEKDAY_PRE_BEHIND)
    pre = ""
    if hit:
        start, pre = hit[0], _key(hit[1].group("pre"))
        if hit[1].group(0).rstrip().endswith("(") and c.f.startswith(")", end):
            end += 1  # the bracket closes too: «غد (الاثنين)»
        if pre == "يوم" or pre in {"صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "ليل", "نهار", "ظهيرة"}:
            pre = "يوم"
    before = c.before(start)
    if not pre and not c.clitics(m.start()).startswith(("و", "ف")) and P.WEEKDAY_GENERIC_BEFORE.search(before):
        return []
    if wd == 0 and not pre and not rel and (P.DUAL_BEFORE.search(before) or c.f.startswith(" معا", end)):
        return []  # «الطرفين الاثنين», «التقى الاثنين معا»: "the two"
    if wd == 6 and c.f.startswith(" عشر", m.end("w_wd")):
        return []  # «اللاعبين الأحد عشر» is "the eleven"
    if pre == "امس":
        day = c.pub - timedelta(days=1)
    elif pre.startswith("اول"):
        day = c.pub - timedelta(days=2)
    elif pre in ("غدا", "غد", "الغد"):
        day = c.pub + timedelta(days=1)
    elif pre == "بعد غد":
        day = c.pub + timedelta(days=2)
    elif pre == "اليوم":
        day = anchor_weekday(wd, c.pub, "back")
    elif not pre and not rel and wd in c.weekday_dates:
        day = c.weekday_dates[wd]  # «غدا الأربعاء …» earlier: «غرة شوال توافق الأربعاء» is that day
    else:
        direction = direction_for(rel, c.future(start), True)
        if direction == "fwd" and rel in NEXT_WORDS:
            direction = "fwd_strict"
        elif rel in PAST_WORDS:
            direction = "back_strict"
        day = anchor_weekday(wd, c.pub, direction)
    if pre or rel:
        c.weekday_dates[wd] = day
    return [(start, end, day.isoformat(), "gregorian", None, True)]


def _relday(m: re.Match, c: _Ctx) -> list[Cand]:
    if c.pub is None:
        return []
    w = _key(m.group("r_w"))
    start, end = m.start("r"), m.end("r")
    hit = c.behind(start, P.DAYPART_BEHIND)
    t = None
    if hit:
        start, t = hit[0], hit[1].group("x")
    if w == "اليوم":
        if (not t or t == "يوم") and not P.REPORTED_BEFORE.search(c.before(start)):
            return []  # bare «اليوم» is often "nowadays" or a name («المصري اليوم»), not after «أعلنت»
        delta = 0
    elif w == "الامس":
        if "ب" not in c.clitics(m.start()):
            return []  # «حليف الأمس»: figurative (but «بالأمس» is literal)
        delta = -1
    elif w == "امس":
        delta = -1
    elif w.startswith("اول") or w == "امس الاول":
        delta = -2
    elif w == "بعد غد":
        delta = 2
    elif w in ("الليلة الماضية", "البارحة"):
        delta = -1
    elif w in ("غد", "الغد"):
        if not t and not P.FROM_UNTIL_BEFORE.search(c.before(start)):
            return []  # «الغد» alone is "the future" as often as "tomorrow" (but «اعتبارا من الغد»)
        delta = 1
    else:  # غدا is also the verb "became": require tanween, a day word, or a weekday/clause end after it,
        # or a verb in the present before it («تبدأ غدا وتنتهي …»: "became" follows its subject)
        after_ok = c.f[end:end + 1] in ("،", ",", ".") or _WEEKDAY_AFTER.match(c.f, end) is not None
        if not (t or after_ok or "ً" in c.original_slice(start, end) or _PRESENT_VERB_BEFORE.search(c.before(start))):
            return []
        delta = 1
    return [(start, end, (c.pub + timedelta(days=delta)).isoformat(), "gregorian", None, True)]


def _ago(m: re.Match, c: _Ctx) -> list[Cand]:
    if c.pub_dt is None:
        return []
    k, unit, n_s = m.group("a_k"), m.group("a_u"), m.group("a_n")
    end = m.end("a")
    if k == "قبل" and re.match(r"\s+(?:من|علي)(?!\w)", c.f[end:end + 6]):
        return []  # «قبل 3 أيام من الانتخابات»: relative to an event, not to publication
    if unit.startswith(("ساع", "دقي")):
        hours = 0 if unit.startswith("دقي") else (
            int(n_s) if n_s and n_s.isdigit() else 2 if unit == "ساعتين" else 1 if unit == "ساعة" else 3
        )
        day = (c.pub_dt - timedelta(hours=hours)).date() if c.pub_dt.time() != datetime.min.time() else c.pub
        if day is None:
            return []
    else:
        if k != "قبل":
            return []  # «منذ 3 أيام» reads as a duration as often as a point
        if unit == "يومين":
            n = 2
        elif unit == "يوم":
            n = 1 if not n_s else 0
        elif n_s and n_s.isdigit():
            n = int(n_s)
        else:
            n = _NUM_WORDS.get((n_s or "").removesuffix("ة"), 0)
        if not 1 <= n <= 10:
            return []
        day = c.pub - timedelta(days=n)
    return [(m.start("a"), end, day.isoformat(), "gregorian", None, True)]


SAME_WORDS = frozenset({"نفسه", "نفسها", "ذاته", "ذاتها"})


def _period(m: re.Match, c: _Ctx) -> list[Cand]:
    if m.group("p_rel") in SAME_WORDS:
        return _same_period(m, c)
    if c.pub is None:
        return []
    start = m.start("p")
    pcue = c.behind(start, P.PCUE_BEHIND)
    if pcue:
        start = pcue[0]
    if m.group("p_bare"):
        # «حتى نهاية العام», «منذ مطلع السنة»: with a period cue, the year of publication, unless
        # the sentence already wrote a year (then «the end of the year» is that year's, and is left)
        # or an adjective makes it another year («منتصف السنة الدراسية», «نهاية العام المالي»)
        sentence = P.SENTENCE_END.split(c.before(start, 300))[-1]
        if not pcue or P.LAST_YEAR_WRITTEN.search(sentence) or P.QUALIFIED_AFTER.match(c.f, m.end("p")):
            return []
        unit, shift = "عام", 0
    elif m.group("p_this"):
        unit = "شهر" if "الشهر" in m.group("p_this") else "عام"
        shift = 0
    else:
        u, rel = m.group("p_u"), m.group("p_rel")
        unit = "شهر" if "شهر" in u else "عام"
        if unit == "عام" and not pcue and P.GENERAL_NOUN_BEFORE.search(c.before(start)):
            return []  # «الأمين العام المقبل»: العام is "general"
        shift = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
    value = shift_month(c.pub, shift) if unit == "شهر" else f"{c.pub.year + shift:04d}"
    if unit == "شهر" and not pcue:
        # «في 15 من الشهر الجاري», «الخامس من الشهر الماضي»: a day of that month
        hit = c.behind(start, P.DAYNUM_BEHIND) or c.behind(start, P.ORD_BEHIND)
        if hit:
            x = _key(hit[1].group("x"))
            day = int(x) if x.isdigit() else _ORD[x]
            if valid_day(int(value[5:]), day):
                start, value = hit[0], f"{value}-{day:02d}"
    return [(start, m.end("p"), value, "gregorian", None, True)]


def _same_period(m: re.Match, c: _Ctx) -> list[Cand]:
    """«19 من الشهر ذاته», «مطلع العام نفسه»: the month or year the text last gave.

    Narrative refers back to the date it just wrote; without one (or with only a publication
    anchor) the phrase names nothing and is dropped.
    """
    start = m.start("p")
    if "شهر" in m.group("p_u"):
        if c.last_month is None:
            return []
        value = c.last_month
        hit = c.behind(start, P.DAYNUM_BEHIND) or c.behind(start, P.ORD_BEHIND)
        if hit is None:
            pcue = c.behind(start, P.PCUE_BEHIND)
            if pcue:  # «تأجيل الاختبارات … إلى منتصف الشهر ذاته»: a new mention of that month
                return [(pcue[0], m.end("p"), value, "gregorian", None, False)]
            return []  # «في الشهر نفسه»: a month already counted
        x = _key(hit[1].group("x"))
        day = int(x) if x.isdigit() else _ORD[x]
        if not valid_day(int(value[5:7]), day):
            return []
        return [(hit[0], m.end("p"), f"{value}-{day:02d}", "gregorian", None, False)]
    written = c.year_written_before(start)
    if written is None:
        return []
    pcue = c.behind(start, P.PCUE_BEHIND)
    if pcue is None:
        return []  # «في العام نفسه» repeats a year already counted; «مطلع العام نفسه» is a new mention
    return [(pcue[0], m.end("p"), f"{written:04d}", "gregorian", None, False)]


HANDLERS: dict[str, Callable[[re.Match, _Ctx], list[Cand]]] = {
    "n": _numeric, "h": _hijri, "hy": _hijri_year, "g": _gregorian, "y": _year, "dm": _day_of_month,
    "w": _weekday, "r": _relday, "a": _ago, "p": _period,
}
