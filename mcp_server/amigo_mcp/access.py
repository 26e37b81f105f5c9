"""Who may reach the streamable-HTTP endpoint.

- DNS-rebinding protection stays on: only the listed Host and Origin values are accepted. A name
  given without a port is accepted with or without one (a client behind a proxy on 443 sends the
  bare name); bound to every address (0.0.0.0, ::), the loopback names are accepted too, so a
  health check from the same machine gets through.
- Binding to a non-loopback address requires an access token (`AMIGO_MCP_HTTP_TOKEN`); every
  request must then carry `Authorization: Bearer <token>` (`AccessTokenGuard`).
- In hosted multi-user mode a request may also carry its user's own Amigo bearer token in
  `X-Amigo-Token`, used for that request only (see `server.py`).
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence

from amigo_client.exceptions import ConfigurationError
from mcp.server.transport_security import TransportSecuritySettings
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANY_ADDRESS = ("0.0.0.0", "::", "")


def check_binding(host: str, access_token: str | None) -> None:
    """Refuse to serve beyond this machine without an access token (`ConfigurationError`)."""
    if host not in LOOPBACK and not access_token:
        raise ConfigurationError(
            f"binding to {host} makes the MCP endpoint reachable from other machines; set "
            "AMIGO_MCP_HTTP_TOKEN to an access token that clients must send as "
            "'Authorization: Bearer <token>', or bind to 127.0.0.1."
        )


def host_patterns(name: str) -> list[str]:
    """The Host header values that `name` (`host`, `host:port`, an IPv6 address, bracketed or
    not, with or without a port) accepts, as the SDK's patterns: a name with its port is exact;
    a bare name is accepted alone and with any port (`name:*`)."""
    if name.startswith("["):
        if "]:" in name:
            return [name]
    elif name.count(":") == 1:
        return [name]
    elif ":" in name:
        name = f"[{name}]"
    return [name, f"{name}:*"]


def transport_security(host: str, allowed_hosts: Sequence[str]) -> TransportSecuritySettings:
    """The SDK's DNS-rebinding protection for an endpoint bound to `host`: the Host and Origin
    values it accepts are `host` (unless loopback), `allowed_hosts`, and the loopback names
    when bound to loopback or to every address."""
    loopback = host in LOOPBACK
    names = [*(() if loopback else (host,)), *allowed_hosts]
    if loopback or host in ANY_ADDRESS:
        names += LOOPBACK
    hosts = [pattern for name in names for pattern in host_patterns(name)]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=hosts,
        allowed_origins=[f"http://{h}" for h in hosts] + [f"https://{h}" for h in hosts],
    )


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
