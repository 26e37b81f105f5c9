"""The load benchmark runs end to end with tiny numbers (its figures are not checked).

Its driver runs here, in the test's process (the MCP client it uses is already imported); the
sandbox and the servers it measures are its own subprocesses, as always.
"""

from __future__ import annotations

import pytest

from bench import load


@pytest.mark.slow
def test_load_benchmark_runs_with_tiny_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    # FastMCP is left out: it is fetched from PyPI into its own environment on first use.
    argv = ["--sessions", "1", "--calls", "1", "--rounds", "1"]
    load.main([*argv, "--servers", "amigo-mcp,floor", "--timeout", "120"])
    out = capsys.readouterr().out
    for line in ("amigo-mcp   auto", "floor       legacy", "amigo-mcp/floor (legacy): calls/s"):
        assert line in out, out
    rows = [row.split() for row in out.splitlines() if row.startswith(("amigo-mcp  ", "floor  "))]
    assert rows and all(row[5] == "0" for row in rows), "no call answered an error"
