"""Client-side rate spacing for calls to Amigo (the retry policy itself is the client's,
`amigo_client.retries.RetryPolicy`).

- `RateSpacer` keeps each operation under its documented per-minute limit (the spec's
  `x-rate-limit-per-minute`) by spacing calls before the API has to answer 429, and holds an
  operation back when the API says its window is used up. Its counts live in a `StateStore`:
  this process's memory, or Redis shared by every replica (`AMIGO_MCP_STATE_URL`), so that
  replicas together stay under a limit that each alone would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from amigo_client.clock import Clock
from amigo_client.retries import retry_after_seconds

from amigo_mcp.state import MemoryStore, StateStore

WINDOW_S = 60.0
KEY_PREFIX = "rate:"


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
    sent: list[float] = list(state["sent"]) if state else []
    window: list[float] | None = state.get("window") if state else None
    if window is not None and now >= window[1]:
        sent = [t for t in sent if t >= window[1]]
        window = None
    return [t for t in sent if t > now - WINDOW_S], window


def _reserve(state: Any, limit: int | None, now: float) -> tuple[Any, Hold]:
    sent, window = _window(state, now)
    if window is not None:
        if window[0] <= 0:
            return state, Hold(window[1] - now, api=True)
    elif limit and len(sent) >= limit:
        return state, Hold(sent[-limit] + WINDOW_S - now)
    sent.append(now)
    if limit:
        del sent[:-limit]  # older calls can no longer hold anything back
    if window is not None:
        window = [window[0] - 1, window[1]]
    return {"sent": sent, "window": window}, Hold(0.0)


def _learn(state: Any, remaining: int, resets_at: float, now: float) -> tuple[Any, None]:
    sent, _ = _window(state, now)
    return {"sent": sent, "window": [remaining, resets_at]}, None


@dataclass
class RateSpacer:
    """Keeps calls under each operation's per-minute limit (per user, when calls carry the
    user's own token), counting in `store` on the clock's epoch time (shared by replicas)."""

    clock: Clock = field(default_factory=Clock)
    store: StateStore = field(default_factory=MemoryStore)

    def _ttl(self, resets_at: float | None = None) -> float:
        """Keep a key while anything in it can still hold a call back; then it expires."""
        now = self.clock.time()
        return max(WINDOW_S, (resets_at or now) - now) + 1.0

    async def reserve(self, key: str, limit: int | None) -> Hold:
        """Count one call of `key` now if it may be sent, in one atomic step; otherwise count
        nothing and say how long to wait (then ask again)."""
        now = self.clock.time()
        return await self.store.update(
            KEY_PREFIX + key, lambda state: _reserve(state, limit, now), self._ttl()
        )

    async def learn(self, key: str, headers: Mapping[str, str]) -> None:
        """Take the API's count of `key`'s window from an answer's rate-limit headers."""
        raw = headers.get("x-ratelimit-remaining")
        if raw is None:
            return
        try:
            remaining = int(float(raw))
        except ValueError:
            return
        now = self.clock.time()
        wait = retry_after_seconds({"x-ratelimit-reset": headers.get("x-ratelimit-reset", "")}, now)
        if wait:
            resets_at = now + wait
            await self.store.update(
                KEY_PREFIX + key,
                lambda state: _learn(state, remaining, resets_at, now),
                self._ttl(resets_at),
            )
