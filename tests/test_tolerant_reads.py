"""Reading what Amigo adds: an unknown enum value or field never fails a read.

First, with the sandbox's `unknown_enum` fault on every answer of each read whose answer carries
an enum: `AmigoClient`, its `iter_*` twin (over several pages) and the MCP tool all return the
data, the value kept as its plain string, reported once per operation and field.

Then, for every operation whose tool returns the answer's body: a real sandbox answer, changed
by hypothesis (enum values the spec does not list, fields it does not list, optional fields left
out), served over HTTP and read by the generated operation module. The model keeps everything
(`to_dict()` gives the changed body back), one `UnknownValueWarning` names each added value and
field, and nothing fails.
"""

from __future__ import annotations

import copy
import importlib
import json
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from amigo_client import (
    AmigoClient,
    APIResponseValidationError,
    Client,
    ResponseParseError,
    UnknownValueWarning,
)
from amigo_client.api.metrics import get_metrics
from amigo_client.models import ErrorBody
from hypothesis import given, settings
from hypothesis import strategies as st

from amigo_mcp.catalog import ToolSpec
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import (
    DEMO_BEHAVIOR_SET_IDS,
    DEMO_CONVERSATION_ID,
    DEMO_SCENARIO_IDS,
)
from amigo_sandbox.faults import UNKNOWN_ENUM_VALUE, Slot, slots
from amigo_sandbox.server import RunningSandbox
from amigo_sandbox.spec import Spec
from testing.mcp_helpers import connect, sandbox_settings, text_of
from testing.safety_support import CATALOG, answer_has_enum, fresh_records, valid_arguments
from testing.sandbox_http import http_client, serving
from tests.client_support import sync_client

SET_ID = DEMO_BEHAVIOR_SET_IDS["refunds"]
SCENARIO_ID = DEMO_SCENARIO_IDS["double_charge"]  # two versions


@dataclass(frozen=True)
class Read:
    """A read of `AmigoClient`, and its `iter_*` twin when the operation pages."""

    call: Callable[[AmigoClient], Any]
    iterate: Callable[[AmigoClient], Iterator[Any]] | None


# Every read whose answer carries an enum, as a user of the client calls it.
ENUM_READS: dict[str, Read] = {
    "get-dynamic-behavior-set-versions": Read(
        lambda a: a.get_dynamic_behavior_set_versions(SET_ID),
        lambda a: a.iter_dynamic_behavior_set_versions(SET_ID, limit=1),
    ),
    "get-metrics": Read(lambda a: a.get_metrics(), lambda a: a.iter_metrics(limit=1)),
    "search-metrics": Read(lambda a: a.search_metrics(query="satisfaction"), None),
    "get-metric-evaluation-results": Read(
        lambda a: a.get_metric_evaluation_results(),
        lambda a: a.iter_metric_evaluation_results(limit=1),
    ),
    "get-conversations": Read(
        lambda a: a.get_conversations(), lambda a: a.iter_conversations(limit=1)
    ),
    "get-conversation-messages": Read(
        lambda a: a.get_conversation_messages(DEMO_CONVERSATION_ID),
        lambda a: a.iter_conversation_messages(DEMO_CONVERSATION_ID, limit=1),
    ),
    "get-simulation-scenario-versions": Read(
        lambda a: a.get_simulation_scenario_versions(SCENARIO_ID),
        lambda a: a.iter_simulation_scenario_versions(SCENARIO_ID, limit=1),
    ),
}


def read_tool(operation_id: str) -> ToolSpec:
    return next(t for t in CATALOG.tools if t.operation.id == operation_id and t.composite is None)


def endpoint_name(tool: ToolSpec) -> str:
    """The operation's name in the generated code (its module's name, from the catalog)."""
    return tool.operation.module.rsplit(".", 1)[1]


def dumped(model: Any) -> str:
    return json.dumps(model.to_dict())


def test_the_table_holds_every_read_with_an_enum(sandbox: RunningSandbox) -> None:
    reads = {op for op in sandbox.sandbox.spec.by_id if answer_has_enum(sandbox, op)}
    assert set(ENUM_READS) == reads


@pytest.mark.parametrize("operation_id", sorted(ENUM_READS))
def test_the_client_keeps_an_unknown_enum_value(
    sandbox: RunningSandbox, stopped_clock: SandboxClock, operation_id: str
) -> None:
    """(On a stopped clock: paging one item at a time outruns an operation's documented
    per-minute limit, and the client's rate gate then waits on the clock.)"""
    read = ENUM_READS[operation_id]
    name = endpoint_name(read_tool(operation_id))
    sandbox.inject_fault(operation_id, "unknown_enum", times=None)  # every answer, every page
    pages = 0
    with sync_client(sandbox, stopped_clock) as amigo:
        with pytest.warns(UnknownValueWarning) as caught:
            answer = read.call(amigo)
        assert UNKNOWN_ENUM_VALUE in dumped(answer)
        said = [w.message for w in caught if isinstance(w.message, UnknownValueWarning)]
        assert said and {w.operation for w in said} == {name}
        assert {w.kind for w in said} == {"enum value"}
        assert len({w.path for w in said}) == len(said), "one warning per field"
        if read.iterate is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UnknownValueWarning)
                items = list(read.iterate(amigo))
            # One item a page: each page's answer had its first enum value replaced (an item
            # may carry no enum value: an empty conversation has no final message).
            assert len(items) > 1
            assert any(UNKNOWN_ENUM_VALUE in dumped(item) for item in items)
            pages = len(items)
    assert sandbox.request_counts()[operation_id] == 1 + pages


@pytest.mark.anyio
@pytest.mark.parametrize("operation_id", sorted(ENUM_READS))
async def test_the_tool_passes_an_unknown_enum_value_on(
    sandbox: RunningSandbox, operation_id: str
) -> None:
    tool = read_tool(operation_id)
    sandbox.inject_fault(operation_id, "unknown_enum", times=None)
    async with connect(sandbox_settings(sandbox), "auto") as (client, _):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnknownValueWarning)
            result = await client.call_tool(tool.name, valid_arguments(tool.name))
    assert result.is_error is False, text_of(result)
    assert result.structured_content is not None
    assert UNKNOWN_ENUM_VALUE in json.dumps(result.structured_content)
    assert sandbox.request_counts()[operation_id] == 1


# --- every answer's shape, changed by hypothesis, over HTTP ----------------------------------


@dataclass
class Served:
    """A local HTTP server answering every request with `status` and `body` (JSON)."""

    base_url: str = ""
    status: int = 200
    body: bytes = b"{}"


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    state = Served()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(state.body)))
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with serving(Handler) as state.base_url:
        yield state


BODY_TOOLS = [t for t in CATALOG.tools if t.composite is None and t.operation.result == "body"]


@dataclass(frozen=True)
class RealAnswer:
    tool: ToolSpec
    pointer: str  # the success body's schema
    body: Any


@pytest.fixture(scope="module")
def real_answers(sandbox_server: RunningSandbox) -> dict[str, RealAnswer]:
    """One real sandbox answer per tool operation, asked over HTTP with the tool's arguments."""
    set_id, scenario_id = fresh_records(sandbox_server)
    answers: dict[str, RealAnswer] = {}
    token = sandbox_server.issue_token()
    with http_client(
        sandbox_server.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10
    ) as http:
        for tool in BODY_TOOLS:
            op = tool.operation
            arguments = valid_arguments(tool.name, set_id=set_id, scenario_id=scenario_id)
            path = op.path.format(
                organization=sandbox_server.organization,
                **{f: arguments[f] for f in op.path_fields},
            )
            body = {f: arguments[f] for f in op.body_fields if f in arguments}
            answer = http.request(
                op.method,
                path,
                params={f: arguments[f] for f in op.query_fields if f in arguments},
                json=body if op.body_fields else None,
            )
            assert answer.status_code == op.success_status, (tool.name, answer.text)
            spec_op = sandbox_server.sandbox.spec.by_id[op.id]
            pointer = spec_op.response_pointers[op.success_status]
            assert pointer is not None
            answers[tool.name] = RealAnswer(tool, pointer, answer.json())
    return answers


EXAMPLES = 30  # a case per operation: 25 operations, read through HTTP each time
NEW_NAMES = st.from_regex(r"new_[a-z]{1,8}", fullmatch=True)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(NEW_NAMES, inner, max_size=2),
    max_leaves=4,
)


def subset(draw: st.DrawFn, items: list[Slot]) -> list[Slot]:
    chosen = draw(st.sets(st.integers(0, len(items) - 1), max_size=3)) if items else set()
    return [items[i] for i in sorted(chosen)]


@st.composite
def drifted(draw: st.DrawFn, spec: Spec, answer: RealAnswer) -> tuple[Any, set[tuple[str, str]]]:
    """The answer with optional fields left out, enum values and fields added; and the
    (path, kind) of each addition."""
    body = copy.deepcopy(answer.body)
    schema = spec.schema_at(answer.pointer)
    for slot in subset(draw, [s for s in slots(spec, schema, body) if not s.required]):
        slot.container.pop(slot.key, None)
    added: set[tuple[str, str]] = set()
    found = list(slots(spec, schema, body))
    enums = [s for s in found if "enum" in s.schema and isinstance(s.value, str)]
    for slot in subset(draw, enums):
        value = draw(st.text(min_size=1, max_size=12))
        while value in slot.schema["enum"]:
            value += "+"
        slot.container[slot.key] = value
        added.add((slot.path, "enum value"))
    root = Slot({"": body}, "", spec.resolve(schema), True, "")
    objects = [s for s in [root, *found] if isinstance(s.value, dict) and "properties" in s.schema]
    for slot in subset(draw, objects):
        name = draw(NEW_NAMES)
        while name in slot.value:
            name += "_"
        slot.value[name] = draw(JSON_VALUES)
        added.add((f"{slot.path}.{name}" if slot.path else name, "field"))
    return body, added


def same_instants(value: Any) -> Any:
    """`value` with each date-time string as the instant it names (the models write them back
    in Python's ISO form)."""
    if isinstance(value, dict):
        return {k: same_instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [same_instants(v) for v in value]
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and value[10:11] == "T":
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


@pytest.mark.parametrize("tool_name", [t.name for t in BODY_TOOLS])
def test_every_answer_keeps_what_the_api_adds(
    sandbox_server: RunningSandbox,
    real_answers: dict[str, RealAnswer],
    served: Served,
    tool_name: str,
) -> None:
    answer = real_answers[tool_name]
    spec = sandbox_server.sandbox.spec
    module = importlib.import_module(answer.tool.operation.module)
    client = Client(base_url=served.base_url)
    served.status = answer.tool.operation.success_status

    @settings(max_examples=EXAMPLES)
    @given(drifted(spec, answer))
    def reads(case: tuple[Any, set[tuple[str, str]]]) -> None:
        body, added = case
        served.body = json.dumps(body).encode()
        raw = http.get("/")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            response = module._build_response(client=client, response=raw)
        assert response.parse_error is None, str(response.parse_error)
        assert response.parsed is not None
        assert same_instants(response.parsed.to_dict()) == same_instants(body)
        said = [
            (w.message.path, w.message.kind)
            for w in caught
            if isinstance(w.message, UnknownValueWarning)
        ]
        assert added <= set(said), (added, said)
        assert len(said) == len(set(said)), "one warning per field"
        assert all(
            w.message.operation == endpoint_name(answer.tool)
            for w in caught
            if isinstance(w.message, UnknownValueWarning)
        )

    with http_client(served.base_url) as http:
        reads()


# --- what still cannot be read: named, with its value and its cause -------------------------


def drop(body: Any, path: list[Any]) -> Any:
    changed = copy.deepcopy(body)
    container = changed
    for key in path[:-1]:
        container = container[key]
    del container[path[-1]]
    return changed


def put(body: Any, path: list[Any], value: Any) -> Any:
    changed = copy.deepcopy(body)
    container = changed
    for key in path[:-1]:
        container = container[key]
    container[path[-1]] = value
    return changed


VERSIONS = "dynamic_behavior_set_versions"


@pytest.mark.parametrize(
    ("change", "field", "says", "cause"),
    [
        pytest.param(
            lambda body: drop(body, [VERSIONS, 0, "creator", "user_id"]),
            f"{VERSIONS}[].creator.user_id",
            "required but missing",
            KeyError,
            id="missing-required-field",
        ),
        pytest.param(
            lambda body: put(body, [VERSIONS, 0, "created_at"], "last tuesday"),
            f"{VERSIONS}[].created_at",
            "could not read the value 'last tuesday'",
            ValueError,
            id="bad-date-time",
        ),
        pytest.param(
            lambda body: put(body, [VERSIONS, 0, "actions"], [7]),
            f"{VERSIONS}[].actions[]",
            "could not read the value [7]",
            TypeError,
            id="no-oneof-arm",
        ),
    ],
)
def test_what_cannot_be_read_is_named_with_its_value_and_cause(
    sandbox: RunningSandbox,
    real_answers: dict[str, RealAnswer],
    served: Served,
    change: Callable[[Any], Any],
    field: str,
    says: str,
    cause: type[Exception],
) -> None:
    """Through `AmigoClient`, over HTTP: the error names the operation, the field path and the
    value, and chains the reading's error (whose own cause is the first exception)."""
    body = real_answers["list_dynamic_behavior_set_versions"].body
    assert body[VERSIONS][0]["actions"], "the answer has an action to change"
    served.status, served.body = 200, json.dumps(change(body)).encode()
    with (
        AmigoClient(
            organization_id=sandbox.organization, bearer_token="t", base_url=served.base_url
        ) as amigo,
        pytest.raises(APIResponseValidationError) as caught,
    ):
        amigo.get_dynamic_behavior_set_versions(SET_ID)
    error = caught.value
    assert error.field == field
    assert str(error).startswith("get-dynamic-behavior-set-versions: the HTTP 200 answer")
    assert f"{field}: {says}" in str(error)
    assert isinstance(error.__cause__, ResponseParseError)
    assert isinstance(error.__cause__.__cause__, cause)


def test_an_error_answer_is_not_reported_as_drift(sandbox: RunningSandbox) -> None:
    """Error bodies become the raised errors; only success answers are reported."""
    with sync_client(sandbox) as amigo, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = get_metrics.sync_detailed(sandbox.organization, client=amigo.generated, limit=-1)
    assert answer.status_code == 422 and isinstance(answer.parsed, ErrorBody)
    assert not [w for w in caught if issubclass(w.category, UnknownValueWarning)]
