"""Named entities of an Arabic article — the pure core of the enrich stage's NER.

``find_entities`` dispatches on ``settings.ner`` (``NABA_NER``): ``crf`` (default) is
the offline CRF in ``services.enrich.ner``; ``camel`` uses camel-tools' BERT NER when
its model and dependencies are installed, and fails loudly otherwise rather than
silently falling back, so a deployment gets the backend it asked for.
"""

from __future__ import annotations

from services.shared.schema import Entity
from services.shared.settings import get_settings


def find_entities(text: str) -> list[Entity]:
    """PER/LOC/ORG mentions of ``text`` with exact offsets, canonical names and facet keys."""
    if get_settings().ner == "camel":
        from services.enrich.ner.camel_backend import CamelRecognizer

        return CamelRecognizer.get().find(text)
    from services.enrich.ner.recognizer import CrfRecognizer

    return CrfRecognizer.get().find(text)


def ner_model_name() -> str:
    """Provenance string for the active backend (recorded in ``Provenance.ner_model``)."""
    if get_settings().ner == "camel":
        from services.enrich.ner.camel_backend import MODEL_NAME

        return MODEL_NAME
    from services.enrich.ner.recognizer import model_version

    return model_version()
