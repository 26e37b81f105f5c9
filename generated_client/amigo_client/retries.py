"""When to try a call again, and how calls are spaced under rate limits.

`RetryPolicy` holds the decisions (how often, how long to wait, within which total time); the one
retry loop (`transport.Attempts`) runs them for the client, the MCP server and `amigo-mcp call`.

- An answer is retried when repeating it is safe: a read (an operation safe to repeat) on 408,
  429, 500, 502, 503 and 504; a write only on 429 and 503, which refuse the request before it
  runs. Sign-in (the token exchange) is retried like a read.
- A failed connection is retried when the request provably never left (connect errors, connect
  and pool timeouts), or when the operation is safe to repeat. A write that may have reached
  the API is never sent twice.
- The wait is the API's hint (`Retry-After` in seconds or as an HTTP date, or
  `X-RateLimit-Reset` in epoch seconds) capped at `max_delay_s`, plus a little jitter, or else
  exponential backoff with jitter. A hint that ends after the call's total time (`budget_s`)
  ends the call at once, with the error saying when to try again: no call blocks past it.

`RateGate` spaces calls before the API has to refuse them: each operation under its documented
per-minute limit (a sliding minute), and held back while the API's own window (its
`X-RateLimit-Remaining` / `X-RateLimit-Reset` headers) says it is used up. The default keeps its
counts in this process; a subclass may keep them elsewhere (the MCP server keeps them in its
state store, Redis when replicas share the limits) by overriding `aupdate`.
"""

from __future__ import annotations

import random
import threading
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = [
    "READ_RETRY_STATUSES",
    "RETRY_STATUSES",
    "WINDOW_S",
    "Hold",
    "RateGate",
    "RetryPolicy",
    "retry_after_seconds",
    "was_not_sent",
]

# Refused before the operation ran: any operation may be sent again.
RETRY_STATUSES = frozenset({429, 503})
# Worth another try for an operation that is safe to repeat.
READ_RETRY_STATUSES = RETRY_STATUSES | {408, 500, 502, 504}


def retry_after_seconds(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds to wait, from `Retry-After` (seconds or an HTTP date) or `X-RateLimit-Reset`
    (epoch seconds); `now` is the current epoch time. None when the answer gives no hint."""
    raw = headers.get("retry-after")
    if raw is not None:
        try:
            return max(0.0, float(raw))
        except ValueError:
            pass
        from email.utils import parsedate_to_datetime

        try:
            return max(0.0, parsedate_to_datetime(raw).timestamp() - now)
        except (TypeError, ValueError):
            pass
    reset = headers.get("x-ratelimit-reset")
    if reset is not None:
        try:
            return max(0.0, float(reset) - now)
        except ValueError:
            pass
    return None


def was_not_sent(error: BaseException) -> bool:
    """Whether a transport failure happened before the request left: a repeat is always safe."""
    import httpx  # on first failure, not at import: the MCP server reads this module at start

    return isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """How many attempts, how long between them, and the total time of one call (seconds,
    `budget_s`: attempts, sign-in and waits included; each attempt also has the client's
    per-request timeout)."""

    max_attempts: int = 4
    base_delay_s: float = 0.5
    max_delay_s: float = 30.0
    budget_s: float = 60.0
    jitter: float = 0.25

    def backoff(self, attempt: int, rng: Callable[[], float] = random.random) -> float:
        """Delay before attempt `attempt + 1` (attempt counts from 1) without a server hint."""
        delay: float = min(self.max_delay_s, self.base_delay_s * 2.0 ** (attempt - 1))
        return delay * (1 + self.jitter * rng())

    def retries_status(self, status: int, safe_to_repeat: bool) -> bool:
        """Whether an answer with `status` may be tried again."""
        return status in (READ_RETRY_STATUSES if safe_to_repeat else RETRY_STATUSES)

    def delay_after(
        self, hint: float | None, attempt: int, rng: Callable[[], float] = random.random
    ) -> float:
        """The wait before trying again: the API's hint (seconds) capped at `max_delay_s`, plus
        a little jitter so that many waiting calls do not return in one burst, or else the
        backoff."""
        if hint is not None:
            return min(hint, self.max_delay_s) + self.base_delay_s * self.jitter * rng()
        return self.backoff(attempt, rng)

    def retries_error(self, error: BaseException, safe_to_repeat: bool) -> bool:
        """Whether a transport failure may be retried without risking a duplicate write."""
        import httpx

        return was_not_sent(error) or (safe_to_repeat and isinstance(error, httpx.TransportError))


# --- rate spacing -------------------------------------------------------------------------------

WINDOW_S = 60.0
R = TypeVar("R")


@dataclass(frozen=True)
class Hold:
    """How long a call must wait before it may be sent (0: it was counted and may go now), and
    whether the API's own count (rather than ours) is what holds it."""

    wait: float
    api: bool = False


def _window(state: Any, now: float) -> tuple[list[float], list[float] | None]:
    """The calls sent in the last minute and the API's window for one key, as of `now`.

    When the API reported its window (`X-RateLimit-Remaining` and `X-RateLimit-Reset`), its count
    governs until that window resets: it knows calls made by others for the same user, and its
    fixed window often frees room sooner than a sliding minute. Once it has reset, calls sent
    before no longer count against our own sliding minute either.
    """
    sent: list[float] = state["sent"] if state else []  # in time order (see `_reserve`)
    window: list[float] | None = state.get("window") if state else None
    if window is not None and now >= window[1]:
        sent = sent[bisect_left(sent, window[1]) :]
        window = None
    return sent[bisect_right(sent, now - WINDOW_S) :], window


def _reserve(state: Any, limit: int | None, now: float) -> tuple[Any, Hold]:
    sent, window = _window(state, now)
    if window is not None:
        if window[0] <= 0:
            return state, Hold(window[1] - now, api=True)
    elif limit and len(sent) >= limit:
        return state, Hold(sent[-limit] + WINDOW_S - now)
    insort(sent, now)  # in time order, also when calls of several threads come out of turn
    if limit:
        del sent[:-limit]  # older calls can no longer hold anything back
    if window is not None:
        window = [window[0] - 1, window[1]]
    return {"sent": sent, "window": window}, Hold(0.0)


def _learn(state: Any, remaining: int, resets_at: float, now: float) -> tuple[Any, None]:
    sent, _ = _window(state, now)
    return {"sent": sent, "window": [remaining, resets_at]}, None


def _api_window(headers: Mapping[str, str], now: float) -> tuple[int, float] | None:
    """(calls left, reset moment) from an answer's rate-limit headers, when it gives both."""
    raw = headers.get("x-ratelimit-remaining")
    if raw is None:
        return None
    try:
        remaining = int(float(raw))
    except ValueError:
        return None
    wait = retry_after_seconds({"x-ratelimit-reset": headers.get("x-ratelimit-reset", "")}, now)
    return (remaining, now + wait) if wait else None


def _ttl(now: float, resets_at: float | None = None) -> float:
    """Keep a key while anything in it can still hold a call back; then it expires."""
    return max(WINDOW_S, (resets_at or now) - now) + 1.0


class RateGate:
    """Keeps calls under each key's per-minute limit, and holds a key back while the API says
    its window is used up. A key is an operation, or an operation and a user when calls carry
    their user's own token (Amigo counts per user). `now` is epoch seconds on the caller's clock.

    The one retry loop asks `reserve` before every attempt (waiting and asking again while it
    holds) and gives every answer's headers to `learn`. This class counts in this process, for
    threads and tasks alike; override `aupdate` to count elsewhere (asynchronous calls only).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # key -> (state, expires at in epoch seconds)
        self._values: dict[str, tuple[Any, float]] = {}

    def update(
        self, key: str, change: Callable[[Any], tuple[Any, R]], ttl_s: float, now: float
    ) -> R:
        """Apply `change` to the state of `key` in one atomic step; return what it returns."""
        with self._lock:
            held = self._values.get(key)
            current = held[0] if held is not None and held[1] > now else None
            new, result = change(current)
            if new is None:
                self._values.pop(key, None)
            else:
                self._values[key] = (new, now + ttl_s)
            if len(self._values) % 256 == 0:  # forget keys of users long gone now and then
                for old in [k for k, (_, at) in self._values.items() if at <= now]:
                    del self._values[old]
            return result

    async def aupdate(
        self, key: str, change: Callable[[Any], tuple[Any, R]], ttl_s: float, now: float
    ) -> R:
        return self.update(key, change, ttl_s, now)

    def reserve(self, key: str, limit: int | None, now: float) -> Hold:
        """Count one call of `key` now if it may be sent; otherwise count nothing and say how
        long to wait (then ask again)."""
        return self.update(key, lambda state: _reserve(state, limit, now), _ttl(now), now)

    async def areserve(self, key: str, limit: int | None, now: float) -> Hold:
        return await self.aupdate(key, lambda state: _reserve(state, limit, now), _ttl(now), now)

    def learn(self, key: str, headers: Mapping[str, str], now: float) -> None:
        """Take the API's count of `key`'s window from an answer's rate-limit headers."""
        found = _api_window(headers, now)
        if found is not None:
            remaining, resets_at = found
            change = lambda state: _learn(state, remaining, resets_at, now)  # noqa: E731
            self.update(key, change, _ttl(now, resets_at), now)

    async def alearn(self, key: str, headers: Mapping[str, str], now: float) -> None:
        found = _api_window(headers, now)
        if found is not None:
            remaining, resets_at = found
            change = lambda state: _learn(state, remaining, resets_at, now)  # noqa: E731
            await self.aupdate(key, change, _ttl(now, resets_at), now)
