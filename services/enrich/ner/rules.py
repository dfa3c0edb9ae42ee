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
from functools import lru_cache

from .features import QUOTES
from .lexicon import ORG_HEADS, STOP, TITLE_COMPLEMENTS, TITLES, Lexicon
from .text import fold, is_arabic, split_clitic

Span = tuple[int, int, str]
_ARTICLE_CLITICS = ("ال", "وال", "بال", "لل", "فال", "كال", "وبال", "ولل")


def is_word(word: str) -> bool:
    """Arabic or Latin letters (not punctuation, quotes, digits)."""
    return word[:1].isalpha()


@lru_cache(maxsize=100_000)
def is_title(f: str) -> bool:
    """A folded title or office word, with or without a leading clitic («والرئيس»)."""
    if f in TITLES:
        return True
    clitic, stem = split_clitic(f)
    return bool(clitic) and (stem in TITLES or "ال" + stem in TITLES)


def is_trigger(f: str, lex: Lexicon) -> bool:
    """Words that introduce a name without belonging to it."""
    return is_title(f) or f in TITLE_COMPLEMENTS or lex.is_nationality(f)


def trim(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Trim punctuation, function words and (for persons) triggers from span edges."""
    out: list[Span] = []
    for s, e, typ in spans:
        while s < e and (not is_word(words[s]) or folded[s] in STOP or (typ == "PER" and is_trigger(folded[s], lex))):
            s += 1
        while e > s and (not is_word(words[e - 1]) or folded[e - 1] in STOP
                         or (typ == "PER" and is_trigger(folded[e - 1], lex))):
            e -= 1
        if s >= e:
            continue
        if all(lex.is_nationality(folded[i]) or is_title(folded[i]) or folded[i] in TITLE_COMPLEMENTS
               for i in range(s, e)):
            continue  # «الروسي», «الرئيس»: context words, not entities
        if typ == "ORG" and e - s == 1 and folded[s] in ORG_HEADS:
            continue  # a bare head («الحكومة») names no particular organisation
        out.append((s, e, typ))
    return out


# Definite heads that, followed by a nationality adjective, name a state institution:
# «الجيش الليبي», «البرلمان الليبي», «الجيش الوطني الليبي».
STATE_HEADS = frozenset(fold(w) for w in ("الجيش", "البرلمان", "الحرس", "الكونغرس"))
_STATE_FILLERS = frozenset(fold(w) for w in ("الوطني", "الوطنية", "الوطنى"))


def org_edges(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Grow ORG spans over a preceding head («حكومة» + «الوفاق الوطني») and a trailing
    nationality adjective («البنك المركزي» + «الليبي»); add «الجيش [الوطني] الليبي»."""
    covered = set()
    for s, e, _ in spans:
        covered.update(range(s, e))
    out: list[Span] = []
    for s, e, typ in spans:
        if typ == "ORG":
            if s > 0 and s - 1 not in covered and bare(folded[s - 1]) in ORG_HEADS:
                s -= 1
            while e < len(words) and e not in covered and lex.is_nationality(folded[e]) and folded[e].startswith("ال"):
                e += 1
        out.append((s, e, typ))
    for i, f in enumerate(folded):
        if i in covered or bare(f) not in STATE_HEADS:
            continue
        j = i + 1
        while j < len(folded) and folded[j] in _STATE_FILLERS:
            j += 1
        if j < len(folded) and j not in covered and lex.is_nationality(folded[j]) and folded[j].startswith("ال"):
            out.append((i, j + 1, "ORG"))
            covered.update(range(i, j + 1))
    return sorted(out)


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


def drop_noise(spans: list[Span], words: list[str]) -> list[Span]:
    """Drop spans made only of lower-case Latin words («news-picture» debris)."""
    return [sp for sp in spans if not all(w.isascii() and w.islower() for w in words[sp[0]:sp[1]])]


def title_chains(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Add PER spans for names that follow a title chain and the CRF missed."""
    covered = [False] * len(words)
    for s, e, _ in spans:
        for i in range(s, e):
            covered[i] = True
    added: list[Span] = []
    n = len(words)
    for i in range(n):
        if not is_title(folded[i]):
            continue
        j = i + 1
        # the chain: offices, nationality adjectives, «باسم X»
        while j < n and j - i <= 5 and (folded[j] in TITLE_COMPLEMENTS or lex.is_nationality(folded[j])
                                         or is_title(folded[j])):
            j += 1
        while j < n and words[j] in QUOTES:
            j += 1
        if j >= n or covered[j] or folded[j] not in lex.first_names:
            continue
        k = j + 1
        if k < n and is_arabic(words[k]) and not covered[k] and folded[k] not in STOP \
                and not folded[k].startswith(_ARTICLE_CLITICS) and not is_trigger(folded[k], lex):
            k += 1
            while k < n and k - j < 3 and folded[k] in lex.per_tokens and not covered[k]:
                k += 1
        added.append((j, k, "PER"))
        for x in range(j, k):
            covered[x] = True
    return sorted(spans + added)


def propagate(spans: list[Span], folded: list[str], words: list[str], lex: Lexicon) -> list[Span]:
    """Tag untagged repeats of one-word names found elsewhere, and unify types by vote."""
    votes: dict[str, Counter[str]] = {}
    for s, e, typ in spans:
        if e - s == 1:
            votes.setdefault(bare(folded[s]), Counter())[typ] += 1
    covered = [False] * len(words)
    for s, e, _ in spans:
        for i in range(s, e):
            covered[i] = True
    out = list(spans)
    for i, f in enumerate(folded):
        if covered[i] or not is_arabic(words[i]):
            continue
        b = bare(f)
        if b in votes and len(b) >= 3 and b not in STOP and not lex.is_nationality(b):
            out.append((i, i + 1, ""))
    result: list[Span] = []
    for s, e, typ in sorted(out):
        if e - s == 1 and bare(folded[s]) in votes:
            typ = votes[bare(folded[s])].most_common(1)[0][0]
        result.append((s, e, typ))
    return result


@lru_cache(maxsize=100_000)
def bare(f: str) -> str:
    """A folded word without a single-letter proclitic, article kept («لحفتر» → «حفتر»)."""
    clitic, stem = split_clitic(f, min_stem=3)
    if not clitic or clitic == "ال":
        return f
    if clitic.endswith("ال") or clitic in ("لل", "ولل", "فلل"):
        return "ال" + stem
    return stem
