"""All benchmark figures in one run: tools/list size, cold start, per-call overhead, audit log,
client layer.

uv run python bench/run.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in (
    "tools_size.py",
    "coldstart.py",
    "call_overhead.py",
    "audit_overhead.py",
    "client_layer.py",
):
    subprocess.run([sys.executable, str(HERE / script)], check=True)
    print()
