"""CRF features for Arabic tokens.

Speed matters (the enrich stage must tag ~100 articles/s per core), so features are
split into what depends on the word alone — computed once per distinct word and cached
as ready-made feature strings, including the ``-1:``/``+1:`` prefixed copies used by
neighbours — and the few sequence features (bigrams, multi-word gazetteer hits,
sentence boundaries) that are assembled per position by list concatenation.

Arabic has no capitals, so evidence comes from clitic-aware morphology (strip
و ف ب ل ك ال لل and test the stem), lexicons (places, first names, organisation heads)
and trigger context (titles before a person, nationality adjectives after an office).
"""

from __future__ import annotations

from .lexicon import ORG_HEADS, STOP, TITLE_COMPLEMENTS, TITLES, Lexicon
from .text import fold, is_arabic, shape, split_clitic
from .wordfreq_table import FreqTable, freq_features, table

QUOTES = frozenset('"“”«»\'‘’')
_FAR_FLAGS = frozenset({"TTL", "NAT", "ORGH", "STOP", "LOC"})
COMMAS = frozenset("،,")
_MARKS = COMMAS | QUOTES
# endings typical of transliterated foreign names (Russian -ov/-ev/-sky, Armenian -yan,
# Italian -ini, Slavic -ich, Ukrainian -enko, French -ier)
_FOREIGN_STRONG = ("وف", "وفا", "يف", "سكي", "يان", "يني", "يتش", "ينكو", "يير")  # lexicon classes seen two words away
CACHE_LIMIT = 50_000  # distinct words per cache before it is reset (bounds worker memory)


def _pair_splits(joined: str) -> list[tuple[str, str]]:
    """The word pairs ``w1 + "|" + w2`` can have come from: a folded token holds no «|» unless
    it is the single character «|» itself (and may be empty: a lone diacritic folds to "")."""
    out = []
    for i, ch in enumerate(joined):
        if ch == "|":
            a, b = joined[:i], joined[i + 1:]
            if ("|" not in a or a == "|") and ("|" not in b or b == "|"):
                out.append((a, b))
    return out


class Featurizer:
    """Turns token sequences into crfsuite feature lists, caching per-word work."""

    def __init__(self, lex: Lexicon, keep: frozenset[str] | None = None, freq: FreqTable | None = None) -> None:
        """``keep``: the attributes a trained model has weights for; others are dropped
        before tagging, which saves a lookup per useless feature. ``freq``: the modern
        word-frequency table (default: the shipped one)."""
        self.lex = lex
        self.freq = freq if freq is not None else table()
        self._zf: dict[str, list[str]] = {}
        self.keep: frozenset[str] | None = None
        self._bigrams: dict[tuple[str, str], tuple[str, str]] | None = None
        self._own: dict[str, list[str]] = {}
        self._nb: dict[tuple[int, str], list[str]] = {}
        self.set_keep(keep)
        self._flags: dict[str, tuple[str, ...]] = {}
        self._gz: dict[str, tuple[int, tuple[str, ...]]] = {}
        self._pairs: frozenset[tuple[str, ...]] | None = None

    def set_keep(self, keep: frozenset[str] | None) -> None:
        """Restrict features to ``keep`` (a model's attributes); resets the caches."""
        self.keep = keep
        self._bigrams = None
        if keep is not None:
            # only the word pairs a model has a weight for, as tuples: no feature string is
            # built for the hundreds of pairs per article that have none
            found: dict[tuple[str, str], list[str]] = {}
            for a in keep:
                if a.startswith(("bg-=", "bg+=")):
                    for pair in _pair_splits(a[4:]):
                        found.setdefault(pair, ["", ""])[a.startswith("bg+=")] = a
            self._bigrams = {k: (v[0], v[1]) for k, v in found.items()}
        self._own.clear()
        self._nb.clear()

    # -- per-word pieces ---------------------------------------------------------
    def flags(self, word: str) -> tuple[str, ...]:
        """Lexicon classes of a word, testing the word and its clitic-stripped stem."""
        got = self._flags.get(word)
        if got is not None:
            return got
        lex = self.lex
        f = fold(word)
        clitic, stem = split_clitic(f)
        cands = (f, stem, "ال" + stem) if clitic else (f,)
        out: list[str] = []
        if any(c in lex.loc for c in cands):
            out.append("LOC")
        if f in lex.first_names or (clitic and stem in lex.first_names):
            out.append("FN")
        if f in lex.per_tokens or (clitic and stem in lex.per_tokens):
            out.append("PT")
        if f in lex.org_tokens or (clitic and stem in lex.org_tokens):
            out.append("OT")
        if lex.is_nationality(f) or (clitic and lex.is_nationality(stem)):
            out.append("NAT")
        if f in TITLES or (clitic and (stem in TITLES or "ال" + stem in TITLES)):
            out.append("TTL")
        if f in TITLE_COMPLEMENTS:
            out.append("TCP")
        if f in ORG_HEADS or (clitic and (stem in ORG_HEADS or "ال" + stem in ORG_HEADS)):
            out.append("ORGH")
        if f in STOP:
            out.append("STOP")
        n = lex.name_tokens.get(f, 0) or (lex.name_tokens.get(stem, 0) if clitic else 0)
        if n:
            out.append("NT" + ("3" if n > 20 else "2" if n > 3 else "1"))
        # corpus frequency classes: a frequent word used outside names, a word mostly used
        # outside names, or — neither and no lexicon evidence — a word the corpus never
        # saw often, which is where unseen names live
        if f in lex.common or (clitic and stem in lex.common):
            out.append("CM")
        elif f in lex.ambiguous or (clitic and stem in lex.ambiguous):
            out.append("AMB")
        elif not out and len(stem) >= 3 and is_arabic(stem):
            out.append("UNK")
        res = tuple(out)
        if len(self._flags) >= CACHE_LIMIT:
            self._flags.clear()
        self._flags[word] = res
        return res

    def own(self, word: str) -> list[str]:
        """Features of the word at the current position (cached; used in training)."""
        got = self._own.get(word)
        if got is not None:
            return got
        feats = self.own_features(word)
        if len(self._own) >= CACHE_LIMIT:
            self._own.clear()
        self._own[word] = feats
        return feats

    def own_features(self, word: str) -> list[str]:
        """Features of the word at the current position (uncached)."""
        f = fold(word)
        clitic, stem = split_clitic(f)
        feats = [
            "b",
            "w=" + f,
            "st=" + stem,
            "cl=" + clitic,
            "p2=" + stem[:2],
            "p3=" + stem[:3],
            "s2=" + f[-2:],
            "s3=" + f[-3:],
            "s4=" + f[-4:],
            "ss2=" + stem[-2:],
            "ss3=" + stem[-3:],
            "sh=" + shape(word),
            "len=" + str(min(len(f), 8)),
        ]
        if word in QUOTES:
            feats.append("quote")
        if len(stem) >= 4 and stem.endswith(_FOREIGN_STRONG):
            feats.append("fe")
        feats.extend("g=" + g for g in self.flags(word))
        feats.extend(self.zipf(f))
        if self.keep is not None:
            feats = [x for x in feats if x in self.keep]
        return feats

    def zipf(self, folded: str) -> list[str]:
        """Frequency band and article cue of a folded word (cached, see ``wordfreq_table``)."""
        got = self._zf.get(folded)
        if got is None:
            got = freq_features(folded, self.freq)
            if len(self._zf) >= CACHE_LIMIT:
                self._zf.clear()
            self._zf[folded] = got
        return got

    def neighbour(self, off: int, word: str) -> list[str]:
        """Features a word contributes to the position ``off`` tokens away (cached)."""
        key = (off, word)
        got = self._nb.get(key)
        if got is not None:
            return got
        feats = self.neighbour_features(off, word)
        if len(self._nb) >= 4 * CACHE_LIMIT:
            self._nb.clear()
        self._nb[key] = feats
        return feats

    def role_features(self, word: str) -> list[list[str]]:
        """``own_features`` and ``neighbour_features`` for offsets -2, -1, +1, +2 in one
        go, sharing the per-word work (the decoder needs all five for a new word)."""
        f = fold(word)
        stem = split_clitic(f)[1]
        sh = shape(word)
        flags = self.flags(word)
        far = [g for g in flags if g in _FAR_FLAGS]
        out = [self.own_features(word)]
        for p in ("-2:", "-1:", "+1:", "+2:"):
            feats = [p + "w=" + f]
            if p[1] == "1":
                feats.append(p + "st=" + stem)
                feats.append(p + "sh=" + sh)
                feats.extend(p + "g=" + g for g in flags)
                feats.extend(p + z for z in self.zipf(f) if z[0] == "d")
            else:
                feats.extend(p + "g=" + g for g in far)
            out.append(feats if self.keep is None else [x for x in feats if x in self.keep])
        return out

    def neighbour_features(self, off: int, word: str) -> list[str]:
        """Features a word contributes to the position ``off`` tokens away (uncached)."""
        f = fold(word)
        p = f"{off:+d}:"
        feats = [p + "w=" + f]
        if abs(off) == 1:
            feats.append(p + "st=" + split_clitic(f)[1])
            feats.append(p + "sh=" + shape(word))
            feats.extend(p + "g=" + g for g in self.flags(word))
            feats.extend(p + z for z in self.zipf(f) if z[0] == "d")
        else:
            feats.extend(p + "g=" + g for g in self.flags(word) if g in _FAR_FLAGS)
        if self.keep is not None:
            feats = [x for x in feats if x in self.keep]
        return feats

    # -- sequences ---------------------------------------------------------------
    def _gaz_first(self, f: str) -> tuple[int, tuple[str, ...]]:
        """Longest multi-word place starting with this word, and the forms to try."""
        got = self._gz.get(f)
        if got is None:
            firsts = self.lex.multi_first()
            stem = split_clitic(f)[1]
            forms = tuple(dict.fromkeys((f, stem, "ال" + stem)))
            got = (max(firsts.get(x, 0) for x in forms), forms)
            if len(self._gz) >= CACHE_LIMIT:
                self._gz.clear()
            self._gz[f] = got
        return got

    def gazetteer_spans(self, folded: list[str]) -> list[str]:
        """B-/I- marks for the longest multi-word place names found in the sequence."""
        marks = [""] * len(folded)
        gz = self._gz
        first = self._gaz_first
        # most words start no multi-word place: find the few that do in one pass
        starts = [i for i, f in enumerate(folded) if (gz.get(f) or first(f))[0]]
        if not starts:
            return marks
        multi = self.lex.loc_multi
        pairs = self._pairs
        if pairs is None:  # the first two words of every multi-word place
            pairs = self._pairs = frozenset(toks[:2] for toks in multi)
        last = len(folded) - 1
        done = 0
        for i in starts:
            if i < done or i == last:
                continue
            longest, forms = gz.get(folded[i]) or first(folded[i])
            nxt = folded[i + 1]
            if not any((x, nxt) in pairs for x in forms):
                continue  # «في», «على» begin some place, but not with this next word
            for n in range(min(longest, len(folded) - i), 1, -1):
                rest = tuple(folded[i + 1:i + n])
                if any((x, *rest) in multi for x in forms):
                    marks[i] = "gz=B"
                    for j in range(i + 1, i + n):
                        marks[j] = "gz=I"
                    done = i + n
                    break
        return marks

    def sequence_extras(self, folded: list[str]) -> list[list[str]]:
        """Per-position features that depend on more than one word: sentence edges,
        bigrams, multi-word gazetteer hits."""
        n = len(folded)
        out: list[list[str]] = [[] for _ in range(n)]
        if not n:
            return out
        out[0].append("BOS")
        out[-1].append("EOS")
        # a pair is «bg+» of its first word and «bg-» of its second
        bigrams = self._bigrams
        if bigrams is None:
            for i in range(1, n):
                pair = folded[i - 1] + "|" + folded[i]
                out[i].append("bg-=" + pair)
                out[i - 1].append("bg+=" + pair)
        else:
            get = bigrams.get
            for i in range(1, n):
                hit = get((folded[i - 1], folded[i]))
                if hit is not None:
                    minus, plus = hit
                    if minus:
                        out[i].append(minus)
                    if plus:
                        out[i - 1].append(plus)
        if self.lex.max_multi > 1:
            for i, g in enumerate(self.gazetteer_spans(folded)):
                if g:
                    out[i].append(g)
        # comma apposition («…، ليف دينغوف،») and quote wrapping, one or two tokens: only
        # next to a comma or a quote
        marks = [i for i, f in enumerate(folded) if f in _MARKS]
        if marks:
            near = sorted({j for m in marks for j in (m - 1, m + 1) if 0 < j < n - 1})
            for i in near:
                a, b = folded[i - 1], folded[i + 1]
                if a in COMMAS:
                    if b in COMMAS:
                        out[i].append("app=1")
                    elif i < n - 2 and folded[i + 2] in COMMAS:
                        out[i].append("app=B2")
                elif b in COMMAS and i > 1 and folded[i - 2] in COMMAS:
                    out[i].append("app=I2")
                if a in QUOTES and b in QUOTES:
                    out[i].append("inq")
        return out

    def sequence(self, words: list[str]) -> list[list[str]]:
        """Feature lists for one sentence of raw token strings (training and crfsuite)."""
        n = len(words)
        extras = self.sequence_extras([fold(w) for w in words])
        out: list[list[str]] = []
        for i, w in enumerate(words):
            feats = list(self.own(w))
            if i > 0:
                feats += self.neighbour(-1, words[i - 1])
                if i > 1:
                    feats += self.neighbour(-2, words[i - 2])
            if i < n - 1:
                feats += self.neighbour(1, words[i + 1])
                if i < n - 2:
                    feats += self.neighbour(2, words[i + 2])
            feats += extras[i]
            out.append(feats)
        return out
