"""Secret hygiene: the API key and every bearer token stay out of results, errors, log lines
(at DEBUG, every library included) and exception texts; `repr` of the settings hides them.

Every tool is run under every fault the sandbox can inject, plus a 401 that forces a second
sign-in (a second token), plus a model that echoes the secret back through the arguments.
Whatever left the server is scanned for the API key, the tokens known to the test, and
anything shaped like a JWT (the sandbox's tokens are JWTs, so unknown ones are caught too).
"""

from __future__ import annotations

import os
import shlex
import string
from pathlib import Path
from typing import Any

import pytest
from amigo_client.config import ClientConfig
from hypothesis import given
from hypothesis import strategies as st
from mcp import Client, StdioServerParameters

from amigo_mcp.settings import Settings
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import amigo_mcp, connect, ok, sandbox_settings
from testing.safety_support import (
    FAST_RETRY,
    SecretScan,
    every_tool_under_every_fault,
    fresh_records,
    server_logs,
    valid_arguments,
)
from tests.sandbox_support import STOPPED_AT

pytestmark = pytest.mark.anyio


def test_settings_never_show_their_secrets() -> None:
    env = {
        "AMIGO_API_KEY": "key-value-1234567890",
        "AMIGO_API_KEY_ID": "key-id",
        "AMIGO_USER_ID": "user",
        "AMIGO_ORGANIZATION_ID": "org",
    }
    api_key = Settings.from_env(env)
    bearer = Settings.from_env({"AMIGO_BEARER_TOKEN": "bearer-value-0987654321", **env})
    for settings, secret in (
        (api_key, "key-value-1234567890"),
        (bearer, "bearer-value-0987654321"),
    ):
        for shown in (repr(settings), str(settings), f"{settings}", f"{settings!r}"):
            assert secret not in shown
        assert secret in settings.secrets, "still usable where it is needed"


# A password as URLs carry it: letters, digits and the characters RFC 3986 allows unescaped in
# userinfo, with a marker that no host name, setting name or default value contains.
URL_PASSWORDS = st.text(
    alphabet=string.ascii_letters + string.digits + "-._~!$&'()*+,;=", min_size=1
)


@given(password=URL_PASSWORDS.map(lambda text: f"pw{text}"))
def test_no_settings_object_shows_a_password_held_in_a_url(password: str) -> None:
    """Printed any way, the client's and the server's settings show a password written into
    any URL they hold (the API's, the state store's, this replica's) as ***."""
    env = {
        "AMIGO_BASE_URL": f"https://alice:{password}@api.example.com",
        "AMIGO_ORGANIZATION_ID": "acme",
        "AMIGO_BEARER_TOKEN": "a-bearer-token-value",
        "AMIGO_MCP_STATE_URL": f"redis://:{password}@cache.example.com:6379/0",
        "AMIGO_MCP_REPLICA_URL": f"http://bob:{password}@replica-1.example.com:8000/mcp",
    }
    server = Settings.from_env(env)
    client = ClientConfig.from_env({k: v for k, v in env.items() if "_MCP_" not in k})
    assert server.replica_url is not None and password in server.replica_url
    for settings in (server, client):
        assert password in settings.base_url, "still usable where it is needed"
        for shown in (repr(settings), str(settings), f"{settings!r}", f"{settings}"):
            assert password not in shown, shown
            assert "alice:***@api.example.com" in shown
    assert "bob:***@replica-1.example.com" in repr(server)


@pytest.mark.slow
async def test_every_tool_under_every_fault_at_debug_leaks_nothing(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    settings = sandbox_settings(sandbox)
    scan = SecretScan(secrets={sandbox.api_key})
    calls = 0
    retrying = connect(settings, "legacy", retry=FAST_RETRY, clock=stopped_clock)
    async with retrying as (client, runtime):
        with server_logs("DEBUG", runtime.scrub) as logs:
            calls += await every_tool_under_every_fault(client, sandbox, scan)
            # The model echoes the secret: as a name, a search, a bad value, an unknown field.
            key = sandbox.api_key
            for name, arguments in [
                (
                    "create_simulation_scenario",
                    valid_arguments("create_simulation_scenario") | {"name": key},
                ),
                ("search_simulation_scenarios", {"query": key}),
                ("list_simulation_scenarios", {"limit": 1, "tag": [key]}),
                ("list_simulation_scenarios", {"limit": 1, key: 1}),
                ("list_dynamic_behavior_set_versions", {"dynamic_behavior_set_id": key}),
            ]:
                scan.add_result(f"{name} echo", await client.call_tool(name, arguments))
                calls += 1
            found = await ok(client, "search_simulation_scenarios", {"query": "***"})
            scan.add("search results", str(found))
        scan.add("server log", logs.getvalue())

    assert calls > 100
    assert [where for where, _ in scan.texts if where.endswith("raised")] == [], "a crash"
    assert "sign-in-with-api-key" in sandbox.request_counts(), "a second sign-in happened"
    assert "DEBUG" in logs.getvalue() and "httpcore" in logs.getvalue(), "DEBUG logs were on"
    assert scan.leaks() == []


async def test_failed_sign_ins_and_rejected_tokens_leak_nothing(sandbox: RunningSandbox) -> None:
    scan = SecretScan(secrets={"wrong-key-abcdef123456", sandbox.api_key})
    token = sandbox.issue_token(lifetime_s=-60)  # expired a minute ago
    scan.secrets.add(token)
    wrong_key = sandbox_settings(sandbox, api_key="wrong-key-abcdef123456")
    expired = Settings.create(
        base_url=sandbox.base_url, organization_id=sandbox.organization, bearer_token=token
    )
    for settings in (wrong_key, expired):
        async with connect(settings, "auto", retry=FAST_RETRY) as (client, runtime):
            with server_logs("DEBUG", runtime.scrub) as logs:
                result = await client.call_tool("list_simulation_scenarios", {"limit": 1})
            assert result.is_error
            scan.add_result(settings.auth_mode, result)
            scan.add(f"{settings.auth_mode} log", logs.getvalue())
    assert scan.leaks() == []


@pytest.mark.slow
async def test_stdio_server_at_debug_writes_no_secret_to_stderr(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """The real process, as an MCP client launches it, logging at DEBUG to stderr."""
    stderr = tmp_path / "stderr.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMIGO_")} | {
        "AMIGO_BASE_URL": sandbox.base_url,
        "AMIGO_ORGANIZATION_ID": sandbox.organization,
        "AMIGO_API_KEY_ID": sandbox.api_key_id,
        "AMIGO_API_KEY": sandbox.api_key,
        "AMIGO_USER_ID": sandbox.user_id,
        "AMIGO_MCP_LOG_LEVEL": "DEBUG",
        "AMIGO_MCP_SKIP_CONFIRMATION": "1",
    }
    command = f"exec {shlex.join(amigo_mcp())} serve 2>{shlex.quote(str(stderr))}"
    params = StdioServerParameters(command="/bin/sh", args=["-c", command], env=env)
    scan = SecretScan(secrets={sandbox.api_key})
    sandbox.inject_fault("get-simulation-scenarios", "status", status=401)
    sandbox.inject_fault("search-simulation-scenarios", "malformed_json")
    calls: list[tuple[str, dict[str, Any]]] = [
        ("list_simulation_scenarios", {"limit": 1}),
        ("search_simulation_scenarios", {"query": "account"}),
        ("search_simulation_scenarios", {"query": sandbox.api_key}),
        ("list_simulation_scenarios", {"limit": 1, "tag": [sandbox.api_key]}),
    ]
    async with Client(params) as client:
        for name, arguments in calls:
            scan.add_result(name, await client.call_tool(name, arguments))
    log = stderr.read_text()
    scan.add("stderr", log)
    assert "DEBUG" in log
    assert sandbox.request_counts()["sign-in-with-api-key"] == 2
    assert scan.leaks() == []


def test_the_scan_finds_what_it_looks_for(sandbox: RunningSandbox) -> None:
    """The scanner itself: a planted key or any sandbox token is reported."""
    scan = SecretScan(secrets={sandbox.api_key})
    scan.add("clean", "nothing to see; *** is a scrubbed value")
    assert scan.leaks() == []
    scan.add("key", f"x{sandbox.api_key}x")
    scan.add("token", f"Bearer {sandbox.issue_token()}")
    assert len(scan.leaks()) == 2


async def test_a_confirmation_question_does_not_repeat_a_secret(sandbox: RunningSandbox) -> None:
    """The question shows the call's arguments; a secret the model put there is scrubbed."""
    import mcp_types as types
    from mcp.client.session import ClientRequestContext

    questions: list[str] = []

    async def decline(
        context: ClientRequestContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        questions.append(params.message)
        return types.ElicitResult(action="decline")

    set_id, _ = fresh_records(sandbox)
    for mode in ("auto", "legacy"):
        async with connect(sandbox_settings(sandbox), mode, elicitation_callback=decline) as (
            client,
            _,
        ):
            await ok(client, "list_simulation_scenarios", {"limit": 1})  # signs in
            arguments = {"dynamic_behavior_set_id": set_id, "name": sandbox.api_key}
            result = await client.call_tool("update_dynamic_behavior_set", arguments)
            assert result.is_error and "declined" in str(result.content)
    assert len(questions) == 2
    scan = SecretScan(secrets={sandbox.api_key})
    for question in questions:
        scan.add("confirmation question", question)
    assert scan.leaks() == []


async def test_a_password_in_the_base_url_is_scrubbed() -> None:
    """`https://user:password@host` in AMIGO_BASE_URL: the password is a secret like the key.

    Nothing listens there, so the call is retried with backoff until it gives up; on a stopped
    clock the backoff moves the clock instead of waiting."""
    import socket

    from amigo_client.exceptions import ConfigurationError

    password = "hunter2-url-password"
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        "AMIGO_BASE_URL": f"http://alice:{password}@127.0.0.1:{port}",
        "AMIGO_ORGANIZATION_ID": "acme",
        "AMIGO_BEARER_TOKEN": "a-bearer-token-value",
    }
    settings = Settings.from_env(env)
    assert password in settings.secrets
    for shown in (repr(settings), str(settings)):
        assert password not in shown and "alice:***@127.0.0.1" in shown
    assert settings.shown_base_url == f"http://alice:***@127.0.0.1:{port}"
    async with connect(settings, "auto", clock=SandboxClock(STOPPED_AT.timestamp())) as (
        client,
        _,
    ):
        result = await client.call_tool("list_simulation_scenarios", {"limit": 1})
    text = result.model_dump_json()
    assert result.is_error and "Could not connect to Amigo at http://alice:***@127.0.0.1" in text
    assert password not in text
    with pytest.raises(ConfigurationError) as bad:
        Settings.from_env(env | {"AMIGO_BASE_URL": f"https://alice:{password}@host/v1/x"})
    assert password not in str(bad.value) and "alice:***@host" in str(bad.value)
