"""Optional backend: camel-tools' BERT NER (``NABA_NER=camel``).

camel-tools is installed without its heavy dependencies (torch, transformers) and
without model data, so this backend only works where someone installed both. When
they are absent the first call raises ``CamelUnavailable`` with the reason — a
deployment that asked for BERT must not quietly get the CRF. The BERT tags replace the
CRF tags; tokenisation, rules, canonical names and coreference are shared.
"""

from __future__ import annotations

import threading

from . import lexicon as lexmod
from .corpus import map_tag
from .corpus import spans as bio_spans
from .features import Featurizer
from .recognizer import OUTPUT_TYPES, CrfRecognizer
from .text import sentences

MODEL_NAME = "camel-tools/bert-base-arabic-camelbert-msa-ner"


class CamelUnavailable(RuntimeError):
    """camel-tools' NER model or its dependencies are not installed."""


def load_camel_ner():  # pragma: no cover - needs torch and the model data
    """camel-tools' pretrained NER, or ``CamelUnavailable`` explaining what is missing."""
    try:
        from camel_tools.ner import NERecognizer
    except Exception as exc:  # ImportError for torch/transformers, or data errors
        raise CamelUnavailable(
            f"NABA_NER=camel needs camel-tools' NER dependencies (torch, transformers): {exc}. "
            "Install them and run `camel_data -i ner-arabert`, or use NABA_NER=crf.") from exc
    try:
        return NERecognizer.pretrained()
    except Exception as exc:
        raise CamelUnavailable(
            f"camel-tools' NER model is not installed ({exc}); run `camel_data -i ner-arabert` "
            "or use NABA_NER=crf.") from exc


class CamelRecognizer(CrfRecognizer):
    """Same pipeline as the CRF recogniser, tags from camel-tools' BERT model."""

    _instance: CamelRecognizer | None = None  # type: ignore[assignment]
    _lock = threading.Lock()

    def __init__(self) -> None:  # noqa: D107 - no CRF model needed
        self.ner = load_camel_ner()
        self.lex = lexmod.load()
        self.featurizer = Featurizer(self.lex)
        self.types = OUTPUT_TYPES
        self._local = threading.local()

    def tag_spans(self, words: list[str], text: str, tokens: list) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for a, b in sentences(tokens, text):
            tags = [map_tag(t) for t in self.ner.predict_sentence(words[a:b])]
            out.extend((a + s, a + e, t) for s, e, t in bio_spans(tags))
        return out
