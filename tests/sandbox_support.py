"""Helpers for the sandbox tests: an independent reading of the spec, and a response checker.

Deliberately independent of `amigo_sandbox.spec`: the spec is read again here with plain
jsonschema (Draft 2020-12, formats checked), so a mistake in the sandbox's own spec handling
cannot hide a response that breaks the spec. Only `$ref`s are followed the project's one way
(`amigo_sandbox.refs`, the `referencing` library that jsonschema itself resolves with).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from jsonschema import Draft202012Validator, FormatChecker

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.refs import Document, pointer
from amigo_sandbox.server import RunningSandbox
from amigo_sandbox.spec import load_yaml  # parsing only: the spec is interpreted here afresh
from testing.sandbox_http import admin_client

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "amigo.yaml"
SPEC: dict[str, Any] = load_yaml(SPEC_PATH)
_DOC = Document(SPEC)
_FORMATS = FormatChecker()


@dataclass(frozen=True)
class SpecOperation:
    operation_id: str
    method: str
    path: str
    raw: dict[str, Any]
    pattern: re.Pattern[str]

    @property
    def statuses(self) -> set[int]:
        return {int(s) for s in self.raw["responses"]}

    @property
    def rate_limit(self) -> int:
        return int(self.raw["x-rate-limit-per-minute"])


def _operations() -> dict[str, SpecOperation]:
    out = {}
    for path, item in SPEC["paths"].items():
        regex = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$"
        for method, raw in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                out[raw["operationId"]] = SpecOperation(
                    raw["operationId"], method.upper(), path, raw, re.compile(regex)
                )
    return out


OPERATIONS = _operations()


def operation_for(method: str, path: str) -> SpecOperation | None:
    candidates = [
        op for op in OPERATIONS.values() if op.method == method and op.pattern.match(path)
    ]
    # A literal segment (".../search") beats a parameter ("{id}/") when both could match.
    candidates.sort(key=lambda op: op.path.count("{"))
    return candidates[0] if candidates else None


def _response_object(operation: SpecOperation, status: int) -> dict[str, Any]:
    return dict(_DOC.resolve(operation.raw["responses"][str(status)]))


def response_problems(operation: SpecOperation, status: int, content: bytes) -> list[str]:
    """Why this answer breaks the spec (empty list: it conforms)."""
    if str(status) not in operation.raw["responses"]:
        return [f"{operation.operation_id}: status {status} is not documented"]
    response = _response_object(operation, status)
    media = response.get("content", {}).get("application/json")
    if media is None:
        return [] if content == b"" else [f"{operation.operation_id} {status}: body not allowed"]
    try:
        body = json.loads(content)
    except ValueError:
        return [f"{operation.operation_id} {status}: body is not JSON: {content[:80]!r}"]
    at = _DOC.follow(operation.raw["responses"][str(status)]).ref or pointer(
        "paths", operation.path, operation.method.lower(), "responses", str(status)
    )
    validator = Draft202012Validator(
        _DOC.absolute(pointer("content", "application/json", "schema", under=at)),
        registry=_DOC.registry,
        format_checker=_FORMATS,
    )
    return [
        f"{operation.operation_id} {status}: {list(error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(body)
    ]


@dataclass
class ResponseRecorder:
    """An httpx response hook: checks every answer against the spec and records what it saw."""

    seen: dict[str, set[int]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        operation = operation_for(response.request.method, response.request.url.path)
        if operation is None:
            return
        self.seen.setdefault(operation.operation_id, set()).add(response.status_code)
        self.problems.extend(response_problems(operation, response.status_code, response.content))


def inject(text: str) -> dict[str, Any]:
    return {"type": "inject-instruction", "instruction": text, "overrides_instructions": False}


def new_set_body(name: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": name,
        "tags": {},
        "applied_to_services": [],
        "initial_version": {
            "is_active": True,
            "conversation_triggers": ["user says hello"],
            "actions": [inject("Say hello back.")],
        },
    }
    initial = overrides.pop("initial_version", {})
    body.update(overrides)
    body["initial_version"].update(initial)
    return body


def new_scenario_body(name: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": name,
        "tags": {},
        "initial_version": {
            "objective": "Ask about opening hours.",
            "instructions": "Be brief.",
            "initial_message_type": "user-message",
            "conversation_starts_at": None,
        },
    }
    body.update(overrides)
    return body


SANDBOX_EXECUTABLE = Path(sys.executable).parent / "amigo-sandbox"


def start_cli(
    arguments: list[str], env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[str], str, dict[str, str]]:
    """Run the console script on a free port; return it, its base URL and the printed values."""
    process = subprocess.Popen(
        [str(SANDBOX_EXECUTABLE), "--port", "0", "--log-level", "debug", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert process.stdout is not None
    printed: dict[str, str] = {}
    lines = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if match := re.match(r"\s*(AMIGO_\w+)=(\S+)", line):
            printed[match.group(1)] = match.group(2)
        if match := re.match(r"\s*database:\s+(.*)$", line):
            printed["database"] = match.group(1)
        if line.startswith("Admin API"):
            break
    else:
        process.kill()
    if "AMIGO_BASE_URL" not in printed:
        process.kill()
        raise RuntimeError("amigo-sandbox did not start:\n" + "".join(lines))
    return process, printed["AMIGO_BASE_URL"], printed


def stop_cli(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=15)
    return output


# Half a minute into a one-minute rate window: a 429 says `Retry-After: 30`.
STOPPED_AT = datetime(2026, 1, 1, 12, 0, 30, tzinfo=UTC)


def stop_clock(sandbox: RunningSandbox, moment: datetime = STOPPED_AT) -> SandboxClock:
    """Stop the sandbox's clock at `moment`; returns the clock (time moves only when told)."""
    sandbox.set_clock(moment, stopped=True)
    return sandbox.clock


def move_clock(base_url: str, **body: Any) -> dict[str, Any]:
    """`POST /_sandbox/clock` on a sandbox in another process (e.g. `advance_s=61`)."""
    with admin_client(base_url) as admin:
        answer = admin.post("/clock", json=body)
    answer.raise_for_status()
    clock: dict[str, Any] = answer.json()
    return clock
