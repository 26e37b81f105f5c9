"""Per-call overhead: one tool call through an MCP server versus the same call made directly.

The sandbox, amigo-mcp, the bare-SDK floor (`floor_server.py`: the SDK's own cost, with no work
of a server's) and FastMCP (`from_openapi` on the same spec) run as in bench/load.py: separate
processes on loopback, the servers over streamable HTTP. One client, one call at a
time, in alternating batches so that machine noise hits all alike: the generated client's own
call straight to the sandbox (the floor), then the MCP tool call through each server. A server's
overhead is its median call time minus the floor's: the MCP round trip plus everything the
server does around the API call.

    uv run python -m bench.call_overhead [--calls 200]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, ExitStack
from pathlib import Path

import anyio
import httpx
from amigo_client import AuthenticatedClient
from amigo_client.api.dynamic_behavior_sets import get_dynamic_behavior_sets
from mcp import Client

from bench import load

BATCH = 10
SERVERS = ("amigo-mcp", "floor", "fastmcp")


async def timed(call: Callable[[], Awaitable[None]]) -> float:
    """Mean time of one call over a batch."""
    started = time.perf_counter()
    for _ in range(BATCH):
        await call()
    return (time.perf_counter() - started) / BATCH


async def run(calls: int, box: load.Sandbox, served: dict[str, load.Served], token: str) -> None:
    org = box.env["AMIGO_ORGANIZATION_ID"]
    direct = AuthenticatedClient(base_url=box.base_url, token=token)
    direct.set_async_httpx_client(
        httpx.AsyncClient(base_url=box.base_url, headers={"Authorization": f"Bearer {token}"})
    )

    async def generated_client_call() -> None:
        response = await get_dynamic_behavior_sets.asyncio_detailed(org, client=direct, limit=5)
        assert response.status_code == 200

    results: dict[str, list[float]] = {"generated client": []}
    for mode in ("auto", "legacy"):
        async with AsyncExitStack() as stack:
            paths = {"generated client": generated_client_call}
            for name, server in served.items():
                client = await stack.enter_async_context(Client(server.url, mode=mode))

                async def mcp_call(client: Client = client, server: load.Served = server) -> None:
                    result = await client.call_tool(server.tool, server.arguments)
                    assert not result.is_error, result.content

                paths[f"{name} ({mode})"] = mcp_call
            for path in paths.values():
                await path()  # warm every path
            for _ in range(max(1, calls // (2 * BATCH))):
                for key, path in paths.items():
                    results.setdefault(key, []).append(await timed(path))

    floor = statistics.median(results["generated client"])
    print(f"per-call time, list of behavior sets (limit 5) on the sandbox, {calls} calls each")
    overhead: dict[str, float] = {}
    for name, values in results.items():
        median = statistics.median(values)
        overhead[name] = median - floor
        print(
            f"  {name:<20} median {median * 1000:6.2f} ms   "
            f"overhead {(median - floor) * 1000:+6.2f} ms   ratio {median / floor:.2f}x"
        )
    for mode in ("auto", "legacy"):
        ours = overhead.get(f"amigo-mcp ({mode})")
        for other in ("floor", "fastmcp"):
            theirs = overhead.get(f"{other} ({mode})")
            if ours is not None and theirs:
                print(f"amigo-mcp/{other} overhead ({mode}): {ours / theirs:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--servers", default=",".join(SERVERS), help=", ".join(SERVERS))
    args = parser.parse_args()
    logs = Path(tempfile.mkdtemp(prefix="amigo-overhead-"))
    try:
        with ExitStack() as stack:
            # Rate limits off in effect (scaled far up), as in bench/load.py.
            box = stack.enter_context(load.sandbox(logs, 1000))
            token = load.bearer_token(box)
            served = {
                name: stack.enter_context(load.serving(name, box, token, logs))
                for name in args.servers.split(",")
            }
            anyio.run(run, args.calls, box, served, token)
    finally:
        shutil.rmtree(logs, ignore_errors=True)


if __name__ == "__main__":
    main()
