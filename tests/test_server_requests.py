"""The server's request and answer reading, against the generated client's.

The server turns a tool's JSON arguments into the request once (`arguments.request_of`), from
what the catalog records of the operation, without building the generated models. For random
valid arguments of every tool, drawn from its input schema, that request equals, method, URL
(path and query), headers and JSON body, the one the generated operation function builds
(`_get_kwargs`, then httpx) from the same arguments read into its types and models.

The server reads a success answer once, as JSON, and tells whether the client's tolerant reader
would read it (`invoke.readable`, from the answer schema the catalog holds) without building a
model. For real answers changed by hypothesis (required fields dropped, values of other types,
nulls), that verdict equals the generated reader's (`_build_response(...).parsed is not None`).
"""

from __future__ import annotations

import copy
import enum
import functools
import importlib
import json
import typing
import warnings
from collections.abc import Iterator
from datetime import datetime
from types import UnionType
from typing import Any

import httpx
import pytest
from amigo_client import Client, UnknownValueWarning
from amigo_client.types import UNSET, Unset
from amigo_client.writing import request_body
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from amigo_mcp.arguments import request_of
from amigo_mcp.catalog import ToolSpec, load_catalog
from amigo_mcp.invoke import readable
from amigo_mcp.settings import Settings
from amigo_sandbox.faults import slots
from amigo_sandbox.server import RunningSandbox
from testing.safety_support import fresh_records, valid_arguments
from testing.sandbox_http import http_client
from testing.schema_strategies import valid

CATALOG = load_catalog()
TOOLS = [tool for tool in CATALOG.tools if tool.composite is None]
BASE_URL = "https://amigo.test"
# Organizations as configured, one with characters a path must quote.
ORGANIZATIONS = st.sampled_from(["org-1", "a b/c?d#é"])
CLUSTERS = st.sampled_from([None, "cluster-7"])


def typed(value: Any, annotation: Any) -> Any:
    """`value` (JSON) read as the generated function's `annotation` asks: what a caller of the
    generated client passes (enum members, datetimes, models)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, UnionType):
        arms = [a for a in typing.get_args(annotation) if a not in (type(None), Unset)]
        if value is None:
            return None
        for arm in arms:
            try:
                return typed(value, arm)
            except (TypeError, ValueError):
                continue
        return value
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [typed(v, item) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation(value)
    if annotation is datetime:
        return datetime.fromisoformat(value)
    return value


def generated_request(
    tool: ToolSpec, config: Settings, arguments: dict[str, Any], http: httpx.Client
) -> httpx.Request:
    """The request the generated operation function makes for `arguments`."""
    op = tool.operation
    module = importlib.import_module(op.module)
    hints = typing.get_type_hints(module._get_kwargs)
    kwargs: dict[str, Any] = {}
    for parameter, setting in CATALOG.hidden_parameters.items():
        value = getattr(config, setting)
        if value and parameter in op.python_names:
            kwargs[op.python_names[parameter]] = value
    for name in (*op.path_fields, *op.query_fields):
        if name in arguments:
            keyword = op.python_names[name]
            kwargs[keyword] = typed(arguments[name], hints[keyword])
    if op.body_fields:
        body = {name: arguments[name] for name in op.body_fields if name in arguments}
        kwargs["body"] = request_body(hints["body"], body, op.id)
    assert all(v is not UNSET for v in kwargs.values())
    return http.build_request(**module._get_kwargs(**kwargs))


def server_request(
    tool: ToolSpec, config: Settings, arguments: dict[str, Any], http: httpx.Client
) -> httpx.Request:
    request = request_of(CATALOG, tool, config, arguments)
    return http.build_request(
        request.method,
        request.url,
        params=request.params,
        headers=request.headers,
        json=request.json,
    )


@functools.cache
def configured(organization: str, cluster: str | None) -> Settings:
    return Settings.create(
        base_url=BASE_URL,
        organization_id=organization,
        bearer_token="token",
        mongo_cluster_name=cluster,
    )


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    """Builds requests only (nothing is sent): one client for every example."""
    with httpx.Client(base_url=BASE_URL) as client:
        yield client


@pytest.mark.slow  # a property run per tool: the whole suite runs it, the quick loop not
@pytest.mark.parametrize("tool", TOOLS, ids=[tool.name for tool in TOOLS])
def test_the_server_sends_what_the_generated_client_sends(
    tool: ToolSpec, http: httpx.Client
) -> None:
    arguments_of = valid(tool.input_schema)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(arguments=arguments_of, organization=ORGANIZATIONS, cluster=CLUSTERS)
    def same(arguments: dict[str, Any], organization: str, cluster: str | None) -> None:
        config = configured(organization, cluster)
        sent = copy.deepcopy(arguments)
        ours = server_request(tool, config, arguments, http)
        theirs = generated_request(tool, config, arguments, http)
        assert arguments == sent, "the arguments are not changed"
        assert (ours.method, str(ours.url)) == (theirs.method, str(theirs.url))
        assert ours.headers.multi_items() == theirs.headers.multi_items()
        if theirs.content:
            assert json.loads(ours.content) == json.loads(theirs.content)
        else:
            assert ours.content == b""

    same()


def test_a_date_time_is_sent_in_the_form_the_models_write() -> None:
    """`Z` and other ISO forms become Python's ISO form, in the query and inside a body."""
    config = Settings.create(base_url=BASE_URL, organization_id="org", bearer_token="token")
    listed = request_of(
        CATALOG,
        CATALOG.tool("list_metric_evaluation_results"),
        config,
        {"timestamp_after": "2026-01-31T12:00:00Z", "timestamp_before": None},
    )
    assert listed.params["timestamp_after"] == "2026-01-31T12:00:00+00:00"
    assert "timestamp_before" not in listed.params
    assert listed.params["limit"] == 500, "the generated client's default is sent"
    created = request_of(
        CATALOG,
        CATALOG.tool("create_simulation_scenario"),
        config,
        valid_arguments("create_simulation_scenario")
        | {
            "initial_version": valid_arguments("create_simulation_scenario")["initial_version"]
            | {"conversation_starts_at": "2026-01-31T12:00:00.5Z"}
        },
    )
    assert created.json is not None
    assert (
        created.json["initial_version"]["conversation_starts_at"]
        == "2026-01-31T12:00:00.500000+00:00"
    )


# --- reading an answer -------------------------------------------------------------------------

BODY_TOOLS = [tool for tool in TOOLS if tool.operation.result == "body"]
ODD_VALUES = st.sampled_from([None, 7, 1.5, True, "", "text", "2026-13-45", [], [7], {}, {"a": 1}])


@pytest.fixture(scope="module")
def real_bodies(sandbox_server: RunningSandbox) -> dict[str, Any]:
    """One real sandbox answer per tool, asked over HTTP with the tool's arguments."""
    set_id, scenario_id = fresh_records(sandbox_server)
    token = sandbox_server.issue_token()
    config = Settings.create(
        base_url=sandbox_server.base_url,
        organization_id=sandbox_server.organization,
        bearer_token=token,
    )
    bodies = {}
    with http_client(
        sandbox_server.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10
    ) as http:
        for tool in BODY_TOOLS:
            arguments = valid_arguments(tool.name, set_id=set_id, scenario_id=scenario_id)
            answer = http.send(server_request(tool, config, arguments, http))
            assert answer.status_code == tool.operation.success_status, answer.text
            bodies[tool.name] = answer.json()
    return bodies


@st.composite
def changed(draw: st.DrawFn, sandbox: RunningSandbox, tool: ToolSpec, body: Any) -> Any:
    """`body` with up to three of its fields dropped or given another value."""
    spec = sandbox.sandbox.spec
    pointer = spec.by_id[tool.operation.id].response_pointers[tool.operation.success_status]
    assert pointer is not None
    body = copy.deepcopy(body)
    for _ in range(draw(st.integers(0, 3))):
        try:
            found = sorted(slots(spec, spec.schema_at(pointer), body), key=lambda s: s.path)
        except TypeError:  # a discriminator changed to a list or an object: no more changes
            break
        if not found:
            break
        slot = found[draw(st.integers(0, len(found) - 1))]
        if draw(st.booleans()):
            del slot.container[slot.key]  # a field, or a list's item
        else:
            value = copy.deepcopy(draw(ODD_VALUES))
            assume(not iterated(slot.schema, value))
            slot.container[slot.key] = value
    return body


def iterated(schema: dict[str, Any], value: Any) -> bool:
    """Whether the generated reader takes `value` for `schema` only by iterating it: a list from
    a string's characters or an object's keys, an object from `dict("")` or a list of pairs.
    The server does not (see `test_what_the_client_takes_by_iterating_is_noted`)."""
    declared = schema.get("type", "object" if "properties" in schema else [])
    kinds = [declared] if isinstance(declared, str) else list(declared)
    if "array" in kinds and isinstance(value, str | dict):
        return True
    return "object" in kinds and isinstance(value, str | list)


@pytest.mark.slow  # a property run per tool: the whole suite runs it, the quick loop not
@pytest.mark.parametrize("tool", BODY_TOOLS, ids=[tool.name for tool in BODY_TOOLS])
def test_the_server_reads_an_answer_as_the_client_reads_it(
    sandbox_server: RunningSandbox, real_bodies: dict[str, Any], tool: ToolSpec
) -> None:
    module = importlib.import_module(tool.operation.module)
    client = Client(base_url=BASE_URL)
    status = tool.operation.success_status

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(changed(sandbox_server, tool, real_bodies[tool.name]))
    def same(body: Any) -> None:
        answer = httpx.Response(status, content=json.dumps(body).encode())
        read = module._build_response(client=client, response=answer)
        assert (read.parsed is not None) == (isinstance(body, dict) and readable(tool, body))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownValueWarning)
        same()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("actions", "", id="list-as-empty-string"),
        pytest.param("actions", {}, id="list-as-empty-object"),
        pytest.param("creator", [["org_id", "o"], ["user_id", "u"]], id="object-as-pairs"),
    ],
)
def test_what_the_client_takes_by_iterating_is_noted(
    real_bodies: dict[str, Any], field: str, value: Any
) -> None:
    """Where the two readings differ: the generated reader takes what it can iterate for a
    list (`for item in ""`) or an object (`dict(pairs)`); the server takes a list
    for a list and an object for an object, so such an answer gets the drift note."""
    tool = CATALOG.tool("list_dynamic_behavior_set_versions")
    body = copy.deepcopy(real_bodies[tool.name])
    body["dynamic_behavior_set_versions"][0][field] = value
    module = importlib.import_module(tool.operation.module)
    answer = httpx.Response(200, content=json.dumps(body).encode())
    assert module._build_response(client=Client(base_url=BASE_URL), response=answer).parsed
    assert not readable(tool, body)
