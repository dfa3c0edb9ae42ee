"""The enrich stage as a pure function: an article in, the same article with entities and dates out."""

from __future__ import annotations

from services.shared.schema import Article

from .dates import DATES_VERSION, find_dates
from .entities import find_entities, ner_model_name


def enrich(article: Article) -> Article:
    entities = find_entities(article.text)
    dates = find_dates(article.text, article.published)
    provenance = article.provenance.model_copy(
        update={
            "ner_model": ner_model_name(),
            "dates_version": DATES_VERSION,
            "stages": [*[s for s in article.provenance.stages if s != "enrich"], "enrich"],
        }
    )
    return article.model_copy(update={"entities": entities, "dates": dates, "provenance": provenance})
