"""All benchmark figures in one run: tools/list size, cold start, per-call overhead, audit log,
client layer.

uv run python bench/run.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in ("tools_size", "coldstart", "call_overhead", "audit_overhead", "client_layer"):
    # As modules of the bench package, from the repository root: some share bench/load.py.
    subprocess.run([sys.executable, "-m", f"bench.{script}"], check=True, cwd=HERE.parent)
    print()
