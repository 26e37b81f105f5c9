"""Calls under load: N concurrent MCP sessions over streamable HTTP, three servers, one sandbox.

    uv run python bench/load.py [--sessions 50] [--calls 20] [--rounds 2] [--modes auto,legacy]

Everything runs on loopback in separate processes: the sandbox (`amigo-sandbox`, in memory, demo
data), and three servers pointed at it, each in its default (stateful) HTTP configuration:

- amigo-mcp: `amigo-mcp serve --transport http`, signing in with the sandbox's demo API key;
- floor: bench/floor_server.py, a bare SDK server making the same generated-client call with a
  shared httpx client and a bearer token;
- FastMCP: bench/fastmcp_server.py, `FastMCP.from_openapi` on openapi/amigo.yaml, in its own
  environment made by `uv run --no-project --with fastmcp==...` (not a project dependency).

Each session opens its own MCP client (`mcp.Client(url, mode=...)`), makes one warm-up call,
waits until every session is ready, then calls `list_dynamic_behavior_sets` (limit 5) `--calls`
times. Calls per second is all calls over the wall time of that phase; p50/p99 are over every
call; CPU per call is each process's CPU time over that phase (the server's, the sandbox's, and
this driving process's, the client's). Servers take turns within each round, each round started
by another server, so that machine noise hits all of them alike; the ratios between amigo-mcp
and the others are taken within each round first. `--baseline` adds another build of amigo-mcp
(another checkout's `.venv/bin/amigo-mcp`) to compare a change against, in the same run.

Rate limits stay ON in the sandbox, scaled up (`rate_limit_scale`, default 1000) through its
admin API: amigo-mcp still spaces calls, following the window the API reports in its
`X-RateLimit-*` headers, and the API's limit is simply far above what the machine can send. At
the spec's own figure (500 per minute for this operation, one user) amigo-mcp would be held to
about 8 calls per second by design, which is not what this benchmark measures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
import httpx
from mcp import Client

from amigo_sandbox.spec import load_yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
FASTMCP = "fastmcp==4.2.3"


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its descendants so far; Linux only, else 0.

    Less noisy than wall time on a shared machine: it counts what a server spent, not how long
    it waited for a core."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += cpu_seconds(int(child))
    except (OSError, IndexError, ValueError):
        pass
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Process:
    name: str
    proc: subprocess.Popen[bytes]
    log: Path
    url: str = ""

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-2000:]


@contextmanager
def started(
    name: str, argv: list[str], env: dict[str, str], logs: Path, port: int, ready_s: float = 120
) -> Iterator[Process]:
    log = logs / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    running = Process(name, proc, log, f"http://127.0.0.1:{port}/mcp")
    try:
        deadline = time.monotonic() + ready_s
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not start:\n{running.tail()}") from None
                time.sleep(0.1)
        yield running
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class Sandbox:
    base_url: str
    env: dict[str, str]  # the AMIGO_* variables it printed
    pid: int


@contextmanager
def sandbox(logs: Path, scale: float) -> Iterator[Sandbox]:
    port = free_port()
    argv = [str(BIN / "amigo-sandbox"), "--port", str(port), "--db", ":memory:", "--seed-demo"]
    argv += ["--log-level", "warning"]
    with started("sandbox", argv, os.environ | {"PYTHONUNBUFFERED": "1"}, logs, port) as proc:
        env: dict[str, str] = {}
        deadline = time.monotonic() + 30
        while "AMIGO_USER_ID" not in env and time.monotonic() < deadline:
            time.sleep(0.05)
            for line in proc.log.read_text().splitlines():
                key, _, value = line.strip().partition("=")
                if key.startswith("AMIGO_") and value:
                    env[key] = value
        base_url = env["AMIGO_BASE_URL"]
        with httpx.Client(base_url=base_url) as http:
            settings = http.patch("/_sandbox/settings", json={"rate_limit_scale": scale})
            settings.raise_for_status()
            assert settings.json()["rate_limits"] is True
        yield Sandbox(base_url, env, proc.proc.pid)


def bearer_token(box: Sandbox) -> str:
    with httpx.Client(base_url=box.base_url) as http:
        answer = http.post("/_sandbox/tokens", json={"lifetime_s": 3600})
        answer.raise_for_status()
        token: str = answer.json()["id_token"]
        return token


SERVERS = ("amigo-mcp", "floor", "fastmcp", "baseline")


@dataclass
class Served:
    """A server under test: its MCP URL, its process, and the tool call that reads the same
    page of behavior sets from each (FastMCP names the operation and takes the organization)."""

    url: str
    pid: int
    tool: str
    arguments: dict[str, Any]


@contextmanager
def serving(
    name: str, box: Sandbox, token: str, logs: Path, baseline: str | None = None
) -> Iterator[Served]:
    """Start one of `SERVERS` over streamable HTTP (stateful, its default) against `box`;
    "baseline" is the `amigo-mcp` executable `baseline` (another checkout's build)."""
    port = free_port()
    org = box.env["AMIGO_ORGANIZATION_ID"]
    base = {k: v for k, v in os.environ.items() if not k.startswith("AMIGO_")}
    tool = "list_dynamic_behavior_sets"
    arguments: dict[str, Any] = {"limit": 5}
    if name in ("amigo-mcp", "baseline"):
        executable = str(BIN / "amigo-mcp") if name == "amigo-mcp" else baseline or ""
        argv = [executable, "serve", "--transport", "http", "--port", str(port)]
        env = base | box.env
    elif name == "floor":
        argv = [sys.executable, str(HERE / "floor_server.py"), "--port", str(port)]
        env = base | {
            "AMIGO_BASE_URL": box.base_url,
            "AMIGO_ORGANIZATION_ID": org,
            "AMIGO_BEARER_TOKEN": token,
        }
    elif name == "fastmcp":
        spec = logs / "amigo.json"
        spec.write_text(json.dumps(load_yaml(ROOT / "openapi/amigo.yaml")))
        uv = shutil.which("uv") or "uv"
        argv = [uv, "run", "--no-project", "--with", FASTMCP, "python"]
        argv += [str(HERE / "fastmcp_server.py"), "--spec", str(spec), "--port", str(port)]
        env = base | {"AMIGO_BASE_URL": box.base_url, "AMIGO_BEARER_TOKEN": token}
        env.pop("VIRTUAL_ENV", None)
        tool = "get_dynamic_behavior_sets"
        arguments = {"organization": org, "limit": 5}
    else:
        raise ValueError(f"unknown server {name!r}")
    with started(name, argv, env, logs, port) as proc:
        yield Served(proc.url, proc.proc.pid, tool, arguments)


@dataclass
class Figures:
    rates: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    cpu_ms: list[float] = field(default_factory=list)  # server CPU per call
    client_cpu_ms: list[float] = field(default_factory=list)  # the sessions' CPU per call
    sandbox_cpu_ms: list[float] = field(default_factory=list)

    def quantile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Phase:
    """What one run of `drive` measured over its calls (set-up and warm-up left out)."""

    rate: float  # calls per second
    latencies: list[float]
    errors: int
    cpu_ms: list[float]  # CPU per call of each watched process, then of this one (the client)


async def drive(
    url: str,
    tool: str,
    arguments: dict[str, Any],
    mode: str,
    sessions: int,
    calls: int,
    watched: tuple[int, ...] = (),
) -> Phase:
    """`sessions` sessions making `calls` calls each, once every session has made its warm-up
    call; the phase ends when the last session's last call is answered."""
    ready = anyio.Event()
    waiting = running = sessions
    latencies: list[float] = []
    errors = 0
    marks: list[tuple[float, list[float]]] = []  # (time, CPU so far) at start and end

    def mark() -> None:
        cpu = [cpu_seconds(pid) for pid in watched] + [time.process_time()]
        marks.append((time.perf_counter(), cpu))

    async def session() -> None:
        nonlocal waiting, running, errors
        async with Client(url, mode=mode) as client:
            for _ in range(3):  # a pooled connection the sandbox closed may fail once
                result = await client.call_tool(tool, arguments)
                if not result.is_error:
                    break
            else:
                raise RuntimeError(f"warm-up call failed: {result.content}")
            waiting -= 1
            if waiting == 0:
                mark()
                ready.set()
            await ready.wait()
            for _ in range(calls):
                started = time.perf_counter()
                result = await client.call_tool(tool, arguments)
                latencies.append(time.perf_counter() - started)
                errors += bool(result.is_error)
            running -= 1
            if running == 0:
                mark()

    async with anyio.create_task_group() as tg:
        for _ in range(sessions):
            tg.start_soon(session)
    (start, before), (end, after) = marks
    total = sessions * calls
    cpu_ms = [(b - a) * 1e3 / total for a, b in zip(before, after, strict=True)]
    return Phase(total / (end - start), latencies, errors, cpu_ms)


def report(results: dict[tuple[str, str], Figures], args: argparse.Namespace) -> None:
    print(
        f"\n{args.sessions} concurrent sessions x {args.calls} calls of list_dynamic_behavior_sets"
        f" (limit 5), {args.rounds} round(s); calls/s is the median over rounds"
    )
    print(
        f"{'server':<11} {'mode':<7} {'calls/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        f" {'server CPU ms/call':>19} {'client CPU ms/call':>19} {'sandbox CPU ms/call':>20}"
    )
    for (name, mode), fig in results.items():
        print(
            f"{name:<11} {mode:<7} {statistics.median(fig.rates):8.1f} "
            f"{fig.quantile(0.5) * 1000:8.1f} {fig.quantile(0.99) * 1000:8.1f} {fig.errors:7d}"
            f" {statistics.median(fig.cpu_ms):19.2f} {statistics.median(fig.client_cpu_ms):19.2f}"
            f" {statistics.median(fig.sandbox_cpu_ms):20.2f}"
        )
    for mode in args.modes:
        ours = results.get(("amigo-mcp", mode))
        if ours is None:
            continue
        for other in ("floor", "fastmcp", "baseline"):
            theirs = results.get((other, mode))
            if theirs is not None:
                # Per round first: the servers of one round ran minutes apart at most.
                ratio = statistics.median(
                    a / b for a, b in zip(ours.rates, theirs.rates, strict=True)
                )
                p99 = ours.quantile(0.99) / theirs.quantile(0.99)
                # A few calls may take less CPU than the clock's tick can show.
                theirs_cpu = statistics.median(theirs.cpu_ms)
                cpu = statistics.median(ours.cpu_ms) / theirs_cpu if theirs_cpu else math.nan
                print(
                    f"amigo-mcp/{other} ({mode}): calls/s {ratio:.2f}, p99 {p99:.2f}, "
                    f"server CPU per call {cpu:.2f}"
                )


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark with the command line's arguments (`argv`, default `sys.argv[1:]`)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--calls", type=int, default=20, help="calls per session per round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--modes", default="auto,legacy", help="protocol modes: auto, legacy")
    parser.add_argument("--servers", default="amigo-mcp,floor,fastmcp")
    parser.add_argument(
        "--rate-limit-scale", type=float, default=1000, help="sandbox rate limits x this"
    )
    parser.add_argument("--timeout", type=float, default=600, help="give up after (seconds)")
    parser.add_argument("--keep-logs", action="store_true", help="print where the logs are")
    parser.add_argument(
        "--baseline",
        metavar="EXECUTABLE",
        help="also measure this amigo-mcp executable (e.g. another checkout's) as 'baseline'",
    )
    args = parser.parse_args(argv)
    args.modes = args.modes.split(",")
    servers = args.servers.split(",") + (["baseline"] if args.baseline else [])
    if not 1 <= args.sessions <= 500 or not 1 <= args.calls <= 10_000:
        parser.error("--sessions must be 1..500 and --calls 1..10000")

    # On SIGTERM, unwind as on Ctrl-C so that the started processes are stopped too.
    on_sigterm = signal.signal(signal.SIGTERM, signal.default_int_handler)
    logs = Path(tempfile.mkdtemp(prefix="amigo-load-"))
    try:
        with ExitStack() as stack:
            box = stack.enter_context(sandbox(logs, args.rate_limit_scale))
            sandbox_pid = box.pid
            token = bearer_token(box)
            urls: dict[str, tuple[str, str, dict[str, Any]]] = {}
            pids: dict[str, int] = {}
            for name in servers:
                if name not in SERVERS:
                    parser.error(f"unknown server {name!r}")
                served = stack.enter_context(serving(name, box, token, logs, args.baseline))
                urls[name] = (served.url, served.tool, served.arguments)
                pids[name] = served.pid

            results: dict[tuple[str, str], Figures] = {}

            async def run_all() -> None:
                with anyio.fail_after(args.timeout):
                    # One call each first, outside the figures: amigo-mcp imports its HTTP
                    # stack and signs in on its first call (kept off its start-up on purpose).
                    for name in servers:
                        await drive(*urls[name], args.modes[0], 1, 1)
                    for index in range(args.rounds):
                        # Each round starts with another server: none always runs first.
                        turn = index % len(servers)
                        for mode in args.modes:
                            for name in servers[turn:] + servers[:turn]:
                                url, tool, arguments = urls[name]
                                phase = await drive(
                                    url,
                                    tool,
                                    arguments,
                                    mode,
                                    args.sessions,
                                    args.calls,
                                    (pids[name], sandbox_pid),
                                )
                                fig = results.setdefault((name, mode), Figures())
                                server_ms, sandbox_ms, client_ms = phase.cpu_ms
                                fig.cpu_ms.append(server_ms)
                                fig.sandbox_cpu_ms.append(sandbox_ms)
                                fig.client_cpu_ms.append(client_ms)
                                fig.rates.append(phase.rate)
                                fig.latencies += phase.latencies
                                fig.errors += phase.errors
                                rate = phase.rate
                                print(f"  {name:<10} {mode:<7} {rate:7.1f} calls/s", flush=True)

            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            anyio.run(run_all)
            report(results, args)
            if hasattr(os, "getloadavg"):
                # Other work on the machine skews every figure; the ratios suffer least.
                print(f"machine load (1 min): {load:.2f} before, {os.getloadavg()[0]:.2f} after")
    finally:
        signal.signal(signal.SIGTERM, on_sigterm)
        if args.keep_logs:
            print(f"logs: {logs}")
        else:
            shutil.rmtree(logs, ignore_errors=True)


if __name__ == "__main__":
    main()
