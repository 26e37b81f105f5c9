"""Resilience figures: a careless agent under faults, a secret scan, and real 429s.

Three parts, each against a sandbox of its own, through the real MCP client (in memory):

1. Careless agent: calls with arguments drawn from every tool's input schema (valid, or broken
   at one place) while the sandbox injects random faults, in both protocol eras (the run
   testing/careless_agent.py makes for tests/test_safety_properties.py). Counts calls, faults,
   crashes, duplicated writes and secrets found in results.
2. Secret scan: every tool under every fault the sandbox can inject, logging at DEBUG; the API
   key and the tokens are searched for in every result and log line.
3. Real 429s: the sandbox's rate limits on, N calls in a loop to an operation limited to 50 per
   minute, once with the server's client-side spacing and once without it (a server that only
   reacts to 429s), run side by side on two operations with the same limit. For each: 429s
   the sandbox sent, calls the agent saw fail, requests sent, the waits, the wall time.

    uv run python bench/resilience.py [--examples 550] [--calls 60]

Part 3 waits for the sandbox's one-minute windows, so the run takes a little over a minute.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import anyio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from amigo_client.retries import Hold, RateGate, RetryPolicy  # noqa: E402
from anyio.from_thread import start_blocking_portal  # noqa: E402
from mcp import Client  # noqa: E402

from amigo_mcp.catalog import load_catalog  # noqa: E402
from amigo_mcp.runtime import Runtime  # noqa: E402
from amigo_mcp.server import build_server  # noqa: E402
from amigo_sandbox.server import RunningSandbox, start_in_thread  # noqa: E402
from testing.careless_agent import FAULTS, Tally, run_era  # noqa: E402
from testing.mcp_helpers import accept_all, connect, sandbox_settings, text_of  # noqa: E402
from testing.safety_support import (  # noqa: E402
    EVERY_FAULT,
    FAST_RETRY,
    SecretScan,
    every_tool_under_every_fault,
    server_logs,
)

WAITING = re.compile(r"waiting ([0-9.]+) s")


# --- 1. the careless agent ------------------------------------------------------------------------


def careless_agent(examples: int) -> Tally:
    tally = Tally(fail_fast=False)
    with (
        start_in_thread(db=":memory:", seed_demo=True, rate_limits=False) as sandbox,
        start_blocking_portal("asyncio") as portal,
    ):
        for mode in ("auto", "legacy"):
            run_era(mode, sandbox, portal, tally, examples=examples)
    return tally


# --- 2. the secret scan ---------------------------------------------------------------------------


async def secret_scan() -> tuple[int, int, int]:
    """(calls, texts scanned, leaks)"""
    with start_in_thread(db=":memory:", seed_demo=True, rate_limits=False) as sandbox:
        scan = SecretScan(secrets={sandbox.api_key})
        async with connect(sandbox_settings(sandbox), "legacy", retry=FAST_RETRY) as (client, rt):
            with server_logs("DEBUG", rt.scrub) as logs:
                calls = await every_tool_under_every_fault(client, sandbox, scan)
            scan.add("server log", logs.getvalue())
            lines = len(logs.getvalue().splitlines())
        return calls, len(scan.texts) - 1 + lines, len(scan.leaks())


# --- 3. real 429s, with and without client-side spacing -------------------------------------------


class NoSpacing(RateGate):
    """What a server without client-side rate awareness does: send at once, every time."""

    async def areserve(self, key: str, limit: int | None, now: float) -> Hold:
        return Hold(0.0)


@dataclass
class Loop:
    label: str
    tool: str
    operation: str
    calls: int = 0
    failed: int = 0
    waits: list[float] = field(default_factory=list)
    wall_s: float = 0.0
    requests: int = 0
    answered_429: int = 0
    last_error: str = ""


async def rate_loop(sandbox: RunningSandbox, loop: Loop, n: int, spacing: bool) -> None:
    catalog = load_catalog()
    runtime = Runtime(
        catalog, sandbox_settings(sandbox, timeout_s=10), retry=RetryPolicy(budget_s=90.0)
    )
    server = build_server(catalog, runtime)

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        found = WAITING.search(message or "")
        if found:
            loop.waits.append(float(found.group(1)))

    try:
        async with Client(server, elicitation_callback=accept_all) as client:
            if not spacing:
                invoker = await runtime.invoker()
                invoker.config = invoker.config.using(gate=NoSpacing())
            started = time.monotonic()
            for _ in range(n):
                result = await client.call_tool(
                    loop.tool, {"query": "refund"}, progress_callback=on_progress
                )
                loop.calls += 1
                if result.is_error:
                    loop.failed += 1
                    loop.last_error = text_of(result).splitlines()[0]
            loop.wall_s = time.monotonic() - started
    finally:
        await runtime.aclose()


async def real_429s(n: int) -> list[Loop]:
    with start_in_thread(db=":memory:", seed_demo=True, rate_limits=True) as sandbox:
        loops = [
            Loop("with spacing", "search_dynamic_behavior_sets", "search-dynamic-behavior-sets"),
            Loop("without spacing", "search_simulation_scenarios", "search-simulation-scenarios"),
        ]
        async with anyio.create_task_group() as group:
            group.start_soon(rate_loop, sandbox, loops[0], n, True)
            group.start_soon(rate_loop, sandbox, loops[1], n, False)
        counts, statuses = sandbox.request_counts(), sandbox.response_statuses()
        for loop in loops:
            loop.requests = counts.get(loop.operation, 0)
            loop.answered_429 = statuses.get(loop.operation, {}).get("429", 0)
        return loops


# --- report ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=550, help="generated calls per era")
    parser.add_argument("--calls", type=int, default=60, help="calls in each rate-limit loop")
    args = parser.parse_args()

    started = time.monotonic()
    tally = careless_agent(args.examples)
    scan_calls, scanned, scan_leaks = anyio.run(secret_scan)
    loops = anyio.run(real_429s, args.calls)
    elapsed = time.monotonic() - started

    kinds = sorted(tally.faults.items(), key=lambda kv: -kv[1])
    print("1. Careless agent (schema-generated arguments, random faults, both eras)")
    print(f"   calls made:           {tally.calls} ({tally.valid} valid, {tally.invalid} invalid)")
    print(
        f"   faults tried:         {sum(tally.faults.values())} calls with a fault, "
        f"{len(tally.faults)} of {len(FAULTS)} kinds"
    )
    for name, count in kinds:
        print(f"     {count:4d}  {name}")
    print(f"   held back by spacing: {tally.held_back} (nothing sent, retry time given)")
    print(f"   crashes:              {len(tally.crashes)}")
    print(f"   duplicated writes:    {len(tally.duplicated_writes)}")
    print(f"   secrets leaked:       {len(tally.leaks)} (in results)")
    for line in (tally.crashes + tally.duplicated_writes + tally.leaks)[:10]:
        print(f"     ! {line[:160]}")
    print()
    print("2. Secret scan (every tool under every fault, DEBUG logging)")
    print(f"   faults per tool:      {len(EVERY_FAULT)} kinds ({scan_calls} calls)")
    print(f"   texts scanned:        {scanned} (results and log lines)")
    print(f"   secrets leaked:       {scan_leaks}")
    print()
    print(f"3. Real 429s: {args.calls} calls in a loop, limit 50 per minute, sandbox limits on")
    print(
        f"   {'':18} {'requests':>8} {'429s':>5} {'failed':>6} {'waits':>5} "
        f"{'longest':>8} {'total wait':>10} {'wall':>7}"
    )
    for loop in loops:
        longest = max(loop.waits, default=0.0)
        print(
            f"   {loop.label:18} {loop.requests:8d} {loop.answered_429:5d} {loop.failed:6d} "
            f"{len(loop.waits):5d} {longest:7.1f}s {sum(loop.waits):9.1f}s {loop.wall_s:6.1f}s"
        )
        if loop.last_error:
            print(f"     last error: {loop.last_error[:140]}")
    print()
    total_calls = tally.calls + scan_calls + sum(loop.calls for loop in loops)
    print(
        f"Total: {total_calls} calls, {len(tally.crashes)} crashes, "
        f"{len(tally.duplicated_writes)} duplicated writes, "
        f"{len(tally.leaks) + scan_leaks} secrets leaked ({elapsed:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
