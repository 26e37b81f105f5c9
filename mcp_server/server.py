"""The MCP server: the catalog's tools published exactly as generated, calls handed to `Invoker`.

Built on the SDK's low-level `Server`, which publishes each tool's `inputSchema` and
`outputSchema` byte for byte as the catalog has them. Around each call it applies the
operator's tool policy, asks the user to confirm destructive calls (elicitation, in both
protocol eras), relays retry waits as progress notifications, and in hosted multi-user mode
uses the Amigo token that came with the HTTP request.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

import mcp_types as types
from mcp.server import Server, ServerRequestContext
from mcp.server.request_state import RequestStateBoundary, RequestStateSecurity
from mcp.shared.exceptions import MCPError
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

from mcp_server.catalog import Catalog, ToolSpec
from mcp_server.context import request_token
from mcp_server.errors import Scrubber, compact_json, validation_message
from mcp_server.policy import NO_ELICITATION, ToolPolicy
from mcp_server.runtime import Runtime


def instructions(catalog: Catalog) -> str:
    """What the server says about itself: its areas, as the spec describes them."""
    areas = " ".join(f"{area.title}: {area.description}" for area in catalog.areas)
    return (
        f"Tools for one Amigo organization. {areas} IDs are 24 hex characters; list and search "
        "tools return them. Lists are paginated: pass back continuation_token while has_more "
        "is true."
    )


log = logging.getLogger("amigo_mcp")
# The header that carries a user's own Amigo bearer token in hosted multi-user mode.
AMIGO_TOKEN_HEADER = "x-amigo-token"
CONFIRM_KEY = "confirm"


def mcp_tool(tool: ToolSpec) -> types.Tool:
    hints = tool.annotations
    return types.Tool(
        name=tool.name,
        title=tool.title,
        description=tool.description,
        input_schema=tool.input_schema,
        output_schema=tool.output_schema,
        annotations=types.ToolAnnotations(
            title=hints["title"],
            read_only_hint=hints["readOnlyHint"],
            destructive_hint=hints["destructiveHint"],
            idempotent_hint=hints["idempotentHint"],
            open_world_hint=hints["openWorldHint"],
        ),
    )


def _error(text: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], is_error=True)


def _call_digest(tool: ToolSpec, arguments: dict[str, Any]) -> str:
    """Binds a confirmation to one tool and one set of arguments."""
    canonical = json.dumps([tool.name, arguments], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _confirmation_request(tool: ToolSpec, arguments: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    shown = compact_json(arguments)
    if len(shown) > 500:
        shown = shown[:497] + "..."
    message = (
        f"An assistant wants to run {tool.title!r} ({tool.name}), which changes or deletes data "
        f"in Amigo. Arguments: {shown}. Allow it?"
    )
    schema = {
        "type": "object",
        "properties": {
            CONFIRM_KEY: {
                "type": "boolean",
                "title": f"Allow {tool.name}",
                "description": "Tick to let this one call run.",
            }
        },
        "required": [CONFIRM_KEY],
    }
    return message, schema


async def _confirm(
    ctx: ServerRequestContext[Any],
    params: types.CallToolRequestParams,
    tool: ToolSpec,
    arguments: dict[str, Any],
    scrub: Scrubber,
) -> types.CallToolResult | types.InputRequiredResult | None:
    """Ask the user; None means confirmed, anything else is the answer to send instead."""
    caps = ctx.session.client_capabilities
    if caps is None or caps.elicitation is None:
        return _error(NO_ELICITATION.format(tool=tool.name))
    message, schema = _confirmation_request(tool, arguments)
    message = scrub(message)  # the question quotes the arguments
    digest = _call_digest(tool, arguments)
    if ctx.protocol_version in MODERN_PROTOCOL_VERSIONS:
        answer = (params.input_responses or {}).get(CONFIRM_KEY)
        if answer is None or params.request_state != digest:
            return types.InputRequiredResult(
                input_requests={
                    CONFIRM_KEY: types.ElicitRequest(
                        params=types.ElicitRequestFormParams(
                            message=message, requested_schema=schema
                        )
                    )
                },
                request_state=digest,
            )
        if not isinstance(answer, types.ElicitResult):
            return _error(
                f"{tool.name}: the confirmation answer was not understood; nothing was sent."
            )
        result = answer
    else:
        if not ctx.session.can_send_request:
            return _error(NO_ELICITATION.format(tool=tool.name))
        try:
            result = await ctx.session.elicit_form(
                message, schema, related_request_id=ctx.request_id
            )
        except MCPError:
            return _error(NO_ELICITATION.format(tool=tool.name))
    if result.action == "accept" and (result.content or {}).get(CONFIRM_KEY) is True:
        return None
    said = {"accept": "did not allow it", "decline": "declined", "cancel": "cancelled"}
    return _error(
        f"The user {said.get(result.action, result.action)} the call to {tool.name}; nothing was "
        "sent to Amigo. Do not retry unless the user asks for it."
    )


def build_server(
    catalog: Catalog,
    runtime: Runtime,
    policy: ToolPolicy | None = None,
    multi_user: bool = False,
) -> Server[Any]:
    policy = policy or ToolPolicy()
    listing = types.ListToolsResult(tools=[mcp_tool(tool) for tool in policy.offered(catalog)])

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return listing

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult | types.InputRequiredResult:
        try:
            return await handle(ctx, params)
        except Exception as exc:
            # Never let an exception become a protocol error: its text could reach the client
            # unscrubbed. Log the kind only; answer something the agent can act on.
            log.error("%s failed inside amigo-mcp: %s", params.name, type(exc).__name__)
            return _error(
                f"{params.name} failed inside amigo-mcp ({type(exc).__name__}). This is a bug in "
                "the server, not in the arguments; check the server log. Reads are safe to "
                "retry; for writes, check with a list tool whether the change was made."
            )

    async def handle(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult | types.InputRequiredResult:
        tool = catalog.get(params.name)
        if tool is None:
            return _error(
                f"Unknown tool {params.name!r}. Available tools: "
                + ", ".join(t.name for t in policy.offered(catalog))
            )
        refusal = policy.refusal(tool)
        if refusal is not None:
            return _error(f"{tool.name} is not available on this server: {refusal}.")
        arguments = dict(params.arguments or {})
        if policy.needs_confirmation(tool):
            # Never ask the user to confirm a call that its arguments already rule out.
            from mcp_server.arguments import ArgumentError, validate_arguments

            try:
                validate_arguments(tool, arguments)
            except ArgumentError as exc:
                return _error(runtime.scrub(validation_message(tool.name, exc.problems)))
            answer = await _confirm(ctx, params, tool, arguments, runtime.scrub)
            if answer is not None:
                return answer

        own_token = None
        if multi_user and ctx.request is not None:
            own_token = ctx.request.headers.get(AMIGO_TOKEN_HEADER) or None

        async def on_progress(message: str, attempt: int) -> None:
            await ctx.session.report_progress(attempt, None, message)

        invoker = await runtime.invoker()
        reset = request_token.set(own_token)
        try:
            outcome = await invoker.call(tool, arguments, on_progress)
        finally:
            request_token.reset(reset)
        text, structured = outcome.text, outcome.structured
        if own_token:
            scrub = Scrubber([own_token])
            text = scrub(text)
            if structured is not None:
                structured = json.loads(scrub(json.dumps(structured)))
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text)],
            structured_content=structured,
            is_error=outcome.is_error,
        )

    server: Server[Any] = Server(
        "amigo-mcp",
        version="0.1.0",
        title="Amigo",
        instructions=instructions(catalog),
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
    # Seal the confirmation state so that a client cannot forge it.
    server.middleware.append(
        RequestStateBoundary(RequestStateSecurity.ephemeral(), default_audience=server.name)
    )
    return server
