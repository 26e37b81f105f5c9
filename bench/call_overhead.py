"""Per-call overhead: a tool call through the MCP client versus the same generated-client call.

Both run against one in-process sandbox (rate limits off) in the same process and the same
run, in alternating batches, so machine noise hits both alike. The MCP path is the whole
product path: MCP client -> server -> argument validation -> generated client -> HTTP.

    uv run python bench/call_overhead.py [--calls 200]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Awaitable, Callable

import anyio
import httpx
from amigo_client import AuthenticatedClient
from amigo_client.api.dynamic_behavior_sets import get_dynamic_behavior_sets
from mcp import Client

from amigo_mcp.catalog import load_catalog
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings
from amigo_sandbox.server import start_in_thread

BATCH = 10


async def timed(call: Callable[[], Awaitable[None]], batches: int) -> list[float]:
    per_call = []
    for _ in range(batches):
        started = time.perf_counter()
        for _ in range(BATCH):
            await call()
        per_call.append((time.perf_counter() - started) / BATCH)
    return per_call


async def run(calls: int) -> None:
    with start_in_thread(db=":memory:", seed_demo=True, rate_limits=False) as sandbox:
        token = sandbox.issue_token()
        direct = AuthenticatedClient(base_url=sandbox.base_url, token=token)
        direct.set_async_httpx_client(
            httpx.AsyncClient(
                base_url=sandbox.base_url, headers={"Authorization": f"Bearer {token}"}
            )
        )

        async def generated_client_call() -> None:
            response = await get_dynamic_behavior_sets.asyncio_detailed(
                sandbox.organization, client=direct, limit=5
            )
            assert response.status_code == 200

        settings = Settings.create(
            base_url=sandbox.base_url, organization_id=sandbox.organization, bearer_token=token
        )
        catalog = load_catalog()
        results: dict[str, list[float]] = {}
        for mode in ("auto", "legacy"):
            runtime = Runtime(catalog, settings)
            async with Client(build_server(catalog, runtime), mode=mode) as client:

                async def mcp_call() -> None:
                    result = await client.call_tool("list_dynamic_behavior_sets", {"limit": 5})
                    assert not result.is_error

                await mcp_call()
                await generated_client_call()  # warm both paths
                key = f"MCP tool call ({mode})"
                results.setdefault(key, [])
                results.setdefault("generated client", [])
                for _ in range(max(1, calls // (2 * BATCH))):
                    results[key] += await timed(mcp_call, 1)
                    results["generated client"] += await timed(generated_client_call, 1)
            await runtime.aclose()

    floor = statistics.median(results["generated client"])
    print(f"per-call time, list_dynamic_behavior_sets(limit=5) on the sandbox, {calls} calls each")
    for name, values in results.items():
        median = statistics.median(values)
        print(
            f"  {name:<26} median {median * 1000:6.2f} ms   "
            f"overhead {(median - floor) * 1000:+6.2f} ms   ratio {median / floor:.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    anyio.run(run, parser.parse_args().calls)


if __name__ == "__main__":
    main()
