"""Concurrent writers over real HTTP: versions without gaps or duplicates, one winner per race."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from amigo_sandbox.server import RunningSandbox, start_in_thread
from testing.sandbox_http import api_client, async_http_client
from tests.sandbox_support import inject, new_scenario_body, new_set_body

VERSION = {"conversation_triggers": ["again"], "actions": [inject("Once more.")]}
SCENARIO_VERSION = {
    "objective": "o",
    "instructions": "i",
    "initial_message_type": "skip",
    "conversation_starts_at": None,
}


@pytest.fixture(scope="module", params=["memory", "file"])
def running(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningSandbox]:
    """One sandbox per storage for the module: each test races on records of its own."""
    folder = tmp_path_factory.mktemp("concurrency")
    db = ":memory:" if request.param == "memory" else str(folder / "concurrency.db")
    with start_in_thread(db=db, seed_demo=False, rate_limits=False) as sandbox:
        yield sandbox


async def concurrently(
    sandbox: RunningSandbox, count: int, method: str, path: str, **kwargs: Any
) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=count)
    async with async_http_client(
        f"{sandbox.base_url}/v1/{sandbox.organization}",
        headers={"Authorization": f"Bearer {sandbox.issue_token()}"},
        limits=limits,
        timeout=30,
    ) as client:
        return await asyncio.gather(*(client.request(method, path, **kwargs) for _ in range(count)))


def test_fifty_writers_make_versions_without_gaps_or_duplicates(running: RunningSandbox) -> None:
    with api_client(running) as api:
        set_id = api.post("/dynamic_behavior_set/", json=new_set_body("Busy")).json()[
            "dynamic_behavior_set_id"
        ]
    answers = asyncio.run(
        concurrently(running, 50, "POST", f"/dynamic_behavior_set/{set_id}/version/", json=VERSION)
    )
    assert [a.status_code for a in answers] == [201] * 50
    assert sorted(a.json()["new_version_number"] for a in answers) == list(range(2, 52))
    with api_client(running) as api:
        listed: list[int] = []
        token = 0
        while token is not None:
            page = api.get(
                f"/dynamic_behavior_set/{set_id}/version/", params={"continuation_token": token}
            ).json()
            listed += [v["version"] for v in page["dynamic_behavior_set_versions"]]
            token = page["continuation_token"]
    assert listed == list(range(1, 52))  # version 1 from the create, then 2..51


def test_optimistic_version_checks_have_one_winner(running: RunningSandbox) -> None:
    with api_client(running) as api:
        set_id = api.post("/dynamic_behavior_set/", json=new_set_body("Raced")).json()[
            "dynamic_behavior_set_id"
        ]
        scenario_id = api.post("/simulation/scenario/", json=new_scenario_body("Raced")).json()[
            "simulation_scenario_id"
        ]
    set_answers = asyncio.run(
        concurrently(
            running,
            20,
            "POST",
            f"/dynamic_behavior_set/{set_id}/version/",
            params={"version": 2},
            json=VERSION,
        )
    )
    assert Counter(a.status_code for a in set_answers) == {201: 1, 400: 19}
    scenario_answers = asyncio.run(
        concurrently(
            running,
            20,
            "POST",
            f"/simulation/scenario/{scenario_id}/version/",
            params={"version": 2},
            json=SCENARIO_VERSION,
        )
    )
    assert Counter(a.status_code for a in scenario_answers) == {201: 1, 400: 19}
    with api_client(running) as api:
        versions = api.get(f"/dynamic_behavior_set/{set_id}/version/").json()[
            "dynamic_behavior_set_versions"
        ]
        assert [v["version"] for v in versions] == [1, 2]
        versions = api.get(f"/simulation/scenario/{scenario_id}/version/").json()[
            "simulation_scenario_versions"
        ]
        assert [v["version"] for v in versions] == [1, 2]


def test_racing_creates_of_one_name_have_one_winner(running: RunningSandbox) -> None:
    name = f"Contested {uuid.uuid4().hex[:8]}"
    answers = asyncio.run(
        concurrently(running, 20, "POST", "/dynamic_behavior_set/", json=new_set_body(name))
    )
    assert Counter(a.status_code for a in answers) == {201: 1, 409: 19}
    answers = asyncio.run(
        concurrently(running, 20, "POST", "/simulation/scenario/", json=new_scenario_body(name))
    )
    assert Counter(a.status_code for a in answers) == {201: 1, 409: 19}
    with api_client(running) as api:
        found = api.get("/dynamic_behavior_set/").json()["dynamic_behavior_sets"]
        assert [s["name"] for s in found].count(name) == 1
