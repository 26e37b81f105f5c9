"""Bearer tokens: API-key sign-in with renewal before `expires_at`, or a fixed token.

`BearerAuth` is an `httpx.Auth` on the client's one HTTP connection pool: it adds
`Authorization: Bearer <token>` to every request and, after a 401, signs in again and repeats
the request once. Concurrent calls (tasks or threads) share one sign-in. A failed sign-in raises
`AuthenticationError` with Amigo's detail, never the key (`NotFoundError` when the organization
is unknown). A sign-in that could not connect, or was answered 408, 429 or 5xx, raises the
client's error for that (`APIConnectionError`, `RateLimitError`, `ServiceUnavailableError`,
`APIStatusError`), which the call's retry loop retries like a read.

`transport.call_token` is the per-call token hook: while it holds a token (the retry loop sets
it for a call given `Hooks(token=...)`, e.g. a hosted server acting for the user whose request
it serves), requests carry that token instead of the configured credentials; it is never cached,
and a 401 to it is the answer.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncGenerator, Callable, Generator

import httpx

from .api.auth import sign_in_with_api_key
from .client import Client
from .config import ClientConfig
from .exceptions import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    NotFoundError,
    detail_text,
    status_error,
)
from .models import ErrorBody, SignInWithApiKeyResponse
from .retries import READ_RETRY_STATUSES, retry_after_seconds, was_not_sent
from .transport import call_token
from .types import UNSET, Response

__all__ = [
    "ApiKeySignIn",
    "BearerAuth",
    "FixedToken",
    "TokenSource",
    "token_source",
]


# Renew this share of a token's lifetime before it ends, and at most this many seconds early.
REFRESH_SHARE = 0.1
REFRESH_MAX_EARLY_S = 300.0


class TokenSource:
    """Hands out bearer tokens; `refresh` is asked after the API answered 401 and returns a new
    token, or None when there is no way to get one (the 401 is then the answer)."""

    def token(self) -> str:
        raise NotImplementedError

    async def atoken(self) -> str:
        raise NotImplementedError

    def refresh(self, rejected: str) -> str | None:
        return None

    async def arefresh(self, rejected: str) -> str | None:
        return None


class FixedToken(TokenSource):
    """A ready bearer token: used as it is, never renewed."""

    def __init__(self, token: str) -> None:
        self._token = token

    def token(self) -> str:
        return self._token

    async def atoken(self) -> str:
        return self._token

    def __repr__(self) -> str:
        return "FixedToken('**********')"


class ApiKeySignIn(TokenSource):
    """Signs in with the API key through the generated client, caches the token and renews it
    shortly before `expires_at` (as read on the configuration's clock)."""

    def __init__(
        self,
        config: ClientConfig,
        client: Client,
        on_token: Callable[[str], None] = lambda token: None,
    ) -> None:
        if config.api_key is None or not config.api_key_id or not config.user_id:
            raise ValueError("API-key sign-in needs an API key, its ID and a user ID")
        self._config = config
        self._client = client
        self._on_token = on_token
        self._token: str | None = None
        self._renew_at = 0.0
        self._thread_lock = threading.Lock()
        self._task_lock: asyncio.Lock | None = None
        self.sign_ins = 0

    def __repr__(self) -> str:
        return (
            f"ApiKeySignIn(organization={self._config.organization_id!r}, sign_ins={self.sign_ins})"
        )

    @property
    def renew_at(self) -> float:
        """When the current token is due for renewal (epoch seconds on the configuration's
        clock; 0 before the first sign-in). A cache shared by several processes keeps the token
        until then."""
        return self._renew_at

    def _fresh(self, stale: str | None) -> str | None:
        token = self._token
        if token is not None and token != stale and self._config.clock.time() < self._renew_at:
            return token
        return None

    def token(self) -> str:
        return self._fresh(None) or self._sync_sign_in(stale=self._token)

    def refresh(self, rejected: str) -> str | None:
        return self._sync_sign_in(stale=rejected)

    async def atoken(self) -> str:
        return self._fresh(None) or await self._async_sign_in(stale=self._token)

    async def arefresh(self, rejected: str) -> str | None:
        return await self._async_sign_in(stale=rejected)

    def _credentials(self) -> tuple[str, str, str]:
        config = self._config
        assert config.api_key is not None and config.api_key_id and config.user_id
        return config.api_key.get_secret_value(), config.api_key_id, config.user_id

    def _sync_sign_in(self, stale: str | None) -> str:
        with self._thread_lock:
            # Another thread may have signed in while this one waited for the lock.
            fresh = self._fresh(stale)
            if fresh is not None:
                return fresh
            key, key_id, user = self._credentials()
            try:
                response = sign_in_with_api_key.sync_detailed(
                    self._config.organization_id,
                    client=self._client,
                    x_api_key=key,
                    x_api_key_id=key_id,
                    x_user_id=user,
                    x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
                )
            except httpx.TransportError as exc:
                raise self._unreachable(exc) from None
            return self._keep(response)

    async def _async_sign_in(self, stale: str | None) -> str:
        if self._task_lock is None:
            self._task_lock = asyncio.Lock()
        async with self._task_lock:
            # Another task may have signed in while this one waited for the lock.
            fresh = self._fresh(stale)
            if fresh is not None:
                return fresh
            key, key_id, user = self._credentials()
            try:
                response = await sign_in_with_api_key.asyncio_detailed(
                    self._config.organization_id,
                    client=self._client,
                    x_api_key=key,
                    x_api_key_id=key_id,
                    x_user_id=user,
                    x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
                )
            except httpx.TransportError as exc:
                raise self._unreachable(exc) from None
            with self._thread_lock:
                return self._keep(response)

    def _unreachable(self, exc: httpx.TransportError) -> APIConnectionError:
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        return kind(
            f"Could not reach Amigo at {self._config.shown_base_url} to sign in "
            f"({type(exc).__name__}).",
            request_sent=not was_not_sent(exc),
        )

    def _keep(self, response: Response[ErrorBody | SignInWithApiKeyResponse]) -> str:
        parsed = response.parsed
        status = int(response.status_code)
        if status != 200 or not isinstance(parsed, SignInWithApiKeyResponse):
            error = status_error(
                "sign-in-with-api-key",
                response,
                retry_after_seconds(response.headers, self._config.clock.time()),
            )
            text = detail_text(error.detail)
            detail = f": {text}" if text else ""
            # A failure for now (408, 429, 5xx) keeps its class, so that the call retries it like
            # a read; an unknown organization is not found; anything else is a failed sign-in.
            kind = (
                type(error)
                if status in READ_RETRY_STATUSES or status >= 500
                else NotFoundError
                if status == 404
                else AuthenticationError
            )
            raise kind(
                f"Signing in with the API key failed (HTTP {status}{detail}).",
                status_code=status,
                detail=error.detail,
                error_code=error.error_code,
                request_id=error.request_id,
                retry_after=error.retry_after,
            )
        now = self._config.clock.time()
        lifetime = max(0.0, parsed.expires_at.timestamp() - now)
        early = min(REFRESH_MAX_EARLY_S, lifetime * REFRESH_SHARE)
        self._on_token(parsed.id_token)
        self._token = parsed.id_token
        self._renew_at = now + lifetime - early
        self.sign_ins += 1
        return parsed.id_token


def token_source(
    config: ClientConfig, client: Client, on_token: Callable[[str], None] = lambda token: None
) -> FixedToken | ApiKeySignIn:
    """The configured credentials as a source of bearer tokens: the bearer token when one is
    set, else sign-in with the API key on `client` (`on_token` is told each new token)."""
    if config.bearer_token is not None:
        return FixedToken(config.bearer_token.get_secret_value())
    return ApiKeySignIn(config, client, on_token=on_token)


class BearerAuth(httpx.Auth):
    """Bearer authentication with one sign-in and retry after a 401. A token set in
    `call_token` wins for the requests sent meanwhile; it is never cached or refreshed."""

    def __init__(self, source: TokenSource) -> None:
        self.source = source

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        if "x-api-key" in request.headers:
            # The sign-in call itself authenticates with the API key.
            yield request
            return
        own = call_token.get()
        token = own if own is not None else self.source.token()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code != 401 or own is not None:
            return
        fresh = self.source.refresh(rejected=token)
        if fresh is not None:
            request.headers["Authorization"] = f"Bearer {fresh}"
            yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if "x-api-key" in request.headers:
            yield request
            return
        own = call_token.get()
        token = own if own is not None else await self.source.atoken()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code != 401 or own is not None:
            return
        fresh = await self.source.arefresh(rejected=token)
        if fresh is not None:
            request.headers["Authorization"] = f"Bearer {fresh}"
            yield request
