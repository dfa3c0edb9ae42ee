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
ROLES = ("own", *OFFSETS)


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
        self.trans_to_from = np.ascontiguousarray(self.trans.T)
        weights: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            vec = weights.get(attr)
            if vec is None:
                vec = weights[attr] = np.zeros(n)
            vec[index[lab]] = w
        self.weights = weights
        # the same weights as one matrix, for summing a word's attributes in one call
        self._attr_row = {a: i for i, a in enumerate(weights)}
        self._matrix = np.vstack([*weights.values(), np.zeros(n)]) if weights else np.zeros((1, n))
        self._none = len(weights)  # index of the zero row
        self.zero = np.zeros(n)
        self.fz = featurizer
        # Per distinct word, one row per role: as the token itself, and as the word at
        # offset -2/-1/+1/+2 from it. Rows are summed weights, so scoring a token is a
        # few row lookups.
        self._vocab: dict[str, int] = {}
        self._table = np.zeros((len(ROLES), 1024, n))

    def attributes(self) -> frozenset[str]:
        return frozenset(self.weights)

    def _sum(self, feats: list[str]) -> np.ndarray:
        w = self.weights
        vecs = [w[f] for f in feats if f in w]
        return np.sum(vecs, axis=0) if vecs else self.zero

    def _add(self, word: str) -> int:
        """Give ``word`` a row in every role table (resetting the tables when full)."""
        if len(self._vocab) >= CACHE_LIMIT:
            self._vocab.clear()
        idx = len(self._vocab)
        if idx >= self._table.shape[1]:
            grown = np.zeros((len(ROLES), 2 * self._table.shape[1], self._table.shape[2]))
            grown[:, :idx] = self._table[:, :idx]
            self._table = grown
        fz = self.fz
        row = self._attr_row
        none = self._none
        groups = fz.role_features(word)  # own, then offsets -2, -1, +1, +2 (= OFFSETS)
        # one index list for all roles (each starting with the zero row, so none is
        # empty), summed per role by a single reduceat
        index: list[int] = []
        starts: list[int] = []
        for feats in groups:
            starts.append(len(index))
            index.append(none)
            index.extend(row[f] for f in feats if f in row)
        self._table[:, idx] = np.add.reduceat(self._matrix[index], starts, axis=0)
        self._vocab[word] = idx
        return idx

    def ids(self, words: list[str]) -> np.ndarray:
        vocab = self._vocab
        out = [vocab.get(w) for w in words]
        for i, v in enumerate(out):
            if v is None:
                out[i] = vocab.get(words[i])
                if out[i] is None:
                    out[i] = self._add(words[i])
        return np.array(out, dtype=np.intp)

    def tag_doc(self, sents: list[list[str]], extras: list[list[str]],
                more: list[list[str]] | None = None) -> list[list[str]]:
        """Labels for every sentence of a document, scored and decoded in one batch.

        ``extras`` are the per-token sequence features (``Featurizer.sequence_extras``,
        flattened over the document), ``more`` optional further per-token features
        (the stacked ones). Neighbour rows are shifted over the flattened document and
        masked at sentence edges; Viterbi runs over all sentences at once (padded), so
        numpy is called per position of the longest sentence, not per token.
        """
        lengths = [len(s) for s in sents]
        words = [w for s in sents for w in s]
        n = len(words)
        if not n:
            return [[] for _ in sents]
        ids = self.ids(words)
        table = self._table
        sid = np.repeat(np.arange(len(sents)), lengths)
        em = table[0][ids]
        for r, off in enumerate(OFFSETS, start=1):
            if n <= abs(off):
                continue
            if off < 0:  # token i gets what word i+off contributes
                same = (sid[-off:] == sid[:off])[:, None]
                em[-off:] += table[r][ids[:off]] * same
            else:
                same = (sid[:-off] == sid[off:])[:, None]
                em[:-off] += table[r][ids[off:]] * same
        # sequence (and stacked) features: gather (token, weight row) pairs and add them
        # in one unbuffered numpy call rather than one small addition per feature
        get = self._attr_row.get
        hits = [(i, r) for group in ((extras, more) if more is not None else (extras,))
                for i, feats in enumerate(group) for feat in feats if (r := get(feat)) is not None]
        if hits:
            pos, rows = zip(*hits, strict=True)
            np.add.at(em, list(pos), self._matrix[list(rows)])
        return self._viterbi_batch(em, lengths)

    def _viterbi_batch(self, em: np.ndarray, lengths: list[int]) -> list[list[str]]:
        # Sentences sorted longest first and laid out time-major (T, S, L), so the ones still
        # running at step t are a contiguous prefix; scores of moving from label i to j are
        # reduced over the last axis (trans transposed), which numpy does fastest.
        order = sorted((k for k, ln in enumerate(lengths) if ln), key=lambda k: -lengths[k])
        lens = [lengths[k] for k in order]
        t_max, n_s, n_lab = lens[0], len(order), em.shape[1]
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[order]
        pad = em[starts[None, :] + np.minimum(np.arange(t_max)[:, None], np.array(lens)[None, :] - 1)]
        n_active = np.searchsorted(-np.array(lens), -np.arange(t_max), side="left").tolist()
        back = np.empty((t_max, n_s, n_lab), dtype=np.intp)
        score = pad[0].copy()
        cand = np.empty((n_s, n_lab, n_lab))
        trans = self.trans_to_from
        for t in range(1, t_max):
            k = n_active[t]
            c = cand[:k]
            np.add(score[:k, None, :], trans, out=c)
            c.argmax(axis=2, out=back[t, :k])
            s = score[:k]
            c.max(axis=2, out=s)
            s += pad[t, :k]
        # backtrack all sentences at once; a sentence joins when t reaches its last token
        cur = score.argmax(axis=1)
        path = np.empty((t_max, n_s), dtype=np.intp)
        rows = np.arange(n_s)
        for t in range(t_max - 1, 0, -1):
            k = n_active[t]
            path[t, :k] = cur[:k]
            cur[:k] = back[t, rows[:k], cur[:k]]
        path[0] = cur
        labels = self.labels
        cols = path.T.tolist()
        out: list[list[str]] = [[] for _ in lengths]
        for r, k in enumerate(order):
            out[k] = [labels[j] for j in cols[r][:lens[r]]]
        return out

    def tag(self, words: list[str], folded: list[str]) -> list[str]:
        """Labels of one sentence (same as ``pycrfsuite.Tagger.tag`` on its features)."""
        return self.tag_doc([words], self.fz.sequence_extras(folded))[0]
