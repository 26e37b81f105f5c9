"""tools/list through the official MCP client, checked against the spec itself."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from mcp import Client

from amigo_mcp.catalog import HINT_DEFAULTS, load_catalog
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings
from amigo_sandbox.refs import Document
from tests.sandbox_support import SPEC
from tests.toolsnaps import (
    UPDATE_VARIABLE,
    snapshot_names,
    snapshot_problems,
    updating,
    write_snapshots,
)

pytestmark = pytest.mark.anyio

DOC = Document(SPEC)
SCRIPTS = Path(__file__).parent.parent / "scripts"

CONSTRAINTS = (
    "type",
    "enum",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "default",
    "format",
)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    return dict(DOC.resolve(node))


def spec_operations() -> dict[str, dict[str, Any]]:
    ops = {}
    for item in SPEC["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "x-mcp" in op:
                ops[op["x-mcp"]["tool"]] = op
    return ops


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    """The protocol era: 2026-07-28 (stateless) or 2025-11-25 (initialize handshake)."""
    return str(request.param)


@pytest.fixture
async def listed(mode: str) -> dict[str, dict[str, Any]]:
    catalog = load_catalog()
    server = build_server(catalog, Runtime(catalog, Settings.create(sandbox=True)))
    async with Client(server, mode=mode) as client:
        result = await client.list_tools()
    return {
        tool.name: tool.model_dump(by_alias=True, mode="json", exclude_none=True)
        for tool in result.tools
    }


COMPOSITES = {raw["tool"]: raw for raw in SPEC["x-mcp"].get("composite-tools", [])}


def operation_by_id(operation_id: str) -> dict[str, Any]:
    return next(op for op in spec_operations().values() if op["operationId"] == operation_id)


async def test_one_tool_per_operation(listed: dict[str, dict[str, Any]]) -> None:
    assert set(listed) == set(spec_operations()) | set(COMPOSITES)
    sign_in = SPEC["paths"]["/v1/{organization}/user/signin_with_api_key"]["post"]
    assert "x-mcp" not in sign_in


async def test_tool_definitions_match_their_snapshots(listed: dict[str, dict[str, Any]]) -> None:
    if updating():
        write_snapshots(listed)
    problems = snapshot_problems(listed)
    assert not problems, (
        "\n\n".join(problems)
        + f"\n\nReview the change, then run `{UPDATE_VARIABLE}=1 uv run pytest "
        "tests/test_mcp_tools_list.py -k snapshots` and commit tests/__toolsnaps__/."
    )
    assert snapshot_names() == set(listed)


async def test_composite_tools_write_and_take_the_writes_ids(
    listed: dict[str, dict[str, Any]],
) -> None:
    """A rollback creates a version: it writes, is not idempotent, and replaces what is current
    (destructive); it takes the write's path IDs, with their constraints, and a version number."""
    assert COMPOSITES
    for name, raw in COMPOSITES.items():
        tool = listed[name]
        assert HINT_DEFAULTS | tool["annotations"] == {
            "readOnlyHint": False,
            "destructiveHint": True,
            "idempotentHint": False,
            "openWorldHint": False,
        }, name
        write = operation_by_id(raw["write"])
        ids = {
            resolve(p)["name"]: resolve(resolve(p)["schema"])
            for p in write["parameters"]
            if resolve(p)["in"] == "path" and resolve(p)["name"] != "organization"
        }
        schema = tool["inputSchema"]
        assert set(schema["properties"]) == set(ids) | {raw["argument"]}, name
        assert set(schema["required"]) == set(schema["properties"]), name
        for field, spec_schema in ids.items():
            assert schema["properties"][field]["pattern"] == spec_schema["pattern"], name
        assert schema["properties"][raw["argument"]]["type"] == "integer"
        assert schema["properties"][raw["argument"]]["minimum"] == 1
        assert tool["outputSchema"] == listed[write["x-mcp"]["tool"]]["outputSchema"], name


async def test_annotations_follow_the_operation(listed: dict[str, dict[str, Any]]) -> None:
    """Only hints that differ from MCP's defaults are stated; with the defaults filled in, they
    follow the operation. The title is said once, as the tool's own."""
    for name, tool in listed.items():
        stated = tool["annotations"]
        assert set(stated) <= set(HINT_DEFAULTS), name
        assert stated["openWorldHint"] is False, name
        hints = HINT_DEFAULTS | stated
        if name in COMPOSITES:
            continue
        method = next(
            m
            for item in SPEC["paths"].values()
            for m, op in item.items()
            if isinstance(op, dict) and op.get("x-mcp", {}).get("tool") == name
        )
        assert hints["readOnlyHint"] is (method == "get"), name
        if method != "get":
            assert "destructiveHint" in stated, name
        if method == "delete":
            assert hints["destructiveHint"] is True and hints["idempotentHint"] is True
        if name.startswith("create_"):
            assert hints["destructiveHint"] is False and hints["idempotentHint"] is False
        assert tool["title"]


def walk_properties(schema: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            found.append((f"{path}.{name}", sub))
            found += walk_properties(sub, f"{path}.{name}")
        for key in ("items", "additionalProperties"):
            if isinstance(schema.get(key), dict):
                found += walk_properties(schema[key], f"{path}[]")
        for key in ("oneOf", "anyOf"):
            for i, sub in enumerate(schema.get(key, [])):
                found += walk_properties(sub, f"{path}<{i}>")
    return found


async def test_input_schemas_are_self_contained_and_described(
    listed: dict[str, dict[str, Any]],
) -> None:
    for name, tool in listed.items():
        schema = tool["inputSchema"]
        text = json.dumps(schema)
        assert "$ref" not in text and "$defs" not in text, name
        assert "organization" not in schema["properties"], name
        assert "x-mongo-cluster-name" not in schema["properties"], name
        assert schema["additionalProperties"] is False
        for path, prop in walk_properties(schema):
            assert prop.get("description"), f"{name}{path} has no description"


async def test_every_parameter_and_constraint_is_kept(listed: dict[str, dict[str, Any]]) -> None:
    for name, op in spec_operations().items():
        properties = listed[name]["inputSchema"]["properties"]
        required = set(listed[name]["inputSchema"].get("required", []))
        expected: dict[str, tuple[dict[str, Any], bool]] = {}
        for raw in op.get("parameters", []):
            param = resolve(raw)
            if param["name"] in ("organization", "x-mongo-cluster-name"):
                continue
            expected[param["name"]] = (resolve(param["schema"]), bool(param.get("required")))
        if "requestBody" in op:
            body = resolve(op["requestBody"]["content"]["application/json"]["schema"])
            for field, sub in body["properties"].items():
                expected[field] = (resolve(sub), field in body.get("required", []))
        assert set(properties) == set(expected), name
        for field, (schema, is_required) in expected.items():
            assert (field in required) is is_required, f"{name}.{field} required"
            for key in CONSTRAINTS:
                if key in schema:
                    assert properties[field].get(key) == schema[key], f"{name}.{field} {key}"
            if "items" in schema:
                items = resolve(schema["items"])
                for key in CONSTRAINTS:
                    if key in items:
                        assert properties[field]["items"].get(key) == items[key], (
                            f"{name}.{field}[] {key}"
                        )


async def test_every_tool_has_an_object_output_schema(listed: dict[str, dict[str, Any]]) -> None:
    for name, tool in listed.items():
        assert tool["outputSchema"]["type"] == "object", name
        assert tool["outputSchema"]["properties"], name


async def test_a_changed_definition_is_named_with_a_diff(listed: dict[str, dict[str, Any]]) -> None:
    changed = json.loads(json.dumps(listed))
    tool = changed["search_metrics"]
    tool["description"] += " Now also by tag."
    del changed["list_conversations"]
    problems = snapshot_problems(changed)
    assert len(problems) == 2, problems
    edited = next(p for p in problems if p.startswith("search_metrics:"))
    assert "definition changed without its snapshot" in edited
    assert "+" in edited and "Now also by tag." in edited
    gone = next(p for p in problems if p.startswith("list_conversations:"))
    assert "no longer has" in gone


def test_deprecated_parameters_say_so_in_the_schema(tmp_path: Path) -> None:
    """`deprecated: true` on a parameter reaches the tool's input schema and its description."""
    spec = json.loads(json.dumps(SPEC))
    listing = spec["paths"]["/v1/{organization}/metric/"]["get"]
    parameter = next(p for p in listing["parameters"] if p.get("name") == "is_deleted")
    parameter["deprecated"] = True
    spec_path = tmp_path / "amigo.json"  # JSON, which the generator reads like YAML
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    build = importlib.util.spec_from_file_location("build_catalog", SCRIPTS / "build_catalog.py")
    assert build is not None and build.loader is not None
    module = importlib.util.module_from_spec(build)
    build.loader.exec_module(module)
    catalog = module.catalog_of(spec_path)
    (tool,) = [t for t in catalog["tools"] if t["name"] == "list_metrics"]
    properties = tool["inputSchema"]["properties"]
    assert properties["is_deleted"]["deprecated"] is True
    assert properties["is_deleted"]["description"].startswith("Deprecated")
    assert [name for name, p in properties.items() if p.get("deprecated")] == ["is_deleted"]


async def test_tools_list_fits_its_budget(listed: dict[str, dict[str, Any]]) -> None:
    """Every conversation pays for tools/list: at most 1,400 bytes of compact JSON a tool on
    average. A budget per tool, not for the whole list, so that an operation added to the spec
    fits as long as its tool is no larger than the others."""
    size = len(
        json.dumps(
            {"tools": list(listed.values())}, separators=(",", ":"), ensure_ascii=False
        ).encode()
    )
    assert size / len(listed) <= 1_400, (size, len(listed))
