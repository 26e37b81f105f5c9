"""OpenTelemetry spans, recorded by the SDK's in-memory exporter, through a real MCP client.

- Every tool call is the SDK's `tools/call <tool>` SERVER span; each request to Amigo (sign-in
  included) is a CLIENT span under it, with the stable HTTP attributes. Tool errors and API
  errors are marked. Over HTTP the tool span carries the MCP session's ID.
- No attribute of any span holds a secret or a token.
- Without tracing asked for, the OpenTelemetry SDK is never imported.
- `amigo-mcp call --otel` exports over OTLP/HTTP to the endpoint the standard variable names.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from amigo_mcp.telemetry import start_tracing, tracing_mode
from amigo_sandbox.server import RunningSandbox
from testing.hosted import hosted, mcp_client
from testing.mcp_helpers import (
    REPO,
    clean_env,
    connect,
    fails,
    ok,
    run_amigo_mcp,
    sandbox_settings,
)
from testing.safety_support import JWT

pytestmark = pytest.mark.anyio

MISSING_ID = "0123456789abcdef01234567"


class WhileRecording(InMemorySpanExporter):
    """Keeps spans only while a test of this module runs: the provider stays installed for
    the rest of the session, and other tests' spans should not pile up in memory."""

    recording = False

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return super().export(spans) if self.recording else SpanExportResult.SUCCESS


@pytest.fixture(scope="session")
def session_exporter() -> WhileRecording:
    """The process's tracer provider is set once: the first test to trace installs it."""
    exporter = WhileRecording()
    start_tracing(exporter)
    return exporter


@pytest.fixture
def spans(session_exporter: WhileRecording) -> Iterator[InMemorySpanExporter]:
    session_exporter.clear()
    session_exporter.recording = True
    yield session_exporter
    session_exporter.recording = False
    session_exporter.clear()


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def tool_span(finished: tuple[ReadableSpan, ...], tool: str) -> ReadableSpan:
    (span,) = [s for s in finished if s.name == f"tools/call {tool}"]
    return span


def children(finished: tuple[ReadableSpan, ...], parent: ReadableSpan) -> list[ReadableSpan]:
    return [
        s for s in finished if s.parent is not None and s.parent.span_id == parent.context.span_id
    ]


def attribute_text(finished: tuple[ReadableSpan, ...]) -> str:
    return "\n".join(
        f"{span.name} {key}={value!r}"
        for span in finished
        for key, value in (span.attributes or {}).items()
    )


async def test_a_tool_call_and_its_requests_to_amigo(
    sandbox: RunningSandbox, spans: InMemorySpanExporter, mode: str
) -> None:
    async with connect(sandbox_settings(sandbox), mode, tracing=True) as (client, _):
        await ok(client, "list_dynamic_behavior_sets", {"limit": 2})
    finished = spans.get_finished_spans()
    call = tool_span(finished, "list_dynamic_behavior_sets")
    assert call.kind == SpanKind.SERVER
    attributes = dict(call.attributes or {})
    assert attributes["mcp.method.name"] == "tools/call"
    assert attributes["gen_ai.tool.name"] == "list_dynamic_behavior_sets"
    assert "jsonrpc.request.id" in attributes
    requests = children(finished, call)
    # The first call signs in, then lists; both under the tool call, in one trace.
    assert [(r.kind, r.attributes["http.request.method"]) for r in requests] == [  # type: ignore[index]
        (SpanKind.CLIENT, "POST"),
        (SpanKind.CLIENT, "GET"),
    ]
    listed = dict(requests[1].attributes or {})
    assert listed["http.response.status_code"] == 200
    assert listed["server.address"] == urlsplit(sandbox.base_url).hostname
    assert str(listed["url.full"]).startswith(
        f"{sandbox.base_url}/v1/{sandbox.organization}/dynamic_behavior_set/"
    )
    assert {r.context.trace_id for r in requests} == {call.context.trace_id}
    text = attribute_text(finished)
    assert sandbox.api_key not in text and not JWT.search(text)


async def test_errors_are_marked_on_both_spans(
    sandbox: RunningSandbox, spans: InMemorySpanExporter
) -> None:
    arguments = {"dynamic_behavior_set_id": MISSING_ID, "is_active": False}
    async with connect(sandbox_settings(sandbox), "auto", tracing=True) as (client, _):
        await fails(client, "update_dynamic_behavior_set", arguments)
    finished = spans.get_finished_spans()
    call = tool_span(finished, "update_dynamic_behavior_set")
    assert (call.attributes or {})["error.type"] == "tool_error"
    statuses = {
        (r.attributes or {}).get("http.response.status_code"): (r.attributes or {}).get(
            "error.type"
        )
        for r in children(finished, call)
    }
    assert statuses[404] == "404"


async def test_over_http_the_tool_span_names_the_session(
    sandbox: RunningSandbox, spans: InMemorySpanExporter
) -> None:

    token = sandbox.issue_token()
    with hosted(sandbox, multi_user=True, tracing=True) as (url, _):
        async with mcp_client(url, "legacy", {"X-Amigo-Token": token}) as client:
            await ok(client, "list_dynamic_behavior_sets", {"limit": 1})
    finished = spans.get_finished_spans()
    call = tool_span(finished, "list_dynamic_behavior_sets")
    assert (call.attributes or {}).get("mcp.session.id")
    (request,) = children(finished, call)  # the request's own token: no sign-in
    assert (request.attributes or {})["http.response.status_code"] == 200
    text = attribute_text(finished)
    assert token not in text and not JWT.search(text)


def test_when_tracing_is_on() -> None:
    assert tracing_mode(False, {}) == "off"
    assert tracing_mode(True, {}) == "required"
    endpoint = {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}
    assert tracing_mode(False, endpoint) == "if-installed"
    assert tracing_mode(True, endpoint | {"OTEL_SDK_DISABLED": "true"}) == "off"


@pytest.mark.slow
def test_without_tracing_the_sdk_is_never_imported() -> None:
    probe = (
        "import sys\n"
        "from amigo_mcp.cli import build_parser\n"
        "from amigo_mcp.server import build_server\n"
        "from amigo_mcp.catalog import load_catalog\n"
        "from amigo_mcp.runtime import Runtime\n"
        "from amigo_mcp.settings import Settings\n"
        "catalog = load_catalog()\n"
        "build_server(catalog, Runtime(catalog, Settings.create(sandbox=True)))\n"
        "build_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith('opentelemetry.sdk')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


class Collector(http.server.BaseHTTPRequestHandler):
    """An OTLP/HTTP trace receiver: keeps each export request's spans."""

    received: ClassVar[list[Any]] = []

    def do_POST(self) -> None:
        from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
            ExportTraceServiceRequest,
        )

        body = self.rfile.read(int(self.headers["Content-Length"]))
        export = ExportTraceServiceRequest()
        export.ParseFromString(body)
        for resource in export.resource_spans:
            for scope in resource.scope_spans:
                Collector.received.extend(scope.spans)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.slow
def test_amigo_mcp_call_exports_over_otlp() -> None:
    """`--otel` with the standard endpoint variable: the spans reach an OTLP receiver, flushed
    when the command ends."""
    Collector.received.clear()
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{receiver.server_address[1]}"
        done = run_amigo_mcp(
            "call",
            "--otel",
            "list_dynamic_behavior_sets",
            '{"limit": 1}',
            env=clean_env(OTEL_EXPORTER_OTLP_ENDPOINT=endpoint),
        )
    finally:
        receiver.shutdown()
        receiver.server_close()
    assert done.returncode == 0, done.stderr
    names = sorted(span.name for span in Collector.received)
    # No MCP request in `call`: only the requests to the embedded sandbox.
    assert names == ["GET", "POST"], names
    get = next(span for span in Collector.received if span.name == "GET")
    attributes = {a.key: a.value for a in get.attributes}
    assert attributes["http.response.status_code"].int_value == 200
