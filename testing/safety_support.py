"""Shared pieces of the safety tests (tests/test_safety_*.py) and bench/resilience.py.

- `FAST_RETRY`: the server's real `RetryPolicy`, with delays small enough for tests.
- `valid_arguments`: one valid set of arguments per tool, against the demo data of a sandbox.
- `SecretScan`: every place a secret could leak (results, errors, log lines), gathered in one
  place and searched for the API key, known tokens and anything shaped like a JWT.
- `Calls`: per-call bookkeeping of what the sandbox saw, to count duplicated writes.
"""

from __future__ import annotations

import io
import logging
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import mcp_types as types
from amigo_client.retries import RetryPolicy
from mcp import Client

from amigo_mcp.catalog import ToolSpec, load_catalog
from amigo_mcp.errors import Scrubber
from amigo_mcp.stderr import configure_logging
from amigo_sandbox.demo import (
    DEMO_BEHAVIOR_SET_IDS,
    DEMO_CONVERSATION_ID,
    DEMO_METRIC_IDS,
    DEMO_SCENARIO_IDS,
    DEMO_SERVICE_IDS,
)
from amigo_sandbox.faults import FaultKind, has_enum
from amigo_sandbox.server import RunningSandbox
from testing.sandbox_http import api_client

# Real backoff and budget logic, only shorter: tests never wait for minutes.
FAST_RETRY = RetryPolicy(max_attempts=3, base_delay_s=0.01, max_delay_s=0.05, budget_s=5.0)

CATALOG = load_catalog()
TOOLS: dict[str, ToolSpec] = {tool.name: tool for tool in CATALOG.tools}
JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
# What the catch-all in server.py answers when an exception escaped: a crash, for these tests.
CRASH_MARK = "failed inside amigo-mcp"


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:10]}"


SCENARIO_SCRIPT = {
    "objective": "The caller wants to move an appointment.",
    "instructions": "Be polite; accept the second slot offered.",
    "initial_message_type": "user-message",
    "conversation_starts_at": None,
}


def valid_arguments(
    tool: str, *, set_id: str | None = None, scenario_id: str | None = None
) -> dict[str, Any]:
    """Arguments that pass the tool's schema and that the demo sandbox accepts.

    `set_id` / `scenario_id` name records the destructive tools may change or delete (pass
    fresh ones); the reads use demo records.
    """
    set_id = set_id or DEMO_BEHAVIOR_SET_IDS["refunds"]
    scenario_id = scenario_id or DEMO_SCENARIO_IDS["account_setup"]
    table: dict[str, dict[str, Any]] = {
        "list_dynamic_behavior_sets": {"limit": 2},
        "create_dynamic_behavior_set": {
            "name": unique("Safety set"),
            "tags": {"suite": "safety"},
            "applied_to_services": [DEMO_SERVICE_IDS["support"]],
            "initial_version": {
                "is_active": False,
                "conversation_triggers": ["user asks for a refund twice"],
                "actions": [
                    {
                        "type": "inject-instruction",
                        "instruction": "Apologise once, then explain the policy.",
                        "overrides_instructions": False,
                    }
                ],
            },
        },
        "search_dynamic_behavior_sets": {"query": "refund"},
        "update_dynamic_behavior_set": {"dynamic_behavior_set_id": set_id, "is_active": False},
        "delete_dynamic_behavior_set": {"dynamic_behavior_set_id": set_id},
        "list_dynamic_behavior_set_versions": {"dynamic_behavior_set_id": set_id},
        "create_dynamic_behavior_set_version": {
            "dynamic_behavior_set_id": set_id,
            "conversation_triggers": ["user mentions a late delivery"],
            "actions": [],
        },
        "list_dynamic_behavior_invocations": {"dynamic_behavior_set_id": set_id, "limit": 2},
        "evaluate_metrics": {
            "metric_ids": [DEMO_METRIC_IDS["satisfaction"]],
            "conversation_id": DEMO_CONVERSATION_ID,
        },
        "list_metric_evaluation_results": {"limit": 2},
        "list_metrics": {"type": ["boolean"], "limit": 2},
        "search_metrics": {"query": "satisfaction"},
        "list_conversations": {"is_finished": True, "limit": 2},
        "list_conversation_messages": {"conversation_id": DEMO_CONVERSATION_ID, "limit": 2},
        "list_simulation_scenarios": {"limit": 2},
        "create_simulation_scenario": {
            "name": unique("Safety scenario"),
            "tags": {"suite": "safety"},
            "initial_version": SCENARIO_SCRIPT,
        },
        "search_simulation_scenarios": {"query": "account"},
        "update_simulation_scenario": {
            "simulation_scenario_id": scenario_id,
            "tags": {"suite": "safety"},
        },
        "delete_simulation_scenario": {"simulation_scenario_id": scenario_id},
        "list_simulation_scenario_versions": {"simulation_scenario_id": scenario_id},
        "create_simulation_scenario_version": {
            "simulation_scenario_id": scenario_id,
            **SCENARIO_SCRIPT,
        },
        "rollback_dynamic_behavior_set": {"dynamic_behavior_set_id": set_id, "to_version": 1},
        "rollback_simulation_scenario": {"simulation_scenario_id": scenario_id, "to_version": 1},
    }
    if tool in table:
        return table[tool]
    # A tool added to the spec after this table was written: the simplest arguments its schema
    # accepts (the sandbox answers 501 until the operation is emulated).
    from hypothesis import find

    from testing.schema_strategies import valid

    schema = next(t.input_schema for t in CATALOG.tools if t.name == tool)
    arguments: dict[str, Any] = find(valid(schema), lambda _: True)
    return arguments


def fresh_records(sandbox: RunningSandbox) -> tuple[str, str]:
    """A new behavior set and a new scenario (for tools that change or delete), made directly
    on the sandbox, so that the demo records other tests read stay as they are."""
    with api_client(sandbox) as http:
        made = http.post(
            "/dynamic_behavior_set/", json=valid_arguments("create_dynamic_behavior_set")
        )
        made.raise_for_status()
        scenario = http.post(
            "/simulation/scenario/", json=valid_arguments("create_simulation_scenario")
        )
    scenario.raise_for_status()
    return made.json()["dynamic_behavior_set_id"], scenario.json()["simulation_scenario_id"]


# --- secrets ------------------------------------------------------------------------------------


@dataclass
class SecretScan:
    """Everything that left the server, searched for secrets at the end."""

    secrets: set[str] = field(default_factory=set)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (where, text)

    def add(self, where: str, text: str) -> None:
        self.texts.append((where, text))

    def add_result(self, where: str, result: types.CallToolResult) -> None:
        self.add(where, result.model_dump_json(by_alias=True))

    def leaks(self) -> list[str]:
        """One line per text that holds a secret or anything shaped like a bearer token."""
        found = []
        for where, text in self.texts:
            hits = [s for s in self.secrets if s and s in text]
            if JWT.search(text):
                hits.append("a JWT")
            if hits:
                found.append(f"{where}: {len(hits)} secret(s) ({text[:120]!r}...)")
        return found


@contextmanager
def server_logs(level: str, scrub: Scrubber) -> Iterator[io.StringIO]:
    """The server's own logging set-up (`stderr.configure_logging`), written to a buffer.

    Every logger of the process goes through it (the SDK, httpx, httpcore, amigo_client, the
    sandbox), as in `amigo-mcp serve --log-level DEBUG`. The previous set-up is restored after.
    """
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    saved_stderr = sys.stderr
    buffer = io.StringIO()
    sys.stderr = buffer
    try:
        configure_logging(level, scrub)
    finally:
        sys.stderr = saved_stderr
    try:
        yield buffer
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)


# --- what the sandbox saw -----------------------------------------------------------------------


@dataclass
class Seen:
    """Requests the sandbox received for one operation during one tool call."""

    requests: int
    statuses: dict[str, int]

    @property
    def turned_away(self) -> int:
        """Requests answered 401, 429 or 503: refused before the handler ran (nothing written).

        In the sandbox these come from its authentication and rate limiting, or from injected
        status faults, which never run the operation.
        """
        return sum(self.statuses.get(code, 0) for code in ("401", "429", "503"))


def seen_between(
    before: tuple[dict[str, int], dict[str, dict[str, int]]],
    after: tuple[dict[str, int], dict[str, dict[str, int]]],
    operation_id: str,
) -> Seen:
    counts = after[0].get(operation_id, 0) - before[0].get(operation_id, 0)
    old, new = before[1].get(operation_id, {}), after[1].get(operation_id, {})
    statuses = {k: v - old.get(k, 0) for k, v in new.items() if v - old.get(k, 0)}
    return Seen(counts, statuses)


def snapshot(sandbox: RunningSandbox) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    return sandbox.request_counts(), sandbox.response_statuses()


# --- every tool under every fault ---------------------------------------------------------------

# (kind, options, times) for every fault the sandbox can inject; `unknown_enum` only applies
# where the answer has an enum. The 401 makes the server sign in again (a second token).
EVERY_FAULT: list[tuple[FaultKind, dict[str, Any], int | None]] = [
    ("status", {"status": 429, "retry_after": 0}, 1),
    ("status", {"status": 503}, None),
    ("status", {"status": 401}, 1),
    ("status", {"status": 500}, 1),
    ("drop", {}, 1),
    ("drop", {"after_handler": True}, 1),
    ("malformed_json", {}, 1),
    ("unknown_enum", {}, 1),
]


def answer_has_enum(sandbox: RunningSandbox, operation_id: str) -> bool:
    op = sandbox.sandbox.spec.by_id[operation_id]
    return has_enum(sandbox.sandbox.spec, op.response_pointers.get(op.success_status))


async def every_tool_under_every_fault(
    client: Client, sandbox: RunningSandbox, scan: SecretScan
) -> int:
    """Call every tool once per fault, adding what came back to `scan`; returns the calls made.

    A protocol error (a crash) is scanned too, and recorded as "raised" in the scan's texts.
    """
    from mcp.shared.exceptions import MCPError

    set_id, scenario_id = fresh_records(sandbox)
    calls = 0
    for tool in CATALOG.tools:
        for kind, options, times in EVERY_FAULT:
            if kind == "unknown_enum" and not answer_has_enum(sandbox, tool.operation.id):
                continue
            sandbox.clear_faults()
            sandbox.inject_fault(tool.operation.id, kind, times=times, **options)
            arguments = valid_arguments(tool.name, set_id=set_id, scenario_id=scenario_id)
            where = f"{tool.name} {kind} {options}"
            try:
                scan.add_result(where, await client.call_tool(tool.name, arguments))
            except MCPError as exc:
                scan.add(f"{where} raised", str(exc))
            calls += 1
    sandbox.clear_faults()
    return calls


def new_set(sandbox: RunningSandbox, *, active: bool, name: str | None = None) -> str:
    """A set made straight on the sandbox: tags, one service, one trigger, one action."""
    body = valid_arguments("create_dynamic_behavior_set")
    body["name"] = name or unique("Confirm set")
    body["tags"] = {"team": "care", "tier": "premium"}
    body["initial_version"]["is_active"] = active
    with api_client(sandbox) as http:
        made = http.post("/dynamic_behavior_set/", json=body)
    made.raise_for_status()
    return str(made.json()["dynamic_behavior_set_id"])
