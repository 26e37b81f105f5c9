"""The MCP server: the catalog's tools published exactly as generated, calls handed to `Invoker`.

Built on the SDK's low-level `Server`, which publishes each tool's `inputSchema` and
`outputSchema` byte for byte as the catalog has them.
"""

from __future__ import annotations

from typing import Any

import mcp_types as types
from mcp.server import Server, ServerRequestContext

from mcp_server.catalog import Catalog, ToolSpec
from mcp_server.runtime import Runtime

INSTRUCTIONS = (
    "Tools for one Amigo organization: dynamic behavior sets (triggers and actions that change "
    "an agent mid-conversation, versioned, with an invocation log), metric evaluation on "
    "conversations, and simulation scenarios (versioned test scripts). IDs are 24 hex "
    "characters; list and search tools return them. Lists are paginated: pass back "
    "continuation_token while has_more is true."
)


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


def _text(text: str) -> list[types.ContentBlock]:
    return [types.TextContent(type="text", text=text)]


def build_server(catalog: Catalog, runtime: Runtime) -> Server[Any]:
    tools = [mcp_tool(tool) for tool in catalog.tools]
    listing = types.ListToolsResult(tools=tools)

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return listing

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        tool = catalog.get(params.name)
        if tool is None:
            return types.CallToolResult(
                content=_text(
                    f"Unknown tool {params.name!r}. Available tools: "
                    + ", ".join(t.name for t in catalog.tools)
                ),
                is_error=True,
            )
        invoker = await runtime.invoker()
        outcome = await invoker.call(tool, dict(params.arguments or {}))
        return types.CallToolResult(
            content=_text(outcome.text),
            structured_content=outcome.structured,
            is_error=outcome.is_error,
        )

    return Server(
        "amigo-mcp",
        version="0.1.0",
        title="Amigo",
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
