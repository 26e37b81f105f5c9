"""amigo-mcp as a real subprocess: stdio and streamable HTTP, both protocol eras.

Over stdio the client starts the server, so each connection is a process of its own; over HTTP
one server per configuration serves the tests of both eras (a process start costs about two
seconds of CPU)."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator

import httpx2
import pytest
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import amigo_mcp, clean_env, endpoint_announced, fails, ok, serving_http
from tests.toolsnaps import snapshot_names

# Each test starts amigo-mcp; the module keeps to one worker (tests/conftest.py), so its two
# HTTP servers start once per run.
pytestmark = [pytest.mark.anyio, pytest.mark.slow, pytest.mark.xdist_group("mcp_transports")]

SIGN_IN = "sign-in-with-api-key"


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def sandbox_env(sandbox: RunningSandbox) -> dict[str, str]:
    return clean_env(
        AMIGO_BASE_URL=sandbox.base_url,
        AMIGO_ORGANIZATION_ID=sandbox.organization,
        AMIGO_API_KEY_ID=sandbox.api_key_id,
        AMIGO_API_KEY=sandbox.api_key,
        AMIGO_USER_ID=sandbox.user_id,
        AMIGO_MCP_SKIP_CONFIRMATION="1",
    )


async def check_tools(client: Client) -> None:
    listed = await client.list_tools()
    assert {tool.name for tool in listed.tools} == snapshot_names()
    page = await ok(
        client,
        "list_dynamic_behavior_sets",
        {"id": [DEMO_BEHAVIOR_SET_IDS["refunds"]], "limit": 5},
    )
    (refunds,) = page["dynamic_behavior_sets"]
    assert refunds["name"] == "Refund requests"
    assert refunds["id"] == DEMO_BEHAVIOR_SET_IDS["refunds"]


async def test_stdio_with_api_key(sandbox: RunningSandbox, mode: str) -> None:
    command, *args = amigo_mcp()
    params = StdioServerParameters(command=command, args=args, env=sandbox_env(sandbox))
    async with Client(params, mode=mode) as client:
        await check_tools(client)
        created = await ok(
            client,
            "create_simulation_scenario",
            {
                "name": f"stdio scenario {mode} {time.time_ns()}",
                "tags": {},
                "initial_version": {
                    "objective": "o",
                    "instructions": "i",
                    "initial_message_type": "external-event",
                    "conversation_starts_at": None,
                },
            },
        )
        scenario_id = created["simulation_scenario_id"]
        deleted = await ok(
            client, "delete_simulation_scenario", {"simulation_scenario_id": scenario_id}
        )
        assert deleted == {"ok": True, "simulation_scenario_id": scenario_id}
    assert sandbox.request_counts()["sign-in-with-api-key"] >= 1


async def test_stdio_on_the_embedded_sandbox(mode: str) -> None:
    """With no credentials at all, the server brings its own sandbox with demo data."""
    command, *args = amigo_mcp()
    params = StdioServerParameters(command=command, args=args, env=clean_env())
    async with Client(params, mode=mode) as client:
        await check_tools(client)


@pytest.fixture(scope="module")
def http_server(sandbox_server: RunningSandbox) -> Iterator[str]:
    """Signed in with the sandbox's demo API key."""
    with serving_http(sandbox_env(sandbox_server)) as url:
        yield url


@pytest.fixture(scope="module")
def hosted_server(sandbox_server: RunningSandbox) -> Iterator[str]:
    """--multi-user with no credentials of its own: the token comes with each request."""
    env = clean_env(
        AMIGO_BASE_URL=sandbox_server.base_url, AMIGO_ORGANIZATION_ID=sandbox_server.organization
    )
    with serving_http(env, "--multi-user") as url:
        yield url


@pytest.mark.usefixtures("sandbox")
async def test_streamable_http(http_server: str, mode: str) -> None:
    async with Client(http_server, mode=mode) as client:
        await check_tools(client)
        versions = await ok(
            client,
            "list_dynamic_behavior_set_versions",
            {"dynamic_behavior_set_id": DEMO_BEHAVIOR_SET_IDS["refunds"], "version": "1-latest"},
        )
        numbers = [v["version"] for v in versions["dynamic_behavior_set_versions"]]
        assert numbers and sorted(numbers) == list(range(1, len(numbers) + 1))


async def test_hosted_mode_uses_each_requests_own_token(
    hosted_server: str, sandbox: RunningSandbox, mode: str
) -> None:
    token = sandbox.issue_token()
    headers = {"X-Amigo-Token": token}
    async with (
        httpx2.AsyncClient(headers=headers) as http,
        Client(streamable_http_client(hosted_server, http_client=http), mode=mode) as client,
    ):
        await check_tools(client)
    async with Client(hosted_server, mode=mode) as client:
        text = await fails(client, "list_dynamic_behavior_sets", {})
        assert "X-Amigo-Token" in text
    assert SIGN_IN not in sandbox.request_counts(), "the server never signs in by itself"


def test_an_interrupt_stops_the_http_server_whenever_it_comes() -> None:
    """SIGINT as soon as the endpoint is printed, to a server started as a shell's background
    job starts (SIGINT ignored): it stops, before uvicorn listens for signals too."""
    process = subprocess.Popen(
        [*amigo_mcp(), "serve", "--transport", "http", "--port", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=clean_env(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    endpoint_announced(process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode in (0, 130), stderr.decode()
    assert b"Traceback" not in stderr, stderr.decode()
