"""Month names as Arabic news writes them, shared by ingest (date lines) and enrich (dates).

Gregorian months come in three regional families: Egyptian/Gulf transliterations
(يناير…), Levantine/Iraqi Syriac names (كانون الثاني…) and Maghrebi French-derived names
(جانفي…, and Moroccan شتنبر…). Keys are written with plain alef and ي; callers match
after folding hamza-alef variants and ى→ي, so spelling variants need no extra entries.
Spellings that differ in more than hamza/ى (يونيه/يونيو, اغسطوس, ديسامبر, "كانون ثاني"
without the article) do get their own entries.
"""

from __future__ import annotations

GREGORIAN_MONTHS: dict[str, int] = {
    # transliterated (Egypt, Gulf, most agencies)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "ماي": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "اغسطوس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # less common transliterations and frequent misspellings
    "فبرير": 2, "ابرايل": 4, "يونية": 6, "يولية": 7, "سيبتمبر": 9, "اوكتوبر": 10, "نوفمير": 11,
    # Levantine / Iraqi
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12, "مايس": 5,
    # Maghreb (Algeria, Tunisia; Morocco)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "جوان": 6, "جويلية": 7, "جويليه": 7, "اوت": 8,
    "شتنبر": 9, "نونبر": 11, "دجنبر": 12, "يوليوز": 7, "غشت": 8, "ديسامبر": 12,
}

# Month names that are also ordinary words once folded: مارس "he practised", اب = أب "father",
# ماي, جوان (a given name), نيسان (the car maker), مايس. Enrich accepts them only with a day,
# a year, a paired month name or a temporal cue («في مارس»), never bare.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"مارس", "اب", "ماي", "جوان", "نيسان", "مايس", "اوت"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "جمادى الاولى": 5, "جمادى الاول": 5, "جمادى الثانية": 6, "جمادى الاخرة": 6, "جمادى الآخرة": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
    "المحرم": 1, "ذو الحجه": 12, "ذو القعده": 11,
}

# Monday = 0, as datetime.weekday() counts.
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الاحد": 6, "الأحد": 6,
    # ة written as ه, common in forum-style and some Gulf sites
    "الجمعه": 4,
}

# Day-of-month ordinals («الأول من يناير», «الحادي والعشرين من مارس»), folded spelling.
_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
ORDINAL_DAYS: dict[str, int] = {name: i + 1 for i, name in enumerate(_UNITS)}
ORDINAL_DAYS.update({"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30})
ORDINAL_DAYS.update({f"{name} عشر": i + 12 for i, name in enumerate(_UNITS[1:])})
ORDINAL_DAYS.update({f"{name} والعشرين": i + 22 for i, name in enumerate(_UNITS[1:])})
ORDINAL_DAYS.update({"الحادي والعشرين": 21, "الحادي والثلاثين": 31})

ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold(s: str) -> str:
    """Comparison key for month and weekday names: hamza-alef variants → ا, ى → ي, no tatweel."""
    return (
        s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا")
        .replace("ى", "ي").replace("ـ", "")
    )
