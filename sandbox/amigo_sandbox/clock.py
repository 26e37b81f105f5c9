"""The sandbox's clock: real time by default; the admin API can move it, stop it or restart it.

Everything in the sandbox that depends on time reads this one clock: token expiry, the
one-minute rate-limit windows with their `Retry-After` and `X-RateLimit-Reset`, the timestamps
of created objects and the time prefix of new IDs. Tests move it instead of waiting.

It is an `amigo_client.Clock`, the type the client and the MCP server take their time from, so a
test can hand the same clock to all sides. On a stopped clock a wait moves the clock forward at
once instead of waiting. (The `slow` fault is the exception: it stands for a slow network, so it
waits in real time.)
"""

from __future__ import annotations

import threading
import time
from typing import Any

import anyio
from amigo_client import Clock

from amigo_sandbox.values import timestamp_of

#: Moments the sandbox can represent: IDs carry the time as 8 hex digits of epoch seconds.
EARLIEST = 0.0
LATEST = float(0xFFFFFFFF)


class SandboxClock(Clock):
    """Real time shifted by every move so far; stopped, it stands still until moved."""

    def __init__(self, stopped_at: float | None = None) -> None:
        """The real clock, or, with `stopped_at` (epoch seconds), a clock stopped there."""
        self._lock = threading.Lock()
        self._offset = 0.0  # seconds added to the real wall clock
        self._moved = 0.0  # seconds added to the real monotonic clock (moves forward only)
        self._stopped: tuple[float, float] | None = None  # (wall, monotonic) while stopped
        if stopped_at is not None:
            self.set(stopped_at, stopped=True)

    def time(self) -> float:
        """Epoch seconds, UTC."""
        with self._lock:
            if self._stopped is not None:
                return self._stopped[0]
            return time.time() + self._offset

    def monotonic(self) -> float:
        """Seconds that only ever grow: setting the wall time does not move it, `advance` does."""
        with self._lock:
            if self._stopped is not None:
                return self._stopped[1]
            return time.monotonic() + self._moved

    def sleep(self, seconds: float) -> None:
        if self.stopped:
            self.advance(max(0.0, seconds))
        else:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        if self.stopped:
            self.advance(max(0.0, seconds))
            await anyio.sleep(0)
        else:
            await anyio.sleep(seconds)

    @property
    def stopped(self) -> bool:
        with self._lock:
            return self._stopped is not None

    def advance(self, seconds: float) -> None:
        """Move forward by `seconds` (not backwards: use `set` for that)."""
        if seconds < 0:
            raise ValueError("the clock only advances; set it to go back")
        with self._lock:
            self._offset += seconds
            self._moved += seconds
            if self._stopped is not None:
                wall, mono = self._stopped
                self._stopped = (wall + seconds, mono + seconds)

    def set(self, moment: float | None = None, *, stopped: bool | None = None) -> None:
        """Show `moment` (epoch seconds; None: keep the current reading), and stop the clock or
        let it run (None: as it is)."""
        with self._lock:
            real_wall, real_mono = time.time(), time.monotonic()
            if self._stopped is not None:
                wall, mono = self._stopped
            else:
                wall, mono = real_wall + self._offset, real_mono + self._moved
            if moment is not None:
                wall = moment
            self._offset, self._moved = wall - real_wall, mono - real_mono
            keep_stopped = self._stopped is not None if stopped is None else stopped
            self._stopped = (wall, mono) if keep_stopped else None

    def reset(self) -> None:
        """Back to the real wall clock, running (`monotonic` still never goes back)."""
        with self._lock:
            if self._stopped is not None:
                self._moved = self._stopped[1] - time.monotonic()
            self._offset = 0.0
            self._stopped = None

    def to_json(self) -> dict[str, Any]:
        now = self.time()
        return {"now": timestamp_of(now), "epoch_s": now, "stopped": self.stopped}
