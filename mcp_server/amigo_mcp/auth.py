"""Which bearer tokens the server's calls carry; the mechanics are the client's.

Sign-in with the API key, renewal before `expires_at`, the one retry after a 401 and a shared
sign-in for concurrent calls all come from `amigo_client.auth`. What is the server's own: hosted
multi-user mode, where the token that came with the MCP request (`X-Amigo-Token`) wins for that
request and is never cached (the invoker hands it to the client's retry loop as the call's
token, `amigo_client.transport.Hooks`), a server without credentials of its own refuses any
other call, and `SharedSignIn`, which keeps the server's own token in the state store so that
replicas sharing it sign in once between them. Imported at the first tool call, not at start-up.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from amigo_client import Client
from amigo_client.auth import ApiKeySignIn, BearerAuth, TokenSource, token_source
from amigo_client.clock import Clock
from amigo_client.exceptions import APIConnectionError, ConfigurationError

from amigo_mcp.settings import Settings
from amigo_mcp.state import StateStore, claim, drop_if, put


class PerRequestOnly(TokenSource):
    """Hosted multi-user mode without credentials of the server's own."""

    MESSAGE = (
        "This server has no Amigo credentials of its own: each request must carry its user's "
        "Amigo bearer token in the X-Amigo-Token header."
    )

    async def atoken(self) -> str:
        raise ConfigurationError(self.MESSAGE)


class SharedSignIn(TokenSource):
    """The server's own token, kept in the state store until it is due for renewal.

    A replica that finds no fresh token there takes the renewal lock (set only if absent, with
    an expiry, so a replica that dies holding it delays the others by `LOCK_S` at most), signs in
    through `ApiKeySignIn`, and stores the token to expire when its renewal is due. The others
    poll the store on the clock until the token appears. The token is a secret: it is stored,
    never logged, and every replica that reads it adds it to its scrubber (`on_token`).
    """

    LOCK_S = 30.0
    POLL_S = 0.05

    def __init__(
        self,
        sign_in: ApiKeySignIn,
        store: StateStore,
        clock: Clock,
        on_token: Callable[[str], None],
        identity: str,
    ) -> None:
        self._sign_in = sign_in
        self._store = store
        self._clock = clock
        self._on_token = on_token
        # One token per set of credentials: replicas of different configurations may share Redis.
        digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
        self._key = f"token:{digest}"
        self._lock_key = f"token-renewal:{digest}"
        self._local: asyncio.Lock | None = None
        self._held: Any = None  # the last {"token", "renew_at"} seen

    def __repr__(self) -> str:
        return f"SharedSignIn(shared={self._store.shared}, sign_ins={self._sign_in.sign_ins})"

    async def atoken(self) -> str:
        return await self._shared(stale=None)

    async def arefresh(self, rejected: str) -> str | None:
        return await self._shared(stale=rejected)

    def _usable(self, held: Any, stale: str | None) -> str | None:
        if not held or held["token"] == stale or self._clock.time() >= held["renew_at"]:
            return None
        token: str = held["token"]
        if held is not self._held:
            self._on_token(token)
            self._held = held
        return token

    async def _shared(self, stale: str | None) -> str:
        # The last token seen serves until it is due or rejected, without asking the store.
        token = self._usable(self._held, stale)
        if token is None:
            token = self._usable(await self._store.get(self._key), stale)
        if token is not None:
            return token
        if self._local is None:
            self._local = asyncio.Lock()
        async with self._local:  # one task of this process renews or waits; the rest follow it
            give_up = self._clock.monotonic() + self.LOCK_S
            while True:
                token = self._usable(await self._store.get(self._key), stale)
                if token is not None:
                    return token
                me = uuid.uuid4().hex
                if await self._store.update(self._lock_key, claim(me), self.LOCK_S):
                    try:
                        return await self._renew(stale)
                    finally:
                        await self._store.update(self._lock_key, drop_if(me), None)
                if self._clock.monotonic() > give_up:
                    raise APIConnectionError(
                        "Signing in to Amigo: another replica has held the renewal lock for "
                        f"{self.LOCK_S:g} s without storing a token.",
                        request_sent=False,
                    )
                await self._clock.asleep(self.POLL_S)

    async def _renew(self, stale: str | None) -> str:
        # Another replica may have stored a token between the read and taking the lock.
        token = self._usable(await self._store.get(self._key), stale)
        if token is not None:
            return token
        found = await self._sign_in.arefresh(rejected=stale or "")
        assert found is not None
        renew_at = self._sign_in.renew_at
        held = {"token": found, "renew_at": renew_at}
        ttl = max(1.0, renew_at - self._clock.time())
        await self._store.update(self._key, put(held), ttl)
        self._held = held
        return found


def authenticate(
    settings: Settings,
    http: httpx.AsyncClient,
    on_token: Callable[[str], None],
    clock: Clock,
    store: StateStore,
) -> TokenSource:
    """Install bearer authentication on `http` for these settings; return its token source."""
    source: TokenSource
    if settings.auth_mode == "per_request":
        source = PerRequestOnly()
    else:
        client = Client(base_url=settings.base_url).set_async_httpx_client(http)
        source = token_source(settings.using(clock=clock), client, on_token=on_token)
    if isinstance(source, ApiKeySignIn):
        identity = "|".join(
            (
                settings.base_url,
                settings.organization_id,
                settings.api_key_id or "",
                settings.user_id or "",
            )
        )
        source = SharedSignIn(source, store, clock, on_token, identity)
    http.auth = BearerAuth(source)
    return source
