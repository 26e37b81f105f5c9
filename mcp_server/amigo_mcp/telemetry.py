"""Optional OpenTelemetry tracing (the `otel` extra), off unless asked for.

The MCP SDK already wraps every inbound request in a span (`tools/call <tool>`, kind SERVER,
with `mcp.method.name`, `jsonrpc.request.id`, `gen_ai.tool.name`, `error.type` for a tool
error), through the OpenTelemetry API it depends on; without an SDK tracer provider those spans
cost next to nothing. What this module adds, when tracing is on:

- a tracer provider exporting over OTLP, configured by the standard `OTEL_*` variables
  (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`, ...);
- one CLIENT span per outbound Amigo request, the child of the tool call's span, from
  `opentelemetry-instrumentation-httpx` with the stable HTTP conventions (`http.request.method`,
  `url.full` with any password and signed query values redacted, `server.address`,
  `http.response.status_code`). Headers, where the tokens travel, are never recorded;
- `mcp.session.id` on the tool call's span, which the SDK leaves out.

The SDK, the exporter and the instrumentation are imported only when tracing starts.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from amigo_client.exceptions import ConfigurationError
from opentelemetry import trace

if TYPE_CHECKING:
    import httpx
    from opentelemetry.sdk.trace.export import SpanExporter

OTLP_ENDPOINTS = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
MISSING_EXTRA = (
    "tracing needs the otel extra: install amigo-mcp[otel] (OpenTelemetry SDK, OTLP exporter, "
    "httpx instrumentation)"
)


def tracing_mode(
    flag: bool, env: Mapping[str, str] | None = None
) -> Literal["off", "required", "if-installed"]:
    """Required by the `otel` setting (`--otel`, `AMIGO_MCP_OTEL=1`; a missing extra is a
    start-up error); on if installed when only an OTLP endpoint is in the environment (perhaps
    set for other programs); off when `OTEL_SDK_DISABLED` is true. The `OTEL_*` variables are
    OpenTelemetry's own, read by its SDK; only whether they are set matters here."""
    env = os.environ if env is None else env
    if env.get("OTEL_SDK_DISABLED", "").lower() == "true":
        return "off"
    if flag:
        return "required"
    return "if-installed" if any(env.get(name) for name in OTLP_ENDPOINTS) else "off"


def start_tracing(exporter: SpanExporter | None = None) -> None:
    """Install the process's tracer provider: OTLP over HTTP in batches, or `exporter` span by
    span (tests pass the SDK's in-memory exporter). Once per process."""
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import SERVICE_NAME, Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
    except ImportError:
        raise ConfigurationError(MISSING_EXTRA) from None
    named = {} if os.environ.get("OTEL_SERVICE_NAME") else {SERVICE_NAME: "amigo-mcp"}
    provider = TracerProvider(resource=Resource.create(named))
    provider.add_span_processor(
        BatchSpanProcessor(OTLPSpanExporter())
        if exporter is None
        else SimpleSpanProcessor(exporter)
    )
    trace.set_tracer_provider(provider)


def instrument(http: httpx.AsyncClient) -> None:
    """Give every request `http` sends a CLIENT span, under the current span."""
    # The instrumentation speaks the stable HTTP conventions only when asked to; it reads this
    # once, at the first instrumented client.
    opted = os.environ.get("OTEL_SEMCONV_STABILITY_OPT_IN", "")
    if "http" not in [part.strip() for part in opted.split(",")]:
        os.environ["OTEL_SEMCONV_STABILITY_OPT_IN"] = ",".join(p for p in (opted, "http") if p)
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor.instrument_client(http)


def note_session(session_id: str | None) -> None:
    """Put the MCP session's ID on the current (tool call) span; a no-op when not tracing."""
    if session_id:
        trace.get_current_span().set_attribute("mcp.session.id", session_id)
