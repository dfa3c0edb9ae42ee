"""Fetcher against a real HTTP server on 127.0.0.1 (allowed through http_allow_hosts).

``LocalSite`` is also used by tests/test_ingest_sources.py.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from services.ingest.fetch import (
    BlockedURLError,
    Fetcher,
    InMemoryHostGate,
    InMemoryStore,
    NotModified,
    PermanentFetchError,
    RedirectError,
    RobotsDisallowedError,
    TooLargeError,
    TransientFetchError,
    ValidatorCache,
    parse_retry_after,
)
from services.ingest.raw import RawDocument
from services.shared.errors import PermanentError
from services.shared.settings import Settings
from tests.test_dedup import run_redis_server

ARABIC_PAGE = (
    "<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>خبر</title></head>"
    "<body><h1>الكرملين ينفي دعم حفتر</h1><p>قال المتحدث باسم الكرملين إن روسيا لا تدعم الهجوم على طرابلس.</p>"
    "</body></html>"
).encode()
CP1256_TEXT = "<html><head><meta charset='windows-1256'></head><body><p>أعلنت الحكومة الليبية اليوم</p></body></html>"
CP1256_PAGE = CP1256_TEXT.encode("cp1256")

Route = Callable[["Handler"], None]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True  # send Content-Length (False: close-delimited body)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: LocalSite

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        site = self.site
        with site.lock:
            site.requests.append((self.path, dict(self.headers.items()), time.monotonic()))
        route = site.routes.get(self.path.split("?", 1)[0])
        if route is None:
            self.reply(Reply(404, b"not found"))
        elif callable(route):
            route(self)
        else:
            self.reply(route)

    def reply(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if reply.length:
            self.send_header("Content-Length", str(len(reply.body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(reply.body)  # the client may stop reading (oversized body): that is the point

    def log_message(self, *args: object) -> None:
        pass


class LocalSite:
    """A threaded HTTP server on an ephemeral loopback port with programmable routes."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Route] = {}
        self.requests: list[tuple[str, dict[str, str], float]] = []
        self.lock = threading.Lock()
        handler = type("BoundHandler", (Handler,), {"site": self})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _, _ in self.requests if p.split("?", 1)[0] == path)


def loopback_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "http_allow_hosts": ["127.0.0.1"],
        "http_per_host_delay": 0.0,
        "http_timeout": 5.0,
        "http_max_redirects": 5,
        "http_user_agent": "naba-test/1.0",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with LocalSite() as s:
        s.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /private\n", {"Content-Type": "text/plain"})
        yield s


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with run_redis_server() as url:
        yield url


@pytest.fixture()
def sleeps() -> list[float]:
    return []


@pytest.fixture()
def fetcher(sleeps: list[float]) -> Iterator[Fetcher]:
    with Fetcher(loopback_settings(), sleep=sleeps.append) as f:
        yield f


def test_arabic_page_arrives_intact_with_canonical_url(site: LocalSite, fetcher: Fetcher) -> None:
    site.routes["/news/1.html"] = Reply(200, ARABIC_PAGE, {"Content-Type": "text/html; charset=utf-8"})
    doc = fetcher.fetch(site.url("/news/1.html?utm_source=twitter&utm_medium=social#comments"))
    assert isinstance(doc, RawDocument)
    assert doc.body == ARABIC_PAGE
    assert doc.kind == "html"
    assert doc.url == site.url("/news/1.html")  # tracking params and fragment gone
    assert doc.source.endswith("utm_medium=social#comments")
    assert doc.content_type == "text/html; charset=utf-8"
    assert doc.headers["content-length"] == str(len(ARABIC_PAGE))
    assert doc.fetched_at and doc.fetched_at.startswith("20")
    _, headers, _ = site.requests[-1]
    assert headers["User-Agent"] == "naba-test/1.0"


def test_windows_1256_bytes_are_not_decoded(site: LocalSite, fetcher: Fetcher) -> None:
    site.routes["/cp.html"] = Reply(200, CP1256_PAGE, {"Content-Type": "text/html; charset=windows-1256"})
    doc = fetcher.fetch(site.url("/cp.html"))
    assert isinstance(doc, RawDocument)
    assert doc.body == CP1256_PAGE
    assert doc.body.decode("cp1256") == CP1256_TEXT
    with pytest.raises(UnicodeDecodeError):
        doc.body.decode("utf-8")


def test_redirects_followed_to_final_url(site: LocalSite, fetcher: Fetcher) -> None:
    site.routes["/old"] = Reply(301, b"", {"Location": "/mid?fbclid=abc"})
    site.routes["/mid"] = Reply(302, b"", {"Location": site.url("/final")})
    site.routes["/final"] = Reply(200, ARABIC_PAGE, {"Content-Type": "text/html"})
    doc = fetcher.fetch(site.url("/old"))
    assert isinstance(doc, RawDocument)
    assert doc.url == site.url("/final")
    assert doc.source == site.url("/old")


def test_redirect_loop_is_a_clear_permanent_error(site: LocalSite, fetcher: Fetcher) -> None:
    site.routes["/loop-a"] = Reply(302, b"", {"Location": "/loop-b"})
    site.routes["/loop-b"] = Reply(302, b"", {"Location": "/loop-a"})
    with pytest.raises(RedirectError, match="redirect loop"):
        fetcher.fetch(site.url("/loop-a"))
    assert site.hits("/loop-a") == 1 and site.hits("/loop-b") == 1


def test_too_many_redirects(site: LocalSite, fetcher: Fetcher) -> None:
    for i in range(10):
        site.routes[f"/hop{i}"] = Reply(302, b"", {"Location": f"/hop{i + 1}"})
    with pytest.raises(RedirectError, match="more than 5 redirects"):
        fetcher.fetch(site.url("/hop0"))
    assert site.hits("/hop6") == 0


def test_redirect_to_private_or_file_is_blocked(site: LocalSite, fetcher: Fetcher) -> None:
    site.routes["/to-metadata"] = Reply(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
    site.routes["/to-file"] = Reply(302, b"", {"Location": "file:///secret.txt"})
    site.routes["/to-ten"] = Reply(307, b"", {"Location": "http://10.0.0.1/admin"})
    for path in ("/to-metadata", "/to-file", "/to-ten"):
        with pytest.raises(BlockedURLError):
            fetcher.fetch(site.url(path))


def test_oversized_page_declared_and_streamed(site: LocalSite) -> None:
    big = "خبر ".encode() * 100_000  # ~700 KB
    site.routes["/big"] = Reply(200, big, {"Content-Type": "text/html"})
    site.routes["/big-undeclared"] = Reply(200, big, {"Content-Type": "text/html"}, length=False)
    with Fetcher(loopback_settings(http_max_bytes=64 * 1024)) as f:
        with pytest.raises(TooLargeError, match="Content-Length"):
            f.fetch(site.url("/big"))
        with pytest.raises(TooLargeError, match="body exceeds 65536 bytes") as info:
            f.fetch(site.url("/big-undeclared"))
    assert isinstance(info.value, PermanentError)


def test_429_with_retry_after_then_200(site: LocalSite, fetcher: Fetcher, sleeps: list[float]) -> None:
    state = {"n": 0}

    def flaky(h: Handler) -> None:
        state["n"] += 1
        if state["n"] == 1:
            h.reply(Reply(429, b"slow down", {"Retry-After": "2"}))
        else:
            h.reply(Reply(200, ARABIC_PAGE, {"Content-Type": "text/html"}))

    site.routes["/flaky"] = flaky
    doc = fetcher.fetch(site.url("/flaky"))
    assert isinstance(doc, RawDocument) and doc.body == ARABIC_PAGE
    assert site.hits("/flaky") == 2
    assert len(sleeps) == 1 and 2.0 <= sleeps[0] <= 2.2  # Retry-After honoured (+ <=10 % jitter)


def test_long_retry_after_is_handed_to_the_task_layer(site: LocalSite, fetcher: Fetcher, sleeps: list[float]) -> None:
    site.routes["/busy"] = Reply(503, b"", {"Retry-After": "3600"})
    with pytest.raises(TransientFetchError) as info:
        fetcher.fetch(site.url("/busy"))
    assert info.value.retry_after == 3600 and info.value.status == 503
    assert sleeps == [] and site.hits("/busy") == 1  # no hour-long sleep inside a worker


def test_5xx_retried_with_bounded_backoff(site: LocalSite, fetcher: Fetcher, sleeps: list[float]) -> None:
    site.routes["/down"] = Reply(500, b"oops")
    with pytest.raises(TransientFetchError, match="HTTP 500"):
        fetcher.fetch(site.url("/down"))
    assert site.hits("/down") == fetcher.max_attempts == 3
    assert len(sleeps) == 2 and all(0 <= s <= 2.2 for s in sleeps)


def test_4xx_is_permanent_and_not_retried(site: LocalSite, fetcher: Fetcher) -> None:
    with pytest.raises(PermanentFetchError, match="HTTP 404") as info:
        fetcher.fetch(site.url("/missing"))
    assert info.value.status == 404 and site.hits("/missing") == 1
    site.routes["/gone"] = Reply(410)
    with pytest.raises(PermanentFetchError):
        fetcher.fetch(site.url("/gone"))


def test_conditional_get_etag_and_last_modified(site: LocalSite, fetcher: Fetcher) -> None:
    def etag(h: Handler) -> None:
        if h.headers.get("If-None-Match") == '"v1"':
            h.reply(Reply(304, b"", {"ETag": '"v1"'}, length=False))
        else:
            h.reply(Reply(200, ARABIC_PAGE, {"Content-Type": "text/html", "ETag": '"v1"'}))

    stamp = "Wed, 21 Oct 2026 07:28:00 GMT"

    def modified(h: Handler) -> None:
        if h.headers.get("If-Modified-Since") == stamp:
            h.reply(Reply(304, b"", length=False))
        else:
            h.reply(Reply(200, ARABIC_PAGE, {"Content-Type": "text/html", "Last-Modified": stamp}))

    site.routes["/etag"] = etag
    site.routes["/lm"] = modified
    for path in ("/etag", "/lm"):
        first = fetcher.fetch(site.url(path))
        assert isinstance(first, RawDocument)
        second = fetcher.fetch(site.url(path))
        assert isinstance(second, NotModified) and second.url == site.url(path)
        forced = fetcher.fetch(site.url(path), conditional=False)
        assert isinstance(forced, RawDocument) and forced.body == ARABIC_PAGE
    etag_requests = [h for p, h, _ in site.requests if p == "/etag"]
    assert "If-None-Match" not in etag_requests[0] and etag_requests[1]["If-None-Match"] == '"v1"'


def test_validator_cache_is_pluggable(site: LocalSite) -> None:
    """Two fetchers (think: two workers) sharing one store see each other's validators."""
    site.routes["/shared"] = Reply(200, ARABIC_PAGE, {"Content-Type": "text/html", "ETag": '"s"'})
    store = InMemoryStore()
    with Fetcher(loopback_settings(), validators=ValidatorCache(store)) as a:
        a.fetch(site.url("/shared"))
    with Fetcher(loopback_settings(), validators=ValidatorCache(store)) as b:
        b.fetch(site.url("/shared"))
    assert site.requests[-1][1].get("If-None-Match") == '"s"'


def test_robots_disallow_is_respected_and_cached(site: LocalSite, fetcher: Fetcher) -> None:
    site.routes["/private/secret.html"] = Reply(200, ARABIC_PAGE, {"Content-Type": "text/html"})
    site.routes["/open.html"] = Reply(200, ARABIC_PAGE, {"Content-Type": "text/html"})
    with pytest.raises(RobotsDisallowedError):
        fetcher.fetch(site.url("/private/secret.html"))
    assert site.hits("/private/secret.html") == 0
    assert isinstance(fetcher.fetch(site.url("/open.html")), RawDocument)
    assert site.hits("/robots.txt") == 1  # cached per host


def test_robots_agent_specific_rules_and_redirect_into_disallowed(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Reply(200, b"User-agent: naba-test\nDisallow: /ar/\n\nUser-agent: *\nAllow: /\n")
    site.routes["/ar/x"] = Reply(200, ARABIC_PAGE)
    site.routes["/jump"] = Reply(302, b"", {"Location": "/ar/x"})
    with Fetcher(loopback_settings()) as f, pytest.raises(RobotsDisallowedError):
        f.fetch(site.url("/jump"))
    assert site.hits("/ar/x") == 0
    with Fetcher(loopback_settings(http_user_agent="otherbot/2.0")) as f:
        assert isinstance(f.fetch(site.url("/ar/x")), RawDocument)


def test_missing_robots_allows_and_5xx_robots_defers(site: LocalSite) -> None:
    del site.routes["/robots.txt"]
    site.routes["/a"] = Reply(200, ARABIC_PAGE)
    with Fetcher(loopback_settings()) as f:
        assert isinstance(f.fetch(site.url("/a")), RawDocument)
    site.routes["/robots.txt"] = Reply(503)
    with Fetcher(loopback_settings(), sleep=lambda s: None) as f, pytest.raises(TransientFetchError):
        f.fetch(site.url("/a"))


def test_timeout_is_transient(site: LocalSite) -> None:
    def slow(h: Handler) -> None:
        time.sleep(1.0)
        h.reply(Reply(200, b"late"))

    site.routes["/slow"] = slow
    settings = loopback_settings(http_timeout=0.3)
    with (
        Fetcher(settings, sleep=lambda s: None, max_attempts=1) as f,
        pytest.raises(TransientFetchError, match="timeout"),
    ):
        f.fetch(site.url("/slow"))


def test_per_host_concurrency_and_delay(site: LocalSite) -> None:
    def page(h: Handler) -> None:
        time.sleep(0.05)
        h.reply(Reply(200, ARABIC_PAGE))

    for i in range(4):
        site.routes[f"/p{i}"] = page
    settings = loopback_settings(http_per_host_delay=0.2, http_per_host_concurrency=1)
    with Fetcher(settings) as f:
        f.fetch(site.url("/p0"))  # warms robots
        threads = [threading.Thread(target=f.fetch, args=(site.url(f"/p{i}"),)) for i in range(1, 4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    starts = sorted(ts for p, _, ts in site.requests if p.startswith("/p"))
    assert len(starts) == 4
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 0.19, gaps


def test_in_memory_gate_limits_concurrency() -> None:
    gate = InMemoryHostGate()
    active, peak, lock = [0], [0], threading.Lock()

    def work() -> None:
        token = gate.acquire("h", delay=0.0, concurrency=2, timeout=5)
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        gate.release("h", token)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert peak[0] == 2


def test_parse_retry_after() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert 9 <= parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", now=0.0) <= 10  # type: ignore[operator]


def test_redis_gate_and_store_across_fetchers(site: LocalSite, redis_url: str) -> None:
    """Two fetchers with separate in-process state share the politeness gate via Redis."""
    import redis

    from services.ingest.fetch import RedisHostGate, RedisStore

    client = redis.Redis.from_url(redis_url)
    site.routes["/r"] = Reply(200, ARABIC_PAGE, {"ETag": '"r"'})
    settings = loopback_settings(http_per_host_delay=0.25, http_per_host_concurrency=1)
    fetchers = [
        Fetcher(settings, gate=RedisHostGate(client), validators=ValidatorCache(RedisStore(client))) for _ in range(2)
    ]
    try:
        threads = [threading.Thread(target=f.fetch, args=(site.url("/r"),)) for f in fetchers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        starts = sorted(ts for p, _, ts in site.requests if p == "/r")
        assert len(starts) == 2 and starts[1] - starts[0] >= 0.24
        assert not [k for k in client.scan_iter("naba:gate:*:slot:*")]  # slots released
        fetchers[0].fetch(site.url("/r"))
        assert site.requests[-1][1].get("If-None-Match") == '"r"'  # validators shared via Redis
    finally:
        for f in fetchers:
            f.close()


def test_busy_host_is_handed_back_not_waited_on(site: LocalSite, sleeps: list[float]) -> None:
    from services.ingest.fetch import HostBusyError

    gate = InMemoryHostGate()
    site.routes["/x"] = Reply(200, ARABIC_PAGE)
    settings = loopback_settings(http_per_host_concurrency=1)
    with Fetcher(settings, gate=gate, gate_wait=0.1, sleep=sleeps.append, respect_robots=False) as f:
        token = gate.acquire("127.0.0.1", delay=0, concurrency=1, timeout=1)  # another worker's request
        with pytest.raises(HostBusyError) as info:
            f.fetch(site.url("/x"))
        gate.release("127.0.0.1", token)
        assert isinstance(info.value, TransientFetchError) and sleeps == []
        assert isinstance(f.fetch(site.url("/x")), RawDocument)


def test_retry_budget_bounds_time_in_the_worker(site: LocalSite, sleeps: list[float]) -> None:
    site.routes["/down"] = Reply(503)
    with Fetcher(loopback_settings(), sleep=sleeps.append, budget=0.0) as f, pytest.raises(TransientFetchError):
        f.fetch(site.url("/down"))
    assert sleeps == [] and site.hits("/down") == 1
