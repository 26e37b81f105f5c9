"""Timing a call by batches, for the benches that alternate batches of the calls they compare.

Standard library only: bench/fastmcp_in_process.py imports it in FastMCP's own environment.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

BATCH = 10


async def timed(call: Callable[[], Awaitable[None]]) -> float:
    """Mean seconds per call over one batch of `BATCH` calls."""
    started = time.perf_counter()
    for _ in range(BATCH):
        await call()
    return (time.perf_counter() - started) / BATCH
