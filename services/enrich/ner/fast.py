"""A fast decoder for a trained crfsuite model.

``pycrfsuite.Tagger.tag`` spends most of its time turning every feature *string* of
every token into an id, although most of those strings belong to words it has seen
thousands of times. Here the model's weights are read once into per-attribute label
vectors, and what a word contributes — as the current token and as each neighbour — is
summed once per distinct word and cached. Tagging a sentence is then a handful of
numpy additions plus Viterbi over the 9 labels. The scores are exactly crfsuite's
(state features with value 1, label transitions, no start/end weights), so the output
matches ``Tagger.tag``; a test checks that.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite

from .features import CACHE_LIMIT, Featurizer

OFFSETS = (-2, -1, 1, 2)


class FastCRF:
    """Viterbi decoding of one crfsuite model over ``Featurizer`` features."""

    def __init__(self, model: Path, featurizer: Featurizer) -> None:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        try:
            info = tagger.info()
            self.labels: list[str] = list(tagger.labels())
        finally:
            tagger.close()
        index = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] = w
        weights: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            vec = weights.get(attr)
            if vec is None:
                vec = weights[attr] = np.zeros(n)
            vec[index[lab]] = w
        self.weights = weights
        self.zero = np.zeros(n)
        self.fz = featurizer
        self._own: dict[str, np.ndarray] = {}
        self._nb: dict[int, dict[str, np.ndarray]] = {off: {} for off in OFFSETS}

    def attributes(self) -> frozenset[str]:
        return frozenset(self.weights)

    def _sum(self, feats: list[str]) -> np.ndarray:
        w = self.weights
        vecs = [w[f] for f in feats if f in w]
        return np.sum(vecs, axis=0) if vecs else self.zero

    def own(self, word: str) -> np.ndarray:
        v = self._own.get(word)
        if v is None:
            if len(self._own) >= CACHE_LIMIT:
                self._own.clear()
            v = self._own[word] = self._sum(self.fz.own(word))
        return v

    def neighbour(self, off: int, word: str) -> np.ndarray:
        cache = self._nb[off]
        v = cache.get(word)
        if v is None:
            if len(cache) >= CACHE_LIMIT:
                cache.clear()
            v = cache[word] = self._sum(self.fz.neighbour(off, word))
        return v

    def tag_doc(self, sents: list[list[str]], folded: list[list[str]],
                extra: list[list[list[str]]] | None = None) -> list[list[str]]:
        """Labels for every sentence of a document, scored and decoded in one batch.

        Neighbour contributions are shifted over the flattened document and masked at
        sentence edges; Viterbi runs over all sentences at once (padded), so numpy is
        called per *position in the longest sentence*, not per token.
        """
        lengths = [len(s) for s in sents]
        words = [w for s in sents for w in s]
        n = len(words)
        if not n:
            return [[] for _ in sents]
        sid = np.repeat(np.arange(len(sents)), lengths)
        own = self._own
        em = np.array([own[w] if w in own else self.own(w) for w in words])
        for off in OFFSETS:
            if n <= abs(off):
                continue
            cache = self._nb[off]
            nb = np.array([cache.get(w) if w in cache else self.neighbour(off, w) for w in words])
            if off < 0:  # token i gets what word i+off contributes
                same = (sid[-off:] == sid[:off])[:, None]
                em[-off:] += nb[:off] * same
            else:
                same = (sid[:-off] == sid[off:])[:, None]
                em[:-off] += nb[off:] * same
        w = self.weights
        i = 0
        for k, f in enumerate(folded):
            feats_list = self.fz.sequence_extras(f)
            if extra is not None:
                feats_list = [a + b for a, b in zip(feats_list, extra[k], strict=True)]
            for feats in feats_list:
                for feat in feats:
                    v = w.get(feat)
                    if v is not None:
                        em[i] += v
                i += 1
        return self._viterbi_batch(em, lengths)

    def _viterbi_batch(self, em: np.ndarray, lengths: list[int]) -> list[list[str]]:
        # Sentences sorted longest first, so the ones still running at step t are a prefix.
        order = sorted((k for k, ln in enumerate(lengths) if ln), key=lambda k: -lengths[k])
        lens = [lengths[k] for k in order]
        t_max = lens[0]
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[order]
        pos = starts[:, None] + np.minimum(np.arange(t_max)[None, :], np.array(lens)[:, None] - 1)
        pad = em[pos]  # (S, T, L)
        n_active = [sum(1 for ln in lens if ln > t) for t in range(t_max)]
        back = np.zeros((len(order), t_max, em.shape[1]), dtype=np.intp)
        score = pad[:, 0].copy()
        trans = self.trans[None]
        for t in range(1, t_max):
            k = n_active[t]
            cand = score[:k, :, None] + trans
            back[:k, t] = cand.argmax(axis=1)
            score[:k] = cand.max(axis=1) + pad[:k, t]
        best = score.argmax(axis=1).tolist()
        labels = self.labels
        out: list[list[str]] = [[] for _ in lengths]
        for r, k in enumerate(order):
            b = best[r]
            path = [b]
            rows = back[r, :lens[r]].tolist()
            for t in range(lens[r] - 1, 0, -1):
                b = rows[t][b]
                path.append(b)
            out[k] = [labels[j] for j in reversed(path)]
        return out

    def tag(self, words: list[str], folded: list[str]) -> list[str]:
        """Labels of one sentence (same as ``pycrfsuite.Tagger.tag`` on its features)."""
        return self.tag_doc([words], [folded])[0]
