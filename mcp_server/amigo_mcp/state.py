"""Where the server keeps state that several replicas must share: in the process, or in Redis.

One small interface, `StateStore`, holds JSON values under string keys, each with an expiry:
`get` reads one, `update` changes one atomically (read, decide, write, as one step even when
other processes change the same key meanwhile), `touch` extends one's life. Everything shared is
built on these three, one way each, whichever store runs underneath:

- rate windows per user and operation (`resilience.RateSpacer`);
- the server's own Amigo token and the lock that lets one replica renew it (`auth.SharedSignIn`);
- which replica holds each stateful streamable-HTTP session (`replica_proxy.SessionRouter`);
- the key that seals the confirmation state handed to clients on 2026-07-28
  (`shared_confirmation_key`).

`MemoryStore` (the default) keeps them in this process; `RedisStore` (`AMIGO_MCP_STATE_URL`)
keeps them in Redis, where every replica sees the same values. `update` runs on Redis as an
optimistic transaction (WATCH, read, MULTI, write, EXEC; repeated when another process changed
the key in between), so the decision itself is the same Python code for both stores.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from amigo_client.clock import Clock
from amigo_client.config import shown_url
from amigo_client.exceptions import AmigoError

if TYPE_CHECKING:
    import redis.asyncio

R = TypeVar("R")
# Given a key's current value (None when absent), the value to keep (None deletes it) and what
# `update` returns.
Change = Callable[[Any], tuple[Any, R]]

PREFIX = "amigo-mcp:"
# Where the shared confirmation key is kept (the SDK calls what it seals "request state").
CONFIRMATION_KEY_NAME = "request-state-key"


class StateStoreError(AmigoError):
    """The shared store cannot be used; the message names it (a password never appears)."""


class StateStore(Protocol):
    # True when other processes see the same values (Redis).
    shared: bool

    async def get(self, key: str) -> Any:
        """The value under `key`, or None."""
        ...

    async def update(self, key: str, change: Change[R], ttl_s: float | None) -> R:
        """Apply `change` to `key` atomically. A new value different from the current one is
        written to expire after `ttl_s` seconds (never, when None); an equal one keeps its
        expiry; None deletes the key."""
        ...

    async def touch(self, key: str, ttl_s: float) -> None:
        """Let `key` live `ttl_s` seconds from now (nothing when it is absent)."""
        ...

    async def aclose(self) -> None: ...


class MemoryStore:
    """State of this process only: what a single server needs, and the default."""

    shared = False

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        # key -> (value, expires at on the clock's monotonic time, or None)
        self._values: dict[str, tuple[Any, float | None]] = {}

    def _expiry(self, ttl_s: float | None) -> float | None:
        return None if ttl_s is None else self.clock.monotonic() + ttl_s

    async def get(self, key: str) -> Any:
        held = self._values.get(key)
        if held is None:
            return None
        value, expires_at = held
        if expires_at is not None and expires_at <= self.clock.monotonic():
            del self._values[key]
            return None
        return value

    async def update(self, key: str, change: Change[R], ttl_s: float | None) -> R:
        # No await between the read and the write: atomic on the event loop.
        current = await self.get(key)
        self._forget_expired()
        new, result = change(current)
        if new is None:
            self._values.pop(key, None)
        elif new != current:
            self._values[key] = (new, self._expiry(ttl_s))
        return result

    async def touch(self, key: str, ttl_s: float) -> None:
        if await self.get(key) is not None:
            self._values[key] = (self._values[key][0], self._expiry(ttl_s))

    def _forget_expired(self) -> None:
        """Drop expired keys now and then, so that keys of users long gone do not pile up."""
        if len(self._values) % 256 == 0:
            now = self.clock.monotonic()
            for key in [k for k, (_, at) in self._values.items() if at is not None and at <= now]:
                del self._values[key]

    async def aclose(self) -> None:
        self._values.clear()


class RedisStore:
    """State in Redis: every replica pointed at the same Redis sees the same values."""

    shared = True

    def __init__(self, client: redis.asyncio.Redis, url: str) -> None:
        self._client = client
        self.shown_url = shown_url(url)

    @classmethod
    async def connect(cls, url: str) -> RedisStore:
        """Connect and PING; an unreachable Redis is a `StateStoreError` naming the URL."""
        import redis.asyncio
        from redis.exceptions import RedisError

        client = redis.asyncio.Redis.from_url(
            url, decode_responses=True, socket_connect_timeout=5, socket_timeout=10
        )
        store = cls(client, url)
        try:
            await client.ping()
        except (RedisError, OSError) as exc:
            await client.aclose()
            # The library's message names host and port, never the password; scrub it anyway.
            reason = str(exc).replace(url, store.shown_url)
            raise StateStoreError(
                f"cannot use the shared state store at {store.shown_url} (AMIGO_MCP_STATE_URL): "
                f"{type(exc).__name__}: {reason}"
            ) from None
        return store

    async def get(self, key: str) -> Any:
        raw = await self._client.get(PREFIX + key)
        return None if raw is None else json.loads(raw)

    async def update(self, key: str, change: Change[R], ttl_s: float | None) -> R:
        name = PREFIX + key

        async def attempt(pipe: Any) -> R:
            raw = await pipe.get(name)  # immediate: the key is being watched
            current = None if raw is None else json.loads(raw)
            new, result = change(current)
            pipe.multi()
            if new is None:
                if current is not None:
                    pipe.delete(name)
            elif new != current:
                px = None if ttl_s is None else max(1, int(ttl_s * 1000))
                pipe.set(name, json.dumps(new, separators=(",", ":")), px=px)
            return result

        result: R = await self._client.transaction(attempt, name, value_from_callable=True)
        return result

    async def touch(self, key: str, ttl_s: float) -> None:
        await self._client.pexpire(PREFIX + key, max(1, int(ttl_s * 1000)))

    async def aclose(self) -> None:
        await self._client.aclose()


def put(value: Any) -> Change[None]:
    """A change that writes `value` whatever was there (None deletes the key)."""
    return lambda _current: (value, None)


def claim(value: Any) -> Change[bool]:
    """A change that writes `value` only when the key is absent, and says whether it did."""
    return lambda current: (current or value, current is None)


def drop_if(value: Any) -> Change[None]:
    """A change that deletes the key only while it still holds `value`."""
    return lambda current: (None if current == value else current, None)


async def shared_confirmation_key(store: StateStore) -> bytes:
    """The key that seals confirmation state handed to clients (2026-07-28): made once and shared
    by every replica of the store, so that a client's answer may reach any of them."""
    await store.update(CONFIRMATION_KEY_NAME, claim(os.urandom(32).hex()), None)
    shared: str = await store.get(CONFIRMATION_KEY_NAME)
    return bytes.fromhex(shared)
