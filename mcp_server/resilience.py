"""Client-side rate spacing for calls to Amigo (the retry policy itself is the client's,
`amigo_client.retries.RetryPolicy`).

- `RateSpacer` keeps each operation under its documented per-minute limit (the spec's
  `x-rate-limit-per-minute`) by spacing calls before the API has to answer 429, and holds an
  operation back when the API says its window is used up.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field

from amigo_client.config import Clock
from amigo_client.retries import retry_after_seconds

WINDOW_S = 60.0
MAX_KEYS = 1000


@dataclass
class RateSpacer:
    """Keeps calls under each operation's per-minute limit (per user, when calls carry the
    user's own token).

    When the API reports its window (`X-RateLimit-Remaining` and `X-RateLimit-Reset`), its
    count governs until that window resets: it knows calls made by other processes for the same
    user, and its fixed window often frees room sooner than a sliding minute. Otherwise our own
    count does: a sliding minute of the calls sent.
    """

    clock: Clock = field(default_factory=Clock)
    _sent: dict[str, deque[float]] = field(default_factory=dict)
    # The API's word on a key: calls left in its current window, and when that window resets.
    _window: dict[str, tuple[int, float]] = field(default_factory=dict)

    def wait_before(self, key: str, limit: int | None) -> float:
        """Seconds to wait before `key` may send again (0 when it may send now)."""
        return max(self.api_wait(key), self.own_wait(key, limit))

    def _api_window(self, key: str) -> tuple[int, float] | None:
        """The API's current window for `key`; once it has reset, calls sent before no longer
        count against our own sliding minute either."""
        window = self._window.get(key)
        if window is None:
            return None
        resets_at = window[1]
        if self.clock.monotonic() < resets_at:
            return window
        sent = self._sent.get(key)
        while sent and sent[0] < resets_at:
            sent.popleft()
        del self._window[key]
        return None

    def api_wait(self, key: str) -> float:
        """The wait the API asked for: it said `key`'s window is used up."""
        window = self._api_window(key)
        if window is None or window[0] > 0:
            return 0.0
        return max(0.0, window[1] - self.clock.monotonic())

    def own_wait(self, key: str, limit: int | None) -> float:
        """The wait that keeps `key` under `limit` calls in any minute, by our own count (none
        while the API's count governs)."""
        if not limit or self._api_window(key) is not None:
            return 0.0
        now = self.clock.monotonic()
        sent = self._sent.setdefault(key, deque())
        while sent and sent[0] <= now - WINDOW_S:
            sent.popleft()
        return max(0.0, sent[0] + WINDOW_S - now) if len(sent) >= limit else 0.0

    def record(self, key: str) -> None:
        now = self.clock.monotonic()
        if len(self._sent) > MAX_KEYS:
            # Keys come and go with users' tokens: forget those with nothing in the window.
            for old in [
                k for k, sent in self._sent.items() if not sent or sent[-1] <= now - WINDOW_S
            ]:
                del self._sent[old]
            for old in [k for k, (_, resets_at) in self._window.items() if resets_at <= now]:
                del self._window[old]
        self._sent.setdefault(key, deque()).append(now)
        if key in self._window:
            remaining, resets_at = self._window[key]
            self._window[key] = (remaining - 1, resets_at)

    def learn(self, key: str, headers: Mapping[str, str]) -> None:
        """Take the API's count of `key`'s window from an answer's rate-limit headers."""
        raw = headers.get("x-ratelimit-remaining")
        if raw is None:
            return
        try:
            remaining = int(float(raw))
        except ValueError:
            return
        reset = {"x-ratelimit-reset": headers.get("x-ratelimit-reset", "")}
        wait = retry_after_seconds(reset, self.clock.time())
        if wait:
            self._window[key] = (remaining, self.clock.monotonic() + wait)
