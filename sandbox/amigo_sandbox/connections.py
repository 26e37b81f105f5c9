"""Which TCP connection a request came on, so a `drop` fault can cut it without an answer.

ASGI gives an application no handle on its connection. The sandbox runs uvicorn with this
protocol class, which remembers each connection's transport by (client, server) address; the
`drop` fault looks it up from the request scope and aborts it. Under another server the lookup
finds nothing and the fault falls back to a truncated answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

_Address = tuple[Any, ...] | None
_TRANSPORTS: dict[tuple[_Address, _Address], asyncio.Transport] = {}


def _key(client: Any, server: Any) -> tuple[_Address, _Address]:
    return (tuple(client) if client else None, tuple(server) if server else None)


class TrackedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, registering each connection's transport while it is open."""

    # Transport, not asyncio's BaseTransport: uvicorn's own signature narrows it the same way.
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _TRANSPORTS[_key(self.client, self.server)] = transport

    def connection_lost(self, exc: Exception | None) -> None:
        _TRANSPORTS.pop(_key(self.client, self.server), None)
        super().connection_lost(exc)


def transport_for(scope: Mapping[str, Any]) -> asyncio.Transport | None:
    return _TRANSPORTS.get(_key(scope.get("client"), scope.get("server")))
