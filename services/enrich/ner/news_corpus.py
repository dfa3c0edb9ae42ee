"""naba's own news articles as training sentences: the gold names of ``bench/news`` projected onto their text.

ANERcorp is 2007 newswire; the held-out news naba is measured on is 2020s local and
agency copy (Gulf municipalities, Iraqi districts, Maghrebi unions, listed companies).
``bench/news`` holds about three hundred such articles written for the project, each
with its gold names — distinct names per document, not token spans. Here each name and
its aliases are found again in the article's tokens (the first word may carry a
proclitic: «وبلدية», «للأمم») and labelled, longest names first; the surname of a
person found alone is that person too («قال الكشر»), as ANERcorp labels it.

Names the gold calls optional (ministries, generic councils, events, laws) are neither
required nor wrong in the evaluation, so they must not teach the tagger either way:
their tokens take the tags of a ``base`` tagger trained on ANERcorp alone, which keeps
ANERcorp's conventions for them (a ministry is an organisation).

The sets listed under ``held_out`` in ``gold.json`` are never read here: they are what
the trained model is measured on (``bench/news_entities_eval.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .corpus import Sentence, repair_bio
from .text import fold, sentences, tokenize

NEWS_DIR = Path(__file__).resolve().parents[3] / "bench" / "news"
TYPES = ("PER", "LOC", "ORG")
_OPTIONAL = "?"

Tagger = Callable[[Sequence[list[str]]], list[list[str]]]  # sentences of words → their BIO tags


def held_out(root: Path = NEWS_DIR) -> frozenset[str]:
    """The sets of ``root/gold.json`` kept out of training."""
    return frozenset(json.loads((root / "gold.json").read_text(encoding="utf-8")).get("held_out", []))


_ATTACHED = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")  # what may stand before a name's first word
_BEFORE_ARTICLE = ("لل", "ولل", "فلل")  # «للأمم»: «ل» + «الأمم», written without its alef


def _first_word_matches(token: str, first: str) -> bool:
    """``token`` is ``first`` or ``first`` behind a proclitic («وبلدية», and «للأمم» for «الأمم»).

    Never the article alone: «الرياض» is not the given name «رياض».
    """
    if token == first:
        return True
    if token.endswith(first) and token[: len(token) - len(first)] in _ATTACHED:
        return True
    return first.startswith("ال") and any(token == c + first[2:] for c in _BEFORE_ARTICLE)


# «مدينة قوانغتشو», «دولة الكويت», «محافظة البصرة»: the gold accepts the place with its noun, ANERcorp
# (and the rules, see ``named_after_place_nouns``) name the place alone; trained on both, the tagger
# would learn neither (a Moroccan region keeps «جهة»: see ``moroccan_regions``)
_PLACE_NOUNS = frozenset(fold(w) for w in (
    "مدينة", "محافظة", "ولاية", "دولة", "منطقة", "قضاء", "ناحية", "إقليم", "بلدة", "قرية", "مقاطعة", "مديرية",
    "محلية", "إمارة", "ضاحية", "نهر", "ميناء", "حقل", "معسكر", "مخيم"))


def _words_of(name: str, typ: str) -> list[str]:
    words = [fold(t.text) for t in tokenize(name)]
    return words[1:] if typ == "LOC" and len(words) >= 2 and words[0] in _PLACE_NOUNS else words


def gold_names(doc: dict) -> list[tuple[str, list[str]]]:
    """(type, folded words) of every gold name and alias, each person's surname alone, the optional names."""
    out: list[tuple[str, list[str]]] = []
    for typ in TYPES:
        for entry in doc["entities"].get(typ, []):
            aliases = entry if isinstance(entry, list) else [entry]
            out += [(typ, _words_of(a, typ)) for a in aliases]
            words = [t.text for t in tokenize(max(aliases, key=len))]
            if typ == "PER" and len(words) >= 2 and len(words[-1]) >= 3:
                out.append((typ, [fold(words[-1])]))
    out += [(_OPTIONAL, [fold(t.text) for t in tokenize(o)]) for o in doc.get("entities_optional", [])]
    out = [(typ, seq) for typ, seq in out if seq]
    out.sort(key=lambda n: (-len(n[1]), n[0] == _OPTIONAL))  # longest first; a name before an optional one
    return out


def label(words: list[str], names: Iterable[tuple[str, list[str]]]) -> list[str]:
    """BIO tags of ``words`` for the given names (optional spans tagged ``?``); a token is labelled once."""
    folded = [fold(w) for w in words]
    tags = ["O"] * len(words)
    for typ, seq in names:
        n = len(seq)
        for i in range(len(words) - n + 1):
            if not _first_word_matches(folded[i], seq[0]) or folded[i + 1 : i + n] != seq[1:]:
                continue
            if any(t != "O" for t in tags[i : i + n]):
                continue
            if typ == _OPTIONAL:
                tags[i : i + n] = [_OPTIONAL] * n
            else:
                tags[i : i + n] = [f"B-{typ}"] + [f"I-{typ}"] * (n - 1)
    return tags


def news_sentences(base: Tagger, root: Path = NEWS_DIR, exclude: frozenset[str] | None = None) -> list[Sentence]:
    """The training sentences of every document of ``root`` whose set is not held out (nor in ``exclude``)."""
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    skip = frozenset(gold.get("held_out", [])) | (exclude or frozenset())
    out: list[tuple[list[str], list[str]]] = []
    for name, doc in sorted(gold["docs"].items()):
        if doc["set"] in skip:
            continue
        text = (root / name).read_text(encoding="utf-8")
        tokens = tokenize(text)
        words = [t.text for t in tokens]
        tags = label(words, gold_names(doc))
        out += [(words[a:b], tags[a:b]) for a, b in sentences(tokens, text)]
    unsure = [i for i, (_, tags) in enumerate(out) if _OPTIONAL in tags]
    for i, guessed in zip(unsure, base([out[i][0] for i in unsure]), strict=True):
        words, tags = out[i]
        tags = [g if t == _OPTIONAL else t for t, g in zip(tags, guessed, strict=True)]
        out[i] = (words, tags)
    return [repair_bio(list(zip(words, tags, strict=True))) for words, tags in out]
