"""What a starting server loads before it answers: `initialize` and `tools/list` need neither
the call path (the pipeline, the invoker, httpx, the generated models and their attrs) nor
pydantic-settings; the first tool call loads what it needs (bench/coldstart.py measures it).
The collector, paused while the process starts, runs again once the server is built."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from testing.mcp_helpers import INITIALIZE, REPO, clean_env

pytestmark = pytest.mark.slow  # it starts amigo-mcp in a fresh interpreter

# Loaded by the first tool call, never before the listing.
CALL_PATH = (
    "httpx",
    "attrs",
    "pydantic_settings",
    "amigo_client.models",
    "amigo_client.transport",
    "amigo_mcp.pipeline",
    "amigo_mcp.invoke",
)

# The server on stdio, in a fresh interpreter (the test launcher's child has everything
# imported already), with the collector paused as the `amigo-mcp` command (`cli.run`) starts
# it; once stdin ends, the modules it loaded and whether it collects again, on stderr's last
# two lines.
SERVE = (
    "import gc, sys\n"
    "gc.disable()\n"
    "from amigo_mcp.cli import main\n"
    "code = main([])\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    "print(gc.isenabled(), gc.get_freeze_count(), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def test_answering_tools_list_loads_nothing_of_the_call_path() -> None:
    requests = [
        INITIALIZE,
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    ]
    with subprocess.Popen(
        [sys.executable, "-c", SERVE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
        cwd=REPO,
    ) as server:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write("".join(json.dumps(request) + "\n" for request in requests))
        server.stdin.flush()
        answer: dict[str, Any] = {}
        while answer.get("id") != 2:  # stdin stays open until the listing is answered
            line = server.stdout.readline()
            assert line, "the server ended before answering tools/list"
            answer = json.loads(line)
        _, errors = server.communicate(timeout=120)
    assert server.returncode == 0
    assert answer["result"]["tools"]
    *_, modules, collector = errors.splitlines()
    enabled, frozen = collector.split()
    assert enabled == "True", "the server, once built, collects garbage again"
    assert int(frozen) > 0, "what the start made is frozen, never walked again"
    loaded = set(modules.split())
    assert "amigo_mcp.server" in loaded
    early = sorted(
        m for m in loaded if m in CALL_PATH or m.startswith(tuple(f"{n}." for n in CALL_PATH))
    )
    assert early == []
