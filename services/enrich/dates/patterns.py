"""Compiled patterns for date candidates; they run on folded text (see ``normalize``).

``CORE`` is one alternation of kinds, each an outer named group — ``n`` numeric, ``h``
Hijri date, ``hy`` Hijri year, ``g`` Gregorian day/month/year, ``y`` year(s), ``dm`` «12
الجاري», ``w`` weekday, ``r`` أمس/غداً/اليوم, ``a`` منذ/قبل N ساعات/أيام, ``p`` العام
الماضي/الشهر المقبل — so ``match.lastgroup`` names the kind; inner groups carry the kind as
prefix. Kinds are ordered most specific first, so «12 رمضان 1440هـ» is a Hijri date before
«1440» could be a year. Word lists compile to character tries, so a failed attempt costs a
couple of comparisons rather than one per spelling. Context that may precede a date is not
in ``CORE`` (see the note above it) but in the ``*_BEHIND`` patterns used by the handlers.

Everything here is written in the folded alphabet (plain alef, ي, ASCII digits): a test
checks that no compiled pattern contains ى or a hamza-alef, which could never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from services.shared.arabic_months import GREGORIAN_MONTHS, HIJRI_MONTHS, ORDINAL_DAYS, WEEKDAYS, fold


def trie_regex(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words``, factored as a trie (spaces → ``\\s+``)."""
    trie: dict = {}
    for w in {fold(w) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(re.escape(ch) if ch != " " else r"\s+") + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(trie) + ")"


B = r"(?!\w)"  # end of word
GM = trie_regex(GREGORIAN_MONTHS)
HM = trie_regex(HIJRI_MONTHS)
WD = trie_regex(WEEKDAYS)
ORD = trie_regex(ORDINAL_DAYS)
# «للأول من رمضان»: after the preposition ل the article's alef is not written
ORD_L = trie_regex("ل" + fold(k)[2:] for k in ORDINAL_DAYS)
REL = r"(?:الماضيين|الماضي|المنصرمين|المنصرم|المنقضي|الفارط|المقبلين|المقبل|القادمين|القادم|الجاري|الحالي)"
# «أوائل أبريل», «نهاية العام الماضي»: the period cue becomes part of the mention
PCUE = r"(?:اوائل|اواخر|اواسط|مطلع|منتصف|نهاية|نهايه|بداية|بدايه|مستهل|اوسط|اخر|متم)"  # «متم»: Moroccan «end of»
HMARK = r"(?:ه|هجري(?:ة|ه)?|للهجرة|للهجره)" + B
YEAR_WORD = r"(?:(?:من\s+)?(?:ال|ل)?(?:عام|سنة)\s+)"
WEAK_CUE = (
    r"(?:في|بين|منذ|خلال|حتي|قبل|بعد|بحلول|مطلع|اوائل|اواخر|اواسط|منتصف|نهاية|بداية|مستهل|متم|ربيع|صيف|خريف|شتاء)"
)
# a Gregorian year never followed by a Hijri marker («في 1440 هـ» is the hy kind)
Y4 = r"[0-9]{4}(?![0-9])(?!\s*" + HMARK + ")"


D = "[0-9]"  # digits are ASCII after folding; a plain class keeps re's first-character skip

_NUMERIC = (
    r"(?P<n>(?:(?P<n_a>[0-9]{1,2})(?P<n_s>[/.-])(?P<n_b>[0-9]{1,2})(?P=n_s)(?P<n_y>[0-9]{4})"
    r"|(?P<n_y2>[0-9]{4})(?P<n_s2>[/.-])(?P<n_b2>[0-9]{1,2})(?P=n_s2)(?P<n_a2>[0-9]{1,2}))"
    r"(?![0-9]|[/.-][0-9]))"
)

_HIJRI = (  # («من 8 إلى 13 ذي الحجة»: the first day of a range is a mention of its own, as for Gregorian days)
    rf"(?P<h>(?:(?:(?P<h_d0>{D}{{1,2}})\s*(?:-|–|و|الي|حتي)\s*)?(?P<h_d>{D}{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?)?"
    rf"(?P<h_m>{HM}){B}(?:\s*[،,]?\s*{YEAR_WORD}?(?P<h_y>{D}{{3,4}})(?!{D})(?:\s*{HMARK})?)?)"
)

_HIJRI_YEAR = rf"(?P<hy>(?P<hy_y>{D}{{3,4}})\s*{HMARK})"

_GREGORIAN = (
    rf"(?P<g>(?:(?P<g_d1>{D}{{1,2}})(?:\s*(?:-|–|و|الي|حتي)\s*(?P<g_d2>{D}{{1,2}}))?\s+(?:من\s+)?(?:شهر\s+)?)?"
    rf"(?P<g_m>{GM}){B}"
    rf"(?:\s*[/\\|]\s*(?P<g_ma>{GM}){B}|\s*\(\s*(?P<g_mb>{GM})\s*\)|\s*[-–]\s*(?P<g_mc>{GM}){B}|\s+(?P<g_md>{GM}){B})?"
    rf"(?:\s*[،,]?\s*{YEAR_WORD}?(?P<g_y>{Y4})(?:\s*م{B}|\s*ميلادي(?:ة|ه)?{B})?)?"
    rf"(?:\s+(?P<g_rel>{REL}){B})?)"
)

_YEAR = rf"(?P<y>(?P<y_l>{Y4}(?:\s*(?:-|–|/|و|الي|حتي|او)\s*{Y4})*))"

_DAYPART = r"(?:صباح|مساء|ظهر|عصر|فجر|ليلة|ليل|نهار|ظهيرة)"
_WEEKDAY = rf"(?P<w>(?P<w_wd>{WD}){B}(?:\s+(?P<w_rel>{REL}|المقبلة|الماضية|القادمة){B})?)"

_RELDAY = (
    rf"(?P<r>(?P<r_w>اول\s+(?:من\s+)?امس|امس\s+الاول|(?:ال)?امس|بعد\s+غد|غدا|(?:ال)?غد|اليوم"
    rf"|الليلة\s+الماضية|البارحة){B})"
)

_NUM_WORD = (
    r"(?:[0-9]{1,2}|بضع(?:ة)?|عدة|ثلاث(?:ة)?|اربع(?:ة)?|خمس(?:ة)?|ست(?:ة)?|سبع(?:ة)?|ثماني(?:ة)?|تسع(?:ة)?|عشر(?:ة)?)"
)
_AGO = (
    rf"(?P<a>(?P<a_k>منذ|قبل)\s+(?:(?P<a_n>{_NUM_WORD})\s+)?"
    rf"(?P<a_u>ساعة|ساعات|ساعتين|دقيقة|دقائق|دقيقتين|يوم|يومين|ايام){B})"
)

# «12 الجاري» (Gulf/Levant): the 12th of the current (or last/next) month
_DAY_OF_MONTH = (
    rf"(?P<dm>(?P<dm_d>{D}{{1,2}})\s+(?:من\s+)?(?P<dm_rel>الجاري|الحالي|المنصرم|الماضي|المقبل|القادم|منه){B})"
)
# «من 17 آذار ولغاية 24 منه», «في 11 أيار، ثم … في 18 منه»: «منه» (of it) is the month just named,
# after «until», «and», «on» or «day»
UNTIL_BEHIND = re.compile(r"(?:^|\s)(?:و|ف)?(?:حتي|لغاية|لغايه|غاية|غايه|الي|و|في|يوم)\s*$")

_PERIOD = (
    r"(?P<p>(?:(?P<p_u>(?:ال|ل)(?:شهر|عام|سنة))\s+"
    r"(?P<p_rel>الماضي|الماضية|المنصرم|المنصرمة|الفارط|الفارطة|المقبل|المقبلة|القادم|القادمة|الجاري|الجارية|الحالي"
    r"|الحالية|نفسه|نفسها|ذاته|ذاتها)"
    rf"|(?P<p_this>هذا\s+(?:العام|الشهر)|هذه\s+السنة)|(?P<p_bare>العام|السنة)){B})"
)

# All alternatives start at their core token (a digit, a month, a weekday, a relative word),
# never at optional context: words that may precede a date (weekday, «الموافق», «عام»,
# «أوائل», «صباح», «الأول من») are looked up behind the match by the handlers.
CORE = re.compile(
    "|".join([_NUMERIC, _HIJRI, _HIJRI_YEAR, _GREGORIAN, _YEAR, _DAY_OF_MONTH, _WEEKDAY, _RELDAY, _AGO, _PERIOD])
)

# Where a core token may start. ``re`` only skips ahead by first character when a pattern
# starts with a literal (or a branch of literals); a lookbehind or an optional group makes it
# attempt the whole alternation at every position, which measured ~10x slower. So candidate
# positions come from two such scans, and CORE is only tried (``match``) at those.
TRIGGER_DIGITS = re.compile(r"[0-9]+")
TRIGGER_WORDS = re.compile(
    trie_regex(
        [*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS, "امس", "الامس", "غدا", "بعد غد", "اليوم", "اول امس",
         "اول من امس", "غد", "الغد", "الليلة الماضية", "البارحة",
         "منذ", "قبل", "الشهر", "العام", "السنة", "لشهر", "لعام", "لسنة", "هذا العام", "هذا الشهر",
         "هذه السنة"]
    )
)
# what may sit between a word start and a core token: conjunction و/ف, then ب/ل/ك
CLITIC_RUN = re.compile(r"[وف]?(?:بال|لل|ال|[بلك])?")

# --- context behind a match (searched in a short slice that ends where the match starts) ---
_CLITICS = r"(?:^|(?<=\W))[وف]?[بلك]?"
WEEKDAY_BEHIND = re.compile(_CLITICS + rf"(?P<x>(?:(?:ال)?يوم\s+)?(?P<wd>{WD})\s*[،,]?\s*(?:الموافق\s+)?)$")
PCUE_BEHIND = re.compile(_CLITICS + rf"(?P<x>{PCUE})\s+$")
# nouns that name a year's event: «ثورة 2011», «انتخابات 2018», «مونديال 2022», «رؤية 2030», «دفعة 2023» (a class)
YEAR_NOUN = (
    r"(?:ثورة|ثورات|حرب|انتخابات|استحقاقات|استفتاء|دستور|موازنة|ميزانية|مونديال|كاس\s+العالم|بطولة|اولمبياد|دورة"
    r"|موسم|احداث|انتفاضة|نكسة|نكبة|اتفاق|اتفاقية|ازمة|احتجاجات|تظاهرات|مظاهرات|انقلاب|غزو|اجتياح|هجمات|تفجيرات"
    r"|زلزال|فيضانات|اعتداءات|رؤية|خطة|استراتيجية|اجندة|تعداد|احصاء|قمة|مؤتمر|معرض|نسخة|تقرير|بيانات|دفعة)"
)
# «الربع الأول من 2021», «النصف الثاني من 2023», «الأشهر الستة الأولى من 2024», Maghrebi «الثلاثي الأول
# من 2025» (quarter) and «السداسي الثاني» (half), «الفترة ذاتها من 2024»
YEAR_PART = (
    r"(?:ال)?(?:ربع|نصف|ثلث|فصل|اشهر|شهور|اسابيع|ثلاثي|سداسي|فترة|فتره)(?:\s+(?:ال\w+|نفسها|ذاتها)){0,2}\s+من"
)
YEAR_CUE_BEHIND = re.compile(
    _CLITICS
    + rf"(?:(?P<x>(?:ال|ل)?(?:عامي|سنتي|عام|سنة))|(?P<weak>{WEAK_CUE}|(?:ال)?{YEAR_NOUN}|{YEAR_PART}))\s+(?:ال)?$"
)
# «في أبريل من العام الماضي»: the year of a yearless month given relatively
REL_YEAR_AFTER = re.compile(
    r"\s*[،,]?\s+من\s+(?:(?:ال|ل)(?:عام|سنة)\s+(?P<rel>الماضي|الماضية|المنصرم|المنصرمة|الفارط|الفارطة|المقبل|المقبلة|القادم|القادمة"
    rf"|الجاري|الجارية|الحالي|الحالية)|(?P<this>هذا\s+العام|هذه\s+السنة)){B}"
)
# «31 ماي من ذلك العام», «15 أبريل من العام نفسه»: the year last written before
SAME_YEAR_AFTER = re.compile(
    r"\s*[،,]?\s+(?:من|في)\s+(?:ذلك\s+العام|تلك\s+السنة|(?:ال)?عام\s+(?:نفسه|ذاته)|(?:ال)?سنة\s+(?:نفسها|ذاتها)"
    rf"|نفس\s+(?:ال)?(?:عام|سنة)|ذات\s+(?:ال)?(?:عام|سنة)){B}"
)
LAST_YEAR_WRITTEN = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
SENTENCE_END = re.compile(r"[.!?؟\n]")
QUALIFIED_AFTER = re.compile(r"\s+(?:ال\w|[0-9])")  # (or a number: «منذ بداية العام 1200 قتيل»)
# «يناير وفبراير 2019», «من يناير إلى مارس الماضيين»: a month list shares its year or marker
MONTH_LIST_AFTER = re.compile(
    rf"\s*(?:و|الي|حتي|-|–)\s*(?:شهر\s+)?(?P<m2>{GM}){B}(?:\s*[/\\|]\s*{GM}{B}|\s*\(\s*{GM}\s*\))?"
    rf"(?:\s*[،,]?\s*{YEAR_WORD}?(?P<y>{Y4})|\s+(?P<rel>{REL}){B})"
)
# the second month of such a list needs no other cue: «يناير ومارس», «ماي وجوان»
MONTH_BEFORE = re.compile(rf"{GM}(?:\s*\)|{B})\s*(?:الي\s+|حتي\s+|[-–]\s*|و)?$")
# «في 25 ديسمبر من كل عام»: a recurring date, never anchored to one year
EVERY_YEAR_AFTER = re.compile(r"\s+من\s+كل\s+(?:عام|سنة)")
REL_WEEK_AFTER = re.compile(rf"\s+من\s+(?:ال)?اسبوع\s+(?P<rel>الماضي|المنصرم|المقبل|القادم|الجاري|الحالي){B}")
WEEKDAY_PRE_BEHIND = re.compile(
    # (the weekday may be in brackets: «مساء غد (الاثنين)», «أمس (السبت)»)
    _CLITICS + rf"(?P<x>(?:يوم\s+)?(?P<pre>اليوم|يوم|{_DAYPART}|امس|غدا|بعد\s+غد|(?:ال)?غد|اول\s+(?:من\s+)?امس))"
    r"(?:\s+|\s*\(\s*)$"
)
ORD_BEHIND = re.compile(_CLITICS + rf"(?P<x>{ORD}|{ORD_L})\s+من\s+(?:شهر\s+)?$")
# «النصف الثاني من فبراير», «الأسبوع الأول من مارس»: the ordinal counts halves or weeks, not days;
# the mention is the month, from the part's noun
MONTH_PART_BEHIND = re.compile(
    _CLITICS + r"(?P<x>(?:ال)?(?:نصف|اسبوع|ثلث|عشر|عشرة|ربع))"
    + rf"\s+(?:{ORD}|الاخير|الاخيرة|الاواخر|الاوائل)\s+من\s+(?:شهر\s+)?$"
)
# the first day of a month without an ordinal: «فاتح أكتوبر» (Maghreb), «غرة رمضان»
FIRST_DAY_BEHIND = re.compile(_CLITICS + r"(?P<x>(?:ال)?فاتح|غرة|غره)\s+(?:من\s+)?(?:شهر\s+)?$")  # «الفاتح من جويلية»
# an earlier day of a list before «20 و24 تشرين الأول»: «13 و20 و24», «13، 20 و24»
DAY_LIST_BEHIND = re.compile(rf"(?:^|(?<=\W))(?P<x>{D}{{1,2}})\s*(?:و|،|,)\s*$")
# … and with weekdays: «يومي الأحد 9 والاثنين 10 نوفمبر 2025» (the «و» may be glued to the weekday)
WEEKDAY_DAY_LIST_BEHIND = re.compile(
    rf"(?:^|(?<=\W))(?P<x>(?:{WD})\s+(?P<d>{D}{{1,2}}))\s*(?:و|،|,)?\s*$"
)
DAYNUM_BEHIND = re.compile(rf"(?:^|(?<=\W))(?:ال)?(?P<x>{D}{{1,2}})\s+من\s+$")
HMARK_AFTER = re.compile(r"\s*" + HMARK)
DAYPART_BEHIND = re.compile(_CLITICS + rf"(?P<x>يوم|{_DAYPART})\s+$")

# --- context checks run only on the few candidate matches ---------------------------------
# a bare «اليوم» right after a verb of reporting or publishing is "today": «أعلنت اليوم», «الصادرة اليوم»
REPORTED_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|ذكر|ذكرت|افاد|افادت|اظهر|اظهرت|كشف|كشفت|صرح|صرحت|اوضح|اوضحت"
    r"|نشر|نشرت|اصدر|اصدرت|الصادر|الصادرة|الصادره|المنشور|المنشورة|وصل|وصلت|بدا|بدات|انطلق|انطلقت|عقد|عقدت)"
    r"(?:ه|ها|هما|هم)?\s+$"  # «في مؤتمر صحافي عقده اليوم»
)
# «اعتبارا من الغد», «حتى الغد»: tomorrow, where «الغد» alone is as often "the future"
FROM_UNTIL_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:من|حتي)\s+$")
# cue before a bare ambiguous month name («في مارس», «شهر آب», «منذ أيار»)
MONTH_CUE_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:في|منذ|خلال|حتي|[لب]?شهر|من|الي|بحلول|قبل|بعد|اواخر|اوائل|مطلع|نهاية|بداية|منتصف)\s+$"
)
# named places and events that contain a date: «مدينة 6 أكتوبر» is a place, not a date
PLACE_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:ب|ل|ال|بال|لل)?(?:مدينة|محافظة|كوبري|جسر|جامعة|شارع|ميدان|حي|مدرسة|نادي|مستشفي|طريق|محور"
    r"|مركز|قرية|منطقة|مطار|محطة|ساحة|قوي|تيار|تحالف|ائتلاف|حركة|فريق|جبهة|شباب|كتلة)\s+$"
)
EVENT_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:ب|ل|ال|بال|لل)?(?:ثورة|حرب|نصر|انتفاضة|احداث|ذكري|عيد|تفجيرات|هجمات|مجزرة|اتفاق|اتفاقية"
    r"|بيان|انقلاب|نكسة|نكبة)\s+$"
)
# generic weekdays: «صلاة الجمعة», «كل خميس», «أيام السبت»
WEEKDAY_GENERIC_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:ب|ل)?(?:صلاة|صلاه|خطبة|خطبه|كل|ايام|عطلة|عطلة|الواحد|سوق|اسواق)\s+$"
)
# «البلدين الاثنين» is "the two", not Monday
DUAL_BEFORE = re.compile(r"(?:ين|ان|كلا|كلتا|هذين|هذان)\s+$")
# nouns that take العام as the adjective "general/public": «الأمين العام المقبل»
GENERAL_NOUN_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:ب|ل|لل)?(?:الامين|المدعي|النائب|المؤتمر|الراي|القطاع|المال|الشان|النظام|الاتحاد|المدير|المفتش"
    r"|المراقب|الامن|الصالح|الاضراب|العفو|المرشد|المنسق|القائد|الاجتماع|المستشار|الوضع|المشهد|الحق|الاتجاه"
    r"|المؤشر|الخط|الاطار|التعليم|الدين|الانفاق|النقل|الطابع|التيار|المجلس|المؤتمر|المنتدي)\s+$"
)
# what a number counts when it is not a year («2000 دولار», «2019 شخصا»)
UNIT_AFTER = re.compile(
    r"\s*(?:%|٪|في\s+الما?[ئي]ة|بالما?[ئي]ة|دولار|يورو|جنيه|ريال|درهم|دينار|ليرة|شخص|قتيل|جريح|مواطن|طفل|جندي|عنصر|مقاتل|اسير"
    r"|لاجئ|نازح|منزل|مبني|طن|برميل|كيلو|كلم|كم|متر|ميل|الف|مليون|مليار|سهم|نقطة|صوت|مقعد|عضو|مرة|حالة|وحدة"
    r"|سيارة|قطعة|فرصة|وظيفة|عامل|موظف|طالب|صاروخ|غارة|هكتار|فدان|دونم|ميغاوات|ميجاوات"
    # «منذ 2000 عام»: a count of years, not a year
    r"|عام|سنة|سنوات|اعوام|يوم|ايام|شهر|اشهر|ساعة|ساعات)"
)
# future reading of a yearless month or bare weekday («المقرر في 15 مايو», «سيزور … الخميس»)
FUTURE_BEFORE = re.compile(
    r"(?:^|\s)(?:[وف]?(?:سوف|المقرر|المقررة|المزمع|المزمعة|المرتقب|المرتقبة|المنتظر|المنتظرة|يعتزم|تعتزم|يتوقع|تتوقع"
    r"|المتوقع|موعد|مقرر|مقررة)"
    r"|[وف]?س[يتن](?:عقد|جري|بدا|نطلق|تم|كون|زور|صل|لتقي|شهد|نظم|توجه|قوم|طلق|ستضيف|عود|دخل|صدر|جتمع|شارك|علن"
    r"|ناقش|بحث|حل|غادر|فتتح|تسلم|ستلم|قام|جري|ستمر|تواصل|نعقد|ختتم|تخذ|صوت"
    r"|متد|نتهي|بقي|غلق|فتح|حضر|لقي|وقع|شمل|تولي|نضم|حتضن|راس|خضع|سافر|رتفع|نخفض|طبق|عمل|صبح|حسم|عرض|كمل)\w*"
    # obligation looks ahead too: «يتعين عليه البت فيه قبل 31 دجنبر»
    r"|[وف]?(?:يتعين|يجب|ينبغي)"
    # news writes scheduled events in the present: «يعقد المجلس اجتماعه الخميس», «تنطلق البطولة في 9 أكتوبر»
    r"|[وف]?[يت](?:عقد|نعقد|نطلق|بدا|زور|صل|لتقي|توجه|ستضيف|عود|جتمع|فتتح|ختتم|ستانف|قام|ستمر|تواصل)"
    r"|[وف]?(?:المقبل|المقبلة|القادم|القادمة))(?:\s|$)"
)
# a clause that says it tells of the past: a day just ahead of publication is then last year's
PAST_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:كان|كانت|كانوا|قد|لقد|منذ|سبق|سبقت|سابقا|العام الماضي|السنة الماضية)(?:\s|$)"
)
# «…، على أن تبدأ»: "with … to begin", the agency idiom for what is planned — at a clause's
# start only («التأكيد على أن صيام … يوم الأحد صحيح» is "that")
FUTURE_CLAUSE_START = re.compile(r"\s*و?علي\s+ان\s+[يت]\w+")
# a future cue governs only its own clause: stop at punctuation, quotes and relative pronouns
CLAUSE_END = re.compile(r"[.!?؟\n،,:;؛\"“”«»()]|(?<!\w)(?:الذي|التي|الذين|اللذين|بعد\s+ان|قبل\s+ان|لكن|غير\s+ان)(?!\w)")
