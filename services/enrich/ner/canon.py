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
from collections.abc import Set

from camel_tools.utils.dediac import dediac_ar

from .lexicon import Lexicon
from .text import fold, split_clitic, strip_clitic_keep_article

_SINGLE = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


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
    w = clean(word)
    f = fold(w)
    cands = [(c, w[len(c):]) for c in (*_SINGLE, "لل") if f.startswith(c) and len(w) - len(c) >= 3]
    # 1. the document writes the remainder on its own: «لحفتر» / «حفتر», «للافروف» / «لافروف»
    best = ""
    for _c, rest in cands:
        fr = fold(rest)
        if fr in doc_words and fr != f and len(rest) > len(best):
            best = rest
    if best and not (f in doc_words and known(f, lex) and not known(fold(best), lex)):
        return best
    # 2. a clitic in front of the article: «للأمم» → «الأمم», «بالزاوية» → «الزاوية»
    art = strip_clitic_keep_article(w)
    if art != w:
        return art
    # 3. lexicon evidence: the stem is a much better attested name than the whole word
    clitic, stem = split_clitic(f, min_stem=3)
    if clitic and clitic in _SINGLE and evidence(stem, lex) > 2 * evidence(f, lex):
        return w[len(clitic):]  # clean() and fold() keep one character per letter
    return w


def evidence(word: str, lex: Lexicon) -> int:
    """How well the lexicons attest a folded word as a name (0: not at all)."""
    return lex.name_tokens.get(word, 0) + (5 if word in lex.loc else 0) + (2 if word in lex.first_names else 0)


def canonical(words: list[str], doc_words: Set[str], lex: Lexicon) -> str:
    """Canonical name of a mention given its tokens (titles already removed)."""
    if not words:
        return ""
    out = [strip_first(words[0], doc_words, lex)] + [clean(w) for w in words[1:]]
    return " ".join(w for w in out if w)


def key(name: str) -> str:
    """Stable facet key: folded spelling, single spaces."""
    return " ".join(fold(name).split())


def corefer(mentions: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map each ``(type, name)`` to the document's canonical name for that entity.

    Person names resolve short mentions onto full names sharing their first or last
    token (the most frequent full name wins ties); organisations resolve a proper
    token-prefix onto the longer name. Spelling variants with the same key share the
    most frequent spelling.
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
    orgs = {spelled[m] for m in freq if m[0] == "ORG"}
    for (typ, name) in freq:
        canon = spelled[(typ, name)]
        toks = key(canon).split()
        if typ == "PER" and len(toks) == 1:
            hits = [(n, full) for full, n in full_per.items()
                    if toks[0] in (key(full).split()[0], key(full).split()[-1])]
            if hits:
                canon = max(hits)[1]
        elif typ == "ORG":
            longer = [o for o in orgs if len(key(o).split()) > len(toks) and key(o).split()[:len(toks)] == toks]
            if longer:
                canon = min(longer, key=lambda o: (len(o.split()), o))
        result[(typ, name)] = canon
    return result
