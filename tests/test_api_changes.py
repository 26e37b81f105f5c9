"""scripts/api_changes.py: realistic edits to a copy of the spec are classified for client and
tool callers, named by tool and client function, and reported exactly once."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from api_changes import TYPE_KEYWORDS, Change, Report, compare, main, match_key
from hypothesis import given, settings
from hypothesis import strategies as st
from published_documents import PINNED, published_document

from amigo_sandbox.spec import copy_document, load_yaml
from tests.regenerate_support import script_module

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "api_changes.py"
SPEC = REPO / "openapi" / "amigo.yaml"
PUBLISHED_STYLE = REPO / "tests" / "data" / "published_style_openapi.json"

SPEC_DOCUMENT: dict[str, Any] = load_yaml(SPEC)
LIST_SETS = "/v1/{organization}/dynamic_behavior_set/"
SCENARIOS = "/v1/{organization}/simulation/scenario/"
SCENARIO = "/v1/{organization}/simulation/scenario/{simulation_scenario_id}/"


def spec() -> dict[str, Any]:
    document: dict[str, Any] = copy_document(SPEC_DOCUMENT)
    return document


def changes_after(document: dict[str, Any]) -> list[Change]:
    return compare(SPEC_DOCUMENT, document).changes


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, [f"{c.operation_id}: {c.where} {c.detail}" for c in changes]
    return changes[0]


def parameter(document: dict[str, Any], path: str, method: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(
        p for p in document["paths"][path][method]["parameters"] if p.get("name") == name
    )
    return found


def schemas(document: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = document["components"]["schemas"]
    return found


def test_identical_specs_have_no_changes() -> None:
    report = compare(SPEC_DOCUMENT, spec())
    assert report.changes == []
    assert report.compared == len(
        [m for item in SPEC_DOCUMENT["paths"].values() for m in item if m != "parameters"]
    )


def test_renamed_response_field_breaks_client_callers_and_the_tool_that_names_it() -> None:
    document = spec()
    evaluated = schemas(document)["EvaluatedMetric"]
    evaluated["properties"]["reasoning"] = evaluated["properties"].pop("justification")
    evaluated["required"] = ["metric_id", "value", "references", "reasoning"]
    change = only(changes_after(document))
    assert change.kind == "field-renamed"
    assert change.where == "response 200 `metrics[].justification`"
    assert change.breaks_client
    # The tool's description tells the model to read `justification`.
    assert change.breaks_tools
    assert change.tools == ("evaluate_metrics",)
    assert change.functions == ("amigo_client.api.metrics.evaluate_metrics",)


def test_new_required_request_field_breaks_client_and_tool_callers() -> None:
    document = spec()
    request = schemas(document)["CreateSimulationScenarioRequest"]
    request["properties"]["priority"] = {"type": "integer", "description": "Run order."}
    request["required"].append("priority")
    change = only(changes_after(document))
    assert (change.kind, change.where) == ("field-added-required", "request body `priority`")
    assert change.breaks_client and change.breaks_tools
    assert change.tools == ("create_simulation_scenario",)
    assert change.functions == ("amigo_client.api.simulation_scenarios.create_simulation_scenario",)


def test_new_optional_request_field_is_safe() -> None:
    document = spec()
    request = schemas(document)["CreateSimulationScenarioRequest"]
    request["properties"]["priority"] = {"type": "integer", "description": "Run order."}
    change = only(changes_after(document))
    assert change.kind == "field-added"
    assert not change.breaking


def test_response_field_made_nullable_breaks_readers() -> None:
    document = spec()
    response = schemas(document)["CreateSimulationScenarioResponse"]
    response["properties"]["simulation_scenario_id"]["type"] = ["string", "null"]
    change = only(changes_after(document))
    assert change.kind == "became-nullable"
    assert change.where == "response 201 `simulation_scenario_id`"
    assert change.breaks_client and change.breaks_tools


def test_request_field_made_nullable_is_safe() -> None:
    document = spec()
    request = schemas(document)["CreateDynamicBehaviorSetRequest"]["properties"]["name"]
    request["type"] = ["string", "null"]
    change = only(changes_after(document))
    assert change.kind == "became-nullable"
    assert not change.breaking


def test_loosened_constraint_is_safe_and_tightened_one_breaks() -> None:
    loosened = spec()
    parameter(loosened, LIST_SETS, "get", "limit")["schema"]["maximum"] = 100
    change = only(changes_after(loosened))
    assert (change.kind, change.where) == ("constraint-loosened", "query parameter `limit`")
    assert not change.breaking

    tightened = spec()
    parameter(tightened, LIST_SETS, "get", "limit")["schema"]["maximum"] = 20
    change = only(changes_after(tightened))
    assert change.kind == "constraint-tightened"
    assert change.breaks_client and change.breaks_tools
    assert change.tools == ("list_dynamic_behavior_sets",)


def test_added_optional_query_parameter_is_safe() -> None:
    document = spec()
    document["paths"][SCENARIOS]["get"]["parameters"].insert(
        1,
        {
            "name": "name_prefix",
            "in": "query",
            "required": False,
            "description": "Only scenarios whose name starts with this.",
            "schema": {"type": "string"},
        },
    )
    change = only(changes_after(document))
    assert (change.kind, change.where) == ("parameter-added", "query parameter `name_prefix`")
    assert not change.breaking
    assert change.tools == ("list_simulation_scenarios",)


def test_deprecated_query_parameter_is_safe_and_reported() -> None:
    document = spec()
    parameter(document, LIST_SETS, "get", "is_active")["deprecated"] = True
    change = only(changes_after(document))
    assert (change.kind, change.detail) == ("deprecated", "deprecated")
    assert not change.breaking


def test_removed_request_enum_value_breaks_callers_but_an_added_response_one_only_the_client() -> (
    None
):
    document = spec()
    parameter(document, LIST_SETS, "get", "sort_by")["schema"]["items"]["enum"] = ["+updated_at"]
    change = only(changes_after(document))
    assert change.kind == "enum-changed"
    assert change.where == "query parameter `sort_by[]`"
    assert change.breaks_client and change.breaks_tools

    document = spec()
    kinds = schemas(document)["InitialMessageType"]
    kinds["enum"] = [*kinds["enum"], "agent-message"]
    changes = changes_after(document)
    # Sent in the create and new-version bodies (a new value is safe to send), read back in
    # the versions list (the generated Enum refuses a value it does not know).
    sent = [c for c in changes if c.where.startswith("request body")]
    read = [c for c in changes if c.where.startswith("response")]
    assert len(sent) + len(read) == len(changes) == 3
    assert {c.operation_id for c in sent} == {
        "create-simulation-scenario",
        "create-simulation-scenario-version",
    }
    assert not any(c.breaking for c in sent)
    assert [c.operation_id for c in read] == ["get-simulation-scenario-versions"]
    assert read[0].breaks_client and not read[0].breaks_tools


def test_response_field_that_becomes_required_is_safe_for_readers() -> None:
    document = spec()
    invocation = schemas(document)["DynamicBehaviorInvocation"]
    invocation["required"] = [*invocation["required"], "created_at"]
    change = only(changes_after(document))
    assert (change.kind, change.detail) == ("required-changed", "became required")
    assert not change.breaking


def test_new_action_kind_is_safe_to_send_but_breaks_readers_of_versions() -> None:
    document = spec()
    schemas(document)["PauseAction"] = {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "enum": ["pause"]}},
    }
    action = schemas(document)["DynamicBehaviorAction"]
    action["oneOf"].append({"$ref": "#/components/schemas/PauseAction"})
    action["discriminator"]["mapping"]["pause"] = "#/components/schemas/PauseAction"
    changes = changes_after(document)
    assert {c.kind for c in changes} == {"variant-added"}
    read = [c for c in changes if c.where.startswith("response")]
    assert [(c.operation_id, c.where) for c in read] == [
        (
            "get-dynamic-behavior-set-versions",
            "response 200 `dynamic_behavior_set_versions[].actions[] (pause)`",
        )
    ]
    assert read[0].breaks_client and not read[0].breaks_tools
    assert all(not c.breaking for c in changes if c not in read)
    assert len(changes) == 3  # create, create version, versions list


def test_widened_request_type_is_safe_and_narrowed_one_breaks() -> None:
    def with_limit_type(kind: str) -> dict[str, Any]:
        document = spec()
        parameter(document, LIST_SETS, "get", "limit")["schema"]["type"] = kind
        return document

    widened = only(compare(with_limit_type("integer"), with_limit_type("number")).changes)
    assert (widened.kind, widened.breaking) == ("type-changed", False)
    narrowed = only(compare(with_limit_type("number"), with_limit_type("integer")).changes)
    assert narrowed.breaks_client and narrowed.breaks_tools


def test_hidden_parameter_changes_never_break_tool_callers() -> None:
    document = spec()
    document["components"]["parameters"]["MongoClusterName"]["required"] = True
    changes = changes_after(document)
    assert len(changes) == compare(SPEC_DOCUMENT, SPEC_DOCUMENT).compared
    for change in changes:
        assert change.where == "header parameter `x-mongo-cluster-name`"
        assert change.breaks_client and not change.breaks_tools
        assert "mongo_cluster_name" in change.note


def test_paths_match_without_trailing_slash_and_a_renamed_path_parameter_breaks_callers() -> None:
    document = spec()
    item = document["paths"].pop(SCENARIO)
    for operation in item.values():
        for raw in operation["parameters"]:
            if raw.get("name") == "simulation_scenario_id":
                raw["name"] = "scenario_id"
    document["paths"]["/v1/{organization}/simulation/scenario/{scenario_id}/"] = item
    changes = changes_after(document)
    assert {c.kind for c in changes} == {"parameter-renamed"}
    assert {c.operation_id for c in changes} == {
        "update-simulation-scenario",
        "delete-simulation-scenario",
    }
    # The generated functions and AmigoClient methods accept it by keyword, tools by name.
    assert all(c.breaks_tools and c.breaks_client for c in changes)
    assert all(c.where == "path parameter `simulation_scenario_id`" for c in changes)


def test_removed_operation_breaks_and_an_added_curated_one_is_safe() -> None:
    document = spec()
    del document["paths"][SCENARIO]["delete"]
    change = only(changes_after(document))
    assert change.kind == "operation-removed"
    assert change.tools == ("delete_simulation_scenario",)
    assert change.breaks_client and change.breaks_tools

    document = spec()
    added = copy_document(document["paths"][SCENARIO]["delete"])
    added["operationId"] = "archive-simulation-scenario"
    added["x-mcp"]["tool"] = "archive_simulation_scenario"
    document["paths"][SCENARIO.rstrip("/") + "/archive"] = {"post": added}
    change = only(changes_after(document))
    assert change.kind == "operation-added"
    assert change.functions == (
        "amigo_client.api.simulation_scenarios.archive_simulation_scenario",
    )
    assert not change.breaking


def test_recursive_schemas_are_compared_to_their_depth_and_stop() -> None:
    def with_tree(leaf_type: str) -> dict[str, Any]:
        document = spec()
        schemas(document)["Node"] = {
            "type": "object",
            "properties": {
                "label": {"type": leaf_type},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            },
        }
        schemas(document)["CreateSimulationScenarioResponse"]["properties"]["tree"] = {
            "$ref": "#/components/schemas/Node"
        }
        return document

    change = only(compare(with_tree("string"), with_tree("integer")).changes)
    assert (change.kind, change.where) == ("type-changed", "response 201 `tree.label`")
    assert compare(with_tree("string"), with_tree("string")).changes == []


def test_openapi_30_nullable_is_understood() -> None:
    def document(nullable: bool) -> dict[str, Any]:
        field = {"type": "string", "nullable": True} if nullable else {"type": "string"}
        return {
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/v1/{organization}/thing/": {
                    "get": {
                        "operationId": "get-thing",
                        "tags": ["things"],
                        "responses": {
                            "200": {
                                "description": "ok",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "type": "object",
                                            "properties": {"name": field},
                                        }
                                    }
                                },
                            }
                        },
                    }
                }
            },
        }

    change = only(compare(document(False), document(True)).changes)
    assert change.kind == "became-nullable"
    assert change.breaks_client
    assert change.functions == ("amigo_client.api.things.get_thing",)


# --- equivalent forms compare equal ---------------------------------------------------------

SET_VERSIONS = "/v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/"


def test_integer_minimum_and_exclusive_minimum_below_it_are_the_same_bound() -> None:
    document = spec()
    limit = parameter(document, SET_VERSIONS, "get", "limit")["schema"]
    del limit["minimum"]  # minimum: 1, as the published document writes it
    limit["exclusiveMinimum"] = 0
    assert changes_after(document) == []
    limit["exclusiveMinimum"] = 1  # now a real change: 2 and up
    change = only(changes_after(document))
    assert (change.kind, change.detail) == ("constraint-tightened", "minimum 1 -> 2")


def test_a_type_list_and_the_same_types_as_any_of_are_the_same() -> None:
    document = spec()
    value = schemas(document)["MetricValue"]  # a type list: number, boolean, string, null
    del value["type"]
    value["anyOf"] = [{"type": t} for t in ("number", "boolean", "string", "null")]
    assert changes_after(document) == []
    value["anyOf"].pop(1)  # booleans gone: a real change
    assert {c.kind for c in changes_after(document)} == {"type-changed"}


def test_a_one_value_enum_and_a_const_are_the_same() -> None:
    document = spec()
    kind = schemas(document)["InjectInstructionAction"]["properties"]["type"]
    kind["const"] = kind.pop("enum")[0]
    assert changes_after(document) == []


def test_a_field_under_a_tool_output_that_only_says_object_breaks_no_tool_caller() -> None:
    """The tools' output schemas stop at the top-level fields: a list's items are only
    `{"type": "object"}` there, so what changes inside them cannot break a tool caller."""
    document = spec()
    name = schemas(document)["DynamicBehaviorSet"]["properties"]["name"]
    name["type"] = ["string", "null"]
    changes = changes_after(document)
    assert {(c.kind, c.where) for c in changes} == {
        ("became-nullable", "response 200 `dynamic_behavior_sets[].name`")
    }
    # The generated model's attribute is now optional: client code reading it breaks.
    assert all(c.breaks_client and not c.breaks_tools for c in changes)


def test_a_tool_that_answers_a_confirmation_is_not_broken_by_its_body() -> None:
    document = spec()
    schemas(document)["DeleteDynamicBehaviorSetResponse"] = {}
    change = only(changes_after(document))
    assert (change.kind, change.where) == ("type-changed", "response 200")
    assert change.breaks_client and not change.breaks_tools


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # OpenAPI 3.0's flag on the bound, and 3.1's number
        (
            {"type": "number", "minimum": 0, "exclusiveMinimum": True},
            {"type": "number", "exclusiveMinimum": 0},
        ),
        (
            {"type": "integer", "maximum": 10, "exclusiveMaximum": False},
            {"type": "integer", "maximum": 10},
        ),
        ({"type": "integer", "maximum": 10}, {"type": "integer", "exclusiveMaximum": 11}),
        # a null enum value and a nullable type; const null and type null
        (
            {"type": ["string", "null"], "enum": ["a", "b"]},
            {"type": "string", "enum": ["a", "b", None]},
        ),
        ({"type": "null"}, {"const": None}),
        # an enum says its type; values in another order
        ({"type": "string", "enum": ["a", "b"]}, {"enum": ["b", "a"]}),
        # a zero lower bound is none
        ({"type": "string"}, {"type": "string", "minLength": 0}),
        (
            {"type": "array", "items": {"type": "string"}},
            {"type": "array", "items": {"type": "string"}, "minItems": 0},
        ),
        # anything, however written
        ({}, {"anyOf": [{}, {"type": "null"}]}),
        ({"type": "integer"}, {"oneOf": [{"type": "integer"}]}),
        # disjoint typed arms, with the keywords of their type
        (
            {"type": ["string", "integer"], "maxLength": 5, "minimum": 1},
            {"oneOf": [{"type": "string", "maxLength": 5}, {"type": "integer", "minimum": 1}]},
        ),
    ],
)
def test_more_equivalent_forms_compare_equal(before: dict[str, Any], after: dict[str, Any]) -> None:
    def with_field(schema: dict[str, Any]) -> dict[str, Any]:
        document = spec()
        request = schemas(document)["CreateSimulationScenarioRequest"]
        request["properties"]["extra"] = schema
        return document

    assert compare(with_field(before), with_field(after)).changes == []
    assert compare(with_field(after), with_field(before)).changes == []


def test_arms_that_do_not_merge_into_a_type_list_stay_a_union() -> None:
    """A bound on one of two overlapping numeric arms is no bound of the union."""

    def with_field(schema: dict[str, Any]) -> dict[str, Any]:
        document = spec()
        schemas(document)["CreateSimulationScenarioRequest"]["properties"]["extra"] = schema
        return document

    union = {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "number"}]}
    bounded = {"type": ["integer", "number"], "minimum": 1}
    assert compare(with_field(union), with_field(bounded)).changes != []


def test_a_deprecated_parameter_is_reported_once() -> None:
    """The published document marks both the parameter and its schema."""
    document = spec()
    limit = parameter(document, LIST_SETS, "get", "limit")
    limit["deprecated"] = True
    limit["schema"]["deprecated"] = True
    change = only(changes_after(document))
    assert (change.kind, change.where) == ("deprecated", "query parameter `limit`")


def test_a_set_default_in_another_order_is_the_same() -> None:
    document = spec()
    messages = "/v1/{organization}/conversation/{conversation_id}/messages/"
    kinds = parameter(document, messages, "get", "message_type")["schema"]
    assert kinds.get("uniqueItems") and len(kinds["default"]) > 1
    kinds["default"] = list(reversed(kinds["default"]))
    assert changes_after(document) == []


def schema_nodes(node: Any, at: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    """Where every schema of the spec is, nested ones included."""
    if not isinstance(node, dict) or "$ref" in node:
        return
    yield at
    for key in ("items", "additionalProperties"):
        yield from schema_nodes(node.get(key), (*at, key))
    for name, child in (node.get("properties") or {}).items():
        yield from schema_nodes(child, (*at, "properties", name))
    for key in ("anyOf", "oneOf", "allOf"):
        for position, arm in enumerate(node.get(key) or []):
            yield from schema_nodes(arm, (*at, key, position))


def all_schema_nodes() -> list[tuple[str | int, ...]]:
    found = [
        node
        for name, schema in schemas(SPEC_DOCUMENT).items()
        for node in schema_nodes(schema, ("components", "schemas", name))
    ]
    for path, item in SPEC_DOCUMENT["paths"].items():
        for method, operation in item.items():
            for position, raw in enumerate(operation.get("parameters") or []):
                if "schema" in raw:
                    at = ("paths", path, method, "parameters", position, "schema")
                    found += schema_nodes(raw["schema"], at)
    return found


def at_path(document: dict[str, Any], at: tuple[str | int, ...]) -> dict[str, Any]:
    node: Any = document
    for part in at:
        node = node[part]
    assert isinstance(node, dict)
    return node


def rewrites(schema: dict[str, Any]) -> Iterator[str]:
    """The equivalent rewrites that apply to a schema."""
    declared = schema.get("type")
    types = [declared] if isinstance(declared, str) else list(declared or [])
    if isinstance(schema.get("enum"), list) and len(schema["enum"]) == 1:
        yield "const"
    if len(types) > 1 and not {"anyOf", "oneOf", "allOf"} & set(schema):
        yield "any-of"
    if [t for t in types if t != "null"] == ["integer"]:
        if "minimum" in schema:
            yield "exclusive-minimum"
        if "maximum" in schema:
            yield "exclusive-maximum"
    if types == ["string"] and "minLength" not in schema:
        yield "zero-min-length"


def rewrite(schema: dict[str, Any], how: str) -> None:
    if how == "const":
        schema["const"] = schema.pop("enum")[0]
    elif how == "any-of":
        arms = []
        for kind in schema.pop("type"):
            arm = {"type": kind}
            for key in list(schema):
                if key in TYPE_KEYWORDS[kind]:
                    arm[key] = schema[key]
            arms.append(arm)
        for arm in arms:
            for key in arm:
                schema.pop(key, None)
        schema["anyOf"] = arms
    elif how == "exclusive-minimum":
        schema["exclusiveMinimum"] = schema.pop("minimum") - 1
    elif how == "exclusive-maximum":
        schema["exclusiveMaximum"] = schema.pop("maximum") + 1
    else:
        schema["minLength"] = 0


EQUIVALENT_REWRITES = sorted(
    (at, how) for at in all_schema_nodes() for how in rewrites(at_path(SPEC_DOCUMENT, at))
)


def test_every_kind_of_rewrite_has_places_in_the_spec() -> None:
    assert {how for _, how in EQUIVALENT_REWRITES} == {
        "const",
        "any-of",
        "exclusive-minimum",
        "exclusive-maximum",
        "zero-min-length",
    }


@pytest.mark.slow
@settings(max_examples=40, derandomize=True)
@given(st.sampled_from(EQUIVALENT_REWRITES))
def test_an_equivalent_rewrite_of_any_schema_is_no_change(
    place: tuple[tuple[str | int, ...], str],
) -> None:
    at, how = place
    document = spec()
    rewrite(at_path(document, at), how)
    assert changes_after(document) == []


# --- property-based: any single edit of an inline query parameter is reported once --------

INLINE_QUERY = sorted(
    (path, method, raw["name"])
    for path, item in SPEC_DOCUMENT["paths"].items()
    for method, operation in item.items()
    for raw in operation.get("parameters", [])
    if "$ref" not in raw and raw["in"] == "query"
)

EDITS = {
    # edit name: (how, expected kind, breaks client, breaks tools)
    "require": ("required", "required-changed", True, True),
    "remove": ("remove", "parameter-removed", True, True),
    "deprecate": ("deprecated", "deprecated", False, False),
    "describe": ("description", None, False, False),
    "nullable": ("nullable", "became-nullable", False, False),
}


@pytest.mark.slow
@settings(max_examples=40, derandomize=True)
@given(target=st.sampled_from(INLINE_QUERY), edit=st.sampled_from(sorted(EDITS)))
def test_any_single_parameter_edit_is_reported_exactly_once(
    target: tuple[str, str, str], edit: str
) -> None:
    path, method, name = target
    how, kind, client, tools = EDITS[edit]
    document = spec()
    operation = document["paths"][path][method]
    edited = parameter(document, path, method, name)
    if how == "remove":
        operation["parameters"].remove(edited)
    elif how == "description":
        edited["description"] = "Reworded: " + edited.get("description", "")
    elif how == "nullable":
        schema = edited["schema"]
        if "anyOf" in schema or "null" in (schema.get("type") or []):
            return  # already nullable: no edit to make
        edited["schema"] = {"anyOf": [schema, {"type": "null"}]}
    elif edited.get(how):
        return  # already required / deprecated: no edit to make
    else:
        edited[how] = True
    changes = changes_after(document)
    if kind is None:
        assert changes == []  # wording is not an API change
        return
    change = only(changes)
    assert (change.kind, change.operation_id) == (kind, operation["operationId"])
    assert (change.breaks_client, change.breaks_tools) == (client, tools)
    assert change.tools == (operation["x-mcp"]["tool"],)


@settings(max_examples=20, derandomize=True)
@given(st.permutations(sorted(SPEC_DOCUMENT["paths"])))
def test_order_of_paths_does_not_matter(order: list[str]) -> None:
    document = spec()
    document["paths"] = {path: document["paths"][path] for path in order}
    assert compare(SPEC_DOCUMENT, document).changes == []


# --- a published-style document --------------------------------------------------------------


def published_style() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(PUBLISHED_STYLE.read_text(encoding="utf-8"))
    return document


def test_published_style_document_matches_every_covered_operation() -> None:
    """Every operation of the spec is matched in the published-style document, or, when the
    spec has one the document lacks (one added to the spec since), named as absent from it."""
    published = published_style()
    report: Report = compare(SPEC_DOCUMENT, published)
    covered = compare(SPEC_DOCUMENT, SPEC_DOCUMENT).compared
    absent = [c for c in report.changes if c.kind == "operation-removed"]
    assert report.compared + len(absent) == covered
    # Named only when the document has no such method and path (parameter names aside).
    in_document = {
        match_key(method, path) for path, item in published["paths"].items() for method in item
    }
    for change in absent:
        print("not in the published-style document:", change.operation_id, change.functions)
        assert match_key(change.method, change.path) not in in_document
    assert report.outside >= 100
    assert "sec-websocket-protocol" not in json.dumps(report.as_json()).lower()
    renamed = {
        c.operation_id: c.functions[-1] for c in report.changes if c.kind == "function-renamed"
    }
    assert renamed["delete-dynamic-behavior-set"] == (
        "amigo_client.api.dynamic_behavior_sets.delete_dynamic_behavior_instruction"
    )
    mongo = [c for c in report.changes if "x-mongo-cluster-name" in c.where]
    assert len(mongo) == report.compared
    assert all(c.kind == "became-nullable" and not c.breaking for c in mongo)


def test_published_style_document_edit_is_found_through_shared_titles() -> None:
    edited = published_style()
    key = "src__app__endpoints__metric__evaluate_metrics__Request"
    edited["components"]["schemas"][key]["properties"]["metric_ids"]["maxItems"] = 5
    changes = compare(published_style(), edited).changes
    change = only(changes)
    assert (change.kind, change.where) == ("constraint-tightened", "request body `metric_ids`")
    assert change.breaks_tools is False  # no x-mcp in a published document: no tool to name
    assert change.breaks_client


# --- the command -----------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def write(document: dict[str, Any], path: Path) -> str:
    """The document as JSON (which is also YAML: the command reads either)."""
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return str(path)


def test_command_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In-process through `main`; the exit codes as the shell sees them are proven below."""
    assert main([str(SPEC), str(SPEC)]) == 0
    assert "No differences" in capsys.readouterr().out

    safe = spec()
    parameter(safe, LIST_SETS, "get", "limit")["schema"]["maximum"] = 100
    assert main([str(SPEC), write(safe, tmp_path / "safe.json")]) == 0
    out = capsys.readouterr().out
    assert "Safe (1):" in out
    assert "list_dynamic_behavior_sets" in out


@pytest.mark.slow
def test_command_exit_codes_and_json(tmp_path: Path) -> None:
    breaking = spec()
    parameter(breaking, LIST_SETS, "get", "limit")["schema"]["maximum"] = 20
    result = run(str(SPEC), write(breaking, tmp_path / "breaking.json"), "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["breaking"] is True
    [change] = report["changes"]
    assert change["kind"] == "constraint-tightened"
    assert change["functions"] == [
        "amigo_client.api.dynamic_behavior_sets.get_dynamic_behavior_sets"
    ]

    missing = run("no-such-revision", str(SPEC))
    assert missing.returncode == 2
    assert "neither a file nor a git revision" in missing.stderr


@pytest.mark.slow
def test_last_commit_mode_copes_with_a_missing_parent_and_reports_a_spec_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What CI runs: a clone whose HEAD has no parent goes on; a spec change is reported. The
    first run is the command, as CI starts it in the clone; the others call the clone's `main` in
    this process, from the clone (the exit codes as the shell sees them are proven by
    `test_command_exit_codes_and_json`)."""
    for name in (
        "scripts/api_changes.py",
        "scripts/build_catalog.py",
        "scripts/spec_normalize.py",
        "openapi/amigo.yaml",
        "openapi/normalize.yaml",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((REPO / name).read_bytes())

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=ci", "-c", "user.email=ci@example.invalid", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    first = subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "api_changes.py"), "--last-commit"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    assert "no parent commit" in first.stdout

    clone = script_module(tmp_path / "scripts" / "api_changes.py")
    monkeypatch.chdir(tmp_path)

    def command(*args: str) -> tuple[int, str, str]:
        """The clone's exit status, stdout and stderr for `args`."""
        try:
            status = clone.main(list(args))
        except SystemExit as exit:  # a usage error, from argparse
            status = exit.code
        out, err = capsys.readouterr()
        assert isinstance(status, int)
        return status, out, err

    edited = spec()
    parameter(edited, LIST_SETS, "get", "limit")["schema"]["maximum"] = 20
    write(edited, tmp_path / "openapi" / "amigo.yaml")
    git("commit", "-q", "-am", "tighten limit")
    status, second, err = command("--last-commit")
    assert status == 1, err
    assert "openapi/amigo.yaml at HEAD~1 -> openapi/amigo.yaml" in second
    assert "query parameter `limit`: maximum 50 -> 20" in second
    # A lone revision is OLD, compared with the working copy, as `git diff HEAD~1` would be.
    assert command("HEAD~1")[:2] == (1, second)
    assert command("HEAD")[0] == 0
    status, _, err = command("--last-commit", "HEAD~1")
    assert status == 2 and "neither OLD nor NEW" in err


@pytest.mark.slow
def test_consecutive_published_documents_exit_as_their_reports_say(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Amigo's own documents, pinned and fetched on first use (scripts/published_documents.py):
    each compared with itself finds nothing; each with the next exits 1 exactly when its report
    has a breaking difference (0 for the newest step), and none of them is an equivalent form
    taken for a change. In-process through `main`, like `test_command_text_report`; the exit
    codes as the shell sees them are proven by `test_command_exit_codes_and_json`."""
    documents = [str(published_document(version)) for version in PINNED]
    status = main([documents[0], documents[0]])
    same = capsys.readouterr()
    assert status == 0, same.err
    assert "No differences" in same.out
    reports = {}
    for (old_version, old), (new_version, new) in pairwise(zip(PINNED, documents, strict=True)):
        status = main([old, new, "--json"])
        result = capsys.readouterr()
        assert status in (0, 1), result.err
        report = json.loads(result.out)
        assert status == int(report["breaking"])
        assert report["operations_compared"] >= 100
        reports[(old_version, new_version)] = report
        for change in report["changes"]:
            assert not change["detail"].startswith(("const ", "exclusiveMinimum ")), change
    assert {pair for pair, report in reports.items() if report["breaking"]} == {
        ("0.137.1", "1.3.1"),
        ("1.3.1", "2.0.0"),
        ("2.0.0", "2.4.0"),
    }
    # 2.0.0 -> 2.4.0 only changed which model names may be sent (two request bodies); 2.5.0
    # only added an optional request field.
    breaking = [c for c in reports["2.0.0", "2.4.0"]["changes"] if c["breaking"]]
    assert [(c["kind"], c["where"].split(" `")[0]) for c in breaking] == [
        ("enum-changed", "request body")
    ] * 2
    [added] = reports["2.4.0", "2.5.0"]["changes"]
    assert (added["kind"], added["where"]) == ("field-added", "request body `is_test`")
