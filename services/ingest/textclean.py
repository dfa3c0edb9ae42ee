"""Plain-text articles (copied or scraped pages) → title, clean body and header metadata.

A plain-text article is a page flattened to lines: a title, maybe a date line or a bulleted
metadata block, the body, and all the furniture of the page (share widgets, tag lines,
reader comments…). The work is done in small passes over lines and blocks (runs of lines
between blank lines) so every rule can be tested alone:

1. header: first substantive line = title; date lines and bulleted metadata before the
   first paragraph of prose give ``published``; repeats of the title are dropped;
2. furniture (:mod:`services.ingest.boilerplate`), the comments zone and related-link lists;
3. caption copies: a caption printed beside the paragraph that already contains it;
4. credits («المصدر | …», trailing «(REUTERS)») → ``sources``; the opening dateline
   («موسكو - …») → ``dateline`` (the text keeps it);
5. hashtags unwrapped.

The helpers below (:func:`parse_date_line`, :func:`extract_credits`, :func:`find_dateline`,
:func:`drop_caption_copies`) are shared with the HTML path.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from services.ingest import boilerplate as bp
from services.ingest.boilerplate import canonical_agency
from services.ingest.normalize import match_key, normalize_text
from services.shared.arabic_months import GREGORIAN_MONTHS, WEEKDAYS

# ----------------------------------------------------------------------------- dates

_MONTHS = {match_key(k): v for k, v in GREGORIAN_MONTHS.items()}
_MONTH_ALT = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
_EN_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = rf"(?:{_MONTH_ALT}|{'|'.join(sorted(_EN_MONTHS, key=len, reverse=True))})\.?"
# «تموز/يوليو», «يوليو (تموز)», «أبريل - نيسان»: the second name only confirms the first
_MONTH_EXPR = rf"(?P<mon>{_MONTH})(?:\s*[/(-]\s*{_MONTH}\s*\)?)?"
# «15 سبتمبر 2025», «15 / سبتمبر / 2025»
_D_MON_Y = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:\s+|\s*/\s*)(?:من\s+)?{_MONTH_EXPR}\s*[,،/]?\s*(?P<y>\d{{4}})(?!\d)")
_MON_D_Y = re.compile(rf"{_MONTH_EXPR}\s+(?P<d>\d{{1,2}})\s*[,،]?\s*(?P<y>\d{{4}})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})(?![\d/.-])")
_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?(?!\d)\s*"
    r"(?P<ap>صباحا|صباحاً|ص|مساء|مساءا|مساءً|م|ظهرا|ظهراً|am|pm|a\.m\.|p\.m\.)?(?!\w)"
)
_WEEKDAY_ALT = "|".join(
    sorted(
        {match_key(w) for w in WEEKDAYS}
        | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
        key=len,
        reverse=True,
    )
)
_DATE_WORDS = re.compile(
    rf"(?<!\w)(?:{_WEEKDAY_ALT}|يوم|نشر في|نشر بتاريخ|تاريخ النشر|اخر تحديث|تم التحديث|تحديث|محدث|بتاريخ|نشر|منشور|في|"
    r"علي الساعه|الساعه|الموافق ل|الموافق|ب?توقيت مكه المكرمه|ب?توقيت \S+|gmt|utc|published|updated|posted|on|at"
    r"|ص|م|هـ|ه)(?!\w)",
    re.I,
)
# «12/3/202509:45 م»: templates that print the date and the time with no space between
_YEAR_GLUED_TIME = re.compile(r"((?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(\d{1,2}:\d{2})")
# a newspaper's masthead date prints its issue number with it: «… 2023 م - العدد 19874»
_ISSUE_NUMBER = re.compile(r"(?<!\w)العدد\s*[:：]?\s*\d+(?!\d)")
_HIJRI_TAIL = re.compile(r"\d{1,2}\s+\S+(?:\s+\S+)?\s+14\d\d\s*(?:هـ|ه)?")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None

    def iso(self) -> str:
        base = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is None:
            return base
        return f"{base}T{self.hour:02d}:{self.minute or 0:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    return 1990 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31


def _numeric_date(a: int, b: int, c: int) -> tuple[int, int, int] | None:
    """Y-M-D, D/M/Y or M/D/Y. Day-first wins when both readings are possible (Arab usage)."""
    if a > 31:  # year first
        return (a, b, c) if _valid(a, b, c) else None
    if c < 100:
        return None  # two-digit years are too ambiguous for a publication date
    if a > 12 and _valid(c, b, a):
        return c, b, a
    if b > 12 and _valid(c, a, b):
        return c, a, b  # US order, as some CMS templates print it («2/20/2018»)
    return (c, b, a) if _valid(c, b, a) else None


def parse_date_line(line: str) -> ParsedDate | None:
    """Parse a line that is *only* a date (plus weekday, time, «نشر في» and the like).

    Returns None for lines with any other content, so a body sentence that mentions a
    date, a view counter («1116») or a time alone is never read as the publication date.
    A line that holds the publication and the update dates («نُشر في 21 يناير 2026 | آخر
    تحديث 22 يناير 2026») gives the first, when every part is a date.
    """
    if "|" in line:
        parts = [p for p in line.split("|") if p.strip()]
        if len(parts) > 1:
            parsed = [_parse_one_date_line(p) for p in parts]
            if all(parsed):
                return parsed[0]
    return _parse_one_date_line(line)


def _parse_one_date_line(line: str) -> ParsedDate | None:
    k = bp.key(line)
    if not k or len(k) > 90:
        return None
    k = _YEAR_GLUED_TIME.sub(r"\1 \2", k)
    found: tuple[int, int, int] | None = None
    rest = k
    for rx in (_D_MON_Y, _MON_D_Y):
        m = rx.search(rest)
        if m:
            mon = m.group("mon").rstrip(".")
            month = _MONTHS.get(mon) or _EN_MONTHS.get(mon)
            y, d = int(m.group("y")), int(m.group("d"))
            if month and _valid(y, month, d):
                found = (y, month, d)
                rest = rest[: m.start()] + " " + rest[m.end() :]
                break
    if found is None:
        m = _NUMERIC.search(rest)
        if m:
            found = _numeric_date(int(m.group("a")), int(m.group("b")), int(m.group("c")))
            rest = rest[: m.start()] + " " + rest[m.end() :]
    if found is None:
        return None
    hour = minute = None
    t = _TIME.search(rest)
    if t:
        hour, minute = int(t.group("h")), int(t.group("m"))
        ap = (t.group("ap") or "").lower()
        if ap.startswith(("م", "مساء", "ظهر", "pm", "p.m")) and hour < 12:
            hour += 12
        elif ap.startswith(("ص", "صباح", "am", "a.m")) and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            hour = minute = None
        rest = rest[: t.start()] + " " + rest[t.end() :]
    rest = _HIJRI_TAIL.sub(" ", _ISSUE_NUMBER.sub(" ", rest))
    rest = _DATE_WORDS.sub(" ", rest)
    if re.sub(r"[\s\W_]+", "", rest):
        return None  # something other than a date on the line
    return ParsedDate(*found, hour, minute)


# ----------------------------------------------------------------------------- credits

_SOURCE_LINE = re.compile(r"^(?:المصدر|المصادر|مصدر|source|sources|via)\s*[:：|/-]\s*(?P<names>.+)$", re.I)
_AGENCY_LINE = re.compile(
    rf"^[\s(\[-]*(?P<names>(?:{bp.AGENCY_ALT})(?:\s*[+/،,و&-]\s*(?:{bp.AGENCY_ALT}))*)[\s)\].-]*$", re.I
)
# a trailing credit on the last sentence: «… وروسيا.(REUTERS)», «… الأربعاء. (أ ف ب)»
_TRAILING_CREDIT = re.compile(r"\s*[-–—]?\s*\(\s*([^()]{1,40})\s*\)\s*\.?$")
_NAME_SPLIT = re.compile(r"\s*(?:\+|/|،|,|&|\|| - |\sو(?=\S))\s*")


def _split_names(names: str) -> list[str]:
    out = []
    for part in _NAME_SPLIT.split(names.strip()):
        part = part.strip(" .:-()[]")
        if part:
            out.append(canonical_agency(part) or part)
    return out


def parse_source_line(line: str) -> list[str] | None:
    """«المصدر | الخليج الجديد + رويترز» → ["الخليج الجديد", "رويترز"]; «(أ ف ب)» alone → ["فرانس برس"]."""
    s = line.strip()
    if not s or bp.word_count(s) > 12:
        return None
    m = _SOURCE_LINE.match(s)
    if m:
        return _split_names(m.group("names")) or None
    m = _AGENCY_LINE.match(match_key(s))
    if m:
        return _split_names(m.group("names")) or None
    return None


def strip_trailing_credit(paragraph: str) -> tuple[str, list[str]]:
    """Remove a known agency credit in parentheses at the end of a paragraph."""
    m = _TRAILING_CREDIT.search(paragraph)
    if not m:
        return paragraph, []
    names = [canonical_agency(p) for p in _NAME_SPLIT.split(m.group(1))]
    if not names or not all(names):
        return paragraph, []
    return paragraph[: m.start()].rstrip(), [n for n in names if n]


# ----------------------------------------------------------------------------- dateline

# the agency in brackets before the dash («القاهرة (رويترز) - …») or after it («القاهرة - (أ ش أ) - …»,
# «مسقط ـ «الوطن»: …»: papers print the dash as a spaced tatweel);
# a dateline alone on its line is :func:`services.ingest.boilerplate.dateline_line`'s
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_](?:[^\s\d():،,.\-–—]*)(?:\s+[^\s\d():،,.\-–—]+){0,2})"
    r"(?:\s*[،,]\s*[^()\-–—\n]{1,30}?)?\s*(?:\((?P<agency>[^()]{1,30})\))?\s*(?:[-–—]{1,2}|(?<=\s)ـ+(?=\s))\s*"
    r"(?:[(«](?P<agency2>[^()«»]{1,30})[)»]\s*(?:(?:[-–—]{1,2}|:)\s*)?)?(?=\S)"
)
_NOT_PLACES = {match_key(w) for w in ("قال", "وقال", "أعلن", "وأضاف", "أكد", "الرئيس", "وزير", "هذا", "هذه", "في", "و")}


def find_dateline(paragraph: str) -> tuple[str | None, list[str]]:
    """Place (and agency) of an opening dateline: «موسكو - أعلن …», «القاهرة (رويترز) - …»."""
    alone = bp.dateline_line(paragraph)
    if alone is not None:
        return alone[0], [alone[1]]
    m = _DATELINE.match(paragraph)
    if not m:
        return None, []
    place = m.group("place").strip()
    if match_key(place.split()[0]) in _NOT_PLACES or len(place) > 30:
        return None, []
    agency = m.group("agency")
    if agency is None and m.group("agency2") and canonical_agency(m.group("agency2")):
        agency = m.group("agency2")  # (a bracket after the dash may open the sentence: «- (خاص)»)
    agencies = [a for a in (canonical_agency(p) for p in _NAME_SPLIT.split(agency)) if a] if agency else []
    if agency and not agencies:
        return None, []  # «(غرب) -» is not a credit, and then the «place» is probably not one either
    return place, agencies


# ----------------------------------------------------------------------------- captions


def drop_caption_copies(
    blocks: list[list[str]], protect: set[str] | None = None, *, keep_first_repeat: bool = False
) -> list[list[str]]:
    """Drop caption copies: lines (or a line re-wrapped over two lines) found inside a paragraph.

    Image captions and pull quotes are printed once beside the photo and once in the body,
    sometimes wrapped differently. A line without final punctuation, of at least four
    words, whose text also occurs inside a longer paragraph — or which repeats another such
    line — is a copy: every copy goes, the paragraph stays. ``protect`` holds keys that
    must not be treated as copies (nothing, by default). With ``keep_first_repeat`` (HTML,
    where a repeated line may be a genuine refrain or list entry) the first of several
    identical lines stays and only the later copies go.
    """
    protect = protect or set()
    block_keys = [[match_key(line) for line in block] for block in blocks]
    paragraphs = [k for block, keys in zip(blocks, block_keys, strict=True)
                  for line, k in zip(block, keys, strict=True) if bp.is_prose(line)]
    counts = Counter(k for keys in block_keys for k in keys)

    # one substring search over all paragraphs rules out most lines at once (keys hold no newline),
    # instead of one per paragraph: quadratic on long pages
    joined = "\n".join(paragraphs)

    def is_copy(k: str) -> bool:
        if len(k.split()) < 4 or k in protect or k not in joined:
            return False
        return any(k in p and len(p) > len(k) for p in paragraphs)

    plain: list[str] | None = None  # paragraphs that are no bullet, built on the first bulleted sentence

    def in_plain_paragraph(k: str) -> bool:
        nonlocal plain
        if plain is None:
            plain = [k for block, keys in zip(blocks, block_keys, strict=True)
                     for ln, k in zip(block, keys, strict=True) if bp.is_prose(ln) and not _HEADER_BULLET.match(ln)]
        return len(k.split()) >= 4 and k not in protect and any(k in p for p in plain)

    wrapped = _wrapped_copies(blocks, block_keys, protect)
    out: list[list[str]] = []
    seen: set[str] = set()
    for b, block in enumerate(blocks):
        keys = block_keys[b]
        drop = [(b, i) in wrapped for i in range(len(block))]
        for i, line in enumerate(block):
            if drop[i]:
                continue
            if bp.has_sentence_end(line) or bp.word_count(line) > 40:
                # a highlights box: «• ويستهدف الصندوق …» bullets that repeat sentences of the body
                if _HEADER_BULLET.match(line) and in_plain_paragraph(keys[i].strip(bp.BULLETS + " .…!؟")):
                    drop[i] = True
                continue
            repeated = counts[keys[i]] > 1 and bp.is_headline_like(line, 40) and keys[i] not in protect
            if repeated and keep_first_repeat and keys[i] not in seen:
                repeated = False
            seen.add(keys[i])
            if is_copy(keys[i]) or repeated:
                drop[i] = True
            elif i + 1 < len(block) and not bp.has_sentence_end(block[i + 1]) and is_copy(keys[i] + " " + keys[i + 1]):
                drop[i] = drop[i + 1] = True
        kept = [line for line, d in zip(block, drop, strict=True) if not d]
        if kept:
            out.append(kept)
    return out


def _wrapped_copies(
    blocks: list[list[str]], block_keys: list[list[str]], protect: set[str]
) -> set[tuple[int, int]]:
    """A caption printed whole and again wrapped over two lines (or the other way round).

    Lines are taken in page order across blocks, since some pages put a blank line after
    every line; returns ``(block, line)`` positions of all three lines.
    """
    flat = [(b, i, k) for b, keys in enumerate(block_keys) for i, k in enumerate(keys)]
    found: set[tuple[int, int]] = set()
    for j in range(len(flat) - 2):
        (b0, i0, k0), (b1, i1, k1), (b2, i2, k2) = flat[j : j + 3]
        whole = k0 == f"{k1} {k2}" or k2 == f"{k0} {k1}"
        if whole and len(max(k0, k2, key=len).split()) >= 4 and not protect & {k0, k2}:
            line = blocks[b0][i0] if len(k0) > len(k2) else blocks[b2][i2]
            if not bp.has_sentence_end(line):
                found |= {(b0, i0), (b1, i1), (b2, i2)}
    return found


# ----------------------------------------------------------------------------- the text cleaner


@dataclass(slots=True)
class CleanText:
    title: str = ""
    text: str = ""
    published: str | None = None
    author: str | None = None
    dateline: str | None = None
    sources: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _is_title_candidate(line: str) -> bool:
    return (
        bp.classify(line) is None
        and header_meta(line) is None
        and parse_source_line(line) is None
        and 2 <= bp.word_count(line) <= 30  # a lone word on top is a section label («سياسة»)
        and bool(re.search(r"[^\W\d_]", line))
        # a headline has no final full stop; a long line ending in one is the first paragraph
        and not (line.rstrip().endswith((".", "…", "؛")) and bp.word_count(line) > 12)
    )


_HEADER_BULLET = re.compile(r"^\s*[•·▪◦●■►▸‣⁃∙]")
# «كتب: محمد علي», «بقلم - سارة المصري», «By John Smith»: a byline in the page header
_BYLINE = re.compile(
    r"^(?:(?:كتب|كتبت|بقلم|by)\s*[:：\-–—|]?\s*"
    # words that also open titles («تقرير الأمم المتحدة…») need the separator
    r"|(?:إعداد|اعداد|تقرير|متابعة|تحرير|حوار|ترجمة|المحرر)\s*[:：\-–—|]\s*)"
    r"(?P<name>[^\d:：.،,!?؟]{3,40}?)\s*$",
    re.I,
)
_AUTHORS_SEP = re.compile(r"\s+[-–—&]\s+|\s*[،,/]\s*|\s+و(?=\S)")
# «آخر تحديث: 10:15», «منذ 3 ساعات», «قبل يومين»: a time stamp without a usable date
_TIMESTAMP = re.compile(
    r"^(?:(?:اخر تحديث|تحديث|نشر|محدث|updated|published)\s*[:：]?\s*)?(?:\d{1,2}:\d{2}\s*(?:ص|م|am|pm)?|"
    r"(?:منذ|قبل)\s+(?:\d+\s+)?(?:دقيقه|دقايق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين|اسبوع|اسابيع|شهر|اشهر)"
    r"|\d+\s+(?:minutes?|hours?|days?)\s+ago"
    # reading time: «5 دقائق للقراءة», «دقيقتان للقراءة», «3 min read»
    r"|(?:\d+\s+)?(?:دقيقه|دقايق|دقيقتان|دقيقتين)\s+(?:للقراءه|قراءه)|\d+\s*min(?:ute)?s?\s+read)$",
    re.I,
)


@lru_cache(maxsize=4096)  # the standfirst test and the header pass ask it of the same lines
def header_meta(line: str) -> tuple[str, str | None] | None:
    """Classify a page-header line: ``("date_line", iso)``, ``("byline", name)``, ``("timestamp", None)``,
    ``("dateline", None)`` (a wire dateline on its own line).

    Only meaningful before the first paragraph of prose: «كتب …» deep in the body is text.
    """
    parsed = parse_date_line(line)
    if parsed is not None:
        return "date_line", parsed.iso()
    if bp.is_dateline_line(line):
        return "dateline", None  # «أديس أبابا - (رويترز)», «الكويت - كونا» above the first paragraph
    if "|" in line:  # «بقلم: سليم بن عمار | 11:40 |»: a byline with its time stamp or date
        metas = [header_meta(p) for p in line.split("|") if p.strip()]
        if len(metas) > 1 and all(metas):
            kinds = {kind: (kind, value) for kind, value in reversed(metas)}  # (the first of each kind)
            return kinds.get("date_line") or kinds.get("byline") or ("timestamp", None)
    n = bp.word_count(line)
    if n <= 12 and not bp.has_sentence_end(line):
        m = _BYLINE.match(line.strip())
        # one author or several («كتب: أحمد سمير - محمد عبد الحميد»), each of up to four words
        if m and all(bp.word_count(name) <= 4 for name in _AUTHORS_SEP.split(m.group("name"))):
            return "byline", m.group("name").strip()
    if n <= 8 and not bp.has_sentence_end(line) and _TIMESTAMP.match(bp.key(line)):
        return "timestamp", None
    return None


def record_header_meta(target: Any, line: str, meta: tuple[str, str | None]) -> None:
    """Keep the first date line and byline of a header on ``target`` and note the line as dropped.

    ``target`` is anything with ``published``, ``author``, ``dateline``, ``sources`` and ``dropped``
    (the text header, an HTML result). A dateline on its own line is the first paragraph's
    place and credit: they are kept, the line goes.
    """
    kind, value = meta
    if kind == "date_line" and target.published is None:
        target.published = value
    elif kind == "byline" and target.author is None:
        target.author = value
    elif kind == "dateline" and (found := bp.dateline_line(line)) is not None:
        target.dateline = target.dateline or found[0]
        target.sources.append(found[1])
    target.dropped.append((line, kind))


@dataclass(slots=True)
class Header:
    title: str = ""
    published: str | None = None
    author: str | None = None
    dateline: str | None = None
    sources: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)


_TICKER = re.compile(r"^(?:عاجل|خبر عاجل|عاجل جدا|breaking(?: news)?)\s*(?:[:：|\-–—]|\.\.|…)", re.I)
_SHORT_CHROME_WORDS = 3  # nav items, section labels and site names: «الرئيسية», «أخبار الخليج», «شبكة دجلة الإخبارية»
_MAX_HEADER_LINES = 40


def _opens_body(line: str) -> bool:
    """The first paragraph: a sentence that ends with a full stop, or a line too long for a headline.

    Headlines may be long (14+ words) or end in «؟»/«!», so plain :func:`is_prose` would
    take a long headline for the first paragraph and end the header before its date line.
    """
    n = bp.word_count(line)
    return n > 30 or (n >= 7 and line.rstrip(" \"'”»)]").endswith((".", "…", "؛")))


def _is_standfirst(lines: list[str], i: int) -> bool:
    """The sentence right under the headline, with the byline or date line still to come."""
    before = next((line for line in reversed(lines[max(0, i - 4) : i]) if line.strip()), "")
    if not before or not _is_title_candidate(before) or _opens_body(before):
        return False
    following = [line for line in lines[i + 1 : i + 8] if line.strip()][:3]
    return any(header_meta(line) is not None or _is_credit_line(line) for line in following)


def _masthead_runs(lines: list[str], end: int) -> set[int]:
    """Indices of page chrome above the article: runs of three or more short lines.

    A flattened page opens with the site name, its navigation menu and section labels, one
    short line each; furniture lines (share buttons, a ticker) inside the run are part of it.
    A site name of four words or more («وكالة الأنباء اليمنية (سبأ)», «سانا - الوكالة العربية
    السورية للأنباء») is chrome too when a menu (three short lines that are no furniture)
    follows it at the top of the page.
    """
    marked: set[int] = set()
    run: list[int] = []
    shorts = streak = 0  # streak: consecutive menu items (short lines that are no furniture or metadata)
    streak_start = 0
    first_menu: int | None = None
    for i in range(end):
        line = lines[i]
        if not line.strip():
            continue
        short = bp.word_count(line) <= _SHORT_CHROME_WORDS and not bp.has_sentence_end(line)
        rule = bp.classify(line)
        furniture = rule is not None or bool(_TICKER.match(line.strip()))
        if rule == "menu":
            first_menu = i if first_menu is None else first_menu  # the whole menu on one line
        if short or furniture:
            run.append(i)
            shorts += short
            if not furniture:  # (a close button «×» between menu items does not break the menu)
                streak = streak + 1 if short and header_meta(line) is None else 0
            if streak == 1:
                streak_start = i
            if streak == 3 and first_menu is None:
                first_menu = streak_start
            continue
        if shorts >= 3:
            marked.update(run)
        run, shorts, streak = [], 0, 0
    if shorts >= 3:
        marked.update(run)
    if first_menu is not None:
        above = [i for i in range(first_menu) if lines[i].strip()]
        # the site name, or a whole app banner («حمّل تطبيق …», «أخبار عاجلة وإشعارات فورية») when a
        # headline follows the menu
        headline_below = any(
            _is_title_candidate(lines[i]) and bp.word_count(lines[i]) >= 4 and i not in marked
            for i in range(first_menu, end)
        )
        if (len(above) <= 2 or headline_below) and not any(bp.is_prose(lines[i]) for i in above):
            # (but not the headline printed above the menu and again below it, as a tab title)
            below = {match_key(lines[i]) for i in range(first_menu, end) if i not in marked}
            marked.update(i for i in above if match_key(lines[i]) not in below)
    return marked


def _meta_follows(lines: list[str], i: int, end: int) -> bool:
    """A byline or date line is the next line: «عاجل| …» is then the headline, not a ticker."""
    following = next((line for line in lines[i + 1 : end] if line.strip()), "")
    return bool(following) and header_meta(following) is not None


def _section_labels(lines: list[str], end: int) -> list[int]:
    """Lines of the header that name one item of the page's menu row («محليات» under «الرئيسية |
    محليات | القدس | …»): the section the article is filed in, printed above its headline."""
    items = {bp.key(item) for i in range(end) if lines[i].count(" | ") >= 3 for item in lines[i].split(" | ")}
    items.discard("")
    return [i for i in range(end) if lines[i].strip() and bp.word_count(lines[i]) <= 3 and " | " not in lines[i]
            and bp.key(lines[i]) in items] if items else []


def _title_index(lines: list[str], end: int) -> int | None:
    """The headline: the first title-like line of four words or more outside the masthead.

    Site names and section labels above the headline are one to three words; a headline
    that short loses to the next longer candidate only when one exists before the body.
    """
    chrome = _masthead_runs(lines, end)
    cands = [
        i
        for i in range(end)
        if lines[i].strip() and _is_title_candidate(lines[i]) and not _HEADER_BULLET.match(lines[i])
        and not (_TICKER.match(lines[i].strip()) and not _meta_follows(lines, i, end))
    ]
    # a site's name and slogan («أخبار المملكة | الخبر من مصدره») or a tab title («… | كورة بلدنا»)
    # comes last: a headline has no « | » in it
    cands = [i for i in cands if " | " not in lines[i]] + [i for i in cands if " | " in lines[i]]
    # the headline right under the page's breadcrumb («الرئيسية > كرة قدم > دوري أبطال أوروبا»), past
    # the score boards, tickers and promos printed above it
    # (a trail of «›», «»», «>» or «/»: a row of « | » items may be a menu or the tabs of a score board)
    # (or the section's name alone on its line, as the menu row above spells it)
    crumbs = [i for i in range(end) if bp.classify(lines[i]) in ("breadcrumb", "category") and " | " not in lines[i]]
    crumb = max([*crumbs, *_section_labels(lines, end)], default=None)
    if crumb is not None:
        after = next((i for i in range(crumb + 1, end) if lines[i].strip()), None)
        if after in cands and bp.word_count(lines[after]) >= 4:
            return after
    for pool in (
        [i for i in cands if i not in chrome and bp.word_count(lines[i]) >= 4],
        [i for i in cands if i not in chrome],
        [i for i in cands if bp.word_count(lines[i]) >= 4],
        cands,
    ):
        if pool:
            first = pool[0]
            # printed again below the masthead (the first copy is the tab title): the later
            # copy is where the article begins, and everything above it is chrome
            again = next((i for i in cands if i > first and match_key(lines[i]) == match_key(lines[first])), None)
            if again is not None and any(first < i < again for i in chrome):
                return again
            return first
    return None


def split_header(lines: list[str]) -> tuple[Header, list[str]]:
    """Find the title, publication date and byline in the page header.

    The header runs to the first paragraph (:func:`_opens_body`). The title is chosen in it
    (:func:`_title_index`); everything above the title is page chrome (site name, menu,
    ticker, section label) and goes, except that a date line there still gives
    ``published``. Between the title and the first paragraph, lines that are nothing but a
    date give ``published`` (the first one: a later one is an update), a byline gives
    ``author``, and time stamps and short bulleted metadata («• 2», «• أخبار») are dropped.
    Returns the header and the remaining lines.
    """
    head = Header()
    limit = min(len(lines), _MAX_HEADER_LINES)
    end = next((i for i in range(limit) if _opens_body(lines[i]) and not _is_standfirst(lines, i)), limit)
    title_i = _title_index(lines, end)
    # between the headline and the first line of anything else, a line of one to three words
    # is the outlet or a section label («الجزيرة نت», «الشروق أونلاين»), never the article
    content_seen = title_i is None or end == len(lines)  # (no paragraph at all: nothing to tell chrome from)
    title_key = ""
    out: list[str] = []
    metas = [header_meta(line) if line.strip() and i != title_i else None for i, line in enumerate(lines[:end])]
    first_content: int | None = None  # the standfirst, when the header goes on after it
    last_meta = max((i for i, meta in enumerate(metas) if meta and title_i is not None and i > title_i), default=-1)
    gallery_line = False  # the last line read was a gallery's «شاهد الصور»
    for i, line in enumerate(lines):
        if i >= end or not line.strip():
            out.append(line)
            continue
        above_gallery, gallery_line = gallery_line, bp.is_gallery_button(line)
        if i == title_i:
            head.title = line.strip()
            head.dropped.append((line, "title"))
            title_key = match_key(head.title)
            continue
        meta = metas[i]
        if meta is not None:
            record_header_meta(head, line, meta)
            continue
        if title_i is not None and i < title_i:
            head.dropped.append((line, "masthead"))
            continue
        if head.title and _HEADER_BULLET.match(line) and bp.word_count(line) <= 5:
            head.dropped.append((line, "header_bullet"))
            continue
        if head.title and _is_credit_line(line):
            head.dropped.append((line, "credit_line"))
            continue
        short = bp.word_count(line) <= _SHORT_CHROME_WORDS and not bp.has_sentence_end(line)
        if short and not content_seen and i > (title_i or 0) and bp.classify(line) != "summary":
            head.dropped.append((line, "masthead"))
            continue
        if above_gallery and bp.is_caption_shaped(line):
            head.dropped.append((line, "caption"))  # the picture under «شاهد الصور»
            continue
        if first_content is not None and i < last_meta:
            # between the standfirst and a date line or byline printed after it: the author's box
            # («رنا الحاج» and her bio above «نُشر: …»), never the article, which starts below them
            head.dropped.append((line, "author_box"))
            continue
        opens = i > (title_i or 0) and not short and bp.classify(line) is None and match_key(line) != title_key
        content_seen = content_seen or opens
        if opens and first_content is None and title_i is not None:
            first_content = i
        out.append(line)
    return head, out


# «الأطلس بريس - نادية العمراني», «الرياض: فهد الشمري», «طرابلس - بوابة الوسط: محمد الترهوني»:
# outlet, place and author between the headline and the first paragraph
_CREDIT_SEP = re.compile(r"\s*[:：|]\s*|\s+[–—-]{1,2}\s+|\s*[–—-]{1,2}\s+")
_BRACKETED = re.compile(r"\s*\([^()\d]{2,20}\)")
_CREDIT_PART = re.compile(r"^[^\W\d_][^\d.،,!?؟()\"«»]*$")


def _is_credit_line(line: str) -> bool:
    # (an agency in brackets after the place: «نيويورك (مشرق) - قسم الشؤون الدولية»)
    parts = _CREDIT_SEP.split(_BRACKETED.sub(" ", line.strip()))
    return (
        2 <= len(parts) <= 3
        and all(_CREDIT_PART.match(p) and bp.word_count(p) <= 3 for p in parts)
        and bp.word_count(line) <= 8
    )


def _unwrap(block: list[str]) -> list[str]:
    """A paragraph printed over several lines (a fixed-width copy) is one paragraph again.

    Three lines or more of much the same length (wrapped at one width), none ending a
    sentence but the last, which does: a list of headlines ends on no full stop, and a caption
    above a paragraph is one line, not a run of lines of the paragraph's width.
    """
    if len(block) < 3 or not bp.has_sentence_end(block[-1]) or any(bp.has_sentence_end(x) for x in block[:-1]):
        return block
    widths = [len(x) for x in block[:-1]]
    if min(bp.word_count(x) for x in block[:-1]) < 5 or max(widths) - min(widths) > 0.35 * max(widths):
        return block
    return [" ".join(x.strip() for x in block)]


def _is_list_headline(line: str) -> bool:
    """A related-story link: headline-like and not a bulleted list item (those are content)."""
    return bp.is_headline_like(line, 22) and not _HEADER_BULLET.match(line) and not line.lstrip().startswith("-")


def _drop_headline_runs(blocks: list[list[str]]) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """Related-story lists after the lead or at the end of the article.

    Within the first four blocks or the last two (where CMS templates put "related"
    boxes), a block of two or more lines that are all headline-like is a list of links,
    not prose; so is a run of three or more such lines inside a block that also holds
    prose (pages flattened without blank lines between paragraphs). Nothing is dropped
    from a text that has no prose at all — that is for the section-front check to judge.
    """
    if not any(bp.has_sentence_end(line) or bp.word_count(line) > 25 for b in blocks for line in b):
        return blocks, []
    dropped: list[tuple[str, str]] = []
    out: list[list[str]] = []
    n = len(blocks)
    for i, block in enumerate(blocks):
        if not (i <= 3 or i >= n - 2):
            out.append(block)
            continue
        flags = [_is_list_headline(line) for line in block]
        if len(block) >= 2 and all(flags):
            dropped.extend((line, "related_list") for line in block)
            continue
        keep = [True] * len(block)
        j = 0
        while j < len(block):
            k = j
            while k < len(block) and flags[k]:
                k += 1
            if k - j >= 3:
                keep[j:k] = [False] * (k - j)
                dropped.extend((line, "related_list") for line in block[j:k])
            j = max(k, j + 1)
        out.append([line for line, kp in zip(block, keep, strict=True) if kp])
    return [b for b in out if b], dropped


def finish_blocks(
    blocks: list[list[str]], title: str, *, title_anywhere: bool = True
) -> tuple[list[list[str]], str | None, list[str]]:
    """Shared tail of both paths: title repeats, credits, dateline, hashtags.

    In flattened text the headline is printed again wherever the page repeated it, so
    every copy goes; in HTML (``title_anywhere=False``) only a copy opening the body does,
    since a later identical line is the page's own content. Returns ``(blocks, dateline,
    sources)``.
    """
    tkey = match_key(title)
    sources: list[str] = []
    out: list[list[str]] = []
    for b, block in enumerate(blocks):
        kept = []
        for i, line in enumerate(block):
            if tkey and match_key(line) == tkey and (title_anywhere or (b == 0 and i == 0)):
                continue
            names = parse_source_line(line)
            if names:
                sources.extend(names)
                continue
            kept.append(line)
        if kept:
            out.append(kept)
    # trailing agency credit on the last paragraph(s)
    for block in reversed(out[-2:]):
        line, names = strip_trailing_credit(block[-1])
        if names:
            sources.extend(names)
            if line.strip():
                block[-1] = line
            else:
                block.pop()
    out = [b for b in out if b]
    dateline = None
    for block in out[:3]:
        place, names = find_dateline(block[0])
        if place:
            dateline = place
            sources.extend(names)
            break
    out = [[bp.unwrap_hashtags(line) for line in block] for block in out]
    return out, dateline, list(dict.fromkeys(sources))


_PUBLISHED_CUE = re.compile(r"(?:نشر|منشور|تاريخ|تحديث|published|posted|updated)", re.I)


def _late_date_line(head: Header, lines: list[str]) -> list[str]:
    """A date line the header did not hold: right after the first paragraph («السبت 12.04.2025»),
    or anywhere when it says it is one («نشر بتاريخ 22-05-2025 على الساعة 23:10» under the
    article). A line that is nothing but a date elsewhere may be a timeline's entry, so it is
    left. The line goes, and so does a time stamp right after it («آخر تحديث: 16:20»)."""
    if head.published is not None:
        return lines
    first = next((i for i, line in enumerate(lines) if _opens_body(line)), None)
    if first is None:
        return lines
    near = [i for i in range(first + 1, len(lines)) if lines[i].strip()][:2]
    for i, line in enumerate(lines):
        meta = header_meta(line) if line.strip() else None
        if meta is None or meta[0] != "date_line" or not (i in near or _PUBLISHED_CUE.search(match_key(line))):
            continue
        before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        if before.rstrip().endswith((":", "：")):
            continue  # «وهذه أبرز المحطات:» + «12 مارس 2025»: an entry of a list
        record_header_meta(head, line, meta)
        drop = {i}
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if nxt is not None and (m := header_meta(lines[nxt])) is not None and m[0] == "timestamp":
            head.dropped.append((lines[nxt], "timestamp"))
            drop.add(nxt)
        return [line for j, line in enumerate(lines) if j not in drop]
    return lines


def clean_text(raw_text: str) -> CleanText:
    """Clean a plain-text article. Pure function: same input, same output."""
    text = normalize_text(raw_text)
    lines = text.split("\n")
    head, lines = split_header(lines)
    lines = _late_date_line(head, lines)
    title, dropped = head.title, head.dropped
    kept, furniture = bp.filter_lines(lines)
    dropped += furniture
    blocks = [_unwrap(block) for block in _blocks(kept)]
    blocks, runs = _drop_headline_runs(blocks)
    dropped += runs
    blocks = drop_caption_copies(blocks)
    blocks, dateline, sources = finish_blocks(blocks, title)
    body = "\n\n".join("\n".join(b) for b in blocks)
    return CleanText(
        title=bp.unwrap_hashtags(title),
        text=body,
        published=head.published,
        author=head.author,
        dateline=dateline or head.dateline,
        sources=list(dict.fromkeys(head.sources + sources)),
        dropped=dropped,
    )
