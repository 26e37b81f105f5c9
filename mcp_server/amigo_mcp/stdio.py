"""Serving over stdio: the SDK's transport, plus an answer to every line it cannot read.

The SDK's stdio reader hands a line it cannot parse to the server as an exception, and the
server drops it: a client that sent JSON nested too deep, a lone surrogate or a number too long
to read would wait for its timeout. JSON-RPC 2.0 answers such a line with an error whose `id`
is null: -32700 (parse error) when the line is not JSON, -32600 (invalid request) when it is
JSON but not a JSON-RPC message.
"""

from __future__ import annotations

from typing import Any

import anyio
import mcp_types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server
from mcp.shared.message import SessionMessage
from pydantic import ValidationError


def unreadable_line_answer(problem: Exception) -> types.JSONRPCError:
    """The JSON-RPC error for a line the transport could not read as a message. A request whose
    `id` can still be read gets its own id back, so the client's call ends at once."""
    errors = problem.errors() if isinstance(problem, ValidationError) else []
    if not errors or any(error["type"] == "json_invalid" for error in errors):
        return types.JSONRPCError(
            jsonrpc="2.0",
            id=None,
            error=types.ErrorData(
                code=types.PARSE_ERROR, message="Parse error: the line is not JSON"
            ),
        )
    inputs = (error.get("input") for error in errors)
    request = next((found for found in inputs if isinstance(found, dict) and "method" in found), {})
    request_id = request.get("id")
    if isinstance(request_id, bool) or not isinstance(request_id, str | int):
        request_id = None  # a JSON-RPC id is a string or an integer
    return types.JSONRPCError(
        jsonrpc="2.0",
        id=request_id,
        error=types.ErrorData(
            code=types.INVALID_REQUEST,
            message="Invalid Request: the line is JSON but not a valid JSON-RPC 2.0 message",
        ),
    )


async def serve_stdio(server: Server[Any], options: Any) -> None:
    """Run `server` on this process's stdin and stdout until stdin closes."""
    async with stdio_server() as (incoming, outgoing):
        readable_in, readable = anyio.create_memory_object_stream[SessionMessage | Exception](0)

        async def relay() -> None:
            async with readable_in:
                async for item in incoming:
                    if isinstance(item, Exception):
                        await outgoing.send(SessionMessage(unreadable_line_answer(item)))
                    else:
                        await readable_in.send(item)

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(relay)
            await server.run(readable, outgoing, options)
