"""Size of the tools/list result as it goes over the wire (compact JSON), by part.

Taken through the official MCP client from the real server, so it is exactly what a model's
context receives. For scale, the issue's reference: Amigo's live reference turned into tools
with FastMCP's `from_openapi` gives about 69 KB (43 KB input side) and no annotations.

    uv run python bench/tools_size.py
"""

from __future__ import annotations

import json
from typing import Any

import anyio
from mcp import Client

from amigo_mcp.catalog import load_catalog
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings

REFERENCE = {"total": 69_000, "input side": 43_000}
# This server's own figure before each thing was said once (17 tools, December 2026): shared
# field wording and conventions moved to the server instructions, default hints left out,
# output schemas typed one level deep.
BEFORE = {"tools": 17, "total": 34_529}


def size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


async def measure() -> dict[str, int]:
    catalog = load_catalog()
    server = build_server(catalog, Runtime(catalog, Settings.create(sandbox=True)))
    async with Client(server) as client:
        listing = await client.list_tools()
    tools = [t.model_dump(by_alias=True, mode="json", exclude_none=True) for t in listing.tools]
    return {
        "tools": len(tools),
        "total": size({"tools": tools}),
        "input side": sum(size({k: v for k, v in t.items() if k != "outputSchema"}) for t in tools),
        "  of which inputSchema": sum(size(t["inputSchema"]) for t in tools),
        "  of which descriptions": sum(len(t["description"].encode()) for t in tools),
        "output schemas": sum(size(t["outputSchema"]) for t in tools),
    }


def main() -> None:
    figures = anyio.run(measure)
    print(f"tools/list result, {figures.pop('tools')} tools, compact JSON bytes")
    print(f"  {'before (' + str(BEFORE['tools']) + ' tools)':<26} {BEFORE['total']:>7,}")
    for name, value in figures.items():
        reference = REFERENCE.get(name)
        versus = (
            f"   ({value / reference:.2f}x the FastMCP from_openapi figure)" if reference else ""
        )
        print(f"  {name:<26} {value:>7,}{versus}")


if __name__ == "__main__":
    main()
