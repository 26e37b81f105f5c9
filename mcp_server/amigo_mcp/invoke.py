"""One tool call: turn the checked arguments into the request, send it, shape the answer.

The request is made once from the JSON arguments (`arguments.request_of`) and sent by the
client's one retry loop (`amigo_client.transport.Attempts`) on the client's authenticated httpx
client, with this server's hooks: progress while waiting, the MCP request's own token, the rate
gate counted in the state store. The answer is read once: its JSON body, checked against the
tool's output schema, is the structured content. What is the server's own is turning what
happened into a `ToolOutcome`.
Nothing here knows about MCP: `Invoker.call` returns a `ToolOutcome` (structured data plus a
compact text, or an error text) that the server, the CLI and the tests all use alike.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast

import jsonschema_rs
from amigo_client.clock import Clock
from amigo_client.exceptions import (
    AmigoError,
    APIConnectionError,
    APIStatusError,
    error_body,
    status_error,
)
from amigo_client.retries import RetryPolicy, retry_after_seconds, was_not_sent

from amigo_mcp.arguments import Request, per_schema, request_of
from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.context import request_token
from amigo_mcp.errors import Scrubber, api_error_message, compact_json
from amigo_mcp.resilience import RateSpacer
from amigo_mcp.settings import Settings
from amigo_mcp.state import MemoryStore, StateStore

if TYPE_CHECKING:
    # Loaded by the first call that sends (with httpx and attrs): the rest of this module (e.g.
    # `ToolOutcome`, used by the pipeline and the CLI) needs none of them.
    import httpx
    from amigo_client.transport import Attempts
    from amigo_client.types import Response

DRIFT_NOTE = (
    "Note: this answer does not match the API schema this server was built from (the API may "
    "have added a field or value); the data is passed on unchanged."
)


# Told about each wait (message, attempt) so the MCP client can show progress.
Progress = Callable[[str, int], Awaitable[None]]


@dataclass(frozen=True)
class ToolOutcome:
    """A tool's answer, and what the API said to the tool's own operation (for the audit log).

    `status` and `request_id` come from Amigo's answer to the operation the tool is for (for a
    composite tool, its final write); both are None when that operation got no answer. Then
    `unanswered` says whether it may have been sent ("transport-error", "timeout") or not (None).
    """

    is_error: bool
    text: str
    structured: dict[str, Any] | None = None
    status: int | None = None
    request_id: str | None = None
    unanswered: str | None = None

    @property
    def result(self) -> int | str:
        """The HTTP status Amigo answered, or a word: "not-sent", "transport-error", "timeout"."""
        if self.status is not None:
            return self.status
        return self.unanswered or "not-sent"


def _repeat_advice(tool: ToolSpec) -> str:
    """What to do after a call whose request may have reached the API without an answer."""
    if tool.idempotent:
        return "It is safe to call again."
    return (
        "The request may or may not have been applied: check with a list or search tool "
        "before calling again, so as not to create it twice."
    )


def _sign_in_failure(error: AmigoError) -> str:
    """What to check after sign-in failed (the client's message says what happened)."""
    if isinstance(error, APIStatusError):
        return (
            f"{error} Check AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID and "
            "AMIGO_ORGANIZATION_ID."
        )
    if isinstance(error, APIConnectionError):
        return f"{error} Check AMIGO_BASE_URL and the network."
    return str(error)


def _gave_up(text: str, attempts: int, separator: str) -> str:
    return f"{text}{separator}(Gave up after {attempts} attempts.)" if attempts > 1 else text


def already_gone(tool: ToolSpec, arguments: dict[str, Any]) -> ToolOutcome:
    """A delete of an object known to have existed that is gone now: soft-deleted already when
    read first (then nothing was sent, and the outcome has no status), or answered 404 after an
    earlier attempt of this same call lost its connection once sent (that attempt deleted it).

    Not an error: the tool is idempotent and what the agent wanted, the object gone, holds; an
    error would send it retrying. `already_gone` says so. A 404 for an ID never seen to exist
    stays an error: the ID may be mistyped, and the object the agent meant may still be there.
    """
    fields = {f: arguments[f] for f in tool.operation.path_fields if f in arguments}
    data: dict[str, Any] = {"ok": True, **fields, "already_gone": True}
    return ToolOutcome(False, compact_json(data), data)


def request_id_of(response: Any) -> str | None:
    """Amigo's ID of the request: the `request_id` of an error body, else the X-Request-ID
    header (the one the client's errors quote)."""
    status = int(response.status_code)
    if status < 300:
        return response.headers.get("x-request-id") or None
    return status_error("", response).request_id


@per_schema
def _conformity(schema: dict[str, Any]) -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def conforms(schema: dict[str, Any], data: Any) -> bool:
    """Whether `data` is what `schema`, a tool's published output schema, allows (Draft 2020-12,
    formats checked): what an MCP client checks structured content against. By jsonschema-rs,
    not by the `jsonschema` that explains argument errors: only a yes or no is needed here,
    and answers grow with the page asked for (tests/test_output_conformity.py holds both to
    the same verdicts)."""
    return bool(_conformity(schema).is_valid(data))


def readable(tool: ToolSpec, data: dict[str, Any]) -> bool:
    """Whether the client's tolerant reader reads `data`, the body of the success status of
    `tool`'s operation, into its models. What the API adds (a field, an enum value) it keeps,
    so only a body that breaks what the API description says (a required field missing, a
    date-time that is not one, a list that is not) is not readable. Checked on the JSON as
    parsed, by the schema the catalog holds of what the reader needs; no model is built."""
    schema = tool.operation.answer_schema
    return schema is None or _reads(schema, data)


def _reads(schema: dict[str, Any], value: Any) -> bool:
    """Whether `value` meets `schema`, a schema of what the reader needs: the catalog writes
    only `type` (object, array or string), `required`, `properties`, `additionalProperties`,
    `items`, `anyOf` and `format: date-time` (read by Python's `datetime.fromisoformat`)
    there. Walked here rather than by `jsonschema`, which takes several times as long as the
    models it stands for."""
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(value, dict) or any(n not in value for n in schema.get("required", ())):
            return False
        properties: dict[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        if extra is None:
            return all(_reads(sub, value[n]) for n, sub in properties.items() if n in value)
        return all(_reads(properties.get(n, extra), item) for n, item in value.items())
    if kind == "array":
        items = schema.get("items")
        return isinstance(value, list) and (items is None or all(_reads(items, v) for v in value))
    if kind == "string":
        if not isinstance(value, str):
            return False
        if schema.get("format") == "date-time":
            try:
                datetime.fromisoformat(value)
            except ValueError:
                return False
        return True
    arms = schema.get("anyOf")
    return arms is None or any(_reads(arm, value) for arm in arms)


class Invoker:
    """Calls tools on one shared, authenticated httpx client."""

    def __init__(
        self,
        catalog: Catalog,
        settings: Settings,
        http: httpx.AsyncClient,
        scrub: Scrubber,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        store: StateStore | None = None,
    ) -> None:
        self.catalog = catalog
        self.settings = settings
        self.clock = clock or Clock()
        # The client's configuration for every call: retry policy, clock and this server's
        # rate gate (counted in the state store, shared by replicas on Redis).
        self.config = settings.using(
            retry=retry, clock=self.clock, gate=RateSpacer(store or MemoryStore(self.clock))
        )
        # The authenticated httpx client every request is sent with.
        self.http = http
        self.scrub = scrub

    async def call(
        self,
        tool: ToolSpec,
        arguments: dict[str, Any],
        on_progress: Progress | None = None,
    ) -> ToolOutcome:
        request = request_of(self.catalog, tool, self.settings, arguments)
        attempts = self.attempts(tool, on_progress)
        try:
            response = await attempts.asend(lambda: self._send(request))
        except AmigoError as exc:
            return self._unanswered(tool, attempts, exc)
        outcome = self.shape(
            tool, arguments, response, maybe_applied=self._maybe_applied(tool, attempts)
        )
        due = attempts.due
        if due is not None and retry_after_seconds(response.headers, self.clock.time()) is None:
            # Amigo gave no hint: still tell the agent when to try again.
            outcome = replace(
                outcome,
                is_error=True,
                text=f"{outcome.text}\nRetry after about {max(1, math.ceil(due))} seconds.",
            )
        if outcome.is_error and attempts.count > 1:
            outcome = replace(outcome, text=_gave_up(outcome.text, attempts.count, "\n"))
        return self._noted(tool, attempts, outcome)

    async def _send(self, request: Request) -> Response[Any]:
        """One attempt: the answer as the client's retry loop reads it (status and headers),
        with its body unread."""
        from amigo_client.types import Response

        answer = await self.http.request(
            request.method,
            request.url,
            params=request.params,
            headers=request.headers,
            json=request.json,
        )
        return Response(
            status_code=cast(HTTPStatus, answer.status_code),  # read as int(...) throughout
            content=answer.content,
            headers=answer.headers,
            parsed=None,
        )

    def attempts(self, tool: ToolSpec, on_progress: Progress | None) -> Attempts:
        """The client's retry loop for one call of `tool`: its progress while waiting, the
        token of the MCP request (hosted multi-user mode), this server's rate gate and budget."""
        from amigo_client.transport import Attempts, Hooks, Operation

        op = tool.operation
        operation = Operation(op.id, tool.idempotent, op.rate_limit_per_minute)
        hooks = Hooks(on_wait=on_progress, token=request_token.get())
        return Attempts(self.config, operation, hooks)

    @staticmethod
    def _maybe_applied(tool: ToolSpec, attempts: Attempts) -> bool:
        """A write was sent again after a connection failure that may have come after the API
        applied it: an error answered later may be the result of that first attempt."""
        return attempts.resent and not tool.read_only

    def _noted(self, tool: ToolSpec, attempts: Attempts, outcome: ToolOutcome) -> ToolOutcome:
        if not (self._maybe_applied(tool, attempts) and outcome.is_error):
            return outcome
        return replace(
            outcome,
            text=f"{outcome.text}\nNote: an earlier attempt of this call lost its connection "
            "after the request was sent, so it may have been applied; this answer can be the "
            "result (e.g. HTTP 404 because the record is already deleted). Check with a list "
            "tool.",
            unanswered=outcome.unanswered or "transport-error",
        )

    def _unanswered(self, tool: ToolSpec, attempts: Attempts, exc: AmigoError) -> ToolOutcome:
        """The outcome of a call that got no final answer from the operation."""
        if attempts.held is not None:  # the rate gate: nothing was sent
            return self._noted(tool, attempts, ToolOutcome(True, str(exc)))
        if attempts.out_of_budget:
            return self._noted(tool, attempts, self._out_of_time(tool, attempts))
        if attempts.failure is not None and isinstance(exc, APIConnectionError):
            return self._transport_failure(tool, attempts)
        # Raised by sign-in, before the request was sent.
        return ToolOutcome(True, self.scrub(_sign_in_failure(exc)))

    def _out_of_time(self, tool: ToolSpec, attempts: Attempts) -> ToolOutcome:
        text = (
            f"{tool.operation.id} got no answer within this call's time budget of "
            f"{attempts.budget_s:g} s (--retry-budget). {_repeat_advice(tool)}"
        )
        return ToolOutcome(True, _gave_up(text, attempts.count, " "), unanswered="timeout")

    def _transport_failure(self, tool: ToolSpec, attempts: Attempts) -> ToolOutcome:
        op, exc = tool.operation.id, attempts.failure
        assert exc is not None
        sent = not was_not_sent(exc)
        if not sent:
            what = (
                f"Could not connect to Amigo at {self.settings.shown_base_url} for {op} "
                f"({type(exc).__name__}); the request was not sent. Check the network and "
                "AMIGO_BASE_URL, then call again."
            )
        else:
            import httpx

            happened = (
                f"{op} timed out after {self.settings.timeout_s:g} s without an answer"
                if isinstance(exc, httpx.TimeoutException)
                else f"The connection to Amigo broke during {op} ({type(exc).__name__})"
            )
            what = f"{happened}. {_repeat_advice(tool)}"
        return ToolOutcome(
            True,
            self.scrub(_gave_up(what, attempts.count, " ")),
            unanswered="transport-error" if sent or self._maybe_applied(tool, attempts) else None,
        )

    def shape(
        self,
        tool: ToolSpec,
        arguments: dict[str, Any],
        response: Any,
        *,
        maybe_applied: bool,
    ) -> ToolOutcome:
        """The tool's answer to Amigo's `response`, with its status and request ID.
        `maybe_applied`: an earlier attempt of this call was sent and may have been applied."""
        if int(response.status_code) >= 300:
            # The error body, read once for both the message and the request ID.
            response.parsed = error_body(response)
        outcome = self._answer(tool, arguments, response, maybe_applied)
        return replace(
            outcome, status=int(response.status_code), request_id=request_id_of(response)
        )

    def _answer(
        self, tool: ToolSpec, arguments: dict[str, Any], response: Any, maybe_applied: bool
    ) -> ToolOutcome:
        status = int(response.status_code)
        deletes = tool.operation.method == "DELETE" and tool.idempotent
        if status == 404 and deletes and maybe_applied:
            return already_gone(tool, arguments)
        if status >= 300:
            text = api_error_message(
                tool.operation.id,
                response,
                now=self.clock.time(),
                own_token=request_token.get() is not None,
                bearer=self.settings.auth_mode == "bearer",
                advice=tool.error_advice.get(status),
            )
            return ToolOutcome(True, self.scrub(text))
        if tool.operation.result == "confirmation":
            data: dict[str, Any] = {"ok": True}
            data |= {f: arguments[f] for f in tool.operation.path_fields if f in arguments}
            return ToolOutcome(False, compact_json(data), data)
        try:
            # Scrub before parsing so that no echoed secret reaches the structured data either.
            data = json.loads(self.scrub(response.content.decode("utf-8", "replace")))
        except ValueError:
            snippet = response.content[:200].decode("utf-8", "replace")
            next_step = (
                "Nothing was changed; it is safe to call again."
                if tool.read_only
                else "The operation may have been applied; check with a list tool before "
                "calling again."
            )
            return ToolOutcome(
                True,
                self.scrub(
                    f"Amigo answered HTTP {status} to {tool.operation.id} with a body that is not "
                    f"JSON: {snippet!r}. {next_step}"
                ),
            )
        text = compact_json(data)
        if not isinstance(data, dict) or not conforms(tool.output_schema, data):
            # Too far from the schema to publish as structured content: hand over the text.
            return ToolOutcome(True, self.scrub(f"{DRIFT_NOTE}\n{text}"))
        if status != tool.operation.success_status or not readable(tool, data):
            text = f"{DRIFT_NOTE}\n{text}"
        return ToolOutcome(False, self.scrub(text), data)
