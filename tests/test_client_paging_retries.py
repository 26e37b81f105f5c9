"""Paging and retries of the client over real HTTP: every item across several pages (`for` and
`async for`), a continuation token that does not advance, waits that honour `Retry-After` and
`X-RateLimit-Reset` on the client's clock (never slept), the time budget, and writes that are
never sent twice under faults."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from amigo_client import (
    AmigoClient,
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncAmigoClient,
    RetryPolicy,
    ServiceUnavailableError,
)
from amigo_client.models import CreateDynamicBehaviorSetRequest
from amigo_client.operations import PAGINATED

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS
from amigo_sandbox.refs import Document
from amigo_sandbox.server import RunningSandbox
from tests.client_support import ManualClock, async_client, sync_client
from tests.sandbox_support import SPEC, new_set_body

LIST = "get-dynamic-behavior-sets"
VERSIONS = "get-dynamic-behavior-set-versions"
CREATE = "create-dynamic-behavior-set"
REFUNDS = DEMO_BEHAVIOR_SET_IDS["refunds"]


def test_paging_metadata_is_the_specs() -> None:
    """Every list operation of the spec with a continuation token pages, by its array field."""
    expected = {}
    for item in SPEC["paths"].values():
        for operation in item.values():
            names = {p.get("name") for p in operation.get("parameters", []) if "name" in p}
            if "continuation_token" in names:
                schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
                body = Document(SPEC).resolve(schema)
                [field] = [k for k, v in body["properties"].items() if v.get("type") == "array"]
                expected[operation["operationId"]] = field
    assert expected == PAGINATED and len(PAGINATED) >= 6


def test_every_item_of_every_page(sandbox: RunningSandbox) -> None:
    sandbox.reset()  # the demo's sets only: tests before this one may have made fifty more
    with sync_client(sandbox) as amigo:
        whole = amigo.get_dynamic_behavior_sets(limit=50)
        assert not whole.has_more and len(whole.dynamic_behavior_sets) >= 5
        sandbox.reset_request_counts()
        paged = [s.id for s in amigo.iter_dynamic_behavior_sets(limit=2)]
        versions = [v.version for v in amigo.iter_dynamic_behavior_set_versions(REFUNDS, limit=1)]
    assert paged == [s.id for s in whole.dynamic_behavior_sets]
    assert sandbox.request_counts()[LIST] == -(-len(paged) // 2)
    assert sorted(versions) == [1, 2, 3]


@pytest.mark.anyio
async def test_every_item_with_async_for(sandbox: RunningSandbox) -> None:
    sandbox.reset()  # the demo's scenarios only: tests before this one may have made fifty more
    async with async_client(sandbox) as amigo:
        whole = await amigo.get_simulation_scenarios(limit=50)
        paged = [s.id async for s in amigo.iter_simulation_scenarios(limit=2)]
    # The session's sandbox may hold more than the largest page, as other tests add scenarios.
    assert paged[:50] == [s.id for s in whole.simulation_scenarios] and len(paged) >= 3
    assert (len(paged) > 50) == whole.has_more


class StuckPager(BaseHTTPRequestHandler):
    """A list whose next token never moves on (an API bug the client must not loop on)."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        StuckPager.seen.append(self.path)
        body = json.dumps(
            {"simulation_scenarios": [], "has_more": True, "continuation_token": 5,
             "filter_values": None}
        ).encode()  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def stuck_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), StuckPager)
    # Polled every 50 ms for the shutdown (the default, 0.5 s, is the teardown's wait).
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    StuckPager.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_token_that_does_not_advance_stops_the_paging(stuck_api: str) -> None:
    amigo = AmigoClient(organization_id="org", bearer_token="token-1234", base_url=stuck_api)
    with amigo, pytest.raises(APIResponseValidationError, match="does not advance"):
        for _ in amigo.iter_simulation_scenarios():
            pass
    assert len(StuckPager.seen) == 2
    assert "continuation_token=5" in StuckPager.seen[1]


@pytest.mark.parametrize("asynchronous", [False, True])
def test_retry_after_is_honoured_on_the_clients_clock(
    sandbox: RunningSandbox, asynchronous: bool
) -> None:
    clock = ManualClock()
    policy = RetryPolicy(base_delay_s=0.5, jitter=0.25)
    sandbox.inject_fault(LIST, "status", status=503, retry_after=7, times=2)
    if asynchronous:
        import asyncio

        async def call() -> None:
            async with async_client(sandbox, clock, policy) as amigo:
                await amigo.get_dynamic_behavior_sets(limit=1)

        asyncio.run(call())
    else:
        with sync_client(sandbox, clock, policy) as amigo:
            amigo.get_dynamic_behavior_sets(limit=1)
    assert len(clock.waits) == 2
    assert all(7.0 <= wait <= 7.0 + 0.5 * 0.25 for wait in clock.waits), clock.waits
    assert sandbox.response_statuses()[LIST] == {"503": 2, "200": 1}


def test_a_429_waits_for_the_rate_limit_reset(sandbox: RunningSandbox) -> None:
    clock = ManualClock()
    # No Retry-After: the sandbox's X-RateLimit-Reset says its window ends in 60 s.
    sandbox.inject_fault(LIST, "status", status=429, times=1)
    with sync_client(sandbox, clock, RetryPolicy(budget_s=90)) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
    # The hint is capped at max_delay_s (30 s); the rate gate, which learned that the window is
    # used up, then holds the call until the window resets.
    first, *rest = clock.waits
    assert 30.0 <= first <= 30.0 + 0.5 * 0.25, "the hint capped at max_delay_s"
    assert 55.0 <= first + sum(rest) <= 61.0 + 0.5 * 0.25, "until the window resets"
    assert sandbox.response_statuses()[LIST] == {"429": 1, "200": 1}


def test_no_wait_beyond_the_time_budget(sandbox: RunningSandbox) -> None:
    clock = ManualClock()
    sandbox.inject_fault(LIST, "status", status=503, retry_after=120, times=1)
    amigo = sync_client(sandbox, clock, RetryPolicy(budget_s=60))
    with amigo, pytest.raises(ServiceUnavailableError) as caught:
        amigo.get_dynamic_behavior_sets(limit=1)
    assert caught.value.retry_after == 120.0 and caught.value.attempts == 1
    assert clock.waits == []
    assert sandbox.response_statuses()[LIST] == {"503": 1}


def test_a_read_is_repeated_after_a_broken_connection(sandbox: RunningSandbox) -> None:
    clock = ManualClock()
    with sync_client(sandbox, clock) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
        sandbox.inject_fault(LIST, "drop", times=1)
        assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    assert len(clock.waits) == 1
    assert sandbox.response_statuses()[LIST] == {"200": 2, "dropped": 1}


def count_named(amigo: AmigoClient, name: str) -> int:
    return sum(s.name == name for s in amigo.iter_dynamic_behavior_sets())


@pytest.mark.parametrize("after_handler", [False, True])
def test_a_create_is_never_sent_twice_after_a_broken_connection(
    sandbox: RunningSandbox, after_handler: bool
) -> None:
    name = f"dropped create {after_handler} {id(sandbox)}"
    body = CreateDynamicBehaviorSetRequest.from_dict(new_set_body(name))
    with sync_client(sandbox, ManualClock()) as amigo:
        sandbox.inject_fault(CREATE, "drop", times=1, after_handler=after_handler)
        with pytest.raises(APIConnectionError) as caught:
            amigo.create_dynamic_behavior_set(body=body)
        assert caught.value.request_sent is True
        assert sandbox.request_counts()[CREATE] == 1, "sent once, never repeated"
        assert count_named(amigo, name) == (1 if after_handler else 0)


def test_a_refused_create_is_retried_and_applied_once(sandbox: RunningSandbox) -> None:
    """A 503 or 429 is answered before the operation runs: repeating the create is safe."""
    name = f"refused create {id(sandbox)}"
    body = CreateDynamicBehaviorSetRequest.from_dict(new_set_body(name))
    sandbox.inject_fault(CREATE, "status", status=503, retry_after=1, times=1)
    sandbox.inject_fault(CREATE, "status", status=429, retry_after=1, times=1)
    with sync_client(sandbox, ManualClock()) as amigo:
        created = amigo.create_dynamic_behavior_set(body=body)
        assert created.dynamic_behavior_set_id
        assert count_named(amigo, name) == 1
    assert sandbox.response_statuses()[CREATE] == {"503": 1, "429": 1, "201": 1}


@pytest.mark.anyio
async def test_the_budget_bounds_an_attempt_in_flight(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    sandbox.inject_fault(LIST, "slow", delay_s=3.0, times=1)
    retry = RetryPolicy(budget_s=0.5)
    async with AsyncAmigoClient(
        organization_id=sandbox.organization,
        bearer_token=sandbox.issue_token(),
        base_url=sandbox.base_url,
        retry=retry,
        clock=stopped_clock,
    ) as amigo:
        with pytest.raises(APITimeoutError, match=r"time budget of 0\.5 s"):
            await amigo.get_dynamic_behavior_sets(limit=1)
