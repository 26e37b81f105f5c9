"""Per-call overhead: one tool call through an MCP server versus the same call made directly.

The sandbox, amigo-mcp, the bare-SDK floor (`floor_server.py`: the SDK's own cost, with no work
of a server's) and FastMCP (`from_openapi` on the same spec) run as in bench/load.py: separate
processes on loopback, the servers over streamable HTTP. One client, one call at a
time, in alternating batches so that machine noise hits all alike: the generated client's own
call straight to the sandbox (the floor), then the MCP tool call through each server. A server's
overhead is its median call time minus the floor's: the MCP round trip plus everything the
server does around the API call.

With `--in-process`, no HTTP between MCP client and server: amigo-mcp's server runs in this
process behind the SDK's in-memory client, and FastMCP's in a process of its own environment
behind FastMCP's in-memory client (bench/fastmcp_in_process.py); each one's overhead is taken
against the same request made directly in its own process (the generated client here,
FastMCP's HTTP client there). What is left is the MCP sessions and each server's own work.

    uv run python -m bench.call_overhead [--calls 200] [--in-process]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from contextlib import AsyncExitStack, ExitStack
from pathlib import Path

import anyio
import httpx
from amigo_client import AuthenticatedClient
from amigo_client.api.dynamic_behavior_sets import get_dynamic_behavior_sets
from mcp import Client

from amigo_mcp.catalog import load_catalog
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings
from amigo_sandbox.spec import load_yaml
from bench import floor_server, load
from bench.timing import BATCH, timed

SERVERS = ("amigo-mcp", "floor", "fastmcp")


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


async def ours_in_process(calls: int, box: load.Sandbox, token: str) -> dict[str, float]:
    """amigo-mcp's server and the bare-SDK floor in this process, each behind the SDK's
    in-memory client, in both eras: median seconds per call ("amigo-mcp auto", "floor legacy",
    ...), and of the generated client's direct call ("direct")."""
    org = box.env["AMIGO_ORGANIZATION_ID"]
    direct = AuthenticatedClient(base_url=box.base_url, token=token)

    async def generated_client_call() -> None:
        response = await get_dynamic_behavior_sets.asyncio_detailed(org, client=direct, limit=5)
        assert response.status_code == 200

    catalog = load_catalog()
    settings = Settings.create(base_url=box.base_url, organization_id=org, bearer_token=token)
    results: dict[str, list[float]] = {"direct": []}
    for mode in ("auto", "legacy"):
        runtime = Runtime(catalog, settings)
        servers = {
            "amigo-mcp": build_server(catalog, runtime),
            "floor": floor_server.build(box.base_url, org, token),
        }
        async with AsyncExitStack() as stack:
            paths = {"direct": generated_client_call}
            for name, server in servers.items():
                client = await stack.enter_async_context(Client(server, mode=mode))

                async def mcp_call(client: Client = client) -> None:
                    result = await client.call_tool("list_dynamic_behavior_sets", {"limit": 5})
                    assert not result.is_error, result.content

                paths[f"{name} {mode}"] = mcp_call
            for path in paths.values():
                await path()
            for _ in range(max(1, calls // (2 * BATCH))):
                for key, path in paths.items():
                    results.setdefault(key, []).append(await timed(path))
        await runtime.aclose()
    return {key: statistics.median(values) for key, values in results.items()}


def fastmcp_in_process(calls: int, box: load.Sandbox, token: str, logs: Path) -> dict[str, float]:
    """FastMCP's server behind FastMCP's in-memory client, in its own environment."""
    spec = logs / "amigo.json"
    spec.write_text(json.dumps(load_yaml(load.ROOT / "openapi/amigo.yaml")))
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env |= {"AMIGO_BASE_URL": box.base_url, "AMIGO_BEARER_TOKEN": token}
    env["AMIGO_ORGANIZATION_ID"] = box.env["AMIGO_ORGANIZATION_ID"]
    uv = shutil.which("uv") or "uv"
    argv = [uv, "run", "--no-project", "--with", load.FASTMCP, "python"]
    argv += ["-m", "bench.fastmcp_in_process", "--spec", str(spec)]
    argv += ["--calls", str(calls)]
    done = subprocess.run(argv, env=env, cwd=load.ROOT, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def in_process(calls: int, box: load.Sandbox, token: str, logs: Path) -> None:
    ours = anyio.run(ours_in_process, calls, box, token)
    theirs = fastmcp_in_process(calls, box, token, logs)
    fastmcp_overhead = theirs["mcp"] - theirs["direct"]
    print(f"per-call time in one process (no HTTP to the MCP server), {calls} calls each")
    print(f"  generated client     median {ours['direct'] * 1000:6.2f} ms (the floor here)")
    for name in ("amigo-mcp", "floor"):
        for mode in ("auto", "legacy"):
            median = ours[f"{name} {mode}"]
            print(
                f"  {f'{name} ({mode})':<20} median {median * 1000:6.2f} ms   "
                f"overhead {(median - ours['direct']) * 1000:+6.2f} ms"
            )
    print(f"  FastMCP's client     median {theirs['direct'] * 1000:6.2f} ms (FastMCP's floor)")
    print(
        f"  {'fastmcp':<20} median {theirs['mcp'] * 1000:6.2f} ms   "
        f"overhead {fastmcp_overhead * 1000:+6.2f} ms"
    )
    for mode in ("auto", "legacy"):
        ratio = (ours[f"amigo-mcp {mode}"] - ours["direct"]) / fastmcp_overhead
        print(f"amigo-mcp ({mode})/fastmcp overhead in one process: {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--servers", default=",".join(SERVERS), help=", ".join(SERVERS))
    parser.add_argument(
        "--in-process", action="store_true", help="no HTTP between MCP client and server"
    )
    args = parser.parse_args()
    logs = Path(tempfile.mkdtemp(prefix="amigo-overhead-"))
    try:
        with ExitStack() as stack:
            # Rate limits off in effect (scaled far up), as in bench/load.py.
            box = stack.enter_context(load.sandbox(logs, 1000))
            token = load.bearer_token(box)
            if args.in_process:
                in_process(args.calls, box, token, logs)
                return
            served = {
                name: stack.enter_context(load.serving(name, box, token, logs))
                for name in args.servers.split(",")
            }
            anyio.run(run, args.calls, box, served, token)
    finally:
        shutil.rmtree(logs, ignore_errors=True)


if __name__ == "__main__":
    main()
