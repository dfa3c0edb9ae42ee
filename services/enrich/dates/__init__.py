"""Date mentions in Arabic news (enrich stage): ``find_dates(text, published)``.

Pure functions, no Celery: the enrich worker calls ``find_dates`` and records
``DATES_VERSION`` in the article's provenance so a reindex can target old outputs.
"""

from .extract import DATES_VERSION, find_dates

__all__ = ["DATES_VERSION", "find_dates"]
