"""An httpx transport that sends on aiohttp: for many calls in flight on one event loop.

httpx's own pool (httpcore) asks every pooled connection whether it has expired on every
request and every answer, and parses HTTP in Python; with tens of calls in flight that
bookkeeping costs more CPU than the rest of a call. aiohttp keeps its pool in C-accelerated
code and parses with its C parser. The MCP server sends through this transport; everything
above it (auth, the retry loop, the rate gate, timeouts on the client's clock) stays httpx's
and the client layer's, so a request is built, retried and read exactly as on httpx's own
transport.

Failures are raised as httpx's exceptions, keeping the one distinction the retry rules rest
on: whether the request provably never left. Only a failure to connect (refused, unresolvable,
TLS handshake, no connection within the connect or pool timeout) is `httpx.ConnectError`,
`ConnectTimeout` or `PoolTimeout`; anything after the connection was made counts as sent.

Needs `aiohttp` (the `aiohttp` extra of amigo-client); it is imported when the transport is
built, never with the client.
"""

from __future__ import annotations

import ssl

import aiohttp
import httpx
from yarl import URL

__all__ = ["AiohttpTransport"]

# httpx's default limits: at most 100 connections, an idle one closed after 5 s (servers
# commonly close theirs at 5 s too, so a connection is not reused just as the server drops it).
_MAX_CONNECTIONS = 100
_KEEPALIVE_S = 5.0


def _httpx_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """httpx's exception for an aiohttp failure (see the module's docstring)."""
    message = str(exc) or type(exc).__name__
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, aiohttp.ClientConnectorError):  # DNS, refused, TLS handshake
        return httpx.ConnectError(message, request=request)
    if isinstance(exc, TimeoutError):  # sock_read: the answer is late
        return httpx.ReadTimeout(message, request=request)
    if isinstance(exc, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(message, request=request)
    if isinstance(exc, aiohttp.ClientResponseError | aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(message, request=request)
    return httpx.ReadError(message, request=request)  # disconnected or reset: maybe sent


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Send httpx's requests on one `aiohttp.ClientSession`, made on first use (on the event
    loop that uses it) and closed by `aclose`. Answers are read whole before they are handed
    back, their bytes as the server sent them (httpx decodes any content encoding)."""

    def __init__(self, tls: ssl.SSLContext) -> None:
        self._tls = tls
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            ssl=self._tls, limit=_MAX_CONNECTIONS, keepalive_timeout=_KEEPALIVE_S
        )
        # No cookie jar: httpx keeps the cookies; aiohttp's jar would send them twice.
        session = aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar(), auto_decompress=False
        )
        # aiohttp resends a read at once when a reused connection drops; the client's retry
        # loop is the one that decides, waits and counts attempts (tests/test_one_engine.py).
        # aiohttp has no public switch for this; the attribute is the one its own test client
        # turns off.
        session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session is None:
            self._session = self._open()
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        content = await request.aread()
        url = URL(str(request.url), encoded=True)
        if url.user is not None:  # httpx turned the URL's credentials into its auth already
            url = url.with_user(None)
        try:
            async with self._session.request(
                request.method,
                url,
                headers=request.headers.multi_items(),
                data=content or None,
                allow_redirects=False,
                compress=None,
                skip_auto_headers=("Content-Type",),  # httpx's headers, and only those
                # `connect` bounds taking a connection from the pool as well as making one.
                timeout=aiohttp.ClientTimeout(
                    total=None,
                    connect=timeouts.get("pool"),
                    sock_connect=timeouts.get("connect"),
                    sock_read=timeouts.get("read"),
                ),
            ) as answer:
                body = await answer.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _httpx_error(exc, request) from exc
        return httpx.Response(
            answer.status,
            headers=list(answer.raw_headers),
            content=body,
            request=request,
            extensions={"http_version": b"HTTP/1.1"},
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
