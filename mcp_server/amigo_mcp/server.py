"""The MCP server: the catalog's tools published exactly as generated, calls handed to `Invoker`.

Built on the SDK's low-level `Server`, which publishes each tool's `inputSchema` and
`outputSchema` byte for byte as the catalog has them. Around each call it applies the
operator's tool policy, asks the user to confirm destructive calls (elicitation, in both
protocol eras), relays retry waits as progress notifications, and in hosted multi-user mode
uses the Amigo token that came with the HTTP request.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import mcp_types as types
from mcp.server import Server, ServerRequestContext
from mcp.server.request_state import RequestStateBoundary, RequestStateSecurity
from mcp.shared.exceptions import MCPError
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

from amigo_mcp.apps import EXTENSION_ID, read_view, tool_meta, view_resources
from amigo_mcp.audit import Decision, digest
from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.confirm import Plan, question
from amigo_mcp.context import request_token
from amigo_mcp.errors import Scrubber
from amigo_mcp.invoke import ToolOutcome
from amigo_mcp.policy import NO_ELICITATION, NO_ELICITATION_STATELESS, ToolPolicy
from amigo_mcp.runtime import Runtime
from amigo_mcp.telemetry import note_session


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
SESSION_HEADER = "mcp-session-id"
CONFIRM_KEY = "confirm"


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


def _confirmation_schema(tool: ToolSpec) -> dict[str, Any]:
    return {
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


Answer = types.CallToolResult | types.InputRequiredResult
# The person's decision, and what to answer instead of running the call (None: run it).
Confirmation = tuple[Decision, Answer | ToolOutcome | None]


async def _confirm(
    ctx: ServerRequestContext[Any],
    params: types.CallToolRequestParams,
    tool: ToolSpec,
    arguments: dict[str, Any],
    ask: Callable[[], Awaitable[Plan]],
    scrub: Scrubber,
    always: bool,
) -> Confirmation:
    """Ask the user; an answer of None means go ahead, anything else is the answer to send.

    `ask` reads the current state and words the question (or decides there is nothing to ask,
    or that the call is already answered); it runs only when a question may be needed.
    """
    # Binds a confirmation to one tool and one set of arguments.
    call_digest = digest([tool.name, arguments])
    modern = ctx.protocol_version in MODERN_PROTOCOL_VERSIONS

    def cannot_ask() -> types.CallToolResult | None:
        if not modern and not ctx.session.can_send_request:
            return _error(NO_ELICITATION_STATELESS.format(tool=tool.name))
        caps = ctx.session.client_capabilities
        if caps is None or caps.elicitation is None:
            return _error(NO_ELICITATION.format(tool=tool.name))
        return None

    answer = (params.input_responses or {}).get(CONFIRM_KEY) if modern else None
    if answer is None or params.request_state != call_digest:
        # A call that always asks is refused before anything is read; one that asks only
        # when the object is live needs the read to know.
        refusal = cannot_ask() if always else None
        if refusal is not None:
            return "refused-unavailable", refusal
        plan = await ask()
        if plan.done is not None:
            return "not-asked", plan.done
        if plan.question is None:
            return "not-asked", None
        refusal = cannot_ask()
        if refusal is not None:
            return "refused-unavailable", refusal
        message = scrub(f"{plan.question}\nAllow this call?")
        if modern:
            # Not a decision yet: the client calls again with the answer.
            return "not-asked", types.InputRequiredResult(
                input_requests={
                    CONFIRM_KEY: types.ElicitRequest(
                        params=types.ElicitRequestFormParams(
                            message=message, requested_schema=_confirmation_schema(tool)
                        )
                    )
                },
                request_state=call_digest,
            )
        try:
            answer = await ctx.session.elicit_form(
                message, _confirmation_schema(tool), related_request_id=ctx.request_id
            )
        except MCPError:
            return "refused-unavailable", _error(NO_ELICITATION.format(tool=tool.name))
    if not isinstance(answer, types.ElicitResult):
        return "not-understood", _error(
            f"{tool.name}: the confirmation answer was not understood; nothing was sent."
        )
    if answer.action == "accept" and (answer.content or {}).get(CONFIRM_KEY) is True:
        return "accepted", None
    said = {"accept": "did not allow it", "decline": "declined", "cancel": "cancelled"}
    decision: Decision = "cancelled" if answer.action == "cancel" else "declined"
    return decision, _error(
        f"The user {said.get(answer.action, answer.action)} the call to {tool.name}; nothing was "
        "sent to Amigo. Do not retry unless the user asks for it."
    )


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
    # the whole `tools/list` on every call: a fifth of the server's time under load.
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
        started = runtime.clock.monotonic()
        arguments = dict(params.arguments or {})
        own_token = None
        if ctx.request is not None:
            note_session(ctx.request.headers.get(SESSION_HEADER))
            if multi_user:
                own_token = ctx.request.headers.get(AMIGO_TOKEN_HEADER) or None
        decision, outcome = await run(ctx, params, tool, arguments, own_token)
        # A call answered with a question is not over: its line comes with the answer.
        asked = isinstance(outcome, types.InputRequiredResult)
        if not asked:
            done = outcome if isinstance(outcome, ToolOutcome) else None
            runtime.audit_call(tool, arguments, own_token, decision, done, started)
        if not isinstance(outcome, ToolOutcome):
            return outcome
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

    async def run(
        ctx: ServerRequestContext[Any],
        params: types.CallToolRequestParams,
        tool: ToolSpec,
        arguments: dict[str, Any],
        own_token: str | None,
    ) -> tuple[Decision, Answer | ToolOutcome]:
        """The call after its tool is known: the person's decision, and the outcome (or the
        answer that replaced it when nothing was sent)."""
        refusal = policy.refusal(tool)
        if refusal is not None:
            return "not-asked", _error(f"{tool.name} is not available on this server: {refusal}.")

        async def on_progress(message: str, attempt: int) -> None:
            await ctx.session.report_progress(attempt, None, message)

        invoker = await runtime.invoker()
        rule = policy.confirmation(tool)
        confirm = rule != "never"
        decision = policy.unasked(tool)
        # Never ask the user to confirm a call that its arguments already rule out.
        refused = invoker.refusal(tool, arguments) if confirm else None
        if refused is not None:
            return decision, refused
        reset = request_token.set(own_token)
        try:
            answer: Answer | ToolOutcome | None = None
            if confirm:

                async def ask() -> Plan:
                    return await question(catalog, tool, arguments, invoker.call)

                decision, answer = await _confirm(
                    ctx, params, tool, arguments, ask, runtime.scrub, rule == "always"
                )
            return decision, answer or await invoker.call(tool, arguments, on_progress)
        finally:
            request_token.reset(reset)

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
