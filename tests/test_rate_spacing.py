"""Client-side rate spacing: our own sliding minute, overridden by the API's count when given."""

from __future__ import annotations

from mcp_server.resilience import RateSpacer
from sandbox.clock import SandboxClock

KEY = "get-metric-evaluation-results"


def stopped_clock() -> SandboxClock:
    """A stopped clock: time moves only when a test advances it."""
    return SandboxClock(stopped_at=1_767_225_600.0)


def window(clock: SandboxClock, remaining: int, resets_in: float) -> dict[str, str]:
    return {
        "x-ratelimit-remaining": str(remaining),
        "x-ratelimit-reset": str(int(clock.time() + resets_in)),
    }


def test_without_headers_a_sliding_minute_holds_the_next_call() -> None:
    clock = stopped_clock()
    spacer = RateSpacer(clock=clock)
    for _ in range(3):
        assert spacer.wait_before(KEY, 3) == 0
        spacer.record(KEY)
        clock.advance(1)
    assert spacer.wait_before(KEY, 3) == 57.0, "until the first call leaves the minute"
    clock.advance(57)
    assert spacer.wait_before(KEY, 3) == 0


def test_room_the_api_reports_wins_over_our_own_count() -> None:
    clock = stopped_clock()
    spacer = RateSpacer(clock=clock)
    for _ in range(3):
        spacer.record(KEY)
    spacer.learn(KEY, window(clock, remaining=2, resets_in=40))
    assert spacer.wait_before(KEY, 3) == 0, "the API says two calls are left"
    spacer.record(KEY)
    spacer.record(KEY)
    assert spacer.wait_before(KEY, 3) > 0, "both used: back to our own count"


def test_calls_before_the_apis_reset_no_longer_count() -> None:
    clock = stopped_clock()
    spacer = RateSpacer(clock=clock)
    for _ in range(3):
        spacer.record(KEY)
    spacer.learn(KEY, window(clock, remaining=1, resets_in=10))
    spacer.record(KEY)
    clock.advance(11)  # the API's fixed window has reset; a sliding minute would still be full
    assert spacer.wait_before(KEY, 3) == 0


def test_no_room_left_holds_until_the_apis_reset() -> None:
    clock = stopped_clock()
    spacer = RateSpacer(clock=clock)
    spacer.learn(KEY, window(clock, remaining=0, resets_in=20))
    assert spacer.wait_before(KEY, 50) == 20
    clock.advance(21)
    assert spacer.wait_before(KEY, 50) == 0
