"""The HTTP face of the sandbox: a Starlette app whose routes come from the spec.

One route per spec path (trailing slashes exactly as written), one handler per method. Faults
are applied here, around the pipeline in `amigo_sandbox.pipeline`. The admin API lives under
`/_sandbox/` and answers only loopback clients.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from amigo_sandbox import admin
from amigo_sandbox.admin_bodies import check_admin_body
from amigo_sandbox.connections import transport_for
from amigo_sandbox.errors import ApiError
from amigo_sandbox.faults import FaultRule, replace_first_enum
from amigo_sandbox.handlers.base import NO_BODY, Reply
from amigo_sandbox.pipeline import Sandbox
from amigo_sandbox.settings import SandboxSettings
from amigo_sandbox.spec import Operation
from amigo_sandbox.validation import RawRequest

ADMIN_PREFIX = "/_sandbox"


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    content = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Response(content, status_code=status, headers=headers, media_type="application/json")


def render(reply: Reply, request_id: str) -> Response:
    headers = {**reply.headers, "X-Request-ID": request_id}
    if reply.body is NO_BODY:
        return Response(status_code=reply.status, headers=headers)
    return json_response(reply.status, reply.body, headers)


class DropConnection(Response):
    """Close the connection without answering (a network failure, as the client sees it)."""

    def __init__(self) -> None:
        super().__init__(status_code=500)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        transport = transport_for(scope)
        if transport is not None:
            transport.abort()
            await asyncio.sleep(0)  # let the server see the connection is gone (queued first)
            return
        # Not under the sandbox's own server: start an answer and never finish it.
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
            }
        )
        await send({"type": "http.response.body", "body": b'{"', "more_body": True})


# --- operations --------------------------------------------------------------------------------


def _fault_status_reply(
    rule: FaultRule, operation: Operation, request_id: str, now: float
) -> Reply:
    status = rule.status or 503
    headers: dict[str, str] = {}
    if rule.retry_after is not None:
        headers["Retry-After"] = str(rule.retry_after)
    if status == 429:
        limit = operation.rate_limit_per_minute or 0
        reset = int(now) + (60 if rule.retry_after is None else rule.retry_after)
        headers.update(
            {
                "X-RateLimit-Limit": str(limit),
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(reset),
            }
        )
        detail = "Rate limit exceeded (injected by the sandbox)."
        code = "rate_limited"
    elif status == 503:
        detail = "The service is going through temporary maintenance (injected by the sandbox)."
        code = "maintenance"
    else:
        detail = f"Injected failure with status {status}."
        code = "injected"
    return Reply(status, ApiError(status, detail, error_code=code).body(request_id), headers)


def _apply_after_fault(
    sandbox: Sandbox, rule: FaultRule, operation: Operation, reply: Reply
) -> Reply:
    if rule.kind == "malformed_json":
        text = "" if reply.body is NO_BODY else json.dumps(reply.body)
        truncated = text[: max(2, len(text) // 2)] if text else '{"detail": "'
        status = rule.status or (200 if reply.status == 204 else reply.status)
        return Reply(status, _RawJson(truncated), reply.headers)
    if rule.kind == "unknown_enum" and reply.body is not NO_BODY:
        pointer = operation.response_pointers.get(reply.status)
        if pointer is not None:
            replace_first_enum(sandbox.spec, pointer, reply.body)
    return reply


async def _disconnected(request: Request) -> None:
    """Return once the client of `request`, whose body was read, has closed the connection."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


class _RawJson(str):
    """A body sent as-is (for malformed JSON)."""


def _operation_endpoint(
    operations: dict[str, Operation],
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        sandbox: Sandbox = request.app.state.sandbox
        operation = operations["GET" if request.method == "HEAD" else request.method]
        request_id = uuid.uuid4().hex
        sandbox.requests.seen(operation.operation_id)
        rule = sandbox.faults.take(operation.operation_id)

        def client_left() -> None:
            sandbox.requests.answered(operation.operation_id, "client_disconnected")

        try:
            body = await request.body()
            delay = rule.delay_s if rule is not None else 0.0
            if delay and not await sandbox.clock.stall(
                delay, lambda: _disconnected(request), client_left
            ):
                return Response(status_code=499)  # never reaches anyone
        except ClientDisconnect:  # the client gave up before its request was read
            client_left()
            return Response(status_code=499)
        raw = RawRequest(
            path_params=dict(request.path_params),
            query=request.query_params.multi_items(),
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
            content_type=request.headers.get("content-type"),
        )
        if rule is not None and rule.kind == "status":
            reply = _fault_status_reply(rule, operation, request_id, sandbox.clock.time())
            counted = await run_in_threadpool(sandbox.fault_rate_headers, operation, raw)
            reply.headers.update({k: v for k, v in counted.items() if k not in reply.headers})
        elif rule is not None and rule.kind == "drop" and not rule.after_handler:
            sandbox.requests.answered(operation.operation_id, "dropped")
            return DropConnection()
        else:
            reply = await run_in_threadpool(sandbox.handle, operation, raw, request_id)
            if rule is not None and rule.kind == "drop":
                sandbox.requests.answered(operation.operation_id, "dropped")
                return DropConnection()
            if rule is not None:
                reply = _apply_after_fault(sandbox, rule, operation, reply)
        sandbox.requests.answered(operation.operation_id, reply.status)
        if isinstance(reply.body, _RawJson):
            headers = {**reply.headers, "X-Request-ID": request_id}
            return Response(str(reply.body).encode(), reply.status, headers, "application/json")
        return render(reply, request_id)

    return endpoint


def operation_routes(sandbox: Sandbox) -> list[Route]:
    by_path: dict[str, dict[str, Operation]] = {}
    for operation in sandbox.spec.operations:
        by_path.setdefault(operation.path, {})[operation.method] = operation
    return [
        Route(path, _operation_endpoint(methods), methods=list(methods))
        for path, methods in by_path.items()
    ]


# --- admin -------------------------------------------------------------------------------------


def _is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    if host == "testclient":  # Starlette's in-process test client
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


AdminHandler = Callable[[Sandbox, Request], Awaitable[Response]]


def _admin(handler: AdminHandler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        if not _is_loopback(request):
            return json_response(404, {"detail": "Not Found"})
        try:
            return await handler(request.app.state.sandbox, request)
        except ApiError as error:
            return json_response(error.status, error.body(uuid.uuid4().hex), error.headers)

    return endpoint


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ApiError(
            422,
            [{"type": "json_invalid", "loc": ["body"], "msg": "JSON decode error", "input": {}}],
        ) from exc


async def _health(sandbox: Sandbox, request: Request) -> Response:
    return json_response(200, {"status": "ok", "operations": len(sandbox.spec.operations)})


async def _list_faults(sandbox: Sandbox, request: Request) -> Response:
    return json_response(200, {"faults": [rule.to_json() for rule in sandbox.faults.list()]})


async def _add_fault(sandbox: Sandbox, request: Request) -> Response:
    rule = admin.add_fault(sandbox, await _json_body(request))
    return json_response(201, rule.to_json())


async def _clear_faults(sandbox: Sandbox, request: Request) -> Response:
    sandbox.faults.clear()
    return Response(status_code=204)


async def _remove_fault(sandbox: Sandbox, request: Request) -> Response:
    try:
        rule_id = int(request.path_params["fault_id"])
    except ValueError:
        rule_id = -1
    if not sandbox.faults.remove(rule_id):
        return json_response(404, {"detail": "Fault rule not found."})
    return Response(status_code=204)


async def _requests(sandbox: Sandbox, request: Request) -> Response:
    return json_response(200, sandbox.requests.snapshot())


async def _clear_requests(sandbox: Sandbox, request: Request) -> Response:
    sandbox.requests.clear()
    return Response(status_code=204)


async def _invocations(sandbox: Sandbox, request: Request) -> Response:
    body = await _json_body(request)
    created = await run_in_threadpool(admin.add_invocations, sandbox, body)
    return json_response(201, {"invocation_ids": created})


async def _users(sandbox: Sandbox, request: Request) -> Response:
    body = await _json_body(request)
    return json_response(201, await run_in_threadpool(admin.add_user, sandbox, body))


async def _tokens(sandbox: Sandbox, request: Request) -> Response:
    body = await _json_body(request)
    return json_response(201, await run_in_threadpool(admin.issue_token, sandbox, body))


async def _unit_tests(sandbox: Sandbox, request: Request) -> Response:
    body = await _json_body(request)
    return json_response(
        201, {"unit_test_id": await run_in_threadpool(admin.add_unit_test, sandbox, body)}
    )


async def _reset(sandbox: Sandbox, request: Request) -> Response:
    body = check_admin_body("reset", await _json_body(request))
    seeded = await run_in_threadpool(admin.reset, sandbox, body.get("seed_demo"))
    return json_response(200, {"seeded": seeded})


async def _get_settings(sandbox: Sandbox, request: Request) -> Response:
    return json_response(200, sandbox.settings.to_json())


async def _get_clock(sandbox: Sandbox, request: Request) -> Response:
    return json_response(200, sandbox.clock.to_json())


async def _move_clock(sandbox: Sandbox, request: Request) -> Response:
    return json_response(200, admin.move_clock(sandbox, await _json_body(request)))


async def _patch_settings(sandbox: Sandbox, request: Request) -> Response:
    return json_response(200, admin.update_settings(sandbox, await _json_body(request)))


def admin_routes() -> list[Route]:
    table: list[tuple[str, str, AdminHandler]] = [
        ("/health", "GET", _health),
        ("/faults", "GET", _list_faults),
        ("/faults", "POST", _add_fault),
        ("/faults", "DELETE", _clear_faults),
        ("/faults/{fault_id}", "DELETE", _remove_fault),
        ("/requests", "GET", _requests),
        ("/requests", "DELETE", _clear_requests),
        ("/invocations", "POST", _invocations),
        ("/users", "POST", _users),
        ("/tokens", "POST", _tokens),
        ("/unit_tests", "POST", _unit_tests),
        ("/reset", "POST", _reset),
        ("/settings", "GET", _get_settings),
        ("/settings", "PATCH", _patch_settings),
        ("/clock", "GET", _get_clock),
        ("/clock", "POST", _move_clock),
    ]
    grouped: dict[str, dict[str, AdminHandler]] = {}
    for path, method, handler in table:
        grouped.setdefault(path, {})[method] = handler
    routes = []
    for path, methods in grouped.items():

        def dispatch(handlers: dict[str, AdminHandler]) -> AdminHandler:
            async def run(sandbox: Sandbox, request: Request) -> Response:
                return await handlers[request.method](sandbox, request)

            return run

        routes.append(Route(ADMIN_PREFIX + path, _admin(dispatch(methods)), methods=list(methods)))
    return routes


# --- assembly ----------------------------------------------------------------------------------


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return json_response(exc.status_code, {"detail": exc.detail}, dict(exc.headers or {}))


def build_app(sandbox: Sandbox) -> Starlette:
    app = Starlette(
        routes=[*admin_routes(), *operation_routes(sandbox)],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.sandbox = sandbox
    return app


def create_app(settings: SandboxSettings | None = None) -> Starlette:
    """An ASGI app for any server (e.g. `uvicorn --factory amigo_sandbox.app:create_app`)."""
    return build_app(Sandbox(settings or SandboxSettings()))
