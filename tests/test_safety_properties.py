"""A careless agent, generated: 1,000+ tool calls with arguments drawn from every tool's input
schema, valid and broken at one place, while the sandbox injects random faults.

Checked on every call:
- the server never crashes: no protocol error, no "failed inside amigo-mcp", the SDK client
  accepts every result (it checks structured content against the output schema);
- schema-invalid arguments: an error that names the broken field, no request to the API, and
  no confirmation question to the user;
- schema-valid arguments: a request reached the API, or the server says that nothing was sent
  and when to retry (client-side rate spacing), or a delete's read found the object gone, or
  a rollback's read failed and nothing was created;
- no duplicated writes: a write that is not idempotent reaches the API's handler at most once;
- no secret (API key, any JWT) in any result.
Both protocol eras, each on its own server, against a sandbox of its own (rate limits off: the
faults are the injected ones, and the spacing is the server's).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from build_catalog import INPUT_KEYWORDS
from hypothesis import given, settings
from hypothesis import strategies as st

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.server import RunningSandbox, start_in_thread
from testing.careless_agent import FAULTS, Tally, run_era
from testing.mcp_helpers import connect, sandbox_settings, text_of
from testing.safety_support import CATALOG
from testing.schema_strategies import accepts, check_keywords, mutation, valid
from tests.sandbox_support import STOPPED_AT


@pytest.fixture(scope="module")
def own_sandbox() -> Iterator[RunningSandbox]:
    """Random creates and deletes stay out of the shared sandbox; its clock moves only when
    the run moves it."""
    clock = SandboxClock(stopped_at=STOPPED_AT.timestamp())
    with start_in_thread(db=":memory:", seed_demo=True, rate_limits=False, clock=clock) as running:
        yield running


@pytest.fixture(scope="module")
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal("asyncio") as running:
        yield running


def test_every_input_schema_is_understood_by_the_generator() -> None:
    for tool in CATALOG.tools:
        check_keywords(tool.input_schema)


def test_the_generator_knows_every_keyword_a_tool_schema_can_carry() -> None:
    """The catalog keeps these keywords of the spec: a spec that starts using one of them
    (`maxProperties` on tags, say) needs no change here."""
    nested: dict[str, Any] = {
        "items": {},
        "additionalProperties": {},
        "propertyNames": {},
        "properties": {"a": {}},
        "anyOf": [{}],
        "oneOf": [{}],
        "allOf": [{}],
    }
    check_keywords({key: nested.get(key) for key in INPUT_KEYWORDS})


# Schemas with the keywords the catalog does not use yet (tags' `maxProperties` among them).
KEYWORD_SCHEMAS = [
    {
        "type": "object",
        "maxProperties": 3,
        "propertyNames": {"minLength": 1, "pattern": r"^[\w\s]+$"},
        "additionalProperties": {"type": ["string", "null"], "minLength": 1},
    },
    {"type": "object", "minProperties": 1, "additionalProperties": {"type": "integer"}},
    {"type": "integer", "multipleOf": 5, "minimum": 3, "exclusiveMaximum": 40},
    {"type": "number", "multipleOf": 0.5, "maximum": 10},
    {
        "allOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
            {"properties": {"b": {"type": "integer", "deprecated": True}}},
        ],
    },
]


@pytest.mark.parametrize("schema", KEYWORD_SCHEMAS)
@settings(max_examples=30, derandomize=True)
@given(data=st.data())
def test_drawn_values_keep_every_keyword_and_mutations_break_one(
    schema: dict[str, Any], data: st.DataObject
) -> None:
    check_keywords(schema)
    value = data.draw(valid(schema))
    assert accepts(schema, value), value
    wrapped = {"type": "object", "properties": {"field": schema}, "required": ["field"]}
    broken = data.draw(mutation(wrapped, {"field": value}))
    if broken is not None:
        what, arguments, field = broken
        assert not accepts(wrapped, arguments), (what, arguments)
        assert field.startswith("field"), field


@pytest.mark.slow
@pytest.mark.longest
def test_a_thousand_careless_calls_under_faults(
    own_sandbox: RunningSandbox, portal: BlockingPortal
) -> None:
    tally = Tally()
    for mode in ("auto", "legacy"):
        run_era(mode, own_sandbox, portal, tally)
    print(
        f"\n{tally.calls} calls ({tally.valid} valid, {tally.invalid} invalid), "
        f"{sum(tally.faults.values())} with a fault ({len(tally.faults)} kinds), "
        f"{tally.held_back} held back by rate spacing, {len(tally.crashes)} crashes, "
        f"{len(tally.duplicated_writes)} duplicated writes; faults: {dict(tally.faults)}"
    )
    assert tally.crashes == []
    assert tally.duplicated_writes == []
    assert tally.leaks == []
    assert tally.calls >= 1000
    # About 30% of the drawn calls are invalid and 70% valid (e.g. 294 / 806, 330 / 770); the
    # bounds sit far below those shares so that random draws never trip them, while a
    # generator that stopped producing either kind would.
    assert tally.invalid >= 200 and tally.valid >= 500
    assert len(tally.faults) == len(FAULTS), tally.faults


@pytest.mark.anyio
async def test_an_argument_called_query_is_named(sandbox: RunningSandbox) -> None:
    """Found by the run above: `query` was taken for an API location and dropped."""
    cases: list[tuple[dict[str, Any], str]] = [
        ({}, "- query: is required"),
        ({"query": ""}, "- query: must not be empty"),
        ({"query": 7}, "- query: must be of type string"),
    ]
    async with connect(sandbox_settings(sandbox), "auto") as (client, _):
        for arguments, line in cases:
            result = await client.call_tool("search_simulation_scenarios", arguments)
            assert result.is_error and line in text_of(result), text_of(result)
