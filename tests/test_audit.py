"""The audit log, through a real MCP client on the sandbox.

- A write that the person accepts: one line with the user, the organization, the argument
  digest, "accepted", Amigo's status and request ID. Declined and cancelled: "not-sent".
- Reads write nothing; a write Amigo refuses records its 4xx; invalid arguments and tools the
  operator turned off are recorded as not sent; an operator setting that skips the question
  says so.
- Concurrent writes: one whole JSON line each. Secrets and tokens never reach the file; in
  hosted mode the user is the one the request's token names.
- `amigo-mcp call` writes the same lines, to stderr with `-`; a path that cannot be written is
  a start-up error.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import anyio
import pytest
from amigo_client.exceptions import ConfigurationError
from hypothesis import given
from hypothesis import strategies as st

from amigo_mcp.audit import AuditLog, digest, token_user
from amigo_mcp.errors import Scrubber
from amigo_mcp.policy import ToolPolicy
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.server import RunningSandbox
from testing.hosted import hosted, mcp_client
from testing.mcp_helpers import (
    Answer,
    ElicitAction,
    call_at_a_terminal,
    connect,
    fails,
    ok,
    run_amigo_mcp,
    sandbox_settings,
)
from testing.safety_support import JWT, new_set, valid_arguments

pytestmark = pytest.mark.anyio

REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")  # the sandbox's request IDs


def readme_sha256(value: Any) -> str:
    """`arguments_sha256` as the README defines it, written out here rather than taken from the
    product: the sha256 of the arguments as canonical JSON, keys sorted, no spaces."""

    def canonical(item: Any) -> str:
        if isinstance(item, dict):
            pairs = (f"{canonical(key)}:{canonical(item[key])}" for key in sorted(item))
            return "{" + ",".join(pairs) + "}"
        if isinstance(item, list):
            return "[" + ",".join(map(canonical, item)) + "]"
        return json.dumps(item, ensure_ascii=False)  # one string, number, boolean or null

    return hashlib.sha256(canonical(value).encode()).hexdigest()


def test_the_readme_digest_is_of_compact_sorted_json() -> None:
    """The definition above, checked on a canonical text written by hand."""
    arguments: dict[str, Any] = {
        "c": {"y": "q", "x": 2.5},
        "b": [1, True, None, {}],
        "a": 'é "quoted"',
    }
    text = r'{"a":"é \"quoted\"","b":[1,true,null,{}],"c":{"x":2.5,"y":"q"}}'
    assert readme_sha256(arguments) == hashlib.sha256(text.encode()).hexdigest()


FIELDS = {
    "time",
    "tool",
    "user",
    "organization",
    "arguments_sha256",
    "confirmation",
    "status",
    "request_id",
    "duration_ms",
}
MISSING_ID = "0123456789abcdef01234567"


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def lines(path: Path) -> list[dict[str, Any]]:
    """Every line of the audit log, each one JSON object with exactly the documented fields."""
    found = []
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        assert set(entry) == FIELDS, line
        assert datetime.fromisoformat(entry["time"]).utcoffset() is not None, "UTC, marked"
        found.append(entry)
    return found


@pytest.mark.parametrize(
    ("action", "decision", "changed"),
    [("accept", "accepted", True), ("decline", "declined", False), ("cancel", "cancelled", False)],
)
async def test_a_confirmed_update_is_one_line_with_the_decision(
    sandbox: RunningSandbox,
    tmp_path: Path,
    mode: str,
    action: ElicitAction,
    decision: str,
    changed: bool,
) -> None:
    log = tmp_path / "audit.jsonl"
    set_id = new_set(sandbox, active=True)
    arguments = {"dynamic_behavior_set_id": set_id, "tags": {}, "is_active": False}
    async with connect(
        sandbox_settings(sandbox), mode, audit_log=str(log), elicitation_callback=Answer(action)
    ) as (client, _):
        result = await client.call_tool("update_dynamic_behavior_set", arguments)
        await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]})  # a read: no line
    assert result.is_error is not changed
    (line,) = lines(log)
    assert line["tool"] == "update_dynamic_behavior_set"
    assert line["user"] == sandbox.user_id
    assert line["organization"] == sandbox.organization
    assert line["arguments_sha256"] == readme_sha256(arguments)
    assert line["confirmation"] == decision
    if changed:
        assert line["status"] == 204
        assert REQUEST_ID.match(line["request_id"])
    else:
        assert line["status"] == "not-sent"
        assert line["request_id"] is None


async def test_a_write_amigo_refuses_records_its_status_and_request_id(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    log = tmp_path / "audit.jsonl"
    arguments = {"dynamic_behavior_set_id": MISSING_ID, "is_active": False}
    async with connect(sandbox_settings(sandbox), "auto", audit_log=str(log)) as (client, _):
        text = await fails(client, "update_dynamic_behavior_set", arguments)
    assert "HTTP 404" in text
    (line,) = lines(log)
    # Nothing to show the person (no such set): not asked, sent, and refused by Amigo.
    assert (line["confirmation"], line["status"]) == ("not-asked", 404)
    assert REQUEST_ID.match(line["request_id"])


async def test_calls_refused_before_sending_are_recorded_as_not_sent(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    log = tmp_path / "audit.jsonl"
    invalid = {"dynamic_behavior_set_id": "not-an-id", "is_active": False}
    create = valid_arguments("create_dynamic_behavior_set") | {"name": ""}
    policy = ToolPolicy(exclude=frozenset({"delete_dynamic_behavior_set"}))
    deleted = {"dynamic_behavior_set_id": MISSING_ID}
    async with connect(sandbox_settings(sandbox), "legacy", audit_log=str(log), policy=policy) as (
        client,
        _,
    ):
        sandbox.reset_request_counts()
        await fails(client, "update_dynamic_behavior_set", invalid)  # confirmed tool
        await fails(client, "create_dynamic_behavior_set", create)  # unconfirmed tool
        await fails(client, "delete_dynamic_behavior_set", deleted)  # turned off
        sent = sandbox.request_counts()
    assert not {op for op in sent if op != "sign-in-with-api-key"}, sent
    found = lines(log)
    assert [(line["tool"], line["status"], line["confirmation"]) for line in found] == [
        ("update_dynamic_behavior_set", "not-sent", "not-asked"),
        ("create_dynamic_behavior_set", "not-sent", "not-asked"),
        ("delete_dynamic_behavior_set", "not-sent", "not-asked"),
    ]
    assert [line["arguments_sha256"] for line in found] == [
        readme_sha256(invalid),
        readme_sha256(create),
        readme_sha256(deleted),
    ]


async def test_an_operator_setting_that_skips_the_question_says_so(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    log = tmp_path / "audit.jsonl"
    set_id = new_set(sandbox, active=False)
    async with connect(
        sandbox_settings(sandbox),
        "auto",
        audit_log=str(log),
        policy=ToolPolicy(skip_confirmation=True),
        elicitation_callback=Answer("decline"),  # never asked
    ) as (client, _):
        await ok(client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id})
        # Gone now: Amigo's 404, still a call that was sent.
        await fails(client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id})
    first, again = lines(log)
    assert (first["confirmation"], first["status"]) == ("skipped-by-setting", 200)
    assert (again["confirmation"], again["status"]) == ("skipped-by-setting", 404)


async def test_a_rollback_records_its_write(
    sandbox: RunningSandbox, tmp_path: Path, mode: str
) -> None:
    log = tmp_path / "audit.jsonl"
    set_id = new_set(sandbox, active=False)
    async with connect(sandbox_settings(sandbox), mode, audit_log=str(log)) as (client, _):
        version = {"dynamic_behavior_set_id": set_id, "to_version": 1}
        await ok(client, "rollback_dynamic_behavior_set", version)
        missing = {"dynamic_behavior_set_id": set_id, "to_version": 9}
        await fails(client, "rollback_dynamic_behavior_set", missing)
    done, stopped = lines(log)
    assert (done["tool"], done["status"]) == ("rollback_dynamic_behavior_set", 201)
    assert REQUEST_ID.match(done["request_id"])
    # There is no version 9: the call stopped at a read and created nothing.
    assert (stopped["status"], stopped["request_id"]) == ("not-sent", None)


async def test_concurrent_writes_give_one_whole_line_each(
    sandbox: RunningSandbox, tmp_path: Path, stopped_clock: SandboxClock
) -> None:
    log = tmp_path / "audit.jsonl"
    calls = 24
    names = [f"Audit concurrent {i} " + "x" * 2000 for i in range(calls)]  # long lines
    async with connect(
        sandbox_settings(sandbox), "auto", audit_log=str(log), clock=stopped_clock
    ) as (client, _):

        async def create(name: str) -> None:
            await ok(
                client,
                "create_dynamic_behavior_set",
                valid_arguments("create_dynamic_behavior_set") | {"name": name},
            )

        async with anyio.create_task_group() as group:
            for name in names:
                group.start_soon(create, name)
    found = lines(log)
    assert len(found) == calls
    assert {line["status"] for line in found} == {201}
    assert len({line["request_id"] for line in found}) == calls


async def test_no_secret_reaches_the_file_and_hosted_users_are_named_by_their_token(
    sandbox: RunningSandbox, tmp_path: Path, mode: str
) -> None:

    log = tmp_path / "audit.jsonl"
    user = sandbox.add_user(name="Audited hosted user")
    token = sandbox.issue_token(user["user_id"])
    with hosted(sandbox, multi_user=True, audit_log=str(log)) as (url, _):
        async with mcp_client(url, mode, {"X-Amigo-Token": token}) as client:
            await ok(
                client,
                "create_dynamic_behavior_set",
                valid_arguments("create_dynamic_behavior_set"),
            )
        async with mcp_client(url, mode, {"X-Amigo-Token": "opaque-token-" + "z" * 20}) as client:
            await fails(client, "create_dynamic_behavior_set", {"name": 5})
        async with mcp_client(url, mode, {}) as client:  # the server's own sign-in
            await ok(
                client,
                "create_dynamic_behavior_set",
                valid_arguments("create_dynamic_behavior_set"),
            )
    text = log.read_text()
    own, opaque, configured = lines(log)
    assert own["user"] == user["user_id"], "the token's subject"
    assert re.fullmatch(r"token:[0-9a-f]{16}", opaque["user"]), "not a JWT: a digest"
    assert configured["user"] == sandbox.user_id
    for secret in (token, sandbox.api_key, "opaque-token-"):
        assert secret not in text
    assert not JWT.search(text)


def test_a_line_passes_through_the_scrubber(tmp_path: Path) -> None:
    """A tool name is the only free text of a line; any secret in a line is replaced."""
    from amigo_client import Clock

    log = tmp_path / "audit.jsonl"
    audit = AuditLog(str(log), Clock(), Scrubber(["sekrit-value"]))
    audit.record(
        tool="tool_sekrit-value",
        user="sekrit-value",
        organization="org",
        arguments={"key": "sekrit-value"},
        confirmation="not-asked",
        outcome=None,
        duration_s=0.0,
    )
    audit.close()
    assert "sekrit-value" not in log.read_text()
    (line,) = lines(log)
    assert line["user"] == "***" and line["status"] == "not-sent"


def test_a_path_that_cannot_be_written_is_a_start_up_error(tmp_path: Path) -> None:
    from amigo_client import Clock

    with pytest.raises(ConfigurationError, match="cannot open the audit log"):
        AuditLog(str(tmp_path / "missing" / "audit.jsonl"), Clock(), Scrubber())


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.mark.slow
@given(st.dictionaries(st.text(max_size=8), JSON, max_size=6), st.randoms())
def test_the_argument_digest_ignores_key_order(arguments: dict[str, Any], rnd: Any) -> None:
    def shuffled(value: Any) -> Any:
        if isinstance(value, dict):
            items = list(value.items())
            rnd.shuffle(items)
            return {k: shuffled(v) for k, v in items}
        if isinstance(value, list):
            return [shuffled(v) for v in value]
        return value

    assert digest(shuffled(arguments)) == digest(arguments) == readme_sha256(arguments)
    assert digest(arguments) != digest({**arguments, "\x00extra": 1})


@given(st.text(min_size=20, max_size=80))
def test_a_token_is_never_its_own_user_name(token: str) -> None:
    assert token not in token_user(token)


@given(st.text(min_size=1, max_size=30), st.binary(min_size=8, max_size=32))
def test_a_jwt_is_named_by_its_subject(subject: str, signature: bytes) -> None:
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    claims = json.dumps({"sub": subject, "org_id": "org"}).encode()
    token = ".".join([part(b'{"alg":"HS256"}'), part(claims), part(signature)])
    assert token_user(token) == subject


@pytest.mark.slow
@pytest.mark.parametrize("target", ["file", "-"])
def test_amigo_mcp_call_writes_the_line_and_keeps_stdout_clean(tmp_path: Path, target: str) -> None:
    log = tmp_path / "audit.jsonl"
    arguments = valid_arguments("create_dynamic_behavior_set")
    done = run_amigo_mcp(
        "call",
        "--audit-log",
        str(log) if target == "file" else "-",
        "create_dynamic_behavior_set",
        json.dumps(arguments),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["dynamic_behavior_set_id"], "stdout holds only the result"
    if target == "-":
        audit_lines = [row for row in done.stderr.splitlines() if row.startswith("{")]
        log.write_text("".join(f"{row}\n" for row in audit_lines))
    (line,) = lines(log)
    assert (line["tool"], line["confirmation"], line["status"]) == (
        "create_dynamic_behavior_set",
        "not-asked",
        201,
    )
    assert line["arguments_sha256"] == readme_sha256(arguments)
    assert line["user"], "the embedded sandbox's demo user"


@pytest.mark.slow
def test_a_refusal_on_the_embedded_sandbox_names_its_demo_user(tmp_path: Path) -> None:
    """Refused before anything was sent, so before the embedded sandbox started: the line names
    the user and organization every call to it is made as, as a line with credentials does."""
    from amigo_sandbox.demo import DEMO_ORGANIZATION, DEMO_USER_ID

    log = tmp_path / "audit.jsonl"
    arguments = {"dynamic_behavior_set_id": MISSING_ID}
    done = run_amigo_mcp(
        "call",
        "--audit-log",
        str(log),
        "delete_dynamic_behavior_set",
        json.dumps(arguments),
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert "nothing was sent" in done.stderr
    (line,) = lines(log)
    assert (line["confirmation"], line["status"]) == ("refused-unavailable", "not-sent")
    assert (line["user"], line["organization"]) == (DEMO_USER_ID, DEMO_ORGANIZATION)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("reply", "decision", "status"), [("y", "accepted", 204), ("n", "declined", "not-sent")]
)
def test_amigo_mcp_call_records_the_answer_given_at_the_terminal(
    tmp_path: Path, reply: str, decision: str, status: int | str
) -> None:
    from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS

    log = tmp_path / "audit.jsonl"
    arguments: dict[str, object] = {
        "dynamic_behavior_set_id": DEMO_BEHAVIOR_SET_IDS["refunds"],
        "tags": {},
    }
    done = call_at_a_terminal(
        "update_dynamic_behavior_set", arguments, reply, "--audit-log", str(log)
    )
    assert "Allow this call? [y/N]" in done.stderr
    (line,) = lines(log)
    assert (line["confirmation"], line["status"]) == (decision, status)
    assert line["arguments_sha256"] == readme_sha256(arguments)
