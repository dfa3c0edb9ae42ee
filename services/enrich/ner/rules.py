"""Rules applied to the CRF's spans, for what news needs and a newswire CRF misses.

- Trigger words are context, not name: titles and offices («المشير», «وزير الخارجية»)
  and nationality adjectives are trimmed off person spans.
- Nationality adjectives are not places: a span that is only «الروسي» is dropped.
- Title chains: «وزير الخارجية الروسي سيرغي لافروف» → PER «سيرغي لافروف» even when
  the CRF tagged nothing, provided the word after the chain is a known first name.
- Document propagation: a name the CRF found once is found everywhere in the document,
  also glued to a clitic or a hashtag («لـ"حفتر"», «#حفتر»), and takes the type most of
  its mentions got.

Spans are ``(start, end, type)`` over token indices, end exclusive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from services.shared.arabic_months import GREGORIAN_MONTHS

from .features import QUOTES
from .lexicon import (
    ORG_HEADS,
    RULE_ORG_HEADS,
    STOP,
    TITLE_COMPLEMENTS,
    TITLES,
    Lexicon,
    curated_first_names,
    curated_lines,
    nat_stem,
)
from .text import Token, fold, is_arabic, split_clitic
from .wordfreq_table import FreqTable, article_cue, table

Span = tuple[int, int, str]
_ARTICLE_CLITICS = ("ال", "وال", "بال", "لل", "فال", "كال", "وبال", "ولل")


def is_word(word: str) -> bool:
    """Arabic or Latin letters (not punctuation, quotes, digits)."""
    return word[:1].isalpha()


def covered_tokens(spans: list[Span], n: int) -> list[bool]:
    """Which of ``n`` tokens some span already claims."""
    covered = [False] * n
    for s, e, _ in spans:
        for i in range(s, e):
            covered[i] = True
    return covered


def spans_at(spans: list[Span], n: int) -> list[Span | None]:
    """The span claiming each of ``n`` tokens (None where none does)."""
    at: list[Span | None] = [None] * n
    for sp in spans:
        for i in range(sp[0], sp[1]):
            at[i] = sp
    return at


def extend_name(k: int, start: int, covered: list[bool], folded: list[str], words: list[str], lex: Lexicon) -> int:
    """End of a person's name whose first words end before ``k``: known name tokens and
    words after a link («بن», «عبد», «أبو») join it, up to four words from ``start``; so
    does a rare third word that looks like a name (never takes the article, no clitic),
    as foreign names often have three parts («تيدروس أدهانوم غيبريسوس»). Rare means
    below Zipf 2: verbs that follow a name in SVO sentences («ستعلن», «سيزور») are
    more frequent than that, and as frequent as many surnames, so nothing looser works."""
    n = len(words)
    while k < n and k - start < 4 and not covered[k] and name_like(folded[k], words[k], lex) and (
            folded[k] in lex.per_tokens or folded[k - 1] in _NAME_LINKS or (
                k - start == 2 and table().get(folded[k]) < _RARE
                and _speaker_word(folded[k], words[k], lex, table()))):
        k += 1
    return k


_RARE = 20  # Zipf × 10
_COMMON_STEM = 35  # Zipf × 10: «مرسوم», «برنامج»; not «لورك» (in «لوركا»)
_UNCOMMON = 40  # Zipf × 10: «ايدن» (36) is a word somewhere, but not one a name would hide


_POSSESSIVES = ("ها", "هم", "ه")
_OWNED_NOT_TITLES = frozenset(fold(w) for w in ("الفريق",))
# Roles that introduce a name in news as titles do, beyond the model's trigger list
# (the model's features are built from ``TITLES``; these only serve the rules).
ROLES = frozenset(fold(w) for w in (
    "الناشط", "الناشطة", "المعارض", "المعارضة", "القيادي", "القيادية", "الفنان", "الفنانة", "الشاعر", "الروائي",
    "المطرب", "المطربة", "الممثلة", "اللاعبة", "المدربة", "الكاتبة", "الباحثة", "المحامي", "المحامية",
    "الناطقة", "السفيرة", "المبعوثة", "المديرة", "الأمينة", "القاضية", "النائبة", "المستشار", "الداعية",
    "المرشح", "المرشحة",
    # occupations that introduce a name as a title does: «المهندسة لينا عودة» (not «المزارع»: also "the farms")
    "المهندس", "المهندسة", "المايسترو", "الطبيب", "الطبيبة", "المخرج", "المخرجة", "المغني",
    "المغنية", "الملحن", "المصور", "المصورة", "المهاجم", "المدافع", "الحارس",
    "نظيره", "نظيرها", "نظيرته", "نظيرتها",  # «نظيره التركي هاكان فيدان»
    "مواطنه", "مواطنها", "زميله", "زميلها", "زميلته",  # «ثم أضاف مواطنه مالكوم الهدف الثاني»
    # kin introduce names too: «والتي يملكها شقيقه رجا سلامة», «نجله الأكبر حسين»
    "شقيقه", "شقيقها", "شقيقته", "نجله", "نجلها", "نجلته", "زوجته", "زوجها", "والده", "والدته",
    "بزعامة",  # «وتحالف السيادة بزعامة خميس الخنجر»
    "خادم",  # «خادم الحرمين الشريفين الملك سلمان»: the Saudi king's title (with «الحرمين الشريفين» in HIGH)
    "محامي", "محامية"))  # «محامي المتهم فريد الديب» (not «آمر», commander: folded, it is «أمر», an order)
_TITLE_WORDS = TITLES | ROLES
# words that continue a title chain beyond the model's ``TITLE_COMPLEMENTS`` (rules only): the
# rank of a high commissioner or representative, and the domains of ministries («وزير المياه
# والري رائد أبو السعود», «وزيرة التضامن الاجتماعي»)
HIGH = frozenset(fold(w) for w in (
    "السامي", "السامية", "الأممية",  # and «المبعوثة الأممية»
    "الرسمي", "الرسمية", "الحكومي", "الحكومية", "المفاوض",  # «رئيس الوفد الحكومي يحيى كزمان»
    "الإعلامي", "الإعلامية", "العسكري", "العسكرية",  # «الناطق الإعلامي باسم الوزارة باسل العدوان»
    "الحرمين", "الشريفين", "الأعمال"))
# «رجل الأعمال كمال اللطيف», «رجل الدين علي السيستاني»: «رجل» is a title only with its trade
# («الرجل» alone is "the man"); «الأعمال» and «الدين» then continue the chain
_MAN = frozenset(fold(w) for w in ("رجل", "ورجل", "لرجل", "سيدة", "وسيدة"))
_MAN_OF = frozenset(fold(w) for w in ("الأعمال", "الدين"))
# a ministry named in a chain after «باسم» or a title: «المتحدث باسم وزارة الصحة السودانية عمر …»
_MINISTRIES = frozenset(fold(w) for w in ("وزارة", "الوزارة"))
MINISTRY_DOMAINS = frozenset(fold(w) for w in (
    "المياه", "الري", "البيئة", "السياحة", "التراث", "النقل", "الاتصالات", "الاتصال", "العمل", "الشباب", "الرياضة",
    "الأوقاف", "الإسكان", "الصناعة", "التخطيط", "الاستثمار", "التربية", "العالي", "البحث", "العلمي",
    "الاجتماعية", "الاجتماعي", "التضامن", "المغتربين", "الهجرة", "المعادن", "الموارد", "المائية", "الأشغال",
    "التنمية", "المحلية", "الإدارية", "البلديات", "التموين", "الصيد", "البحري", "الفلاحة", "الرقمي",
    "الرقمية", "الاقتصادي", "الخارجي", "الحج", "العمرة"))  # matched after bare(): «والري» is «الري»
_AT = fold("لدى")
# bodies an office belongs to whose names open with a clitic letter: «رئيسة بعثة الأمم المتحدة …»
_OFFICE_BODIES = frozenset(fold(w) for w in ("بعثة", "برنامج", "بنك", "لجنة", "مكتب"))
_COUNCIL = fold("مجلس")
# what a council is in a title: parliaments' chambers and ruling councils («رئيس مجلس النواب …»)
_COUNCIL_KINDS = frozenset(fold(w) for w in (
    "النواب", "الشعب", "الشورى", "الأمة", "الشيوخ", "الأعيان", "المستشارين", "العموم", "اللوردات", "السيادة",
    "القيادة", "الرئاسي", "الانتقالي", "الرئاسة", "الدولة", "الوزراء", "الأعلى"))
_IN = fold("في")
_IN_NAME_OF = fold("باسم")


@lru_cache(maxsize=50_000)
def is_title(f: str) -> bool:
    """A folded title, office or role word, with or without a leading clitic («والرئيس»)
    or a possessive suffix («ودعا مديرها العام تيدروس…», «رئيسه»), before which «ة» is written «ت»
    («رئيسته», «مديرتها»)."""
    if f in _TITLE_WORDS:
        return True
    clitic, stem = split_clitic(f)
    if clitic and (stem in _TITLE_WORDS or "ال" + stem in _TITLE_WORDS):
        return True
    for p in _POSSESSIVES:
        if f.endswith(p) and len(f) - len(p) >= 3:
            head = f[:-len(p)]
            if "ال" + head in _OWNED_NOT_TITLES:
                return False  # «فريقه» is his team, not his lieutenant general
            if "ال" + head in TITLES or (head.endswith("ت") and "ال" + head[:-1] + "ه" in TITLES):
                return True
    return False


# Adjectives of nationality the rules know beyond the model's lexicon (whose features the CRF
# was trained with, so it stays as built). «سعودي» above all: the lexicon leaves it out because
# «السعودية» is the country's own name, so only that form keeps meaning the country here; and only
# with the article, as «تشيلي» and «جيبوتي» are the countries.
RULE_NATIONALITIES = frozenset(nat_stem(fold(w)) for w in (
    "سعودي", "أفغاني", "دنماركي", "كازاخي", "تشيلي", "بيروفي", "جيبوتي", "كونغولي", "بوركيني", "إيفواري",
    "نمساوي", "قرغيزي"))
_SAUDI_ARABIA = fold("السعودية")


def is_nationality(f: str, lex: Lexicon) -> bool:
    """An adjective of nationality («الروسي», «السعوديين»): the lexicon's, or one of :data:`RULE_NATIONALITIES`.

    Asked ~200 times an article: cached per word in the lexicon's memo, as :func:`_place_candidate` is.
    """
    cache = lex.memo.setdefault("nationality", {})
    got = cache.get(f)
    if got is None:
        got = lex.is_nationality(f) or (
            f.startswith("ال") and f != _SAUDI_ARABIA and nat_stem(f) in RULE_NATIONALITIES)
        if len(cache) >= 50_000:
            cache.clear()
        cache[f] = got
    return got


def is_trigger(f: str, lex: Lexicon) -> bool:
    """Words that introduce a name without belonging to it."""
    return is_title(f) or f in TITLE_COMPLEMENTS or f in HIGH or is_nationality(f, lex)


def _given_name_first(s: int, e: int, folded: list[str], lex: Lexicon) -> bool:
    """«بيني غانتس»: a given name that the lexicon also reads as an indefinite adjective of
    nationality opens the name; a title or a definite adjective («الروسي») never does."""
    f = folded[s]
    if f == _IN_NAME_OF and e - s > 1 and s and folded[s - 1] in _COMMAS:
        return True  # «رئيس مجلس إدارة الملكية الأردنية، باسم الطراونة»: after a comma, the name Basem
    return e - s > 1 and f in lex.first_names and not f.startswith("ال") and not is_title(f) \
        and f not in TITLE_COMPLEMENTS and f not in HIGH


DIRECTIONS = frozenset(fold(w) for w in ("الشرق", "الغرب", "الشمال", "الجنوب", "شرق", "غرب", "شمال", "جنوب"))
_VERB_PREFIX = ("ي", "ت")
_VERB_SUFFIX = ("ان", "ون", "وا")


_BORDER = frozenset(fold(w) for w in ("الحدودي", "الحدودية"))


def _accusative_noun(f: str) -> bool:
    """«محمود عباس مرسوما»: an indefinite object after a name, a frequent noun that takes the
    article, with the accusative ending «ا» (names ending in «ا» — «رضا», «أوباما», «كوريا»,
    «لوركا» — are no such nouns). Only after a two-word name: «قال المتحدث عزت برنامجا» is rare."""
    stem = f[:-1]
    return len(f) >= 5 and f.endswith("ا") and not f.startswith("ال") and not stem.endswith("ي") \
        and table().get(stem) >= _COMMON_STEM and article_cue(stem, table()) == "D"


def looks_like_verb(f: str) -> bool:
    """Imperfect dual/plural verb shape («يعولان», «يطلبون», «تعتبران»)."""
    return len(f) >= 5 and f.startswith(_VERB_PREFIX) and f.endswith(_VERB_SUFFIX)


def _future_verb(f: str, lex: Lexicon) -> bool:
    """«ستكونان», «سيعودون»: «س» before an imperfect dual or plural, and no known name."""
    return f.startswith("س") and len(f) >= 6 and looks_like_verb(f[1:]) and f not in lex.loc \
        and f not in lex.first_names and f not in lex.per_tokens


_COMMON_VERB = 35  # Zipf × 10 of the verb without its «س»: «يخلف», «يزور» (names give «يمون», «تيفن»: rare)


def _singular_future_verb(f: str, lex: Lexicon) -> bool:
    """«وسيخلف يوسف»: «س» before a singular imperfect verb opens no name.

    What the «س» stands before must itself be an everyday word (the present tense): «سيمون»,
    «ستيفن», «سيباستيان» without it are no words at all.
    """
    if f[:1] in ("و", "ف") and f[1:2] == "س":
        f = f[1:]
    return len(f) >= 5 and f.startswith(("سي", "ست", "سن")) and f not in lex.first_names \
        and f not in lex.per_tokens and f not in lex.loc and table().get(f[1:]) >= _COMMON_VERB


def _letter_e(s: int, e: int, words: list[str]) -> bool:
    """«إي» opening a name of two words or more is the letter E («إي آند», «إي دي إف»), not «أي» (any),
    which folds to the same letters."""
    return words[s] == "إي" and e - s > 1


def _conjoined_word(f: str, lex: Lexicon) -> bool:
    """«وزار بن رمضان», «فقال ابن …»: «و»/«ف» before an everyday word (a verb, most often)
    that no name is, before a name that opens with a link word."""
    return f[:1] in ("و", "ف") and f not in lex.first_names and f not in lex.per_tokens \
        and f[1:] in lex.common and f[1:] not in lex.first_names and table().get(f[1:]) >= _COMMON_VERB


# given names that are nouns of quality too: after a preposition and before a definite noun,
# the noun in construct («بحسن الضيافة», «لجمال الطبيعة»)
_QUALITY_NAMES = frozenset(fold(w) for w in ("حسن", "جمال", "كمال", "سلامة"))
_QUALITY_OF = 40  # Zipf × 10 of the noun after it: «الحظ», «التنظيم»; family names are rarer


def _quality_noun_phrase(s: int, folded: list[str], lex: Lexicon) -> bool:
    clitic, rest = split_clitic(folded[s])
    if clitic not in ("ب", "ل", "ك", "وب", "ول") or rest not in _QUALITY_NAMES or s + 1 >= len(folded):
        return False
    nxt = folded[s + 1]
    return nxt.startswith("ال") and not nxt.endswith("ي") and nxt not in lex.per_tokens \
        and nxt not in lex.first_names and nxt not in lex.loc and table().get(nxt) >= _QUALITY_OF


def trim(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Trim punctuation, function words and (for persons) triggers from span edges."""
    out: list[Span] = []
    for s, e, typ in spans:
        while s < e and (not is_word(words[s]) or (folded[s] in STOP and not _letter_e(s, e, words)) or (
                typ == "PER" and (
                (is_trigger(folded[s], lex) and not _given_name_first(s, e, folded, lex))
                or (e - s > 1 and in_class(folded[s], ORG_HEADS))
                or (e - s > 1 and _singular_future_verb(folded[s], lex) and not (
                    folded[s + 1].startswith("ال") and folded[s + 1] not in lex.per_tokens))
                or (e - s > 2 and folded[s + 1] in _NAME_LINKS and _conjoined_word(folded[s], lex))
                or (e - s > 1 and folded[s] in _ACTING)))):  # «رئيسه بالإنابة طارق رحمن»
            s += 1  # «باسم الجماعة يحيى…»: an organisation head is context, not name
        while e > s and (not is_word(words[e - 1]) or folded[e - 1] in STOP or (
                typ == "PER" and is_trigger(folded[e - 1], lex) and not _surname_nisba(e - 1, s, folded, lex)
                and not _given_name_nisba(e - 1, s, folded, lex)
                and not (e - s > 2 and folded[e - 2] == _ABD))):  # «عبد الملك» is a name, not a king
            e -= 1
        if typ == "ORG" and e - s > 2 and e < len(words) and folded[e] in _RELATIVE_PREPOSITIONS \
                and _describing_participle(folded[e - 1]):
            e -= 1  # «شركة هيوماين المتخصصة في»: a description of the company, not its name
        if typ == "ORG" and e - s >= 2 and folded[e - 1] in _AFFILIATED:
            e -= 1  # «شركة مناجم التابعة لمجموعة المدى»: whose it is, not what it is called
        if typ == "LOC" and e - s > 1 and folded[e - 1] in _BORDER:
            e -= 1  # «معبر جابر الحدودي»: the crossing's name is «جابر»
        if typ == "LOC" and e - s > 1 and (bare(folded[s]), *folded[s + 1:e]) not in lex.loc_multi \
                and bare(folded[s]) not in _STADIUMS and folded[s] not in _CITY:  # (a stadium or a city may be
            # named after a prince)
            # «في الرياض السفير الأمريكي»: a place name holds no title (but «شرم الشيخ» is one)
            e = next((k for k in range(s + 1, e) if is_title(folded[k])), e)
        if typ == "PER" and e - s > 1 and folded[e - 1].startswith("لل") and folded[e - 1] not in lex.per_tokens:
            e -= 1  # «ألكسندر ميتروفيتش للهلال»: «for the …» is no part of a name
        if typ == "PER":  # «خليفة درس», «حفتر يعولان»: a name does not end on a common word or a verb
            if e - s > 2 and folded[e - 1] not in lex.per_tokens and _accusative_noun(folded[e - 1]):
                e -= 1  # «محمود عباس مرسوما»
            while e - s > 1 and folded[e - 1] not in lex.per_tokens and folded[e - 2] not in _NAME_LINKS and (
                    folded[e - 1] in lex.common or looks_like_verb(folded[e - 1])) \
                    and not _closed_name(s, e, folded, words, lex):
                e -= 1  # (but «عبد العظيم», «أبو الغيط»: a word after a link is the name's)
        if s >= e:
            continue
        if all(is_nationality(folded[i], lex) or is_title(folded[i])
               or (typ != "ORG" and folded[i] in TITLE_COMPLEMENTS) for i in range(s, e)) \
                and not (typ == "LOC" and s and folded[s - 1] in _PLACE_NOUNS and folded[s] in lex.loc):
            continue  # «الروسي», «الرئيس»: context words, not entities (but «بجزيرة صقلية» is the island)
        if typ == "ORG" and e - s >= 2 and bare(folded[s]) == _COUNCIL and folded[s + 1] in _BOARD:
            s += 2  # «مجلس الإدارة», «مجلس إدارة شركة أرامكو»: a board is its company's, not a body of its own
            if s < e and folded[s] in lex.common:
                continue
        if s >= e:
            continue
        if typ == "ORG" and e - s == 1 and folded[s] in ORG_HEADS:
            continue  # a bare head («الحكومة») names no particular organisation
        if typ == "ORG" and e - s >= 2 and bare(folded[s]) == _MOVEMENT and folded[s + 1] in _TRAFFIC:
            continue  # «حركة العمال والبضائع», «حركة الملاحة»: traffic, not a movement
        if e - s == 1 and in_class(folded[s], DIRECTIONS):
            continue  # «الشرق» alone is a direction, not a place one can facet on
        if typ == "LOC" and e - s == 1 and wrong_article(folded[s], lex) \
                and not (s and (folded[s - 1] in _TOWN_NOUNS or folded[s - 1] in _PLACE_NOUNS)):
            continue  # (but after «نهر», «مدينة» the article is the name's: «نهر القاش»)
        if typ in ("LOC", "PER") and e - s == 1 and _future_verb(folded[s], lex):
            continue  # «أسوان والإسكندرية ستكونان»: a verb in the future, not a town
        if typ == "LOC" and e - s == 1 and bare(folded[s]) == _QUASI:
            continue  # «النتائج شبه النهائية», «بشكل شبه كامل»: "almost", no place
        if typ == "LOC" and s and bare(folded[s - 1]) == _QUASI and bare(folded[s]) in _ISLAND:
            s -= 1  # but «شبه الجزيرة العربية» is the peninsula, whole
        if typ == "PER" and e - s == 1 and bare(folded[s]) in _MONTHS:
            continue  # «ميثاق يوليو»: a month names no one
        if typ == "PER" and e - s <= 2 and _quality_noun_phrase(s, folded, lex):
            continue  # «أشاد بحسن التنظيم», «لحسن الحظ»: good organisation, good luck — no Hassan
        if typ == "PER" and e - s == 1 and folded[s] in _TIMES_OF_DAY and e < len(words) \
                and bare(folded[e]) in _DAYS:
            continue  # «صباح الجمعة» is Friday morning, not a woman called Sabah
        if typ == "PER" and e - s == 1 and folded[s] == _ALI and e < len(words) and not (s and (
                is_trigger(folded[s - 1], lex) or folded[s - 1] in lex.first_names)) and (
                folded[e] in _COMPLEMENTIZERS or (folded[e].startswith("ال") and folded[e] not in lex.per_tokens)):
            continue  # «القضاء علي جذور الفتنة», «سيعمل علي أن»: the preposition «على» written with «ي»
        out.append((s, e, typ))
    return out


_TIMES_OF_DAY = frozenset(fold(w) for w in ("صباح", "مساء", "ظهر", "فجر", "ليلة", "عصر", "صبيحة"))
_ALI = fold("علي")
_MOVEMENT = fold("حركة")
_TRAFFIC = frozenset(fold(w) for w in (
    "العمال", "البضائع", "السلع", "المرور", "السير", "الملاحة", "التجارة", "الطيران", "النقل", "المسافرين",
    "الأفراد", "الأموال", "التداول", "الأسواق", "السفن", "الشاحنات", "القطارات", "البيع", "الشراء"))
_BOARD = frozenset(fold(w) for w in ("الإدارة", "إدارة", "الأمناء", "أمناء", "المديرين"))
_DAYS = frozenset(fold(w) for w in (
    "اليوم", "أمس", "الغد", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"))


_RELATIVE_PREPOSITIONS = frozenset(fold(w) for w in ("في", "من", "على", "عن", "إلى", "بين"))
_WORKING = frozenset(fold(w) for w in ("العاملة", "العامل", "الناشطة", "الناشط", "الرائدة", "الرائد"))


def _describing_participle(f: str) -> bool:
    """«المتخصصة», «المملوكة», «العاملة»: a definite participle that a preposition follows
    describes what comes before it (names end on nouns and adjectives of origin: «هيئة السوق
    المالية على» ends on a nisba, «المعنية» is a participle of that shape)."""
    return f in _WORKING or (f.startswith("الم") and len(f) >= 7 and f.endswith("ه")
                             and (not f.endswith("يه") or f == _CONCERNED))


_CONCERNED = fold("المعنية")
_AFFILIATED = frozenset(fold(w) for w in ("التابعة", "التابع"))
_QUASI = fold("شبه")
_ISLAND = frozenset(fold(w) for w in ("الجزيرة", "جزيرة"))


def _closed_name(s: int, e: int, folded: list[str], words: list[str], lex: Lexicon) -> bool:
    """«عباس كامل ومدير …», «عباس كامل،»: a given name and an indefinite word that a comma or «و»
    closes is a two-part name; a verb or an object would go on («خليفة درس في …»)."""
    return e - s == 2 and folded[s] in lex.first_names and not folded[e - 1].startswith("ال") \
        and not looks_like_verb(folded[e - 1]) and (
            e == len(words) or not is_word(words[e]) or (folded[e].startswith("و") and is_title(folded[e])))


def _surname_nisba(i: int, s: int, folded: list[str], lex: Lexicon) -> bool:
    """«ناصر كنعاني», «علي باقري»: an adjective of nationality *without* the article right
    after a name word agrees with nothing (a proper name is definite), so it is a family name."""
    f = folded[i]
    return i > s and not f.startswith("ال") and not is_title(f) and is_nationality(f, lex) and (
        folded[i - 1] in lex.first_names or folded[i - 1] in lex.per_tokens)


def _given_name_nisba(i: int, s: int, folded: list[str], lex: Lexicon) -> bool:
    """«اللاعب مصطفى العربي», «الفنان محمد المصري»: a definite nationality right after a lone given
    name is its family name. Arabic puts a person's nationality before the name («اللاعب المصري
    محمد صلاح»), and a given name alone is no one the nationality could describe. Not after a
    place noun: «ميناء جيهان التركي» is a port of Turkey."""
    f = folded[i]
    return i == s + 1 and folded[s] in lex.first_names and f.startswith("ال") and f.endswith("ي") \
        and is_nationality(f, lex) and not is_title(folded[s]) and not (s and folded[s - 1] in LOCATIVES)


def wrong_article(f: str, lex: Lexicon) -> bool:
    """«البوتان» (butane) is not «بوتان» (Bhutan): a place name either always takes the
    article («العراق») or never does, so a definite form of a place the lexicon only knows
    without it is another word."""
    b = bare(f)
    return b.startswith("ال") and len(b) >= 5 and b not in lex.loc and b[2:] in lex.loc


# Definite heads that, followed by a nationality adjective, name a state institution:
# «الجيش الليبي», «البرلمان الليبي», «الجيش الوطني الليبي».
STATE_HEADS = frozenset(fold(w) for w in ("الجيش", "الشرطة", "البرلمان", "الحرس", "الكونغرس", "المنتخب"))
_STATE_FILLERS = frozenset(fold(w) for w in ("الوطني", "الوطنية", "الوطنى"))


def _named_by_purpose(s: int, e: int, folded: list[str], lex: Lexicon) -> bool:
    """Is the organisation ``s:e`` named by the purpose that follows it? A definite body described
    as national (or by its region or nationality: «البنك الأفريقي» + «للتنمية», «للمكتب الوطني» +
    «للسكك الحديدية»), or a body in construct of three words or more («منظمة البلدان المصدرة» +
    «للبترول»)."""
    head = bare(folded[s])
    if e - s >= 2 and folded[e].startswith("ل") and head.startswith("ال") and head[2:] in _PURPOSE_HEADS \
            and head not in _NOT_PURPOSE_HEADS and folded[e - 1].startswith("ال") \
            and (folded[e - 1] in _BODY_ADJECTIVES or is_nationality(folded[e - 1], lex) or folded[e - 1] in _REGIONAL):
        return True
    return e - s >= 3 and folded[e].startswith("لل") and head in _PURPOSE_HEADS and folded[e - 1].startswith("ال")


_FREEING = frozenset(fold(w) for w in ("تحرير", "التحرير"))
# institutions with a seat: named after a place, they are not the place
_SEATED = frozenset(fold(w) for w in ("جامعة", "الجامعة", "معهد", "المعهد", "كلية", "مستشفى", "أكاديمية"))


def org_edges(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Grow ORG spans over a preceding head («حكومة» + «الوفاق الوطني») and a trailing
    nationality adjective («البنك المركزي» + «الليبي»); add «الجيش [الوطني] الليبي»;
    join a bare head to the ORG piece right after it («والبنك» + «الأهلي»)."""
    spans = _join_heads(spans, folded)
    # «للاتحاد الفرنسي كريم بنزيمة»: a nationality right before a person describes the person
    person_starts = {s for s, _, typ in spans if typ == "PER"}
    loc_at = {s: e for s, e, typ in spans if typ == "LOC"}
    freed: set[int] = set()
    seats: list[Span] = []
    covered = set()
    for s, e, _ in spans:
        covered.update(range(s, e))
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG":
            if s > 0 and s - 1 not in covered and in_class(folded[s - 1], CONSTRUCT_HEADS) \
                    and not in_class(folded[s - 1], _BLOCS):  # «كتلة تيار المستقبل»: the party's bloc
                s -= 1
            # a trailing adjective of nationality belongs to the name after a definite word
            # («البنك المركزي الليبي», «وزارة الدفاع الروسية»), except after a complete
            # construct name: in «حكومة الوفاق الوطني الليبية» it describes, as it does
            # after a proper name («بيونتيك الألمانية», «شركة هواوي الصينية», «الزمالك المصري»)
            while e < len(words) and e not in covered and is_nationality(folded[e], lex) \
                    and folded[e].startswith("ال") and ((e - s >= 2 and bare(folded[e - 1]).startswith("ال")) or (
                        e - s == 1 and in_class(folded[s], ORG_HEADS))) and e + 1 not in person_starts:
                e += 1
            # (but after a definite noun, the nationality is the body's own: «منظمة أبحاث الفضاء
            # الهندية»; not after a proper name, «شركة جنرال إلكتريك الأمريكية», or an adjective; the
            # article is read as written: folded, «إلكتريك» opens with «ال» too)
            while e - s > 3 and in_class(folded[s], CONSTRUCT_HEADS) and is_nationality(folded[e - 1], lex) \
                    and not (words[e - 2].startswith("ال") and not folded[e - 2].endswith(("ي", "يه"))):
                e -= 1
            # «المنظمة العالمية للأرصاد» + «الجوية»: the adjective of a «لل» complement is in the name
            if e < len(words) and e not in covered and folded[e - 1].startswith("لل") \
                    and folded[e].startswith("ال") and folded[e].endswith(("يه", "ي")) and folded[e] not in STOP \
                    and not (e + 1 in person_starts and is_nationality(folded[e], lex)):
                e += 1
            if e < len(words) and e not in covered and _named_by_purpose(s, e, folded, lex) \
                    and not _curated((bare(folded[s]), *folded[s + 1:e])) \
                    and (end := _purpose_end(e, folded, lex)) and not covered.intersection(range(e, end)):
                e = end  # (a curated name is whole: «والبنك الدولي لمنح الاقتصادات الناشئة صوتا» is a clause)
            if e - s >= 3 and bare(folded[s]) in _SEATED and folded[e - 1][:1] == "ب" \
                    and folded[e - 1][1:] in lex.loc and folded[e - 1] not in lex.loc:
                seats.append((e - 1, e, "LOC"))
                e -= 1  # «جامعة كولومبيا بنيويورك»: the university, and the city it is in
            if e - s > 1 and _known_place(folded[s:e], lex) and bare(folded[s]) not in _SEATED:
                typ = "LOC"  # «قناة» + «السويس» is the waterway, not a channel (but «جامعة شيكاغو» is a university)
            elif e in loc_at and bare(folded[e - 1]) in _FREEING:
                freed.add(e)
                e = loc_at[e]  # «حركة جيش تحرير» + «السودان»: the land it is to free is in the name
        out.append((s, e, typ))
    if freed:
        out = [x for x in out if not (x[2] == "LOC" and x[0] in freed)]
    out += seats
    for i, f in enumerate(folded):
        if i in covered or not in_class(f, STATE_HEADS):
            continue
        j = i + 1
        while j < len(folded) and folded[j] in _STATE_FILLERS:
            j += 1
        if j < len(folded) and j not in covered and is_nationality(folded[j], lex) and folded[j].startswith("ال"):
            out.append((i, j + 1, "ORG"))
            covered.update(range(i, j + 1))
    return sorted(out)


def detach_heads(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«للوكالة رافائيل غروسي»: a definite head cannot open a construct name, so an ORG span
    that runs from one into indefinite name words is the head (context) and a person's
    name; the name stays if it has two name-like words, as a person."""
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG" and e - s >= 3 and bare(folded[s]).startswith("ال") and in_class(folded[s], ORG_HEADS) \
                and not folded[s + 1].startswith(("ال", "ل")) \
                and all(name_like(folded[i], words[i], lex) for i in range(s + 1, e)):
            out.append((s + 1, e, "PER"))
        else:
            out.append((s, e, typ))
    return out


def dual_heads(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«حركتا فتح وحماس», «شركتي أرامكو وتوتال»: a head in the dual names two bodies, so the
    span is the two names, without the head and split at the «و» of the second."""
    out: list[Span] = []
    for s, e, typ in spans:
        f = bare(folded[s])
        if typ != "ORG" or e - s < 3 or not (f.endswith(("تا", "تي")) and f[:-2] + "ه" in CONSTRUCT_HEADS
                                              or f in _DUAL_PARTIES):
            out.append((s, e, typ))
            continue
        cut = next((k for k in range(s + 2, e) if folded[k].startswith("و") and len(folded[k]) >= 4), None)
        out.extend([(s + 1, cut, typ), (cut, e, typ)] if cut else [(s + 1, e, typ)])
    return out


_DUAL_PARTIES = frozenset(fold(w) for w in ("حزبا", "حزبي"))


def _join_heads(spans: list[Span], folded: list[str]) -> list[Span]:
    out: list[Span] = []
    for sp in sorted(spans):
        if out and out[-1][2] == "ORG" == sp[2] and out[-1][1] == sp[0] and out[-1][1] - out[-1][0] == 1 \
                and in_class(folded[out[-1][0]], ORG_HEADS):
            out[-1] = (out[-1][0], sp[1], "ORG")
        else:
            out.append(sp)
    return out


def split_glued(spans: list[Span], folded: list[str], doc_words: set[str]) -> list[Span]:
    """End a PER span at an inner word that is another name behind a clitic
    («حفتر للافروف»: «لافروف» also stands alone in the document)."""
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER":
            for i in range(s + 1, e):
                f = folded[i]
                if any(f.startswith(c) and f[len(c):] in doc_words for c in ("لل", "ول", "وب", "ل", "ب", "و", "ف")
                       if len(f) - len(c) >= 3):
                    e = i
                    break
        out.append((s, e, typ))
    return out


# Diseases and pathogens in the news look like foreign names to a 2007 newswire model
# («فيروس كورونا», «متحور أوميكرون»); they are none of PER, LOC, ORG.
NOT_NAMES = frozenset(fold(w) for w in (
    "كورونا", "كوفيد", "أوميكرون", "اوميكرون", "إيبولا", "ايبولا", "زيكا", "سارس", "ميرس",
    "الإيدز", "الايدز", "إنفلونزا", "انفلونزا", "الكوليرا", "كوليرا", "جدري", "الملاريا", "ملاريا"))


# what names a disease or a pathogen before its name: the span it opens is no entity
_DISEASE_HEADS = frozenset(fold(w) for w in ("فيروس", "متحور", "متحورة", "سلالة", "جائحة", "وباء", "حمى"))


def _disease_head(word: str) -> bool:
    """«فيروس», «وفيروس»: (tried as written first: «فيروس» opens with a letter that could be a clitic)."""
    f = fold(word)
    return f in _DISEASE_HEADS or bare(f) in _DISEASE_HEADS


def drop_noise(spans: list[Span], words: list[str]) -> list[Span]:
    """Drop spans made only of lower-case Latin words («news-picture» debris), the name of a
    disease (:data:`NOT_NAMES`, a clitic allowed: «بكورونا»; or after «فيروس»), a currency after an amount
    («6.1 مليار ريال», «53 مليار درهم»: not Real Madrid, not a place), a month written as a date
    («نيسان/أبريل 2022»: not the carmaker), or a counted noun after a number («أكبر 14 بنكا»)."""
    return [sp for sp in spans if not all(w.isascii() and w.islower() for w in words[sp[0]:sp[1]])
            and not (sp[1] - sp[0] == 1 and _not_a_name(words[sp[0]]))
            and not _disease_head(words[sp[0]])
            and not (sp[1] - sp[0] == 1 and sp[0] > 0 and fold(words[sp[0]]) in CURRENCIES
                     and _is_amount(words[sp[0] - 1]))
            and not (sp[1] - sp[0] == 1 and _month_in_date(sp[0], words))
            and not (sp[1] - sp[0] == 1 and sp[0] > 0 and _counted_noun(words[sp[0]], words[sp[0] - 1]))]


_MONTHS = frozenset(fold(m) for m in GREGORIAN_MONTHS)
_PLACE_PLURALS = frozenset(fold(w) for w in ("الولايات", "المحافظات", "الأقاليم", "المدن", "البلدان", "الدول"))


_THE_KINGDOM, _HASHEMITE = fold("المملكة"), fold("الهاشمية")
_REGION = frozenset(fold(w) for w in ("جهة", "لجهة", "بجهة"))  # not «وجهة»: a destination
_AND_REGION = fold("وجهة")


def _places_run(k: int, folded: list[str], lex: Lexicon, at: dict[int, int]) -> int:
    """End of a run of places from ``k`` (a tagged place or a known one of one or two words)."""
    n = len(folded)
    while k < n:
        if k in at:
            k = at[k]
        elif k + 1 < n and (folded[k], folded[k + 1]) in lex.loc_multi:
            k += 2
        elif folded[k] in lex.loc and not folded[k].startswith("و"):
            k += 1
        else:
            break
    return k


def moroccan_regions(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«جهة الرباط سلا القنيطرة», «جهة الدار البيضاء سطات», «مجلس جهة مراكش آسفي»: a Moroccan region is
    named by «جهة» and the two or three cities it joins; the cities run together are one place (and
    «وجهة» is a destination, not «و» + «جهة»)."""
    at = {s: e for s, e, typ in spans if typ == "LOC"}
    covered = covered_tokens(spans, len(folded))
    out = list(spans)
    region_end = -1
    for i in range(len(folded) - 2):
        # («وجهة» after a region is the next region: «جهة الرباط سلا القنيطرة وجهة الدار البيضاء سطات»)
        if not (folded[i] in _REGION or (folded[i] == _AND_REGION and region_end == i)) or covered[i]:
            continue
        end = _places_run(i + 1, folded, lex, at)
        first = at.get(i + 1, i + 3 if (folded[i + 1], folded[i + 2]) in lex.loc_multi else i + 2)
        if end > first:  # two places at least
            out = [sp for sp in out if not (i < sp[0] and sp[1] <= end)] + [(i, end, "LOC")]
            region_end = end
    return sorted(out) if out != spans else spans


_PLACE_COUNCIL_NOUNS = frozenset(fold(w) for w in (
    "محافظة", "جهة", "ولاية", "بلدية", "مدينة", "إقليم", "قضاء", "ناحية", "مقاطعة", "بلدة", "قرية"))
_LOCAL_COUNCIL_KINDS = frozenset(fold(w) for w in (
    "البلدي", "الشعبي", "الولائي", "الإقليمي", "الجهوي", "المحلي", "الإداري"))
_THE_COUNCIL = fold("المجلس")
_COMMAND, _OPERATIONS = fold("قيادة"), fold("عمليات")


def _council_place_end(j: int, folded: list[str], loc_end: dict[int, int], clitic: str) -> int | None:
    """End of the place a council is named by at ``j``: a place noun before a place («محافظة البصرة»),
    a place that opens with that noun («جهة مراكش آسفي»), or (with ``clitic`` «ل») a place right after it."""
    if j >= len(folded) or split_clitic(folded[j])[0] != clitic:
        return None
    noun = bare(folded[j]) if clitic else folded[j]
    if noun in _PLACE_COUNCIL_NOUNS:
        return loc_end.get(j + 1) or loc_end.get(j)
    return loc_end.get(j) if clitic else None


def place_councils(spans: list[Span], folded: list[str]) -> list[Span]:
    """«مجلس محافظة البصرة», «مجلس جهة مراكش آسفي», «المجلس البلدي لمحافظة ظفار», «المجلس الشعبي
    الولائي لتندوف», and Iraq's «قيادة عمليات الأنبار»: a council or a command named by the place it
    governs is an organisation of its own (so the news gold has them), the place within its name
    included. A council of no place («مجلس النواب», «المجلس البلدي» alone) stays what the other rules
    made of it."""
    loc_end = {s: e for s, e, typ in spans if typ == "LOC"}
    if not loc_end:
        return spans
    added: list[Span] = []
    for i, f in enumerate(folded):
        b = bare(f)
        if b == _COUNCIL:  # «مجلس محافظة نينوى»
            end = _council_place_end(i + 1, folded, loc_end, "")
        elif b == _COMMAND and i + 1 < len(folded) and folded[i + 1] == _OPERATIONS:
            end = loc_end.get(i + 2)  # «قيادة عمليات الأنبار»: the army's command of a province
        elif b == _THE_COUNCIL:  # «المجلس البلدي لمدينة طرابلس»
            j = i + 1
            while j < len(folded) and folded[j] in _LOCAL_COUNCIL_KINDS:
                j += 1
            end = _council_place_end(j, folded, loc_end, "ل") if j > i + 1 else None
        else:
            continue
        if end and not any(s < i < e or s < end < e for s, e, _ in spans):
            added.append((i, end, "ORG"))
    if not added:
        return spans
    inside = {sp for sp in spans for s, e, _ in added if s <= sp[0] and sp[1] <= e}
    return sorted([sp for sp in spans if sp not in inside] + added)


def kingdom_names(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«المملكة المغربية», «المملكة الأردنية الهاشمية»: «المملكة» + the country's adjective is the
    country. (A state noun before the country's own name, «سلطنة عمان», «دولة الكويت», is left as the
    tagger reads it: ANERcorp tags the country alone, the news gold the formal name; CV 0.748 → 0.745.)"""
    covered = covered_tokens(spans, len(folded))
    n = len(folded)
    out = list(spans)
    for i in range(n - 1):
        if bare(folded[i]) != _THE_KINGDOM or not folded[i + 1].endswith("يه") \
                or not is_nationality(folded[i + 1], lex):
            continue
        end = i + 3 if i + 2 < n and folded[i + 2] == _HASHEMITE else i + 2
        if not covered[i] and not covered[i + 1]:
            out.append((i, end if end == i + 2 or not covered[i + 2] else i + 2, "LOC"))
        elif (orgs := [sp for sp in out if sp[2] == "ORG" and sp[0] <= i and end <= sp[1]]) \
                and all(sp[1] == end for sp in orgs):
            # «وزار الملك المملكة الأردنية الهاشمية»: the tagger read the king and his kingdom as a body
            out = [sp for sp in out if sp not in orgs] + [(i, end, "LOC")]
    return sorted(out) if out != spans else spans


def not_places(spans: list[Span], folded: list[str]) -> list[Span]:
    """«في عدد من الولايات»: a plural place noun alone is no place (the gazetteer holds «الولايات»
    for «الولايات المتحدة», so the rules that read it may tag it; this runs last). Nor is «رياض»
    (gardens) in «رياض الأطفال», kindergartens: Riyadh is «الرياض»; nor a continent in the name of
    its tournament («كأس أمم إفريقيا»); nor «العهد» in «ولي العهد» (the crown prince); nor «سيول» in a
    storm («أمطار غزيرة وسيول جارفة»: torrents, not Seoul); nor a square or a street in construct with
    its name («في ميدان الشهداء»); nor «السعودية»
    after a definite noun, where it is the adjective «Saudi» («الرياضة السعودية», «السلطات السعودية»:
    a feminine noun or a plural in «ات», as the adjective agrees; «زار الوزير السعودية» is a visit),
    unless the noun names the country itself («المملكة العربية السعودية», «الشقيقة السعودية»)."""
    n = len(folded)
    return [sp for sp in spans if not (sp[2] == "LOC" and sp[1] - sp[0] == 1 and (
        bare(folded[sp[0]]) in _PLACE_PLURALS
        or (bare(folded[sp[0]]) == _GARDENS and sp[1] < n and folded[sp[1]] == _CHILDREN)
        or (sp[0] and bare(folded[sp[0] - 1]) in _TOURNAMENTS and bare(folded[sp[0]]) in _CONTINENTS)
        or (folded[sp[0]] == _THE_COVENANT and sp[0] and folded[sp[0] - 1].endswith(_GUARDIAN))  # «ولي العهد»
        or (bare(folded[sp[0]]) == _SEOUL and _weather_around(sp[0], folded))  # «أمطار غزيرة وسيول جارفة»
        or (bare(folded[sp[0]]) in _URBAN_NOUNS and sp[1] < n and folded[sp[1]].startswith("ال"))  # «ميدان الشهداء»
        or (folded[sp[0]] == _SAUDI and sp[0] and folded[sp[0] - 1].startswith("ال")
            and folded[sp[0] - 1].endswith(("ه", "ات")) and folded[sp[0] - 1] not in _SAUDI_APPOSITIVES)))]


def city_clubs(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«فاز على باتشوكا المكسيكي», «تعادل مع ريال مدريد الإسباني»: a place with a masculine adjective of
    nationality after it is a club — a city is feminine («مدريد الإسبانية»), the adjective agrees with
    the «نادي» or «فريق» left unsaid. Only where no noun governs the place: in «ميناء حيفا الإسرائيلي»
    the adjective is the port's. «المغرب العربي» and «الخليج العربي» are regions."""
    n = len(folded)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "LOC" and e - s == 1 and e < n and in_class(folded[s], ORG_HEADS) and is_nationality(folded[e], lex):
            # «في الاتحاد السعودي لكرة القدم» (the tagger read «الاتحاد» as a place): the nation's federation
            e += 1
            out.append((s, (_purpose_end(e, folded, lex) or e) if e < n else e, "ORG"))
            continue
        if typ == "LOC" and e < n and e - s <= 3 and (s == 0 or folded[s - 1] in STOP or not is_word(words[s - 1])) \
                and _masculine_nationality(folded[e], lex):
            typ = "ORG"
        if typ == "LOC" and out and out[-1][1] == s and out[-1][1] - out[-1][0] == 1 \
                and bare(folded[s - 1]) in _CLUB_OPENERS:
            out[-1] = (out[-1][0], e, "ORG")  # «أتلتيك» + «بلباو», «سبورتنغ» + «لشبونة»: the city is the club's name
            continue
        out.append((s, e, typ))
    return out


# words that open a European or Latin American club's name before its city
_CLUB_OPENERS = frozenset(fold(w) for w in (
    "أتلتيك", "أتلتيكو", "ريال", "سبورتنغ", "سبورتينغ", "ديبورتيفو", "إنتر", "أولمبيك", "دينامو", "سبارتاك",
    "لوكوموتيف", "رابيد", "ستاندار", "باريس"))


def _masculine_nationality(f: str, lex: Lexicon) -> bool:
    return f.startswith("ال") and f.endswith("ي") and f not in _REGION_ADJECTIVES and is_nationality(f, lex)


_REGION_ADJECTIVES = frozenset(fold(w) for w in ("العربي", "الإسلامي", "الأوسط", "الأقصى"))


def everyday_edges(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """A person's name neither opens with the Saudi king's title («خادم الحرمين الشريفين»), nor with a
    preposition and an everyday noun («بهدفي سالم الدوسري»:
    "with the two goals of") or with a preposition and a nationality («خلف البرتغالي …», though
    «خلف» is also a given name), nor ends on a verb in the plural («قادة مجموعة بريكس قرروا»):
    words at least as common without the clitic as with it (Zipf 3), that no lexicon knows as a name.
    An organisation's name ends before a time («نادي الاتحاد مساء الخميس»)."""
    out = []
    n = len(folded)
    for s, e, typ in spans:
        if typ == "PER" and e - s >= 2 and ((words[e - 1] in _TRAILING_PREPOSITIONS and (
                words[e - 1] != "امام" or (e < n and folded[e].startswith("ال")))) or (
                words[e - 1].endswith("ه") and len(words[e - 1]) >= 5 and _owned_noun(words[e - 1])
                and not _known_name_word(folded[e - 1], lex))):
            e -= 1  # «وقال مودي أمام أنصاره», «واحتفظ مودي بمقعده»: a preposition or a noun after the name
        if typ == "PER" and bare(folded[s]) == _SERVANT and s + 1 < n and folded[s + 1] == _TWO_HOLY_MOSQUES:
            s += 3 if s + 2 < n and folded[s + 2] == _HONOURED else 2  # «خادم الحرمين الشريفين»: the king's title
            if s >= e:
                continue
        if typ == "PER" and e - s == 2 and words[e - 1].endswith("ه") and len(words[e - 1]) >= 4 \
                and table().get(folded[e - 1]) >= _RARE_SURNAME and table().get(folded[e - 1][:-1]) >= _UNCOMMON \
                and not _known_name_word(folded[e - 1], lex):
            continue  # «الغزواني، رفيق دربه»: a noun and another in construct with its pronoun ("his companion")
        if typ in ("PER", "ORG") and e - s == 1 and out and out[-1][2] == "LOC" and out[-1][1] == s \
                and folded[s].startswith("و") and _listed_after_places(out, folded):
            typ = "LOC"  # «في مقاطعات كورسك وبيلغورود وبريانسك» (the list the tagger read as persons)
        if typ == "ORG" and e - s >= 4 and (k := next((k for k in range(s + 2, e - 1) if words[k][:1] == "و"
                                                      and words[k].endswith("ه")
                                                      and _owned_noun(words[k], _RARE_SURNAME)), None)):
            # «الاتحاد الديمقراطي المسيحي وحليفه البافاري الاتحاد الاجتماعي المسيحي»: two parties and «its ally»
            j = k + 1
            while j < e and folded[j].startswith("ال") and (is_nationality(folded[j], lex) or folded[j].endswith("ي")):
                j += 1
            out.append((s, k, typ))
            s = j
            if s >= e:
                continue
        if typ == "ORG" and e - s >= 2 and not _curated((bare(folded[s]), *folded[s + 1:e])):
            # «قدّم نادي الاتحاد مساء الخميس مهاجمه»: a time ends the name (but «روسيا اليوم» is a channel)
            e = next((k for k in range(s + 1, e) if folded[k] in _TIMES_OF_DAY or bare(folded[k]) in _DAYS), e)
        if typ == "PER" and e - s >= 3 and _everyday_after_preposition(folded[s], lex):
            s += 1
        if typ == "PER" and e - s >= 2 and words[s].endswith("ه") and len(words[s]) >= 4 \
                and _owned_noun(words[s]) and not _known_name_word(folded[s], lex):
            s += 1  # «خلال لقائه الأسد», «ولقائه الأسد»: a noun with its pronoun before a name
        if typ == "PER" and e - s >= 3 and folded[s] in _ADVERBIAL_PREPOSITIONS and is_nationality(folded[s + 1], lex):
            s += 2  # «… الهدافين لريال مدريد خلف البرتغالي كريستيانو رونالدو»: "behind the Portuguese"
        if typ == "PER" and e - s >= 2 and folded[e - 1].endswith("وا") and len(folded[e - 1]) >= 5 \
                and table().get(folded[e - 1]) >= _RARE_SURNAME and not _known_name_word(folded[e - 1], lex):
            e -= 1
        out.append((s, e, typ))
    return out


_SERVANT, _TWO_HOLY_MOSQUES, _HONOURED = fold("خادم"), fold("الحرمين"), fold("الشريفين")


def _owned_noun(word: str, floor: int = _UNCOMMON) -> bool:
    """An everyday noun with the pronoun «ه» («لقائه», «ولقائه»: the hamza's seat changes before it)."""
    stem = word[:-1]
    stems = {stem, stem[:-1] + "ء" if stem.endswith("ئ") else stem}
    stems |= {x[1:] for x in stems if x[:1] in ("و", "ف", "ب", "ل") and len(x) > 3}
    return max(table().get(fold(x)) for x in stems) >= floor


def _with_pronoun(word: str, floor: int = _UNCOMMON) -> bool:
    """An everyday noun with a possessive pronoun: «حواراته», «شركاتها», «منافستها» (its «ة» written «ت»)."""
    if word.endswith("ه"):
        return _owned_noun(word, floor)
    for suffix in ("هما", "هم", "ها"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            stems = {stem, stem[:-1] + "ة"} if stem.endswith("ت") else {stem}
            stems |= {x[1:] for x in stems if x[:1] in ("و", "ف", "ب", "ل") and len(x) > 3}
            return max(table().get(fold(x)) for x in stems) >= floor
    return False


def _everyday_after_preposition(f: str, lex: Lexicon) -> bool:
    clitic, stem = split_clitic(f)
    return clitic in ("ب", "ل", "ك") and len(stem) >= 3 and not _known_name_word(f, lex) \
        and not _known_name_word(stem, lex) and table().get(stem) >= max(_RARE_SURNAME, table().get(f))


def _known_name_word(f: str, lex: Lexicon) -> bool:
    return f in lex.first_names or f in lex.per_tokens or f in lex.loc


_SAUDI = fold("السعودية")
_SEOUL = fold("سيول")  # Seoul, and the torrents of a storm
# squares, streets and markets in construct with their name: GeoNames holds towns called «ميدان» or «سوق»
_URBAN_NOUNS = frozenset(fold(w) for w in ("ميدان", "ساحة", "شارع", "سوق", "دوار", "جسر"))
_WEATHER = frozenset(fold(w) for w in (
    "أمطار", "الأمطار", "غزيرة", "الغزيرة", "جارفة", "الجارفة", "فيضانات", "الفيضانات", "عواصف", "رعدية", "والسيول"))


def _weather_around(i: int, folded: list[str]) -> bool:
    return any(0 <= k < len(folded) and bare(folded[k]) in _WEATHER | {bare(f) for f in _WEATHER}
               for k in (i - 2, i - 1, i + 1))
_THE_COVENANT, _GUARDIAN = fold("العهد"), fold("ولي")
_SAUDI_APPOSITIVES = frozenset(fold(w) for w in ("العربية", "المملكة", "الشقيقة", "الجارة", "الحليفة", "الشريكة"))


_GARDENS, _CHILDREN = fold("رياض"), fold("الأطفال")
# a continent inside a tournament's name is the tournament's: «كأس أمم إفريقيا», «دوري أبطال أوروبا»
# (ANERcorp tags the continent there; the news gold, like a reader faceting on places, does not)
_TOURNAMENTS = frozenset(fold(w) for w in ("أمم", "أبطال", "كأس"))
_CONTINENTS = frozenset(fold(w) for w in ("أفريقيا", "إفريقيا", "افريقيا", "آسيا", "أوروبا", "اوروبا", "أمريكا",
                                          "أميركا", "أوقيانوسيا"))


def _month_in_date(i: int, words: list[str]) -> bool:
    """A month name with a day before it or a year, a second month or a bracket after it."""
    f = fold(words[i])
    if f not in _MONTHS and not (len(f) > 4 and f[0] in "وبل" and f[1:] in _MONTHS):
        return False
    after = words[i + 1] if i + 1 < len(words) else ""
    return (i > 0 and words[i - 1].isdigit()) or after in ("/", "(") or (after.isdigit() and len(after) == 4)


def _counted_noun(word: str, before: str) -> bool:
    """«14 بنكا», «329 مقعدا»: an indefinite accusative noun counted by the number before it."""
    f = fold(word)
    return before.isdigit() and not 1000 <= int(before) <= 2100 and len(f) >= 4 and f.endswith("ا") \
        and not split_clitic(f)[0].endswith("ال") and not f.startswith("ال")  # (not «عام 1856 بالنمسا»)


CURRENCIES = frozenset(fold(w) for w in (
    "ريال", "درهم", "دينار", "جنيه", "ليرة", "دولار", "يورو", "روبل", "يوان", "ين", "فرنك", "شيكل", "أوقية", "روبية",
    "كرونة", "كرون", "بيزو"))
_MAGNITUDES = frozenset(fold(w) for w in ("ألف", "آلاف", "مليون", "ملايين", "مليار", "مليارات", "تريليون"))


def _is_amount(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or fold(word) in _MAGNITUDES


@lru_cache(maxsize=50_000)
def _not_a_name(word: str) -> bool:
    f = fold(word)
    return f in NOT_NAMES or bare(f) in NOT_NAMES


_NISBA_FAMILY = 40  # Zipf × 10: «الشمري», «التميمي»; not «الدولي» (54), «الأمني» (45)
_NAME_LINKS = frozenset(fold(w) for w in ("عبد", "أبو", "ابو", "أبي", "بن", "ابن", "آل", "ولد", "بنت"))
_ABD = fold("عبد")
_SONS_OF = frozenset(fold(w) for w in ("بن", "ابن", "بنت", "ولد"))
_DAUGHTER_OF = fold("بنت")


# institution heads beyond the model's ORG_HEADS feature list (rules only)
_MORE_HEADS = frozenset(fold(w) for w in ("جهاز", "الجهاز", "بعثة", "البعثة", "مؤسسة", "المؤسسة", "مكتب"))


def _foreign_w_name(f: str, lex: Lexicon) -> bool:
    """A word in «و» that neither is nor hides a word anyone knows: no clitic «و» but the name's
    first letter («ويتكوف», «وولفويتز»; «وليامز», common in the news, whose «ليامز» is no word at all)."""
    stem = f[1:]
    freq = table()
    return stem not in lex.common and stem not in lex.loc and stem not in lex.first_names \
        and stem not in lex.per_tokens and stem not in STOP and f not in lex.common \
        and freq.get(stem) < _RARE_SURNAME and (freq.get(f) < _RARE_SURNAME or freq.get(stem) < _RARE)


def _letter_not_clitic(f: str, word: str, lex: Lexicon) -> bool:
    """«جو بايدن»: after a given name, a word that opens with «ب/ل/ك» whose remainder is no
    word the lexicon knows and a rare one in general («ايدن») keeps its first letter: it is
    the surname («و» is left out: «عوض وديعة» is a name and a noun)."""
    clitic, stem = split_clitic(f)
    return is_arabic(word) and clitic in ("ب", "ل", "ك", "ف") and len(stem) >= 3 and stem not in lex.common \
        and stem not in lex.loc and stem not in lex.first_names and stem not in lex.per_tokens \
        and stem not in STOP and table().get(stem) < _UNCOMMON and not looks_like_verb(f) \
        and not (stem.endswith(("ها", "هم")) and table().get(stem) >= _RARE)  # «فتابعها»: a verb and its object


_RARE_SURNAME = 30  # Zipf × 10
# Moroccan and Tunisian honorifics before a royal or saint's name: not part of it (ANERcorp: «مولاي رشيد» → «رشيد»)
_HONORIFICS = frozenset(fold(w) for w in ("مولاي", "سيدي", "لالة"))
_ROYAL_TITLES = frozenset(fold(w) for w in ("الملك", "الأمير", "الشيخ", "السلطان", "الإمام", "الأميرة", "الملكة",
                                             "الشيخة"))


def _rare_surname(f: str, word: str, lex: Lexicon) -> bool:
    """«هاكان فيدان», «ياعيل لمبرت»: after a rare given name in a title chain, a whole word rarer
    than Zipf 3 that opens with a clitic letter is a foreign surname, not «ف» + «يدان»."""
    return is_arabic(word) and len(f) >= 4 and f not in lex.common and f not in lex.loc and f not in STOP \
        and not is_trigger(f, lex) and not looks_like_verb(f) and table().get(f) < _RARE_SURNAME \
        and not (f.endswith(("ها", "هم")) and table().get(split_clitic(f)[1]) >= _RARE)  # «فتابعها»: «ف» + a verb


# prepositions of place and time the lexicon's STOP list leaves out: «ويوضع الرئيس السابق تحت المراقبة»
_ADVERBIAL_PREPOSITIONS = frozenset(fold(w) for w in (
    "تحت", "فوق", "خلف", "دون", "عبر", "قرب", "إزاء", "وسط", "بعد", "قبل", "قبيل", "عقب", "إثر"))
# … and «أمام» as written (folded, it is the name «إمام»: «عادل إمام»; «امام» without its hamza is «أمام»)
_BEFORE = fold("أمام")
# (not «خلف», «قرب»: family names too)
_TRAILING_PREPOSITIONS = frozenset(("أمام", "امام", "تحت", "فوق", "عبر", "إزاء", "وسط", "بعد", "قبل", "قبيل",
                                    "عقب", "إثر"))


_EVERYDAY_NISBA = 50  # Zipf × 10: «الدولي» (54), «الوطني»; family names are rarer («الشمري», «التميمي»)


def _everyday_nisba(f: str, lex: Lexicon) -> bool:
    """A definite adjective in «ـي» as frequent as «الدولي» describes a thing, it names no family:
    «مطار الملكة علياء الدولي» is the queen's airport, not a woman called «علياء الدولي»."""
    return f.startswith("ال") and f.endswith(("ي", "يه")) and f not in lex.per_tokens \
        and f not in lex.first_names and table().get(f) >= _EVERYDAY_NISBA


def name_like(f: str, word: str, lex: Lexicon, clitic_ok: bool = False) -> bool:
    """Could this word be part of a person's name? (not a function word, a frequent
    ordinary word, a title or an adjective of nationality). With ``clitic_ok``, a word that
    only looks as if it opened with a proclitic («بيغي»: «يغي» is no word) may be one."""
    if not is_arabic(word) or len(f) < 2 or f in STOP or f in _ADVERBIAL_PREPOSITIONS or is_trigger(f, lex) \
            or (f == _BEFORE and not word.startswith("إ")) \
            or looks_like_verb(f) or in_class(f, DIRECTIONS) \
            or in_class(f, ORG_HEADS) or in_class(f, _MORE_HEADS) \
            or _singular_future_verb(f, lex) or _everyday_nisba(f, lex):  # «رئيس حزب القوات», «الفريق سيبدأ»
        return False
    if split_clitic(f)[0] not in ("", "ال") and f not in lex.per_tokens and f not in lex.first_names \
            and (not clitic_ok or _real_clitic(f, word, lex)):
        return False  # «لتحرير», «وقال»: a name inside a chain carries no preposition
    return f in lex.per_tokens or f in lex.first_names or f not in lex.common


# Place nouns in construct state name the place that follows: «مدينة الزاوية» (even a place
# that is also a common word), «ميناء الحديدة», «مخيم جباليا» (with «ب», «ل», «و» in front too).
PLACE_NOUNS = ("مدينة", "عاصمة", "بلدة", "قرية", "منطقة", "محافظة", "ولاية", "إقليم", "بلدية",
               # duals and plurals open a list of places: «محافظتي معان والطفيلة», «محافظات البصرة وذي قار»
               "مدينتي", "محافظتي", "ولايتي", "بلدتي", "قريتي", "مدن", "محافظات", "ولايات", "بلدات", "قرى",
               "مقاطعة", "مقاطعتي", "مقاطعات",  # Russian, Ukrainian, Canadian provinces
               "نهر", "نهري", "جزيرة", "جزر", "جزيرتي",  # «نهري دجلة والفرات», «بجزيرة صقلية»
               "سدي")  # «سدي الموصل وحديثة»: two dams named after their towns
# a site in a place (only unambiguous names), or a gulf named after its port: «خليج العقبة»
SITE_NOUNS = ("ميناء", "مطار", "مخيم", "مضيق", "ضاحية", "معبر", "خليج", "سد")  # «سد الموصل»


def _with_clitics(nouns: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(c + n) for n in nouns for c in ("", "ب", "ل", "و"))


_PLACE_NOUNS = _with_clitics(PLACE_NOUNS)
_SITE_NOUNS = frozenset(fold(n) for n in SITE_NOUNS)
# «زلزال الحوز»: an earthquake is named after where it struck
# a city hosts: «منتدى استضافته مسقط», «تحتضن الرباط القمة»
_HOST_VERBS = frozenset(fold(c + v + o) for c in ("", "و", "ف") for v in (
    "استضافت", "تستضيف", "يستضيف", "استضاف", "احتضنت", "تحتضن", "يحتضن", "احتضن") for o in ("", "ه", "ها"))
# (a state's flag names the state: «ترفع علم بنما»; a body's seat its town: «ومقره طبرق»)
LOCATIVES = frozenset(fold(w) for w in (
    "في", "من", "إلى", "الى", "نحو", "زلزال", "علم", "بعلم", "مقره", "مقرها", "ومقره", "ومقرها")) | _PLACE_NOUNS \
    | _with_clitics(SITE_NOUNS) | _HOST_VERBS


def _place_candidate(f: str, lex: Lexicon) -> bool:
    """Could this word be (a clitic plus) a known place? Cached per word and lexicon."""
    cache = lex.memo.setdefault("place", {})
    got = cache.get(f)
    if got is None:
        stem = split_clitic(f, min_stem=4)[1]
        got = (f in lex.loc or stem in lex.loc or (f.startswith("و") and f[1:] in lex.loc)) \
            and f not in STOP and not is_nationality(f, lex)
        if len(cache) >= 50_000:
            cache.clear()
        cache[f] = got
    return got


_IDIOM_PLACES = {fold("مسقط"): fold("رأس")}
# cities that ANERcorp's few sentences leave untagged more often than not («وفي الموصل شمال العراق»,
# «معاون سجن أحداث الموصل»: O), which makes them "mostly outside names" in its lexicon; in the news
# they are the cities, and their everyday senses («الموصل» the conductor) are rare
_NEWS_CITIES = frozenset(fold(w) for w in ("الموصل", "الطائف", "بعقوبة", "البقاع"))  # (folded, «الطايف» too)


def gazetteer_places(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Tag an untagged known place after a locative word («في بنغازي», «مدينة الزاوية»)
    or behind «ب»/«ل» («ببنغازي»); ambiguous common words («الزاوية» alone) are left
    to the CRF unless the context is explicitly locative."""
    covered = set()
    for s, e, _ in spans:
        covered.update(range(s, e))
    added: list[Span] = []
    memo = lex.memo.setdefault("place", {})  # _place_candidate's own cache
    for i, f in enumerate(folded):
        cand = memo.get(f)
        if cand is None:
            cand = _place_candidate(f, lex)
        prev = folded[i - 1] if i else ""
        if any(k in f for k in _IDIOM_PLACES) and i not in covered:  # (a substring test first: cheap)
            # a capital whose name is an everyday word only in one idiom: «مسقط» but for «مسقط رأسه»
            clitic, stem = split_clitic(f, min_stem=4)
            idiom = _IDIOM_PLACES.get(stem if clitic in ("ب", "ل", "و", "وب", "ول", "") else f)
            free = idiom is not None and not (i + 1 < len(folded) and folded[i + 1].startswith(idiom))
            if free and (prev in LOCATIVES or clitic in ("ب", "ل", "وب", "ول")):
                added.append((i, i + 1, "LOC"))
                continue
        # «بجزيرة صقلية»: after a place noun, a place whose name is also an adjective of nationality
        if not (cand or (prev in _PLACE_NOUNS and f in lex.loc)) or i in covered:
            continue
        if prev not in _PLACE_NOUNS and in_class(f, ORG_HEADS):
            continue  # «من الاتحاد المغربي للشغل»: a head, whatever village GeoNames names so
        clitic, stem = split_clitic(f, min_stem=4)
        # after «في/من/إلى» a common word stays out; after «مدينة» it is a place
        # words mostly used outside names («العالم», «دولة», «الزاوية») need a place noun
        # («مدينة الزاوية»), not just a preposition
        plain = (f not in lex.ambiguous or bare(f) in _NEWS_CITIES) and f not in lex.common
        # a three-letter place that is also an everyday word («صور» pictures) only after a place
        # or site noun: short words collide; «في حمص», «إلى رفح» after a preposition too
        explicit = f in lex.loc and (len(f) >= 4 or prev in _PLACE_NOUNS or bare(prev) in _SITE_NOUNS or plain) \
            and prev in LOCATIVES and (plain or prev in _PLACE_NOUNS or (
                prev in _HOST_VERBS and f not in _PLACE_NOUNS and bare(f) not in _SITE_NOUNS))
        glued = clitic in ("ب", "ل", "وب", "ول") and stem in lex.loc and stem not in lex.common \
            and stem not in lex.ambiguous and f not in lex.common
        # «بنغازي والمناطق النفطية ودرنة»: «و» + a known place, in a list that has a place
        if clitic == "وال" or (  # «دجلة والفرات»: the place is «الفرات»
                len(clitic) == 2 and clitic[0] == "و" and stem not in lex.loc and f[1:] in lex.loc):
            clitic, stem = "و", f[1:]  # «باريس وبروكسل»: «و» + «بروكسل», not «وب» + «روكسل»
        near = i - 4
        if not clitic and len(f) == 4 and f[0] == "و":  # «إدلب وحلب»: a three-letter place right after a place
            clitic, stem, near = "و", f[1:], i
        listed = clitic == "و" and stem in lex.loc and stem not in lex.common and stem not in lex.ambiguous \
            and stem not in lex.first_names and f not in lex.common \
            and any(t == "LOC" and near <= e <= i for _, e, t in (*spans, *added[-1:])) \
            and not any(_place_sizes(i, folded, lex))  # «حمص ودير الزور»: the whole name, below
        if explicit or glued or listed:
            added.append((i, i + 1, "LOC"))
    added += _unknown_towns(covered | {s for s, _, _ in added}, folded, words, lex)  # (the added are one word each)
    spans = _new_towns(_second_of_two(sorted(spans + added), folded, words, lex), folded)
    return _directed_states(_multi_word_places(spans, folded, lex), folded)


_NEW = frozenset(fold(w) for w in ("الجديدة", "الجديد"))
_CITY = frozenset(fold(w) for w in ("مدينة", "بمدينة", "لمدينة", "ومدينة"))


def _new_towns(spans: list[Span], folded: list[str]) -> list[Span]:
    """«مدينة العلمين الجديدة», «دمياط الجديدة»: a new town built beside an old one is named
    with «الجديدة»; after «مدينة» the adjective is part of the name."""
    n = len(folded)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "LOC" and e < n and folded[e] in _NEW and s and folded[s - 1] in _CITY \
                and not any(x[0] == e for x in spans):
            e += 1
        out.append((s, e, typ))
    return out


def _second_of_two(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«مدينتي الفاشر وكادقلي المحاصرتين»: after a dual or plural town noun and a known town,
    the next town behind «و» is one too, also where the CRF read it as a person."""
    n = len(words)
    by_start = {sp[0]: sp for sp in spans}
    out = list(spans)
    for s, e, typ in spans:
        k = s + 1
        if typ != "LOC" or e != k or not s or k >= n or folded[s - 1] not in _TOWN_NOUNS \
                or bare(folded[s - 1]) in _ONE_TOWN or not folded[k].startswith("و") \
                or not _town_name(folded[k][1:], words[k][1:], lex):
            continue
        nxt = by_start.get(k)
        if nxt is None and not any(x[0] < k < x[1] for x in out):
            out.append((k, k + 1, "LOC"))
        elif nxt and nxt[2] == "PER":
            out = [x for x in out if x != nxt] + [(k, k + 1, "LOC")]
    return sorted(out)


_STATE_NOUNS = _with_clitics(("ولاية", "محافظة"))


def _directed_states(spans: list[Span], folded: list[str]) -> list[Span]:
    """«ولاية شمال دارفور», «محافظة جنوب سيناء»: after a state noun, the direction is the state's name."""
    out = []
    for s, e, typ in spans:
        if typ == "LOC" and s >= 2 and folded[s - 1] in DIRECTIONS and folded[s - 2] in _STATE_NOUNS \
                and not any(x[1] > s - 1 and x[0] < s for x in out):
            s -= 1
        out.append((s, e, typ))
    return out


# nouns of settlements (and oil and gas fields) whose complement is a place's name even when no
# gazetteer has it («مدينتي كوستي والدويم», «حقل الشرارة»); not «منطقة», «ولاية», «محافظة»:
# «منطقة عازلة», «ولاية ثانية» (a term of office)
_TOWN_NOUNS = _with_clitics((
    "مدينة", "مدينتي", "بلدة", "بلدتي", "قرية", "قريتي", "مدن", "بلدات", "قرى", "حقل", "حقلي", "حقول", "معبر", "ميناء",
    # the duals of «ولاية», «محافظة», «جزيرة» name two states or islands: «ولايتي هيرشبيلي وجلمدغ»
    "مخيم", "ولايتي", "محافظتي", "جزيرتي",
    # «جزيرة لامبيدوزا», «سواحل جبنيانة والعامرة», «مخيمات فرشانا وأبوتنقي»
    "جزيرة", "جزر", "سواحل", "مخيمات", "حوض",  # «حوض بركين»: an oil or gas basin
    "حارة",  # «حارة المنشية»: a quarter of a town
    # the districts and localities of Iraq and Lebanon («قضاء هيت», «ناحية البغدادي»), Yemen and Egypt
    # («مديرية البريقة»), Sudan («محلية تلكوك») and Tunisia («معتمدية الرقاب»); a town's quarters
    # (not «أحياء», quarters, which folds to «إحياء», a revival)
    "قضاء", "ناحية", "ناحيتي", "مديرية", "مديريتي", "محلية", "محليتي", "معتمدية",
    # rivers and camps: «نهر القاش», «نهر سبو», «بمعسكري الشجراب وود شريفي»
    "نهر", "نهري", "معسكر", "معسكري"))
# «قضاء» is also the spending of time («قضاء العطلات»): after it a word with the article must be a known place
_SPENDING = _with_clitics(("قضاء",))
# masculine ones, after which a word in «ي» is an adjective («حقل نفطي», «معبر حدودي»); after the
# feminine and dual nouns it is a name («مدينتي كوستي»)
_MASCULINE_SITES = frozenset(fold(w) for w in ("حقل", "حقلي", "معبر", "ميناء", "مخيم", "حوض", "نهر", "معسكر"))
# not a dual or plural
_ONE_TOWN = frozenset(fold(w) for w in (
    "مدينة", "بلدة", "قرية", "حقل", "معبر", "ميناء", "مخيم", "جزيرة", "حوض", "حارة", "قضاء", "ناحية", "مديرية",
    "محلية", "معتمدية", "نهر", "معسكر"))


def _unknown_towns(covered: set[int], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«مدينتي كوستي والدويم»: the name after a town noun, and the next one after a dual or plural."""
    out: list[Span] = []
    n = len(folded)
    for i in range(1, n):
        if folded[i - 1] not in _TOWN_NOUNS or i in covered or not _town_name(folded[i], words[i], lex) \
                or (folded[i].endswith("ي") and bare(folded[i - 1]) in _MASCULINE_SITES) \
                or (folded[i - 1] in _SPENDING and folded[i].startswith("ال") and folded[i] not in lex.loc):
            continue
        out.append((i, i + 1, "LOC"))
        dual = bare(folded[i - 1]) not in _ONE_TOWN
        if dual and i + 1 < n and i + 1 not in covered and folded[i + 1].startswith("و") \
                and _town_name(folded[i + 1][1:], words[i + 1][1:], lex):
            out.append((i + 1, i + 2, "LOC"))
    return out


def _town_name(f: str, word: str, lex: Lexicon) -> bool:
    """A rare word that may name a place: no adjective, verb, pronoun suffix or clitic (unless what
    follows the letter is no word: «كوستي» is not «ك» + «وستي»)."""
    return is_arabic(word) and len(f) >= 3 and f not in STOP and f not in lex.common and f not in lex.ambiguous \
        and f not in _TOWN_NOUNS and f not in _PLACE_NOUNS \
        and (split_clitic(f)[0] in ("", "ال") or table().get(split_clitic(f)[1]) < _RARE) \
        and not is_trigger(f, lex) and not looks_like_verb(f) \
        and not f.endswith(("يه", "ها", "هم")) and not (f.startswith("ال") and f.endswith("ي")) \
        and table().get(f) < _UNCOMMON \
        and (f.startswith("ال") or not word.endswith("ة"))  # «مدينة مزدهرة», «مدينة مقدسة»: adjectives


def _multi_word_places(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«في مضيق هرمز», «في هونغ كونغ»: an untagged multi-word place of the lexicon right after
    a locative word, unless it opens on a direction («شمال فرنسا»: the place is «فرنسا») or on
    an everyday word other than a site noun («العالم العربي», «العاصمة السورية»)."""
    freq = table()
    covered = covered_tokens(spans, len(folded))
    added: list[Span] = []
    n = len(folded)
    ends = {e for _, e, typ in spans if typ == "LOC"}
    memo = lex.memo.setdefault("multi_start", {})
    pairs = lex.memo.get("multi_pairs")
    if pairs is None:  # the first two words of every multi-word place
        pairs = lex.memo["multi_pairs"] = frozenset(t[:2] for t in lex.loc_multi)
    for i in range(1, n - 1):
        f = folded[i]
        forms = memo.get(f)
        if forms is None:  # the forms this word may have as a place's first word (most have none)
            firsts = lex.multi_first()
            if len(memo) >= 50_000:  # a long-running worker meets an open vocabulary
                memo.clear()
            forms = memo[f] = tuple(x for x in {f, bare(f), f[1:] if f.startswith("و") else f} if x in firsts)
        if not forms or not any((x, folded[i + 1]) in pairs for x in forms):
            continue
        # after a locative word, or next in a list of places: «البصرة وذي قار»
        listed = folded[i].startswith("و") and i in ends
        if covered[i] or in_class(folded[i], DIRECTIONS):
            continue
        if folded[i - 1] not in LOCATIVES and not listed:
            # anywhere, a place whose every word is rare and no name («بين أديس أبابا و…»)
            size = next((k for k in _place_sizes(i, folded, lex) if not any(covered[i:i + k])), 0)
            if size and all(_rare_place_word(x, lex, freq) for x in (bare(folded[i]), *folded[i + 1:i + size])):
                added.append((i, i + size, "LOC"))
                for x in range(i, i + size):
                    covered[x] = True
            continue
        # «العالم العربي», «العاصمة السورية»: a description, not a name; but many towns are named
        # by a construct of such a word («دير الزور», «كفر الشيخ», «رأس الخيمة»)
        ordinary = bare(folded[i]) not in _SITE_NOUNS and bare(folded[i]) not in _TOWN_HEADS \
            and _ordinary_word(bare(folded[i]), lex, freq)
        if ordinary and bare(folded[i]) not in _OWN_PLACE_STARTS:
            continue
        size = next((k for k in _place_sizes(i, folded, lex) if not any(covered[i:i + k])), 0)
        if size and ordinary and (bare(folded[i]), *folded[i + 1:i + size]) not in places_of_their_own():
            continue  # (but «العاصمة الإدارية الجديدة» is one)
        if size:
            added.append((i, i + size, "LOC"))
            for x in range(i, i + size):
                covered[x] = True
    return sorted(spans + added) if added else spans


def _rare_place_word(f: str, lex: Lexicon, freq: FreqTable) -> bool:
    return not f.startswith("ال") and f not in lex.common and f not in lex.ambiguous and f not in lex.first_names \
        and f not in lex.per_tokens and freq.get(f) < _UNCOMMON


def _place_sizes(i: int, folded: list[str], lex: Lexicon) -> Iterator[int]:
    """Lengths of the multi-word places of the lexicon that start at word ``i`` (its first
    word with or without proclitics), longest first; «فرنسا وإيطاليا» is none (two places)."""
    first = bare(folded[i])
    if first == folded[i] and first.startswith("و") and len(first) <= 4:
        first = first[1:]  # «وذي قار», «ودير الزور»: too short for ``bare`` (the word as written is looked up too)
    firsts = lex.multi_first()
    longest = max(firsts.get(first, 0), firsts.get(folded[i], 0))
    for size in range(min(longest, len(folded) - i), 1, -1):
        rest = tuple(folded[i + 1:i + size])
        if ((first, *rest) in lex.loc_multi or (folded[i], *rest) in lex.loc_multi) and not _coordinated(rest, lex):
            yield size


def known_places(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«خان» + «يونس», «المدينة» + «المنورة», «أفريقيا» → «جنوب أفريقيا»: the longest
    multi-word place of the lexicon over the pieces of a place the CRF found replaces them.

    Only spans the CRF already called places are grown (the lexicon's multi-word names
    include «الشرق الأوسط» and «شمال فرنسا», which are not always tagged), never over
    a person or organisation. A span that is a known place on its own stays as it is:
    in «مكة المكرمة» and «مطار دمشق الدولي» the place is «مكة» and «دمشق» (so ANERcorp
    tags them: an epithet or a facility is not part of the name). A leading
    direction joins only for a state that ``data/places.txt`` lists as a place of its own
    («جنوب السودان», «شمال دارفور»; but in «جنوب لبنان» the place is «لبنان», and that is what
    a facet should count)."""
    inner = lex.memo.get("multi_tokens")
    if inner is None:  # every word of a multi-word place: a LOC span starting elsewhere is in none
        inner = lex.memo["multi_tokens"] = frozenset(t for toks in lex.loc_multi for t in toks)
    locs = [sp for sp in spans if sp[2] == "LOC" and (folded[sp[0]] in inner or bare(folded[sp[0]]) in inner)]
    if not locs:
        return spans
    firsts = lex.multi_first()
    # a match must hold the start of a LOC span: only the few positions before one can begin it
    starts = sorted({i for s, _, _ in locs for i in range(max(0, s - lex.max_multi + 1), s + 1)
                     if folded[i] in firsts or bare(folded[i]) in firsts})
    if not starts:
        return spans
    span_at = spans_at(spans, len(words))
    replaced: set[Span] = set()
    added: list[Span] = []
    done = 0
    for i in starts:
        if i < done:
            continue
        hit = next(_place_sizes(i, folded, lex), 0)
        if not hit:
            continue
        touched = {span_at[x] for x in range(i, i + hit)} - {None}
        key = (bare(folded[i]), *folded[i + 1:i + hit])
        ok = bool(touched) and all(sp[2] == "LOC" and i <= sp[0] and sp[1] <= i + hit for sp in touched) \
            and (i, i + hit, "LOC") not in touched
        if ok and in_class(folded[i], DIRECTIONS):
            ok = key in places_of_their_own()
        elif ok and len(touched) == 1:  # «مكة المكرمة», «مطار دمشق الدولي»: the place is «مكة», «دمشق»
            (s, e, _), = touched  # (but «أرض الصومال» is not Somalia, nor «دير» + «الزور» a monastery)
            ok = not _known_place(folded[s:e], lex) or key in places_of_their_own() \
                or (s == i and not any(_epithet(t) for t in folded[e:i + hit]))
        if ok:
            replaced |= touched
            added.append((i, i + hit, "LOC"))
            done = i + hit
    if not added:
        return spans
    return sorted([sp for sp in spans if sp not in replaced] + added)


def _epithet(f: str) -> bool:
    """An epithet or a facility's adjective after a place looks like one: «المكرمة», «المنورة», «الكبرى»,
    «الدولي», or the «أفعل» of colours and sizes («النيل» + «الأزرق»); a noun in construct does not
    («دير الزور», «خان يونس»: there the name is the whole)."""
    return f.endswith(("ه", "ي", "ى")) or (f.startswith("الا") and len(f) == 6)


def places_not_persons(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """Persons that are places, and places that are titles.

    * «أعلنت مالي وبوركينا فاسو»: a multi-word span the CRF called a person that is exactly a
      known multi-word place, with no given name in it, is that place;
    * a venue named after a person is the venue («ملعب الأمير مولاي عبد الله», «مطار الملك خالد
      الدولي», «سد الملك طلال»), a crossing or port named after a place is the place;
    * a known definite place opening a person of three words or more is the seat of an office
      before its holder («سفير إيطاليا بالجزائر ألبرتو كوراتي»), and so is any known place
      before a given name («وزير خارجية جيبوتي محمود علي يوسف»);
    * a state's title tagged alone before its name is no place («وسلطنة» + «عمان»);
    * a one-word person or organisation after a place noun is a place («في منطقة الزمالك»), and
      after a dual, so is the word after «و» («مدينتي غوما وبوكافو»).
    """
    out: list[Span] = []
    loc_starts = {x[0] for x in spans if x[2] == "LOC"}
    for s, e, typ in spans:
        if typ == "PER" and e - s >= 2 and out and out[-1][2] == "LOC" and out[-1][1] == s \
                and (bare(folded[out[-1][0]]), *folded[out[-1][0] + 1:s + 1]) in lex.loc_multi:
            # «رئيس حكومة إقليم خيبر» + «بختونخوا سهيل أفريدي»: the place's second word, then the governor
            out[-1] = (out[-1][0], s + 1, "LOC")
            s += 1
        if typ == "LOC" and e - s == 1 and e in loc_starts and bare(folded[s]) in _STATE_TITLES:
            continue  # «وسلطنة» + «عمان»: the state is named by the place after its title
        if typ == "LOC" and e - s == 2 and folded[s] in lex.first_names and folded[s] not in lex.loc \
                and (folded[s], folded[s + 1]) not in lex.loc_multi and not _known_place(folded[s:e], lex):
            typ = "PER"  # «كاثرين ويلز»: a given name before a place name is a person named after it
        if typ == "PER" and e - s >= 2 and _known_place(folded[s:e], lex) \
                and not any(bare(f) in lex.first_names for f in folded[s:e] if bare(f) not in _HONORIFICS):
            typ = "LOC"  # (a saint's town: «سيدي بوزيد», «سيدي بلعباس»)
        elif typ == "PER" and s and bare(folded[s - 1]) in _NAMED_FOR_PLACES:
            typ = "LOC"  # «معبر كرم أبو سالم», «ميناء جيهان»: a crossing or port is named after a place
        elif typ == "PER" and e - s >= 2 and bare(folded[s]) in _WATERS:
            typ = "LOC"  # «خور عبد الله»: an inlet named after a person is a place
        elif typ == "PER" and e - s >= 2 and folded[s] in _PLACE_NOUNS:
            s, typ = s + 1, "LOC"  # «جزيرتي بوبيان»: a place noun does not open a person's name
        elif typ in ("PER", "ORG") and e - s == 1 and s and bare(folded[s - 1]) in _ONE_PLACE_NOUNS:
            typ = "LOC"  # «في منطقة الزمالك»: the district, not the club
        elif typ in ("PER", "ORG") and e - s == 1 and s and (bare(folded[s - 1]) in _TWO_PLACE_NOUNS or (
                s >= 2 and folded[s].startswith("و") and bare(folded[s - 2]) in _TWO_PLACE_NOUNS)):
            typ = "LOC"  # «على مدينتي غوما وبوكافو»: both towns
        elif typ in ("PER", "ORG") and e - s == 2 and s and bare(folded[s - 1]) in _TWO_PLACE_NOUNS \
                and folded[s + 1].startswith("و"):
            out.append((s, s + 1, "LOC"))  # (tagged as one span)
            s, typ = s + 1, "LOC"
        elif typ == "PER" and s and folded[s - 1] in _CITY:
            typ = "LOC"  # «مدينة صباح الأحمد البحرية»: a city named after a ruler
        elif typ == "PER" and s >= 2 and folded[s - 1] in _ROYAL_TITLES and folded[s - 2] in _CITY:
            # «مدينة الملك عبدالله الرياضية», «مدينة الشيخ زايد»: a city or a complex named after a ruler,
            # and «مدينة الملك عبدالعزيز للعلوم والتقنية», named for its purpose too, an institution
            s -= 2
            if e < len(folded) and folded[e].startswith("لل") and (end := _purpose_end(e, folded, lex)):
                e, typ = end, "ORG"
            else:
                typ = "LOC"
                if e < len(folded) and folded[e].startswith("ال") and folded[e].endswith("يه"):
                    e += 1  # «… الرياضية», «… الاقتصادية»
        elif typ == "PER" and e - s >= 3 and (b := bare(folded[s])) in lex.loc and b not in lex.first_names \
                and b not in lex.per_tokens and (b.startswith("ال") or bare(folded[s + 1]) in lex.first_names):
            out.append((s, s + 1, "LOC"))  # «سفير إيطاليا بالجزائر ألبرتو كوراتي»: the seat, then the envoy
            s += 1
        elif typ in ("PER", "ORG") and e - s == 1 and out and out[-1][2] == "LOC" and out[-1][1] == s \
                and folded[s].startswith("و") and folded[s][1:] in lex.loc:
            typ = "LOC"  # «في ضواحي باريس ومرسيليا وليون»: a list of places, not the club
        elif typ == "PER" and e - s == 2 and s and in_class(folded[s - 1], _ONE_PLACE_NOUNS) \
                and not any(f in lex.first_names or f in lex.per_tokens for f in folded[s:e]):
            typ = "LOC"  # «في ولاية أوتار براديش»: a state of two foreign words, not a person
        elif typ == "PER" and (k := _stadium_before(s, folded)) is not None:
            s, typ = k, "LOC"  # «ملعب الأمير مولاي عبد الله»: the stadium, not the prince
            if e < len(folded) and folded[e] in _INTERNATIONAL:
                e += 1  # «مطار الملك سلمان الدولي»
            if e - s > 2 and (seat := folded[e - 1]).startswith("ب") and (seat[1:] in lex.loc or (
                    seat.startswith("بال") and "ال" + seat[3:] in lex.loc)):
                out.append((s, e - 1, typ))  # «… عبد الله بالرباط»: the city is not in its name
                s = e - 1
        out.append((s, e, typ))
    return out


def named_after_place_nouns(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«وإقليم عفر المجاور», «بلدة كفرنبل»: a rare word no one tagged, right after a singular place
    noun in construct, is the place's name (an everyday word there describes: «منطقة عمل»,
    «بلدة صغيرة»; a word with the article is left to the gazetteer: «منطقة الزمالك»). Not an
    adjective agreeing with the noun («مدينة مقدسة», «منطقة عازلة»: in «ة»), a verb in «ي»
    («منطقة يحظر …»), a word with a pronoun («منطقة قطرها»), nor the first word of a longer
    unknown name («منطقة تشن داي»)."""
    covered = covered_tokens(spans, len(words))
    added: list[Span] = []
    for i in range(len(folded) - 1):
        j = i + 1
        if covered[j] or bare(folded[i]) not in _NAME_TAKING_PLACE_NOUNS:
            continue
        f = folded[j]
        if is_arabic(words[j]) and len(f) >= 3 and not f.startswith("ال") and f not in STOP \
                and f not in lex.common and table().get(f) < _UNCOMMON and not is_nationality(f, lex) \
                and not _real_clitic(f, words[j], lex) and not looks_like_verb(f) and not in_class(f, ORG_HEADS) \
                and not f.endswith(("ه", "ها", "هم")) and not f.startswith("ي") \
                and _name_ends(j + 1, folded, words, lex):
            added.append((j, j + 1, "LOC"))
            covered[j] = True
    return sorted(spans + added) if added else spans


_INTERNATIONAL = frozenset(fold(w) for w in ("الدولي", "الدولية"))


def _listed_after_places(out: list[Span], folded: list[str]) -> bool:
    """Does the run of places that ``out`` ends on open after a plural place noun («مقاطعات كورسك …»)?"""
    k = len(out) - 1
    while k > 0 and out[k - 1][2] == "LOC" and out[k - 1][1] == out[k][0]:
        k -= 1
    first = out[k][0]
    return first > 0 and in_class(folded[first - 1], _MANY_PLACE_NOUNS)
# a state's title before its name: «سلطنة عمان», «دولة قطر»
_STATE_TITLES = frozenset(fold(w) for w in ("سلطنة", "مملكة", "إمارة", "جمهورية", "دولة", "إمارات"))
# venues named after a person: «ملعب الأمير مولاي عبد الله», «مطار الملك خالد الدولي», «سد الملك طلال»
_STADIUMS = frozenset(fold(w) for w in ("ملعب", "استاد", "مطار", "ميناء", "سد", "شارع"))


def _stadium_before(s: int, folded: list[str]) -> int | None:
    """Where a stadium's name opens, when the person ``s`` is what it is named after."""
    k = s - 1
    while k >= 0 and s - k <= 3 and (is_title(folded[k]) or folded[k] in _HONORIFICS):
        k -= 1
    return k if k >= 0 and bare(folded[k]) in _STADIUMS else None


# singular nouns of a place in construct with its name (not their duals and plurals, which may
# be followed by a description)
_ONE_PLACE_NOUNS = frozenset(fold(w) for w in (
    "مدينة", "بلدة", "قرية", "منطقة", "حي", "محافظة", "ولاية", "مقاطعة")) \
    | _with_clitics(("حي",))  # («بحي» is too short for the clitic split)


def _name_ends(k: int, folded: list[str], words: list[str], lex: Lexicon) -> bool:
    """Does a one-word place name end before ``k``? At punctuation or the text's end, a function
    word, or an adjective (of nationality, or one that describes a place: «المجاور», «الشمالي»);
    not before a word that may go on the name («تشن داي», «جرف الصخر»)."""
    if k >= len(folded) or not is_word(words[k]) or folded[k] in STOP or is_nationality(folded[k], lex):
        return True
    return folded[k] in _PLACE_ADJECTIVES or in_class(folded[k], DIRECTIONS)


_PLACE_ADJECTIVES = frozenset(fold(w) for w in (
    "المجاور", "المجاورة", "القريب", "القريبة", "المحاذي", "المحاذية", "الحدودي", "الحدودية", "النائي", "النائية",
    "الساحلي", "الساحلية", "الجبلي", "الجبلية"))


_NAME_TAKING_PLACE_NOUNS = _ONE_PLACE_NOUNS | frozenset(fold(w) for w in ("إقليم", "جزيرة"))
# a dual names two places, the second after «و»: «على مدينتي غوما وبوكافو»
_TWO_PLACE_NOUNS = frozenset(fold(w) for w in ("مدينتي", "بلدتي", "قريتي", "منطقتي", "محافظتي", "ولايتي",
                                               "مقاطعتي"))
# plurals that open a list of places: «في مقاطعات كورسك وبيلغورود وبريانسك»
_MANY_PLACE_NOUNS = frozenset(fold(w) for w in ("مدن", "محافظات", "ولايات", "بلدات", "قرى", "مقاطعات", "مناطق"))


# sites named after a place, not a person (airports, unlike these, often bear a person's name)
_NAMED_FOR_PLACES = frozenset(fold(w) for w in ("معبر", "ميناء", "مخيم", "مضيق", "خليج"))
_WATERS = frozenset(fold(w) for w in ("خور", "خليج", "مضيق", "بحر", "نهر", "وادي", "جبل"))


def _coordinated(rest: tuple[str, ...], lex: Lexicon) -> bool:
    """«فرنسا وإيطاليا» is two places, whatever one corpus's annotation made of it."""
    return any(t.startswith("و") and t[1:] in lex.loc for t in rest)


def _known_place(toks: list[str], lex: Lexicon) -> bool:
    # the first word as written, without its proclitics, or without a lone «و» («وبوركينا»:
    # ``bare`` would read «وب» + «ركينا»)
    firsts = {toks[0], bare(toks[0]), toks[0][1:] if toks[0].startswith("و") else toks[0]}
    if len(toks) == 1:
        return any(f in lex.loc for f in firsts)
    return any((f, *toks[1:]) in lex.loc_multi for f in firsts)


# Heads that, in construct state, open a proper organisation name. Narrower than the
# feature list ORG_HEADS: «قوات الدفاع» or «مكتب الرئيس» describe rather than name.
CONSTRUCT_HEADS = frozenset(fold(w) for w in (
    "وزارة", "جامعة", "شركة", "وكالة", "حزب", "مجلس", "حكومة", "منظمة", "هيئة", "مؤسسة", "بنك", "مصرف", "اتحاد",
    "جمعية", "جماعة", "حركة", "تنظيم", "جبهة", "محكمة", "صندوق", "مركز", "معهد", "نادي", "قناة", "صحيفة",
    "إذاعة", "مجموعة", "رابطة", "نقابة", "ائتلاف", "تحالف", "مفوضية", "كتلة", "بورصة"))
_AGENCY_HEADS = frozenset(fold(w) for w in ("وكالة", "صحيفة", "قناة", "شركة", "مجلة", "إذاعة", "موقع", "بنك", "مصرف"))
# companies and groups: the name after them may be a foreign word the CRF read as a person
_COMPANY_HEADS = frozenset(fold(w) for w in ("شركة", "مجموعة", "مجمع"))
_GROUP_HEADS = frozenset(fold(w) for w in ("مجموعة", "مجمع"))
_NAMED_AFTER_PERSONS = frozenset(fold(w) for w in ("جامعة", "مؤسسة", "مركز"))
_PARTY_HEADS = frozenset(fold(w) for w in ("حزب", "جبهة", "تيار", "تحالف", "ائتلاف"))
_PARTY = fold("حزب")  # («تحالف المتمردين» is an alliance of rebels, not its name)
_ORG_FILLERS = frozenset(fold(w) for w in ("الوطني", "الوطنية", "الدولي", "الدولية", "العربي", "العربية",
                                            "الإسلامي", "الإسلامية", "الشعبي", "الشعبية", "المتحدة", "العليا",
                                            "الأعلى", "المركزي", "المركزية", "القابضة"))


_CENTRAL = frozenset(fold(w) for w in ("المركزي", "المركزية"))
# a body's region: «البنك الأفريقي للتنمية», «البنك الأوروبي لإعادة الإعمار والتنمية»
_REGIONAL = frozenset(fold(w) for w in (
    "الأفريقي", "الإفريقي", "الأوروبي", "الآسيوي", "الإسلامي", "الخليجي", "المغاربي", "العالمي", "الأفريقية",
    "الإفريقية", "الأوروبية", "الآسيوية", "الإسلامية", "الخليجية", "المغاربية", "العالمية"))
_BLOC = fold("كتلة")
_BLOCS = frozenset({_BLOC})
_UNION = fold("الاتحاد")


def org_heads(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«حكومة الوفاق الوطني», «جماعة الإخوان المسلمين», «وكالة تاس»: an organisation head
    in construct state followed by definite name words (or, for agencies and media, one
    unknown word) names an organisation even when the CRF has never seen it."""
    covered = set()
    for s, e, _ in spans:
        covered.update(range(s, e))
    added: list[Span] = []
    n = len(words)
    loc_end = {s: e for s, e, typ in spans if typ == "LOC" and e - s <= 2}  # by start
    for i, f in enumerate(folded):
        if i in covered:
            continue
        h = bare(f)  # «للشركة الموريتانية…», «والوكالة الأمريكية…»
        if h in _FEDERAL and i and folded[i - 1].startswith("ال"):
            continue  # «المحكمة الاتحادية العليا», «الحكومة الفيدرالية»: an adjective, not a federation
        if h.startswith("ال") and h[2:] in _PURPOSE_HEADS:
            # «البنك المركزي المصري»: a state's central institution (a definite head opens no
            # construct name, but «central» + a nationality names one)
            # ... nor does a national federation: «الاتحاد التونسي للتنس», «الاتحاد المصري للمصارعة»
            central = folded[i + 1] in _CENTRAL and folded[i + 2].startswith("ال") \
                and is_nationality(folded[i + 2], lex) if i + 2 < n else False
            end = i + 3 if central else _purpose_name_end(i, folded, lex)
            # «الشركة السعودية للصناعات الأساسية»: the CRF's «السعودية» there is the adjective
            adjectives = {k for k in range(i + 1, end)
                          if loc_end.get(k) == k + 1 and _adjective_at(k, folded, lex, loc_end)}
            if end and not covered.intersection(range(i + 1, end)) - adjectives:
                spans = [x for x in spans if x[0] not in adjectives or x[2] != "LOC"]
                added.append((i, end, "ORG"))
                covered.update(range(i, end))
            continue
        if in_class(f, _MARKETS) and i + 2 < n and (sp := loc_end.get(i + 1)) and sp < n \
                and (folded[i + 1] in lex.loc or not split_clitic(folded[i + 1])[0]) \
                and (end := sp + 1 if folded[sp] in _FINANCIAL else sp + 2 if folded[sp:sp + 2] == _SECURITIES else 0):
            # «سوق دبي المالي», «سوق أبوظبي للأوراق المالية»: a stock exchange named after its city
            spans = [x for x in spans if x[0] != i + 1]
            added.append((i, end, "ORG"))
            covered.update(range(i, end))
            continue
        if not in_class(f, CONSTRUCT_HEADS):
            if in_class(f, _COUNTRY_PURPOSE_HEADS) and (end := _country_and_purpose(i, loc_end, folded, lex)) \
                    and not covered.intersection(range(loc_end[i + 1], end)):
                spans = [x for x in spans if x[0] != i + 1]  # «جهاز قطر للاستثمار»
                added.append((i, end, "ORG"))
                covered.update(range(i, end))
            continue
        head = class_word(f, CONSTRUCT_HEADS)
        place_end = loc_end.get(i + 1) if i + 1 < n else None
        end = 0
        if head in _BANKS | _PLACE_BODIES and place_end \
                and (folded[i + 1] in lex.loc or not split_clitic(folded[i + 1])[0]):
            # «مصرف لبنان», «بنك فلسطين», «مصرف ليبيا المركزي»: a bank named after its country
            end = place_end + 1 if place_end < n and folded[place_end] in _ORG_FILLERS else place_end
        elif head in _COMPANY_HEADS and place_end and i + 2 < n and place_end < n \
                and not split_clitic(folded[i + 1])[0] and (kind := _company_adjectives_end(place_end, folded, lex)) \
                and not covered.intersection(range(place_end, kind)):
            # «شركة أبوظبي التنموية القابضة», «شركة قطر الوطنية للملاحة»: a company named after its place
            # and its kind (a place alone after «شركة» is whose the company is)
            end = kind
        if end:  # with its purpose if it has one («بنك قطر للتنمية»)
            if end < n and (pe := _purpose_end(end, folded, lex)) and not covered.intersection(range(end, pe)):
                end = pe
            spans = [x for x in spans if x[0] != i + 1]
            added.append((i, end, "ORG"))
            covered.update(range(i, end))
            continue
        if head not in _STATE_BODIES and (end := _country_and_purpose(i, loc_end, folded, lex)) \
                and not covered.intersection(range(loc_end[i + 1], end)):
            # «صندوق قطر للتنمية», «مؤسسة قطر للتربية والعلوم», «صندوق الكويت للتنمية الاقتصادية العربية»:
            # a body named by its country and purpose
            spans = [x for x in spans if x[0] != i + 1]
            added.append((i, end, "ORG"))
            covered.update(range(i, end))
            continue
        if head in _AGENCY_HEADS | _COMPANY_HEADS and i + 2 < n and words[i + 1] in QUOTES:
            # «شركة "كينروس غولد" الكندية»: the quoted words are the name
            close = next((k for k in range(i + 2, min(n, i + 6)) if words[k] in QUOTES), None)
            if close and close > i + 2 and all(is_word(words[k]) for k in range(i + 2, close)):
                spans = [x for x in spans if x[1] <= i + 1 or x[0] >= close]
                added.append((i + 2, close, "ORG"))
                covered.update(range(i, close + 1))
                continue
        # (a ruler's title may come between: «مركز الملك سلمان», «جامعة الأمير سلطان»)
        royal = i + 2 < n and folded[i + 1] in _ROYAL_TITLES
        if head in _NAMED_AFTER_PERSONS and i + 1 < n \
                and (sp := next((x for x in spans if x[0] == i + 1 + royal), None)) and sp[2] == "PER":
            # «جامعة محمد السادس», «مركز الملك سلمان للإغاثة»: an institution named after a person
            pe = sp[1]
            while pe + 1 < n and folded[pe] in _NAME_LINKS and is_word(words[pe + 1]):
                pe += 2  # the whole name: «مركز الملك الحسين بن طلال»
            end = _purpose_end(pe, folded, lex) if pe < n else 0
            spans = [x for x in spans if not (i < x[0] < (end or pe))]
            added.append((i, end or pe, "ORG"))
            covered.update(range(i, end or pe))
            continue
        if head in _COMPANY_HEADS and i + 1 < n and (sp := next((x for x in spans if x[0] == i + 1), None)) \
                and sp[2] == "PER" and sp[1] - sp[0] <= 2 and folded[i + 1] not in lex.first_names \
                and (not split_clitic(folded[i + 1])[0] or _letter_not_clitic(folded[i + 1], words[i + 1], lex)):
            # «شركة إيني الإيطالية»: a company's foreign name read as a person's
            spans = [x for x in spans if x != sp]
            added.append((i, sp[1], "ORG"))
            covered.update(range(i, sp[1]))
            continue
        if (end := _construct_name_end(i, head, covered, loc_end, folded, words, lex)) \
                and not _place_at(i, end, folded, lex):
            spans = [x for x in spans if not (i < x[0] < end and x[2] == "LOC")]
            added.append((i, end, "ORG"))
            covered.update(range(i, end))
            continue
        if head == _MOVEMENT and i + 1 < n and folded[i + 1] in _FLOWS:
            continue  # «حركة الملاحة الدولية», «حركة المرور»: traffic, not a movement
        j = i + 1
        # up to two definite name words, then fillers («الوطني», «الدولي»)
        # (a party's name may be an everyday plural: «حزب المواطنين الوطني», «حزب الخضر»)
        while j < n and j not in covered and folded[j].startswith("ال") and folded[j] not in STOP \
                and not is_nationality(folded[j], lex) and not is_title(folded[j]) and (
                    folded[j] in _ORG_FILLERS if j - i > 2 else
                    folded[j] not in lex.common or folded[j] in lex.org_tokens or folded[j] in _ORG_FILLERS
                    or (j == i + 1 and head == _PARTY and folded[j].endswith(("ين", "ون")))):
            j += 1
            if j - i > 4:
                break
        if head == _BLOC and j == i + 2 and j < n and (end := _purpose_end(j, folded, lex)) \
                and not covered.intersection(range(j, end)):
            j = end  # «كتلة الوفاء للمقاومة»: a parliamentary bloc and what it stands for
        # «حزب الشراكة والإنقاذ», «حزب الأصالة والمعاصرة»: a party named by two words joined by «و»
        if head in _PARTY_HEADS and j == i + 2 and j < n and j not in covered and folded[j].startswith("وال") \
                and len(folded[j]) >= 6 and folded[j][1:] not in STOP and folded[j][1:] not in lex.common \
                and not is_nationality(folded[j][1:], lex) and not in_class(folded[j][1:], ORG_HEADS):
            j += 1
        # «هيئة الطرق والمواصلات», «حزب التقدم والاشتراكية»: two everyday words joined by «و» after the
        # head name one body (not two bodies or offices: «مجلس الوزراء والبرلمان»; not after a ministry,
        # which ANERcorp leaves out, nor «حركة» or «مركز»: «حركة الاتصال والطباعة», «مركز الشمس والقمر»)
        if j == i + 1 and i + 2 < n and head in _COORDINATED_HEADS \
                and _coordinated_name_words(i + 1, covered, folded, lex):
            j += 2
        # a group's one-word name only with its nationality after it («مجموعة سوناطراك الجزائرية»):
        # «مجموعة صفقات» is a set of deals
        if j == i + 1 and (head in _AGENCY_HEADS or (head in _COMPANY_HEADS and j + 1 < n
                                                      and _adjective_at(j + 1, folded, lex, loc_end))) \
                and j < n and j not in covered and is_arabic(words[j]) \
                and ((not split_clitic(folded[j])[0] and name_like(folded[j], words[j], lex))
                     or _rare_surname(folded[j], words[j], lex)
                     or (_letter_not_clitic(folded[j], words[j], lex) and table().get(folded[j]) < _UNCOMMON)) \
                and len(folded[j]) >= 3 and not folded[j].endswith(("يه", "ي")):
            j += 1  # «وكالة فيتش»: a rare foreign name is not «ف» + «يتش»
            if j < n and (sp := loc_end.get(j)) and not split_clitic(folded[j])[0]:
                spans = [x for x in spans if x[0] != j]
                j = sp  # «شركة فسفاط قفصة»: and the place it is named after
            # and what the body is for: «وكالة فيتش للتصنيف الائتماني» (for a company, a business:
            # «شركة أرامكو للحكومة» is whom it serves)
            end = _purpose_end(j, folded, lex) if j < n else 0
            if end and head in _COMPANY_HEADS and folded[j].startswith("لل") and bare(folded[j]) not in _BUSINESSES:
                end = 0
            if end and not covered.intersection(range(j, end)):
                j = end
        if j == i + 1 and i + 2 < n and folded[j].startswith("ال") and folded[j] not in STOP \
                and head not in _STATE_BODIES | _ACTION_HEADS and j not in covered and folded[j + 1] in _WIDE_FILLERS \
                and j + 1 not in covered and not is_title(folded[j]):
            j += 2  # «مؤسسة التمويل الدولية», «منظمة العفو الدولية»: so does an international scope
        if j == i + 1 and i + 2 < n and folded[j].startswith("ال") and folded[j] not in STOP \
                and head not in _STATE_BODIES and j not in covered and _adjective_at(j + 1, folded, lex, loc_end):
            j += 1  # «شركة الاتصالات السعودية», «وكالة الأنباء الفرنسية»: an everyday word names the
            # body when its nationality follows (not a ministry or council: ANERcorp leaves «وزارة
            # الصحة السعودية» out)
        stolen = None
        # «وزارة الدفاع الروسية», «شركة الاتصالات السعودية»: the nationality is part of the name;
        # after a proper name it describes it («شركة ميرسك الدنماركية» is the company «ميرسك»)
        if i + 2 <= j <= i + 3 and j < n and (j not in covered or loc_end.get(j) == j + 1) \
                and folded[i + 1].startswith("ال") and not words[i + 1].startswith(("أل", "إل")) \
                and _adjective_at(j, folded, lex, loc_end):  # («شركة ألستوم»: a hamza is no article)
            stolen = (j, j + 1, "LOC") if j in covered else None  # «السعودية» here is the adjective
            j += 1  # «وزارة الدفاع الروسية»
            # «مجموعة الاتصال الروسية للتسوية الليبية»: and what the body is for
            end = _purpose_end(j, folded, lex) if j < n else 0
            if end and not covered.intersection(range(j, end)):
                j = end
        if j > i + 1 and _place_at(i, j, folded, lex):
            continue  # «قناة السويس» is a waterway, not a channel
        if j > i + 1:
            if stolen:
                spans = [x for x in spans if x != stolen]
            added.append((i, j, "ORG"))
            covered.update(range(i, j))
    return sorted(spans + added)


_COORDINATED_HEADS = _PARTY_HEADS | frozenset(fold(w) for w in (
    "هيئة", "جمعية", "اتحاد", "مؤسسة", "منظمة", "جامعة", "نقابة", "رابطة", "مجلس", "صندوق", "شركة"))


def _company_adjectives_end(k: int, folded: list[str], lex: Lexicon) -> int:
    """End of one or two adjectives of a company's kind from ``k`` («الوطنية», «التنموية», «القابضة»;
    no nationality, which describes), else 0."""
    end = k
    while end < len(folded) and end - k < 2 and (folded[end] in _ORG_FILLERS or (
            folded[end].startswith("ال") and folded[end].endswith("يه") and len(folded[end]) >= 7
            and not is_nationality(folded[end], lex) and folded[end] not in STOP)):
        end += 1
    return end if end > k else 0


def _coordinated_name_words(j: int, covered: set[int], folded: list[str], lex: Lexicon) -> bool:
    """Definite ``folded[j]`` and ``folded[j + 1]`` = «و» + a definite word, neither a function word,
    a nationality, a title or an organisation head."""
    first, second = folded[j], folded[j + 1]
    if j in covered or j + 1 in covered or not first.startswith("ال") or not second.startswith("وال") \
            or len(second) < 6:
        return False
    return all(f not in STOP and not is_nationality(f, lex) and not is_title(f) and not in_class(f, ORG_HEADS)
               and bare(f) not in _DAYS for f in (first, second[1:]))


def _construct_name_end(
    i: int, head: str, covered: set[int], loc_end: dict[int, int], folded: list[str], words: list[str], lex: Lexicon
) -> int:
    """End of a name in a construct chain after an organisation head, else 0: «شركة تسويق النفط
    العراقية», «ائتلاف دولة القانون», «هيئة شؤون الأسرى الفلسطينية», «اتحاد كرة القدم».

    The head's complement is an indefinite noun, itself in construct with a definite one
    (which may be a place the CRF found); fillers and a nationality may follow. Not after
    a state body («مجلس إدارة الشركة», «حكومة تصريف الأعمال» are no names) nor after a head
    that is an everyday noun of action (:data:`_ACTION_HEADS`; «حركة مجتمع السلم» is a curated name)."""
    n = len(folded)
    if head in _STATE_BODIES | _ACTION_HEADS or i + 2 >= n or i + 1 in covered:
        return 0
    if split_clitic(folded[i])[0] in ("ل", "ول"):
        return 0  # «لتنظيم عروض الأزياء»: «to organise», a purpose
    w, d = folded[i + 1], folded[i + 2]
    if not is_arabic(words[i + 1]) or len(w) < 3 or w.startswith("ال") or split_clitic(w)[0] or w in STOP \
            or is_trigger(w, lex) or looks_like_verb(w) or words[i + 1].endswith(_POSSESSIVES) \
            or in_class(w, CONSTRUCT_HEADS) \
            or words[i + 1].endswith(("ي", "ية", "يه")):  # «حزب إسلامي التوجه»: an adjective, not a construct
        # (the word as written: «موانئ» folds to «مواني»)
        return 0
    # a ministry's domain may be the complement («شركة تسويق النفط»), a title or nationality not
    # … or a place («شركة موانئ أبوظبي»)
    placed = i + 2 in loc_end and w not in _PLACE_NOUNS
    if not (d.startswith("ال") or placed) or d in STOP or is_title(d) or is_nationality(d, lex) \
            or (i + 2 in covered and i + 2 not in loc_end):
        return 0
    end = loc_end.get(i + 2, i + 3)  # «وكالة أنباء الشرق الأوسط»: the complement may be a place
    while end < n and end not in covered and end - i < 6 and (folded[end] in _ORG_FILLERS or (
            folded[end].startswith("ال") and is_nationality(folded[end], lex)) or (
            # «هيئة عمليات التجارة البحرية البريطانية»: an adjective before the nationality
            end + 1 < n and folded[end].startswith("ال") and folded[end].endswith(("يه", "ي"))
            and not is_trigger(folded[end], lex) and is_nationality(folded[end + 1], lex))):
        end += 1
    return end


def _adjective_at(j: int, folded: list[str], lex: Lexicon, loc_end: dict[int, int]) -> bool:
    """Is word ``j`` a definite adjective of nationality? «السعودية» is one after a definite
    noun even where it was tagged as the country (the country's name is the adjective's form)."""
    f = folded[j]
    if not f.startswith("ال"):
        return False
    return is_nationality(f, lex) or (f in lex.loc and f.endswith("يه") and loc_end.get(j) == j + 1)


_MOVEMENT = fold("حركة")
# what «حركة» is the flow of, when it is no political movement
_FLOWS = frozenset(fold(w) for w in (
    "الملاحة", "المرور", "السير", "الطيران", "التجارة", "النزوح", "النقل", "الشحن", "العبور", "الركاب",
    "المسافرين", "السفن", "الأموال", "التداول", "البيع", "الشراء", "الأسواق", "الاستيراد", "التصدير", "السياحة"))
# scopes that make a body of an everyday word: «مؤسسة التمويل الدولية», «هيئة الإغاثة الإسلامية»
_WIDE_FILLERS = frozenset(fold(w) for w in ("الدولي", "الدولية", "العالمي", "العالمية", "الإسلامي", "الإسلامية"))
_BANKS = frozenset(fold(w) for w in ("مصرف", "بنك"))
# stock exchanges named after their city: «سوق دبي المالي», «سوق أبوظبي للأوراق المالية»
_MARKETS = frozenset({fold("سوق")})
_FINANCIAL = frozenset(fold(w) for w in ("المالي", "المالية"))
_SECURITIES = [fold("للأوراق"), fold("المالية")]
# bodies named after the place they run or sit in: «هيئة قناة السويس», «جامعة القاهرة» (not «تلفزيون
# دبي»: ANERcorp tags the city, and so do readers)
_PLACE_BODIES = frozenset(fold(w) for w in ("هيئة", "جامعة", "بورصة"))
# heads that name a body only with its country and its purpose after them («جهاز قطر للاستثمار»;
# «جهاز المخابرات», «جهاز الأمن» describe)
_COUNTRY_PURPOSE_HEADS = frozenset(fold(w) for w in ("جهاز",))


def _country_and_purpose(i: int, loc_end: dict[int, int], folded: list[str], lex: Lexicon) -> int:
    """The end of «<head> <place> <purpose>» for the head at ``i``, or 0: a place right after the
    head (without a preposition; with the article only when the place is known with it, «الكويت»)
    and a purpose in «ل» after it."""
    sp = loc_end.get(i + 1)
    if sp is None or sp >= len(folded) or i + 2 >= len(folded):
        return 0
    if split_clitic(folded[i + 1])[0] and folded[i + 1] not in lex.loc:
        return 0
    return _purpose_end(sp, folded, lex) or 0
_STATE_BODIES = frozenset(fold(w) for w in ("وزارة", "حكومة", "جيش", "مجلس"))
# definite heads that a national adjective and a purpose make a name: «السلطة الوطنية المستقلة
# للانتخابات», «اللجنة الوطنية للانتخابات», «المديرية العامة للأمن الوطني» (not in construct:
# «لجنة التحقيق», «سلطة الاحتلال» describe)
_PURPOSE_HEADS = CONSTRUCT_HEADS | frozenset(fold(w) for w in (
    "سلطة", "لجنة", "مديرية", "أمانة", "منتدى", "مرصد", "ديوان", "شبكة", "مكتب",
    # Maghrebi federations and confederations of unions: «الكونفدرالية الديمقراطية للشغل»
    "كونفدرالية", "كنفدرالية", "فيدرالية", "فدرالية", "اتحادية"))
# heads that are everyday nouns of action or place in a construct chain: «حركة دوران القمر»,
# «مركز اهتمام الرأي», «تنظيم صفوف القبائل»
_ACTION_HEADS = frozenset(fold(w) for w in ("حركة", "تنظيم", "مركز", "تحالف"))
_NOT_PURPOSE_HEADS = frozenset(fold(w) for w in ("الحكومة", "المجموعة"))
# what describes a body before its purpose: «الوطنية», «العليا», «المستقلة», or a nationality
_FEDERAL = frozenset(fold(w) for w in ("الاتحادية", "الفيدرالية", "الفدرالية"))
_BODY_ADJECTIVES = frozenset(fold(w) for w in (
    "الوطني", "الوطنية", "العليا", "الأعلى", "المستقلة", "المستقل", "الدولي", "الدولية", "العربي", "العربية",
    "الملكية", "الملكي",  # «الجامعة الملكية المغربية لكرة القدم»
    "القومية", "القومي",  # Egyptian «national»: «الهيئة القومية للأنفاق»
    "الديمقراطية", "الديمقراطي", "الحرة"))  # «الكونفدرالية الديمقراطية للشغل», «الجامعة الحرة للتعليم»
# «general», after another description only: «الهيئة المصرية العامة للتنشيط السياحي», but «الجمعية
# العامة لإصدار القرارات» is the assembly issuing resolutions
_GENERAL = frozenset(fold(w) for w in ("العامة", "العام"))
# state bodies that «general» alone names, with their purpose: «الهيئة العامة للطيران المدني», «المؤسسة
# العامة للكهرباء», «الإدارة العامة للمرور», «المديرية العامة للأمن الوطني» (not «الجمعية العامة»)
_GENERAL_BODIES = frozenset(fold(w) for w in ("الهيئة", "المؤسسة", "الإدارة", "المديرية", "الشركة", "المصلحة"))


def _purpose_name_end(i: int, folded: list[str], lex: Lexicon) -> int:
    """End of a body named by its purpose after a definite head, else 0: «الاتحاد المصري
    للمصارعة», «الجمعية المغربية لحقوق الإنسان», «المفوضية الوطنية العليا للانتخابات».

    A definite head opens no construct name, but one described as national (or by a
    nationality) and followed by «لـ» + what it is for names one particular body."""
    n = len(folded)
    if bare(folded[i]) in _NOT_PURPOSE_HEADS:
        return 0  # «الحكومة المغربية لتعزيز البنية»: a government acting for a purpose
    j = i + 1
    while j < n and j - i <= 3 and (folded[j] in _BODY_ADJECTIVES or (folded[j] in _GENERAL and (
            j > i + 1 or (bare(folded[i]) in _GENERAL_BODIES and j + 1 < n and folded[j + 1].startswith("لل")))) or (
            folded[j].startswith("ال") and (is_nationality(folded[j], lex)
                                           or (folded[j].endswith("يه") and folded[j] in lex.loc)))):
        j += 1  # (a country named by its adjective: «الشركة السعودية للصناعات الأساسية»)
    if j == i + 1 or j >= n:
        return 0
    if bare(folded[i])[2:] not in CONSTRUCT_HEADS and not folded[j].startswith("لل"):
        return 0  # «دعت السلطة الفلسطينية لوقف الاعتداءات»: «to stop», not what the authority is for
    return _purpose_end(j, folded, lex)


def _purpose_end(j: int, folded: list[str], lex: Lexicon) -> int:
    """End of «لـ» + what a body is for, starting at ``j``, else 0: «للمصارعة», «لحقوق
    الإنسان», «للتسوية الليبية» (a nationality or «-ية» adjective agreeing with it), with
    a second purpose joined by «و» («للإحصاء والمعلومات», «لإعادة الإعمار والتنمية»)."""
    k = _one_purpose_end(j, folded, lex)
    n = len(folded)
    for _ in range(3):  # «للتنس والاسكواش والريشة الطائرة»
        if not (k and k < n and folded[k].startswith("وال") and len(folded[k]) >= 6
                and folded[k][1:] not in STOP and not is_nationality(folded[k][1:], lex) and not is_title(folded[k])
                and folded[k][3:] not in CONSTRUCT_HEADS and folded[k][1:] not in ORG_HEADS
                and folded[k][3:] not in _PURPOSE_HEADS):
            break  # (but «للتنمية والصندوق السعودي…» goes on to another body)
        k += 1
        if k + 1 < n and folded[k].startswith("ال") and folded[k].endswith(("يه", "ي", "ه")) \
                and not is_trigger(folded[k], lex) and not folded[k + 1].startswith("و") \
                and (folded[k] not in lex.common or folded[k].endswith(("ي", "يه"))):
            # and its adjective, at the end of the list: «والريشة الطائرة», «والصيد البحري» (a nisba
            # adjective even when it is an everyday word; a word in «-ة» only when it is no everyday noun)
            k += 1
    return k


# «لـ» + time is when, not what for: «الاتحاد الأوروبي للفترة …», «للمرة الثانية»; nor is whom something
# was said to («حاكم مصرف لبنان للصحفيين»), nor a body's regional department («البنك الدولي لدائرة المشرق»)
_NOT_PURPOSES = frozenset(fold(w) for w in ("للفترة", "للمرة", "للعام", "للسنة", "للشهر", "للأسبوع", "لليوم", "لمدة",
                                     "للصحفيين", "للصحافيين", "للمراسلين", "لدائرة"))


def _one_purpose_end(j: int, folded: list[str], lex: Lexicon) -> int:
    n = len(folded)
    w = folded[j]
    if w in _NOT_PURPOSES:
        return 0
    if w.startswith("لل") and len(w) >= 5:
        k = j + 1
        # an adjective agreeing with the purpose: «للتسوية الليبية», «للتصنيف الائتماني»
        if k < n and folded[k].startswith("ال") and folded[k] not in STOP and (
                is_nationality(folded[k], lex) or folded[k].endswith("يه")
                or (folded[k].endswith("ي") and len(folded[k]) >= 5 and not is_trigger(folded[k], lex))):
            k += 1
        return k
    if w.startswith("ل") and not w.startswith("لل") and len(w) >= 4 and j + 1 < n \
            and folded[j + 1].startswith("ال") and folded[j + 1] not in STOP and w not in _PLACE_NOUNS:
        return j + 2  # «لحقوق الإنسان», «لكرة القدم»; not «البنك الدولي لمنطقة المشرق» (its regional office)
    return 0


_DASHES = frozenset(("-", "–", "—", "ـ"))  # (a spaced tatweel is a dash: «مسقط ـ «الوطن»:»)


def dateline_places(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon,
                    line_starts: list[int]) -> list[Span]:
    """«مسقط - أعلنت …»: the words that open a line before a dash are the dateline, a place,
    when the lexicon knows them as one, even a place that is also an everyday word («مسقط»
    is where something falls, «الرباط» a bond), which the CRF and the other rules leave alone."""
    covered = covered_tokens(spans, len(words))
    added: list[Span] = []
    for s in line_starts:
        for e in range(min(s + 3, len(words) - 1), s, -1):
            if words[e] not in _DASHES or any(covered[s:e]):
                continue
            if (e - s == 1 and (folded[s] in lex.loc or bare(folded[s]) in lex.loc)) \
                    or (e - s > 1 and tuple(folded[s:e]) in lex.loc_multi):
                added.append((s, e, "LOC"))
            break
    return sorted(spans + added)


# what companies are for, as their names say («شركة أوراسكوم للإنشاءات»): a closed class, since
# «لل» + a noun after a company is as often whom it serves («قدمت شركة أرامكو للحكومة»)
_BUSINESSES = frozenset(fold("ال" + w) for w in (
    "إنشاءات", "مقاولات", "طاقة", "استثمار", "استثمارات", "تنمية", "صناعات", "بترول", "نفط", "غاز", "اتصالات",
    "تأمين", "تعدين", "تطوير", "أسمنت", "حديد", "صلب", "أدوية", "سيارات", "طيران", "شحن", "ملاحة", "تكنولوجيا",
    "برمجيات", "خدمات", "تجارة", "إعلام", "نشر", "إنتاج", "توزيع", "كهرباء", "استشارات", "عقارات", "تمويل",
    "أوراق", "كمبيوتر", "أسمدة", "كيماويات", "بتروكيماويات", "موانئ", "نقل", "سياحة", "فنادق", "إسكان"))
# the English words that end company names, as Arabic copy transliterates them
_COMPANY_SUFFIXES = frozenset(fold(w) for w in (
    "إنرجي", "إنرجيز", "انرجي", "بتروليوم", "غروب", "جروب", "هولدينغ", "هولدينج", "كابيتال", "موتورز", "إيرويز",
    "إيرلاينز", "تيليكوم", "تليكوم", "إنترناشونال", "إنترناشيونال", "فارما", "تكنولوجيز", "سيستمز", "كوربوريشن",
    "ليمتد", "ميديا", "فودز", "أويل", "ريسورسز", "سيكيوريتيز", "فاينانس",
    "إنفست", "إنفستمنت", "إنفستمنتس", "أسوشيتس", "بارتنرز", "لوجستيكس", "ماريتايم", "إنرجي",
    "وشركاه", "وشركاهم", "وشركائه"))  # «شركة نسما وشركاهم»: "and partners"


def suffixed_companies(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«دويتشه بنك», «سيليكون فالي بنك», «غلوبال إنفراستركتشر بارتنرز», «وودسايد إنرجي»: one to three
    foreign words (rare in Arabic, no everyday word, place or given name) before an English company
    word, or before «بنك» written after them as in the original, are a company's name, whatever the
    CRF made of them."""
    n = len(folded)
    freq = table()
    added: list[Span] = []
    found: set[tuple[str, ...]] | None = None  # the tails of the ORG spans, built at the first suffix
    for k in range(1, n):
        f = folded[k]
        if (f not in _COMPANY_SUFFIXES and f != _BANK) or any(x[0] < k < x[1] and x[2] == "ORG" for x in spans):
            continue  # (a company found already: «توتال إنرجيز»)
        j = k
        while j > 0 and k - j < 3:
            w, g = words[j - 1], folded[j - 1]
            stem = g[1:] if g[:1] == "و" and len(g) > 4 and freq.get(g) < _RARE else g
            clitic, rest = split_clitic(stem)
            if not is_arabic(w) or stem.startswith("ال") \
                    or (clitic not in ("", "ال") and freq.get(rest) >= max(_RARE_SURNAME, freq.get(stem))) \
                    or stem in STOP or stem in lex.common or stem in lex.loc \
                    or stem in lex.first_names or is_nationality(stem, lex) or in_class(stem, ORG_HEADS) \
                    or freq.get(stem) >= _UNCOMMON or looks_like_verb(stem) or _with_pronoun(w, _RARE_SURNAME):
                break  # (foreign names run up to Zipf 4 in Arabic news: «دويتشه», «سوفت»)
            j -= 1
            if stem != g:
                break  # «وسوسيتيه»: the «و» opens the name
        # the company the document names elsewhere, not a word before it: «عن اعتزاز توتال إنرجيز»
        if found is None:
            found = {(bare(folded[t]), *folded[t + 1:e]) for s, e, typ in spans if typ == "ORG" for t in range(s, e)}
        j = next((t for t in range(j, k) if (bare(folded[t]), *folded[t + 1:k + 1]) in found), j)
        if j < k and not any(x[0] < j < x[1] or x[0] < k + 1 < x[1] for x in spans):
            added.append((j, k + 1, "ORG"))
    if not added:
        return spans
    return sorted([x for x in spans if not any(a[0] <= x[0] and x[1] <= a[1] for a in added)] + added)


_BANK = fold("بنك")


def company_suffixes(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«كوسموس إنرجي», «توتال إنرجيز»: the English word that ends a company's name is part of it,
    also where the CRF began the next name with it («لشركة توتال إنرجيز باتريك بويانيه»); so is
    what a company is for («شركة أوراسكوم للإنشاءات»), when it is no body or title of its own;
    and a second foreign word tagged apart («شركة بافاريان» + «نورديك»)."""
    n = len(folded)
    starts = {s: (s, e, typ) for s, e, typ in spans}
    out: list[Span] = []
    taken: set[Span] = set()
    for s, e, typ in sorted(spans):
        if (s, e, typ) in taken:
            continue
        if typ == "PER" and e - s >= 2 and folded[e - 1] in _COMPANY_SUFFIXES:
            typ = "ORG"  # «أوبتيموم إنفست», «فوري أسوشيتس»: a company the tagger read as a person
        if typ == "ORG":
            while e < n and folded[e] in _COMPANY_SUFFIXES:
                nxt = starts.get(e)
                if nxt and nxt[2] == "ORG":  # «شركة بريتيش» + «بتروليوم»: one name
                    taken.add(nxt)
                    e = nxt[1]
                    break
                if nxt:
                    taken.add(nxt)
                    if nxt[1] - nxt[0] > 1:
                        out.append((e + 1, nxt[1], nxt[2]))
                e += 1
            if e < n and bare(folded[e]) in _BUSINESSES and in_class(folded[s], _COMPANY_HEADS) \
                    and e not in starts:
                e = _purpose_end(e, folded, lex) or e
            # «شركة بافاريان» + «نورديك»: a second foreign word the CRF tagged apart, right after a
            # company of one word, is the rest of its name (not a given name, a place or a company of its own)
            nxt = starts.get(e)
            if e - s == 2 and in_class(folded[s], _COMPANY_HEADS) and nxt and nxt[1] == e + 1 \
                    and nxt[2] in ("ORG", "PER") and not folded[e].startswith("ال") \
                    and folded[e] not in lex.first_names and folded[e] not in lex.loc \
                    and bare(folded[e]) not in known_organisations():
                taken.add(nxt)
                e += 1
        out.append((s, e, typ))
    return sorted(out)


_COURT = fold("محكمة")
_SUPREME = fold("العليا")
_HIGH_COURTS = frozenset(fold(w) for w in ("الاتحادية", "الدستورية", "الإدارية", "الانتخابية"))
# courts of first instance and appeal, which sit in a town (not «العليا», «الدستورية»: one per country)
_LOCAL_COURTS = frozenset(fold(w) for w in (
    "الابتدائية", "الإدارية", "العسكرية", "التجارية", "الجنائية", "الاستئناف", "الاستئنافية", "الجنايات", "الجنح",
    "الأسرة", "الشرعية", "الجزئية", "الكلية", "الإقليمية"))


def courts_of_places(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«المحكمة الابتدائية بصفاقس», «محكمة الاستئناف بالرباط»: a court is named by its kind and
    its seat, joined by «ب»; the seat is part of the name, not a place of its own. A high court
    is named by its kind and rank: «المحكمة الاتحادية العليا», «المحكمة الدستورية العليا»; a
    city's court by the city in construct: «محكمة الدار البيضاء», «محكمة باريس».

    The court's kind (:data:`_LOCAL_COURTS`) after «محكمة»/«المحكمة», then a known place behind
    «ب» (or «بال»); an organisation span over the kind is taken in.
    """
    n = len(words)
    out = list(spans)
    for i, f in enumerate(folded):
        if _COURT not in f or bare(f) not in (_COURT, "ال" + _COURT):  # (a substring test first: cheap)
            continue
        j = i + 2
        if j < n and folded[i + 1] in _HIGH_COURTS and folded[j] == _SUPREME and bare(f) == "ال" + _COURT \
                and not any(x[0] < j + 1 and x[1] > i for x in out):
            out.append((i, j + 1, "ORG"))  # «المحكمة الاتحادية العليا»: a country's high court
            continue
        loc = next((x for x in out if x[0] == i + 1 and x[2] == "LOC"), None)
        if bare(f) == _COURT and loc and not any(x[0] < loc[1] and x[1] > i and x != loc for x in out):
            end = loc[1] + 1 if loc[1] < n and folded[loc[1]] == _SUPREME else loc[1]  # «محكمة إسلام آباد العليا»
            out = [x for x in out if x != loc] + [(i, end, "ORG")]  # «محكمة الدار البيضاء»: the city's court
            continue
        if j >= n or folded[i + 1] not in _LOCAL_COURTS or not folded[j].startswith("ب"):
            continue
        seat = "ال" + folded[j][3:] if folded[j].startswith("بال") else folded[j][1:]
        loc = next((x for x in out if x[0] == j and x[2] == "LOC"), None)
        if not (loc or seat in lex.loc or (seat.startswith("ال") and seat[2:] in lex.loc)):
            continue
        end = loc[1] if loc else j + 1
        inside = [x for x in out if x[0] < end and x[1] > i]
        if any(x != loc and not (x[0] == i and x[1] <= j and x[2] == "ORG") for x in inside):
            continue
        out = [x for x in out if x not in inside] + [(i, end, "ORG")]
    return sorted(out)


def _place_at(i: int, j: int, folded: list[str], lex: Lexicon) -> bool:
    """Do the words from ``i`` (up to ``j``) begin a multi-word place of the lexicon?"""
    first = bare(folded[i])
    return any((first, *folded[i + 1:k]) in lex.loc_multi for k in range(i + 2, j + 1))


def propagate_multi(spans: list[Span], folded: list[str], words: list[str]) -> list[Span]:
    """Tag untagged repeats of multi-word names found elsewhere in the document."""
    names: dict[tuple[str, ...], str] = {}
    for s, e, typ in spans:
        if e - s > 1:
            names.setdefault((bare(folded[s]), *folded[s + 1:e]), typ)
    if not names:
        return spans
    covered = set()
    for s, e, _ in spans:
        covered.update(range(s, e))
    firsts = {k[0] for k in names}
    added: list[Span] = []
    for i, f in enumerate(folded):
        if i in covered or bare(f) not in firsts:
            continue
        for key, typ in names.items():
            e = i + len(key)
            if key[0] == bare(f) and tuple(folded[i + 1:e]) == key[1:] and not covered.intersection(range(i, e)):
                added.append((i, e, typ))
                covered.update(range(i, e))
                break
    return sorted(spans + added)


_ACTING = frozenset(fold(w) for w in ("بالإنابة", "بالوكالة"))
# what an office may be of, named earlier in the article: «رئيس الإقليم», «رئيس الوفد»
_NAMED_BEFORE = frozenset(fold(w) for w in ("إقليم", "وفد", "بلدية", "محافظة", "ولاية"))
# an office's body or place in a title chain: «رئيس حكومة إقليم كردستان …»
_BODY_OR_PLACE = CONSTRUCT_HEADS | _PLACE_NOUNS | {fold("بلدية")}  # «رئيس بلدية إسطنبول الكبرى …»


def _untagged_place(i: int, folded: list[str], lex: Lexicon) -> int:
    """Length of the known place at word ``i`` that can be nothing else (a multi-word place of
    the lexicon, or one word that is neither an everyday word nor a name part), else 0."""
    size = next(_place_sizes(i, folded, lex), 0)
    if size:
        return size
    f = folded[i]
    plain = f in lex.loc and f not in lex.first_names and f not in lex.per_tokens \
        and not _ordinary_word(f, lex, table())  # «الاتحاد», «ميمنة» are towns somewhere, and words
    return 1 if plain else 0


_GREATER = frozenset(fold(w) for w in ("الكبرى", "الكبير"))


def _adjective_title(i: int, folded: list[str]) -> bool:
    """An indefinite nisba title right after an indefinite feminine or plural noun is that noun's
    adjective: «ندوة صحفية», «تصريحات صحفية» (a press conference, press statements)."""
    f, prev = folded[i], folded[i - 1] if i else ""
    return f.endswith(("يه", "ي")) and not f.startswith("ال") and not prev.startswith("ال") \
        and prev.endswith(("ه", "ات")) and len(prev) >= 4 and table().get(prev) >= _COMMON_STEM


def title_chains(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Add PER spans for names that follow a title chain and the CRF missed.

    «العقيد معمر القذافي», «وزير الخارجية الروسي سيرغي لافروف»: after the chain, a
    known first name starts a name; an unknown word does too if it carries no clitic
    and a second name-like word follows (one unknown word after a title is too often
    a verb or a noun).
    """
    covered = covered_tokens(spans, len(words))
    span_at = spans_at(spans, len(words))
    added: list[Span] = []
    n = len(words)
    for i in range(n):
        if not is_title(folded[i]) and not (folded[i] in _MAN and i + 1 < n and folded[i + 1] in _MAN_OF):
            continue
        if _adjective_title(i, folded):
            continue  # «ندوة صحفية انتظمت …»: a press conference, no journalist
        j = i + 2 if folded[i] in _MAN and i + 1 < n and folded[i + 1] in _MAN_OF else i + 1
        describing = 0
        # the chain: offices, nationality adjectives, «باسم X», and the organisation an
        # office belongs to with its acronym («الأمين العام لحلف شمال الأطلسي (الناتو)»)
        while j < n and j - i <= 8:
            if (folded[j] in TITLE_COMPLEMENTS and (folded[j] != _IN_NAME_OF or is_title(folded[j - 1])
                                                    or folded[j - 1] in TITLE_COMPLEMENTS or folded[j - 1] in HIGH)) \
                    or is_nationality(folded[j], lex) or is_title(folded[j]) \
                    or folded[j] in HIGH or bare(folded[j]) in MINISTRY_DOMAINS:
                # («باسم» after a title is «in the name of»; after a body, the name Basem:
                # «القيادي في حركة حماس باسم نعيم»)
                j += 1
            elif folded[j - 1] == "باسم" and folded[j].startswith("ال") and not covered[j]:
                j += 1  # «المتحدث باسم الجماعة يحيى سريع»
            elif folded[j] == _AT and j + 1 < n and (sp := span_at[j + 1]) and sp[0] == j + 1 and sp[2] == "LOC":
                j = sp[1]  # «السفيرة الأمريكية لدى العراق ألينا رومانوسكي»
            elif folded[j] in _ACTING:
                j += 1  # «حاكم مصرف لبنان بالإنابة وسيم منصوري»
            elif folded[j] in _GREATER and (sp := span_at[j - 1]) and sp[2] == "LOC" and sp[1] == j:
                j += 1  # «رئيس بلدية إسطنبول الكبرى أكرم إمام أوغلو»: the greater city
            elif in_class(folded[j], _MINISTRIES) and j + 1 < n and not covered[j] \
                    and (folded[j - 1] == _IN_NAME_OF or is_title(folded[j - 1])) \
                    and (folded[j + 1] in TITLE_COMPLEMENTS or bare(folded[j + 1]) in MINISTRY_DOMAINS):
                j += 1  # the ministry; its domain and nationality follow in the chain
            elif (is_title(folded[j - 1]) or folded[j - 1] in TITLE_COMPLEMENTS) and not covered[j] \
                    and (b := bare(folded[j])).startswith("ال") and (b[2:] in _PURPOSE_HEADS or b[2:] in _NAMED_BEFORE):
                j += 1  # the body named before: «رئيس الهيئة فاروق بوعسكر», «الرئيس التنفيذي للمجلس علي …»
            elif is_title(folded[j - 1]) and (sp := span_at[j]) and sp[0] == j and sp[2] == "PER" and sp[1] - j >= 3 \
                    and folded[j] in lex.loc and folded[j] not in lex.first_names and folded[j] not in lex.per_tokens:
                # «محافظ طولكرم عبد الله كميل»: the CRF ran the governor's place into his name
                spans = [x for x in spans if x != sp] + [(j, j + 1, "LOC"), (j + 1, sp[1], "PER")]
                span_at[j] = (j, j + 1, "LOC")
                for x in range(j + 1, sp[1]):
                    span_at[x] = (j + 1, sp[1], "PER")
                break
            elif bare(folded[j]) == _COUNCIL and j + 1 < n and folded[j + 1] in _COUNCIL_KINDS and not covered[j]:
                j += 2  # «رئيس مجلس النواب عقيلة صالح»
                while j < n and folded[j] in _COUNCIL_KINDS:
                    j += 1  # «رئيس مجلس القيادة الرئاسي رشاد العليمي»
            elif folded[j] == _IN and j + 1 < n and (sp := span_at[j + 1]) and sp[0] == j + 1 and sp[2] == "ORG" \
                    and is_title(folded[j - 1]):
                j = _after_acronym(sp[1], words, span_at)  # «القيادي في حركة حماس باسم نعيم»
            elif in_class(folded[j], _BODY_OR_PLACE) and j + 1 < n and not covered[j] and (
                    bare(folded[j + 1]) in _BODY_OR_PLACE
                    or ((sp := span_at[j + 1]) and sp[0] == j + 1 and sp[2] == "LOC")):
                j += 1  # «رئيس حكومة إقليم كردستان مسرور بارزاني»: the office's body and place
            elif (sp := span_at[j]) and sp[0] == j and sp[2] in ("LOC", "ORG") \
                    and (folded[j] in lex.loc or folded[j] in _OFFICE_BODIES or not split_clitic(folded[j])[0]
                         or (sp[2] == "ORG" and sp[1] - j >= 2 and split_clitic(folded[j])[0] == "ال")) \
                    and (is_title(folded[j - 1]) or folded[j - 1] in TITLE_COMPLEMENTS
                         or in_class(folded[j - 1], _BODY_OR_PLACE)):
                # the office's place or body in construct: «محافظ البصرة …», «حاكم مصرف لبنان …», «رئيس
                # الهيئة العليا المستقلة للانتخابات فاروق بوعسكر»
                j = sp[1]
                if sp[2] == "ORG":  # and its acronym: «قائد قوات سوريا الديمقراطية (قسد) مظلوم عبدي»
                    j = _after_acronym(j, words, span_at)
            elif (is_title(folded[j - 1]) or folded[j - 1] in TITLE_COMPLEMENTS) and not covered[j] \
                    and (size := _untagged_place(j, folded, lex)):
                added.append((j, j + size, "LOC"))  # «محافظ ذي قار …»: not the governor's name
                # (over the piece of it the CRF found: «رئيس جنوب أفريقيا» had «أفريقيا»)
                spans = [x for x in spans if not (j <= x[0] and x[1] <= j + size)]
                for x in range(j, j + size):
                    covered[x] = True
                j += size
            elif (sp := span_at[j]) and sp[0] == j and sp[2] == "ORG" and (
                    folded[j - 1] == "باسم" or split_clitic(folded[j])[0] in ("ل", "لل")):
                j = _after_acronym(sp[1], words, span_at)
                # and the office's purpose within it: «المفوض السامي للأمم المتحدة لحقوق الإنسان فولكر تورك»
                if j < n and folded[j].startswith("ل") and not covered[j] and (end := _purpose_end(j, folded, lex)) \
                        and not any(covered[x] for x in range(j, end)):
                    j = end
            elif folded[j].startswith("وال") and not covered[j] and (
                    folded[j - 1] in TITLE_COMPLEMENTS or bare(folded[j - 1]) in MINISTRY_DOMAINS) \
                    and "ال" + folded[j][3:] in lex.common:
                j += 1  # a second domain: «وزيرة الاقتصاد والمالية نادية بنسليمان»
            elif describing < 2 and not covered[j] and _describes_office(folded[j], words[j], lex):
                describing += 1  # «رائدة الفضاء الأمريكية المخضرمة بيغي ويتسون», «رئيس وفدها المفاوض»
                j += 1
            elif describing and folded[j] in _BODY_ADJECTIVES and not covered[j]:
                j += 1  # the body's own adjective: «رئيس التجمع الوطني جوردان بارديلا»
            else:
                break
        while j < n and words[j] in QUOTES:
            j += 1
        if j + 1 < n and (sp := span_at[j]) and sp[:2] == (j, j + 1) and sp[2] == "LOC" and not covered[j + 1] \
                and folded[j] not in lex.common and name_like(folded[j + 1], words[j + 1], lex) \
                and folded[j + 1] not in lex.loc and not split_clitic(folded[j + 1])[0]:
            # «رئيسة الوزراء الإيطالية جورجيا ميلوني»: a place name that is also a given name,
            # right after the chain and before a name-like word, is the given name
            spans = [x for x in spans if x != sp]
            covered[j] = False
            span_at[j] = None
        # a rare word or a known given name right after the chain, and the word after it, may be
        # foreign names that merely look as if they opened with a clitic («… المخضرمة بيغي ويتسون»,
        # «نادية بنسليمان»)
        clitic_ok = j < n and (table().get(folded[j]) < _UNCOMMON or folded[j] in lex.first_names)
        if j >= n or covered[j] or not name_like(folded[j], words[j], lex, clitic_ok=clitic_ok):
            continue
        if j + 1 < n and (sp := span_at[j + 1]) and sp[0] == j + 1 and sp[2] == "PER" \
                and not folded[j].startswith("ال") and not (folded[j].endswith(("ها", "هم")) and len(folded[j]) >= 5) \
                and folded[j] not in _HONORIFICS and not split_clitic(folded[j + 1])[0] \
                and (folded[j] in lex.first_names or folded[j] not in lex.common) \
                and not (j and (bare(folded[j - 1]), folded[j]) in lex.loc_multi):  # «إقليم خيبر بختونخوا»
            # «الناشط السياسي جوهر بن مبارك», «وزير المياه رائد أبو السعود»: the CRF found the
            # rest of the name; the word between the chain and it is its first word (not a noun with
            # its owner, «وفدها»: a stem of three letters or more before «ها»/«هم»; «برهم صالح» is a name)
            spans = [x for x in spans if x != sp]
            added.append((j, sp[1], "PER"))
            for x in range(j, sp[1]):
                covered[x] = True
            continue
        second = j + 1 < n and not covered[j + 1] and (
            name_like(folded[j + 1], words[j + 1], lex, clitic_ok=clitic_ok) or (
            (folded[j] in lex.first_names or table().get(folded[j]) < _UNCOMMON)
            and (_letter_not_clitic(folded[j + 1], words[j + 1], lex)
                 or _rare_surname(folded[j + 1], words[j + 1], lex))))
        # «الرئيس جو بايدن»: the CRF read the surname as a place («ب» + «ايدن»); a one-word
        # place or organisation right after a given name in a title chain is the surname
        retyped = None
        if not second and j + 1 < n and (sp := span_at[j + 1]) and sp == (j + 1, j + 2, sp[2]) \
                and sp[2] != "PER" and folded[j + 1] not in lex.loc and folded[j + 1] not in lex.org_tokens \
                and is_arabic(words[j + 1]) and folded[j + 1] not in lex.common and not is_trigger(folded[j + 1], lex):
            second, retyped = True, sp
        known = folded[j] in lex.first_names or folded[j] in _NAME_LINKS
        if not known and (_real_clitic(folded[j], words[j], lex) or not second):
            continue
        if folded[j].startswith("ال") and not second:
            continue  # a definite word alone is no name after a chain («والمدافع المخضرم» + a name the CRF found)
        if not second and table().get(folded[j]) >= _UNCOMMON and j + 1 < n and folded[j + 1] in lex.common \
                and not folded[j + 1].startswith("ال") and folded[j + 1] not in STOP and is_arabic(words[j + 1]):
            continue  # a given name that is an everyday noun, in construct with one: «رئيس الهيئة سير أعمال التعويم»
        if describing and (not second or (not known and table().get(folded[j]) >= _UNCOMMON)):
            # after «رئيس المجلس الجديد» an everyday word is the sentence going on («ملفات خلافية»),
            # and a given name needs a second name: «وزيرة التعاون الدولي علي هامش» is «على هامش»
            continue
        k = extend_name(j + 2 if second else j + 1, j, covered, folded, words, lex)
        if retyped:
            spans = [sp for sp in spans if sp != retyped]
        added.append((j, k, "PER"))
        for x in range(j, k):
            covered[x] = True
    return sorted(spans + added)


def _real_clitic(f: str, word: str, lex: Lexicon) -> bool:
    """Does a word open with a proclitic? Only when what follows it is a word or a name:
    «بتعيين» is «ب» + «تعيين», but «بيغي», «بوريس», «ويتسون» without it are nothing
    («ألينا»: the article is never written with a hamza, so «أل…» / «إل…» is no clitic)."""
    clitic, rest = split_clitic(f)
    if not clitic or word.startswith(("أل", "إل")):
        return False
    # (the rest must be a word, and after a preposition not a rarer one than the whole: «برهم» is no
    # «ب» + «رهم»; «و» and «ف» are conjunctions too often to ask that of them)
    return clitic.endswith("ال") or clitic == "لل" or rest.startswith("ال") \
        or table().get(rest) >= (_RARE if clitic[0] in "وف" else max(_RARE, table().get(f))) \
        or rest in lex.first_names or rest in lex.per_tokens or rest in lex.loc


def _describes_office(f: str, word: str, lex: Lexicon) -> bool:
    """An everyday word that describes an office, not a name: a definite noun or adjective
    («الفضاء», «المخضرمة», «المفاوض») or the office's body with its owner («وفدها», «حكومته»).
    Definite given names («الوليد»), known name words, «إلينا» (no article) and «عقيلة» (a
    «ة», not the pronoun «ه») are not."""
    if f in lex.first_names or f in lex.per_tokens or f in lex.loc or is_trigger(f, lex) or f in STOP \
            or f in _TIME_WORDS or bare(f) in _DAYS:
        return False  # («الذي», «الليلة الماضية» go on a sentence, not an office)
    if word.startswith("ال"):
        if f.endswith("ي") and f not in lex.common:
            return False  # a nisba after a title is a family name: «الشيخ الخراساني أمين …»
        return f in lex.common or table().get(f) >= _RARE
    # (a stem of three letters before the pronoun: «برهم» is no «بر» + «هم»)
    return (len(word) >= 5 and word.endswith(("ها", "هم")) or len(word) >= 4 and word.endswith("ه")) \
        and table().get(f) >= _RARE


def _after_chain(s: int, folded: list[str], lex: Lexicon) -> bool:
    """Does the name at ``s`` follow a title chain (a title, nationality, complement or an office's domain)?

    A title's domain may be several definite words («وزير الدولة للذكاء الاصطناعي والاقتصاد
    الرقمي عمر سلطان العلماء إن…»): the chain is followed back through them to its title."""
    if s > 0 and (is_trigger(folded[s - 1], lex) or bare(folded[s - 1]) in MINISTRY_DOMAINS):
        return True
    for k in range(s - 1, max(-1, s - 8), -1):
        if is_trigger(folded[k], lex) or folded[k] == _IN_NAME_OF:  # («المتحدث باسم الوزارة باسل …»)
            return k < s - 1
        # (the office's body behind «ل»: «الرئيس التنفيذي لهيوماين طارق أمين،»)
        if not (folded[k].startswith(("ال", "لل", "وال")) or (folded[k].startswith("ل") and len(folded[k]) >= 4)) \
                or folded[k] in STOP:
            return False
    return False


def _after_acronym(j: int, words: list[str], span_at: list[Span | None]) -> int:
    """Past an organisation's acronym in brackets at ``j`` («(الناتو)», «(قسد)»), or ``j``."""
    if j + 2 < len(words) and words[j] == "(" and (sp := span_at[j + 1]) and sp[2] == "ORG" \
            and words[sp[1]:sp[1] + 1] == [")"]:
        return sp[1] + 1
    return j


# particles inside foreign names: «أورسولا فون دير لاين», «لولا دا سيلفا», «فان دايك»
_NAME_PARTICLES = frozenset(fold(w) for w in ("فون", "دير", "دا", "دي", "دو", "دوس", "فان", "لا", "لو", "دل"))


def _person_inside(s: int, e: int, folded: list[str], lex: Lexicon) -> int:
    """Where a person's name begins inside an organisation span, else 0: a given name without the
    article right after a definite word or a «لل…» purpose — no organisation's name goes on so."""
    for k in range(s + 2, e):
        f = folded[k]
        if f in lex.first_names and not f.startswith("ال") and f not in lex.common and f not in lex.loc \
                and f not in _NAME_LINKS and folded[k - 1].startswith(("ال", "لل")) and folded[k - 1] not in STOP \
                and folded[k - 1] not in _ROYAL_TITLES:  # («مركز الملك سلمان للإغاثة» is named after him)
            return k
    # «المدير الإقليمي للبنك جان كريستوف كاريه», «مدرب الاتحاد لوران»: a one-word body after a
    # title, then its chief's name (a given name, or a foreign name of rare words)
    if s and e - s >= 2 and folded[s].startswith(("ال", "لل")) and folded[s] not in STOP \
            and any(is_title(folded[x]) or bare(folded[x]) in _COACHES for x in range(max(0, s - 3), s)):
        f = folded[s + 1]
        # (a first letter like a clitic's is the name's own: «كريستالينا», «لوران»)
        if not f.startswith("ال") and f not in lex.common and f not in lex.loc and (
                f in lex.first_names or all(table().get(x) < _UNCOMMON for x in folded[s + 1:e])):
            return s + 1
    return 0


# heads that open the second of two bodies in one span: «… للطاقة وبنك الخليج», «… والديوان الوطني»
_LISTED_HEADS = (ORG_HEADS | RULE_ORG_HEADS) \
    | frozenset("ال" + h for h in ORG_HEADS | RULE_ORG_HEADS if not h.startswith("ال"))
_COACHES = frozenset(fold(w) for w in ("مدرب", "مدربة"))


def coordination(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Spans that are two names, and two spans that are one.

    * A place or person span with a word inside that opens with «و» is two names when that
      word is no name of its own («الدار البيضاء وبنجرير», «وأوراكل وهواوي»); a place is only
      cut after a known place.
    * Persons in a list after an organisation are organisations too: «بينها مايكروسوفت
      وأوراكل وهواوي» (the CRF reads unknown company names as persons).
    * Two person spans with nothing between them are one person: «لويس إيناسيو» + «لولا دا
      سيلفا»; so is a foreign name whose last word the CRF left after a particle
      («أورسولا فون دير» + «لاين»).
    * An organisation span the CRF ran on into the name of its chief is two (:func:`_person_inside`).
    """
    out: list[Span] = []
    starts = {x[0] for x in spans}
    for s, e, typ in spans:
        if typ == "ORG" and (k := _person_inside(s, e, folded, lex)):
            if e - k == 1 and e < len(words) and e not in starts and _surname_like(folded[e], words[e], lex):
                e += 1  # «مجلس الأعيان فيصل» + «الفايز»: the CRF stopped before the family name
            out += [(s, k, "ORG"), (k, e, "PER")]  # «لشركة تسويق النفط علي نزار»: the body, then its chief
            continue
        cut = s
        for k in range(s + 2, e - 1) if typ == "ORG" else ():
            if folded[k].startswith("و") and folded[k][1:] in _LISTED_HEADS and k - cut >= 2:
                out.append((cut, k, typ))  # «شركة ظفار للطاقة وبنك الخليج للتنمية»: two bodies
                cut = k
        for k in range(s + 1, e):
            f = folded[k]
            if typ not in ("LOC", "PER") or not f.startswith("و") or f.startswith("وال") and typ == "PER" \
                    or len(f) < 4 or f in lex.first_names or f in lex.per_tokens or f in lex.loc \
                    or f[1:] in _NAME_LINKS or not is_arabic(words[k]):
                continue
            if typ == "LOC" and not _known_place(folded[cut:k], lex):
                continue
            if typ == "PER" and k == e - 1 and not folded[s].startswith("و") and _foreign_w_name(f, lex):
                continue  # «ستيف ويتكوف»: a foreign surname that opens with «و» («Witkoff»)
            out.append((cut, k, typ))
            cut = k
        out.append((cut, e, typ))
    merged: list[Span] = []
    n = len(words)
    for s, e, typ in out:
        prev = merged[-1] if merged else None
        if prev and typ == "PER" and prev[2] == "PER" and prev[1] == s \
                and (not split_clitic(folded[s])[0] or folded[s] in lex.per_tokens or folded[s] in lex.first_names
                     or _letter_not_clitic(folded[s], words[s], lex)) \
                and not (prev[1] - prev[0] == 1 and folded[prev[0]].startswith("ال")) \
                and not (prev[1] - prev[0] == 1 and prev[0] and split_clitic(folded[prev[0]])[0] in ("ل", "لل")
                         and (is_title(folded[prev[0] - 1]) or folded[prev[0] - 1] in TITLE_COMPLEMENTS)):
            # (not «ماتيراتزي لزيدان»: to Zidane; not «النازي» + «أدولف هتلر»; not «الرئيس التنفيذي
            # لإيني» + «كلاوديو…»: the company, then its chief)
            merged[-1] = (merged[-1][0], e, "PER")
        else:
            merged.append((s, e, typ))
    result: list[Span] = []
    for s, e, typ in merged:
        if typ == "PER" and e - s >= 2 and e < n and folded[e - 1] in _NAME_PARTICLES \
                and not any(x[0] == e for x in merged) \
                and not folded[e].startswith("ال") and is_arabic(words[e]) and folded[e] not in STOP \
                and not is_trigger(folded[e], lex):
            e += 1  # a particle never ends a name («لاين» is not «ل» + «اين»)
        if typ == "PER" and result and e - s == 1 and folded[s].startswith("و") and folded[s] not in lex.first_names \
                and result[-1][2] == "ORG" and result[-1][1] == s:
            typ = "ORG"  # «مايكروسوفت وأوراكل»: listed with an organisation
        result.append((s, e, typ))
    return result


def nisba_surnames(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«رئيس الوزراء العراقي محمد شياع السوداني»: Arabic puts a person's nationality before
    the name, so after a title chain (which may end in its office's domain: «رئيس الوزراء
    محمد شياع السوداني»), an adjective of nationality
    right after the name is a family name (a nisba), not a second nationality. A Gulf
    ruling family's name after a person's name is part of it too (:data:`DYNASTIES`)."""
    covered = covered_tokens(spans, len(words))
    singles = {(s, e) for s, e, _ in spans if e - s == 1}
    absorbed: set[tuple[int, int]] = set()
    out: list[Span] = []
    n = len(words)
    for s, e, typ in spans:
        if typ == "PER" and e - s >= 2 and e < n and not covered[e] and _after_chain(s, folded, lex) \
                and folded[e].startswith("ال") and folded[e].endswith("ي") and is_nationality(folded[e], lex) \
                and (e + 1 == n or not name_like(folded[e + 1], words[e + 1], lex)):
            e += 1
        # «ناصر بن غانم الخليفي»: after «بن X» a rare definite nisba is the family (or tribe) name;
        # «رئيس الدائرة أحمد جمعة الكعبي خلال»: so is a rarer one after any two-part name
        if typ == "PER" and e - s >= 2 and e < n and not covered[e] and _family_nisba(s, e, folded, lex):
            covered[e] = True
            e += 1
        # «بتعيين حسين الشيخ نائبا»: «الشيخ» after a name and before no other name is the family name
        if typ == "PER" and e < n and folded[e] == _SHEIKH and not covered[e] and (
                e + 1 == n or not (folded[e + 1] in lex.first_names or folded[e + 1] in lex.per_tokens
                                   or is_trigger(folded[e + 1], lex))):
            e += 1
        # «الشيخ مشعل الأحمد الجابر» + «الصباح», «محمد بن راشد» + «آل مكتوم»: a ruling family's
        # name ends a person's name (the CRF stops before «الصباح», "the morning")
        if typ == "PER" and e < n and folded[e] in DYNASTIES and (not covered[e] or (e, e + 1) in singles):
            absorbed.add((e, e + 1))  # propagation may have tagged «الصباح» alone already
            e += 1
        elif typ == "PER" and e + 1 < n and not covered[e] and words[e] == "آل" and not covered[e + 1] \
                and is_arabic(words[e + 1]):
            e += 2
        out.append((s, e, typ))
    return [sp for sp in out if sp[:2] not in absorbed]


def _family_nisba(s: int, e: int, folded: list[str], lex: Lexicon) -> bool:
    """Is the definite nisba at ``e`` the family name of the person ``s``–``e``? After «بن/ولد X» one
    rarer than an everyday word is; after any two-part name only one as rare as family names are
    (Zipf 3.2–4.0: «الشمري», «التميمي»; not «الدولي», «الأمني»), and never a nationality. A
    daughter's family nisba agrees with her («بنت علي البلوشية»), and after the link a people's
    nisba as rare as that is the family's or tribe's name too."""
    f = folded[e]
    linked = e - s >= 3 and folded[e - 2] in _NAME_LINKS
    daughter = linked and folded[e - 2] == _DAUGHTER_OF  # «عائشة بنت علي البلوشية»: the family name agrees
    if not f.startswith("ال") or not f.endswith("يه" if daughter else "ي") or f in lex.common or f in lex.loc:
        return False
    if is_trigger(f, lex) and not (linked and is_nationality(f, lex) and not is_title(f)):
        return False  # (a rare people's nisba after «بن/بنت X» is a tribe's name: «البلوشية», «الحارثي»)
    if linked:
        return table().get(f) < _UNCOMMON
    return len(f) >= 5 and f not in STOP and not is_nationality(f, lex) and table().get(f) <= _NISBA_FAMILY


# what opens reported speech after its speaker: «… إن», «… أن», «… بأن», «… إنه»
# verbs whose object comes between their subject and «بأن»: «وصف X القرار بأنه», «اتهم X الحكومة بأنها»
_OBJECT_VERBS = frozenset(fold(w) for w in (
    "وصف", "وصفت", "اتهم", "اتهمت", "أبلغ", "أبلغت", "أخبر", "أخبرت", "طالب", "طالبت", "وعد", "وعدت", "ذكر", "ذكرت",
    "نصح", "نصحت", "أقنع", "حذر", "حذرت", "هدد", "هددت"))
_COMPLEMENTIZERS = frozenset(fold(w) for w in ("إن", "أن", "بأن", "إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها"))


def speaker_surnames(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«وقال وزير الاقتصاد محمد نضال الشعار إن…», «ويرى الخبير الاقتصادي عز الدين سعيدان أن…»:
    between a person's name after a title chain and the «إن/أن» of what they said, a
    name-like word is the rest of the name. The frame leaves no room for anything else
    there: an object would take a preposition, a time is no name-like word. Many Arabic
    family names are ordinary nouns with the article («الشعار», «النجار»), so only the
    frame tells them from the words that usually follow a name («صباح», a given name too,
    is a time there: «… صباح اليوم إن…»). After a given name (and at most one more word) the
    frame may also close on a comma, and after a lone given name hold two words («وزير الصحة
    الاتحادي عثمان الطيب بشير، خلال …»)."""
    covered = covered_tokens(spans, len(words))
    out: list[Span] = []
    n = len(words)
    for s, e, typ in spans:
        if typ == "PER" and e < n and not covered[e] and _after_chain(s, folded, lex):
            lone = e - s <= 2 and folded[s] in lex.first_names  # a given name, and at most one more
            for k in (1, 2) if lone and e - s == 1 else (1,):
                end = e + k
                if end >= n or any(covered[x] for x in range(e, end)) or not (
                        folded[end] in _COMPLEMENTIZERS or (lone and words[end] in _COMMAS)):
                    continue
                if folded[end].startswith("ب") and any(bare(folded[x]) in _OBJECT_VERBS or folded[x] in _OBJECT_VERBS
                                                      for x in range(max(0, s - 6), s)):
                    continue  # «وصف رئيس الوزراء فرانسوا بايرو القرار بأنه»: the verb's object before «بأن»
                comma = folded[end] not in _COMPLEMENTIZERS
                # before a comma, a two-word name takes no everyday definite word: «وهنأ الرئيس
                # الكيني وليام روتو الفائز،» (the winner) is its object
                if all(_surname_in_frame(x, folded, words, lex, indefinite=lone)
                       and not (comma and _plural(folded[x]))
                       and not (comma and e - s == 2 and folded[x].startswith("ال") and folded[x] in lex.common)
                       for x in range(e, end)):
                    for x in range(e, end):
                        covered[x] = True
                    e = end
                    break
        out.append((s, e, typ))
    return out


def apposition_surnames(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«أوضح المهندس عمران شرف مدير المشروع أن…»: between a lone given name after a title and the
    office that stands in apposition to the person, a word is the family name, even an everyday
    noun («شرف»): an object or a time would not come between a person and their office."""
    covered = covered_tokens(spans, len(words))
    n = len(words)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and e - s == 1 and e + 1 < n and not covered[e] and folded[s] in lex.first_names \
                and is_title(folded[e + 1]) and not folded[e + 1].startswith(("و", "ف")) \
                and _after_chain(s, folded, lex) and _surname_in_frame(e, folded, words, lex, indefinite=True):
            covered[e] = True
            e += 1
        out.append((s, e, typ))
    return out


def successor_names(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«خلفا لبشر الخصاونة»: "succeeding" + «ل» is followed by the person succeeded, even when the
    given name is an everyday word («بشر», people); and «كل من إمام عاشور وحسين الشحات»: "each of"
    opens a list of persons, whose first name may be a title or a word too («إمام»)."""
    covered = covered_tokens(spans, len(words))
    n = len(words)
    added: list[Span] = []
    for i in range(n - 2):
        j = i + 1
        if folded[i] in _SUCCEEDING and folded[j].startswith("ل") and len(folded[j]) >= 4 \
                and folded[j][1:] not in STOP and not folded[j].startswith("لل"):
            pass
        elif folded[i] == _EACH and folded[j] == _OF and i + 3 < n and is_arabic(words[j + 1]) \
                and folded[j + 1] not in STOP and not split_clitic(folded[j + 1])[0] \
                and (sp := next((x for x in spans if x[0] == j + 3), None)) and sp[2] == "PER" \
                and folded[j + 3].startswith("و"):
            j += 1  # «كل من» + «إمام عاشور» + «وحسين الشحات»
        else:
            continue
        if covered[j] or j + 1 >= n or covered[j + 1] or not is_arabic(words[j + 1]) or folded[j + 1] in STOP:
            continue
        if not (name_like(folded[j + 1], words[j + 1], lex) or _definite_surname(folded[j + 1], words[j + 1], lex)):
            continue
        added.append((j, j + 2, "PER"))
        covered[j] = covered[j + 1] = True
    return sorted(spans + added) if added else spans


def succeeded_stems(spans: list[Span], folded: list[str]) -> set[str]:
    """The given names after «خلفا ل…»: there the «ل» is the preposition, evidence for the canonical
    name without it («لبشر الخصاونة» is «بشر الخصاونة»), as a bare mention elsewhere would be."""
    return {folded[s][1:] for s, _, typ in spans
            if typ == "PER" and s and folded[s - 1] in _SUCCEEDING and folded[s].startswith("ل")}


_SUCCEEDING = frozenset(fold(w) for w in ("خلفا", "خلفاً"))
_EACH, _OF = fold("كل"), fold("من")


_COMMAS = ("،", ",")
# the office someone is elected or named to, in the accusative: «انتخب المجلس مازن القاضي رئيسا له»
_ROLE_ACCUSATIVES = frozenset(fold(w) for w in (
    "رئيسا", "نائبا", "وزيرا", "أمينا", "مديرا", "سفيرا", "ممثلا", "قائدا", "مدربا", "خلفا", "عضوا", "مستشارا",
    "محافظا", "مبعوثا", "منسقا", "متحدثا"))


def role_surnames(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«وانتخب مجلس النواب مازن القاضي رئيسا له», «اختار مجلس الأعيان فيصل الفايز رئيسا»: between a
    given name and the office the person is elected or named to, a definite word is the family name,
    even an everyday one («القاضي», «الفايز»)."""
    covered = covered_tokens(spans, len(words))
    n = len(words)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and e - s == 1 and folded[s] in lex.first_names and e + 1 < n and not covered[e] \
                and folded[e].startswith("ال") and folded[e + 1] in _ROLE_ACCUSATIVES \
                and not is_nationality(folded[e], lex) and folded[e] not in STOP and bare(folded[e]) not in _DAYS:
            covered[e] = True
            e += 1
        out.append((s, e, typ))
    return out


def _plural(f: str) -> bool:
    """«الفائزين», «المشاركون», «الحاضرات»: a definite plural before a comma is an object, not a family."""
    return f.startswith("ال") and len(f) >= 7 and f.endswith(("ين", "ون", "ات"))


def _surname_in_frame(x: int, folded: list[str], words: list[str], lex: Lexicon, indefinite: bool) -> bool:
    """The word at ``x`` can be the rest of a name in :func:`speaker_surnames`' frame; after a lone
    given name an everyday noun without the article can too («مدير المشروع عمران شرف أن»: no one
    is introduced by a title and a given name alone), but no adverb («مجددا»), time or object."""
    f = folded[x]
    # (the possessive is read on the word as written: folded, every «ة» is an «ه»)
    if f in _TIMES_OF_DAY or words[x].endswith(_POSSESSIVES) or f in lex.loc:
        return False
    if name_like(f, words[x], lex) or _definite_surname(f, words[x], lex):
        return True
    return indefinite and is_arabic(words[x]) and len(f) >= 3 and not split_clitic(f)[0] and f not in STOP \
        and not f.endswith("ا") and bare(f) not in _DAYS and f not in _TIME_WORDS \
        and (not is_trigger(f, lex) or not (f.startswith("ال") or is_nationality(f, lex))) \
        and not looks_like_verb(f) and not in_class(f, ORG_HEADS)  # («طارق أمين إن»: a title that is a name)


def _definite_surname(f: str, word: str, lex: Lexicon) -> bool:
    """An everyday noun with the article, in the frame of :func:`speaker_surnames` a family name
    («العلماء», «الشعار»): not a time, a title, a nationality, a verb or a function word («إلا»)."""
    return f.startswith("ال") and len(f) >= 4 and is_arabic(word) and f not in STOP and bare(f) not in _DAYS \
        and f not in _TIME_WORDS and not is_trigger(f, lex) and not is_nationality(f, lex) and not looks_like_verb(f)


# when something was said: «قال … الليلة إن», «… الأسبوع الماضي إن»
_TIME_WORDS = frozenset(fold(w) for w in (
    "الليلة", "الأسبوع", "الشهر", "العام", "السنة", "الماضي", "المقبل", "الجاري", "الحالي", "الفائت", "أيضا"))


_SHEIKH = fold("الشيخ")
# Ruling families of the Gulf written as one word after the given names («… الجابر الصباح»)
DYNASTIES = frozenset(fold(w) for w in ("الصباح", "النهيان", "القاسمي", "النعيمي", "المعلا"))


KNOWN_ORGS_PATH = Path(__file__).resolve().parent / "data" / "known_organisations.txt"
PLACES_PATH = Path(__file__).resolve().parent / "data" / "places.txt"


@lru_cache(maxsize=1)
def places_of_their_own(path: Path = PLACES_PATH) -> frozenset[tuple[str, ...]]:
    """The names in ``data/places.txt`` that hold another place's name and are not that place
    («أرض الصومال»), as folded token tuples."""
    return frozenset(tuple(fold(w) for w in line.split())
                     for section, line in curated_lines(path) if section.startswith("# places of their own"))


_OWN_PLACE_STARTS = frozenset(t[0] for t in places_of_their_own())
# everyday nouns that open the names of towns and villages in construct («دير الزور», «بيت لحم»,
# «كفر الشيخ», «رأس الخيمة», «عين العرب», «جسر الشغور», «بئر السبع», «تل أبيب», «خان يونس»)
_TOWN_HEADS = frozenset(fold(w) for w in (
    "دير", "بيت", "كفر", "رأس", "عين", "جسر", "بئر", "بير", "تل", "خان", "برج", "حمام", "مرسى", "سيدي", "قصر",
    "ذي", "أم", "باب"))
# words that make an ambiguous known name an organisation: «مسلحي القاعدة», «عناصر حماس»
_MEMBER_CUES = frozenset(fold(w) for w in (
    "عناصر", "مسلحي", "مسلحو", "مقاتلي", "مقاتلو", "زعيم", "قادة", "قيادي", "أعضاء", "عضو", "تنظيم", "حركة",
    "جماعة", "قناة", "وكالة", "صحيفة", "شركة", "موقع", "حكومة", "ميليشيات", "ميليشيا",
    "نادي", "النادي", "فريق", "لاعب", "لاعبو", "لاعبي", "مدرب", "جماهير", "مهاجم", "حارس"))


@lru_cache(maxsize=1)
def sports_clubs(path: Path = KNOWN_ORGS_PATH) -> frozenset[tuple[str, ...]]:
    """The names listed under the «# football clubs» header of ``known_organisations.txt``."""
    return frozenset(tuple(fold(w) for w in line.split())
                     for section, line in curated_lines(path) if section.startswith("# football clubs"))


# Words of a sports report: two of them make «النصر», «الهلال», «الاتحاد» clubs, not victory,
# crescent and union.
SPORTS_WORDS = frozenset(fold(w) for w in (
    "مباراة", "المباراة", "الدوري", "هدف", "هدفين", "الهدف", "أهداف", "ملعب", "لاعب", "اللاعب", "المدرب",
    "الجولة", "نقطة", "نقاط", "المنتخب", "البطولة", "تعادل", "بطولة", "الفريق", "فريقه", "المهاجم"))


@lru_cache(maxsize=1)
def known_organisations(path: Path = KNOWN_ORGS_PATH) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The curated organisation names as folded token tuples, indexed by their first token
    (without a proclitic), longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for _, line in curated_lines(path):
        toks = tuple(fold(w) for w in line.split())
        index.setdefault(toks[0], []).append(toks)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in index.items()}


def _ordinary_word(f: str, lex: Lexicon, freq: FreqTable) -> bool:
    """Is this one-word name also an everyday word («القاعدة», «الجزيرة», «فتح»)?"""
    memo = lex.memo.setdefault("ordinary", {})
    got = memo.get(f)
    if got is None:
        base = f[2:] if f.startswith("ال") else f
        # both forms in use and the bare one frequent: «قاعدة»/«القاعدة»; «كرملين» is rare
        got = f in lex.common or f in lex.ambiguous or (
            freq.get(base) >= 35 and article_cue(f, freq) in ("D", "L", "A"))
        memo[f] = got
    return got


def known_names(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Tag the organisations of ``known_organisations.txt`` (longest match, proclitics
    allowed on the first word) and correct the type of a CRF span that is exactly one.

    A one-word name that is also an everyday word needs a cue: a member or head noun
    before it («مسلحي القاعدة»), coordination with another organisation («من القاعدة
    وجماعة الإخوان المسلمين»), or, for a football club, a sports report around it
    (:data:`SPORTS_WORDS`: «فوز النصر على الاتحاد» after «مباراة», «الدوري»)."""
    index = known_organisations()
    memo = lex.memo.setdefault("known", {})
    starts: list[tuple[int, tuple[tuple[str, ...], ...]]] = []
    for i, f in enumerate(folded):  # most documents name none: find candidates first, cheaply
        cands = memo.get(f, ())
        if cands == ():
            cands = index.get(bare(f)) or index.get(f)
            if len(memo) >= 50_000:
                memo.clear()
            memo[f] = cands
        if cands:
            starts.append((i, cands))
    if not starts:
        return spans
    freq = table()
    by_span = {(s, e): typ for s, e, typ in spans}
    span_at: list[tuple[int, int] | None] = [None] * len(words)
    for s, e, _ in spans:
        for x in range(s, e):
            span_at[x] = (s, e)
    org_at = {i for s, e, typ in spans if typ == "ORG" for i in range(s, e)}
    fixed: dict[tuple[int, int], str] = {}
    dropped: set[tuple[int, int]] = set()
    added: list[Span] = []
    n = len(words)
    done = 0
    sporting: bool | None = None  # a sports report? (asked only when an ambiguous name needs a cue)
    for i, cands in starts:
        if i < done:
            continue
        hit = next((i + len(t) for t in cands if i + len(t) <= n and tuple(folded[i + 1:i + len(t)]) == t[1:]), None)
        if hit is None:
            continue
        if hit - i == 1 and i and bare(folded[i - 1]) in _ONE_PLACE_NOUNS:
            continue  # «منطقة الزمالك» is the district the club is named after
        if hit - i == 1 and _ordinary_word(bare(folded[i]), lex, freq):
            prev = bare(folded[i - 1]) if i else ""
            coordinated = (hit < n and folded[hit].startswith("و") and hit in org_at) or (
                i and folded[i].startswith("و") and i - 1 in org_at)
            if sporting is None:
                sporting = len(SPORTS_WORDS.intersection(folded)) >= 2
            # «الاتحاد التونسي للتنس» is a federation, not the club «الاتحاد»
            club = sporting and (bare(folded[i]),) in sports_clubs() and not (
                in_class(folded[i], ORG_HEADS) and hit < n and is_nationality(folded[hit], lex))
            if prev not in _MEMBER_CUES and not coordinated and not club:
                continue
        touched = {span_at[x] for x in range(i, hit)} - {None}
        inside = {sp for sp in touched if sp and i <= sp[0] and sp[1] <= hit}
        crossing = touched - inside
        start = i
        # «شركة أرامكو» + «أرامكو السعودية»: an organisation head before the name joins it
        if len(crossing) == 1 and (sp := next(iter(crossing))) and sp[1] <= hit and sp[0] == i - 1 \
                and by_span.get(sp[:2]) == "ORG" and in_class(folded[sp[0]], ORG_HEADS):
            dropped.add(sp[:2])
            crossing, start = set(), sp[0]
        # «المدير العام لمنظمة الصحة العالمية تيدروس …»: a CRF span running on from a known name
        # into a word without the article or a preposition has taken in what follows it (an
        # organisation's name goes on only with definite words or «لـ»: «… الدولي للتنمية»)
        if len(crossing) == 1 and (sp := next(iter(crossing))) and sp[0] == i and sp[1] > hit \
                and by_span.get(sp[:2]) == "ORG" and is_arabic(words[hit]) and not folded[hit].startswith("ال") \
                and not split_clitic(folded[hit])[0] and folded[hit] not in STOP:
            dropped.add(sp[:2])
            crossing = set()
        # «الرئيس التنفيذي لإنفيديا جنسن هوانغ»: a person span that opens with a known organisation
        # is the organisation and its chief; with a definite word after it, the organisation's
        # full name («الوداد البيضاوي»)
        if len(crossing) == 1 and (sp := next(iter(crossing))) and sp[0] == i and sp[1] > hit \
                and by_span.get(sp[:2]) == "PER" \
                and all(name_like(folded[x], words[x], lex) for x in range(hit, sp[1])):
            if folded[hit].startswith("ال"):
                hit = sp[1]  # (retyped below)
            else:
                dropped.add(sp[:2])
                added.append((hit, sp[1], "PER"))
            crossing = set()
        # «التجاري وفا بنك قائمة الرابحين»: a span a head word opened inside the known name ends with it
        if len(crossing) == 1 and (sp := next(iter(crossing))) and i < sp[0] < hit < sp[1] \
                and by_span.get(sp[:2]) == "ORG" and in_class(folded[sp[0]], ORG_HEADS):
            dropped.add(sp[:2])
            crossing = set()
        if not crossing and start == i and i and span_at[i - 1] is None and in_class(folded[i - 1], _GROUP_HEADS):
            start = i - 1  # «لمجموعة تداول السعودية»: the group's own name (a «شركة» before it is not: «شركة شل»)
        if (i, hit) in by_span and start == i:
            fixed[(i, hit)] = "ORG"
        elif not crossing:  # a known name wins over pieces of it («روسيا» in «روسيا اليوم»)
            dropped.update(inside)
            added.append((start, hit, "ORG"))
        done = hit
    out = [(s, e, fixed.get((s, e), typ)) for s, e, typ in spans if (s, e) not in dropped]
    return sorted(out + added)


def _usable_given_name(f: str, lex: Lexicon) -> bool:
    name = f if f in lex.first_names else bare(f)
    if name not in lex.first_names or name in lex.common or name in lex.ambiguous:
        return False
    freq = table()
    if name != f and freq.get(f) > freq.get(name):
        return False  # «لدينا» is a word («we have»), not «ل» + «دينا»
    cues = ("N", "X", "L") if name in curated_first_names() else ("N", "X")
    # «عمر» (age), «بيان», «جمال», «حسن»: given names that are also nouns take the article
    return article_cue(name, freq) in cues


def first_name_pairs(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«لنظام معمر القذافي»: a known given name followed by a name-like word is a person,
    even with no title before it. The given name must not be an everyday word of the
    corpus, nor a noun in modern usage (a noun takes the article: «العمر», «البيان»; a
    curated given name may take it now and then, «المعمر»); and
    the next word must not be an everyday word either (nor a title, a verb or a particle)."""
    memo = lex.memo.setdefault("given", {})
    covered = covered_tokens(spans, len(words))
    # a given name the CRF tagged alone: «وسجل إبراهيم دياز الهدف» (its surname is no known name)
    alone = {s for s, e, typ in spans if typ == "PER" and e - s == 1}
    added: list[Span] = []
    grown: set[int] = set()
    n = len(words)
    for i in range(n - 1):
        f = folded[i]
        ok = memo.get(f)
        if ok is None:
            ok = _usable_given_name(f, lex)
            if len(memo) >= 50_000:
                memo.clear()
            memo[f] = ok
        if not ok or covered[i + 1] or (covered[i] and (i not in alone or folded[i + 1].startswith("ال")
                                                         or _accusative_noun(folded[i + 1]))):
            continue
        nxt = folded[i + 1]
        # (or a foreign surname that opens with a clitic letter: «ديفيد بيكر», not «ب» + «يكر»)
        if _surname_like(nxt, words[i + 1], lex) or (
                _letter_not_clitic(nxt, words[i + 1], lex) and not nxt.endswith(("ه", "ها", "هم"))):
            if covered[i]:
                grown.add(i)
            _add_person(i, added, covered, folded, words, lex)
    if grown:
        spans = [sp for sp in spans if not (sp[0] in grown and sp[1] == sp[0] + 1)]
    spans = _given_name_before(sorted(spans + added), covered, folded, lex)
    return _patronymic_before(_grow_compound_given(spans, covered, folded, words, lex),
                              covered, folded, words, lex)


_PARTICLES = frozenset(fold(w) for w in ("فان", "فون", "دي", "دو", "دا", "ديل", "دل", "دوس"))


def _given_name_before(spans: list[Span], covered: list[bool], folded: list[str], lex: Lexicon) -> list[Span]:
    """«المتحدث باسم الوزارة، علي حسين الجبوري،»: the CRF began the person one word late; a
    usable given name right before a person of two words or more opens it («علي» only after a
    comma or a title, where it cannot be the preposition «على»)."""
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and s and not covered[s - 1] and folded[s - 1] in _PARTICLES:
            covered[s - 1] = True
            s -= 1  # «فان نيستلروي», «دي ميستورا»: the particle opens a European family name
        if typ == "PER" and e - s >= 2 and s and not covered[s - 1] and (
                (folded[s - 1] != _ALI and _usable_given_name(folded[s - 1], lex)
                 and not split_clitic(folded[s - 1])[0])
                or (folded[s - 1] == _ALI and s >= 2
                    and (folded[s - 2] in _COMMAS or is_trigger(folded[s - 2], lex)))):
            covered[s - 1] = True
            s -= 1
        out.append((s, e, typ))
    return out


_SON_OF = frozenset(fold(w) for w in ("ولد", "بن"))


def _patronymic_before(spans: list[Span], covered: list[bool], folded: list[str], words: list[str],
                       lex: Lexicon) -> list[Span]:
    """«الداه ولد عبد الجليل»: a person the CRF began after «ولد»/«بن» also holds the name before
    it (a Mauritanian name may open with the article: «الداه»; then the word must be rare)."""
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and s >= 2 and folded[s - 1] in _SON_OF and not covered[s - 2] and not covered[s - 1] \
                and name_like(folded[s - 2], words[s - 2], lex) and not is_title(folded[s - 2]) \
                and (not folded[s - 2].startswith("ال") or table().get(folded[s - 2]) < _RARE_SURNAME):
            s -= 2
        out.append((s, e, typ))
    return out


def _grow_compound_given(spans: list[Span], covered: list[bool], folded: list[str], words: list[str],
                         lex: Lexicon) -> list[Span]:
    """«الرئيس عبد المجيد تبون ضيفته»: a person the CRF tagged as a compound given name alone
    («عبد» + the divine name) takes the surname after it, on the terms of :func:`first_name_pairs`."""
    out: list[Span] = []
    n = len(words)
    for s, e, typ in spans:
        # «عائشة» + «بنت علي البلوشية», «سيدي» + «ولد محمد»: the CRF stopped before the father's name
        while typ == "PER" and e + 1 < n and folded[e] in _SONS_OF and not covered[e] and not covered[e + 1] \
                and name_like(folded[e + 1], words[e + 1], lex) and not is_title(folded[e + 1]):
            covered[e] = covered[e + 1] = True
            e += 2  # («محمد لمين ولد سلامة ولد النفاع»: as many links as there are)
        # «حاكم المصرف عبد القادر الحصرية»: a name cannot end in a link («عبد», «بن», «أبو»)
        # (after «عبد» a definite word is the divine name, whatever else it means: «ريما عبد الملك»)
        if typ == "PER" and e < n and folded[e - 1] in _NAME_LINKS and not covered[e] \
                and (name_like(folded[e], words[e], lex) or (folded[e - 1] == _ABD and folded[e].startswith("ال"))):
            e = extend_name(e + 1, s, covered, folded, words, lex)
            for x in range(s, e):
                covered[x] = True
            linked = True
        else:
            linked = False
        if typ == "PER" and e - s == 2 and e < n and folded[s] == "عبد" and not covered[e] \
                and (linked or not folded[e].startswith("ال") or not is_nationality(folded[e], lex)) \
                and not _accusative_noun(folded[e]) and _surname_like(folded[e], words[e], lex):
            e = extend_name(e + 1, s, covered, folded, words, lex)
            for x in range(s, e):
                covered[x] = True
        out.append((s, e, typ))
    return out


def _surname_like(f: str, word: str, lex: Lexicon) -> bool:
    """The word after a given name continues it: name-like, no everyday word, no clitic but «ال»."""
    return f not in lex.common and f not in lex.ambiguous and name_like(f, word, lex) \
        and split_clitic(f)[0] in ("", "ال")


def _add_person(i: int, added: list[Span], covered: list[bool], folded: list[str], words: list[str],
                lex: Lexicon) -> None:
    """A person from the given name at ``i`` and the surname after it, grown by :func:`extend_name`."""
    k = extend_name(i + 2, i, covered, folded, words, lex)
    added.append((i, k, "PER"))
    for x in range(i, k):
        covered[x] = True


def listed_persons(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«المرشحان سليمان فرنجية وجهاد أزعور»: «و» + two name-like words right after a person
    is another person (the first word may be a given name that is also a noun, «جهاد»);
    the second must not be an everyday word."""
    covered = covered_tokens(spans, len(words))
    person_at = {s: e for s, e, typ in spans if typ == "PER"}
    added: list[Span] = []
    joined: set[int] = set()
    n = len(words)
    for _, e, typ in spans:
        i = e
        if typ != "PER" or i + 1 >= n or covered[i] or not folded[i].startswith("و"):
            continue
        first, nxt = folded[i][1:], folded[i + 1]
        if len(first) < 3 or first.startswith("ال") or first in STOP or not is_arabic(words[i]) \
                or is_trigger(first, lex) or in_class(first, ORG_HEADS) or first in lex.loc \
                or folded[i] in _ROLE_ACCUSATIVES or is_title(folded[i]) \
                or (first not in lex.first_names and table().get(folded[i]) > table().get(first)):
            continue  # («… لوديي وزيراً منتدباً», «بمنح غويتا ولاية رئاسية»: the «و» is the word's own)
        if covered[i + 1]:
            # «وحسين الشحات ووسام أبو علي»: the CRF began the next person after «و» + its given name
            if i + 1 in person_at and first in lex.first_names:
                joined.add(i + 1)
                added.append((i, person_at[i + 1], "PER"))
                covered[i] = True
            continue
        if nxt not in lex.loc and _surname_like(nxt, words[i + 1], lex):
            _add_person(i, added, covered, folded, words, lex)
    if joined:
        spans = [sp for sp in spans if sp[0] not in joined or sp[2] != "PER"]
    return sorted(spans + added)


# Third-person masculine verbs of saying: in news the word after them is the speaker.
SPEECH_VERBS = frozenset(fold(p + w) for w in (
    "قال", "أكد", "أضاف", "أوضح", "أشار", "صرح", "أعلن", "اعتبر", "رأى", "شدد", "لفت", "نفى", "حذر", "دعا",
    "طالب", "كشف", "أفاد", "ذكر", "تابع", "استطرد", "اعترف", "أقر", "رد", "علق") for p in ("", "و", "ف"))


def speech_subjects(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«وقال رافاران إن…», «وأكد جوتشولك أن…»: an unknown word right after a verb of
    saying is the speaker's name when modern usage never gives it the article (the
    ``def=`` cue of :mod:`wordfreq_table`: a name is never «الرافاران»), it is not a
    frequent ordinary word of the training corpus, and no known place or title."""
    freq = table()
    covered = covered_tokens(spans, len(words))
    added: list[Span] = []
    n = len(words)
    for i in range(n - 1):
        j = i + 1
        if j + 1 < n and folded[j + 1] in _COMPLEMENTIZERS and not covered[j] \
                and _definite_speaker(i, folded, words, lex, freq):
            added.append((j, j + 1, "PER"))  # «وقالت السغروشني إن…»
            covered[j] = True
            continue
        if folded[i] not in SPEECH_VERBS or covered[j] or not _speaker_word(folded[j], words[j], lex, freq):
            continue
        k = j + 1
        while k < n and k - j < 3 and not covered[k] and (
                folded[k - 1] in _NAME_LINKS or _speaker_word(folded[k], words[k], lex, freq)):
            k += 1
        added.append((j, k, "PER"))
        for x in range(j, k):
            covered[x] = True
    return sorted(spans + added)


# the same verbs in the feminine («وقالت», «وأكدت»): only for the family name with the article below
_SPEECH_VERBS_F = frozenset(f + "ت" for f in SPEECH_VERBS)


def _definite_speaker(i: int, folded: list[str], words: list[str], lex: Lexicon, freq: FreqTable) -> bool:
    """«وقالت السغروشني إن…», «وأكد الخليفي أن…»: a family name with the article between a verb of
    saying and «إن/أن» — a rare word that is no place, organisation, title or ordinary noun (the
    body that speaks, «وقالت الوزارة إن», is a frequent word)."""
    f = folded[i + 1]
    if (folded[i] not in SPEECH_VERBS and folded[i] not in _SPEECH_VERBS_F) or folded[i + 2] not in _COMPLEMENTIZERS:
        return False
    return f.startswith("ال") and len(f) >= 5 and is_arabic(words[i + 1]) and f not in STOP and f not in lex.common \
        and f not in lex.loc and f not in lex.org_tokens and not is_trigger(f, lex) and not in_class(f, ORG_HEADS) \
        and (f,) not in known_organisations().get(f, ()) and freq.get(f) < _RARE_SURNAME \
        and not f.endswith(("يه", "ون", "يين", "ات"))  # «الدبلوماسيون إن»: a plural


def _speaker_word(f: str, word: str, lex: Lexicon, freq: FreqTable) -> bool:
    if f.startswith("ال") or split_clitic(f)[0] or not name_like(f, word, lex) or f in lex.ambiguous:
        return False
    if f in lex.loc or f in lex.org_tokens or f in _NAME_LINKS:
        return f in _NAME_LINKS
    if article_cue(f, freq) not in ("N", "X"):
        return False
    # an inflected common word: «مسؤولو» (construct plural), «نفقا» (accusative),
    # «دخوله» (pronoun suffix) — the word without the ending takes the article
    return not any(f.endswith(suf) and len(f) - len(suf) >= 3 and article_cue(f[:-len(suf)], freq) == "D"
                   for suf in _INFLECTIONS)


_INFLECTIONS = ("ها", "هم", "ه", "ي", "ا", "و", "ك")


_REGNAL = frozenset(fold(w) for w in (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"))


def propagate(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Tag untagged repeats of one-word names (and of surnames) found elsewhere in the
    document, and unify the types of one-word mentions by majority vote."""
    votes: dict[str, Counter[str]] = {}
    headed: set[str] = set()
    if found := _headed_names(folded, words, lex):  # «مجموعة أورانو», «لمجمع سوناطراك» the tagger missed
        spans = _split_headed_persons(spans, folded, set(found.values()))
        for i in found:  # the head and its name, unless a longer span runs across them
            overlap = [x for x in spans if x[0] < i + 2 and x[1] > i]
            if all(i <= x[0] and x[1] <= i + 2 for x in overlap):
                spans = [x for x in spans if x not in overlap] + [(i, i + 2, "ORG")]
        spans = sorted(spans)
    for s, e, typ in spans:
        if e - s == 1:
            votes.setdefault(bare(folded[s]), Counter())[typ] += 1
        elif typ == "ORG" and e - s == 2 and class_word(folded[s], _COMPANY_HEADS) \
                and (b := bare(folded[s + 1])) not in lex.loc and b not in lex.first_names and not b.startswith("ال"):
            # «شركة كوفيسترو»: the article named the company once with its head; the bare name elsewhere
            # («خطط كوفيسترو», «لكوفيسترو») is the company, whatever the tagger read it as each time
            votes.setdefault(b, Counter())["ORG"] += _HEADED_VOTES
            headed.add(b)
        elif typ == "PER" and folded[e - 2] not in _NAME_LINKS and folded[e - 1] not in _REGNAL:
            # a surname stands for the person: «خليفة حفتر» → «حفتر» (not the end of «عبد الوحيد»,
            # nor a regnal number: «الحسن الثاني» is not «الثاني»)
            votes.setdefault(bare(folded[e - 1]), Counter())["PER"] += 1
    covered = covered_tokens(spans, len(words))
    out = list(spans)
    for i, f in enumerate(folded):
        if covered[i] or not is_arabic(words[i]):
            continue
        b = bare(f)
        if b in _IDIOM_PLACES and i + 1 < len(folded) and folded[i + 1].startswith(_IDIOM_PLACES[b]):
            continue  # «مسقط رأسه» is a birthplace, whatever «مسقط» was elsewhere
        if b in votes and len(b) >= 3 and b not in STOP and not is_nationality(b, lex):
            out.append((i, i + 1, ""))
    result: list[Span] = []
    for s, e, typ in sorted(out):
        if e - s == 1 and (b := bare(folded[s])) in votes:
            typ = _majority(votes[b], folded[s] in lex.loc or b in lex.loc)
        if e - s == 1 and headed and folded[s][:1] in ("ب", "ل", "ك", "و", "ف") and bare(folded[s][1:]) in headed:
            typ = "ORG"  # «لكوفيسترو», which ``bare`` leaves whole (no lexicon knows «كوفيسترو»)
        result.append((s, e, typ))
    return result


_HEADED_VOTES = 3  # a name written once after «شركة» outweighs a few one-word readings as a person or place


def _headed_names(folded: list[str], words: list[str], lex: Lexicon) -> dict[int, str]:
    """One-word names right after «شركة/مجموعة/مجمع» (by the head's position) that the article ends
    there and no lexicon knows: «مجموعة أورانو الفرنسية», «لمجمع سوناطراك،», «مجموعة أداني التي».
    Not an everyday word («شركة كبرى», «مجموعة من») nor a word common in Arabic text («مبادلة»), a
    place, a given name, a word with the article (a trade: «شركة النفط»), a name that goes on
    («شركة سبيس إكس», «شركة ميتسوبيشي للصناعات الثقيلة») or a quoted name (its own rule)."""
    out: dict[int, str] = {}
    n = len(folded)
    freq = table()
    for i in range(n - 1):
        if not class_word(folded[i], _COMPANY_HEADS) or not is_arabic(words[i + 1]):
            continue
        b = folded[i + 1]
        ends = i + 2 == n or not is_word(words[i + 2]) or folded[i + 2] in STOP or is_nationality(folded[i + 2], lex)
        if ends and len(b) >= 4 and b == bare(b) and not b.startswith("ال") and b not in STOP \
                and b not in lex.common and b not in lex.loc and b not in lex.first_names and b not in lex.per_tokens \
                and not is_nationality(b, lex) and not is_title(b) and not in_class(b, ORG_HEADS) \
                and freq.get(b) <= _RARE_IN_ARABIC \
                and not _with_pronoun(words[i + 1], _RARE_IN_ARABIC):
            out[i] = b  # (nor a noun with its pronoun: «مجموعة حواراته», «ومجموعة شركاتها»)
    return out


_RARE_IN_ARABIC = 30  # wordfreq's Zipf × 10: rarer than about one word in a million


def _split_headed_persons(spans: list[Span], folded: list[str], headed: set[str]) -> list[Span]:
    """«الرئيس المدير العام الأسبق لسوناطراك عبد المومن ولد قدور»: a person span opening with a company
    the article names with its head is the company and its chief."""
    out: list[Span] = []
    for s, e, typ in spans:
        f = folded[s]
        if typ == "PER" and e - s >= 2 and (bare(f) in headed or (f[:1] in ("ب", "ل", "ك", "و", "ف")
                                                                 and bare(f[1:]) in headed)):
            out += [(s, s + 1, "ORG"), (s + 1, e, "PER")]
        else:
            out.append((s, e, typ))
    return out


def _majority(votes: Counter[str], known_place: bool) -> str:
    """The most frequent type; a tie goes to LOC for a known place («كييف/موسكو (رويترز)»
    looks like an agency credit to the CRF, «العاصمة كييف» does not)."""
    if len(votes) == 1:
        return next(iter(votes))
    ranked = votes.most_common()
    if known_place and len(ranked) > 1 and ranked[1][1] == ranked[0][1] and "LOC" in votes \
            and votes["LOC"] == ranked[0][1]:
        return "LOC"
    return ranked[0][0]


@lru_cache(maxsize=50_000)
def class_word(f: str, words: frozenset[str]) -> str | None:
    """The member of the closed class ``words`` that the folded word is, or holds behind a
    proclitic, else None. The whole word is tried first («وكالة» is not «و» + «كالة»), then
    the word after «و/ف» («وبورصة» is not «وب» + «ورصة», as ``bare`` reads it), then ``bare``."""
    if f in words:
        return f
    if f[:1] in ("و", "ف") and f[1:] in words:
        return f[1:]
    b = bare(f)
    return b if b in words else None


def in_class(f: str, words: frozenset[str]) -> bool:
    """Is the folded word, or the word behind a proclitic, in the closed class ``words``?"""
    return class_word(f, words) is not None


@lru_cache(maxsize=50_000)
def bare(f: str) -> str:
    """A folded word without a single-letter proclitic, article kept («لحفتر» → «حفتر»).

    «و/ف» + «ب/ل/ك» may also be «و» before a word that opens with that letter: the commoner
    reading wins («وبرنامج» → «برنامج», not «رنامج»; «وبالتالي» as written)."""
    clitic, stem = split_clitic(f, min_stem=3)
    if not clitic or clitic == "ال":
        return f
    if clitic.endswith("ال") or clitic in ("لل", "ولل", "فلل"):
        return "ال" + stem
    if len(clitic) == 2 and clitic[0] in "وف" and table().get(f[1:]) > table().get(stem):
        return f[1:]
    return stem


_OGLU = frozenset(fold(w) for w in ("أوغلو", "اوغلو", "أوغلي"))


def oglu_surnames(spans: list[Span], folded: list[str]) -> list[Span]:
    """«أكرم إمام أوغلو», «أحمد داود أوغلو»: Arabic writes the Turkish «-oğlu» of a family name as a
    word of its own; after a person's name it is the end of that name."""
    covered = covered_tokens(spans, len(folded))
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and e < len(folded) and folded[e] in _OGLU and not covered[e]:
            covered[e] = True
            e += 1
        out.append((s, e, typ))
    return out


def adjacent_persons(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«الأمير خالد بن سلطان العبدالله الفيصل»: a person of two names or more and, right after
    it, one that opens on a family name with the article are one name the tagger cut in two
    (a list of persons has «و» or a comma between its names; «لزيدان» is a complement)."""
    out: list[Span] = []
    for sp in spans:
        if out and sp[2] == "PER" and out[-1][2] == "PER" and out[-1][1] == sp[0] \
                and out[-1][1] - out[-1][0] >= 2 and sp[1] - out[-1][0] <= 6 \
                and folded[sp[0]].startswith("ال") and not folded[sp[0]].startswith("الل"):
            out[-1] = (out[-1][0], sp[1], "PER")
            continue
        if sp[2] == "PER" and sp[1] - sp[0] >= 2 and folded[sp[1] - 1] in _NAME_LINKS and sp[1] < len(folded) \
                and folded[sp[1] - 1] != _ABD and is_word(folded[sp[1]]) and folded[sp[1]] not in STOP \
                and not any(x[0] <= sp[1] < x[1] for x in spans):
            sp = (sp[0], sp[1] + 1, "PER")  # «سعد بن أبي» + «وقاص»: a name does not end on a link
        if sp[2] == "PER" and sp[1] - sp[0] >= 3 and folded[sp[1] - 2] in _SONS_OF and sp[1] < len(folded) \
                and not any(x[0] <= sp[1] < x[1] for x in spans) and _nasab_family_name(sp[1], folded, words, lex):
            sp = (sp[0], sp[1] + 1, "PER")  # «عمر بن سلطان» + «العلماء», «محاد بن سعيد» + «باعوين»
        if out and sp[2] == "PER" and out[-1][2] == "PER" and out[-1][1] + 1 == sp[0] \
                and folded[out[-1][1]] in _SONS_OF and sp[1] - out[-1][0] <= 7:
            out[-1] = (out[-1][0], sp[1], "PER")  # «سارة» + «بنت» + «يوسف الأميري»: the link the tagger left out
            continue
        if out and out[-1][2] == "PER" and out[-1][1] == sp[0] and sp[1] - sp[0] == 2 and folded[sp[0]] == _FAMILY \
                and out[-1][1] - out[-1][0] >= 3 and folded[out[-1][1] - 2] == _SON:
            out[-1] = (out[-1][0], sp[1], "PER")  # «تميم بن حمد» + «آل ثاني» (read as a body): the ruling family
            continue
        out.append(sp)
    return out


_SPEAKER_ENDS = frozenset((":", *_COMMAS))


def _quoted_alone(f: str, folded: list[str], words: list[str], skip: int) -> int | None:
    """Where the document has ``f`` alone as the speaker: after a verb of saying and before «إن/أن»
    or a colon or comma («وقال الأزرق:»), elsewhere than at ``skip``."""
    for j in range(1, len(folded) - 1):
        if j != skip and folded[j] == f and (folded[j - 1] in SPEECH_VERBS or folded[j - 1] in _SPEECH_VERBS_F) \
                and (folded[j + 1] in _COMPLEMENTIZERS or words[j + 1] in _SPEAKER_ENDS):
            return j
    return None


def quoted_family_names(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«اللواء الركن الصادق محمد الأزرق» … «وقال الأزرق:»: a definite word right after a person's name
    that the same article later quotes alone as the speaker is the family name, however everyday
    the word («الأزرق», blue); and that lone mention is the person. (A body that speaks, «وقالت
    الوزارة», is too frequent a word to be taken.)"""
    covered = covered_tokens(spans, len(words))
    out: list[Span] = []
    added: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and 2 <= e - s <= 3 and e < len(words) and not covered[e] \
                and (f := folded[e]).startswith("ال") and len(f) >= 5 and is_arabic(words[e]) and f not in STOP \
                and not is_trigger(f, lex) and f not in lex.loc and not in_class(f, ORG_HEADS) \
                and table().get(f) < _EVERYDAY_NISBA and (j := _quoted_alone(f, folded, words, e)) is not None:
            covered[e] = True
            e += 1
            if not covered[j]:
                covered[j] = True
                added.append((j, j + 1, "PER"))
        out.append((s, e, typ))
    return sorted(out + added)


def _third_name(f: str, word: str, lex: Lexicon) -> bool:
    """A word that goes on a person's name as the next of its chain (the father's or grandfather's
    name, or the family's): a name the lexicon knows as such, below Zipf 4 (not «أمين» secretary, «نجم»
    star, «صباح» morning, «الثالث» third, which it knows from names too), no place, no title."""
    return (f in lex.per_tokens or f in lex.first_names) and is_arabic(word) and f not in lex.common \
        and table().get(f) < _UNCOMMON \
        and f not in lex.loc and f not in STOP and not is_trigger(f, lex) and f not in _HONORIFICS \
        and split_clitic(f)[0] in ("", "ال") and not looks_like_verb(f)


def grandfather_names(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«هشام عبدالعليم» + «رضوان», «علي جعفر» + «العرادي»: the tagger often stops a name of three
    or four parts after two; the name the lexicon knows that follows at once is the rest of it
    (a list of persons has «و» or a comma between its names)."""
    starts = {s for s, _, _ in spans}
    inside = covered_tokens(spans, len(words))
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and e - s >= 2:
            while e < len(words) and e - s < 4 and not inside[e] and e not in starts \
                    and _third_name(folded[e], words[e], lex):
                e += 1
        out.append((s, e, typ))
    return out


_FAMILY, _SON = fold("آل"), fold("بن")


def _nasab_family_name(k: int, folded: list[str], words: list[str], lex: Lexicon) -> bool:
    """After «X بن Y», the family name: a definite word that is no title, time, nationality or
    function word («العلماء»), or a rare word without a clitic («باعوين»)."""
    f = folded[k]
    if not is_arabic(words[k]) or f in STOP or is_trigger(f, lex) or bare(f) in _DAYS or f in _TIME_WORDS \
            or looks_like_verb(f) or in_class(f, ORG_HEADS):
        return False
    if f.startswith("ال"):  # (not a participle describing the person: «أسامة بن لادن المسؤول عن …»)
        return _definite_surname(f, words[k], lex) and not (f.startswith("الم") and not f.endswith("ي"))
    return table().get(f) < _RARE and not _real_clitic(f, words[k], lex) and f not in lex.common \
        and not (f.endswith(("ين", "ان")) and table().get(f[:-2]) >= _UNCOMMON)  # («… بن عمار تغييرين»: a dual)


def purpose_tails(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«جامعة الملك عبدالله للعلوم» + «والتقنية», «الوكالة المغربية للطاقة» + «المستدامة»: an
    organisation the CRF (or a rule) ended inside its purpose takes the rest of it, by the terms
    of :func:`_purpose_end` (purposes joined by «و», the adjective that ends the list)."""
    covered = covered_tokens(spans, len(folded))
    out: list[Span] = []
    for s, e, typ in spans:
        p = next((k for k in range(e - 1, s, -1) if folded[k].startswith("لل")), None) if typ == "ORG" else None
        if p is not None and e < len(folded) and not covered[e] and (end := _purpose_end(p, folded, lex)) > e \
                and not any(covered[k] for k in range(e, end)):
            e = end
        elif typ == "ORG" and e - s >= 2 and e < len(folded) and folded[e].startswith("لل") and not covered[e] \
                and class_word(folded[s], CONSTRUCT_HEADS) and not class_word(folded[s], _COMPANY_HEADS) \
                and not folded[e - 1].startswith("ال") and (end := _purpose_end(e, folded, lex)) \
                and not any(covered[k] for k in range(e, end)):
            e = end  # «معهد تيودور بلهارس» + «للأبحاث»: a body named after a person, and what it is for
        out.append((s, e, typ))
    return out


def party_aims(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«حزب الاتحاد من أجل الجمهورية», «التجمع من أجل الثقافة والديمقراطية»: a party or front named
    for what it stands for («من أجل» + one or two definite nouns, joined by «و»), as Maghrebi and
    West African parties are; the name the tagger ended before «من» on its generic noun («الاتحاد»,
    «التجمع») takes its aim. («تعمل حركة حماس من أجل …» is a sentence going on.)"""
    covered = covered_tokens(spans, len(folded))
    n = len(folded)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG" and e + 2 < n and folded[e] == _FROM and folded[e + 1] == _SAKE \
                and bare(folded[e - 1]) in _AIM_NOUNS \
                and folded[e + 2].startswith("ال") and not any(covered[k] for k in range(e, e + 3)):
            end = e + 3
            if end < n and folded[end].startswith("وال") and not covered[end]:
                end += 1  # «… الثقافة والديمقراطية»
            e = end
        out.append((s, e, typ))
    # «التجمع من أجل مالي», «والتحالف من أجل الديمقراطية في مالي»: the same name the tagger missed,
    # its aim a definite noun or a known country (and the country it works in, after «في»)
    places = {s for s, e, typ in spans if typ == "LOC" and e - s == 1}
    for i in range(n - 3):
        if covered[i] or class_word(folded[i], _AIM_NOUNS) is None or folded[i + 1] != _FROM \
                or folded[i + 2] != _SAKE or covered[i + 1] or covered[i + 2] \
                or (covered[i + 3] and i + 3 not in places):
            continue
        aim = folded[i + 3]
        if not (aim.startswith("ال") and len(aim) >= 5) and aim not in lex.loc:
            continue
        end = i + 4
        if end < n and folded[end].startswith("وال") and not covered[end]:
            end += 1
        if end + 1 < n and folded[end] == _IN and folded[end + 1] in lex.loc and aim not in lex.loc:
            end += 2
        out = [sp for sp in out if not (i <= sp[0] and sp[1] <= end)] + [(i, end, "ORG")]
        for k in range(i, end):
            covered[k] = True
    return sorted(out)


_FROM, _SAKE = fold("من"), fold("أجل")
_AIM_NOUNS = frozenset(fold(w) for w in ("الاتحاد", "التجمع", "التحالف", "الحركة", "الجبهة"))


def coordinated_organisations(spans: list[Span], folded: list[str]) -> list[Span]:
    """«أندية الاتحاد والأهلي والنصر والهلال»: the tagger read a list of known clubs or bodies joined
    by «و» as one name; each is its own (only when every piece is a curated name: «حزب العدالة
    والتنمية» is one party — or when a dual head says there are two: «شركتي بروج وبورياليس»). And a
    company named after its trade («شركة الشحن») is the name after it, which the tagger read as a person."""
    out: list[Span] = []
    person_at = {s: e for s, e, typ in spans if typ == "PER"}
    for s, e, typ in spans:
        if typ == "ORG" and folded[s] in _DUAL_HEADS:
            s += 1  # «شركتي» + «بروج وبورياليس»: the dual head names two bodies, and is neither
        cuts = [k for k in range(s + 1, e) if folded[k].startswith("و")] if typ == "ORG" and e - s >= 2 else []
        pieces = list(zip([s, *cuts], [*cuts, e], strict=True)) if cuts else []
        dual = s > 0 and folded[s - 1] in _DUAL_HEADS and len(pieces) == 2
        if pieces and (dual or all(_curated(tuple(bare(f) if k == a else f for k, f in enumerate(folded[a:b], a)))
                                   for a, b in pieces)):
            out.extend((a, b, "ORG") for a, b in pieces)
            continue
        if typ == "ORG" and e - s == 2 and class_word(folded[s], _COMPANY_HEADS) and folded[s + 1].startswith("ال") \
                and e in person_at and person_at[e] - e <= 3:
            # «وشركة الشحن هاباغ لويد»: after the company's trade, the name the tagger read as a person
            out.append((e, person_at[e], "ORG"))
            continue
        if s < e:
            out.append((s, e, typ))
    taken = {sp[0] for sp in out if sp[2] == "ORG"}
    return [sp for sp in out if not (sp[2] == "PER" and sp[0] in taken)]


_DUAL_HEADS = frozenset(fold(w) for w in ("شركتي", "مجموعتي", "منظمتي", "جامعتي", "حركتي", "وكالتي", "صحيفتي"))


def _curated(toks: tuple[str, ...]) -> bool:
    return toks in sports_clubs() or toks in known_organisations().get(toks[0], ())


def _arabic_plural_end(f: str) -> bool:
    """A definite Arabic word that only ends a name: one after «و», or a plural («الاشتراكيين»); a family
    name («شركة الخرافي» + «ناشيونال») may go on with foreign words."""
    return f.startswith("وال") or (f.startswith("ال") and f.endswith(("ين", "ون", "ات")))


def foreign_company_names(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«بنك فيرست ريبابليك», «مصرف غولدمان ساكس», «حزب بهاراتيا جاناتا», «شركة أوبن إيه آي»: after the
    head and a first foreign word, a name goes on through more words that no lexicon knows and that
    are rare in Arabic (no article, no clitic before a known place: «ساكس بنيويورك» ends at «ب» +
    «نيويورك»), up to five words; the tagger's pieces of it are dropped, and a span running on from
    it (a person the company's name ran into) starts after it."""
    n = len(folded)
    grown: list[tuple[int, int, int]] = []
    for s, e, typ in spans:
        if typ != "ORG" or not (class_word(folded[s], _FOREIGN_NAME_HEADS)) or not 2 <= e - s <= 3 \
                or table().get(folded[e - 1]) >= _UNCOMMON or _arabic_plural_end(folded[e - 1]):
            continue  # (a name in Arabic words, «مجموعة الاشتراكيين والديمقراطيين», goes on with no foreign word)
        k = e
        while k < n and k - s < 6:
            if k + 1 < n and (folded[k], folded[k + 1]) == _AI:
                k += 2
            elif _foreign_word(k, folded, words, lex):
                k += 1
            else:
                break
        if k > e:
            grown.append((s, e, k))
    if not grown:
        return spans
    out: list[Span] = []
    for sp in spans:
        g = next((x for x in grown if x[0] == sp[0] and x[1] == sp[1] and sp[2] == "ORG"), None)
        if g:
            out.append((g[0], g[2], "ORG"))
            continue
        inside = next((x for x in grown if x[1] <= sp[0] < x[2]), None)
        if inside is None:
            out.append(sp)
        elif sp[1] > inside[2]:  # «… إيه آي» + «سام ألتمان»; «… ساكس» + «بنيويورك», a place
            rest = (inside[2], sp[1])
            typ = "LOC" if rest[1] - rest[0] == 1 and bare(folded[rest[0]]) in lex.loc else sp[2]
            out.append((*rest, typ))
    return sorted(out)


# Latin letters as Arabic writes them in acronyms («بي إن», «إتش إس بي سي», «أو إم في»)
_LETTER_WORDS = frozenset(fold(w) for w in (
    "إيه", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جيه", "كيه", "كي", "إل", "إم", "إن", "أو",
    "كيو", "آر", "إس", "تي", "يو", "في", "دبليو", "إكس", "واي", "زد"))
_LETTER_HEADS = _COMPANY_HEADS | _AGENCY_HEADS | frozenset(fold(w) for w in ("شبكة",))


def letter_names(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«مجموعة بي إن الإعلامية», «شبكة سي إن إن»: after a company, group, channel or network head, two
    letters or more spelled as Arabic writes them are the body's acronym name (the tagger reads a
    letter alone as a person or a preposition: «في», «أو»), with an adjective of its kind that
    agrees with the head («الإعلامية»; its nationality stays out). The letters that are also Arabic
    words («في», «أو», «إن») neither open the name nor end it before a clause («أن الشركة»)."""
    n = len(folded)
    out = list(spans)
    changed = False
    for i in range(n - 2):
        if not class_word(folded[i], _LETTER_HEADS) or folded[i + 1] not in _LETTER_WORDS \
                or folded[i + 1] in STOP:
            continue
        j = i + 1
        while j < n and folded[j] in _LETTER_WORDS and j - i <= 5:
            j += 1
        kind = j < n and folded[j].startswith("ال") and folded[j].endswith(("يه", "ي")) \
            and not is_nationality(folded[j], lex) and _feminine(bare(folded[i])) == folded[j].endswith("يه")
        if folded[j - 1] in STOP and not (kind or j == n or not is_word(words[j])):
            j -= 1  # «منصة إكس أن الشركة …»: «أن» opens a clause
        if j - i < 3:
            continue
        if kind:
            j += 1
        inside = [sp for sp in out if sp[0] < j and sp[1] > i]
        if all(i <= sp[0] and sp[1] <= j for sp in inside):
            out = [sp for sp in out if sp not in inside] + [(i, j, "ORG")]
            changed = True
    return sorted(out) if changed else spans


# heads after which a foreign name of several words is a company, a bank or a party
_FOREIGN_NAME_HEADS = (_COMPANY_HEADS - {fold("مجمع")}) | _BANKS | {fold("حزب")}
_AI = (fold("إيه"), fold("آي"))


def _foreign_word(k: int, folded: list[str], words: list[str], lex: Lexicon) -> bool:
    f, w = folded[k], words[k]
    return is_arabic(w) and not f.startswith("ال") and f not in STOP and f not in lex.common \
        and table().get(f) < _UNCOMMON and not is_nationality(f, lex) and not is_trigger(f, lex) \
        and f not in lex.first_names and f not in lex.loc and not _real_clitic(f, w, lex) \
        and not w.endswith(("ة", "ها", "هم")) and not (w.endswith("ه") and _owned_noun(w)) \
        and not (f.endswith("ت") and table().get(f[:-1]) >= _COMMON_VERB)  # («منصتها»: a noun; «أنجزت»: a verb)


def ideology_parties(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«الحزب الوطني الاسكتلندي», «الحزب الاشتراكي الموحد الفنزويلي», «الحزب الاشتراكي», «التحالف الوطني
    الديمقراطي», «الحركة الشعبية»: a party, front or alliance named by its creed (and its country's
    adjective) is a particular one; «الحزب الحاكم» (the ruling party) and «التحالف الدولي» describe."""
    covered = covered_tokens(spans, len(folded))
    n = len(folded)
    out = list(spans)
    for i in range(n - 1):
        if covered[i] or not in_class(folded[i], _CREED_HEADS) or not bare(folded[i]).startswith("ال"):
            continue
        j, creeds = i + 1, 0
        while j < n and j - i <= 4 and not covered[j]:
            if folded[j] in _CREEDS and not (creeds == 0 and bare(folded[i]) == _THE_MOVEMENT and folded[j] in _NATIONAL
                                             and not (j + 1 < n and folded[j + 1] in _CREEDS)):
                creeds += 1  # (but «الحركة الوطنية» alone is the nation's struggle, not a party)
            elif not ((folded[j].startswith("ال") and is_nationality(folded[j], lex))
                      or (creeds and folded[j] in _CREED_TRAILERS)):  # «الجبهة الشعبية الجديدة», «الحزب الدستوري الحر»
                break
            j += 1
        if creeds and j + 1 < n and folded[j] in _LIBERATION and not covered[j]:
            # «الجبهة الشعبية لتحرير تيغراي», «الحركة الشعبية لتحرير السودان»: the place liberated is in the name
            out = [sp for sp in out if not (sp[0] == j + 1 and sp[1] == j + 2)]
            j += 2
        if creeds:
            out.append((i, j, "ORG"))
            for k in range(i, j):
                covered[k] = True
    return sorted(out) if out != spans else spans


_THE_MOVEMENT = fold("الحركة")
_NEW = frozenset(fold(w) for w in ("الجديد", "الجديدة"))
_LIBERATION = frozenset(fold(w) for w in ("لتحرير", "للتحرير"))
# after a creed: new, free, and a continent («الحزب الاجتماعي الديمقراطي الإفريقي»)
_CREED_TRAILERS = _NEW | frozenset(fold(w) for w in (
    "الحر", "الحرة", "الإفريقي", "الإفريقية", "الأفريقي", "الأفريقية", "العربي", "العربية", "الأوروبي"))
_CREED_HEADS = frozenset(fold(w) for w in ("الحزب", "التحالف", "الجبهة", "الحركة", "التجمع"))
_CREEDS = frozenset(fold(w) for w in (
    "الاشتراكي", "الاشتراكية", "الشيوعي", "الشيوعية", "الديمقراطي", "الديمقراطية", "الجمهوري", "الليبرالي",
    "الليبرالية", "المحافظ", "الوطني", "الوطنية", "القومي", "القومية", "العمالي", "الدستوري", "الشعبية", "الشعبي",
    "الموحد", "الوحدوي", "التقدمي", "التقدمية", "اليساري", "الاجتماعي", "الاجتماعية"))


def national_governments(spans: list[Span], folded: list[str]) -> list[Span]:
    """«حكومة الوحدة الوطنية», «حكومة الاستقرار الوطني», «حكومة الإنقاذ الوطني»: a government named by
    what it stands for and «national» is a particular cabinet (a bare «حكومة الاحتلال» describes)."""
    covered = covered_tokens(spans, len(folded))
    added: list[Span] = []
    for i in range(len(folded) - 2):
        if class_word(folded[i], _GOVERNMENTS) and folded[i + 1].startswith("ال") and folded[i + 1] not in STOP \
                and folded[i + 2] in _NATIONAL and not any(covered[i:i + 3]):
            added.append((i, i + 3, "ORG"))
    return sorted(spans + added) if added else spans


_GOVERNMENTS = frozenset({fold("حكومة")})
_NATIONAL = frozenset(fold(w) for w in ("الوطني", "الوطنية"))


def campuses(spans: list[Span], folded: list[str]) -> list[Span]:
    """«جامعة ولاية أريزونا», «جامعة كاليفورنيا في بيركلي», «جامعة كولورادو بولدر», «الجامعة الأمريكية في
    بيروت»: a university named after a state takes the state, and one named after a US state or called
    «American» takes its campus town, after «في» or not (a university of another name is only located
    there: «جامعة القاهرة في الجيزة»)."""
    loc_at = {s: e for s, e, typ in spans if typ == "LOC"}
    org_at = {s: e for s, e, typ in spans if typ == "ORG"}
    n = len(folded)
    found: list[tuple[int, int]] = []
    for i in range(n - 2):
        if not in_class(folded[i], _UNIVERSITIES):
            continue
        if class_word(folded[i + 1], _STATE_NOUNS) and (end := loc_at.get(i + 2)) and end - i <= 4:
            e = end  # «جامعة ولاية» + «أريزونا»
        elif folded[i + 1] in us_states() or folded[i + 1] in _AMERICAN:
            e = i + 2  # «جامعة كاليفورنيا», «الجامعة الأمريكية»
        else:
            continue
        if e < n and folded[e] == _IN and (end := loc_at.get(e + 1)) and end - e <= 3:
            e = end  # «… في بيركلي»
        elif e in loc_at and loc_at[e] - e == 1 and folded[e - 1] in us_states():
            e = loc_at[e]  # «جامعة كولورادو» + «بولدر»
        while e in loc_at and loc_at[e] - e == 1 and folded[e - 2] == _IN:  # «في أوربانا» + «شامبين»
            e = loc_at[e]
        if i in org_at and org_at[i] > e:
            continue  # the tagger's name already runs on to the campus
        if e - i >= 2 and (e > i + 2 or i not in org_at or org_at[i] != e):
            found.append((i, e))
    if not found:
        return spans
    out = [sp for sp in spans if not any(a <= sp[0] and sp[1] <= b for a, b in found)]
    out = [sp for sp in out if not any(sp[0] < b and a < sp[1] for a, b in found)]
    return sorted(out + [(a, b, "ORG") for a, b in found])


_UNIVERSITIES = frozenset(fold(w) for w in ("جامعة", "الجامعة"))
_STATE_NOUNS = frozenset(fold(w) for w in ("ولاية",))
_AMERICAN = frozenset(fold(w) for w in ("الأمريكية", "الأميركية"))


@lru_cache(maxsize=1)
def us_states(path: Path = PLACES_PATH) -> frozenset[str]:
    """The states of the United States listed in ``data/places.txt``, folded."""
    return frozenset(fold(line) for section, line in curated_lines(path) if "United States" in section)


def national_societies(spans: list[Span], before: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«الصليب الأحمر اللبناني», «الهلال الأحمر السوداني»: each national society of the movement is
    named by its country's adjective, as a state's civil defence is («الدفاع المدني السوري»). The
    curated name («الهلال الأحمر») comes after :func:`adjective_tails`, so the nationality is taken
    here — for these names only: a curated name's adjective is otherwise another word's («اتفاقية
    الأمم المتحدة الإطارية»)."""
    old = set(before)
    n = len(folded)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG" and (s, e, typ) not in old and folded[e - 1] == _RED and e < n \
                and is_nationality(folded[e], lex) and folded[e].startswith("ال"):
            e += 1
        if typ == "ORG" and s and e - s >= 2 and folded[s + 1] == _RED and class_word(folded[s - 1], _SOCIETY):
            s -= 1  # «جمعية الهلال الأحمر الفلسطيني»: the society's own name
        out.append((s, e, typ))
    # the civil defence of a state is a body when its state is named: «الدفاع المدني السوري»
    # (alone, «فرق الدفاع المدني» are the rescue service in general)
    covered = covered_tokens(out, n)
    for i in range(n - 2):
        if bare(folded[i]) == _DEFENCE and folded[i + 1] == _CIVIL and folded[i + 2].startswith("ال") \
                and is_nationality(folded[i + 2], lex) and not any(covered[i:i + 3]):
            out.append((i, i + 3, "ORG"))
    return sorted(out)


_RED = fold("الأحمر")
_SOCIETY = frozenset({fold("جمعية")})
_DEFENCE, _CIVIL = fold("الدفاع"), fold("المدني")


# nouns of the nisba's shape: «المفوضية» is a body, not an adjective ending its name
_NISBA_NOUNS = frozenset({fold("المفوضية")})
# adjectives of time and order, which tell when or which, not what: «الحكومة الحالية», «المؤتمر الثاني»
_NOT_NAME_ADJECTIVES = frozenset(fold(w) for w in (
    "الحالي", "الحالية", "الماضي", "الماضية", "الجاري", "الجارية", "التالي", "التالية", "الثاني", "الثانية",
    "السنوي", "السنوية", "الأصلي", "الأصلية", "المنتهية", "المنتهي", "النهائي", "النهائية", "الرسمي", "الرسمية"))


# feminine without «ة», and broken plurals of things, which take a feminine adjective
# («هيئة السوق المالية», «هيئة الأوراق المالية», «وزارة الموارد البشرية»); after them a nisba that
# is elsewhere an office's domain («وزير المالية») is the adjective
_FEMININE_NOUNS = frozenset(fold(w) for w in (
    "السوق", "الأسواق", "الأوراق", "الموارد", "الشؤون", "الحرب", "الأرض", "الدار"))


def _feminine(f: str) -> bool:
    """A word an adjective describes in the feminine: «للطاقة», «الجديدة», and non-human plurals («للصناعات»)."""
    return f.endswith(("ه", "ات")) or bare(f) in _FEMININE_NOUNS


def describes(f: str, noun: str, lex: Lexicon) -> bool:
    """Is definite ``f`` an adjective agreeing with the word before it (``noun``)? A nisba
    («الاقتصادية», «التقنية») or a participle of the «مستفعل/متفعل» kind («المستدامة», «المتقدمة»),
    of the same gender, that is no nationality (a company's nationality is no part of its name),
    no adjective of time or order, and no everyday word unless it is a nisba («مفوضية العون» +
    «الإنساني»)."""
    if not f.startswith("ال") or len(f) < 6 or f in STOP or f in _NOT_NAME_ADJECTIVES \
            or f in _NISBA_NOUNS or is_title(f) or is_nationality(f, lex) \
            or (is_trigger(f, lex) and bare(noun) not in _FEMININE_NOUNS) \
            or (f in lex.common and not f.endswith(("ي", "يه"))):
        return False
    fem = _feminine(noun)
    if f.endswith("يه"):
        return fem
    if f.endswith("ي"):
        return not fem
    if f.startswith(("المست", "المت")) and len(f) >= 7:
        return fem == f.endswith("ه")
    return False


def _national(f: str, last: str, lex: Lexicon) -> bool:
    """A nationality agreeing with a name that ends in an Arabic word: «الهلال الأحمر» + «التركي»,
    «للإحصاء» + «الفلسطيني», «جامعة العلوم والتكنولوجيا» + «الأردنية». Not after a foreign name
    («شركة توتال إنرجيز الفرنسية»: the company's nationality, not its name), nor after a
    nationality: in «مدرب المنتخب العراقي الأسترالي غراهام أرنولد» the second is the coach's."""
    if not (f.startswith("ال") and last.startswith(("ال", "لل", "وال")) and is_nationality(f, lex)) \
            or is_nationality(last, lex):
        return False
    return _feminine(last) == f.endswith("يه")


_GENERAL = frozenset(fold(w) for w in ("العامة", "العام"))


def adjective_tails(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """«الوكالة المغربية للطاقة» + «المستدامة», «هيئة الطاقة الجديدة» + «والمتجددة», «الصندوق الكويتي
    للتنمية الاقتصادية» + «العربية»: an organisation of two words or more ended before an adjective
    that agrees with its last word takes it (a nationality too, after an Arabic word), and an adjective
    joined by «و» to its last adjective."""
    covered = covered_tokens(spans, len(folded))
    n = len(folded)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG" and e - s >= 2:
            for _ in range(2):
                if e >= n or covered[e]:
                    break
                last, f = folded[e - 1], folded[e]
                # (one adjective: «الجيش الليبي» + «الموالي» is a description of the army, not its name)
                if (describes(f, last, lex) and not last.endswith(("ي", "يه"))) or _national(f, last, lex) \
                        or (last.startswith("لل") and f in _GENERAL):  # «للمقاولات العامة», «للنقل العام»
                    e += 1
                elif f.startswith("وال") and last.startswith("ال") and describes(f[1:], folded[e - 2], lex):
                    e += 1  # «الطاقة الجديدة والمتجددة»: both adjectives describe the noun before them
                else:
                    break
        out.append((s, e, typ))
    return out



def quoted_place_names(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«استحواذ "قطر للاستثمارات الرياضية"», «"قطر للطاقة"»: a quoted name of two or three words made of
    a place and what the body does for it («للاستثمارات» + its adjectives) is a company or a body named
    after the place (the tagger reads the place alone). Only inside quotes that hold nothing else:
    unquoted, «دعوة مصر للحوار» is a sentence. (A quoted noun and its place, «"اتصالات المغرب"», is as
    often a phrase: «"جوهرة برلين"», «"شعب كردستان"»: seven false organisations in ANERcorp.)"""
    n = len(words)
    out = list(spans)
    for i in range(n - 3):
        if words[i] not in QUOTES:
            continue
        close = next((k for k in range(i + 3, min(n, i + 5)) if words[k] in QUOTES), None)
        if close is None or not all(is_arabic(words[k]) for k in range(i + 1, close)):
            continue
        first, second = folded[i + 1], folded[i + 2]
        purpose = first in lex.loc and second.startswith("لل") and len(second) >= 5 \
            and all(folded[k].startswith("ال") and folded[k].endswith(("يه", "ي", "ه")) for k in range(i + 3, close))
        if not purpose:
            continue
        inside = [sp for sp in out if i < sp[1] and sp[0] < close]
        if all(i + 1 <= sp[0] and sp[1] <= close and sp[2] != "ORG" for sp in inside):
            out = [sp for sp in out if sp not in inside] + [(i + 1, close, "ORG")]
    return sorted(out) if out != spans else spans


def quoted_aliases(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«الشركة العمانية للتنمية السياحية "عمران"», «للصناعة والمناجم "اسنيم"»: a short name in
    quotes right after an organisation is its acronym or brand, an organisation too (the CRF
    reads such unknown words as persons). One word, neither a function word, an everyday word
    nor a known name: not a quotation («قالت الوزارة "إن …"») nor a person some sites quote
    («المتحدث باسم الكرملين "ديمتري بيسكوف"»)."""
    n = len(words)
    out = list(spans)
    for _, e, typ in spans:
        if typ != "ORG" or e + 2 >= n:
            continue
        # in brackets, «(الفاو)», «(يونامي)», an acronym may take the article
        bracketed = words[e] == "(" and words[e + 2] == ")"
        if not bracketed and (words[e] not in QUOTES or words[e + 2] not in QUOTES
                              or words[e] == "»" or words[e + 2] == "«"):
            continue  # («سانتوس» ومنافستها «وودسايد»: between two quoted names, not in quotes)
        f, close = folded[e + 1], e + 2
        if not is_word(words[e + 1]) or f in STOP or f in lex.common or (f.startswith("ال") and not bracketed) \
                or f in lex.first_names or f in lex.per_tokens:
            continue
        if bracketed and (not is_arabic(words[e + 1]) or bare(f) in lex.loc or is_nationality(f, lex)
                          or table().get(f) >= _RARE):
            continue  # «إنتر ميلان (إيطاليا)», «(الفرنسية)», «(الملاحظ)»: a country, an adjective, a word
        out = [x for x in out if not (e < x[0] < close)] + [(e + 1, close, "ORG")]
    return sorted(out) if out != spans else spans


def _chief_word(f: str, word: str, lex: Lexicon) -> bool:
    """A word of a foreign person's name: indefinite, no clitic, rare in Arabic or a given name, and
    nothing an organisation's name ends on (a company word, an organisation's token, a place)."""
    return is_arabic(word) and not f.startswith("ال") and not split_clitic(f)[0] and f not in STOP \
        and (table().get(f) < _RARE_SURNAME or f in lex.first_names) and f not in _COMPANY_SUFFIXES \
        and f not in lex.org_tokens and f not in lex.loc and not is_trigger(f, lex)


def chiefs_after_bodies(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """«أستاذ الهندسة في جامعة أديس أبابا يلما سيليشي», «رئيس الوكالة الوطنية لإدارة الكوارث سوهاريانتو»:
    after a title, a body's name that ends on a definite word or a place, then runs into rare
    indefinite words, has run into its officer's name (a body's own name goes on with definite words,
    «لـ», or a company word). Not after a company head: «شركة الخرافي ناشيونال» is one name."""
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG" and e - s >= 3 and not in_class(folded[s], _COMPANY_HEADS) \
                and any(is_title(folded[k]) for k in range(max(0, s - 5), s)):
            t = e
            while t - 1 > s + 1 and e - t < 3 and _chief_word(folded[t - 1], words[t - 1], lex) \
                    and (folded[t - 2], folded[t - 1]) not in lex.loc_multi:
                t -= 1
            before = folded[t - 1]
            if t < e and (before.startswith(("ال", "لل")) or before in lex.loc
                          or (folded[t - 2], before) in lex.loc_multi):
                out += [(s, t, typ), (t, e, "PER")]
                continue
        out.append((s, e, typ))
    return out


def org_led_persons(spans: list[Span], folded: list[str]) -> list[Span]:
    """«شركة هيوماين» … «الرئيس التنفيذي لهيوماين طارق أمين»: a person span that opens with the
    one-word name of an organisation found in the same document is that organisation and its
    chief (the curated names get this in :func:`known_names`)."""
    names = {bare(folded[e - 1]) for s, e, typ in spans
             if typ == "ORG" and (e - s == 1 or (e - s == 2 and bare(folded[s]) in _COMPANY_HEADS))}
    if not names:
        return spans
    out: list[Span] = []
    for s, e, typ in spans:
        # («لبوسكاليس بيتر بيردوفسكي»: ``bare`` leaves a clitic on a word no lexicon knows)
        if typ == "PER" and e - s >= 2 and not folded[s].startswith("ال") and (
                bare(folded[s]) in names or (folded[s][:1] in ("ب", "ل", "و") and bare(folded[s][1:]) in names)):
            out += [(s, s + 1, "ORG"), (s + 1, e, "PER")]
        else:
            out.append((s, e, typ))
    return out


# the state's institutions, named by what they are: a parliament's chamber or the cabinet
# («مجلس النواب», «مجلس الوزراء العراقي»), a high court («المحكمة الاتحادية العليا»,
# «محكمة النقض المصرية»), and a ministry when its country's adjective ends the name
# («وزارة الخارجية الأميركية»; a bare «وزارة الصحة» is left alone: news gold calls it generic)
# (the councils of the title chains' list that are chambers or the cabinet, not ruling or transitional councils)
_CHAMBERS = _COUNCIL_KINDS - frozenset(
    fold(w) for w in ("القيادة", "الرئاسي", "الانتقالي", "الرئاسة", "الدولة", "الأعلى"))
_DEPUTIES, _PEOPLE = fold("نواب"), fold("الشعب")
_THE_COURT = "ال" + _COURT
_COURT_KINDS = _HIGH_COURTS | {_SUPREME}
_INDEFINITE_COURTS = frozenset(fold(w) for w in ("النقض", "التمييز"))
_MINISTRY = fold("وزارة")


# state bodies named like ministries, by their domain and their country's adjective (which agrees
# with the head): «جهاز الاستثمار العماني», «هيئة الاستثمار السعودية», «صندوق التنمية الكويتي»
_COUNTRY_BODIES = {fold(w): feminine for w, feminine in (
    ("وزارة", True), ("جهاز", False), ("صندوق", False), ("هيئة", True), ("مؤسسة", True))}
_FORCES = fold("القوات")
_FORCE_BRANCHES = frozenset(fold(w) for w in ("الجوية", "البحرية", "البرية", "المسلحة"))
_ROYAL = fold("الملكية")


def _institution_end(i: int, folded: list[str], lex: Lexicon) -> int | None:
    """End of the institution name that opens at word ``i``, or None."""
    n = len(folded)
    b = folded[i] if folded[i] == _MINISTRY else bare(folded[i])  # («وزارة» opens with a «و» of its own)
    nxt = folded[i + 1] if i + 1 < n else ""
    if b == _COUNCIL and nxt in _CHAMBERS:
        end = i + 2
    elif b == _COUNCIL and nxt == _DEPUTIES and i + 2 < n and folded[i + 2] == _PEOPLE:
        end = i + 3  # Tunisia's «مجلس نواب الشعب»
    elif b == _THE_COURT and nxt in _COURT_KINDS:
        end = i + 2
        while end < n and folded[end] in _COURT_KINDS:
            end += 1  # «المحكمة الاتحادية العليا»
    elif b == _COURT and nxt in _INDEFINITE_COURTS:
        end = i + 2
    elif b == _FORCES and nxt in _FORCE_BRANCHES:
        end = i + 2
        if end < n and folded[end] == _ROYAL:
            end += 1  # «القوات الجوية الملكية السعودية»
        if not (end < n and _country_adjective(folded[end], lex) and folded[end].endswith("يه")):
            return None  # a branch needs its country («القوات الجوية» alone is any air force)
        return end + 1
    elif b in _COUNTRY_BODIES and nxt.startswith("ال"):
        end = i + 2
        # «وزارة الخارجية وشؤون المغتربين الأردنية»: definite words, or «و» + a construct head before one
        while end < n and end - i <= 5 and not _country_adjective(folded[end], lex) and (
                folded[end].startswith(("ال", "وال"))
                or (folded[end].startswith("و") and end + 1 < n and folded[end + 1].startswith("ال"))):
            end += 1
        feminine = _COUNTRY_BODIES[b]
        if not (end < n and _country_adjective(folded[end], lex) and folded[end].endswith("يه") == feminine):
            return None  # a ministry needs its country («وزارة الصحة» alone is generic)
        return end + 1
    else:
        return None
    # a trailing adjective of nationality belongs to the name («مجلس النواب العراقي»)
    if end < n and _country_adjective(folded[end], lex):
        end += 1
    return end


def _country_adjective(f: str, lex: Lexicon) -> bool:
    """A definite adjective of nationality; after an institution «السعودية» is one too."""
    return f.startswith("ال") and (is_nationality(f, lex) or f == _SAUDI_ARABIA)


def institutions(spans: list[Span], folded: list[str], lex: Lexicon) -> list[Span]:
    """Tag the state institutions of :data:`_CHAMBERS` and the high courts, and ministries and
    armed forces' branches with their country's adjective, where no other span holds them. A single-word place
    the tagger read in the country's adjective («وزارة الخارجية السعودية» → «السعودية»)
    gives way. A council right after a title is part of an office («رئيس مجلس الوزراء»), as
    news gold reads it; this runs after the title chains, which read «رئيس مجلس النواب عقيلة
    صالح» as an office and its holder."""
    heads = (_COUNCIL, _THE_COURT, _COURT, _FORCES, *_COUNTRY_BODIES)
    starts = [i for i, f in enumerate(folded) if f in heads or bare(f) in heads]
    if not starts:
        return spans
    span_at: dict[int, Span] = {x: sp for sp in spans for x in range(sp[0], sp[1])}
    out = list(spans)
    for i in starts:
        if i in span_at or (i > 0 and is_title(folded[i - 1])):
            continue  # («ولي العهد رئيس مجلس الوزراء الأمير …»: the council is part of an office)
        end = _institution_end(i, folded, lex)
        if end is None:
            continue
        inside = {span_at[x] for x in range(i, end) if x in span_at}
        if any(not (sp[1] - sp[0] == 1 and sp[2] == "LOC" and sp[0] == end - 1) for sp in inside):
            continue  # another entity runs into it
        out = [sp for sp in out if sp not in inside] + [(i, end, "ORG")]
        for x in range(i, end):
            span_at[x] = (i, end, "ORG")
    return sorted(out)


def ministry_domains(spans: list[Span], folded: list[str]) -> list[Span]:
    """«وزارة الطاقة والمعادن», «وزارة الأوقاف والشؤون الإسلامية العمانية»: a ministry's name joins its
    domains with «و»; the tagger often stops at the first. Definite words after the «و» (up to
    four in all) belong to the ministry, where no other entity holds them."""
    n = len(folded)
    starts = {sp[0] for sp in spans}
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG" and folded[s] in _MINISTRY_FORMS and e < n and folded[e].startswith("وال") \
                and len(folded[e]) > 4 and e not in starts:
            k = e + 1
            while k < n and k - e < 4 and k not in starts and folded[k].startswith(("ال", "وال")) \
                    and len(folded[k]) > 3:
                k += 1
            e = k
        out.append((s, e, typ))
    return out


_MINISTRY_FORMS = frozenset(fold(c + "وزارة") for c in ("", "و", "ب", "ل", "ف"))


def hyphenated_names(spans: list[Span], words: list[str], tokens: list[Token]) -> list[Span]:
    """«ليندا توماس-غرينفيلد», «جان-إيف لودريان»: a person's name runs on over a hyphen written
    between two Arabic words with no space (a spaced « - » separates clauses); the CRF, which
    sees the hyphen as a token of its own, cuts the name there or tags the pieces apart."""
    n = len(words)

    def glued(h: int) -> bool:  # the token at ``h`` is a hyphen touching Arabic words on both sides
        return 0 < h < n - 1 and words[h] == "-" and tokens[h - 1].end == tokens[h].start \
            and tokens[h].end == tokens[h + 1].start and is_arabic(words[h - 1]) and is_arabic(words[h + 1])

    if "-" not in words:
        return spans
    ordered = sorted(spans)
    by_start = {sp[0]: sp for sp in ordered}
    inside = {x for sp in ordered for x in range(sp[0], sp[1])}
    out: list[Span] = []
    taken: set[int] = set()  # starts of spans merged into the one before
    for s, e, typ in ordered:
        if s in taken:
            continue
        if typ == "PER":
            while s >= 2 and glued(s - 1) and s - 2 not in inside:  # «جان-» + «إيف لودريان»
                s -= 2
            while e < n - 1 and glued(e):
                nxt = by_start.get(e + 1)
                if nxt is not None and nxt[2] in ("PER", "ORG"):  # «توماس» + «-» + «غرينفيلد» (as ORG)
                    taken.add(nxt[0])
                    e = nxt[1]
                elif e + 1 not in inside:
                    e += 2
                else:
                    break
        out.append((s, e, typ))
    return out


_ALLIANCE = fold("تحالف")


def plus_names(spans: list[Span], folded: list[str], words: list[str], tokens: list[Token]) -> list[Span]:
    """«أوبك+»: a «+» written against an organisation's name is part of it (OPEC+ is not OPEC), and
    «تحالف» before a curated name is what the name is, not a word of it («تحالف أوبك+»)."""
    if "+" not in words:
        return spans
    known = known_organisations()
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG" and e < len(words) and words[e] == "+" and tokens[e - 1].end == tokens[e].start:
            e += 1
            if e - s >= 3 and bare(folded[s]) == _ALLIANCE and " ".join(folded[s + 1:e - 1]) in known:
                s += 1
        out.append((s, e, typ))
    return out


# a preposition with its pronoun («إلينا», «له», «عليه», «منها»): the sentence going on after a name
_PRONOUN_PREPOSITIONS = frozenset(fold(p + s) for p in ("إلي", "ل", "علي", "من", "مع", "عن", "ب", "في", "لدي")
                                  for s in ("ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم"))
_BARE_FROM, _SAKE_OF = fold("من"), fold("أجل")


def _verb_complement(word: str, f: str, lex: Lexicon) -> bool:
    """«بعدم», «بإلغاء», «بتأجيل»: «ب» and an everyday indefinite noun, the complement of the verb before
    the name (a name's own «ب» has the article, «الأمر بالمعروف», or is «بن», «بنك», or a place: «المحكمة
    الابتدائية بتونس»)."""
    return f.startswith("ب") and not f.startswith(("بال", "بن")) and not word.startswith("ال") \
        and table().get(f) >= _UNCOMMON and table().get(f[1:]) >= _UNCOMMON and f[1:] not in lex.loc


_SECOND_BODIES = frozenset(fold(w) for w in ("والدولة", "والحكومة"))
_TOWN_HALLS = frozenset(fold(w) for w in ("بلدية", "مدينة", "بلدة", "قرية", "محافظة", "ولاية"))


def _past_verb_after(word: str, f: str, before: str) -> bool:
    """«ألغت», «قررت» after a feminine definite word: a verb in the past whose subject it is (an
    indefinite word in «-ت» that Arabic text uses often; a foreign name in «-ت» is rare in it)."""
    return before.startswith("ال") and before.endswith("ه") and not word.startswith("ال") and f.endswith("ت") \
        and 4 <= len(f) <= 6 and table().get(f) >= 30  # (Zipf 3: «ألغت» 3.6)


def sentence_tails(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Where a name the tagger ran on has run into its sentence. Trained on the news gold's long names
    of bodies («بعثة الأمم المتحدة للدعم في ليبيا»), it goes on more readily than ANERcorp alone taught it:

    - a preposition with its pronoun ends no person's name («يتوجه حفتر إلينا»; a body may be named so:
      «والوقاية منها»), and an adjective followed by one describes the body, it is no part of its name
      («حكومة الوفاق الوطني المناوئة له»), nor is what it describes after «و» («والميليشيات المتحالفة معها»);
    - a town after its council is no person («رئيس بلدية صيدا»), a birthplace idiom no place («مسقط رأسه»),
      a plural of the pattern of «وزراء» opens no person's name («حلفاء حفتر»), an airport's «الدولي» ends
      none («مطار الملكة علياء الدولي»);
    - a body's name ends before a second party («والدولة الروسية»), whom something was said to
      («للصحفيين»), «ب» and the complement of the verb («بعدم دستورية القانون»), a verb in the past
      («المحكمة الدستورية ألغت»), or what a known body did («جماعة نصرة الإسلام والمسلمين الهجوم»);
    - a name with «من» in it ends on a definite word («الجمعية الأردنية للوقاية من حوادث الطرق») or a
      second purpose («… من الرشوة ومحاربتها»); ending on an indefinite one, the purpose before «من» is
      the sentence's («الجيش الليبي لتحرير العاصمة من ميليشيات»);
    - after the nationality that ends a body's name, «ل» and a place is where it went («قائد الجيش الوطني
      الليبي لموسكو»), and a known body after «ل» that ends an unknown name is the name («التحالف الحرب
      لداعش»: the war on Daesh; but «… لحقوق الإنسان التابعة للأمم المتحدة» is the body and whose it is).
    """
    n = len(folded)
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "PER" and e - s >= 2 and folded[e - 1] in _PRONOUN_PREPOSITIONS:
            e -= 1
        if typ == "ORG" and e - s >= 3 and e < n and folded[e] in _PRONOUN_PREPOSITIONS \
                and folded[e - 1].startswith("ال"):
            e -= 1
            if e - s >= 3 and folded[e - 1].startswith("وال"):
                e -= 1
        if typ == "PER" and e - s == 1 and s > 0 \
                and (folded[s - 1] in _TOWN_HALLS or bare(folded[s - 1]) in _TOWN_HALLS):
            typ = "LOC"  # «رئيس بلدية صيدا»: the town its council governs
        if typ == "LOC" and e - s == 1 and e < n and (idiom := _IDIOM_PLACES.get(bare(folded[s]))) \
                and folded[e].startswith(idiom):
            continue  # «مسقط رأسه» is a birthplace
        if typ == "PER" and e - s >= 2 and folded[s].endswith("اء") and folded[s] not in lex.first_names \
                and table().get(folded[s]) >= 35:
            s += 1  # «وكان حلفاء حفتر قد أقاموا …»: his allies (a plural of the pattern of «وزراء», «زعماء»)
        if typ == "ORG" and (k := next((k for k in range(s + 2, e) if folded[k] in _SECOND_BODIES), None)):
            e = k  # «اتفاق بين القيادة العامة للجيش الليبي والدولة الروسية»: two parties to it
        if typ == "PER" and e - s >= 2 and folded[e - 1] in _INTERNATIONAL:
            e -= 1  # «مطار الملكة علياء الدولي»: the airport is international, not the queen
        if typ == "ORG" and e - s >= 3 and not _curated((bare(folded[s]), *folded[s + 1:e])) \
                and (k := next((k for k in range(e - 1, s + 1, -1)
                                if _curated((bare(folded[s]), *folded[s + 1:k]))), None)) \
                and folded[k].startswith("ال") and not folded[k].endswith(("ي", "يه")) \
                and not is_nationality(folded[k], lex):
            e = k  # «تبنت جماعة نصرة الإسلام والمسلمين الهجوم»: a known name, then what it did
        if typ == "ORG" and (k := next((k for k in range(s + 1, e) if folded[k] in _NOT_PURPOSES), None)):
            e = k  # «حاكم مصرف لبنان للصحفيين»: whom it was said to
        if typ == "ORG" and (k := next((k for k in range(s + 2, e) if folded[k - 1].startswith("ال")
                                        and _verb_complement(words[k], folded[k], lex)), None)):
            e = k  # «وقضت المحكمة الاتحادية العليا بعدم دستورية القانون»: what it ruled
        if typ == "ORG" and e - s >= 3 and _past_verb_after(words[e - 1], folded[e - 1], folded[e - 2]):
            e -= 1  # «المحكمة الدستورية ألغت النتائج»: the court, then what it did
        last = folded[e - 1]
        if typ == "ORG" and not last.startswith(("ال", "و")) and bare(last) not in lex.loc \
                and (k := next((k for k in range(s + 1, e) if folded[k] == _BARE_FROM
                                and (k + 1 == n or folded[k + 1] != _SAKE_OF)), None)):
            purpose = next((j for j in range(k - 1, s, -1) if folded[j].startswith("ل")), None)
            e = purpose if purpose is not None and purpose - s >= 2 else k
        if typ == "ORG" and e - s >= 3 and folded[e - 1].startswith("ل") and bare(folded[e - 1]) in lex.loc \
                and is_nationality(folded[e - 2], lex):
            e -= 1
        if typ == "ORG" and e - s >= 2 and not _curated((bare(folded[s]), *folded[s + 1:e])):
            # «وأعلن التحالف الحرب لداعش»: a known body after «ل» at the end is what the rest was about
            k = next((k for k in range(s + 1, e) if folded[k][:1] == "ل" and bare(folded[k]) != folded[k]
                      and _curated((bare(folded[k]), *folded[k + 1:e]))), s)
            if k - s >= 3 and folded[k - 1] in _AFFILIATED:
                e = k - 1  # «المفوضية السامية لحقوق الإنسان التابعة للأمم المتحدة»: the body, then whose it is
            else:
                s = k
        out.append((s, e, typ))
    return out
