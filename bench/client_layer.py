"""Per-call cost of the client layer: `AsyncAmigoClient` versus the bare generated call.

Both make the same request (`get_dynamic_behavior_sets(limit=5)`) to one in-process sandbox
(rate limits off) with the same bearer token, in the same process and run, in alternating
batches so machine noise hits both alike. The layer adds: the retry loop and its time budget,
status checks, raising, the organization filled in. Goal: at most 10% more per call.

    uv run python -m bench.client_layer [--calls 400]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics

import httpx
from amigo_client import AsyncAmigoClient, AuthenticatedClient
from amigo_client.api.dynamic_behavior_sets import get_dynamic_behavior_sets

from amigo_sandbox.server import start_in_thread
from bench.timing import BATCH, timed


async def run(calls: int) -> None:
    with start_in_thread(db=":memory:", seed_demo=True, rate_limits=False) as sandbox:
        token = sandbox.issue_token()
        bare = AuthenticatedClient(base_url=sandbox.base_url, token=token)
        bare.set_async_httpx_client(
            httpx.AsyncClient(
                base_url=sandbox.base_url, headers={"Authorization": f"Bearer {token}"}
            )
        )
        layer = AsyncAmigoClient(
            organization_id=sandbox.organization, bearer_token=token, base_url=sandbox.base_url
        )

        async def generated_call() -> None:
            response = await get_dynamic_behavior_sets.asyncio_detailed(
                sandbox.organization, client=bare, limit=5
            )
            assert response.status_code == 200

        async def layer_call() -> None:
            page = await layer.get_dynamic_behavior_sets(limit=5)
            assert page.dynamic_behavior_sets

        for _ in range(3):  # warm both paths
            await generated_call()
            await layer_call()
        results: dict[str, list[float]] = {"generated asyncio_detailed": [], "AsyncAmigoClient": []}
        for _ in range(max(1, calls // BATCH)):
            results["generated asyncio_detailed"].append(await timed(generated_call))
            results["AsyncAmigoClient"].append(await timed(layer_call))
        await layer.aclose()
        await bare.get_async_httpx_client().aclose()

    floor = statistics.median(results["generated asyncio_detailed"])
    print(f"client layer, get_dynamic_behavior_sets(limit=5) on the sandbox, {calls} calls each")
    for name, values in results.items():
        median = statistics.median(values)
        print(
            f"  {name:<28} median {median * 1000:6.2f} ms   "
            f"overhead {(median - floor) * 1000:+6.2f} ms   ratio {median / floor:.3f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=400)
    asyncio.run(run(parser.parse_args().calls))


if __name__ == "__main__":
    main()
