"""Faults on a read and on a write, through the real MCP client, against the sandbox's faults.

For each fault: what the agent gets (result or error, and the message), how many requests the
sandbox saw, and how many records a write left behind (never two). Also: Retry-After and
X-RateLimit-Reset honoured, the time budget, progress while waiting, and the client-side
spacing that keeps calls under the spec's limits before the API has to answer 429.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from amigo_client import Clock
from amigo_client.retries import RetryPolicy, retry_after_seconds
from mcp import Client

from amigo_mcp.catalog import Catalog
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings
from amigo_sandbox.demo import DEMO_SCENARIO_IDS
from amigo_sandbox.faults import UNKNOWN_ENUM_VALUE, FaultKind
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import (
    accept_all,
    connect,
    ok,
    sandbox_settings,
    text_of,
)
from testing.safety_support import (
    CATALOG,
    FAST_RETRY,
    SCENARIO_SCRIPT,
    fresh_records,
    unique,
    valid_arguments,
)
from testing.sandbox_http import api_client

pytestmark = pytest.mark.anyio

READ = "list_simulation_scenario_versions"  # its answer carries enums (unknown_enum applies)
READ_OP = "get-simulation-scenario-versions"
WRITE = "create_simulation_scenario"  # neither read-only nor idempotent: never repeated blindly
WRITE_OP = "create-simulation-scenario"
TIMEOUT_S = 0.3


@dataclass(frozen=True)
class Fault:
    name: str
    kind: FaultKind
    options: dict[str, Any]
    times: int | None = 1


FAULTS = {
    f.name: f
    for f in [
        Fault("429 Retry-After once", "status", {"status": 429, "retry_after": 1}),
        Fault("429 Retry-After always", "status", {"status": 429, "retry_after": 1}, None),
        Fault("503 Retry-After once", "status", {"status": 503, "retry_after": 1}),
        Fault("503 always", "status", {"status": 503}, None),
        Fault("slow past the timeout", "slow", {"delay_s": 1.0}),
        Fault("dropped before the handler", "drop", {}),
        Fault("dropped after the handler", "drop", {"after_handler": True}),
        Fault("malformed JSON", "malformed_json", {}),
        Fault("unknown enum value", "unknown_enum", {}),
    ]
}


@dataclass(frozen=True)
class Expected:
    is_error: bool
    requests: int
    says: tuple[str, ...] = ()
    records: int | None = None  # records the write left (writes only)
    progress: int = 0  # progress notifications while waiting to retry


# What the agent must get for each (fault, tool). Two attempts at most (see `retry` below).
EXPECTED: dict[tuple[str, str], Expected] = {
    ("429 Retry-After once", READ): Expected(False, 2, progress=1),
    ("429 Retry-After once", WRITE): Expected(False, 2, records=1, progress=1),
    ("429 Retry-After always", READ): Expected(
        True, 2, ("HTTP 429", "Retry after 1 seconds", "Gave up after 2 attempts"), progress=1
    ),
    ("429 Retry-After always", WRITE): Expected(
        True, 2, ("HTTP 429", "Retry after 1 seconds"), records=0, progress=1
    ),
    ("503 Retry-After once", READ): Expected(False, 2, progress=1),
    ("503 Retry-After once", WRITE): Expected(False, 2, records=1, progress=1),
    ("503 always", READ): Expected(True, 2, ("HTTP 503", "maintenance", "Retry"), progress=1),
    ("503 always", WRITE): Expected(
        True, 2, ("HTTP 503", "maintenance", "Retry"), records=0, progress=1
    ),
    # A read that timed out is repeated; a create is not (it may have been applied).
    ("slow past the timeout", READ): Expected(False, 2, progress=1),
    ("slow past the timeout", WRITE): Expected(
        True, 1, ("timed out after 0.3 s", "may or may not have been applied"), records=None
    ),
    ("dropped before the handler", READ): Expected(False, 2, progress=1),
    ("dropped before the handler", WRITE): Expected(
        True, 1, ("connection to Amigo broke", "may or may not have been applied"), records=0
    ),
    ("dropped after the handler", READ): Expected(False, 2, progress=1),
    ("dropped after the handler", WRITE): Expected(
        True, 1, ("connection to Amigo broke", "check with a list or search tool"), records=1
    ),
    ("malformed JSON", READ): Expected(True, 1, ("not JSON", "safe to call again")),
    ("malformed JSON", WRITE): Expected(
        True, 1, ("not JSON", "may have been applied", "check with a list tool"), records=1
    ),
    # The value is kept and passed on as it came (the client reads it; no drift note).
    ("unknown enum value", READ): Expected(False, 1),
}


def retry(max_attempts: int = 2) -> RetryPolicy:
    """The server's policy with `max_attempts`; the faults' hints (1 s) are below its cap on
    waits, `max_delay_s`, so each is waited as given."""
    return dataclasses.replace(FAST_RETRY, max_attempts=max_attempts, max_delay_s=2.0)


def scenarios_named(sandbox: RunningSandbox, name: str) -> int:
    """How many scenarios carry `name`, asked of the sandbox directly (not through the server)."""
    with api_client(sandbox) as api:
        response = api.get("/simulation/scenario/search", params={"query": name})
    response.raise_for_status()
    return sum(s["name"] == name for s in response.json()["simulation_scenarios"])


@pytest.mark.parametrize(
    ("fault", "tool"),
    [
        pytest.param(FAULTS[f], t, id=f"{f} / {'read' if t == READ else 'write'}")
        for f, t in EXPECTED
    ],
)
async def test_fault(
    sandbox: RunningSandbox, stopped_clock: Clock, fault: Fault, tool: str
) -> None:
    expected = EXPECTED[(fault.name, tool)]
    settings = sandbox_settings(sandbox, timeout_s=TIMEOUT_S)
    async with connect(settings, "auto", retry=retry(), clock=stopped_clock) as (client, _):
        await ok(client, "list_simulation_scenarios", {"limit": 1})  # signs in
        name = unique("Fault scenario")
        arguments = (
            {"simulation_scenario_id": DEMO_SCENARIO_IDS["account_setup"]}
            if tool == READ
            else {"name": name, "tags": {}, "initial_version": SCENARIO_SCRIPT}
        )
        operation = READ_OP if tool == READ else WRITE_OP
        sandbox.reset_request_counts()
        sandbox.inject_fault(operation, fault.kind, times=fault.times, **fault.options)
        messages: list[str] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            messages.append(message or "")

        result = await client.call_tool(tool, arguments, progress_callback=on_progress)
        text = text_of(result)

    assert result.is_error is expected.is_error, text
    assert sandbox.request_counts().get(operation, 0) == expected.requests
    for phrase in expected.says:
        assert phrase.lower() in text.lower(), f"{phrase!r} not in {text!r}"
    assert len(messages) == expected.progress, messages
    for message in messages:
        assert "retrying (attempt 2 of 2)" in message and "waiting" in message
    if expected.records is not None:
        assert scenarios_named(sandbox, name) == expected.records
    if tool == WRITE and not result.is_error:
        assert result.structured_content is not None
        assert scenarios_named(sandbox, name) == 1, "a retried create was applied once"
    if fault.kind == "unknown_enum":
        assert result.structured_content is not None
        assert UNKNOWN_ENUM_VALUE in text


def test_no_write_answers_with_an_enum(sandbox: RunningSandbox) -> None:
    """`unknown_enum` has no write to apply to: no write operation's answer carries an enum."""
    from amigo_sandbox.errors import ApiError

    writes = [tool for tool in CATALOG.tools if not tool.read_only]
    assert writes
    for tool in writes:
        with pytest.raises(ApiError):
            sandbox.inject_fault(tool.operation.id, "unknown_enum")


# --- retries: what is repeated, and when ----------------------------------------------------------


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_progress_while_waiting_names_the_wait_in_both_eras(
    sandbox: RunningSandbox, stopped_clock: Clock, mode: str
) -> None:
    settings = sandbox_settings(sandbox)
    async with connect(settings, mode, retry=retry(3), clock=stopped_clock) as (client, _):
        sandbox.inject_fault("get-simulation-scenarios", "status", status=503, retry_after=1)
        sandbox.inject_fault("get-simulation-scenarios", "status", status=429, retry_after=1)
        reports: list[tuple[float, str]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            reports.append((progress, message or ""))

        result = await client.call_tool(
            "list_simulation_scenarios", {"limit": 1}, progress_callback=on_progress
        )
    assert not result.is_error, text_of(result)
    assert [done for done, _ in reports] == [1, 2]
    assert "answered 503" in reports[0][1] and "attempt 2 of 3" in reports[0][1]
    assert "answered 429" in reports[1][1] and "attempt 3 of 3" in reports[1][1]
    assert all("waiting 1.0 s" in message for _, message in reports), "Retry-After: 1"
    assert sandbox.request_counts()["get-simulation-scenarios"] == 3


async def test_rate_limit_reset_is_honoured_and_remembered(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """A 429 with only X-RateLimit-Reset (a minute away): no blind retry, and the next call
    to that operation is held back without a request, with the true reason."""
    settings = sandbox_settings(sandbox)
    async with connect(settings, "auto", retry=retry(4), clock=stopped_clock) as (client, _):
        await ok(client, "list_simulation_scenarios", {"limit": 1})
        sandbox.reset_request_counts()
        sandbox.inject_fault("search-simulation-scenarios", "status", status=429)
        first = text_of(await client.call_tool("search_simulation_scenarios", {"query": "x"}))
        assert "Retry after 60 seconds" in first, first
        assert sandbox.request_counts() == {"search-simulation-scenarios": 1}

        second = await client.call_tool("search_simulation_scenarios", {"query": "x"})
        text = text_of(second)
    assert second.is_error
    assert sandbox.request_counts() == {"search-simulation-scenarios": 1}, "nothing sent"
    assert "nothing was sent" in text
    assert "Retry after 60 seconds" in text, text
    # The API said the window is used up; the agent must not be told it sent 50 calls itself.
    assert "that many were sent" not in text
    assert "Amigo" in text and "rate limit" in text.lower()


async def test_the_time_budget_bounds_the_retries(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """Ten attempts allowed, but a 1.5 s budget: the second wait of 1 s does not fit."""
    budget = RetryPolicy(max_attempts=10, base_delay_s=0.01, budget_s=1.5)
    settings = sandbox_settings(sandbox)
    async with connect(settings, "auto", retry=budget, clock=stopped_clock) as (client, _):
        await ok(client, "list_simulation_scenarios", {"limit": 1})
        sandbox.reset_request_counts()
        sandbox.inject_fault(
            "get-simulation-scenarios", "status", status=503, retry_after=1, times=None
        )
        result = await client.call_tool("list_simulation_scenarios", {"limit": 1})
    text = text_of(result)
    assert result.is_error
    assert sandbox.request_counts() == {"get-simulation-scenarios": 2}
    assert "Retry after 1 seconds" in text and "Gave up after 2 attempts" in text


async def test_the_time_budget_also_bounds_repeated_timeouts(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """A read that keeps timing out (0.3 s each) with ten attempts allowed and a 0.5 s budget:
    the second attempt is cut off when the budget is spent, and no third one starts."""
    budget = RetryPolicy(max_attempts=10, base_delay_s=0.01, budget_s=0.5)
    settings = sandbox_settings(sandbox, timeout_s=0.3)
    async with connect(settings, "auto", retry=budget, clock=stopped_clock) as (client, _):
        await ok(client, "list_simulation_scenarios", {"limit": 1})
        sandbox.reset_request_counts()
        sandbox.inject_fault("get-simulation-scenarios", "slow", delay_s=1.0, times=None)
        result = await client.call_tool("list_simulation_scenarios", {"limit": 1})
    text = text_of(result)
    assert result.is_error
    assert sandbox.request_counts() == {"get-simulation-scenarios": 2}
    assert "no answer within this call's time budget of 0.5 s" in text
    assert "safe to call again" in text and "Gave up after 2 attempts" in text


async def test_the_time_budget_bounds_an_attempt_in_flight(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """A create whose answer is slower than the budget (and within the request timeout): the
    call ends at the budget, sends nothing again, and says the write may have been applied."""
    budget = RetryPolicy(max_attempts=10, base_delay_s=0.01, budget_s=0.5)
    settings = sandbox_settings(sandbox, timeout_s=30.0)
    async with connect(settings, "auto", retry=budget, clock=stopped_clock) as (client, _):
        await ok(client, "list_simulation_scenarios", {"limit": 1})  # signs in
        sandbox.reset_request_counts()
        sandbox.inject_fault("create-simulation-scenario", "slow", delay_s=2.0)
        result = await client.call_tool(
            "create_simulation_scenario", valid_arguments("create_simulation_scenario")
        )
    text = text_of(result)
    assert result.is_error
    assert "no answer within this call's time budget of 0.5 s" in text
    assert "may or may not have been applied" in text
    assert sandbox.request_counts() == {"create-simulation-scenario": 1}


async def test_no_retry_hint_still_tells_when_to_try_again(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """503 without Retry-After: the final error still gives a time, not only "later"."""
    settings = sandbox_settings(sandbox)
    async with connect(settings, "auto", retry=retry(2), clock=stopped_clock) as (client, _):
        sandbox.inject_fault("get-simulation-scenarios", "status", status=503, times=None)
        text = text_of(await client.call_tool("list_simulation_scenarios", {"limit": 1}))
    assert re.search(r"(Retry|try again) (after|in) (about )?\d+ seconds?", text), text


async def test_an_applied_retried_delete_is_not_reported_as_a_wrong_id(
    sandbox: RunningSandbox,
) -> None:
    """delete is idempotent, so after a dropped connection it is sent again; the second
    request finds the record gone (404). The agent must learn that the set is gone (the
    first attempt did the work), not that the ID is unknown."""
    async with connect(sandbox_settings(sandbox), "auto", retry=retry(3)) as (client, _):
        created = await ok(
            client,
            "create_dynamic_behavior_set",
            valid_arguments("create_dynamic_behavior_set"),
        )
        set_id = created["dynamic_behavior_set_id"]
        sandbox.reset_request_counts()
        sandbox.inject_fault("delete-dynamic-behavior-set", "drop", after_handler=True)
        result = await client.call_tool(
            "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id}
        )
        gone = await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]})
    text = text_of(result)
    assert sandbox.request_counts()["delete-dynamic-behavior-set"] == 2
    assert gone["dynamic_behavior_sets"] == []
    assert not result.is_error, text
    assert result.structured_content == {
        "ok": True,
        "dynamic_behavior_set_id": set_id,
        "already_gone": True,
    }


async def test_non_idempotent_writes_are_never_repeated_after_a_lost_answer(
    sandbox: RunningSandbox,
) -> None:
    """Every write that is not idempotent, with the connection dropped after the handler ran:
    one request each, and the agent is told to check before calling again."""

    writes = [t for t in CATALOG.tools if not t.read_only and not t.idempotent]
    by_operation = {t.operation.id: t for t in CATALOG.tools if t.composite is None}
    assert {t.name for t in writes} >= {"create_dynamic_behavior_set", "evaluate_metrics"}
    set_id, scenario_id = fresh_records(sandbox)
    async with connect(sandbox_settings(sandbox), "auto", retry=retry(4)) as (client, _):
        await ok(client, "list_simulation_scenarios", {"limit": 1})
        for tool in writes:
            sandbox.reset_request_counts()
            sandbox.inject_fault(tool.operation.id, "drop", after_handler=True)
            arguments = valid_arguments(tool.name, set_id=set_id, scenario_id=scenario_id)
            result = await client.call_tool(tool.name, arguments)
            assert result.is_error, tool.name
            # One write; reads (the state shown to the user, a rollback's source) may precede.
            sent = sandbox.request_counts()
            assert sent[tool.operation.id] == 1, tool.name
            assert all(by_operation[op].read_only for op in sent if op != tool.operation.id)
            assert "before calling again" in text_of(result), tool.name


# --- client-side rate awareness, against the sandbox's real limits -----------------------------


def _catalog_without_limits(catalog: Catalog) -> Catalog:
    tools = tuple(
        dataclasses.replace(
            t, operation=dataclasses.replace(t.operation, rate_limit_per_minute=None)
        )
        for t in catalog.tools
    )
    return dataclasses.replace(catalog, tools=tools)


async def _calls(
    settings: Settings, catalog: Catalog, n: int, tool: str, budget_s: float, clock: Clock
) -> list[str | None]:
    """`n` calls on a fresh server; the error text of each (None when it succeeded)."""
    retry = RetryPolicy(base_delay_s=0.01, budget_s=budget_s)
    runtime = Runtime(catalog, settings, retry=retry, clock=clock)
    out: list[str | None] = []
    try:
        async with Client(build_server(catalog, runtime), elicitation_callback=accept_all) as c:
            for _ in range(n):
                result = await c.call_tool(tool, {"limit": 1})
                out.append(text_of(result) if result.is_error else None)
    finally:
        await runtime.aclose()
    return out


async def test_spec_limits_space_calls_before_the_api_says_429(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """list_metric_evaluation_results is limited to 10 per minute (spec and sandbox alike).

    This server keeps the eleventh call back itself (no request, no 429): the tenth answer
    said no calls are left in the API's window, and that count governs. A second server for
    the same user, which cannot know what the first sent, gets the sandbox's real 429; its
    final error says when to try again, and it then holds back too.
    """
    tool, op = "list_metric_evaluation_results", "get-metric-evaluation-results"
    spec = CATALOG.get(tool)
    assert spec is not None and spec.operation.rate_limit_per_minute == 10
    sandbox.set_rate_limits(True)
    settings = sandbox_settings(sandbox)

    first = await _calls(settings, CATALOG, 11, tool, budget_s=0.5, clock=stopped_clock)
    assert first[:10] == [None] * 10
    assert first[10] is not None and "nothing was sent" in first[10]
    assert f"Amigo said the rate limit of {op} is used up" in first[10]
    assert "Retry after 30 seconds" in first[10], "the window ends 30 s after STOPPED_AT"
    assert sandbox.request_counts()[op] == 10
    assert "429" not in sandbox.response_statuses()[op]

    second = await _calls(settings, CATALOG, 2, tool, budget_s=0.5, clock=stopped_clock)
    assert sandbox.request_counts()[op] == 11, "one real request, then held back"
    assert sandbox.response_statuses()[op]["429"] == 1
    assert second[0] is not None and "HTTP 429" in second[0]
    assert "Retry after 30 seconds" in second[0], second[0]
    assert second[1] is not None and "nothing was sent" in second[1]


async def test_without_rate_limit_headers_the_spec_limits_hold_calls_back(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """An API that reports no window (the sandbox with limits off sends no X-RateLimit-*):
    the spec's 10 per minute, counted here, keeps the eleventh call back."""
    tool, op = "list_metric_evaluation_results", "get-metric-evaluation-results"
    settings = sandbox_settings(sandbox)
    results = await _calls(settings, CATALOG, 11, tool, budget_s=0.5, clock=stopped_clock)
    assert results[:10] == [None] * 10
    assert results[10] is not None and "nothing was sent" in results[10]
    assert f"{op} is limited to 10 calls per minute" in results[10]
    assert sandbox.request_counts()[op] == 10


async def test_without_the_spec_limits_the_answers_headers_still_hold_calls_back(
    sandbox: RunningSandbox, stopped_clock: Clock
) -> None:
    """With the limits unknown, X-RateLimit-Remaining: 0 on the tenth answer is enough."""
    tool, op = "list_metric_evaluation_results", "get-metric-evaluation-results"
    sandbox.set_rate_limits(True)
    catalog = _catalog_without_limits(CATALOG)
    settings = sandbox_settings(sandbox)
    results = await _calls(settings, catalog, 11, tool, budget_s=0.5, clock=stopped_clock)
    assert results[:10] == [None] * 10
    assert results[10] is not None and "nothing was sent" in results[10]
    assert sandbox.request_counts()[op] == 10
    assert "429" not in sandbox.response_statuses()[op]


# --- the policy itself (pure functions of the real classes) ------------------------------------


def test_backoff_is_exponential_capped_and_jittered() -> None:
    policy = RetryPolicy(base_delay_s=0.5, max_delay_s=4.0, jitter=0.25)
    low: Callable[[], float] = lambda: 0.0  # noqa: E731
    high: Callable[[], float] = lambda: 1.0  # noqa: E731
    assert [policy.backoff(a, low) for a in range(1, 6)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert [policy.backoff(a, high) for a in range(1, 4)] == [0.625, 1.25, 2.5]


def test_retry_hints_win_over_backoff_and_are_capped() -> None:
    policy = RetryPolicy(base_delay_s=0.5, max_delay_s=20.0, jitter=0.0)
    now = 1_800_000_000.0  # the caller's clock: a plain input

    def wait(headers: dict[str, str], attempt: int = 1) -> float:
        return policy.delay_after(retry_after_seconds(headers, now), attempt)

    assert wait({"retry-after": "7"}) == 7.0
    assert wait({"retry-after": "2"}, 3) == 2.0
    assert wait({"x-ratelimit-reset": str(now + 15)}) == 15.0
    assert wait({"x-ratelimit-reset": str(now + 30)}) == 20.0, "capped at max_delay_s"
    assert wait({"retry-after": "Fri, 15 Jan 2027 08:00:12 GMT"}) == 12.0
    assert wait({}, 3) == 2.0


def test_which_answers_are_retried() -> None:
    """Reads on 408, 429 and 5xx (but 501); writes only when refused before running."""
    policy = RetryPolicy()
    for status in (200, 201, 400, 401, 403, 404, 409, 422, 501):
        assert not policy.retries_status(status, safe_to_repeat=True)
        assert not policy.retries_status(status, safe_to_repeat=False)
    for status in (408, 429, 500, 502, 503, 504):
        assert policy.retries_status(status, safe_to_repeat=True)
        assert policy.retries_status(status, safe_to_repeat=False) is (status in (429, 503))


def test_timeouts_are_configurable_and_checked() -> None:
    from amigo_client.exceptions import ConfigurationError

    assert Settings.from_env({"AMIGO_TIMEOUT": "2.5"}).timeout_s == 2.5
    assert Settings.from_env({}, timeout_s=7).timeout_s == 7
    for bad in ("0", "-1", "601", "soon"):
        with pytest.raises(ConfigurationError, match=r"AMIGO_TIMEOUT|timeout"):
            Settings.from_env({"AMIGO_TIMEOUT": bad})
