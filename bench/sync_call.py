"""Per-call cost of the blocking client: `AmigoClient` versus a raw `httpx.Client.get`.

Both make the same request (the versions of one behavior set, `limit=5`) with the same bearer
token to one in-process sandbox (rate limits on, as the API has them), in the same process and
run, in alternating rounds so that machine noise hits both alike; the raw call reads the JSON.
The client adds: its retry loop and time budget, the rate gate (asked before, told the answer's
headers after), the generated request building and the model read from the answer. Goal: at
most 1.15x the raw call.

Both count against the operation's per-minute limit (one user, one minute's window), and the
client's rate gate keeps its documented figure: the run stays under it, since more would
measure waiting, not cost.

    uv run python bench/sync_call.py [--rounds 80] [--batch 5] [--profile]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import httpx
from amigo_client import AmigoClient
from amigo_client.operations import OPERATIONS

from amigo_sandbox.server import start_in_thread

OPERATION = "get-dynamic-behavior-set-versions"


def timed(call: Callable[[], None], batch: int) -> tuple[float, float]:
    """Seconds per call: wall time, and CPU time of the process (both sides run in it, so a
    busy machine disturbs this less)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(batch):
        call()
    return (time.perf_counter() - wall) / batch, (time.process_time() - cpu) / batch


def run(rounds: int, batch: int, profile: bool) -> None:
    limit = OPERATIONS[OPERATION].rate_limit_per_minute or 0
    warm = 3
    calls = 2 * (rounds * batch + warm)
    if limit and calls > limit:
        raise SystemExit(f"{calls} calls exceed {OPERATION}'s limit of {limit} a minute")
    with start_in_thread(db=":memory:", seed_demo=True) as sandbox:
        token = sandbox.issue_token()
        raw = httpx.Client(base_url=sandbox.base_url, headers={"Authorization": f"Bearer {token}"})
        amigo = AmigoClient(
            organization_id=sandbox.organization, bearer_token=token, base_url=sandbox.base_url
        )
        [first] = amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
        url = f"/v1/{sandbox.organization}/dynamic_behavior_set/{first.id}/version/"
        # The query the generated code sends: the given limit and the default first page.
        query = {"limit": 5, "continuation_token": 0}

        def raw_call() -> None:
            response = raw.get(url, params=query)
            assert response.status_code == 200
            assert response.json()["dynamic_behavior_set_versions"]

        def client_call() -> None:
            page = amigo.get_dynamic_behavior_set_versions(first.id, limit=5)
            assert page.dynamic_behavior_set_versions

        for _ in range(warm):  # warm both paths (connections, lazy imports)
            raw_call()
            client_call()
        if profile:
            import cProfile
            import pstats

            with cProfile.Profile() as profiler:
                for _ in range(rounds * batch):
                    client_call()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
            return
        raws: list[tuple[float, float]] = []
        clients: list[tuple[float, float]] = []
        for _ in range(rounds):
            raws.append(timed(raw_call, batch))
            clients.append(timed(client_call, batch))
        amigo.close()
        raw.close()

    print(f"blocking call, {OPERATION} (limit=5) on the sandbox, {rounds} rounds of {batch} each")
    for kind, at in (("wall", 0), ("cpu", 1)):
        floor = statistics.median(r[at] for r in raws)
        median = statistics.median(c[at] for c in clients)
        paired = statistics.median(c[at] / r[at] for r, c in zip(raws, clients, strict=True))
        print(
            f"  {kind:<4} httpx.Client.get {floor * 1000:6.3f} ms   AmigoClient "
            f"{median * 1000:6.3f} ms   ratio {median / floor:.3f}x (round by round {paired:.3f}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=80)
    parser.add_argument("--batch", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="profile the client's calls")
    args = parser.parse_args()
    run(args.rounds, args.batch, args.profile)


if __name__ == "__main__":
    main()
