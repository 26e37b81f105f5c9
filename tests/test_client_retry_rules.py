"""The retry rules of the one loop, through `AmigoClient` / `AsyncAmigoClient` against the
sandbox's faults: which answers and failures are tried again, sign-in retried like a read, the
API's wait hints capped by `max_delay_s` and by the call's total time, and that total time
bounding attempts in flight, also for the blocking client on a stopped clock."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager

import anyio
import pytest
from amigo_client import (
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    Clock,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
)
from amigo_client.models import CreateDynamicBehaviorSetRequest
from amigo_client.operations import OPERATIONS

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.server import RunningSandbox
from tests.client_support import ManualClock, async_client, sync_client
from tests.sandbox_support import new_set_body

LIST = "get-dynamic-behavior-sets"
CREATE = "create-dynamic-behavior-set"
SIGN_IN = "sign-in-with-api-key"


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
def test_a_read_is_retried_on_a_server_error(sandbox: RunningSandbox, status: int) -> None:
    clock = ManualClock()
    with sync_client(sandbox, clock) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
        sandbox.reset_request_counts()
        sandbox.inject_fault(LIST, "status", status=status, times=1)
        assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    assert sandbox.response_statuses()[LIST] == {str(status): 1, "200": 1}
    assert len(clock.waits) == 1


@pytest.mark.anyio
async def test_an_async_read_is_retried_on_a_500(sandbox: RunningSandbox) -> None:
    clock = ManualClock()
    async with async_client(sandbox, clock) as amigo:
        await amigo.get_dynamic_behavior_sets(limit=1)
        sandbox.reset_request_counts()
        sandbox.inject_fault(LIST, "status", status=500, times=1)
        assert (await amigo.get_dynamic_behavior_sets(limit=1)).dynamic_behavior_sets
    assert sandbox.response_statuses()[LIST] == {"500": 1, "200": 1}


@pytest.mark.parametrize("status", [500, 502, 504])
def test_a_write_is_not_retried_on_a_server_error(sandbox: RunningSandbox, status: int) -> None:
    clock = ManualClock()
    body = CreateDynamicBehaviorSetRequest.from_dict(new_set_body(f"5xx create {status}"))
    with sync_client(sandbox, clock) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
        sandbox.reset_request_counts()
        sandbox.inject_fault(CREATE, "status", status=status, times=1)
        with pytest.raises(APIStatusError) as caught:
            amigo.create_dynamic_behavior_set(body=body)
    assert caught.value.status_code == status and caught.value.attempts == 1
    assert sandbox.response_statuses()[CREATE] == {str(status): 1}
    assert clock.waits == []


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_sign_in_that_cannot_connect_is_retried(
    sandbox: RunningSandbox, asynchronous: bool
) -> None:
    clock = ManualClock()
    sandbox.reset_request_counts()
    sandbox.inject_fault(SIGN_IN, "drop", times=1)
    if asynchronous:
        import anyio

        async def call() -> None:
            async with async_client(sandbox, clock) as amigo:
                assert (await amigo.get_dynamic_behavior_sets(limit=1)).dynamic_behavior_sets

        anyio.run(call)
    else:
        with sync_client(sandbox, clock) as amigo:
            assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    assert sandbox.response_statuses()[SIGN_IN] == {"dropped": 1, "200": 1}
    assert sandbox.response_statuses()[LIST] == {"200": 1}
    assert len(clock.waits) == 1


def test_a_sign_in_answered_500_is_retried(sandbox: RunningSandbox) -> None:
    clock = ManualClock()
    sandbox.reset_request_counts()
    sandbox.inject_fault(SIGN_IN, "status", status=500, times=1)
    with sync_client(sandbox, clock) as amigo:
        assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    assert sandbox.response_statuses()[SIGN_IN] == {"500": 1, "200": 1}


def test_an_unknown_organization_at_sign_in_is_not_found(sandbox: RunningSandbox) -> None:
    amigo = sync_client(sandbox, ManualClock(), organization_id="no-such-organization")
    with amigo, pytest.raises(NotFoundError) as caught:
        amigo.get_dynamic_behavior_sets(limit=1)
    assert not isinstance(caught.value, AuthenticationError)
    assert caught.value.status_code == 404
    assert sandbox.api_key not in f"{caught.value} {caught.value!r}"


def test_a_retry_after_above_max_delay_is_capped(sandbox: RunningSandbox) -> None:
    clock = ManualClock()
    policy = RetryPolicy(max_delay_s=1.0)
    with sync_client(sandbox, clock, policy) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
        sandbox.inject_fault(LIST, "status", status=503, retry_after=5, times=1)
        assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    [wait] = clock.waits
    assert 1.0 <= wait <= 1.0 + policy.base_delay_s * policy.jitter, "5 s capped at 1 s"


def test_a_hint_beyond_the_total_time_gives_up_at_once(sandbox: RunningSandbox) -> None:
    """A 429 whose only hint is X-RateLimit-Reset, a minute away, with 30 s for the call: no
    wait, an error saying when to try again; the next call is held back without a request."""
    clock = ManualClock()
    sandbox.reset_request_counts()
    with sync_client(sandbox, clock, RetryPolicy(budget_s=30)) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
        sandbox.inject_fault(LIST, "status", status=429, times=1)
        with pytest.raises(RateLimitError) as caught:
            amigo.get_dynamic_behavior_sets(limit=1)
        assert caught.value.retry_after is not None and caught.value.retry_after > 30
        assert "retry after" in str(caught.value)
        with pytest.raises(APITimeoutError, match=r"nothing was sent\. Retry after \d+ seconds"):
            amigo.get_dynamic_behavior_sets(limit=1)
    assert clock.waits == []
    assert sandbox.response_statuses()[LIST] == {"200": 1, "429": 1}


@pytest.mark.parametrize("asynchronous", [False, True])
def test_the_total_time_bounds_a_slow_read(
    sandbox: RunningSandbox, stopped_clock: SandboxClock, asynchronous: bool
) -> None:
    """1 s per attempt, 2.5 s for the call, a read that never answers in time: the second
    attempt is cut off when the call's time ends, and no third one starts."""
    policy = RetryPolicy(budget_s=2.5)
    sandbox.inject_fault(LIST, "slow", delay_s=5.0, times=None)
    sandbox.reset_request_counts()
    start = stopped_clock.monotonic()
    with pytest.raises(APITimeoutError, match=r"time budget of 2\.5 s"):
        if asynchronous:
            import anyio

            async def call() -> None:
                async with async_client(
                    sandbox,
                    stopped_clock,
                    policy,
                    bearer_token=sandbox.issue_token(),
                    timeout_s=1.0,
                ) as amigo:
                    await amigo.get_dynamic_behavior_sets(limit=1)

            anyio.run(call)
        else:
            client = sync_client(
                sandbox, stopped_clock, policy, bearer_token=sandbox.issue_token(), timeout_s=1.0
            )
            with client as amigo:
                amigo.get_dynamic_behavior_sets(limit=1)
    sandbox.clear_faults()
    assert sandbox.request_counts()[LIST] == 2
    assert stopped_clock.monotonic() - start <= policy.budget_s


def test_a_slow_write_times_out_on_a_stopped_clock(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    """The blocking client bounds its wait for an answer on the clock: a create slower than
    the request timeout ends at that timeout, sent once."""
    body = CreateDynamicBehaviorSetRequest.from_dict(new_set_body("slow create"))
    client = sync_client(sandbox, stopped_clock, bearer_token=sandbox.issue_token(), timeout_s=1.0)
    sandbox.inject_fault(CREATE, "slow", delay_s=30.0, times=1)
    sandbox.reset_request_counts()
    start = stopped_clock.monotonic()
    with client as amigo, pytest.raises(APITimeoutError) as caught:
        amigo.create_dynamic_behavior_set(body=body)
    assert caught.value.request_sent is True
    assert sandbox.request_counts()[CREATE] == 1
    assert stopped_clock.monotonic() - start < 30.0, "not the whole delay of the answer"


def test_the_client_holds_calls_while_the_apis_window_is_used_up(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    """The client's own rate gate (in this process, the default): once the API said no call is
    left in its window, the next call waits on the clock for the window's reset instead of
    being answered 429. The operation allows 10 calls a minute; twelve are made."""
    results = "get-metric-evaluation-results"
    sandbox.set_rate_limits(True)
    sandbox.reset_request_counts()
    start = stopped_clock.monotonic()
    with sync_client(sandbox, stopped_clock, RetryPolicy(budget_s=90)) as amigo:
        for _ in range(12):
            amigo.get_metric_evaluation_results(limit=1)
    statuses = sandbox.response_statuses()[results]
    assert statuses == {"200": 12}, "never refused: held back before the API had to"
    assert stopped_clock.monotonic() > start, "a call waited for the window to reset"


class _AfterLanding(Clock):
    """The sandbox's stopped clock, its waits as in real time: a wait first lets the calls
    already sent land (a minute outlasts them), then moves the clock to the moment it ends,
    unless another wait that ran alongside it moved the clock there already."""

    def __init__(self, clock: SandboxClock, landed: threading.Event) -> None:
        self.clock, self.landed = clock, landed
        self.moving = threading.Lock()

    def time(self) -> float:
        return self.clock.time()

    def monotonic(self) -> float:
        return self.clock.monotonic()

    def sleep(self, seconds: float) -> None:
        ends = self.clock.monotonic() + seconds
        self.landed.wait(timeout=60)
        with self.moving:
            self.clock.sleep(ends - self.clock.monotonic())

    @property
    def stopped(self) -> bool:
        return self.clock.stopped

    def deadline(self, seconds: float) -> AbstractContextManager[anyio.CancelScope]:
        return self.clock.deadline(seconds)


def test_the_client_spaces_calls_by_the_documented_limit(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    """The spec's per-minute limit of an operation is the client's own: N+2 calls started
    together, before any answer could tell the API's count, go N at once and the rest once the
    minute has passed on the clock; none is refused."""
    results = "get-metric-evaluation-results"
    limit = OPERATIONS[results].rate_limit_per_minute
    assert limit is not None, "the spec documents this operation's limit"
    sandbox.set_rate_limits(True)
    sandbox.reset_request_counts()
    start = stopped_clock.monotonic()
    calls, answered, lock = limit + 2, [0], threading.Lock()
    together, landed = threading.Barrier(calls), threading.Event()
    clock = _AfterLanding(stopped_clock, landed)
    with sync_client(sandbox, clock, RetryPolicy(budget_s=90)) as amigo:

        def one_call() -> None:
            together.wait()
            amigo.get_metric_evaluation_results(limit=1)
            with lock:
                answered[0] += 1
                if answered[0] == limit:
                    landed.set()

        with ThreadPoolExecutor(calls) as pool:
            for done in [pool.submit(one_call) for _ in range(calls)]:
                done.result()
    assert sandbox.response_statuses()[results] == {"200": calls}, "never refused"
    assert stopped_clock.monotonic() > start, "the last calls waited for the minute to pass"
