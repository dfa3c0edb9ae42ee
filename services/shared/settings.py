"""Runtime settings, read from ``NABA_*`` environment variables (pydantic-settings).

Defaults describe the local stack that ``naba stack up`` starts on loopback; the
docker-compose file overrides the URLs. Ports sit off the usual ones (6390, 9201) so a
developer's own Redis or search node is never touched by accident.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NABA_", extra="ignore")

    home: Path = Field(default=REPO_ROOT / "var", description="Where the local stack keeps data, logs and pids.")
    redis_url: str = "redis://127.0.0.1:6390/0"
    search_url: str = "http://127.0.0.1:9201"
    search_engine: Literal["elasticsearch", "opensearch"] = "opensearch"
    search_user: str | None = None
    search_password: str | None = None
    index_prefix: str = "naba-articles"

    # delivery
    task_time_limit: int = 300
    visibility_timeout: int = 900  # must exceed task_time_limit (and any retry countdown)
    max_retries: int = 5
    retry_backoff: float = 2.0  # seconds; doubled per attempt, with full jitter
    retry_backoff_max: int = 300
    max_deliveries: int = 3  # a message delivered more often than this is a crash loop
    content_ttl: int = 7 * 24 * 3600

    # ingest
    http_timeout: float = 20.0
    http_max_bytes: int = 10 * 1024 * 1024
    http_max_redirects: int = 5
    http_per_host_delay: float = 1.0
    http_per_host_concurrency: int = 2
    http_user_agent: str = "naba/0.1 (+https://github.com/naba-news/naba)"
    http_allow_hosts: list[str] = Field(default_factory=list, description="Hosts/CIDRs exempt from the SSRF guard.")
    http_max_attempts: int = 3  # in-task attempts; the task's own retries come on top
    http_retry_max_wait: float = 30.0  # a longer Retry-After raises and the task retries later instead
    http_gate_wait: float = 30.0  # how long to wait for a per-host politeness slot
    ingest_max_depth: int = 4  # nesting of sitemap indexes / feeds
    dedup_window: int = 3 * 24 * 3600  # near-duplicate signatures are kept this long (s)
    max_document_bytes: int = 20 * 1024 * 1024

    # enrich
    ner: Literal["crf", "camel"] = "crf"

    # metrics: each worker serves Prometheus metrics on metrics_port + its stage offset
    metrics_port: int = 9460
    metrics_addr: str = "127.0.0.1"  # docker-compose sets 0.0.0.0 so Prometheus can scrape the container
    opensearch_version: str = "2.19.1.0"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
