"""Plain HTTP to a running sandbox, signed in: for making or reading records directly, around
the client or the server under test."""

from __future__ import annotations

import httpx
from amigo_client.transport import tls_context

from amigo_sandbox.server import RunningSandbox


def api_client(sandbox: RunningSandbox, user_id: str | None = None) -> httpx.Client:
    """A plain HTTP client for the sandbox, signed in as `user_id` (default: the demo user)."""
    return httpx.Client(
        base_url=f"{sandbox.base_url}/v1/{sandbox.organization}",
        headers={"Authorization": f"Bearer {sandbox.issue_token(user_id)}"},
        timeout=10,
        verify=tls_context(),
    )
