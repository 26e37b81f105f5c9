"""Helpers for the client-layer tests: a clock moved by hand, and clients on the sandbox."""

from __future__ import annotations

import time
from typing import Any

from amigo_client import AmigoClient, AsyncAmigoClient, Clock, RetryPolicy

from amigo_sandbox.server import RunningSandbox


class ManualClock(Clock):
    """Starts at the real time (the sandbox dates its tokens by the real clock) and then moves
    only when the test or a wait moves it: a wait is recorded and skipped, never slept."""

    def __init__(self) -> None:
        self.offset = 0.0
        self.start = time.time()
        self.waits: list[float] = []

    def advance(self, seconds: float) -> None:
        self.offset += seconds

    def time(self) -> float:
        return self.start + self.offset

    def monotonic(self) -> float:
        return self.offset

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.advance(seconds)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def credentials(sandbox: RunningSandbox, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "base_url": sandbox.base_url,
        "organization_id": sandbox.organization,
        "api_key": sandbox.api_key,
        "api_key_id": sandbox.api_key_id,
        "user_id": sandbox.user_id,
        "timeout_s": 10.0,
    }
    return values | overrides


def sync_client(
    sandbox: RunningSandbox,
    clock: Clock | None = None,
    retry: RetryPolicy | None = None,
    **overrides: Any,
) -> AmigoClient:
    return AmigoClient(**credentials(sandbox, **overrides), clock=clock, retry=retry)


def async_client(
    sandbox: RunningSandbox,
    clock: Clock | None = None,
    retry: RetryPolicy | None = None,
    **overrides: Any,
) -> AsyncAmigoClient:
    return AsyncAmigoClient(**credentials(sandbox, **overrides), clock=clock, retry=retry)
