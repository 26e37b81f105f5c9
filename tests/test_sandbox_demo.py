"""The demo data is `sandbox/amigo_sandbox/demo.yaml`, read back over HTTP as the file says it.

A sandbox of its own (the shared one's demo objects are changed by other tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from amigo_sandbox.demo import DATA, DEMO_BEHAVIOR_SET_IDS, DEMO_SCENARIO_IDS
from amigo_sandbox.server import start_in_thread
from testing.sandbox_http import api_client


@pytest.fixture(scope="module")
def api() -> Iterator[httpx.Client]:
    with (
        start_in_thread(db=":memory:", seed_demo=True, rate_limits=False) as running,
        api_client(running) as client,
    ):
        yield client


def user_id(key: str) -> str:
    return str(DATA["users"][key]["id"])


def changes(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The object's first version and the later ones, as the file writes them."""
    first = {"by": item["by"], "at": item["at"], "body": item["create"]["initial_version"]}
    return [first, *item.get("versions", [])]


@pytest.mark.parametrize("key", list(DEMO_BEHAVIOR_SET_IDS))
def test_behavior_sets_and_their_versions_are_the_files(api: httpx.Client, key: str) -> None:
    item = DATA["behavior_sets"][key]
    found = api.get("/dynamic_behavior_set/", params={"id": item["id"]}).json()
    [behavior_set] = found["dynamic_behavior_sets"]
    create = item["create"]
    assert behavior_set["name"] == create["name"] and behavior_set["tags"] == create["tags"]
    assert behavior_set["applied_to_services"] == create["applied_to_services"]
    assert behavior_set["is_active"] == create["initial_version"]["is_active"]
    assert behavior_set["creator"]["user_id"] == user_id(item["by"])
    # The last change made it, through the same handler as a request would.
    last = changes(item)[-1]
    assert behavior_set["updated_at"] == last["at"]
    assert behavior_set["updated_by"]["user_id"] == user_id(last["by"])
    versions = api.get(f"/dynamic_behavior_set/{item['id']}/version/").json()
    got = sorted(versions["dynamic_behavior_set_versions"], key=lambda v: v["version"])
    expected = changes(item)
    assert [v["version"] for v in got] == list(range(1, len(expected) + 1))
    for version, change in zip(got, expected, strict=True):
        assert version["conversation_triggers"] == change["body"]["conversation_triggers"]
        assert version["actions"] == change["body"]["actions"]
        assert version["created_at"] == change["at"]
        assert version["creator"]["user_id"] == user_id(change["by"])
    invocations = api.get(f"/dynamic_behavior_set/{item['id']}/invocation/", params={"limit": 30})
    count = sum(batch["count"] for batch in item.get("invocations", []))
    assert len(invocations.json()["dynamic_behavior_invocations"]) == count


def test_scenarios_are_the_files_one_deleted_through_the_handler(api: httpx.Client) -> None:
    listed = api.get("/simulation/scenario/", params={"limit": 50}).json()["simulation_scenarios"]
    by_id = {scenario["id"]: scenario for scenario in listed}
    for key, scenario_id in DEMO_SCENARIO_IDS.items():
        item = DATA["scenarios"][key]
        scenario = by_id[scenario_id]
        assert scenario["name"] == item["create"]["name"]
        assert scenario["is_deleted"] == ("deleted" in item)
        last = item.get("deleted") or changes(item)[-1]
        assert scenario["updated_at"] == last["at"]
        if scenario["is_deleted"]:
            continue
        versions = api.get(f"/simulation/scenario/{scenario_id}/version/").json()
        got = sorted(versions["simulation_scenario_versions"], key=lambda v: v["version"])
        expected = changes(item)
        assert len(got) == len(expected)
        for version, change in zip(got, expected, strict=True):
            assert version["objective"] == change["body"]["objective"]
            assert version["created_at"] == change["at"]
