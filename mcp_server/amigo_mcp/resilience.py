"""The server's rate gate: the client's spacing (`amigo_client.retries.RateGate`), counted in the
server's `StateStore`.

The client's retry loop asks the gate before every attempt and tells it every answer's
rate-limit headers; the gate keeps each operation under its documented per-minute limit (the
spec's `x-rate-limit-per-minute`) and holds an operation back while the API says its window is
used up. Here the counts live in this process's memory, or in Redis shared by every replica
(`AMIGO_MCP_STATE_URL`), so that replicas together stay under a limit that each alone would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from amigo_client.retries import RateGate

from amigo_mcp.state import StateStore

KEY_PREFIX = "rate:"
R = TypeVar("R")


class RateSpacer(RateGate):
    """Counts per operation (and per user, when calls carry the user's own token) in `store`,
    on the clock's epoch time, shared by replicas; for asynchronous calls only."""

    def __init__(self, store: StateStore) -> None:
        super().__init__()
        self.store = store

    def update(
        self, key: str, change: Callable[[Any], tuple[Any, R]], ttl_s: float, now: float
    ) -> R:
        raise TypeError("the server's rate gate counts in its state store: use `aupdate`")

    async def aupdate(
        self, key: str, change: Callable[[Any], tuple[Any, R]], ttl_s: float, now: float
    ) -> R:
        return await self.store.update(KEY_PREFIX + key, change, ttl_s)
