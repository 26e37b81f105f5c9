"""Which bearer tokens the server's calls carry; the mechanics are the client's.

Sign-in with the API key, renewal before `expires_at`, the one retry after a 401 and a shared
sign-in for concurrent calls all come from `amigo_client.auth`. What is the server's own: hosted
multi-user mode, where the token that came with the MCP request (`X-Amigo-Token`) wins for that
request and is never cached, and a server without credentials of its own refuses any other call.
Imported at the first tool call, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
from amigo_client import Client
from amigo_client.auth import ApiKeySignIn, BearerAuth, FixedToken, TokenSource
from amigo_client.config import Clock
from amigo_client.exceptions import ConfigurationError

from mcp_server.context import request_token
from mcp_server.settings import Settings


class PerRequestOnly(TokenSource):
    """Hosted multi-user mode without credentials of the server's own."""

    MESSAGE = (
        "This server has no Amigo credentials of its own: each request must carry its user's "
        "Amigo bearer token in the X-Amigo-Token header."
    )

    async def atoken(self) -> str:
        raise ConfigurationError(self.MESSAGE)


def authenticate(
    settings: Settings,
    http: httpx.AsyncClient,
    on_token: Callable[[str], None],
    clock: Clock,
) -> TokenSource:
    """Install bearer authentication on `http` for these settings; return its token source."""
    source: TokenSource
    if settings.auth_mode == "bearer":
        assert settings.bearer_token is not None
        source = FixedToken(settings.bearer_token.reveal())
    elif settings.auth_mode == "per_request":
        source = PerRequestOnly()
    else:
        client = Client(base_url=settings.base_url).set_async_httpx_client(http)
        source = ApiKeySignIn(settings.client_config(clock), client, on_token=on_token)
    http.auth = BearerAuth(source, override=request_token.get)
    return source
