"""Bearer tokens for Amigo calls: API-key sign-in with caching, early refresh and 401 retry.

`AmigoAuth` is an `httpx.Auth` installed on the one shared HTTP client, so every generated
client call is authenticated the same way: it adds `Authorization: Bearer <token>`, and on a
401 drops the token, signs in again and retries the request once. Concurrent calls share one
sign-in. A token given for a single MCP request (hosted multi-user mode) wins over the
configured credentials and is never cached.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime

import httpx

from mcp_server.context import request_token
from mcp_server.settings import Settings

# Refresh this share of a token's lifetime before it ends, and at most this many seconds early.
REFRESH_SHARE = 0.1
REFRESH_MAX_EARLY_S = 300.0


class AuthError(Exception):
    """No usable token; the message says which setting to check and never contains a secret."""


class TokenSource:
    """Hands out bearer tokens; `refresh` is called after the API answered 401."""

    async def token(self) -> str:
        raise NotImplementedError

    async def refresh(self, rejected: str) -> str:
        raise NotImplementedError


class StaticToken(TokenSource):
    """A ready bearer token (`AMIGO_BEARER_TOKEN`): nothing to refresh it with."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def token(self) -> str:
        return self._token

    async def refresh(self, rejected: str) -> str:
        raise AuthError(
            "Amigo rejected the bearer token (HTTP 401): it has expired or is not valid for "
            "this organization. Set a new AMIGO_BEARER_TOKEN, or use an API key "
            "(AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID) so tokens are renewed."
        )


class PerRequestOnly(TokenSource):
    """Hosted multi-user mode without credentials of the server's own."""

    MESSAGE = (
        "This server has no Amigo credentials of its own: each request must carry its user's "
        "Amigo bearer token in the X-Amigo-Token header."
    )

    async def token(self) -> str:
        raise AuthError(self.MESSAGE)

    async def refresh(self, rejected: str) -> str:
        raise AuthError(self.MESSAGE)


class ApiKeySignIn(TokenSource):
    """Signs in with the API key through the generated client and caches the token."""

    def __init__(
        self,
        settings: Settings,
        http: httpx.AsyncClient,
        on_token: Callable[[str], None] = lambda token: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if settings.api_key is None or not settings.api_key_id or not settings.user_id:
            raise AuthError("API-key sign-in needs an API key, its ID and a user ID")
        self._settings = settings
        self._http = http
        self._clock = clock
        self._on_token = on_token
        self._token: str | None = None
        self._refresh_at = 0.0
        self._lock: asyncio.Lock | None = None
        self.sign_ins = 0

    async def token(self) -> str:
        if self._token is not None and self._clock() < self._refresh_at:
            return self._token
        return await self._sign_in(stale=self._token)

    async def refresh(self, rejected: str) -> str:
        return await self._sign_in(stale=rejected)

    async def _sign_in(self, stale: str | None) -> str:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            # Another caller may have signed in while this one waited for the lock.
            if (
                self._token is not None
                and self._token != stale
                and self._clock() < self._refresh_at
            ):
                return self._token
            from amigo_client import Client
            from amigo_client.api.auth import sign_in_with_api_key
            from amigo_client.models import SignInWithApiKeyResponse

            settings = self._settings
            client = Client(base_url=settings.base_url).set_async_httpx_client(self._http)
            assert settings.api_key is not None and settings.api_key_id and settings.user_id
            try:
                response = await sign_in_with_api_key.asyncio_detailed(
                    settings.organization_id,
                    client=client,
                    x_api_key=settings.api_key.reveal(),
                    x_api_key_id=settings.api_key_id,
                    x_user_id=settings.user_id,
                    **(
                        {"x_mongo_cluster_name": settings.mongo_cluster_name}
                        if settings.mongo_cluster_name
                        else {}
                    ),
                )
            except httpx.HTTPError as exc:
                raise AuthError(
                    f"Could not reach Amigo at {settings.base_url} to sign in "
                    f"({type(exc).__name__}). Check AMIGO_BASE_URL and the network."
                ) from None
            parsed = response.parsed
            if response.status_code != 200 or not isinstance(parsed, SignInWithApiKeyResponse):
                raise AuthError(
                    f"Signing in with the API key failed (HTTP {int(response.status_code)}"
                    f"{_detail(response.content)}). Check AMIGO_API_KEY, AMIGO_API_KEY_ID, "
                    "AMIGO_USER_ID and AMIGO_ORGANIZATION_ID."
                )
            lifetime = (parsed.expires_at - datetime.now(UTC)).total_seconds()
            early = min(REFRESH_MAX_EARLY_S, max(lifetime, 0.0) * REFRESH_SHARE)
            self._on_token(parsed.id_token)
            self._token = parsed.id_token
            self._refresh_at = self._clock() + lifetime - early
            self.sign_ins += 1
            return self._token


def _detail(content: bytes) -> str:
    try:
        detail = json.loads(content).get("detail")
    except (ValueError, AttributeError):
        return ""
    return f": {detail}" if isinstance(detail, str) else ""


class AmigoAuth(httpx.Auth):
    """Bearer authentication with one sign-in retry after a 401."""

    def __init__(self, source: TokenSource) -> None:
        self.source = source

    def sync_auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
        raise RuntimeError("AmigoAuth is asynchronous; use the async client")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if "x-api-key" in request.headers:
            # The sign-in call itself authenticates with the API key.
            yield request
            return
        own = request_token.get()
        token = own if own is not None else await self.source.token()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code != 401 or own is not None:
            return
        token = await self.source.refresh(rejected=token)
        request.headers["Authorization"] = f"Bearer {token}"
        yield request
