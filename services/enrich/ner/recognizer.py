"""The CRF recogniser: tokens → CRF tags → rules → canonical, coreferred entities.

The model and lexicons are loaded once per process (``CrfRecognizer.get()``); a Celery
worker pays the load once and then only tags.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pycrfsuite

from services.shared.schema import Entity

from . import lexicon as lexmod
from .canon import canonical, corefer, key
from .corpus import spans as bio_spans
from .features import Featurizer
from .lexicon import STOP
from .rules import drop_noise, org_edges, propagate, split_glued, title_chains, trim
from .stack import stacked
from .text import fold, sentences, tokenize

MODEL_PATH = Path(__file__).resolve().parent / "model.crfsuite"
OUTPUT_TYPES = frozenset({"PER", "LOC", "ORG"})


class CrfRecognizer:
    """Arabic NER with a CRF plus news rules; safe to share within one process."""

    _instance: CrfRecognizer | None = None
    _lock = threading.Lock()

    def __init__(self, model: Path = MODEL_PATH, lexicon: Path = lexmod.LEXICON_PATH,
                 types: frozenset[str] = OUTPUT_TYPES) -> None:
        if not model.exists():
            raise FileNotFoundError(
                f"NER model {model} is missing; build it with "
                "`python -m services.enrich.ner.train --data DIR --out services/enrich/ner/model.crfsuite`")
        self.lex = lexmod.load(lexicon)
        self.model = model
        self.pass1 = model.with_name(model.name.replace(".crfsuite", "") + ".pass1.crfsuite")
        self.featurizer = Featurizer(self.lex, model_attributes([p for p in (model, self.pass1) if p.exists()]))
        self.types = types
        self._local = threading.local()

    @classmethod
    def get(cls) -> CrfRecognizer:
        """The process-wide recogniser (lazy, loaded once)."""
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls()
        return cls._instance

    def _taggers(self) -> tuple[pycrfsuite.Tagger | None, pycrfsuite.Tagger]:
        # crfsuite taggers are not thread-safe: one pair per thread.
        pair = getattr(self._local, "taggers", None)
        if pair is None:
            first = None
            if self.pass1.exists():
                first = pycrfsuite.Tagger()
                first.open(str(self.pass1))
            final = pycrfsuite.Tagger()
            final.open(str(self.model))
            pair = self._local.taggers = (first, final)
        return pair

    def tag_spans(self, words: list[str], text: str, tokens: list) -> list[tuple[int, int, str]]:
        """CRF spans over the document's tokens: sentence-level pass 1, document-aware pass 2."""
        first, final = self._taggers()
        bounds = sentences(tokens, text)
        xs = [self.featurizer.sequence(words[a:b]) for a, b in bounds]
        if first is not None:
            p1 = [first.tag(x) for x in xs]
            folded = [[fold(w) for w in words[a:b]] for a, b in bounds]
            xs = [[f + g for f, g in zip(x, e, strict=True)] for x, e in zip(xs, stacked(folded, p1), strict=True)]
        out: list[tuple[int, int, str]] = []
        for (a, _), x in zip(bounds, xs, strict=True):
            out.extend((a + s, a + e, t) for s, e, t in bio_spans(final.tag(x)))
        return out

    def find(self, text: str) -> list[Entity]:
        """Entities of one document with exact offsets, canonical names and keys."""
        # Hashtag marks are transparent: «سيرغي #لافروف» is one name.
        tokens = [t for t in tokenize(text) if t.text != "#"]
        if not tokens:
            return []
        words = [t.text for t in tokens]
        folded = [fold(w) for w in words]
        spans = self.tag_spans(words, text, tokens)
        doc_words = set(folded)
        spans = drop_noise(spans, words)
        spans = split_glued(spans, folded, doc_words)
        spans = trim(spans, folded, words, self.lex)
        spans = org_edges(spans, folded, words, self.lex)
        spans = title_chains(spans, folded, words, self.lex)
        spans = propagate(spans, folded, words, self.lex)
        spans = [s for s in spans if s[2] in self.types]

        mentions: list[tuple[int, int, str, str]] = []
        for s, e, typ in spans:
            name = canonical(words[s:e], doc_words, self.lex)
            k = key(name)
            if len(k.replace(" ", "")) < 2 or k in STOP:
                continue
            mentions.append((s, e, typ, name))
        resolved = corefer([(typ, name) for _, _, typ, name in mentions])
        out = []
        for s, e, typ, name in mentions:
            canon = resolved[(typ, name)]
            start, end = tokens[s].start, tokens[e - 1].end
            out.append(Entity(text=text[start:end], name=canon, type=typ, start=start, end=end, key=key(canon)))
        return out


def model_attributes(models: list[Path]) -> frozenset[str]:
    """Attributes with a non-zero weight in any of ``models`` (read once at load)."""
    attrs: set[str] = set()
    for path in models:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        try:
            attrs.update(attr for attr, _label in tagger.info().state_features)
        finally:
            tagger.close()
    return frozenset(attrs)


def model_version(model: Path = MODEL_PATH) -> str:
    """``crf-<hash>`` of the model file, so a reindex can target articles of an old model."""
    import hashlib

    global _VERSION
    if _VERSION is None:
        digest = hashlib.sha256(model.read_bytes()).hexdigest()[:12] if model.exists() else "missing"
        _VERSION = f"crf-{digest}"
    return _VERSION


_VERSION: str | None = None
