"""Lexicons used as CRF features and by the post-rules.

Two kinds live here. Short closed classes (clitics, titles, organisation heads,
function words) are written by hand because they are grammar, not data. Open classes
(place names, first names, nationality adjectives, name tokens) are *generated* by
``build_lexicons`` from installed packages and the training corpus, stored gzipped in
``data/``, and loaded once per process.

All lexicon entries are in ``fold`` form (see ``text.fold``), so lookups are spelling
tolerant without conflating ى and ي.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .corpus import Sentence, spans
from .text import fold, split_clitic, strip_article

DATA_DIR = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA_DIR / "lexicons.json.gz"
FIRST_NAMES_PATH = DATA_DIR / "first_names.txt"

def _closed(words: str) -> frozenset[str]:
    """A closed word class, folded, from a whitespace-separated list."""
    return frozenset(fold(w) for w in words.split())


# Titles and offices that introduce a person but are never part of the name.
TITLES: frozenset[str] = _closed("""
الرئيس رئيس الملك الامير الأمير الشيخ السيد السيدة المشير اللواء العميد العقيد الفريق العماد الجنرال المقدم الرائد
النقيب الوزير وزير وزيرة الوزيرة نائب النائب المتحدث المتحدثة الناطق الأمين السفير سفير المبعوث مبعوث الدكتور
الدكتورة د الأستاذ المهندس القاضي الإمام المستشار المستشارة القائد قائد مدير المدير زعيم الزعيم الملكة البابا
الحاخام المرشد الباحث الخبير المحلل الكاتب الصحفي الصحافي المراسل مراسل النجم اللاعب المدرب الرئيسة رئيسة
المفوض المندوب مندوب المنسق الممثل ممثل حاكم الحاكم محافظ المحافظ عمدة العمدة الجنرال الأدميرال الاميرال
""")
# Words that continue a title chain: «وزير الخارجية الروسي», «المتحدث باسم الكرملين».
TITLE_COMPLEMENTS: frozenset[str] = _closed("""
الخارجية الدفاع الداخلية المالية العدل الاقتصاد التجارة النفط الطاقة الصحة التعليم الإعلام الثقافة الزراعة
الوزراء الحكومة الجمهورية الدولة الوزير العام الأول الاول الأعلى السابق الأسبق الحالي المؤقت التنفيذي باسم
الأركان العامة للجيش الجيش الأمن القومي المتحدة لشؤون الشؤون التنفيذية العسكري العسكرية السياسي الخاص
الأممي الاممي الدائم المكلف بأعمال مكتب
""")
# Heads that open an organisation name.
ORG_HEADS: frozenset[str] = _closed("""
وزارة جامعة شركة وكالة حزب مجلس حكومة جيش الجيش منظمة هيئة مؤسسة بنك البنك مصرف اتحاد الاتحاد جمعية جماعة
حركة تنظيم جبهة لجنة اللجنة محكمة المحكمة برلمان البرلمان صندوق الصندوق مركز معهد نادي النادي قناة صحيفة
إذاعة مجموعة رابطة نقابة الحرس قوات ائتلاف تحالف التحالف مكتب سلطة السلطة مفوضية المفوضية دائرة الكونغرس
المجلس الحكومة الوزارة الهيئة المنظمة الحركة الجبهة الجامعة الشركة الوكالة الحزب الجماعة
""")
# Heads the rules and canonical names know beyond the model's feature list (changing that list
# would change the trained features): exchanges, markets, Maghrebi «ديوان» bodies, offices.
RULE_ORG_HEADS: frozenset[str] = _closed("سوق بورصة ديوان مكتب")
# Function words that are never (the start of) a name, whatever the tagger says.
STOP: frozenset[str] = _closed("""
في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين ان أن إن لا لم لن ما قد كان كانت
و أو ثم بل لكن حتى منذ بين عند غير كل بعض قال وقال وقالت قالت أكد وأكد أضاف وأضاف خلال حول ضد نحو أي
هو هي هم نحن أنا أنت انه أنه إنه بأن لأن كما حيث اليوم أمس الماضي المقبل العام عام يوم شهر سنة
""")


@lru_cache(maxsize=8)
def curated_lines(path: Path) -> tuple[tuple[str, str], ...]:
    """The entries of a curated list in ``data/`` (first names, places, organisations): each
    non-blank line that is no ``#`` comment, with the last comment line before it (its
    section header, «# football clubs …»)."""
    out: list[tuple[str, str]] = []
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("#"):
            section = line
        elif line:
            out.append((section, line))
    return tuple(out)


@lru_cache(maxsize=1)
def curated_first_names(path: Path = FIRST_NAMES_PATH) -> frozenset[str]:
    """Frequent Arabic and foreign given names as the press spells them, folded (see the
    file's header); part of the first-name lexicon, and trusted more by the rules."""
    return frozenset(fold(w) for _, line in curated_lines(path) for w in line.split())


def nat_stem(word: str) -> str:
    """The nationality stem a folded word would have if it were one («الروسيين» → «روسي»)."""
    w = strip_article(word)
    for suf, repl in (("يتين", "ي"), ("يين", "ي"), ("يون", "ي"), ("يان", "ي"), ("يه", "ي"), ("يات", "ي")):
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            return w[: -len(suf)] + repl
    return w


def adjective_from_place(name: str) -> str | None:
    """Derive the nisba adjective stem of a one-word place («روسيا» → «روسي», «مصر» → «مصري»)."""
    w = strip_article(fold(name))
    if " " in w or len(w) < 3:
        return None
    if w.endswith("يا"):
        return w[:-1]
    if w.endswith("يه"):  # «السعودية» is already the feminine adjective: «سعودي», not «سعوديي»
        return w[:-1]
    if w.endswith("ا") or w.endswith("ه"):
        return w[:-1] + "ي"
    return w + "ي"


@dataclass
class Lexicon:
    """Folded lexicon sets; ``loc_multi`` holds multi-word place names as token tuples."""

    loc: set[str] = field(default_factory=set)
    loc_multi: set[tuple[str, ...]] = field(default_factory=set)
    first_names: set[str] = field(default_factory=set)
    per_tokens: set[str] = field(default_factory=set)
    org_tokens: set[str] = field(default_factory=set)
    nationalities: set[str] = field(default_factory=set)
    name_tokens: Counter[str] = field(default_factory=Counter)  # bare entity tokens seen in the corpus
    common: set[str] = field(default_factory=set)  # frequent corpus words that are (almost) never in a name
    ambiguous: set[str] = field(default_factory=set)  # corpus words mostly outside names
    max_multi: int = 1
    _multi_first: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _nat_cache: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    # per-lexicon memo tables for the rules and canonicaliser (answers depend on the lexicon)
    memo: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)

    def multi_first(self) -> dict[str, int]:
        """Longest multi-word place name by its first token (skips most positions fast)."""
        if self._multi_first is None:
            firsts: dict[str, int] = {}
            for toks in self.loc_multi:
                firsts[toks[0]] = max(firsts.get(toks[0], 0), len(toks))
            self._multi_first = firsts
        return self._multi_first

    def to_json(self) -> dict[str, object]:
        return {
            "loc": sorted(self.loc),
            "loc_multi": sorted(" ".join(t) for t in self.loc_multi),
            "first_names": sorted(self.first_names),
            "per_tokens": sorted(self.per_tokens),
            "org_tokens": sorted(self.org_tokens),
            "nationalities": sorted(self.nationalities),
            "name_tokens": dict(sorted(self.name_tokens.items())),
            "common": sorted(self.common),
            "ambiguous": sorted(self.ambiguous),
        }

    @classmethod
    def from_json(cls, d: dict[str, list[str]]) -> Lexicon:
        lex = cls(
            loc=set(d["loc"]),
            loc_multi={tuple(s.split()) for s in d["loc_multi"]},
            first_names=set(d["first_names"]),
            per_tokens=set(d["per_tokens"]),
            org_tokens=set(d["org_tokens"]),
            nationalities=set(d["nationalities"]),
            name_tokens=Counter(d["name_tokens"]),
            common=set(d.get("common", ())),
            ambiguous=set(d.get("ambiguous", ())),
        )
        lex.max_multi = max((len(t) for t in lex.loc_multi), default=1)
        return lex

    def add_places(self, names: Iterable[str]) -> None:
        for name in names:
            toks = tuple(fold(t) for t in name.replace("-", " ").split())
            if not toks:
                continue
            if len(toks) == 1:
                self.loc.add(toks[0])
            else:
                self.loc_multi.add(toks)
                self.max_multi = max(self.max_multi, len(toks))
                self._multi_first = None

    def add_corpus(self, sents: Iterable[Sentence]) -> None:
        """Add the entity tokens of tagged training sentences (first names, places, orgs).

        A span's first token may carry a proclitic («بباريس»); it is stripped only when
        the stem is attested on its own (as an entity start or a known place), so that
        «واشنطن» is not turned into «اشنطن».
        """
        found: list[tuple[str, list[str]]] = []
        for sent in sents:
            words = [fold(w) for w, _ in sent]
            found.extend((typ, words[s:e]) for s, e, typ in spans([t for _, t in sent]))
        counts = Counter(toks[0] for _, toks in found)

        def attested(w: str) -> int:
            return counts.get(w, 0) + (5 if w in self.loc else 0)

        for typ, toks in found:
            clitic, stem = split_clitic(toks[0])
            first = toks[0]
            if clitic and clitic != "ال":
                if clitic.endswith("ال") or clitic.endswith("لل"):
                    first = "ال" + stem
                elif attested(stem) > 2 * attested(first):
                    first = stem
            bare = [first, *toks[1:]]
            for t in bare:
                self.name_tokens[t] += 1
            if typ == "PER":
                if len(bare) > 1 and first not in TITLES:
                    self.first_names.add(first)
                self.per_tokens.update(bare)
            elif typ == "LOC":
                self.add_places([" ".join(bare)])
            elif typ == "ORG":
                self.org_tokens.update(bare)

    def add_common(self, sents: Iterable[Sentence], min_count: int = 5, max_entity_share: float = 0.02) -> None:
        """Words seen at least ``min_count`` times and almost never inside an entity
        («درس», «قال»): a person span does not end on one of them."""
        total: Counter[str] = Counter()
        inside: Counter[str] = Counter()
        for sent in sents:
            for w, tag in sent:
                f = fold(w)
                total[f] += 1
                if tag != "O":
                    inside[f] += 1
        self.common = {f for f, n in total.items() if n >= min_count and inside[f] <= max_entity_share * n}
        # words used mostly outside names («العالم», «دولة», «المدينة»): a gazetteer hit on
        # one of them is not evidence enough for the rules
        self.ambiguous = {f for f, n in total.items() if n >= 3 and inside[f] < 0.5 * n}

    def add_nationalities(self, countries: Iterable[str], sents: Iterable[Sentence]) -> None:
        """Nisba adjectives of country names, extended by corpus words built on known places.

        Only countries are derived blindly: a city like «عل» would otherwise turn the
        name «علي» into an adjective.
        """
        core: set[str] = set()
        for place in countries:
            core.add(fold(place))
            adj = adjective_from_place(place)
            if adj:
                self.nationalities.add(adj)
        self._nat_cache.clear()
        sents = list(sents)
        for sent in sents:  # places the corpus itself tags, e.g. «أميركا»
            for s, e, typ in spans([t for _, t in sent]):
                if typ == "LOC" and e - s == 1:
                    core.add(fold(sent[s][0]))
        # Corpus words «الX ي/ية/يون» outside entities whose base is a known place.
        for sent in sents:
            for w, tag in sent:
                if tag != "O":
                    continue
                f = fold(w)
                if not f.startswith(("ال", "وال", "بال", "لل")):
                    continue
                stem = nat_stem(split_clitic(f)[1] if not f.startswith("ال") else f)
                base = stem[:-1]
                if stem.endswith("ي") and len(base) >= 3 and f not in STOP and (
                    base in core or base + "ا" in core or base + "يا" in core or "ال" + base in core
                ):
                    self.nationalities.add(stem)

    def is_nationality(self, word: str) -> bool:
        """True for folded nisba adjectives («الروسي», «الليبية», «الأمريكيين»)."""
        got = self._nat_cache.get(word)
        if got is None:
            if len(self._nat_cache) >= 50_000:
                self._nat_cache.clear()
            got = self._nat_cache[word] = nat_stem(word) in self.nationalities
        return got


def save(lex: Lexicon, path: Path = LEXICON_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(lex.to_json(), fh, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=2)
def load(path: Path = LEXICON_PATH) -> Lexicon:
    """The generated lexicon, loaded once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return Lexicon.from_json(json.load(fh))
