"""A reverse proxy between replicas: each request of a stateful session reaches the replica
that holds the session (see `SessionRouter`)."""

from __future__ import annotations

from urllib.parse import urlsplit

import anyio
import httpx
from mcp.server.streamable_http import MCP_SESSION_ID_HEADER
from mcp.server.streamable_http_manager import DEFAULT_SESSION_IDLE_TIMEOUT
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amigo_mcp.state import StateStore, drop_if, put

_SESSION_ID = MCP_SESSION_ID_HEADER.encode()
# Marks a request one replica passed on to another: the receiver serves it, never passes it on.
FORWARDED_HEADER = b"x-amigo-mcp-forwarded"
# Headers that belong to one HTTP connection, not to the request or answer passed on.
HOP_BY_HOP = {b"connection", b"keep-alive", b"transfer-encoding", b"content-length", b"upgrade"}


class SessionRouter:
    """Sends each request of a stateful session to the replica that holds the session.

    A 2025-11-25 session lives in the memory of the replica that answered its `initialize`: the
    SDK's transport, the session's server task, and any tool call waiting for the client's
    answer to a confirmation (elicitation). That replica records itself in the shared store as
    the session's holder (`session:<id>` → its own MCP URL) before the client learns the session
    ID, and keeps the record alive while the session is used (it expires with the SDK's idle
    timeout). A request for the session that reaches another replica is passed on to the holder
    over HTTP, headers and body unchanged, and the holder's answer (JSON, or an SSE stream for
    as long as it stays open) is passed back. So a confirmation answer that lands on any replica
    reaches the call that waits for it. When the holder cannot be reached, its sessions are
    gone: the request answers 404 and the client starts a new session, as the protocol says.
    """

    def __init__(
        self,
        app: ASGIApp,
        store: StateStore,
        own_url: str,
        idle_s: float = DEFAULT_SESSION_IDLE_TIMEOUT,
    ) -> None:
        self.app = app
        self.store = store
        self.own_url = own_url
        self.idle_s = idle_s
        # Connections to the other replicas; an SSE stream may stay open indefinitely.
        self._http = httpx.AsyncClient(timeout=httpx.Timeout(30.0, read=None))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        session = headers.get(_SESSION_ID, b"").decode("latin-1")
        if not session:
            await self.app(scope, receive, self._recording(send))
            return
        key = f"session:{session}"
        holder = None if FORWARDED_HEADER in headers else await self.store.get(key)
        if holder is not None and holder != self.own_url:
            await self._forward(holder, key, scope, receive, send)
            return
        await self.store.touch(key, self.idle_s)
        await self.app(scope, receive, send)
        if scope["method"] == "DELETE":
            await self.store.update(key, put(None), None)

    def _recording(self, send: Send) -> Send:
        """`send`, recording this replica as the holder of a session its answer opens, before
        the client can learn the session's ID."""

        async def recording(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                for name, value in message.get("headers", []):
                    if name.lower() == _SESSION_ID:
                        key = f"session:{value.decode('latin-1')}"
                        await self.store.update(key, put(self.own_url), self.idle_s)
            await send(message)

        return recording

    async def _forward(
        self, holder: str, key: str, scope: Scope, receive: Receive, send: Send
    ) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        target = urlsplit(holder)._replace(query=scope.get("query_string", b"").decode("latin-1"))
        headers = [(k, v) for k, v in scope["headers"] if k not in HOP_BY_HOP]
        request = self._http.build_request(
            scope["method"],
            target.geturl(),
            headers=[*headers, (FORWARDED_HEADER, b"1")],
            content=body,
        )
        try:
            upstream = await self._http.send(request, stream=True)
        except httpx.TransportError:
            # The holder is gone, and its sessions with it.
            await self.store.update(key, drop_if(holder), None)
            gone = JSONResponse(
                {
                    "jsonrpc": "2.0",
                    "id": None,
                    "error": {"code": -32600, "message": "Session not found"},
                },
                status_code=404,
            )
            await gone(scope, receive, send)
            return
        try:
            async with anyio.create_task_group() as streaming:

                async def until_disconnected() -> None:
                    while (await receive())["type"] != "http.disconnect":
                        pass
                    streaming.cancel_scope.cancel()

                streaming.start_soon(until_disconnected)
                await send(
                    {
                        "type": "http.response.start",
                        "status": upstream.status_code,
                        "headers": [
                            (k, v) for k, v in upstream.headers.raw if k.lower() not in HOP_BY_HOP
                        ],
                    }
                )
                async for chunk in upstream.aiter_raw():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                streaming.cancel_scope.cancel()
        finally:
            with anyio.CancelScope(shield=True):
                await upstream.aclose()
