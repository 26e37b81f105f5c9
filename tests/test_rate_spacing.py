"""Client-side rate spacing: our own sliding minute, overridden by the API's count when given.

Each test runs on both state stores: this process's memory and a real Redis, where the counts
are what several replicas share.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from amigo_client.retries import WINDOW_S, Hold

from amigo_mcp.resilience import RateSpacer
from amigo_mcp.state import MemoryStore, RedisStore, StateStore
from amigo_sandbox.clock import SandboxClock

pytestmark = pytest.mark.anyio

KEY = "get-metric-evaluation-results"


class Spacer:
    """The server's rate gate, asked at the clock's time."""

    def __init__(self, clock: SandboxClock, store: StateStore) -> None:
        self.clock = clock
        self.gate = RateSpacer(store)

    async def reserve(self, key: str, limit: int | None) -> Hold:
        return await self.gate.areserve(key, limit, self.clock.time())

    async def learn(self, key: str, headers: dict[str, str]) -> None:
        await self.gate.alearn(key, headers, self.clock.time())


@pytest.fixture
def clock() -> SandboxClock:
    """A stopped clock: time moves only when a test advances it."""
    return SandboxClock(stopped_at=1_767_225_600.0)


@pytest.fixture(params=["memory", "redis"])
async def store(request: pytest.FixtureRequest, clock: SandboxClock) -> AsyncIterator[StateStore]:
    if request.param == "memory":
        yield MemoryStore(clock)
        return
    shared = await RedisStore.connect(request.getfixturevalue("redis_url"))
    yield shared
    await shared.aclose()


def window(clock: SandboxClock, remaining: int, resets_in: float) -> dict[str, str]:
    return {
        "x-ratelimit-remaining": str(remaining),
        "x-ratelimit-reset": str(int(clock.time() + resets_in)),
    }


async def test_without_headers_a_sliding_minute_holds_the_next_call(
    clock: SandboxClock, store: StateStore
) -> None:
    spacer = Spacer(clock, store)
    for _ in range(3):
        assert (await spacer.reserve(KEY, 3)).wait == 0
        clock.advance(1)
    hold = await spacer.reserve(KEY, 3)
    assert (hold.wait, hold.api) == (57.0, False), "until the first call leaves the minute"
    clock.advance(57)
    assert (await spacer.reserve(KEY, 3)).wait == 0


async def test_a_held_call_is_not_counted(clock: SandboxClock, store: StateStore) -> None:
    spacer = Spacer(clock, store)
    assert (await spacer.reserve(KEY, 1)).wait == 0
    for _ in range(5):
        assert (await spacer.reserve(KEY, 1)).wait == WINDOW_S
    clock.advance(WINDOW_S)
    assert (await spacer.reserve(KEY, 1)).wait == 0, "the refused asks took no room"


async def test_room_the_api_reports_wins_over_our_own_count(
    clock: SandboxClock, store: StateStore
) -> None:
    spacer = Spacer(clock, store)
    for _ in range(3):
        await spacer.reserve(KEY, 3)
    await spacer.learn(KEY, window(clock, remaining=2, resets_in=40))
    assert (await spacer.reserve(KEY, 3)).wait == 0, "the API says two calls are left"
    assert (await spacer.reserve(KEY, 3)).wait == 0
    hold = await spacer.reserve(KEY, 3)
    assert hold.api and hold.wait == 40, "both used: held until the API's window resets"


async def test_calls_before_the_apis_reset_no_longer_count(
    clock: SandboxClock, store: StateStore
) -> None:
    spacer = Spacer(clock, store)
    for _ in range(3):
        await spacer.reserve(KEY, 3)
    await spacer.learn(KEY, window(clock, remaining=1, resets_in=10))
    await spacer.reserve(KEY, 3)
    clock.advance(11)  # the API's fixed window has reset; a sliding minute would still be full
    assert (await spacer.reserve(KEY, 3)).wait == 0


async def test_no_room_left_holds_until_the_apis_reset(
    clock: SandboxClock, store: StateStore
) -> None:
    spacer = Spacer(clock, store)
    await spacer.learn(KEY, window(clock, remaining=0, resets_in=20))
    assert (await spacer.reserve(KEY, 50)).wait == 20
    clock.advance(21)
    assert (await spacer.reserve(KEY, 50)).wait == 0


async def test_spacers_sharing_redis_count_together(clock: SandboxClock, redis_url: str) -> None:
    """Two replicas' spacers on one Redis: the limit holds for both together, even when they
    ask at the same moment (each reservation is one atomic step)."""
    import anyio

    stores = [await RedisStore.connect(redis_url) for _ in range(2)]
    try:
        spacers = [Spacer(clock, store) for store in stores]
        holds = []

        async def ask(spacer: Spacer) -> None:
            holds.append(await spacer.reserve(KEY, 5))

        async with anyio.create_task_group() as group:
            for i in range(12):
                group.start_soon(ask, spacers[i % 2])
        assert sorted(h.wait for h in holds) == [0.0] * 5 + [WINDOW_S] * 7
    finally:
        for store in stores:
            await store.aclose()


async def test_memory_forgets_keys_with_nothing_in_the_window(clock: SandboxClock) -> None:
    """Per-user keys come and go with tokens (hosted mode); idle ones must not pile up. On
    Redis each key expires; in memory, expired keys are dropped as new ones come."""
    store = MemoryStore(clock)
    spacer = Spacer(clock, store)
    for i in range(1000):
        await spacer.reserve(f"op@user{i}", 1)
    clock.advance(WINDOW_S + 2)
    for i in range(300):
        await spacer.reserve(f"op@fresh{i}", 1)
    assert len(store._values) == 300
