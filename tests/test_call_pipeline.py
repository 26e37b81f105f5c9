"""One call pipeline behind every front end, through real clients on the sandbox.

- A confirmed rollback reads each version once: the versions its question read are the ones it
  restores from, in both protocol eras (on 2026-07-28 they come back with the answer, sealed).
  Its optimistic check still catches a version created while the person was deciding.
- A confirmed call checks its arguments once, in both eras.
- The same calls give the same decisions and audit lines through MCP (both eras) and
  `amigo-mcp call`.
- A crash inside a tool that writes still writes its audit line.
- The server's modules import one another without a cycle.
"""

from __future__ import annotations

import ast
import graphlib
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import mcp_types as types
import pytest
from jsonschema import Draft202012Validator
from mcp.client.session import ClientRequestContext

from amigo_mcp.arguments import schema_validator
from amigo_mcp.policy import ToolPolicy
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import (
    Answer,
    call_at_a_terminal,
    clean_env,
    connect,
    fails,
    ok,
    sandbox_settings,
    text_of,
)
from testing.safety_support import CATALOG, new_set, valid_arguments
from testing.sandbox_http import api_client

pytestmark = pytest.mark.anyio

PACKAGE = Path(__file__).resolve().parent.parent / "mcp_server" / "amigo_mcp"
READ_VERSIONS = CATALOG.tool("list_dynamic_behavior_set_versions").operation.id
READ_SETS = CATALOG.tool("list_dynamic_behavior_sets").operation.id
CREATE_VERSION = CATALOG.tool("create_dynamic_behavior_set_version").operation.id
SECOND_VERSION = {"conversation_triggers": ["caller mentions a chargeback"], "actions": []}


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def add_version(sandbox: RunningSandbox, set_id: str, triggers: list[str]) -> None:
    """A version made straight on the sandbox, as another user would."""
    with api_client(sandbox) as http:
        made = http.post(
            f"/dynamic_behavior_set/{set_id}/version/",
            json={"conversation_triggers": triggers, "actions": []},
        )
    made.raise_for_status()


async def test_a_confirmed_rollback_reads_each_version_once(
    sandbox: RunningSandbox, mode: str
) -> None:
    set_id = new_set(sandbox, active=True)
    add_version(sandbox, set_id, ["caller mentions a chargeback"])
    answer = Answer("accept")
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        await ok(client, "list_simulation_scenarios", {"limit": 1})  # signs in first
        sandbox.reset_request_counts()
        back = await ok(
            client,
            "rollback_dynamic_behavior_set",
            {"dynamic_behavior_set_id": set_id, "to_version": 1},
        )
        sent = sandbox.request_counts()
    assert len(answer.questions) == 1
    assert back == {"new_version_number": 3}
    # The set once (its name, whether it is live); version 1 and the latest once each.
    assert sent == {READ_SETS: 1, READ_VERSIONS: 2, CREATE_VERSION: 1}


async def test_a_version_created_while_the_person_decides_fails_the_rollback(
    sandbox: RunningSandbox, mode: str
) -> None:
    set_id = new_set(sandbox, active=True)
    add_version(sandbox, set_id, ["caller mentions a chargeback"])

    async def meanwhile(
        context: ClientRequestContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        add_version(sandbox, set_id, ["someone else's change"])
        return types.ElicitResult(action="accept", content={"confirm": True})

    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=meanwhile) as (
        client,
        _,
    ):
        text = await fails(
            client,
            "rollback_dynamic_behavior_set",
            {"dynamic_behavior_set_id": set_id, "to_version": 1},
        )
        page = await ok(
            client,
            "list_dynamic_behavior_set_versions",
            {"dynamic_behavior_set_id": set_id, "version": "1-latest"},
        )
    assert "Someone created another version" in text, text
    versions = page["dynamic_behavior_set_versions"]
    # The version made in between is the latest; nothing was created on top of it.
    assert len(versions) == 3
    latest = max(versions, key=lambda version: version["version"])
    assert latest["conversation_triggers"] == ["someone else's change"]


@pytest.fixture
def input_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """The instances each tool's input-schema validator (the library's) checks, by call."""
    checked: list[dict[str, Any]] = []
    inputs = {id(schema_validator(tool.input_schema)) for tool in CATALOG.tools}
    real = Draft202012Validator.iter_errors

    def counted(self: Any, instance: Any, *args: Any, **kwargs: Any) -> Any:
        if id(self) in inputs:
            checked.append(instance)
        return real(self, instance, *args, **kwargs)

    monkeypatch.setattr(Draft202012Validator, "iter_errors", counted)
    yield checked


async def test_a_confirmed_call_checks_its_arguments_once(
    sandbox: RunningSandbox, mode: str, input_checks: list[dict[str, Any]]
) -> None:
    set_id = new_set(sandbox, active=True)
    arguments = {"dynamic_behavior_set_id": set_id, "tags": {}}
    answer = Answer("accept")
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        await ok(client, "update_dynamic_behavior_set", arguments)
    assert len(answer.questions) == 1
    assert input_checks == [arguments]


# --- the same lines from every front end -----------------------------------------------------

OFF = "delete_dynamic_behavior_set"
MISSING_ID = "0123456789abcdef01234567"


def calls(set_id: str) -> list[tuple[str, dict[str, Any], str]]:
    """(tool, arguments, the person's reply) for calls that end every way a call can."""
    return [
        ("update_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id, "tags": {}}, "y"),
        (
            "update_dynamic_behavior_set",
            {"dynamic_behavior_set_id": set_id, "tags": {"a": "b"}},
            "n",
        ),
        ("update_dynamic_behavior_set", {"dynamic_behavior_set_id": "not-an-id", "tags": {}}, "y"),
        (OFF, {"dynamic_behavior_set_id": set_id}, "y"),
        ("update_dynamic_behavior_set", {"dynamic_behavior_set_id": MISSING_ID, "tags": {}}, "y"),
        ("create_dynamic_behavior_set", valid_arguments("create_dynamic_behavior_set"), "y"),
    ]


EXPECTED = [
    ("update_dynamic_behavior_set", "accepted", 204, True),
    ("update_dynamic_behavior_set", "declined", "not-sent", False),
    ("update_dynamic_behavior_set", "not-asked", "not-sent", False),
    (OFF, "not-asked", "not-sent", False),
    ("update_dynamic_behavior_set", "not-asked", 404, True),  # no such set: nothing to ask
    ("create_dynamic_behavior_set", "not-asked", 201, True),
]


def sha256_of(arguments: dict[str, Any]) -> str:
    """The sha256 of canonical JSON (keys sorted, no spaces) in UTF-8, a lone surrogate taken
    as its code point."""
    canonical = json.dumps(arguments, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def audit_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.mark.parametrize(
    "front", ["mcp-auto", "mcp-legacy", pytest.param("cli", marks=pytest.mark.slow)]
)
async def test_every_front_end_gives_the_same_decisions_and_lines(
    sandbox: RunningSandbox, tmp_path: Path, front: str
) -> None:
    log = tmp_path / "audit.jsonl"
    set_id = new_set(sandbox, active=True)
    todo = calls(set_id)
    if front == "cli":
        env = clean_env(
            AMIGO_BASE_URL=sandbox.base_url,
            AMIGO_ORGANIZATION_ID=sandbox.organization,
            AMIGO_API_KEY=sandbox.api_key,
            AMIGO_API_KEY_ID=sandbox.api_key_id,
            AMIGO_USER_ID=sandbox.user_id,
        )
        for tool, arguments, reply in todo:
            flags = ("--audit-log", str(log), "--exclude-tools", OFF)
            call_at_a_terminal(tool, arguments, reply, *flags, env=env)
    else:
        answer = Answer()
        policy = ToolPolicy(exclude=frozenset({OFF}))
        async with connect(
            sandbox_settings(sandbox),
            front.removeprefix("mcp-"),
            policy=policy,
            audit_log=str(log),
            elicitation_callback=answer,
        ) as (client, _):
            for tool, arguments, reply in todo:
                answer.action = "accept" if reply == "y" else "decline"
                await client.call_tool(tool, arguments)
    found = audit_lines(log)
    assert [
        (line["tool"], line["confirmation"], line["status"], line["request_id"] is not None)
        for line in found
    ] == EXPECTED
    assert [line["arguments_sha256"] for line in found] == [
        sha256_of(arguments) for _, arguments, _ in todo
    ]
    assert {(line["user"], line["organization"]) for line in found} == {
        (sandbox.user_id, sandbox.organization)
    }


# --- a crash ----------------------------------------------------------------------------------


async def test_a_crash_inside_a_write_still_writes_its_audit_line(
    sandbox: RunningSandbox, tmp_path: Path, mode: str
) -> None:
    log = tmp_path / "audit.jsonl"
    create = CATALOG.tool("create_dynamic_behavior_set").operation.id

    async def break_after_the_write(response: httpx.Response) -> None:
        if response.request.method == "POST" and response.url.path.endswith(
            "/dynamic_behavior_set/"
        ):
            raise RuntimeError("a bug after the write was answered")

    async with connect(sandbox_settings(sandbox), mode, audit_log=str(log)) as (client, runtime):
        invoker = await runtime.invoker()
        http = invoker.http
        http.event_hooks["response"].append(break_after_the_write)
        sandbox.reset_request_counts()
        result = await client.call_tool(
            "create_dynamic_behavior_set", valid_arguments("create_dynamic_behavior_set")
        )
        await ok(client, "list_dynamic_behavior_sets", {"limit": 1})  # a read: no line
    text = text_of(result)
    assert result.is_error and "failed inside amigo-mcp (RuntimeError)" in text, text
    assert "a bug after" not in text, "the error's own text stays in the server"
    assert sandbox.request_counts()[create] == 1
    (line,) = audit_lines(log)
    assert (line["tool"], line["confirmation"], line["status"]) == (
        "create_dynamic_behavior_set",
        "not-asked",
        "internal-error",
    )


async def test_a_write_refused_for_text_that_is_not_unicode_still_writes_its_line(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """A lone surrogate ("\\ud800") can travel in JSON but not in UTF-8: the call is refused by
    field, and its line written all the same, the digest taken over the code point."""
    log = tmp_path / "audit.jsonl"
    arguments = valid_arguments("create_dynamic_behavior_set") | {"name": "set \ud800"}
    async with connect(sandbox_settings(sandbox), "legacy", audit_log=str(log)) as (client, _):
        text = await fails(client, "create_dynamic_behavior_set", arguments)
    assert "- name: is not valid Unicode text" in text, text
    (line,) = audit_lines(log)
    assert (line["confirmation"], line["status"]) == ("not-asked", "not-sent")
    assert line["arguments_sha256"] == sha256_of(arguments)


# --- imports ----------------------------------------------------------------------------------


def imported(path: Path) -> set[str]:
    """The amigo_mcp modules `path` imports when it runs (imports only for type checkers left
    out), wherever in the module the import statement is."""
    tree = ast.parse(path.read_text())
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name.split(".")[1] for name in found if name.startswith("amigo_mcp.")}


def test_the_modules_import_one_another_without_a_cycle() -> None:
    graph = {path.stem: imported(path) for path in PACKAGE.glob("*.py")}
    assert "invoke" in graph["pipeline"] and "composite" in graph["pipeline"]
    assert "composite" not in graph["invoke"]
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle
