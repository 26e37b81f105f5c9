"""Per-user, per-operation, per-minute request limits (fixed one-minute windows)."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

WINDOW_S = 60


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_epoch: int
    retry_after_s: int

    def headers(self) -> dict[str, str]:
        out = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_epoch),
        }
        if not self.allowed:
            out["Retry-After"] = str(self.retry_after_s)
        return out


class RateLimiter:
    """Counts requests in the current minute for each (organization, user, operation)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, ...], tuple[int, int]] = {}  # key -> (window start, count)

    def hit(self, key: tuple[str, ...], limit: int, now: float) -> RateDecision:
        window = int(now // WINDOW_S) * WINDOW_S
        reset = window + WINDOW_S
        with self._lock:
            start, count = self._windows.get(key, (window, 0))
            if start != window:
                count = 0
            if count >= limit:
                self._windows[key] = (window, count)
                return RateDecision(False, limit, 0, reset, max(1, math.ceil(reset - now)))
            count += 1
            self._windows[key] = (window, count)
            if len(self._windows) > 10_000:  # forget finished windows now and then
                self._windows = {k: v for k, v in self._windows.items() if v[0] == window}
            return RateDecision(True, limit, limit - count, reset, 0)

    def clear(self) -> None:
        with self._lock:
            self._windows.clear()
