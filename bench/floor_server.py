"""The floor for calls under load: a bare SDK server with one tool, over streamable HTTP.

One low-level `mcp.server.Server` publishing `list_dynamic_behavior_sets` with the catalog's own
input and output schemas (so a client does the same work on its answers), whose handler makes
the same generated-client call amigo-mcp makes (`asyncio_detailed`) on one shared `httpx` client
carrying a bearer token, and returns the body as text and structured content. No argument
checks, no spacing, no retries, no scrubbing: what any server on this SDK pays.

    AMIGO_BASE_URL=... AMIGO_ORGANIZATION_ID=... AMIGO_BEARER_TOKEN=... \
        python bench/floor_server.py --port 8001 [--stateless]
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

import httpx
import mcp_types as types
import uvicorn
from amigo_client import Client
from amigo_client.api.dynamic_behavior_sets import get_dynamic_behavior_sets
from mcp.server import Server, ServerRequestContext

from amigo_mcp.catalog import load_catalog

TOOL = "list_dynamic_behavior_sets"


def build(base_url: str, organization: str, token: str) -> Server[Any]:
    spec = load_catalog().get(TOOL)
    assert spec is not None
    tool = types.Tool(
        name=TOOL,
        description=spec.description,
        input_schema=spec.input_schema,
        output_schema=spec.output_schema,
    )
    http = httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {token}"})
    client = Client(base_url=base_url).set_async_httpx_client(http)

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[tool])

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        arguments = params.arguments or {}
        response = await get_dynamic_behavior_sets.asyncio_detailed(
            organization, client=client, limit=arguments.get("limit", 10)
        )
        text = response.content.decode()
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text)],
            structured_content=json.loads(text),
            is_error=response.status_code >= 300,
        )

    return Server("floor", on_list_tools=list_tools, on_call_tool=call_tool)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stateless", action="store_true")
    args = parser.parse_args()
    server = build(
        os.environ["AMIGO_BASE_URL"],
        os.environ["AMIGO_ORGANIZATION_ID"],
        os.environ["AMIGO_BEARER_TOKEN"],
    )
    app = server.streamable_http_app(stateless_http=args.stateless, host="127.0.0.1")
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
