"""The pure parts of the local stack: configs and command lines, without starting anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from services.cli import stack
from services.shared.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        home=tmp_path,
        redis_url="redis://127.0.0.1:6391/0",
        search_url="http://localhost:9211",
        opensearch_version="2.19.1.0",
    )


def test_redis_config_is_loopback_aof_under_home(settings: Settings, tmp_path: Path) -> None:
    lines = stack.redis_config(settings).splitlines()
    assert "bind 127.0.0.1" in lines
    assert "port 6391" in lines
    assert "appendonly yes" in lines
    assert "appendfsync everysec" in lines
    assert "daemonize yes" in lines
    assert f"dir {tmp_path / 'redis' / 'data'}" in lines
    assert f"pidfile {tmp_path / 'redis' / 'redis.pid'}" in lines
    assert f"logfile {tmp_path / 'redis' / 'redis.log'}" in lines


def test_redis_command_points_at_our_config(settings: Settings, tmp_path: Path) -> None:
    assert stack.redis_command(settings, "redis-server-bin") == [
        "redis-server-bin",
        str(tmp_path / "redis" / "redis.conf"),
    ]


def test_redis_port_defaults_when_url_has_none(tmp_path: Path) -> None:
    assert stack.redis_endpoint(Settings(home=tmp_path, redis_url="redis://localhost/0")) == ("127.0.0.1", 6379)


def test_opensearch_command_puts_http_port_at_base_plus_one(settings: Settings, tmp_path: Path) -> None:
    cmd = stack.opensearch_command(settings, "java-bin")
    assert cmd[0] == "java-bin"
    assert {"-Xms1g", "-Xmx1g"} <= set(cmd)
    cp = cmd[cmd.index("-cp") + 1]
    assert cp == f"{tmp_path / 'opensearch' / 'lib'}/*"
    assert cmd[cmd.index("-cp") + 2] == stack.RUNNER_MAIN
    runner_args = cmd[cmd.index(stack.RUNNER_MAIN) + 1 :]
    args = dict(zip(runner_args[::2], runner_args[1::2], strict=True))
    assert args == {
        "-basePath": str(tmp_path / "opensearch"),
        "-confPath": str(tmp_path / "opensearch" / "config"),
        "-dataPath": str(tmp_path / "opensearch" / "data"),
        "-logsPath": str(tmp_path / "opensearch" / "logs"),
        "-numOfNode": "1",
        "-baseHttpPort": "9210",
        "-clusterName": "naba-local",
    }


def test_opensearch_yml_single_node_loopback_no_watermarks(settings: Settings) -> None:
    lines = stack.opensearch_yml(settings).splitlines()
    assert "network.host: 127.0.0.1" in lines
    assert "discovery.type: single-node" in lines
    assert "cluster.routing.allocation.disk.threshold_enabled: false" in lines


@pytest.mark.parametrize("url", ["http://10.0.0.5:9201", "http://search.example:9201"])
def test_non_loopback_urls_are_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(stack.StackError, match="loopback"):
        stack.search_endpoint(Settings(home=tmp_path, search_url=url))


def test_search_port_beyond_runner_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(stack.StackError, match="9299"):
        stack.search_endpoint(Settings(home=tmp_path, search_url="http://127.0.0.1:9400"))


def test_maven_command_copies_runtime_jars_of_configured_version(settings: Settings, tmp_path: Path) -> None:
    cmd = stack.maven_command(settings, "mvn")
    assert cmd[:5] == ["mvn", "-B", "-q", "-f", str(stack.RUNNER_POM)]
    assert "-Drunner.version=2.19.1.0" in cmd
    assert "dependency:copy-dependencies" in cmd
    assert f"-DoutputDirectory={tmp_path / 'opensearch' / 'lib'}" in cmd
    assert "-DincludeScope=runtime" in cmd
    assert stack.RUNNER_POM.is_file()


def test_resolved_jars_are_not_resolved_again(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = stack.opensearch_paths(settings).lib
    lib.mkdir(parents=True)
    (lib / ".naba-resolved").write_text("2.19.1.0\n")

    def no_maven(*args: object, **kwargs: object) -> None:
        raise AssertionError("Maven must not run when the lib dir is already resolved")

    monkeypatch.setattr(stack.subprocess, "run", no_maven)
    assert stack.resolve_opensearch_jars(settings) == lib


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('openjdk version "21" 2023-09-19', 21),
        ('java version "1.8.0_392"', 8),
        ("garbage", None),
    ],
)
def test_parse_java_major(output: str, major: int | None) -> None:
    assert stack.parse_java_major(output) == major


def test_required_java_major() -> None:
    assert stack.required_java_major("2.19.1.0") == 17
    assert stack.required_java_major("3.8.0.0") == 21


def test_pid_alive_sees_through_zombies() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not stack.pid_alive(child.pid)
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        assert stack._wait_gone(zombie.pid, 10.0)  # exited but unreaped: must count as gone
    finally:
        zombie.wait()


def test_log_tail_keeps_last_lines(tmp_path: Path) -> None:
    log = tmp_path / "x.log"
    log.write_text("".join(f"line {i}\n" for i in range(100)))
    tail = stack._log_tail([log, tmp_path / "missing.log"], lines=3)
    assert "line 99" in tail and "line 97" in tail and "line 96" not in tail
