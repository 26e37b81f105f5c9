"""Cold start: spawn a stdio server and time until its tools/list answer arrives.

`amigo-mcp` (embedded sandbox default, as a new user runs it) is measured against a one-tool
`MCPServer` in the same run, alternating, so that machine noise hits both alike; `--baseline`
adds another build's `amigo-mcp` executable (e.g. another checkout's) to the same rounds. Raw
JSON-RPC on the client side: no SDK import on the measuring side. The servers run with their
compiled bytecode, as an installed one does (`PYTHONDONTWRITEBYTECODE` is not passed on).

    uv run python bench/coldstart.py [--runs 15] [--baseline EXECUTABLE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODERN = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
}


def once(command: list[str], era: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None

    def send(message: dict[str, object]) -> None:
        assert proc.stdin is not None
        proc.stdin.write(json.dumps(message) + "\n")
        proc.stdin.flush()

    if era == "legacy":
        send(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "protocolVersion": "2025-11-25",
                    "capabilities": {},
                    "clientInfo": {"name": "bench", "version": "0"},
                },
            }
        )
        send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        send({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
    else:
        send({"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {"_meta": MODERN}})
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{command} exited before answering tools/list")
        message = json.loads(line)
        if message.get("id") == 2:
            elapsed = time.perf_counter() - started
            assert message["result"]["tools"], message
            break
    proc.stdin.close()
    proc.wait(timeout=20)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--baseline",
        metavar="EXECUTABLE",
        help="also measure this amigo-mcp executable (e.g. another checkout's) as 'baseline'",
    )
    args = parser.parse_args()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("AMIGO_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    servers = {
        "one-tool MCPServer (floor)": [sys.executable, str(HERE / "one_tool_server.py")],
        "amigo-mcp": [sys.executable, "-m", "amigo_mcp.cli"],
    }
    if args.baseline:
        servers["baseline"] = [args.baseline]
    print(f"cold start, spawn to tools/list answer, {args.runs} runs each, alternating")
    print(f"  load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for era in ("legacy", "modern"):
        times: dict[str, list[float]] = {name: [] for name in servers}
        for command in servers.values():
            once(command, era, env)  # warm the page cache and .pyc files
        for _ in range(args.runs):
            for name, command in servers.items():
                times[name].append(once(command, era, env))
        floor = statistics.median(times["one-tool MCPServer (floor)"])
        for name, values in times.items():
            median = statistics.median(values)
            print(
                f"  {era:<6} {name:<28} median {median * 1000:6.0f} ms  "
                f"min {min(values) * 1000:5.0f} ms  ratio {median / floor:.2f}x"
            )
    print(f"  load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
