"""One engine: every request is sent and retried by the client's loop (`transport.Attempts`).

The same faults (a 503 with `Retry-After`, then a connection dropped on a read, then success)
give the same attempts and the same waits (the same decisions, each with the loop's jitter)
through `AmigoClient`, through a tool called by a real MCP client, and through `amigo-mcp call`;
all on the sandbox's stopped clock, which the waits move instead of sleeping. The server sends
on aiohttp, the other two on httpx's own transport: the loop above them is one, and so are its
decisions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager

import anyio
import pytest
from amigo_client import AmigoClient, Clock, RetryPolicy

from amigo_mcp.cli import main
from amigo_mcp.settings import Settings
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import connect, sandbox_settings
from tests.client_support import credentials

OP = "get-simulation-scenarios"
TOOL = "list_simulation_scenarios"
# The policy `amigo-mcp call` runs: the defaults, within the settings' retry budget.
POLICY = RetryPolicy(budget_s=Settings.model_fields["retry_budget"].default)


class Recording(Clock):
    """The sandbox's clock, every wait on it recorded (and moving it, as it is stopped)."""

    def __init__(self, inner: SandboxClock) -> None:
        self.inner = inner
        self.waits: list[float] = []

    def time(self) -> float:
        return self.inner.time()

    def monotonic(self) -> float:
        return self.inner.monotonic()

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.inner.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        await self.inner.asleep(seconds)

    @property
    def stopped(self) -> bool:
        return self.inner.stopped

    def deadline(self, seconds: float) -> AbstractContextManager[anyio.CancelScope]:
        return self.inner.deadline(seconds)


def faults(sandbox: RunningSandbox) -> None:
    sandbox.reset_request_counts()
    sandbox.inject_fault(OP, "status", status=503, retry_after=1, times=1)
    sandbox.inject_fault(OP, "drop", times=1)


@pytest.fixture
def environment(sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The sandbox's demo credentials in the environment, as `amigo-mcp call` reads them."""
    values = credentials(sandbox)
    for name, value in values.items():
        variable = Settings.variable(name)
        monkeypatch.setenv(variable, str(value))
    yield


def test_the_client_the_tool_and_the_cli_make_the_same_attempts_and_waits(
    sandbox: RunningSandbox,
    stopped_clock: SandboxClock,
    environment: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    runs: dict[str, tuple[list[float], dict[str, int]]] = {}

    client_clock = Recording(stopped_clock)
    with AmigoClient(**credentials(sandbox), clock=client_clock, retry=POLICY) as amigo:
        amigo.get_simulation_scenarios(limit=1)  # signs in first, outside the faults
        faults(sandbox)
        assert amigo.get_simulation_scenarios(limit=1).simulation_scenarios
    runs["AmigoClient"] = (client_clock.waits, sandbox.response_statuses()[OP])

    tool_clock = Recording(stopped_clock)
    reports: list[tuple[float, str]] = []

    async def tool() -> None:
        settings = sandbox_settings(sandbox)
        async with connect(settings, "auto", retry=POLICY, clock=tool_clock) as (client, _):
            await client.call_tool(TOOL, {"limit": 1})  # signs in first, outside the faults
            faults(sandbox)

            async def on_progress(
                progress: float, total: float | None, message: str | None
            ) -> None:
                reports.append((progress, message or ""))

            result = await client.call_tool(TOOL, {"limit": 1}, progress_callback=on_progress)
            assert not result.is_error

    anyio.run(tool)
    runs["tool"] = (tool_clock.waits, sandbox.response_statuses()[OP])

    cli_clock = Recording(stopped_clock)
    sandbox.reset_request_counts()
    faults(sandbox)
    assert main(["call", TOOL, json.dumps({"limit": 1})], clock=cli_clock) == 0
    assert json.loads(capsys.readouterr().out)["simulation_scenarios"]
    runs["amigo-mcp call"] = (cli_clock.waits, sandbox.response_statuses()[OP])

    # Each wait is the loop's decision plus its random jitter (drawn from the process's
    # `random`, which other libraries draw from too: OpenTelemetry's span IDs, once a tracer
    # provider is installed), so each is checked against its decision's bounds: the API's hint
    # (`Retry-After: 1`) first, then the backoff before a third attempt.
    expected = {"503": 1, "dropped": 1, "200": 1}
    hinted = (1.0, 1.0 + POLICY.base_delay_s * POLICY.jitter)
    backoff = (POLICY.backoff(2, lambda: 0.0), POLICY.backoff(2, lambda: 1.0))
    for engine, (waits, statuses) in runs.items():
        assert statuses == expected, engine
        assert len(waits) == 2, engine
        assert hinted[0] <= waits[0] <= hinted[1], (engine, waits)
        assert backoff[0] <= waits[1] <= backoff[1], (engine, waits)
    # The tool told its client of each wait, with the loop's words.
    assert [done for done, _ in reports] == [1, 2]
    assert (
        "Amigo answered 503 to get-simulation-scenarios, retrying (attempt 2 of 4)"
        in (reports[0][1])
    )
    assert "Connection to Amigo failed" in reports[1][1] and "attempt 3 of 4" in reports[1][1]
    tool_waits = runs["tool"][0]
    assert all(f"waiting {w:.1f} s" in m for w, (_, m) in zip(tool_waits, reports, strict=True))
