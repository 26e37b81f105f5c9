"""The MCP server: the catalog's tools published exactly as generated, calls run by the pipeline.

Built on the SDK's low-level `Server`, which publishes each tool's `inputSchema` and
`outputSchema` byte for byte as the catalog has them. Each call goes through the call pipeline
(`pipeline.py`: policy, arguments, confirmation, send, audit); this module supplies what is
MCP's: the asker (`asker.py`), progress notifications for retry waits, and in hosted
multi-user mode the Amigo token that came with the HTTP request.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING, Any

import mcp_types as types
from mcp.server import Server, ServerRequestContext
from mcp.server.request_state import RequestStateBoundary, RequestStateSecurity
from mcp.server.streamable_http import MCP_SESSION_ID_HEADER
from mcp.shared.exceptions import MCPError

from amigo_mcp.apps import EXTENSION_ID, read_view, tool_meta, view_resources
from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.policy import ToolPolicy
from amigo_mcp.runtime import Runtime
from amigo_mcp.telemetry import note_session

if TYPE_CHECKING:
    from amigo_mcp.pipeline import CallPipeline


def instructions(catalog: Catalog) -> str:
    """What the server says about itself: its areas, as the spec describes them, and what every
    tool shares, said once here instead of in each tool's description."""
    areas = " ".join(f"{area.title}: {area.description}" for area in catalog.areas)
    return f"""\
Tools for one Amigo organization. {areas}
Conventions for every tool:
- IDs are 24 lowercase hex characters; list and search tools return them.
- Lists are paginated: pass back continuation_token while has_more is true. filter_values \
(first page only) lists the values each filter can take. Search tools return the top 50 \
matches, best first, without pages.
- Filters combine with AND, the values of one filter with OR. tag: "key:value", "key:*" (any \
value) or "key:" (null value). creator: "org_id,user_id". sort_by: "+field" ascending or \
"-field" descending; later keys break ties.
- Versioned objects keep immutable versions numbered from 1; the latest is the one in use. \
Change their content by creating a version; the rollback tools make an earlier one current \
again. Pass version = latest + 1 to detect a version someone else created meanwhile; if that \
check fails, read the latest version, merge your change into it and check with the user: \
never just raise the number.
- Tools that change or delete data, and new versions of an active behavior set, ask the user \
first; a refusal means nothing was sent. Calls are spaced to Amigo's rate limits.
"""


log = logging.getLogger("amigo_mcp")
# The header that carries a user's own Amigo bearer token in hosted multi-user mode.
AMIGO_TOKEN_HEADER = "x-amigo-token"


def mcp_tool(tool: ToolSpec) -> types.Tool:
    return types.Tool(
        name=tool.name,
        title=tool.title,
        description=tool.description,
        input_schema=tool.input_schema,
        output_schema=tool.output_schema,
        annotations=types.ToolAnnotations.model_validate(tool.annotations),
        _meta=tool_meta(tool),
    )


def _error(text: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], is_error=True)


def build_server(
    catalog: Catalog,
    runtime: Runtime,
    policy: ToolPolicy | None = None,
    multi_user: bool = False,
    request_state_key: bytes | None = None,
) -> Server[Any]:
    """The MCP server. `request_state_key` seals the confirmation state handed to clients on
    2026-07-28; replicas must share it (`state.request_state_key`) so that the answer may
    reach any of them. Without it the key is this process's own."""
    policy = policy or ToolPolicy()
    offered = policy.offered(catalog)
    listing = types.ListToolsResult(tools=[mcp_tool(tool) for tool in offered])
    # The schemas the listing publishes, by name. Without this lookup the SDK finds a called
    # tool's schema (to check `Mcp-Param-*` headers on 2026-07-28) by running and serialising
    # the whole `tools/list` on every call.
    input_schemas = {tool.name: tool.input_schema for tool in offered}

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return listing

    resource_listing = types.ListResourcesResult(resources=view_resources(offered))

    async def list_resources(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListResourcesResult:
        return resource_listing

    async def read_resource(
        ctx: ServerRequestContext[Any], params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        found = read_view(params.uri, offered)
        if found is None:
            raise MCPError(types.INVALID_PARAMS, f"Resource not found: {params.uri}")
        return found

    @cache
    def pipeline() -> CallPipeline:
        """Made by the first call: the call path's modules load then, so that a starting server
        answers `initialize` and `tools/list` without them."""
        from amigo_mcp.pipeline import CallPipeline

        return CallPipeline(catalog, runtime, policy)

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult | types.InputRequiredResult:
        try:
            return await handle(ctx, params)
        except Exception as exc:
            # The pipeline answers its own crashes; this is for the few lines around it. Never
            # let an exception become a protocol error: its text could reach the client
            # unscrubbed. Log the kind only; answer something the agent can act on.
            from amigo_mcp.pipeline import crash_text

            log.error("%s failed inside amigo-mcp: %s", params.name, type(exc).__name__)
            return _error(crash_text(params.name, exc))

    async def handle(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult | types.InputRequiredResult:
        own_token = None
        if ctx.request is not None:
            note_session(ctx.request.headers.get(MCP_SESSION_ID_HEADER))
            if multi_user:
                own_token = ctx.request.headers.get(AMIGO_TOKEN_HEADER) or None

        async def on_progress(message: str, attempt: int) -> None:
            await ctx.session.report_progress(attempt, None, message)

        from amigo_mcp.asker import ElicitingAsker

        asker = ElicitingAsker(ctx, params)
        ending = await pipeline().run(
            params.name,
            dict(params.arguments or {}),
            asker,
            own_token=own_token,
            on_progress=on_progress,
        )
        outcome = ending.outcome
        if outcome is None:
            assert asker.question is not None
            return asker.question
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=outcome.text)],
            structured_content=outcome.structured,
            is_error=outcome.is_error,
        )

    server: Server[Any] = Server(
        "amigo-mcp",
        version="0.1.0",
        title="Amigo",
        instructions=instructions(catalog),
        get_tool_input_schema=input_schemas.get,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_read_resource=read_resource,
    )
    # The views (MCP Apps) of the tools that have one.
    server.extensions[EXTENSION_ID] = {}
    # Seal the confirmation state so that a client cannot forge it.
    security = (
        RequestStateSecurity.ephemeral()
        if request_state_key is None
        else RequestStateSecurity(keys=[request_state_key])
    )
    server.middleware.append(RequestStateBoundary(security, default_audience=server.name))
    return server
