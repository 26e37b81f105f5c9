"""The two engines an asynchronous client can send on (`transport.async_http_transport`):
httpx's own and aiohttp (what the MCP server sends on). Above the engine everything is the same
code, so what must hold is that a request leaves and an answer or failure comes back the same
on both: the same bytes on the wire for any URL, header and body, the same answer, and the same
httpx exception for each failure, with the same verdict on whether the request was sent (which
decides whether a write may be tried again).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import anyio
import httpx
import pytest
from amigo_client import Clock
from amigo_client.retries import was_not_sent
from amigo_client.transport import Engine, async_http_transport
from anyio.abc import SocketAttribute, SocketStream
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amigo_sandbox.server import RunningSandbox
from tests.client_support import async_client
from tests.redis_support import free_port

ENGINES: tuple[Engine, ...] = ("httpx", "aiohttp")
LIST = "get-dynamic-behavior-sets"
CREATE = "create-dynamic-behavior-set"


class _Echo(BaseHTTPRequestHandler):
    """Answers every request with what arrived: method, raw path, headers and body."""

    protocol_version = "HTTP/1.1"

    def _echo(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("latin-1")
        seen = {
            "method": self.command,
            "path": self.path,
            "headers": [[k.lower(), v] for k, v in self.headers.items()],
            "body": body,
        }
        payload = json.dumps(seen).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Twice", "one")
        self.send_header("X-Twice", "two")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = _echo

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def echo() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _client(engine: Engine, base_url: str, **options: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url, transport=async_http_transport(Clock(), engine), **options
    )


async def _on_both(base_url: str, method: str, url: str, **request: Any) -> list[Any]:
    """The echo of one request sent on each engine, with the answer's status and headers."""
    seen = []
    for engine in ENGINES:
        async with _client(engine, base_url) as http:
            answer = await http.request(method, url, **request)
            seen.append((answer.status_code, answer.headers.get_list("x-twice"), answer.json()))
    return seen


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    path=_text,
    params=st.dictionaries(_text, _text, max_size=3),
    header=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=20),
    body=st.binary(max_size=200),
    userinfo=st.sampled_from(["", "alice:pw%40x@"]),
)
def test_a_request_arrives_the_same_on_both_engines(
    echo: str,
    method: str,
    path: str,
    params: dict[str, str],
    header: str,
    body: bytes,
    userinfo: str,
) -> None:
    """Credentials in the base URL become httpx's basic auth on both (never sent twice)."""
    request: dict[str, Any] = {"params": params, "headers": {"X-Value": header.strip()}}
    if method != "GET":
        request["content"] = body
    base_url = echo.replace("//", "//" + userinfo)
    httpx_seen, aiohttp_seen = anyio.run(
        lambda: _on_both(base_url, method, "/v1/" + path, **request)
    )
    if method == "DELETE" and not body:
        # The one difference: aiohttp announces an empty body on a DELETE (it has no switch
        # for this); servers read it as no body, as the sandbox does.
        aiohttp_seen[2]["headers"].remove(["content-length", "0"])
    assert aiohttp_seen == httpx_seen
    assert httpx_seen[1] == ["one", "two"]


@pytest.mark.anyio
@pytest.mark.parametrize("engine", ENGINES)
async def test_a_refused_connection_was_not_sent(engine: Engine) -> None:
    async with _client(engine, f"http://127.0.0.1:{free_port()}") as http:
        with pytest.raises(httpx.ConnectError) as failure:
            await http.post("/v1/x", json={})
    assert was_not_sent(failure.value)


@pytest.mark.anyio
async def test_a_connection_dropped_after_the_request_counts_as_sent(
    sandbox: RunningSandbox,
) -> None:
    """The sandbox reads the write, then closes the connection without answering: on both
    engines a transport error that may have been sent, so the write is never tried again."""
    failures: dict[str, BaseException] = {}
    token = sandbox.issue_token()
    for engine in ENGINES:
        sandbox.inject_fault(CREATE, "drop", times=1)
        async with _client(
            engine, sandbox.base_url, headers={"Authorization": f"Bearer {token}"}
        ) as http:
            with pytest.raises(httpx.TransportError) as failure:
                await http.post(
                    f"/v1/{sandbox.organization}/dynamic_behavior_set/", json={"name": "x"}
                )
            failures[engine] = failure.value
    assert [was_not_sent(error) for error in failures.values()] == [False, False]


@pytest.mark.anyio
@pytest.mark.parametrize("engine", ENGINES)
async def test_a_late_answer_is_a_read_timeout(engine: Engine, echo: str) -> None:
    """A server that accepts and never answers: the read timeout ends the wait as httpx's
    `ReadTimeout` on both engines (a real, short timeout: this is the socket's own clock)."""
    with anyio.fail_after(10):
        listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
        port = listener.extra(SocketAttribute.local_port)
        async with anyio.create_task_group() as tasks:

            async def hold(stream: SocketStream) -> None:
                await anyio.sleep_forever()

            tasks.start_soon(listener.serve, hold)
            async with _client(engine, f"http://127.0.0.1:{port}", timeout=0.05) as http:
                with pytest.raises(httpx.ReadTimeout) as failure:
                    await http.get("/v1/x")
            tasks.cancel_scope.cancel()
    assert not was_not_sent(failure.value)


@pytest.mark.anyio
async def test_an_async_client_sends_on_aiohttp_when_given_that_client(
    sandbox: RunningSandbox,
) -> None:
    """As the client's README shows it: `AsyncAmigoClient` on an httpx client whose transport
    is aiohttp signs in, pages and reads through it."""
    from amigo_client.aiohttp_transport import AiohttpTransport
    from amigo_client.transport import tls_context

    transport = AiohttpTransport(tls_context())
    seen: list[str] = []
    original = transport.handle_async_request

    async def counted(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return await original(request)

    transport.handle_async_request = counted  # type: ignore[method-assign]
    own = httpx.AsyncClient(transport=transport)
    async with own, async_client(sandbox, http_client=own) as amigo:
        sets = [s async for s in amigo.iter_dynamic_behavior_sets(limit=1)]
    assert sets
    assert any(path.endswith("/user/signin_with_api_key") for path in seen), seen
    assert sum("/dynamic_behavior_set/" in path for path in seen) == len(sets)
