"""Connecting the official MCP client to amigo-mcp, which talks HTTP to a running sandbox."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, Literal

import httpx2
import mcp_types as types
from amigo_client import Clock
from amigo_client.retries import RetryPolicy
from amigo_client.transport import tls_context
from mcp import Client
from mcp.client.session import ClientRequestContext

from amigo_mcp.catalog import load_catalog
from amigo_mcp.policy import ToolPolicy
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings
from amigo_sandbox.server import RunningSandbox
from testing import zygote

REPO = Path(__file__).resolve().parent.parent

# A 2025-11-25 `initialize` request as plain JSON-RPC (over stdio or HTTP), and the headers the
# streamable HTTP transport asks of it: for probing a server below the MCP client.
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "probe", "version": "0"},
    },
}
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}

# How a user can answer a confirmation question (an MCP elicitation).
ElicitAction = Literal["accept", "decline", "cancel"]


def amigo_mcp() -> list[str]:
    """A command that starts `amigo-mcp` (its arguments follow), as an MCP client would launch it.

    The process is forked from one that has already imported amigo-mcp (`testing.zygote`): the
    same program with the same stdio, environment, signals and exit status, without the SDK's
    imports at every start. Tests of start-up itself launch the installed entry point.
    """
    return zygote.command()


def clean_env(**amigo: str) -> dict[str, str]:
    """This process's environment without any Amigo setting, plus `amigo`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMIGO_")}
    return env | amigo


def isolated_env() -> dict[str, str]:
    """This environment without Amigo settings or anything pointing at the development one,
    for programs installed elsewhere (a fresh virtual environment, an MCPB bundle)."""
    drop = ("AMIGO_", "VIRTUAL_ENV", "PYTHONPATH", "UV_PROJECT", "PYTHONHOME")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


def run_amigo_mcp(
    *arguments: str,
    env: dict[str, str] | None = None,
    stdin: int | None = None,
    command: list[str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`amigo-mcp <arguments>` run to its end from the repository, its output captured as text.
    `env` defaults to `clean_env()`, `command` to `amigo_mcp()`."""
    return subprocess.run(
        [*(amigo_mcp() if command is None else command), *arguments],
        stdin=stdin,
        capture_output=True,
        text=True,
        env=clean_env() if env is None else env,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )


def tools_json(env: dict[str, str] | None = None) -> str:
    """The exact tools/list result, as `amigo-mcp tools --json` prints it."""
    done = run_amigo_mcp("tools", "--json", env=env, timeout=60)
    done.check_returncode()
    return done.stdout


def sandbox_settings(sandbox: RunningSandbox, **overrides: Any) -> Settings:
    """Settings that sign in to `sandbox` with its demo API key, as a real deployment would."""
    values: dict[str, Any] = {
        "base_url": sandbox.base_url,
        "organization_id": sandbox.organization,
        "api_key": sandbox.api_key,
        "api_key_id": sandbox.api_key_id,
        "user_id": sandbox.user_id,
        "timeout_s": 5.0,
    }
    return Settings.create(**(values | overrides))


def mcp_http_client(**options: Any) -> httpx2.AsyncClient:
    """An HTTP client for the SDK's streamable-HTTP transport (`streamable_http_client(url,
    http_client=...)`; the SDK speaks httpx2), sharing the product's TLS settings like every
    client of `testing.sandbox_http`."""
    return httpx2.AsyncClient(verify=tls_context(), **options)


async def accept_all(
    context: ClientRequestContext, params: types.ElicitRequestParams
) -> types.ElicitResult:
    return types.ElicitResult(action="accept", content={"confirm": True})


@asynccontextmanager
async def connect(
    settings: Settings,
    mode: str,
    *,
    policy: ToolPolicy | None = None,
    retry: RetryPolicy | None = None,
    clock: Clock | None = None,
    audit_log: str | None = None,
    tracing: bool = False,
    **client_options: Any,
) -> AsyncIterator[tuple[Client, Runtime]]:
    """An in-memory MCP client on a fresh server; elicitation is accepted unless overridden.

    `clock`: the server's time; pass the sandbox's stopped clock to share one time with it.
    `audit_log`, `tracing`: as the `Runtime` takes them.
    """
    catalog = load_catalog()
    runtime = Runtime(
        catalog,
        settings,
        retry=retry or RetryPolicy(budget_s=20),
        clock=clock,
        audit_log=audit_log,
        tracing=tracing,
    )
    server = build_server(catalog, runtime, policy)
    client_options.setdefault("elicitation_callback", accept_all)
    try:
        async with Client(server, mode=mode, **client_options) as client:
            yield client, runtime
    finally:
        await runtime.aclose()


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


async def ok(client: Client, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """Call a tool that must succeed; its text must carry exactly the structured content."""
    result = await client.call_tool(tool, arguments)
    text = text_of(result)
    assert not result.is_error, f"{tool} failed: {text}"
    assert isinstance(result.structured_content, dict), tool
    assert json.loads(text) == result.structured_content
    return result.structured_content


async def fails(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    """Call a tool that must fail as a tool error; return its text."""
    result = await client.call_tool(tool, arguments)
    assert result.is_error, f"{tool} unexpectedly succeeded: {text_of(result)}"
    assert result.structured_content is None
    return text_of(result)


def endpoint_announced(proc: subprocess.Popen[bytes]) -> str:
    """The URL `amigo-mcp serve --transport http` prints on stderr once it listens.

    Reads stderr line by line (no polling); the rest stays in the pipe for the caller.
    """
    assert proc.stderr is not None
    seen = []
    for raw in iter(proc.stderr.readline, b""):
        line = raw.decode(errors="replace")
        seen.append(line)
        if match := re.search(r"MCP endpoint at (\S+)", line):
            return match.group(1)
    raise RuntimeError("amigo-mcp did not start:\n" + "".join(seen))


@contextmanager
def serving_http(env: dict[str, str], *flags: str) -> Iterator[str]:
    """`amigo-mcp serve --transport http` as a subprocess; yields its MCP endpoint URL."""
    proc = subprocess.Popen(
        [*amigo_mcp(), "serve", "--transport", "http", "--port", "0", *flags],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        yield endpoint_announced(proc)
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    # uvicorn shuts down gracefully, then re-raises the SIGTERM it caught.
    assert proc.returncode in (0, -signal.SIGTERM), stderr.decode()
    assert b"Traceback" not in stderr, "shuts down cleanly after serving calls"


class Answer:
    """An elicitation callback that records each question and gives one answer."""

    def __init__(self, action: ElicitAction = "accept") -> None:
        self.action = action
        self.questions: list[str] = []

    async def __call__(
        self, context: ClientRequestContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        self.questions.append(params.message)
        return types.ElicitResult(
            action=self.action, content={"confirm": True} if self.action == "accept" else None
        )


def call_at_a_terminal(
    tool: str,
    arguments: dict[str, object],
    reply: str,
    *flags: str,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `amigo-mcp call [flags]` with a terminal as stdin that answers `reply` (`env` as
    `run_amigo_mcp` takes it)."""
    controller, terminal = os.openpty()
    try:
        os.write(controller, f"{reply}\n".encode())
        done = run_amigo_mcp("call", *flags, tool, json.dumps(arguments), stdin=terminal, env=env)
    finally:
        os.close(terminal)
        os.close(controller)
    return done
