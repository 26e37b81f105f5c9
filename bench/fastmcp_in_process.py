"""FastMCP's `from_openapi` on our spec, called in its own process through FastMCP's in-memory
client: its per-call overhead without any HTTP between the MCP client and the server.

Runs in its own environment, never the project's (FastMCP pins its own `mcp`);
bench/call_overhead.py starts it with `--in-process`:

    uv run --no-project --with fastmcp==4.2.3 python -m bench.fastmcp_in_process \
        --spec amigo.json --calls 200

Prints one JSON line: the median seconds per call of the tool call and of the same request made
directly with FastMCP's HTTP client, taken in alternating batches. AMIGO_BASE_URL,
AMIGO_ORGANIZATION_ID and AMIGO_BEARER_TOKEN give the API, the organization and a token.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics

import httpx2
from fastmcp import Client, FastMCP

from bench.timing import BATCH, timed


async def run(spec: dict[str, object], calls: int) -> dict[str, float]:
    organization = os.environ["AMIGO_ORGANIZATION_ID"]
    http = httpx2.AsyncClient(
        base_url=os.environ["AMIGO_BASE_URL"],
        headers={"Authorization": f"Bearer {os.environ['AMIGO_BEARER_TOKEN']}"},
        timeout=30,
    )
    server = FastMCP.from_openapi(openapi_spec=spec, client=http, name="amigo-fastmcp")
    async with Client(server) as client:

        async def tool_call() -> None:
            arguments = {"organization": organization, "limit": 5}
            result = await client.call_tool("get_dynamic_behavior_sets", arguments)
            assert not result.is_error

        async def direct_call() -> None:
            path = f"/v1/{organization}/dynamic_behavior_set/"
            answer = await http.get(path, params={"limit": 5})
            assert answer.status_code == 200
            answer.json()

        paths = {"direct": direct_call, "mcp": tool_call}
        for path in paths.values():
            await path()
        results: dict[str, list[float]] = {key: [] for key in paths}
        for _ in range(max(1, calls // BATCH)):
            for key, path in paths.items():
                results[key].append(await timed(path))
    await http.aclose()
    return {key: statistics.median(values) for key, values in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", required=True)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    print(json.dumps(asyncio.run(run(spec, args.calls))))


if __name__ == "__main__":
    main()
