"""The load benchmark runs end to end with tiny numbers (its figures are not checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_load_benchmark_runs_with_tiny_numbers() -> None:
    # FastMCP is left out: it is fetched from PyPI into its own environment on first use.
    argv = [sys.executable, str(ROOT / "bench/load.py"), "--sessions", "1", "--calls", "1"]
    argv += ["--rounds", "1", "--servers", "amigo-mcp,floor", "--timeout", "120"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    for line in ("amigo-mcp   auto", "floor       legacy", "amigo-mcp/floor (legacy): calls/s"):
        assert line in done.stdout, done.stdout
    rows = [row.split() for row in done.stdout.splitlines() if row.startswith(("amigo", "floor"))]
    assert all(row[5] == "0" for row in rows if len(row) == 8), "no call answered an error"
