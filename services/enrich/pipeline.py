"""The enrich stage as a pure function: an article in, the same article with entities and dates out."""

from __future__ import annotations

from services.shared.schema import Article, DateMention, Entity

from .dates import DATES_VERSION, find_dates
from .dates.resolve import parse_published
from .entities import find_entities, ner_model_name


def publication_mention(published: str | None) -> DateMention | None:
    """The publication date as a date of the article: consumers filter on "dates this story is about"
    and the day it was published is one, even when the date line was stripped from the body."""
    when = parse_published(published)
    if when is None:
        return None
    return DateMention(text=published or "", value=when.date().isoformat(), start=0, end=0, where="published")


def annotate(text: str, published: str | None) -> tuple[list[Entity], list[DateMention]]:
    """Entities and dates of one body; the contract ``naba enrich`` and the worker share."""
    dates = find_dates(text, published)
    pub = publication_mention(published)
    if pub is not None:
        dates = [pub, *dates]
    return find_entities(text), dates


def enrich(article: Article) -> Article:
    entities, dates = annotate(article.text, article.published)
    provenance = article.provenance.model_copy(
        update={
            "ner_model": ner_model_name(),
            "dates_version": DATES_VERSION,
            "stages": [*[s for s in article.provenance.stages if s != "enrich"], "enrich"],
        }
    )
    return article.model_copy(update={"entities": entities, "dates": dates, "provenance": provenance})
