"""Deadlines on the sandbox's clock: stopped, a deadline ends exactly when the clock is moved to
or past it, from any thread, and a slow answer moves the clock to its client's deadline; run
again, the deadlines still open end in real time."""

from __future__ import annotations

import threading

import anyio
import pytest
from anyio.lowlevel import checkpoint
from hypothesis import given
from hypothesis import strategies as st

from amigo_sandbox.clock import SandboxClock

START = 1_767_225_600.0
SECONDS = st.floats(min_value=0, max_value=100, allow_nan=False)


async def settle() -> None:
    """Let the tasks whose deadlines were ended (by a call queued on the loop) see it."""
    for _ in range(3):
        await checkpoint()


@given(deadlines=st.lists(SECONDS, min_size=1, max_size=4), steps=st.lists(SECONDS, max_size=6))
def test_a_deadline_ends_when_the_clock_reaches_it(
    deadlines: list[float], steps: list[float]
) -> None:
    clock = SandboxClock(stopped_at=START)
    start = clock.monotonic()
    ended: set[int] = set()

    async def wait(index: int, seconds: float) -> None:
        with clock.deadline(seconds) as scope:
            await anyio.sleep_forever()
        assert scope.cancelled_caught
        ended.add(index)

    async def main() -> None:
        async with anyio.create_task_group() as tasks:
            for index, seconds in enumerate(deadlines):
                tasks.start_soon(wait, index, seconds)
            await settle()
            for step in steps:
                clock.advance(step)
                await settle()
                due = {i for i, s in enumerate(deadlines) if start + s <= clock.monotonic()}
                assert ended == due
            tasks.cancel_scope.cancel()

    anyio.run(main)


@given(client=SECONDS, answer=SECONDS)
def test_a_slow_answer_moves_the_clock_to_whichever_comes_first(
    client: float, answer: float
) -> None:
    """The client's deadline within the delay: the clock lands on it exactly and the client
    goes; beyond it: the clock moves by the delay and the answer goes out."""
    clock = SandboxClock(stopped_at=START)
    start = clock.monotonic()
    outcome: list[str] = []

    async def main() -> None:
        gone = anyio.Event()

        async def client_side() -> None:
            with clock.deadline(client) as scope:
                await anyio.sleep_forever()
            assert scope.cancelled_caught
            gone.set()

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(client_side)
            await settle()
            answered = await clock.stall(answer, gone.wait, lambda: outcome.append("left"))
            outcome.append("answered" if answered else "gone")
            tasks.cancel_scope.cancel()

    anyio.run(main)
    if start + client <= start + answer:
        assert outcome == ["left", "gone"]
        assert clock.monotonic() == start + client
    else:
        assert outcome == ["answered"]
        assert clock.monotonic() == start + answer


def test_a_deadline_moved_past_from_another_thread_ends() -> None:
    clock = SandboxClock(stopped_at=START)

    async def main() -> None:
        with clock.deadline(30) as scope:
            mover = threading.Thread(target=clock.advance, args=(30,))
            mover.start()
            await anyio.sleep_forever()
        mover.join()
        assert scope.cancelled_caught

    anyio.run(main)


def test_a_deadline_still_open_when_the_clock_runs_again_ends_in_real_time() -> None:
    clock = SandboxClock(stopped_at=START)

    async def main() -> None:
        with anyio.fail_after(30):  # a bound on a failure, not a measured wait
            with clock.deadline(5) as scope:
                clock.advance(5 - 1e-6)  # a microsecond short
                clock.set(stopped=False)
                await anyio.sleep_forever()
        assert scope.cancelled_caught

    anyio.run(main)
    assert not clock.stopped


@pytest.mark.parametrize("stopped", [True, False])
def test_a_deadline_that_is_not_reached_leaves_the_block_alone(stopped: bool) -> None:
    clock = SandboxClock(stopped_at=START if stopped else None)

    async def main() -> bool:
        with clock.deadline(60) as scope:
            clock.advance(59)
            await settle()
        return scope.cancelled_caught

    assert anyio.run(main) is False
