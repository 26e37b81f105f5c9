"""Several replicas of amigo-mcp on one Redis, as separate processes, behind one client.

A real `redis-server`, a sandbox in its own process with rate limits on (its clock stopped, so
one rate window lasts the whole test), and three `amigo-mcp serve --transport http --state-url
redis://...` processes signed in with the same API key (two where a test needs no more). The MCP
client's requests go to the replicas in turn (`RoundRobin`, an HTTP transport that rewrites each
request's port), as a load balancer without affinity would send them. The sandbox's own counters
say what reached it. Each replica costs a process start (about two seconds of CPU), so each test
starts only what it needs.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
import httpx2
import mcp_types as types
import pytest
from mcp import Client
from mcp.client.session import ClientRequestContext
from mcp.client.streamable_http import streamable_http_client

from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS
from testing.mcp_helpers import (
    INITIALIZE,
    amigo_mcp,
    clean_env,
    endpoint_announced,
    fails,
    ok,
    run_amigo_mcp,
    text_of,
)
from tests.redis_support import free_port
from tests.sandbox_support import move_clock, start_cli, stop_cli

# The module keeps to one worker (tests/conftest.py): one sandbox process per run.
pytestmark = [pytest.mark.anyio, pytest.mark.slow, pytest.mark.xdist_group("replicas")]

REPLICAS = 3
SIGN_IN = "sign-in-with-api-key"
LIST_CONVERSATIONS = ("list_conversations", "get-conversations", 15)  # tool, operation, per minute
UPDATE = "update-dynamic-behavior-set"


@pytest.fixture(scope="module")
def sandbox_process() -> Iterator[tuple[str, dict[str, str]]]:
    """`amigo-sandbox` in its own process, rate limits on; its base URL and demo credentials."""
    process, base_url, printed = start_cli(
        ["--db", ":memory:", "--seed-demo", "--log-level", "warning"]
    )
    try:
        yield base_url, printed
    finally:
        stop_cli(process)


def sandbox_counts(base_url: str) -> dict[str, Any]:
    answer = httpx.get(f"{base_url}/_sandbox/requests", timeout=10)
    answer.raise_for_status()
    counts: dict[str, Any] = answer.json()
    return counts


@contextmanager
def replicas(
    base_url: str, printed: dict[str, str], *flags: str, count: int = REPLICAS
) -> Iterator[list[str]]:
    """`count` amigo-mcp processes on the same API key; yields their MCP endpoint URLs."""
    env = clean_env(**{k: v for k, v in printed.items() if k.startswith("AMIGO_")})
    command = [*amigo_mcp(), "serve", "--transport", "http", "--port", "0", *flags]
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(count)
    ]
    try:
        urls = [endpoint_announced(process) for process in processes]
        RUNNING.update(zip(urls, processes, strict=True))
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            _, stderr = process.communicate(timeout=15)
            assert b"Traceback" not in stderr, stderr.decode()
        RUNNING.clear()


# The replicas of the running test, by MCP endpoint URL.
RUNNING: dict[str, subprocess.Popen[bytes]] = {}


def stop_replica(url: str) -> None:
    process = RUNNING[url]
    process.terminate()
    process.wait(timeout=15)


def fresh_window(base_url: str) -> None:
    """The sandbox in a new rate window, its clock stopped, its request counters at zero."""
    move_clock(base_url, advance_s=61)
    move_clock(base_url, stopped=True)
    httpx.delete(f"{base_url}/_sandbox/requests", timeout=10).raise_for_status()


@contextmanager
def shared_replicas(
    sandbox_process: tuple[str, dict[str, str]], redis_url: str, count: int
) -> Iterator[tuple[str, list[str]]]:
    """`count` fresh replicas on an empty Redis, the sandbox in a fresh window."""
    base_url, printed = sandbox_process
    fresh_window(base_url)
    flags = ("--state-url", redis_url, "--retry-budget", "2")
    with replicas(base_url, printed, *flags, count=count) as urls:
        yield base_url, urls


@pytest.fixture
def cluster(
    sandbox_process: tuple[str, dict[str, str]], redis_url: str
) -> Iterator[tuple[str, list[str]]]:
    """Three fresh replicas sharing Redis: the sandbox's base URL and their MCP endpoints."""
    with shared_replicas(sandbox_process, redis_url, REPLICAS) as running:
        yield running


@pytest.fixture
def pair(
    sandbox_process: tuple[str, dict[str, str]], redis_url: str
) -> Iterator[tuple[str, list[str]]]:
    """Two fresh replicas sharing Redis, for tests that use no more."""
    with shared_replicas(sandbox_process, redis_url, 2) as running:
        yield running


class RoundRobin(httpx2.AsyncBaseTransport):
    """Sends each request to the next replica in turn and notes where each one went."""

    def __init__(self, urls: list[str]) -> None:
        self.ports = [int(httpx.URL(url).port or 80) for url in urls]
        self.turn = 0
        self.sent: list[tuple[int, str]] = []  # (port, what the request carried)
        self._inner = httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        port = self.ports[self.turn % len(self.ports)]
        self.turn += 1
        request.url = request.url.copy_with(port=port)
        self.sent.append((port, carried(request)))
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def carried(request: httpx2.Request) -> str:
    """`tools/call`, `answer` (a response to the server's request), or the HTTP method."""
    try:
        message = json.loads(request.content or b"null")
    except (ValueError, httpx2.RequestNotRead):
        message = None
    if isinstance(message, dict):
        return str(message.get("method") or ("answer" if "result" in message else "?"))
    return request.method


@asynccontextmanager
async def spread_client(urls: list[str], mode: str, **options: Any) -> AsyncIterator[Any]:
    """An MCP client whose requests go round-robin over `urls`; yields (client, transport)."""
    spread = RoundRobin(urls)
    async with (
        httpx2.AsyncClient(transport=spread, timeout=30) as http,
        Client(streamable_http_client(urls[0], http_client=http), mode=mode, **options) as client,
    ):
        yield client, spread


async def test_a_burst_over_replicas_stays_under_the_limit_with_one_sign_in(
    cluster: tuple[str, list[str]],
) -> None:
    """More calls than the operation's per-minute limit, spread over three replicas: they
    count together, so the sandbox never answers 429, and they sign in once between them."""
    base_url, urls = cluster
    tool, operation, limit = LIST_CONVERSATIONS
    burst = limit + 6
    async with spread_client(urls, "auto") as (client, spread):
        results = [await client.call_tool(tool, {"limit": 1}) for _ in range(burst)]
    assert len({port for port, _ in spread.sent}) == REPLICAS, "every replica took calls"
    counts = sandbox_counts(base_url)
    assert counts["statuses"][operation] == {"200": limit}, "no 429, and the limit was used"
    assert counts["counts"][SIGN_IN] == 1, "one sign-in for all replicas"
    held = [text_of(r) for r in results if r.is_error]
    assert len(held) == burst - limit
    assert all("nothing was sent" in text for text in held), held[0]


async def test_without_shared_state_replicas_each_spend_the_limit(
    sandbox_process: tuple[str, dict[str, str]],
) -> None:
    """The same burst over replicas that keep state in their own process: the API sees the
    sum of their rates and answers 429, and each replica signs in by itself. (What the shared
    store prevents; also shows the burst test above can fail. Two replicas are enough: each
    stays under the limit on its own, together they go over it.)"""
    base_url, printed = sandbox_process
    fresh_window(base_url)
    tool, operation, limit = LIST_CONVERSATIONS
    with replicas(base_url, printed, "--retry-budget", "2", count=2) as urls:
        async with spread_client(urls, "auto") as (client, spread):
            for _ in range(limit + 6):
                await client.call_tool(tool, {"limit": 1})
    assert len({port for port, _ in spread.sent}) == 2, "both replicas took calls"
    counts = sandbox_counts(base_url)
    assert counts["statuses"][operation].get("429", 0) > 0
    assert counts["counts"][SIGN_IN] == 2


class Answer:
    """An elicitation callback giving one answer, and recording that it was asked."""

    def __init__(self, action: str) -> None:
        self.action = action
        self.asked = 0

    async def __call__(
        self, context: ClientRequestContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        self.asked += 1
        content = {"confirm": True} if self.action == "accept" else None
        return types.ElicitResult(action=self.action, content=content)  # type: ignore[arg-type]


async def test_a_session_and_its_confirmations_continue_across_replicas(
    cluster: tuple[str, list[str]],
) -> None:
    """A 2025-11-25 session (legacy) opened on one replica goes on through the others, and a
    confirmation answered through another replica than the one asking reaches it; on
    2026-07-28 (auto) the sealed confirmation state opens on any replica. Decline sends
    nothing; accept sends the write once. Both eras on the same replicas, which sign in once
    between them for all of it."""
    base_url, urls = cluster
    set_id = DEMO_BEHAVIOR_SET_IDS["promotion"]
    for mode in ("auto", "legacy"):
        for action in ("decline", "accept"):
            answer = Answer(action)
            spreading = spread_client(urls, mode, elicitation_callback=answer)
            async with spreading as (client, spread):
                listed = await client.list_tools()
                assert any(t.name == "update_dynamic_behavior_set" for t in listed.tools)
                for _ in range(REPLICAS):
                    await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]})
                name = f"Promotion ({action}ed on {mode})"
                arguments = {"dynamic_behavior_set_id": set_id, "name": name}
                before = sandbox_counts(base_url)["counts"].get(UPDATE, 0)
                if action == "decline":
                    text = await fails(client, "update_dynamic_behavior_set", arguments)
                    assert "declined" in text and "nothing was sent" in text
                else:
                    await ok(client, "update_dynamic_behavior_set", arguments)
                sent = sandbox_counts(base_url)["counts"].get(UPDATE, 0) - before
            assert answer.asked == 1, mode
            assert sent == (1 if action == "accept" else 0), mode
            ports = {port for port, _ in spread.sent}
            assert len(ports) == REPLICAS, f"{mode}: the session's requests reached every replica"
            calls = [i for i, (_, what) in enumerate(spread.sent) if what == "tools/call"]
            if mode == "legacy":
                # The answer is a POST of its own, to the replica after the one holding the call.
                (reply,) = [i for i, (_, what) in enumerate(spread.sent) if what == "answer"]
                asked_at = spread.sent[max(i for i in calls if i < reply)][0]
            else:
                # The call is sent again with the answer; the second send goes to the next replica.
                reply, asked_at = calls[-1], spread.sent[calls[-2]][0]
            assert spread.sent[reply][0] != asked_at, f"{mode}: the answer landed elsewhere"
    assert sandbox_counts(base_url)["counts"][SIGN_IN] == 1


async def test_a_session_ends_with_the_replica_that_holds_it(
    pair: tuple[str, list[str]],
) -> None:
    """Another replica passes the session's requests on while the holder runs; once the holder
    is gone, the session is too: 404, and the client starts a new one (as the protocol says)."""
    _, urls = pair
    headers = {"Accept": "application/json, text/event-stream"}
    listing = {"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}}
    async with httpx.AsyncClient(timeout=30) as http:
        opened = await http.post(urls[0], json=INITIALIZE, headers=headers)
        assert opened.status_code == 200
        session = {
            **headers,
            "Mcp-Session-Id": opened.headers["mcp-session-id"],
            "Mcp-Protocol-Version": "2025-11-25",
        }
        elsewhere = await http.post(urls[1], json=listing, headers=session)
        assert elsewhere.status_code == 200 and "update_dynamic_behavior_set" in elsewhere.text
        stop_replica(urls[0])
        gone = await http.post(urls[1], json=listing, headers=session)
        assert gone.status_code == 404, gone.text


def test_an_unreachable_redis_stops_the_server_naming_it() -> None:
    """No silent fallback to state of its own: a clear error, the password never shown."""
    url = f"redis://:s3cret-redis-pass@127.0.0.1:{free_port()}/0"
    done = run_amigo_mcp(
        "serve",
        "--transport",
        "http",
        "--port",
        "0",
        env=clean_env(AMIGO_MCP_STATE_URL=url),
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "AMIGO_MCP_STATE_URL" in done.stderr and "127.0.0.1" in done.stderr
    assert "s3cret-redis-pass" not in done.stderr and "***" in done.stderr
    assert "MCP endpoint at" not in done.stderr
    assert "Traceback" not in done.stderr
