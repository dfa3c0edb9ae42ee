"""Canonical names for mentions, and per-document coreference.

A mention's surface carries clitics («بموسكو», «لحفتر», «للأمم المتحدة») and sometimes
a title. Whether a leading «ب» is a preposition or part of the name («باريس») cannot be
read off the letters, so the decision uses evidence: the rest of the document first
(does «حفتر» occur on its own?), then the lexicons, and only then the safe rule that a
clitic in front of the article goes («للأمم» → «الأمم»). Place names keep their own
article («الزاوية», «الأردن»).

Coreference is deliberately simple and document-local: once a full person name
(two or more tokens) is seen, a mention made of its first or last token («حفتر»,
«خليفة») takes the full name; an organisation name that is a prefix of a longer one
in the same document («حكومة الوفاق») takes the longer one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Set
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar

from .lexicon import ORG_HEADS, RULE_ORG_HEADS, TITLES, Lexicon
from .text import fold, split_clitic, strip_clitic_keep_article
from .wordfreq_table import table

_SINGLE = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=50_000)
def clean(word: str) -> str:
    """Display form of a word: no diacritics or tatweel, spelling otherwise as written."""
    return dediac_ar(word).replace("\u0640", "")


def known(word: str, lex: Lexicon) -> bool:
    """Whether a folded word is a name the lexicons know (place, name token, first name)."""
    return word in lex.loc or word in lex.name_tokens or word in lex.first_names


def strip_first(word: str, doc_words: Set[str], lex: Lexicon) -> str:
    """Remove the proclitics of a name's first word, keeping letters that belong to it.

    ``doc_words`` are the folded tokens of the document, used as evidence that the
    stripped form is how the text writes the name elsewhere.
    """
    w, whole_known, cands, fallback = _analyse(word, lex)
    if not cands:
        return fallback
    # 1. the document writes the remainder on its own: «لحفتر» / «حفتر», «للافروف» / «لافروف»
    best = ""
    best_known = False
    for rest, fr, rest_known in cands:
        if fr in doc_words and len(rest) > len(best):
            best, best_known = rest, rest_known
    if best and not (whole_known and not best_known):
        return best
    return fallback


_HEADS = ORG_HEADS | RULE_ORG_HEADS  # organisation heads a name's clitic is stripped before


def _analyse(word: str, lex: Lexicon) -> tuple[str, bool, tuple[tuple[str, str, bool], ...], str]:
    """Everything about a first word that does not depend on the document, cached:
    its display form, whether the lexicons know it whole, the clitic-stripped
    candidates, and the answer when the document gives no evidence (steps 2–4)."""
    cache = lex.memo.setdefault("analysed", {})
    got = cache.get(word)
    if got is not None:
        return got
    w = clean(word)
    f = fold(w)
    if f in _HEADS or f in TITLES:  # «وكالة», «وزير»: grammar words are whole
        got = (w, True, (), w)
    else:
        # «لل» is «ل» + the article, whose alef the spelling drops: «للشركة» is «الشركة»
        rests = [w[len(c):] for c in _SINGLE if f.startswith(c) and len(w) - len(c) >= 3]
        if f.startswith("لل") and len(w) >= 5:
            rests.append("ال" + w[2:])
        cands = tuple((r, fold(r), known(fold(r), lex)) for r in rests)
        got = (w, known(f, lex), tuple(c for c in cands if c[1] != f), _without_document(w, f, lex))
    if len(cache) >= 50_000:
        cache.clear()
    cache[word] = got
    return got


_COMPANY_HEADS = frozenset(fold(w) for w in ("شركة", "مجموعة"))
_ATTESTED = 20  # wordfreq's Zipf × 10: a word seen about once in ten million


def _without_document(w: str, f: str, lex: Lexicon) -> str:
    # 2. a clitic in front of the article: «للأمم» → «الأمم», «بالزاوية» → «الزاوية»
    art = strip_clitic_keep_article(w)
    if art != w and not ((f in lex.loc or f in lex.first_names) and table().get(f) > table().get(fold(art))) \
            and not (f.startswith("كال") and table().get(fold(art)) < _ATTESTED):
        # (but «كاليفورنيا» is no «ك» + «اليفورنيا», and «كاليدو كوليبالي» no «ك» + «اليدو»: «ك» is
        # "like", and what follows it must be a word)
        return art
    # 3. grammar: a clitic in front of an organisation head or a title («وجماعة», «بوزارة»)
    clitic, stem = split_clitic(f, min_stem=3)
    if clitic in _SINGLE and (stem in _HEADS or stem in TITLES):
        return w[len(clitic):]
    if f[:1] in ("و", "ف") and f[1:] in _HEADS:
        return w[1:]  # «وبورصة»: «و» + «بورصة», not «وب» + «ورصة»
    # 3b. «و» before a known place that itself opens with a clitic letter: «وبابل» is «بابل», not «ابل»
    if f.startswith("و") and clitic != "و" and f[1:] in lex.loc and evidence(f[1:], lex) >= evidence(stem, lex):
        return w[1:]
    # 4. lexicon evidence: the stem is a much better attested name than the whole word,
    # and no rarer in modern text («كورونا» is no «ك» + «ورونا»)
    if clitic and clitic in _SINGLE and f not in lex.first_names and evidence(stem, lex) > 2 * evidence(f, lex) \
            and (len(stem) >= 4 or (clitic != "و" and lex.name_tokens.get(stem, 0) >= 3)) \
            and table().get(f) <= table().get(stem):
        return w[len(clitic):]  # clean() and fold() keep one character per letter
    # 4b. a known place behind a single clitic, better attested than the whole word: «ومصر», «بغزة»
    # (again not when the whole word is the more frequent one in modern text)
    rest = f[1:]
    if f[:1] in _SINGLE and len(rest) >= 3 and rest in lex.loc and f not in lex.first_names and (
            f not in lex.loc or evidence(rest, lex) > evidence(f, lex)) and table().get(f) <= table().get(rest):
        return w[1:]
    # 5. «و» is overwhelmingly the conjunction: strip it from a word no lexicon knows
    # («وإدغار دافيدز»); names that do begin with it («وليد», «واشنطن») are known
    # (but a name seen whole in modern text more often than without its «و» keeps it: «وودسايد»)
    if f.startswith("و") and not f.startswith("وال") and len(f) >= 5 and not (
            f in lex.loc or f in lex.first_names or lex.name_tokens.get(f, 0) >= 3) \
            and table().get(f) <= table().get(f[1:]):
        return w[1:]
    return w


def evidence(word: str, lex: Lexicon) -> int:
    """How well the lexicons attest a folded word as a name (0: not at all)."""
    return lex.name_tokens.get(word, 0) + (5 if word in lex.loc else 0) + (2 if word in lex.first_names else 0)


def canonical(words: list[str], doc_words: Set[str], lex: Lexicon) -> str:
    """Canonical name of a mention given its tokens (titles already removed)."""
    if not words:
        return ""
    rest = [clean(w) for w in words[1:]]
    first = clean(words[0])
    if rest and first[:1] in ("و", "ف") and (fold(first[1:]), *map(fold, rest)) in lex.loc_multi:
        first = first[1:]  # «وريف دمشق»: a conjunction before a known multi-word place
    else:
        first = strip_first(words[0], doc_words, lex)
    return " ".join(w for w in (first, *rest) if w)


@lru_cache(maxsize=50_000)
def key(name: str) -> str:
    """Stable facet key: folded spelling, single spaces."""
    return " ".join(fold(name).split())


def corefer(mentions: list[tuple[str, str]], is_adjective: Callable[[str], bool] = lambda _: False,
            ) -> dict[tuple[str, str], str]:
    """Map each ``(type, name)`` to the document's canonical name for that entity.

    Person names resolve short mentions onto full names sharing their first or last
    token (the most frequent full name wins ties); organisations resolve a proper
    token-prefix onto the longer name, and a name that only adds a trailing adjective
    (``is_adjective``: «حكومة الوفاق الليبية») onto the name without it. Spelling
    variants with the same key share the most frequent spelling.
    """
    freq = Counter(mentions)
    # spelling variants: one display form per (type, key)
    by_key: dict[tuple[str, str], Counter[str]] = {}
    for (typ, name), n in freq.items():
        by_key.setdefault((typ, key(name)), Counter())[name] += n
    spelled = {(typ, name): by_key[(typ, key(name))].most_common(1)[0][0] for typ, name in freq}

    result: dict[tuple[str, str], str] = {}
    full_per = Counter()
    for (typ, name), n in freq.items():
        if typ == "PER" and len(name.split()) >= 2:
            full_per[spelled[(typ, name)]] += n
    orgs = sorted({spelled[m] for m in freq if m[0] == "ORG"})  # sorted: a tie resolves the same in every process
    for (typ, name) in freq:
        canon = spelled[(typ, name)]
        toks = key(canon).split()
        if typ == "PER" and len(toks) == 1:
            hits = [(n, full) for full, n in full_per.items()
                    if toks[0] in (key(full).split()[0], key(full).split()[-1])]
            if hits:
                canon = max(hits)[1]
        elif typ == "ORG":
            if len(toks) > 2 and is_adjective(toks[-1]):
                shorter = [o for o in orgs if key(o).split() == toks[:-1]]
                if shorter:
                    canon, toks = shorter[0], toks[:-1]
            longer = [o for o in orgs if len(key(o).split()) > len(toks) and key(o).split()[:len(toks)] == toks
                      and not is_adjective(key(o).split()[-1])]
            headed = [o for o in orgs if key(o).split()[1:] == toks and key(o).split()[0] in _COMPANY_HEADS]
            if longer:
                canon = min(longer, key=lambda o: (len(o.split()), o))
            elif headed:  # «كوفيسترو» is the «شركة كوفيسترو» the article named
                canon = headed[0]
        result[(typ, name)] = canon
    return result
