"""When to try a call again: 429 and 503 answers, and connection failures where a repeat is safe.

`RetryPolicy` holds the decisions (how often, how long to wait, within which budget); the client
runs them, and the MCP server runs the same policy around its tool calls.

- A 429 or 503 was refused before the operation ran, so every operation may be retried; the wait
  is the API's `Retry-After` (seconds or an HTTP date) or `X-RateLimit-Reset` (epoch seconds),
  plus a little jitter, or else exponential backoff with jitter.
- A failed connection is retried when the request provably never left (connect errors, connect
  and pool timeouts), or when the operation is safe to repeat (reads). A write that may have
  reached the API is never sent twice.
- No wait may end after the call's time budget.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["RETRY_STATUSES", "RetryPolicy", "retry_after_seconds", "was_not_sent"]

RETRY_STATUSES = frozenset({429, 503})


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
    """How many attempts, how long between them, and the time budget of one call (seconds)."""

    max_attempts: int = 4
    base_delay_s: float = 0.5
    max_delay_s: float = 30.0
    budget_s: float = 60.0
    jitter: float = 0.25

    def backoff(self, attempt: int, rng: Callable[[], float] = random.random) -> float:
        """Delay before attempt `attempt + 1` (attempt counts from 1) without a server hint."""
        delay: float = min(self.max_delay_s, self.base_delay_s * 2.0 ** (attempt - 1))
        return delay * (1 + self.jitter * rng())

    def delay_for_status(
        self,
        status: int,
        headers: Mapping[str, str],
        attempt: int,
        now: float,
        rng: Callable[[], float] = random.random,
    ) -> float | None:
        """How long to wait before retrying an HTTP answer, or None when it is final."""
        if status not in RETRY_STATUSES:
            return None
        return self.delay_after(retry_after_seconds(headers, now), attempt, rng)

    def delay_after(
        self, hint: float | None, attempt: int, rng: Callable[[], float] = random.random
    ) -> float:
        """The wait before retrying a refused request: the API's hint (seconds) plus a little
        jitter, so that many waiting calls do not return in one burst, or else the backoff."""
        if hint is not None:
            return hint + self.base_delay_s * self.jitter * rng()
        return self.backoff(attempt, rng)

    def retries_error(self, error: BaseException, safe_to_repeat: bool) -> bool:
        """Whether a transport failure may be retried without risking a duplicate write."""
        import httpx

        return was_not_sent(error) or (safe_to_repeat and isinstance(error, httpx.TransportError))
