"""Polite, bounded, SSRF-safe HTTP fetching for ingest.

Why each piece is here:

* every redirect is followed by hand, so each hop passes the SSRF guard and robots.txt;
  the connection itself is pinned to the vetted address (:mod:`services.ingest.ssrf`);
* bodies are streamed and cut at ``http_max_bytes`` (counted *after* content decoding, so
  a gzip bomb is cut too), with a wall-clock deadline against slow-drip servers;
* a :class:`HostGate` limits concurrency and spacing per host. The in-memory gate covers
  one process; :class:`RedisHostGate` makes the limit hold across all ingest workers;
* conditional GET uses a :class:`ValidatorCache` (in-memory or Redis) and reports 304
  as :class:`NotModified`, an outcome rather than an error;
* 429/5xx/timeouts are retried a bounded number of times with exponential backoff, full
  jitter and ``Retry-After``. A wait longer than ``retry_max_wait`` is not slept in the
  worker: it surfaces as :class:`TransientFetchError` with ``retry_after`` set, so the
  task layer can re-schedule (``countdown``) instead of holding a worker slot.

Errors split in two: :class:`TransientFetchError` (try again later) and
:class:`PermanentFetchError` (do not retry: 4xx, too large, blocked, robots, redirects).
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from services.ingest.dedup import canonical_url
from services.ingest.raw import Kind, RawDocument
from services.ingest.ssrf import AllowList, PinnedTransport, Resolver, UnsafeURLError, check_url, system_resolver
from services.shared.errors import PermanentError
from services.shared.schema import now_iso
from services.shared.settings import Settings, get_settings

# --------------------------------------------------------------------------- outcomes


class FetchError(Exception):
    """Base class: ``url`` is what was being fetched, ``reason`` a short explanation."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason
        self.status = status

    def __reduce__(self):  # noqa: ANN204 - pickle/Celery round-trip with keyword-only fields
        return (type(self), (self.url, self.reason), self.__dict__)


class TransientFetchError(FetchError):
    """Worth retrying later: timeouts, connection errors, 429, 5xx, a busy host gate.

    ``retry_after`` (seconds) is the server's ``Retry-After`` when it gave one: use it as
    the minimum task ``countdown``.
    """

    permanent = False

    def __init__(self, url: str, reason: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(url, reason, status=status)
        self.retry_after = retry_after


class HostBusyError(TransientFetchError):
    """No politeness slot for the host within ``gate_wait``: re-schedule, don't spin."""


class PermanentFetchError(FetchError, PermanentError):
    """Retrying will not help: 4xx, refused by policy, too large, redirect trouble.

    A :class:`~services.shared.errors.PermanentError`, so the delivery policy dead-letters it.
    """


class BlockedURLError(PermanentFetchError):
    """Refused by the SSRF guard (scheme, private or metadata address)."""


class RobotsDisallowedError(PermanentFetchError):
    """robots.txt disallows our user agent."""


class TooLargeError(PermanentFetchError):
    """The body exceeds ``http_max_bytes``."""


class RedirectError(PermanentFetchError):
    """A redirect loop, too many redirects, or a redirect without a usable Location."""


@dataclass(frozen=True, slots=True)
class NotModified:
    """The server answered 304 to a conditional GET: nothing new to ingest."""

    source: str
    url: str
    headers: dict[str, str]
    fetched_at: str


FetchResult = RawDocument | NotModified

# --------------------------------------------------------------------------- pluggable state


class TTLStore(Protocol):
    """Tiny key-value store with expiry; backs validator and robots caches."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str, ttl: float) -> None: ...


class InMemoryStore:
    """Process-local :class:`TTLStore`."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._data: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def get(self, key: str) -> str | None:
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            if item[0] <= self._clock():
                del self._data[key]
                return None
            return item[1]

    def set(self, key: str, value: str, ttl: float) -> None:
        with self._lock:
            self._data[key] = (self._clock() + ttl, value)


class RedisStore:
    """:class:`TTLStore` in Redis, shared by all workers (``client`` is a ``redis.Redis``)."""

    def __init__(self, client: Any, prefix: str = "naba:fetch:") -> None:
        self.client = client
        self.prefix = prefix

    def get(self, key: str) -> str | None:
        value = self.client.get(self.prefix + key)
        return value.decode("utf-8") if isinstance(value, bytes) else value

    def set(self, key: str, value: str, ttl: float) -> None:
        self.client.set(self.prefix + key, value, px=max(1, int(ttl * 1000)))


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


class ValidatorCache:
    """ETag / Last-Modified per requested URL, for conditional GET."""

    def __init__(self, store: TTLStore | None = None, ttl: float = 30 * 24 * 3600) -> None:
        self.store = store or InMemoryStore()
        self.ttl = ttl

    def get(self, url: str) -> Validators | None:
        raw = self.store.get("validators:" + url)
        if not raw:
            return None
        data = json.loads(raw)
        return Validators(data.get("etag"), data.get("last_modified"))

    def put(self, url: str, validators: Validators) -> None:
        if validators.etag or validators.last_modified:
            payload = {"etag": validators.etag, "last_modified": validators.last_modified}
            self.store.set("validators:" + url, json.dumps(payload), self.ttl)


class GateTimeout(Exception):
    """No slot for the host within the wait budget."""


class HostGate(Protocol):
    """Per-host politeness: at most ``concurrency`` requests in flight, starts ``delay`` apart."""

    def acquire(self, host: str, *, delay: float, concurrency: int, timeout: float) -> str:
        """Block until allowed; return a token for :meth:`release`, or raise GateTimeout."""
        ...

    def release(self, host: str, token: str) -> None: ...


@contextmanager
def hold(gate: HostGate, host: str, *, delay: float, concurrency: int, timeout: float) -> Iterator[None]:
    token = gate.acquire(host, delay=delay, concurrency=concurrency, timeout=timeout)
    try:
        yield
    finally:
        gate.release(host, token)


class InMemoryHostGate:
    """:class:`HostGate` for one process (threads share it)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._active: dict[str, int] = {}
        self._next_start: dict[str, float] = {}

    def acquire(self, host: str, *, delay: float, concurrency: int, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                now = time.monotonic()
                active = self._active.get(host, 0)
                start = self._next_start.get(host, 0.0)
                if active < max(1, concurrency) and now >= start:
                    self._active[host] = active + 1
                    self._next_start[host] = now + delay
                    return uuid.uuid4().hex
                if now >= deadline:
                    raise GateTimeout(host)
                wait = start - now if active < concurrency else deadline - now
                self._cond.wait(max(0.001, min(wait, deadline - now)))

    def release(self, host: str, token: str) -> None:
        with self._cond:
            self._active[host] = max(0, self._active.get(host, 0) - 1)
            self._cond.notify_all()


_RELEASE_LUA = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"


class RedisHostGate:
    """:class:`HostGate` shared by all workers.

    Concurrency: ``concurrency`` slot keys per host, taken with ``SET NX PX lease`` and
    released by compare-and-delete, so a crashed worker's slot frees itself after
    ``lease``. Spacing: a ``next`` key per host set with ``SET NX PX delay``; whoever sets
    it may start, everyone else waits for its ``PTTL``.
    """

    def __init__(self, client: Any, *, prefix: str = "naba:gate:", lease: float = 120.0, poll: float = 0.05) -> None:
        self.client = client
        self.prefix = prefix
        self.lease_ms = int(lease * 1000)
        self.poll = poll
        self._release = client.register_script(_RELEASE_LUA)

    def acquire(self, host: str, *, delay: float, concurrency: int, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        token = uuid.uuid4().hex
        slot_key: str | None = None
        while True:
            if slot_key is None:
                for i in range(max(1, concurrency)):
                    key = f"{self.prefix}{host}:slot:{i}"
                    if self.client.set(key, token, nx=True, px=self.lease_ms):
                        slot_key = key
                        break
            wait = self.poll * (0.5 + random.random())
            if slot_key is not None:
                delay_ms = int(delay * 1000)
                if delay_ms <= 0 or self.client.set(f"{self.prefix}{host}:next", token, nx=True, px=delay_ms):
                    return f"{slot_key}|{token}"
                pttl = self.client.pttl(f"{self.prefix}{host}:next")
                wait = max(0.001, pttl / 1000) if pttl and pttl > 0 else 0.001
            if time.monotonic() + wait > deadline:
                if slot_key is not None:
                    self._release(keys=[slot_key], args=[token])
                raise GateTimeout(host)
            time.sleep(wait)

    def release(self, host: str, token: str) -> None:
        key, _, value = token.partition("|")
        self._release(keys=[key], args=[value])


# --------------------------------------------------------------------------- helpers

_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def backoff(attempt: int, *, base: float = 0.5, cap: float = 30.0) -> float:
    """Exponential backoff with full jitter (AWS style): uniform in [0, min(cap, base*2^n)]."""
    return random.uniform(0, min(cap, base * (2**attempt)))


def kind_of(content_type: str | None) -> Kind:
    ct = (content_type or "").split(";", 1)[0].strip().lower()
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if ct == "text/plain":
        return "text"
    return "unknown"


def _flatten(headers: httpx.Headers) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in headers.multi_items():
        k = key.lower()
        out[k] = f"{out[k]}, {value}" if k in out else value
    return out


def _blocked_cause(exc: BaseException) -> UnsafeURLError | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, UnsafeURLError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


@dataclass(frozen=True, slots=True)
class _Body:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes


# --------------------------------------------------------------------------- fetcher


class Fetcher:
    """Fetch one URL politely and safely; reuse one instance per worker process.

    ``fetch`` returns a :class:`RawDocument` (``url`` is the courlan-canonical final URL,
    ``source`` the URL asked for) or :class:`NotModified`, and raises
    :class:`TransientFetchError` / :class:`PermanentFetchError`.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        gate: HostGate | None = None,
        validators: ValidatorCache | None = None,
        robots_store: TTLStore | None = None,
        resolver: Resolver = system_resolver,
        sleep: Callable[[float], None] = time.sleep,
        max_attempts: int | None = None,
        retry_max_wait: float | None = None,
        gate_wait: float | None = None,
        budget: float | None = None,
        robots_ttl: float = 24 * 3600,
        respect_robots: bool = True,
    ) -> None:
        s = settings or get_settings()
        self.settings = s
        self.allow = AllowList.parse(s.http_allow_hosts)
        self.resolver = resolver
        self.gate = gate or InMemoryHostGate()
        self.validators = validators if validators is not None else ValidatorCache()
        self.robots_store = robots_store or InMemoryStore()
        self.robots_ttl = robots_ttl
        self.respect_robots = respect_robots
        self.sleep = sleep
        self.max_attempts = max_attempts or int(getattr(s, "http_max_attempts", 3))
        self.retry_max_wait = (
            retry_max_wait if retry_max_wait is not None else float(getattr(s, "http_retry_max_wait", 30.0))
        )
        self.gate_wait = gate_wait if gate_wait is not None else float(getattr(s, "http_gate_wait", 30.0))
        # retries stop once this much time has gone by, well inside Celery's task_time_limit
        self.budget = budget if budget is not None else float(getattr(s, "http_fetch_budget", s.task_time_limit / 3))
        self._robots: dict[str, tuple[float, Protego]] = {}
        self._client = httpx.Client(
            transport=PinnedTransport(self.allow, resolver=resolver),
            timeout=httpx.Timeout(s.http_timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": s.http_user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,*/*"},
        )

    # -- lifecycle
    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public
    def fetch(self, url: str, *, conditional: bool = True) -> FetchResult:
        """Fetch ``url`` with retries. ``conditional=False`` forces a full body.

        Validators are recorded when a 200 arrives. A task that fetched but failed to hand
        the body on should retry with ``conditional=False``, or the retry would see 304.
        """
        attempt, started = 0, time.monotonic()
        while True:
            try:
                return self._fetch_once(url, conditional)
            except HostBusyError:
                raise  # waiting longer in this worker only queues more work behind it
            except TransientFetchError as exc:
                attempt += 1
                if attempt >= self.max_attempts:
                    raise
                wait = exc.retry_after if exc.retry_after is not None else backoff(attempt - 1)
                if wait > self.retry_max_wait or time.monotonic() - started + wait > self.budget:
                    raise  # too long to hold a worker: the task layer re-schedules
                self.sleep(wait + random.uniform(0, min(1.0, wait * 0.1)))

    def allowed_by_robots(self, url: str) -> bool:
        if not self.respect_robots:
            return True
        parts = urlsplit(url)
        robots = self._robots_for(f"{parts.scheme}://{parts.netloc}")
        return robots.can_fetch(url, self.settings.http_user_agent)

    # -- internals
    def _check(self, url: str) -> None:
        try:
            check_url(url, allow=self.allow, resolver=self.resolver)
        except UnsafeURLError as exc:
            raise BlockedURLError(url, exc.reason) from exc

    def _fetch_once(self, url: str, conditional: bool) -> FetchResult:
        headers: dict[str, str] = {}
        cached = self.validators.get(url) if conditional else None
        if cached:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        got = self._request(url, headers=headers, limit=self.settings.http_max_bytes, robots=True)
        fetched_at = now_iso()
        final = canonical_url(got.url) or got.url
        if got.status == 304:
            if not cached:
                raise PermanentFetchError(url, "304 without a conditional request", status=304)
            return NotModified(source=url, url=final, headers=_flatten(got.headers), fetched_at=fetched_at)
        self.validators.put(url, Validators(got.headers.get("etag"), got.headers.get("last-modified")))
        content_type = got.headers.get("content-type")
        return RawDocument(
            source=url,
            body=got.body,
            kind=kind_of(content_type),
            url=final,
            content_type=content_type,
            headers=_flatten(got.headers),
            fetched_at=fetched_at,
        )

    def _request(self, url: str, *, headers: dict[str, str], limit: int, robots: bool, truncate: bool = False) -> _Body:
        """One GET with manual redirects; returns a 2xx or 304 body, raises otherwise."""
        s = self.settings
        current, seen = url, {url}
        for _hop in range(s.http_max_redirects + 1):
            self._check(current)
            if robots and not self.allowed_by_robots(current):
                raise RobotsDisallowedError(current, "disallowed by robots.txt")
            host = (urlsplit(current).hostname or "").lower()
            delay = max(s.http_per_host_delay, self._crawl_delay(current) if robots else 0.0)
            try:
                with hold(
                    self.gate, host, delay=delay, concurrency=s.http_per_host_concurrency, timeout=self.gate_wait
                ):
                    result = self._send(current, headers, limit, truncate)
            except GateTimeout as exc:
                raise HostBusyError(current, "host busy (politeness gate)", retry_after=delay or 1.0) from exc
            if isinstance(result, _Body):
                return result
            target = urljoin(current, result)
            if target in seen:
                raise RedirectError(url, f"redirect loop at {target}")
            seen.add(target)
            current = target
        raise RedirectError(url, f"more than {s.http_max_redirects} redirects")

    def _send(self, url: str, headers: dict[str, str], limit: int, truncate: bool) -> _Body | str:
        """Returns the body, or the redirect Location to follow next."""
        deadline = time.monotonic() + max(self.settings.http_timeout * 3, 1.0)
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                if status in _REDIRECTS:
                    location = resp.headers.get("location")
                    if not location:
                        raise RedirectError(url, f"{status} without Location", status=status)
                    return location
                if status in _RETRY_STATUSES:
                    raise TransientFetchError(
                        url,
                        f"HTTP {status}",
                        status=status,
                        retry_after=parse_retry_after(resp.headers.get("retry-after")),
                    )
                if status == 304:
                    return _Body(str(resp.url), status, resp.headers, b"")
                if not 200 <= status < 300:
                    raise PermanentFetchError(url, f"HTTP {status}", status=status)
                return _Body(str(resp.url), status, resp.headers, self._read(resp, url, limit, truncate, deadline))
        except FetchError:
            raise
        except httpx.TimeoutException as exc:
            raise TransientFetchError(url, f"timeout ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            blocked = _blocked_cause(exc)
            if blocked is not None:
                raise BlockedURLError(url, blocked.reason) from exc
            if isinstance(exc, httpx.UnsupportedProtocol):
                raise BlockedURLError(url, str(exc)) from exc
            raise TransientFetchError(url, f"{type(exc).__name__}: {exc}") from exc
        except httpx.InvalidURL as exc:
            raise PermanentFetchError(url, f"invalid URL: {exc}") from exc

    @staticmethod
    def _read(resp: httpx.Response, url: str, limit: int, truncate: bool, deadline: float) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise TooLargeError(url, f"Content-Length {declared} exceeds {limit} bytes")
        buf = bytearray()
        for chunk in resp.iter_bytes():
            buf += chunk
            if len(buf) > limit:
                if truncate:
                    return bytes(buf[:limit])
                raise TooLargeError(url, f"body exceeds {limit} bytes")
            if time.monotonic() > deadline:
                raise TransientFetchError(url, "body read deadline exceeded")
        return bytes(buf)

    def _crawl_delay(self, url: str) -> float:
        if not self.respect_robots:
            return 0.0
        parts = urlsplit(url)
        value = self._robots_for(f"{parts.scheme}://{parts.netloc}").crawl_delay(self.settings.http_user_agent)
        return min(float(value), 60.0) if value else 0.0

    def _robots_for(self, origin: str) -> Protego:
        """Parsed robots.txt for an origin: process cache, then the shared store, then HTTP.

        RFC 9309: a 4xx (or a redirect chain that ends nowhere) means no rules; 5xx or
        unreachable means "try later" (TransientFetchError) rather than crawling blind.
        """
        now = time.monotonic()
        hit = self._robots.get(origin)
        if hit and hit[0] > now:
            return hit[1]
        text = self.robots_store.get("robots:" + origin)
        if text is None:
            try:
                got = self._request(
                    origin + "/robots.txt", headers={}, limit=ROBOTS_MAX_BYTES, robots=False, truncate=True
                )
                text = got.body.decode("utf-8", errors="replace")
            except BlockedURLError:
                raise
            except PermanentFetchError:
                text = ""  # 4xx, or redirects that lead nowhere: no rules apply
            self.robots_store.set("robots:" + origin, text, self.robots_ttl)
        parsed = Protego.parse(text)
        self._robots[origin] = (now + min(self.robots_ttl, 3600), parsed)
        return parsed
