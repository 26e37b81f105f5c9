"""The streamable-HTTP endpoint: loopback by default, DNS-rebinding protection, an access token
off loopback, and hosted multi-user mode (each request's own Amigo token, for that request only).

The app is `build_http_app` served by uvicorn on a loopback port; the client is the SDK's
`Client` over streamable HTTP; behind it, the sandbox records which user's token made each call.
"""

from __future__ import annotations

import anyio
import pytest
from amigo_client import Clock
from amigo_client.exceptions import ConfigurationError

from amigo_mcp.cli import main
from amigo_mcp.http_app import build_http_app
from amigo_mcp.policy import ToolPolicy
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings
from amigo_sandbox.server import RunningSandbox
from testing.hosted import hosted, mcp_client
from testing.mcp_helpers import INITIALIZE, MCP_HEADERS, ok, text_of
from testing.safety_support import (
    CATALOG,
    SecretScan,
    fresh_records,
    server_logs,
    valid_arguments,
)
from testing.sandbox_http import async_http_client
from tests.toolsnaps import snapshot_names

pytestmark = pytest.mark.anyio

ACCESS_TOKEN = "mcp-access-token-9f8e7d6c5b4a"


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# --- where it listens, and who may talk to it -----------------------------------------------------


def unstarted_runtime() -> Runtime:
    """A runtime that is never started: enough to build the app."""
    return Runtime(CATALOG, Settings.create(sandbox=True))


def test_loopback_is_the_default_and_anything_else_needs_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert Settings.from_env({}, transport="http").host == "127.0.0.1"
    server = build_server(CATALOG, unstarted_runtime(), ToolPolicy())
    for host in ("127.0.0.1", "localhost", "::1"):
        build_http_app(server, host=host, access_token=None)
    for host in ("0.0.0.0", "::", "192.168.1.20", "mcp.example.com"):
        with pytest.raises(ConfigurationError, match="AMIGO_MCP_HTTP_TOKEN"):
            build_http_app(server, host=host, access_token=None)
        build_http_app(server, host=host, access_token=ACCESS_TOKEN)

    monkeypatch.delenv("AMIGO_MCP_HTTP_TOKEN", raising=False)
    with server_logs("WARNING", unstarted_runtime().scrub):
        code = main(["serve", "--transport", "http", "--host", "0.0.0.0", "--sandbox"])
    assert code == 2
    assert "AMIGO_MCP_HTTP_TOKEN" in capsys.readouterr().err


async def test_dns_rebinding_protection_stays_on(sandbox: RunningSandbox) -> None:
    with hosted(sandbox) as (url, _):
        port = url.split(":")[2].split("/")[0]
        async with async_http_client() as http:
            foreign_host = await http.post(
                url, json=INITIALIZE, headers=MCP_HEADERS | {"Host": f"evil.example:{port}"}
            )
            foreign_origin = await http.post(
                url, json=INITIALIZE, headers=MCP_HEADERS | {"Origin": "http://evil.example"}
            )
            local = await http.post(
                url, json=INITIALIZE, headers=MCP_HEADERS | {"Host": f"localhost:{port}"}
            )
    assert foreign_host.status_code in (400, 403, 421)
    assert foreign_origin.status_code in (400, 403)
    assert local.status_code == 200


async def test_off_loopback_every_request_needs_the_access_token(
    sandbox: RunningSandbox, mode: str
) -> None:
    off_loopback = hosted(
        sandbox, host="0.0.0.0", access_token=ACCESS_TOKEN, allowed_hosts=["127.0.0.1"]
    )
    with off_loopback as (url, _):
        async with async_http_client() as plain:
            for auth in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": ACCESS_TOKEN}):
                response = await plain.post(url, json=INITIALIZE, headers=MCP_HEADERS | auth)
                assert response.status_code == 401
                assert ACCESS_TOKEN not in response.text
        sandbox.reset_request_counts()
        async with mcp_client(url, mode, {"Authorization": f"Bearer {ACCESS_TOKEN}"}) as client:
            listed = (await client.list_tools()).tools
            assert {tool.name for tool in listed} == snapshot_names()
            await ok(client, "list_simulation_scenarios", {"limit": 1})
    assert sandbox.request_counts()["get-simulation-scenarios"] == 1


# --- hosted multi-user mode -----------------------------------------------------------------------


def _users(sandbox: RunningSandbox, n: int) -> dict[str, str]:
    """n new users of the demo organization: user ID -> a bearer token of theirs."""
    out = {}
    for i in range(n):
        user = sandbox.add_user(name=f"Hosted user {i}")
        out[user["user_id"]] = sandbox.issue_token(user["user_id"])
    return out


async def test_two_users_concurrently_each_reach_the_api_with_their_own_token(
    sandbox: RunningSandbox, mode: str
) -> None:
    users = _users(sandbox, 2)
    rounds = 4
    scan = SecretScan(secrets={sandbox.api_key, *users.values()})
    creators: dict[str, set[str]] = {uid: set() for uid in users}

    async def work(user_id: str, token: str) -> None:
        async with mcp_client(url, mode, {"X-Amigo-Token": token}) as client:
            for _ in range(rounds):
                created = await ok(
                    client,
                    "create_dynamic_behavior_set",
                    valid_arguments("create_dynamic_behavior_set"),
                )
                set_id = created["dynamic_behavior_set_id"]
                result = await client.call_tool("list_dynamic_behavior_sets", {"id": [set_id]})
                scan.add_result(f"{user_id} list", result)
                (found,) = result.structured_content["dynamic_behavior_sets"]
                creators[user_id].add(found["creator"]["user_id"])
                await anyio.sleep(0)

    with hosted(sandbox, multi_user=True) as (url, runtime):
        with server_logs("DEBUG", runtime.scrub) as logs:
            sandbox.reset_request_counts()
            async with anyio.create_task_group() as group:
                for user_id, token in users.items():
                    group.start_soon(work, user_id, token)
        scan.add("server log", logs.getvalue())

    assert creators == {uid: {uid} for uid in users}
    callers = sandbox.request_callers()
    for op in ("create-dynamic-behavior-set", "get-dynamic-behavior-sets"):
        assert callers[op] == dict.fromkeys(users, rounds), op
    assert "sign-in-with-api-key" not in sandbox.request_counts(), "configured key never used"
    assert scan.leaks() == []


async def test_a_rejected_user_token_never_falls_back_to_the_servers_credentials(
    sandbox: RunningSandbox,
) -> None:
    with hosted(sandbox, multi_user=True) as (url, _):
        sandbox.reset_request_counts()
        async with mcp_client(url, "auto", {"X-Amigo-Token": "not-a-valid-token"}) as client:
            result = await client.call_tool("list_simulation_scenarios", {"limit": 1})
    assert result.is_error and "HTTP 401" in text_of(result)
    assert "rejected the bearer token sent in X-Amigo-Token" in text_of(result)
    assert "AMIGO_API_KEY" not in text_of(result), "the server's own settings are not at fault"
    assert "not-a-valid-token" not in text_of(result)
    assert sandbox.request_counts() == {"get-simulation-scenarios": 1}, "no sign-in, no retry"
    assert sandbox.request_callers() == {}


async def test_one_users_rate_limit_does_not_hold_back_another(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """Amigo counts limits per user: user A using up an operation's minute must not make the
    server refuse user B's calls to it. (One stopped clock for both sides: the minute cannot
    end halfway, however slow the machine.)"""
    (a, token_a), (b, token_b) = _users(sandbox, 2).items()
    op = "get-metric-evaluation-results"
    sandbox.set_rate_limits(True)
    with hosted(sandbox, multi_user=True, clock=stopped_clock) as (url, _):
        async with mcp_client(url, "auto", {"X-Amigo-Token": token_a}) as client:
            for _ in range(10):
                await ok(client, "list_metric_evaluation_results", {"limit": 1})
            held = await client.call_tool("list_metric_evaluation_results", {"limit": 1})
            assert held.is_error and "nothing was sent" in text_of(held)
        async with mcp_client(url, "auto", {"X-Amigo-Token": token_b}) as client:
            await ok(client, "list_metric_evaluation_results", {"limit": 1})
    assert sandbox.request_callers()[op] == {a: 10, b: 1}


async def test_requests_without_a_token_use_the_configured_credentials(
    sandbox: RunningSandbox,
) -> None:
    """Multi-user mode is opt-in per request; without X-Amigo-Token the server's own sign-in
    is used (documented in --multi-user)."""
    with hosted(sandbox, multi_user=True) as (url, _):
        sandbox.reset_request_counts()
        async with mcp_client(url, "auto", {}) as client:
            await ok(client, "list_simulation_scenarios", {"limit": 1})
    assert sandbox.request_callers() == {"get-simulation-scenarios": {sandbox.user_id: 1}}


async def test_stateless_http_confirms_where_it_can_and_refuses_where_it_cannot(
    sandbox: RunningSandbox, mode: str
) -> None:
    """Stateless HTTP has no back-channel for a legacy client: the delete is refused with the
    operator's setting; a 2026-07-28 client confirms through InputRequiredResult."""

    _, scenario_id = fresh_records(sandbox)
    with hosted(sandbox, stateless=True) as (url, _):
        sandbox.reset_request_counts()
        async with mcp_client(url, mode, {}) as client:
            result = await client.call_tool(
                "delete_simulation_scenario", {"simulation_scenario_id": scenario_id}
            )
    sent = sandbox.request_counts().get("delete-simulation-scenario", 0)
    if mode == "legacy":
        assert result.is_error and "--skip-confirmation" in text_of(result)
        assert sent == 0
    else:
        assert not result.is_error, text_of(result)
        assert sent == 1
