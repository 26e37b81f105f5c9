"""Import cost: `from amigo_client import AmigoClient` against `import httpx`.

Each import is timed inside a fresh interpreter (interpreter start-up left out), the two
alternating in one run so that machine noise hits both alike; prints each median and the ratio.
The client should cost at most 1.5x httpx: its models, operations' modules and settings
(pydantic) load when first used, not on import.

    uv run python bench/import_cost.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

TIMED = (
    "import time\n"
    "started = time.perf_counter()\n"
    "{statement}\n"
    "print(time.perf_counter() - started)\n"
)
STATEMENTS = {
    "import httpx": "import httpx",
    "from amigo_client import AmigoClient": "from amigo_client import AmigoClient",
}


def once(statement: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", TIMED.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    for statement in STATEMENTS.values():  # fill the bytecode caches first
        once(statement)
    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for _ in range(runs):
        for name, statement in STATEMENTS.items():
            times[name].append(once(statement))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name:<40} median {median * 1000:7.1f} ms over {runs} interpreters")
    ratio = medians["from amigo_client import AmigoClient"] / medians["import httpx"]
    print(f"{'ratio (client / httpx)':<40} {ratio:7.2f}x")


if __name__ == "__main__":
    main()
