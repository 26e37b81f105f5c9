"""A second, independent client: the MCP Inspector CLI (TypeScript, from npm) against amigo-mcp.

The Inspector, at a pinned version (installed from npm on first use, see `scripts/npm_tools.py`),
talks to the server over stdio (it launches `amigo-mcp` itself) and over streamable HTTP
(`amigo-mcp serve --transport http` on a free port), in both protocol eras. The server runs on
the embedded sandbox: every AMIGO_* variable is removed from the environment. Node.js is the
machine's when recent enough, else the development environment's (`scripts/npm_tools.py`).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from npm_tools import NpmTool, npm_cli

from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS, DEMO_ORGANIZATION
from testing.mcp_helpers import amigo_mcp, clean_env, endpoint_announced, tools_json
from tests.toolsnaps import snapshot_names

# The module keeps to one worker (tests/conftest.py): one amigo-mcp over HTTP per run.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("inspector_cli")]

# Its `engines`: Node.js 22.19 or newer.
INSPECTOR = NpmTool("@modelcontextprotocol/inspector@2.12.0", "mcp-inspector", node=(22, 19))
# One Inspector request, the server's start (stdio) included, on a busy machine.
REQUEST_TIMEOUT_S = 120
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """No Amigo credentials (so: the embedded sandbox); Inspector state kept out of $HOME."""
    state = tmp_path_factory.mktemp("inspector")
    clean = clean_env()
    clean["MCP_CATALOG_PATH"] = str(state / "mcp.json")
    clean["MCP_CLIENT_CONFIG_PATH"] = str(state / "client.json")
    clean["NO_COLOR"] = "1"
    return clean


@pytest.fixture(scope="module")
def cli() -> list[str]:
    """The command that runs the Inspector (installed on first use)."""
    return npm_cli(INSPECTOR)


@pytest.fixture(scope="module")
def expected(env: dict[str, str]) -> dict[str, Any]:
    """The exact tools/list result, as `amigo-mcp tools --json` prints it."""
    listing: dict[str, Any] = json.loads(tools_json(env))
    return listing


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def http_url(env: dict[str, str]) -> Iterator[str]:
    """`amigo-mcp serve --transport http` on a free port, once it listens."""
    proc = subprocess.Popen(
        [*amigo_mcp(), "serve", "--transport", "http", "--port", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=REPO,
    )
    try:
        yield endpoint_announced(proc)
    finally:
        stop(proc)


@pytest.fixture(params=["stdio", "http"])
def target(request: pytest.FixtureRequest) -> list[str]:
    """Inspector arguments that name the server: a command to launch, or a URL."""
    if request.param == "http":
        url: str = request.getfixturevalue("http_url")
        return ["--transport", "http", "--server-url", url]
    return ["--transport", "stdio", "--cwd", str(REPO), "--", *amigo_mcp()]


@pytest.fixture(params=["legacy", "modern"])
def era(request: pytest.FixtureRequest) -> str:
    """2025-11-25 (initialize handshake) or 2026-07-28 (stateless)."""
    return str(request.param)


def inspector(
    cli: list[str], env: dict[str, str], era: str, target: list[str], *method: str
) -> dict[str, Any]:
    """Run one Inspector CLI request; return its `result`. `target` goes last (it may hold `--`)."""
    command = [
        *cli,
        "--cli",
        "--format",
        "json",
        "--protocol-era",
        era,
        *method,
        *target,
    ]
    proc = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=REPO, timeout=REQUEST_TIMEOUT_S
    )
    assert proc.returncode == 0, (
        f"exit {proc.returncode}: {' '.join(command)}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
    )
    answer: dict[str, Any] = json.loads(proc.stdout)
    assert "result" in answer, answer
    result: dict[str, Any] = answer["result"]
    return result


def test_tools_list(
    cli: list[str], env: dict[str, str], era: str, target: list[str], expected: dict[str, Any]
) -> None:
    listing = inspector(cli, env, era, target, "--method", "tools/list")
    tools = {tool["name"]: tool for tool in listing["tools"]}
    assert set(tools) == snapshot_names()
    by_name = {tool["name"]: tool for tool in expected["tools"]}
    create = "create_dynamic_behavior_set"
    assert tools[create]["inputSchema"] == by_name[create]["inputSchema"]
    # Beyond the one schema: the other client sees every definition byte for byte.
    assert listing["tools"] == expected["tools"]


def test_call_read_tool(cli: list[str], env: dict[str, str], era: str, target: list[str]) -> None:
    result = inspector(
        cli,
        env,
        era,
        target,
        "--method",
        "tools/call",
        "--tool-name",
        "list_dynamic_behavior_sets",
        "--tool-arg",
        "limit=2",
    )
    assert result.get("isError") is False, result
    page = result["structuredContent"]
    sets = page["dynamic_behavior_sets"]
    assert len(sets) == 2
    assert {s["id"] for s in sets} <= set(DEMO_BEHAVIOR_SET_IDS.values())
    for behavior_set in sets:
        assert behavior_set["name"]
        assert isinstance(behavior_set["is_active"], bool)
        assert behavior_set["creator"]["org_id"] == DEMO_ORGANIZATION
    assert page["has_more"] is True  # the demo organization has more than two sets
    assert page["continuation_token"] == 2
    assert set(page["filter_values"]) == {"applied_to_services_ids", "creators", "tags"}
    # The text content carries the same answer for clients that ignore structuredContent.
    texts = [block["text"] for block in result["content"] if block["type"] == "text"]
    assert len(texts) == 1
    assert json.loads(texts[0]) == page
