"""The sandbox's clock: real time by default; the admin API can move it, stop it or restart it.

Everything in the sandbox that depends on time reads this one clock: token expiry, the
one-minute rate-limit windows with their `Retry-After` and `X-RateLimit-Reset`, the timestamps
of created objects and the time prefix of new IDs. Tests move it instead of waiting.

It is an `amigo_client.Clock`, the type the client and the MCP server take their time from, so a
test can hand the same clock to all sides. On a stopped clock a wait moves the clock forward at
once instead of waiting, and a client sharing the clock bounds its waits for answers on it
(`deadline`). A slow answer (`stall`, the `slow` fault) then takes no real time either: when a
client's deadline comes first, the clock moves to it and the client gives up as it would have
in real time; otherwise the clock moves past the delay and the answer goes out.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
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
        self._lock = threading.RLock()
        self._offset = 0.0  # seconds added to the real wall clock
        self._moved = 0.0  # seconds added to the real monotonic clock (moves forward only)
        self._stopped: tuple[float, float] | None = None  # (wall, monotonic) while stopped
        # The open deadlines taken while stopped: monotonic moment, the loop and scope they end.
        self._deadlines: dict[object, tuple[float, asyncio.AbstractEventLoop, anyio.CancelScope]]
        self._deadlines = {}
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

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[anyio.CancelScope]:
        """Running, real time; stopped, the scope ends when the clock is moved past `seconds`
        from now, by whichever thread moves it (or, if the clock runs again first, once they
        have passed in real time)."""
        with self._lock:
            at = None if self._stopped is None else self._stopped[1] + seconds
        if at is None:
            with anyio.move_on_after(seconds) as scope:
                yield scope
            return
        scope, key = anyio.CancelScope(), object()
        with self._lock:
            self._deadlines[key] = (at, asyncio.get_running_loop(), scope)
        try:
            with scope:
                yield scope
        finally:
            with self._lock:
                self._deadlines.pop(key, None)

    async def stall(
        self,
        seconds: float,
        gone: Callable[[], Awaitable[None]],
        leaving: Callable[[], object],
    ) -> bool:
        """Hold an answer back for `seconds` unless its client gives up first (`gone` returns
        once it has): True when the time passed, False when the client went, after `leaving`
        was called. Running, in real time. Stopped, at once: if a deadline (see `deadline`)
        falls within the delay, `leaving` is called before the clock moves to the first one,
        then the answer waits for its client to go; otherwise the clock moves past the delay."""
        with self._lock:
            now = None if self._stopped is None else self._stopped[1]
            first = min((at for at, _, _ in self._deadlines.values()), default=None)
        if now is not None:
            if first is None or first > now + seconds:
                self.advance(seconds)
                await anyio.sleep(0)
                return True
            leaving()
            self._move_to(first)
            await gone()
            return False
        answered = True
        async with anyio.create_task_group() as waiting:

            async def watch() -> None:
                nonlocal answered
                await gone()
                answered = False
                leaving()
                waiting.cancel_scope.cancel()

            waiting.start_soon(watch)
            await anyio.sleep(seconds)
            waiting.cancel_scope.cancel()
        return answered

    def advance(self, seconds: float) -> None:
        """Move forward by `seconds` (not backwards: use `set` for that), ending the deadlines
        this passes."""
        if seconds < 0:
            raise ValueError("the clock only advances; set it to go back")
        with self._lock:
            if self._stopped is None:
                self._offset += seconds
                self._moved += seconds
            else:
                self._move_to(self._stopped[1] + seconds)

    def _move_to(self, moment: float) -> None:
        """Move a stopped clock forward to the monotonic `moment` exactly, ending the deadlines
        at or before it."""
        with self._lock:
            if self._stopped is None:
                return
            wall, mono = self._stopped
            moment = max(mono, moment)
            step = moment - mono
            self._offset += step
            self._moved += step
            self._stopped = (wall + step, moment)
            for key in [key for key, (at, _, _) in self._deadlines.items() if at <= moment]:
                _, loop, scope = self._deadlines.pop(key)
                loop.call_soon_threadsafe(scope.cancel)

    def _rearm(self) -> None:
        """The clock runs again: the open deadlines now end in real time (under the lock)."""
        mono = time.monotonic() + self._moved
        for at, loop, scope in self._deadlines.values():
            loop.call_soon_threadsafe(_end_later, loop, max(0.0, at - mono), scope)
        self._deadlines.clear()

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
            if self._stopped is not None and not keep_stopped:
                self._rearm()
            self._stopped = (wall, mono) if keep_stopped else None

    def reset(self) -> None:
        """Back to the real wall clock, running (`monotonic` still never goes back)."""
        with self._lock:
            if self._stopped is not None:
                self._moved = self._stopped[1] - time.monotonic()
                self._rearm()
            self._offset = 0.0
            self._stopped = None

    def to_json(self) -> dict[str, Any]:
        now = self.time()
        return {"now": timestamp_of(now), "epoch_s": now, "stopped": self.stopped}


def _end_later(loop: asyncio.AbstractEventLoop, seconds: float, scope: anyio.CancelScope) -> None:
    loop.call_later(seconds, scope.cancel)
