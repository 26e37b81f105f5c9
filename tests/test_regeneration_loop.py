"""Regeneration closes the loop: an operation added to the spec becomes a client function and a
tool, the sandbox answers it 501 naming it, every other tool keeps working, and the tool
snapshots name the new definition, with no edit outside the spec.

A copy of the project gets one new operation in its spec, whose parameters are named the way
that trips hand-made Python names (`type`, `from`, `format`, `class`, `id`, dashes, capitals,
one deprecated). `scripts/regenerate` runs in the copy; then the official MCP client talks to
the copy's unchanged `amigo-mcp` over stdio, on its default embedded sandbox.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from mcp import Client, StdioServerParameters

from amigo_sandbox.spec import load_yaml
from testing.mcp_helpers import clean_env, text_of
from testing.run_once import made_once
from tests.toolsnaps import snapshot_problems

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

REPO = Path(__file__).resolve().parent.parent
SET_PATH = "/v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/"
OPERATION_ID = "get-dynamic-behavior-set"
TOOL = "get_dynamic_behavior_set"
# A tag of its own, so the new area must reach docs/TOOLS.md, the CLI help and the instructions.
NEW_TAG = "behavior-set-details"
NEW_TOOLSET = "set_details"
NEW_AREA = {
    "name": NEW_TAG,
    "x-displayName": "Behavior set details",
    "description": "Read one dynamic behavior set in full.",
}
SET_ID = "0123456789abcdef01234567"


def query(name: str, schema: dict[str, Any], required: bool = True, **extra: Any) -> Any:
    return (
        {"name": name, "in": "query", "required": required, "schema": schema}
        | {"description": f"The {name} filter."}
        | extra
    )


# Wire name -> (value sent, Python name openapi-python-client gives it).
ODD_PARAMETERS = {
    "type": ("boolean", "type_"),
    "from": ("2026-01-02T03:04:05Z", "from_"),
    "format": ("text", "format_"),
    "class": ("gold", "class_"),
    "id": ([SET_ID], "id"),
    "Sort-Order": ("desc", "sort_order"),
    "pageSize": (5, "page_size"),
    "include-deleted": (True, "include_deleted"),
}
NEW_OPERATION = {
    "operationId": OPERATION_ID,
    "tags": [NEW_TAG],
    "summary": "Get a dynamic behavior set",
    "description": "Retrieve one dynamic behavior set.",
    "x-rate-limit-per-minute": 500,
    "x-mcp": {
        "tool": TOOL,
        "title": "Get dynamic behavior set",
        "read-only": True,
        "description": "Read one dynamic behavior set's metadata by ID.",
    },
    "parameters": [
        {"$ref": "#/components/parameters/Organization"},
        {
            "name": "dynamic_behavior_set_id",
            "in": "path",
            "required": True,
            "description": "The ID of the dynamic behavior set.",
            "schema": {"$ref": "#/components/schemas/ObjectId"},
        },
        query("type", {"type": "string", "enum": ["boolean", "numerical"]}),
        query("from", {"type": "string", "format": "date-time"}),
        query("format", {"type": "string", "enum": ["text", "voice"]}),
        query("class", {"type": "string", "minLength": 1}),
        query("id", {"type": "array", "items": {"$ref": "#/components/schemas/ObjectId"}}),
        query("Sort-Order", {"type": "string", "enum": ["asc", "desc"]}),
        query("pageSize", {"type": "integer", "minimum": 1}),
        query("include-deleted", {"type": "boolean"}, deprecated=True),
        {"$ref": "#/components/parameters/MongoClusterName"},
    ],
    "responses": {
        "200": {
            "description": "Succeeded.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/DynamicBehaviorSet"}}
            },
        },
        **{
            status: {"$ref": f"#/components/responses/{answer}"}
            for status, answer in [
                ("401", "Unauthorized"),
                ("403", "Forbidden"),
                ("404", "OrganizationNotFound"),
                ("422", "QueryValidationFailed"),
                ("429", "RateLimited500"),
                ("503", "Maintenance"),
            ]
        },
    },
}


def python_sources(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.py")}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose spec has the new operation, regenerated once per test run
    for every worker (the tests only read it)."""
    return made_once(tmp_path_factory, "regeneration-loop", make_tree)


def make_tree(tree: Path) -> None:
    for part in (
        "openapi",
        "scripts",
        "client_layer",
        "generated_client",
        "mcp_server",
        "sandbox",
        "views",
    ):
        shutil.copytree(
            REPO / part, tree / part, ignore=shutil.ignore_patterns("__pycache__", ".*_cache")
        )
    spec_path = tree / "openapi" / "amigo.yaml"
    spec = load_yaml(spec_path)
    spec["paths"][SET_PATH]["get"] = NEW_OPERATION
    spec["tags"].append(NEW_AREA)
    spec["x-mcp"]["toolsets"][NEW_TAG] = NEW_TOOLSET
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
    done = subprocess.run(
        [sys.executable, str(tree / "scripts" / "regenerate")],
        cwd=tree,
        env=environment(tree),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def environment(tree: Path) -> dict[str, str]:
    env = clean_env()
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    roots = ("mcp_server", "sandbox", "generated_client")
    env["PYTHONPATH"] = os.pathsep.join([str(tree), *(str(tree / root) for root in roots)])
    return env


def in_tree(tree: Path, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tree,
        env=environment(tree),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_only_the_spec_and_generated_files_changed(tree: Path) -> None:
    for part in ("mcp_server", "sandbox"):
        assert python_sources(tree / part) == python_sources(REPO / part), part
    assert (tree / "openapi" / "templates").exists()


def test_the_client_function_takes_the_generators_names(tree: Path) -> None:
    signature = json.loads(
        in_tree(
            tree,
            "import inspect, json\n"
            "from amigo_client.api.behavior_set_details import get_dynamic_behavior_set as m\n"
            "print(json.dumps(list(inspect.signature(m.sync_detailed).parameters)))",
        )
    )
    catalog = json.loads(
        (tree / "mcp_server" / "amigo_mcp" / "catalog.json").read_text(encoding="utf-8")
    )
    (tool,) = [t for t in catalog["tools"] if t["name"] == TOOL]
    recorded = tool["operation"]["python_names"]
    for wire, (_, python) in ODD_PARAMETERS.items():
        assert recorded[wire] == python, wire
        assert python in signature, (python, signature)
    assert recorded["dynamic_behavior_set_id"] in signature


def test_the_new_area_reaches_the_docs_and_the_cli_help(tree: Path) -> None:
    catalog = json.loads(
        (tree / "mcp_server" / "amigo_mcp" / "catalog.json").read_text(encoding="utf-8")
    )
    doc = (tree / "docs" / "TOOLS.md").read_text(encoding="utf-8")
    for tool in catalog["tools"]:
        assert f"| `{tool['name']}` |" in doc, tool["name"]
    assert f"## Behavior set details (`--toolsets {NEW_TOOLSET}`)" in doc
    assert f"offers {len(catalog['tools'])} tools" in doc
    help_text = in_tree(tree, "from amigo_mcp.cli import main; main(['serve', '--help'])")
    assert NEW_TOOLSET in " ".join(help_text.split())


async def test_the_new_tool_answers_501_and_the_others_still_work(tree: Path) -> None:
    server = StdioServerParameters(
        command=sys.executable,
        args=["-m", "amigo_mcp.cli"],
        env=environment(tree),
        cwd=str(tree),
    )
    async with Client(server) as client:
        assert client.instructions and NEW_AREA["description"] in client.instructions
        listed = await client.list_tools()
        definitions = {
            tool.name: tool.model_dump(by_alias=True, mode="json", exclude_none=True)
            for tool in listed.tools
        }
        new = definitions[TOOL]
        properties = new["inputSchema"]["properties"]
        assert set(ODD_PARAMETERS) <= set(properties)
        deprecated = properties["include-deleted"]
        assert deprecated["deprecated"] is True
        assert deprecated["description"].startswith("Deprecated")
        assert not any(p.get("deprecated") for n, p in properties.items() if n != "include-deleted")

        # Every parameter is required, so the sandbox's validation from the spec (422 naming a
        # missing one) passes only if each arrives under its wire name: 501 proves they did.
        arguments = {"dynamic_behavior_set_id": SET_ID} | {
            wire: value for wire, (value, _) in ODD_PARAMETERS.items()
        }
        result = await client.call_tool(TOOL, arguments)
        text = text_of(result)
        assert result.is_error, text
        assert "HTTP 501" in text and OPERATION_ID in text, text

        old = await client.call_tool("list_dynamic_behavior_sets", {"limit": 1})
        assert not old.is_error, text_of(old)
        assert old.structured_content and old.structured_content["dynamic_behavior_sets"]

    # The snapshots name the new definition, and only it: every other definition is unchanged.
    problems = snapshot_problems(definitions)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{TOOL}: new tool without a snapshot")
