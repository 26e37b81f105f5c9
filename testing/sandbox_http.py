"""Plain HTTP from tests: to a running sandbox (signed in, for making or reading records directly,
around the client or the server under test), its admin API, or any local endpoint.

Every client is made here so that all of them share the product's TLS settings
(`amigo_client.transport.tls_context()`): httpx otherwise builds them afresh, reading the whole
CA bundle, for each client it creates, even one that only ever speaks plain HTTP to loopback.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from amigo_client.transport import tls_context

from amigo_sandbox.server import RunningSandbox


def http_client(base_url: str = "", **options: Any) -> httpx.Client:
    """An httpx client with the shared TLS settings; `options` as `httpx.Client` takes them."""
    return httpx.Client(base_url=base_url, verify=tls_context(), **options)


def async_http_client(base_url: str = "", **options: Any) -> httpx.AsyncClient:
    """An httpx async client with the shared TLS settings; `options` as `httpx.AsyncClient`."""
    return httpx.AsyncClient(base_url=base_url, verify=tls_context(), **options)


def api_client(sandbox: RunningSandbox, user_id: str | None = None) -> httpx.Client:
    """A plain HTTP client for the sandbox, signed in as `user_id` (default: the demo user)."""
    return http_client(
        f"{sandbox.base_url}/v1/{sandbox.organization}",
        headers={"Authorization": f"Bearer {sandbox.issue_token(user_id)}"},
        timeout=10,
    )


def admin_client(base_url: str) -> httpx.Client:
    """The admin API (`/_sandbox/...`) of the sandbox at `base_url`, in this process or another."""
    return http_client(f"{base_url}/_sandbox", timeout=10)


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A local HTTP server (stdlib, in a thread) answering with `handler`; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # Polled often for the shutdown: the standard library's default interval is what a
    # teardown would wait.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
