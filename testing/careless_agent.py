"""The careless agent: generated tool calls under random sandbox faults, checked call by call.

`run_era` makes the calls in one protocol era and counts what it saw in a `Tally`; the test
(tests/test_safety_properties.py, which lists what each call is checked for) fails on the first
problem so hypothesis shrinks it, bench/resilience.py counts them instead.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
from collections import Counter
from typing import Any

import mcp_types as types
from amigo_client.retries import RetryPolicy
from anyio.from_thread import BlockingPortal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mcp.client.session import ClientRequestContext

from amigo_mcp.catalog import ToolSpec
from amigo_sandbox.demo import (
    DEMO_BEHAVIOR_SET_IDS,
    DEMO_CONVERSATION_IDS,
    DEMO_METRIC_IDS,
    DEMO_SCENARIO_IDS,
    DEMO_SERVICE_IDS,
)
from amigo_sandbox.faults import FaultKind
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import connect, sandbox_settings, text_of
from testing.safety_support import (
    CATALOG,
    CRASH_MARK,
    SecretScan,
    answer_has_enum,
    seen_between,
    snapshot,
)
from testing.schema_strategies import accepts, mutation, valid

EXAMPLES_PER_ERA = 550
# Sorted: a set's order follows the process's string hashing, and the draws must not.
KNOWN_IDS = tuple(
    sorted(
        {
            *DEMO_BEHAVIOR_SET_IDS.values(),
            *DEMO_CONVERSATION_IDS.values(),
            *DEMO_METRIC_IDS.values(),
            *DEMO_SCENARIO_IDS.values(),
            *DEMO_SERVICE_IDS.values(),
        }
    )
)
# Built once: hypothesis works a strategy out on its first draw, which costs far more than a draw.
ARGUMENTS = {tool.name: valid(tool.input_schema, KNOWN_IDS) for tool in CATALOG.tools}
TOOLS = st.sampled_from(CATALOG.tools)
STEP_S = 0.1  # sandbox time between two generated calls
RETRY = RetryPolicy(max_attempts=3, base_delay_s=0.005, max_delay_s=0.02, budget_s=2.0)
TIMEOUT_S = 0.15


@dataclasses.dataclass(frozen=True)
class Fault:
    kind: FaultKind
    options: tuple[tuple[str, Any], ...] = ()
    times: int | None = 1

    @property
    def name(self) -> str:
        shown = ",".join(f"{k}={v}" for k, v in self.options)
        return f"{self.kind}({shown})" + ("" if self.times == 1 else " always")


FAULTS = [
    Fault("status", (("status", 429), ("retry_after", 0))),
    Fault("status", (("status", 503), ("retry_after", 0))),
    Fault("status", (("status", 503), ("retry_after", 0)), None),
    Fault("status", (("status", 401),)),
    Fault("status", (("status", 500),)),
    Fault("slow", (("delay_s", 0.4),)),
    Fault("drop"),
    Fault("drop", (("after_handler", True),)),
    Fault("malformed_json"),
    Fault("unknown_enum"),
]


@dataclasses.dataclass
class Tally:
    """What a run saw. With `fail_fast` (the test), a crash, a duplicated write or a leak fails
    the example at once, so hypothesis shrinks it; without (bench/resilience.py), it is counted.
    """

    fail_fast: bool = True
    calls: int = 0
    valid: int = 0
    invalid: int = 0
    faults: Counter[str] = dataclasses.field(default_factory=Counter)
    crashes: list[str] = dataclasses.field(default_factory=list)
    duplicated_writes: list[str] = dataclasses.field(default_factory=list)
    held_back: int = 0
    leaks: list[str] = dataclasses.field(default_factory=list)

    def problem(self, kind: list[str], *found: str) -> None:
        kind.extend(found)
        if found and self.fail_fast:
            raise AssertionError("\n".join(found))


class Counting:
    """Accepts every confirmation, and counts the questions."""

    def __init__(self) -> None:
        self.asked = 0

    async def __call__(
        self, context: ClientRequestContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        self.asked += 1
        return types.ElicitResult(action="accept", content={"confirm": True})


def _fault_for(sandbox: RunningSandbox, tool: ToolSpec, fault: Fault | None) -> Fault | None:
    if fault is None:
        return None
    if fault.kind == "unknown_enum" and not answer_has_enum(sandbox, tool.operation.id):
        return None
    return fault


def run_era(
    mode: str,
    sandbox: RunningSandbox,
    portal: BlockingPortal,
    tally: Tally,
    examples: int = EXAMPLES_PER_ERA,
) -> None:
    """`examples` generated calls in one protocol era, counted in `tally` (also used by
    bench/resilience.py). A stopped sandbox clock is shared with the server and moved
    `STEP_S` per call, so retry waits and rate spacing take no real time."""
    asked = Counting()
    settings_ = sandbox_settings(sandbox, timeout_s=TIMEOUT_S)
    secrets = {sandbox.api_key}
    with portal.wrap_async_context_manager(
        connect(settings_, mode, retry=RETRY, clock=sandbox.clock, elicitation_callback=asked)
    ) as (client, _):
        portal.call(client.list_tools)

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(st.data())
        def one_call(data: st.DataObject) -> None:
            tool = data.draw(TOOLS, label="tool")
            arguments = data.draw(ARGUMENTS[tool.name], label="valid arguments")
            # Coin flips seeded by what was drawn: hypothesis's own small draws lean hard towards
            # their first option, which would leave most faults untried.
            seed = json.dumps([tool.name, arguments, data.draw(st.integers(), label="salt")])
            rng = random.Random(hashlib.sha256(seed.encode()).digest())
            broken = (
                data.draw(mutation(tool.input_schema, arguments), label="mutation")
                if rng.random() < 0.4
                else None
            )
            field = None
            if broken is not None:
                _, arguments, field = broken
            fault = _fault_for(sandbox, tool, rng.choice([None, None, *FAULTS]))
            is_valid = accepts(tool.input_schema, arguments)
            assert is_valid is (field is None), "the generator and the schema disagree"

            sandbox.clear_faults()
            if sandbox.clock.stopped:
                sandbox.advance_clock(STEP_S)
            if fault is not None:
                sandbox.inject_fault(
                    tool.operation.id, fault.kind, times=fault.times, **dict(fault.options)
                )
            questions, before = asked.asked, snapshot(sandbox)
            where = f"{mode} {tool.name} {fault.name if fault else 'no fault'}"
            try:
                result = portal.call(client.call_tool, tool.name, arguments)
            except Exception as exc:  # a protocol error or an output-schema mismatch: a crash
                tally.problem(tally.crashes, f"{where}: {type(exc).__name__}: {exc}")
                return
            finally:
                tally.calls += 1
                sandbox.clear_faults()
            after = snapshot(sandbox)
            text = text_of(result)
            one = SecretScan(secrets=secrets)
            one.add_result(where, result)
            tally.problem(tally.leaks, *one.leaks())
            if CRASH_MARK in text:
                tally.problem(tally.crashes, f"{where}: {text}")
            seen = seen_between(before, after, tool.operation.id)

            if not is_valid:
                tally.invalid += 1
                assert result.is_error, where
                assert "nothing was sent to Amigo" in text, text
                assert f"- {field}:" in text, f"{field!r} not named in {text!r}"
                assert after[0] == before[0], f"{where}: a request was sent"
                assert asked.asked == questions, f"{where}: the user was asked"
                return

            tally.valid += 1
            if fault is not None:
                tally.faults[fault.name] += 1
            if not result.is_error:
                assert result.structured_content is not None, where
            gone = (result.structured_content or {}).get("already_gone") is True
            if gone:
                # A delete whose object the read before the question found soft-deleted, or
                # a 404 after an earlier attempt of this call may have deleted it.
                assert after[0] != before[0], f"{where}: already gone without asking Amigo"
            elif seen.requests == 0 and tool.composite is not None and after[0] != before[0]:
                # A rollback whose read of the earlier version failed: the read reached Amigo.
                assert result.is_error and "nothing was created" in text, f"{where}: {text}"
            elif seen.requests == 0:
                assert result.is_error and "nothing was sent" in text, f"{where}: {text}"
                assert "Retry after" in text, text
                tally.held_back += 1
            if not tool.read_only and not tool.idempotent:
                dropped_first = fault is not None and fault.kind == "drop" and not fault.options
                dropped = 1 if dropped_first and seen.statuses.get("dropped") else 0
                reached = seen.requests - seen.turned_away - dropped
                if reached > 1:
                    tally.problem(tally.duplicated_writes, f"{where}: {seen}")

        one_call()
        # Still up, and still answering.
        result = portal.call(client.call_tool, "list_simulation_scenarios", {"limit": 1})
        assert not result.is_error, text_of(result)
