"""amigo-mcp's streamable HTTP app served by uvicorn in a thread of the test process, and an
MCP client talking to it (the hosted set-up of the HTTP safety, audit and telemetry tests)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import anyio
import uvicorn
from amigo_client import Clock
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from amigo_mcp.http_app import build_http_app
from amigo_mcp.policy import ToolPolicy
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_sandbox.server import RunningSandbox, ThreadServer, base_url_of, bind_socket
from testing.mcp_helpers import accept_all, mcp_http_client, sandbox_settings
from testing.safety_support import CATALOG, FAST_RETRY


@contextmanager
def hosted(
    sandbox: RunningSandbox,
    *,
    multi_user: bool = False,
    clock: Clock | None = None,
    audit_log: str | None = None,
    tracing: bool = False,
    **http: Any,
) -> Iterator[tuple[str, Runtime]]:
    """amigo-mcp's HTTP app on a free loopback port, served by uvicorn in a thread.

    Yields the MCP endpoint URL and the runtime; the runtime is closed on uvicorn's own loop
    once the server has stopped. `audit_log`, `tracing`: as the `Runtime` takes them.
    """
    runtime = Runtime(
        CATALOG,
        sandbox_settings(sandbox),
        retry=FAST_RETRY,
        clock=clock,
        audit_log=audit_log,
        tracing=tracing,
    )
    server = build_server(CATALOG, runtime, ToolPolicy(), multi_user=multi_user)
    app = build_http_app(server, **({"host": "127.0.0.1", "access_token": None} | http))
    sock = bind_socket("127.0.0.1", 0)
    web = ThreadServer(uvicorn.Config(app, lifespan="on", log_level="warning"))

    async def run() -> None:
        try:
            await web.serve(sockets=[sock])
        finally:
            await runtime.aclose()

    thread = threading.Thread(target=anyio.run, args=(run,), daemon=True)
    thread.start()
    web.ready.wait()
    assert web.started, "uvicorn did not start"
    try:
        yield f"{base_url_of(sock)}/mcp", runtime
    finally:
        web.stop()
        thread.join(timeout=10)
        sock.close()


@asynccontextmanager
async def mcp_client(url: str, mode: str, headers: dict[str, str]) -> AsyncIterator[Client]:
    async with (
        mcp_http_client(headers=headers, timeout=30) as http,
        Client(
            streamable_http_client(url, http_client=http),
            mode=mode,
            elicitation_callback=accept_all,
        ) as client,
    ):
        yield client
