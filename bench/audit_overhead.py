"""What the audit log costs a write: the same tool call with the log off and on, in one run.

Two in-memory MCP servers on one in-process sandbox (rate limits off), one without and one with
`--audit-log` (a file in a temporary folder); batches of `create_dynamic_behavior_set` calls
alternate between them, so machine noise hits both alike.

    uv run python bench/audit_overhead.py [--calls 200]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import anyio
from amigo_client import Clock
from mcp import Client

from amigo_mcp.audit import AuditLog
from amigo_mcp.catalog import load_catalog
from amigo_mcp.errors import Scrubber
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_mcp.settings import Settings
from amigo_sandbox.server import start_in_thread

BATCH = 10
LINES = 2000
BODY = {
    "name": "Audit benchmark",
    "tags": {"suite": "bench"},
    "applied_to_services": [],
    "initial_version": {
        "is_active": False,
        "conversation_triggers": ["user asks for a refund twice"],
        "actions": [
            {
                "type": "inject-instruction",
                "instruction": "Apologise.",
                "overrides_instructions": False,
            }
        ],
    },
}


async def run(calls: int) -> None:
    catalog = load_catalog()
    with (
        start_in_thread(db=":memory:", seed_demo=True, rate_limits=False) as sandbox,
        tempfile.TemporaryDirectory() as folder,
    ):
        settings = Settings.create(
            base_url=sandbox.base_url,
            organization_id=sandbox.organization,
            bearer_token=sandbox.issue_token(),
        )
        log = Path(folder) / "audit.jsonl"
        off = Runtime(catalog, settings)
        on = Runtime(catalog, settings, audit_log=str(log))
        results: dict[str, list[float]] = {"audit log off": [], "audit log on": []}
        async with (
            Client(build_server(catalog, off)) as plain,
            Client(build_server(catalog, on)) as audited,
        ):
            clients = {"audit log off": plain, "audit log on": audited}
            for client in clients.values():  # warm both
                assert not (await client.call_tool("create_dynamic_behavior_set", BODY)).is_error
            for _ in range(max(1, calls // (2 * BATCH))):
                for name, client in clients.items():
                    started = time.perf_counter()
                    for _ in range(BATCH):
                        result = await client.call_tool("create_dynamic_behavior_set", BODY)
                        assert not result.is_error
                    results[name].append((time.perf_counter() - started) / BATCH)
        await off.aclose()
        await on.aclose()
        written = len(log.read_text().splitlines())
        # The line alone: digest, JSON, scrubbing and one append.
        alone = AuditLog(str(Path(folder) / "alone.jsonl"), Clock(), Scrubber(settings.secrets))
        started = time.perf_counter()
        for _ in range(LINES):
            alone.record(
                tool="create_dynamic_behavior_set",
                user="user",
                organization=settings.organization_id,
                arguments=BODY,
                confirmation="not-asked",
                outcome=None,
                duration_s=0.0,
            )
        per_line = (time.perf_counter() - started) / LINES
        alone.close()

    base = statistics.median(results["audit log off"])
    print(f"per-call time, create_dynamic_behavior_set on the sandbox, {calls} calls each")
    for name, values in results.items():
        median = statistics.median(values)
        print(
            f"  {name:<14} median {median * 1000:6.2f} ms   "
            f"overhead {(median - base) * 1000:+6.2f} ms   ratio {median / base:.3f}x"
        )
    print(f"  audit lines written: {written}; one line alone: {per_line * 1e6:.1f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    anyio.run(run, parser.parse_args().calls)


if __name__ == "__main__":
    main()
