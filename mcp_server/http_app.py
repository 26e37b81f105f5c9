"""The streamable-HTTP endpoint: loopback by default, guarded by a token anywhere else.

- DNS-rebinding protection stays on: only the listed Host and Origin values are accepted.
- Binding to a non-loopback address requires an access token (`AMIGO_MCP_HTTP_TOKEN`); every
  request must then carry `Authorization: Bearer <token>`.
- In hosted multi-user mode a request may also carry its user's own Amigo bearer token in
  `X-Amigo-Token`, used for that request only (see `server.py`).
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Any

from mcp.server.transport_security import TransportSecuritySettings
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from mcp_server.settings import SettingsError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class AccessTokenGuard:
    """Answers 401 to any HTTP request without the right bearer token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self._expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            given = dict(scope["headers"]).get(b"authorization", b"")
            if not hmac.compare_digest(given, self._expected):
                response = JSONResponse(
                    {
                        "error": "unauthorized",
                        "detail": "send Authorization: Bearer <access token>",
                    },
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _host_port(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def build_http_app(
    server: Any,
    *,
    host: str,
    access_token: str | None,
    allowed_hosts: Sequence[str] = (),
    stateless: bool = False,
) -> ASGIApp:
    loopback = host in LOOPBACK
    if not loopback and not access_token:
        raise SettingsError(
            f"binding to {host} makes the MCP endpoint reachable from other machines; set "
            "AMIGO_MCP_HTTP_TOKEN to an access token that clients must send as "
            "'Authorization: Bearer <token>', or bind to 127.0.0.1."
        )
    hosts = [f"{_host_port(h)}:*" for h in (LOOPBACK if loopback else (host,))]
    hosts += [h if ":" in h else f"{h}:*" for h in allowed_hosts]
    security = TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=hosts,
        allowed_origins=[f"http://{h}" for h in hosts] + [f"https://{h}" for h in hosts],
    )
    app: ASGIApp = server.streamable_http_app(
        stateless_http=stateless, host=host, transport_security=security
    )
    if access_token:
        app = AccessTokenGuard(app, access_token)
    return app
