"""Lines on stdio that are not MCP messages each get their JSON-RPC error, and the server
serves on: -32700 with id null for a line that is not JSON (nested too deep, a lone surrogate,
a number too long to read, plain text), -32600 for JSON that is not a JSON-RPC message (with
the request's own id when it has one, so the client's call ends at once)."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testing.mcp_helpers import amigo_mcp, clean_env

pytestmark = pytest.mark.slow  # each test starts amigo-mcp

PARSE_ERROR, INVALID_REQUEST = -32700, -32600
LAST = {"jsonrpc": "2.0", "id": "last", "method": "ping"}


def answers_to(lines: list[str]) -> list[dict[str, Any]]:
    """What amigo-mcp on stdio writes for `lines`, followed by a ping: every answer up to the
    ping's. Stdin stays open until then, as a client keeps it."""
    text = "".join(f"{line}\n" for line in [*lines, json.dumps(LAST)])
    with subprocess.Popen(
        amigo_mcp(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=clean_env()
    ) as server:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(text.encode())
        server.stdin.flush()
        answers: list[dict[str, Any]] = []
        while not answers or answers[-1].get("id") != "last":
            line = server.stdout.readline()
            assert line, "the server ended before answering the ping"
            answers.append(json.loads(line))
        server.stdin.close()
        assert server.wait(timeout=60) == 0
    assert answers[-1] == {"jsonrpc": "2.0", "id": "last", "result": {}}, "still serving"
    return answers[:-1]


def error(code: int, request_id: str | int | None = None) -> tuple[str | int | None, int]:
    return request_id, code


def codes(answers: list[dict[str, Any]]) -> list[tuple[str | int | None, int]]:
    for answer in answers:
        assert answer["jsonrpc"] == "2.0" and answer["error"]["message"], answer
    return [(answer["id"], answer["error"]["code"]) for answer in answers]


def test_each_unreadable_line_is_answered_and_the_server_serves_on() -> None:
    lines = [
        "[" * 250 + "]" * 250,  # nested deeper than the reader goes
        '{"jsonrpc": "2.0", "id": 2, "method": "ping", "params": {"x": "\\ud800"}}',
        '{"jsonrpc": "2.0", "id": 3, "method": "ping", "params": {"n": ' + "9" * 10**6 + "}}",
        "not json at all",
        '{"jsonrpc": "2.0", "id": 4, "method": "ping"',  # cut short
        '{"hello": "world"}',
        "[1, 2]",
        '{"jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": "x"}',
        '{"jsonrpc": "1.0", "id": "six", "method": "ping"}',
        '{"jsonrpc": "2.0", "id": true, "method": "ping", "params": 7}',
    ]
    assert codes(answers_to(lines)) == [
        *[error(PARSE_ERROR)] * 5,
        *[error(INVALID_REQUEST)] * 2,
        error(INVALID_REQUEST, 5),
        error(INVALID_REQUEST, "six"),
        error(INVALID_REQUEST),  # true is no JSON-RPC id
    ]


@settings(max_examples=10)
@given(st.lists(st.text(st.characters(exclude_characters="\n\r"), min_size=1), max_size=4))
def test_any_text_that_is_no_message_gets_one_error_each(lines: list[str]) -> None:
    """Any lines of text (blank ones aside): each is a message, or is answered with an error."""
    lines = [line for line in lines if line.strip()]
    messages = 0
    for line in lines:
        try:
            json.loads(line)
        except ValueError:
            continue
        messages += 1  # valid JSON: a JSON-RPC message (answered or not) or -32600
    answers = answers_to(lines)
    assert len([a for a in answers if "error" in a]) >= len(lines) - messages
    assert {a["error"]["code"] for a in answers if "error" in a} <= {PARSE_ERROR, INVALID_REQUEST}
