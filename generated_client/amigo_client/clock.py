"""The client's clock: the one time source of the client, the server and the sandbox."""

from __future__ import annotations

import time
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # anyio loads with the first asynchronous call, not with the client
    import anyio

__all__ = ["Clock"]


class Clock:
    """The client's time: token renewal, retry budgets and `Retry-After` dates read it, and
    waits go through it. The default is the real clock; tests pass a subclass that moves time
    by hand instead of sleeping."""

    def time(self) -> float:
        """Epoch seconds (token expiry, `Retry-After` dates, `X-RateLimit-Reset`)."""
        return time.time()

    def monotonic(self) -> float:
        """Seconds for measuring budgets."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        import asyncio

        await asyncio.sleep(seconds)

    @property
    def stopped(self) -> bool:
        """True while time moves only when told. The asynchronous clients then also bound each
        wait for an answer on this clock (`deadline`), since no real time passes on it;
        otherwise httpx's timeouts do."""
        return False

    def deadline(self, seconds: float) -> AbstractContextManager[anyio.CancelScope]:
        """A cancel scope that ends the block it guards once `seconds` have passed on this
        clock; its `cancelled_caught` tells whether they did."""
        import anyio

        return anyio.move_on_after(seconds)
