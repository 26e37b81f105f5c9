"""The streamable-HTTP endpoint: the SDK's app behind the access checks (`access.py`), and with
a shared state store, behind the proxy that routes sessions between replicas
(`replica_proxy.py`). Loopback by default, guarded by a token anywhere else."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.types import ASGIApp

from amigo_mcp.access import AccessTokenGuard, check_binding, transport_security
from amigo_mcp.replica_proxy import SessionRouter
from amigo_mcp.state import StateStore


def build_http_app(
    server: Any,
    *,
    host: str,
    access_token: str | None,
    allowed_hosts: Sequence[str] = (),
    stateless: bool = False,
    sessions: tuple[StateStore, str] | None = None,
) -> ASGIApp:
    """The MCP endpoint as an ASGI app. `sessions` (a shared store and this replica's own MCP
    URL, as other replicas reach it) routes stateful sessions between replicas."""
    check_binding(host, access_token)
    security = transport_security(host, allowed_hosts)
    app: ASGIApp = server.streamable_http_app(
        stateless_http=stateless, host=host, transport_security=security
    )
    if sessions is not None and not stateless:
        app = SessionRouter(app, *sessions)
    if access_token:
        app = AccessTokenGuard(app, access_token)
    return app
