"""SSRF guard: which URLs the fetcher may open, and a transport that keeps to the vetted IP.

A news pipeline fetches URLs it did not choose (feed entries, sitemap entries, redirect
targets), so every hop is checked: only ``http``/``https``, and the host must resolve
*only* to public addresses. One bad address in a DNS answer refuses the whole host,
because the connection could land on any of them.

Checking a name and then letting the HTTP library resolve it again leaves a DNS-rebinding
gap (public answer for the check, ``127.0.0.1`` for the connect). :class:`PinnedTransport`
closes it: the check runs inside the connection step, on the same ``getaddrinfo`` answer
the socket then connects to. TLS still verifies the certificate against the host name
(httpcore sets SNI/``server_hostname`` from the URL, not from the IP we dial).

``settings.http_allow_hosts`` exempts a host name (exact, case-insensitive) or a CIDR;
tests serve pages from loopback that way. Cloud metadata addresses are refused even
inside an allowed CIDR unless the exact address is listed, so a broad ``10.0.0.0/8`` or
``0.0.0.0/0`` exemption cannot expose instance credentials.
"""

from __future__ import annotations

import ipaddress
import socket
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

ALLOWED_SCHEMES = frozenset({"http", "https"})

#: Instance-metadata endpoints (AWS/GCP/Azure/OpenStack, AWS IPv6, Alibaba, Azure wireserver).
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "168.63.129.16", "169.254.170.2")
)

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class UnsafeURLError(ValueError):
    """The URL may not be fetched: bad scheme, no host, or a non-public address."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused {url!r}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AllowList:
    """Hosts and networks exempt from the address check (parsed ``http_allow_hosts``)."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str] | None) -> AllowList:
        hosts: set[str] = set()
        networks = []
        for raw in entries or ():
            entry = raw.strip().lower()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def allows_host(self, host: str) -> bool:
        return host.lower().rstrip(".").strip("[]") in self.hosts

    def allows_ip(self, ip: IPAddress) -> bool:
        if ip in METADATA_ADDRESSES:
            # only an exact /32 or /128 naming the metadata address counts
            return any(n.num_addresses == 1 and ip in n for n in self.networks)
        return any(ip in n for n in self.networks)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in a mapped, 6to4, Teredo or NAT64 IPv6 address."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def forbidden_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public unicast address, or ``None`` when it is."""
    if ip in METADATA_ADDRESSES:
        return "cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            reason = forbidden_reason(inner)
            return f"embedded IPv4 {inner}: {reason}" if reason else None
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("carrier-grade NAT", isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),
    )
    for name, hit in checks:
        if hit:
            return name
    if not ip.is_global:
        return "not globally routable"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses ``getaddrinfo`` returns (also how ``2130706433`` becomes 127.0.0.1)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURLError(host, f"cannot resolve: {exc}") from exc
    seen: dict[str, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]).split("%", 1)[0], None)
    return list(seen)


def vet_host(
    host: str,
    port: int,
    *,
    allow: AllowList,
    resolver: Resolver = system_resolver,
    url: str | None = None,
) -> list[str]:
    """Resolve ``host`` and return its addresses if *every* one may be contacted.

    An allow-listed host name skips the check but is still resolved, so the caller can
    connect to exactly what was vetted.
    """
    label = url or host
    bare = host.strip("[]")
    addresses = resolver(bare, port)
    if not addresses:
        raise UnsafeURLError(label, "host resolves to no address")
    if allow.allows_host(bare):
        return addresses
    for addr in addresses:
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError as exc:
            raise UnsafeURLError(label, f"unparseable address {addr!r}") from exc
        reason = forbidden_reason(ip)
        if reason and not allow.allows_ip(ip):
            raise UnsafeURLError(label, f"{host} resolves to {ip} ({reason})")
    return addresses


def check_url(url: str, *, allow: AllowList, resolver: Resolver = system_resolver) -> list[str]:
    """Refuse ``url`` unless it is http(s) with a host whose addresses are all public.

    Returns the vetted addresses. Called before every request and on every redirect hop,
    so a refusal names the URL; :class:`PinnedTransport` repeats the check at connect time.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURLError(url, f"malformed URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeURLError(url, f"scheme {scheme or '(none)'!r} is not http(s)")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(url, "no host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURLError(url, "credentials in URL")
    return vet_host(host, port or (443 if scheme == "https" else 80), allow=allow, resolver=resolver, url=url)


class PinnedBackend(httpcore.NetworkBackend):
    """httpcore network backend that vets the DNS answer it connects to.

    Resolution and connection use the same answer, so a name cannot pass the check with
    one address and then connect to another (DNS rebinding).
    """

    def __init__(self, allow: AllowList, resolver: Resolver = system_resolver) -> None:
        self._allow = allow
        self._resolver = resolver
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = vet_host(host, port, allow=self._allow, resolver=self._resolver)
        except UnsafeURLError as exc:
            # surfaces from httpx as ConnectError with the reason; the fetcher re-checks first
            raise httpcore.ConnectError(str(exc)) from exc
        last: Exception | None = None
        for addr in addresses:
            try:
                return self._inner.connect_tcp(addr, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, *args: typing.Any, **kwargs: typing.Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class PinnedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` whose connection pool dials only vetted addresses.

    httpx has no public hook for the network backend, so the pool is rebuilt with one;
    ``trust_env`` is off because an environment proxy would resolve names itself.
    """

    def __init__(
        self,
        allow: AllowList,
        *,
        resolver: Resolver = system_resolver,
        max_connections: int = 20,
        keepalive_expiry: float = 5.0,
    ) -> None:
        super().__init__(trust_env=False)
        if not hasattr(self, "_pool"):  # pragma: no cover - guards an httpx internals change
            raise RuntimeError("httpx.HTTPTransport has no _pool; PinnedTransport needs updating")
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            keepalive_expiry=keepalive_expiry,
            network_backend=PinnedBackend(allow, resolver),
        )


def allow_list_from(entries: Sequence[str] | None) -> AllowList:
    """Convenience for ``settings.http_allow_hosts``."""
    return AllowList.parse(entries)
