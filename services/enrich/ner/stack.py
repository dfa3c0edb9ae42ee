"""Second-pass (stacked) features: what the first CRF said about this word elsewhere.

A sentence-level CRF sees «فرويد» or «حفتر» without a title eight times out of ten
and misses it; the document knows better. Following Krishnan & Manning (2006), a first
CRF tags the document, then a second CRF gets, for each token, the first pass's label
here and next door plus the majority entity type the first pass gave the same (clitic
stripped) word anywhere in the document. This is how «لحفتر» in a quote inherits PER
from «المشير خليفة حفتر» three paragraphs up.

Training data for the second CRF must carry first-pass labels that were *predicted*,
not memorised, so ``train`` produces them by cross-prediction over two halves.
"""

from __future__ import annotations

from collections import Counter

from .rules import bare

DOC_SENTENCES = 15  # training corpora have no document breaks: blocks of this many sentences stand in


def doc_votes(folded: list[list[str]], tags: list[list[str]]) -> dict[str, Counter[str]]:
    """Per bare word, how often the first pass put it in an entity of each type."""
    votes: dict[str, Counter[str]] = {}
    for words, seq in zip(folded, tags, strict=True):
        for w, t in zip(words, seq, strict=True):
            if t != "O":
                votes.setdefault(bare(w), Counter())[t[2:]] += 1
    return votes


def stacked(folded: list[list[str]], tags: list[list[str]]) -> list[list[list[str]]]:
    """Extra features per token of a document (list of sentences) from first-pass tags."""
    votes = doc_votes(folded, tags)
    out: list[list[list[str]]] = []
    for words, seq in zip(folded, tags, strict=True):
        n = len(words)
        sent: list[list[str]] = []
        for i, w in enumerate(words):
            feats = ["p1=" + seq[i], "p1-=" + (seq[i - 1] if i else "BOS"),
                     "p1+=" + (seq[i + 1] if i + 1 < n else "EOS")]
            v = votes.get(bare(w))
            if v:
                typ, cnt = v.most_common(1)[0]
                feats.append("dv=" + typ)
                feats.append("dvn=" + typ + ("3" if cnt > 2 else str(cnt)))
            sent.append(feats)
        out.append(sent)
    return out


def blocks(n: int, size: int = DOC_SENTENCES) -> list[tuple[int, int]]:
    """Pseudo-document ranges over ``n`` consecutive training sentences."""
    return [(a, min(a + size, n)) for a in range(0, n, size)]
