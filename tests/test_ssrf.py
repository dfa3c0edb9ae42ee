"""SSRF guard: schemes, every kind of non-public address, allow-list, and connection pinning."""

from __future__ import annotations

import http.server
import ipaddress
import threading
from collections.abc import Iterator

import httpx
import pytest

from services.ingest.fetch import BlockedURLError, Fetcher
from services.ingest.ssrf import (
    AllowList,
    PinnedTransport,
    UnsafeURLError,
    check_url,
    forbidden_reason,
)
from services.shared.settings import Settings

NO_ALLOW = AllowList()


def fixed(*addresses: str):
    """A resolver answering every name with ``addresses`` (no DNS traffic in tests)."""
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        return list(addresses)

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("169.254.169.254", "cloud metadata address"),
        ("169.254.10.10", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("100.127.255.254", "carrier-grade NAT"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", None),  # any reason: must be refused
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("fd00:ec2::254", "cloud metadata address"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "embedded IPv4 127.0.0.1: loopback"),
        ("::ffff:10.1.2.3", "embedded IPv4 10.1.2.3: private"),
        ("::ffff:169.254.169.254", "embedded IPv4 169.254.169.254: cloud metadata address"),
        ("2002:7f00:1::", "embedded IPv4 127.0.0.1: loopback"),  # 6to4 wrapping loopback
        ("64:ff9b::a00:1", "embedded IPv4 10.0.0.1: private"),  # NAT64 wrapping private
    ],
)
def test_non_public_addresses_are_refused(address: str, reason: str | None) -> None:
    got = forbidden_reason(ipaddress.ip_address(address))
    assert got is not None
    if reason is not None:
        assert got == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "1.1.1.1"])
def test_public_addresses_pass(address: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fd00:ec2::254]/",
        "http://0.0.0.0:80/",
        "http://2130706433/",  # decimal 127.0.0.1: getaddrinfo accepts it
        "http://0x7f.1/",  # hex/short form, also 127.0.0.1
        "http://localhost:8000/",
    ],
)
def test_private_urls_refused_with_the_system_resolver(url: str) -> None:
    with pytest.raises(UnsafeURLError) as info:
        check_url(url, allow=NO_ALLOW)
    assert "resolves to" in info.value.reason


def test_hostname_resolving_to_loopback_is_refused() -> None:
    resolver = fixed("127.0.0.1")
    with pytest.raises(UnsafeURLError, match="resolves to 127.0.0.1"):
        check_url("https://news.example/article", allow=NO_ALLOW, resolver=resolver)
    assert resolver.calls == ["news.example"]


def test_one_private_address_in_the_answer_refuses_the_host() -> None:
    with pytest.raises(UnsafeURLError, match="10.0.0.7"):
        check_url("http://mixed.example/", allow=NO_ALLOW, resolver=fixed("93.184.216.34", "10.0.0.7"))
    assert check_url("http://ok.example/", allow=NO_ALLOW, resolver=fixed("93.184.216.34")) == ["93.184.216.34"]


@pytest.mark.parametrize(
    "url",
    [
        "file:///secret.txt",
        "gopher://127.0.0.1:70/_stats",
        "ftp://example.com/x",
        "javascript:alert(1)",
        "dict://127.0.0.1:11211/",
        "//example.com/no-scheme",
        "http:///no-host",
        "http://user:pw@example.com/",
    ],
)
def test_bad_schemes_and_shapes_refused(url: str) -> None:
    resolver = fixed("93.184.216.34")
    with pytest.raises(UnsafeURLError):
        check_url(url, allow=NO_ALLOW, resolver=resolver)
    assert resolver.calls == []  # refused before any resolution


def test_allow_list_by_host_and_cidr() -> None:
    loop = fixed("127.0.0.1")
    allow = AllowList.parse(["LocalHost", "10.20.0.0/16", " "])
    assert check_url("http://localhost:9/", allow=allow, resolver=loop) == ["127.0.0.1"]
    assert check_url("http://intranet.example/", allow=allow, resolver=fixed("10.20.3.4")) == ["10.20.3.4"]
    with pytest.raises(UnsafeURLError):
        check_url("http://intranet.example/", allow=allow, resolver=fixed("10.21.0.1"))
    assert check_url("http://127.0.0.1:8000/x", allow=AllowList.parse(["127.0.0.1"])) == ["127.0.0.1"]


def test_broad_cidr_does_not_unlock_metadata() -> None:
    broad = AllowList.parse(["0.0.0.0/0", "169.254.0.0/16"])
    with pytest.raises(UnsafeURLError, match="metadata"):
        check_url("http://169.254.169.254/", allow=broad)
    assert check_url("http://10.9.9.9/", allow=broad) == ["10.9.9.9"]
    exact = AllowList.parse(["169.254.169.254/32"])
    assert check_url("http://169.254.169.254/", allow=exact) == ["169.254.169.254"]


class _Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server API
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def hello_port() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_transport_connects_only_to_the_vetted_address(hello_port: int) -> None:
    """The name 'rebind.invalid' has no DNS; the request works only because the transport
    dials the address its own (vetting) resolver returned: the connection is pinned."""
    allowed = PinnedTransport(AllowList.parse(["127.0.0.1/32"]), resolver=fixed("127.0.0.1"))
    with httpx.Client(transport=allowed) as client:
        assert client.get(f"http://rebind.invalid:{hello_port}/").text == "hello"
    # DNS rebinding: the pre-check saw a public address, the connect-time answer is loopback
    refusing = PinnedTransport(NO_ALLOW, resolver=fixed("127.0.0.1"))
    with httpx.Client(transport=refusing) as client, pytest.raises(httpx.ConnectError, match="loopback"):
        client.get(f"http://rebind.invalid:{hello_port}/")


def test_fetcher_refuses_before_any_connection(hello_port: int) -> None:
    settings = Settings(http_allow_hosts=[], http_per_host_delay=0)
    with Fetcher(settings) as fetcher:
        for url in (
            "file:///secret.txt",
            "gopher://127.0.0.1/",
            f"http://127.0.0.1:{hello_port}/",
            f"http://localhost:{hello_port}/",
            f"http://[::1]:{hello_port}/",
            "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data/",
        ):
            with pytest.raises(BlockedURLError) as info:
                fetcher.fetch(url)
            assert info.value.url == url
