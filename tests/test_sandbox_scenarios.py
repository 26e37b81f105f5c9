"""Simulation scenarios in the sandbox: versions, soft delete, unit-test guard, tags, search."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from amigo_sandbox.demo import (
    DEMO_COLLEAGUE_USER_ID,
    DEMO_ORGANIZATION,
    DEMO_SCENARIO_IDS,
    DEMO_SCENARIO_IN_USE_ID,
)
from amigo_sandbox.server import RunningSandbox
from testing.sandbox_http import admin_client, api_client
from tests.sandbox_support import new_scenario_body


@pytest.fixture
def api(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with api_client(sandbox) as client:
        yield client


def create(api: httpx.Client, name: str, **overrides: Any) -> str:
    answer = api.post("/simulation/scenario/", json=new_scenario_body(name, **overrides))
    assert answer.status_code == 201, answer.text
    return str(answer.json()["simulation_scenario_id"])


def scenario(api: httpx.Client, scenario_id: str) -> dict[str, Any]:
    (item,) = api.get("/simulation/scenario/", params={"id": scenario_id}).json()[
        "simulation_scenarios"
    ]
    return dict(item)


def test_create_and_version(api: httpx.Client) -> None:
    content = {
        "objective": "Cancel a booking.",
        "instructions": "Insist politely.",
        "initial_message_type": "external-event",
        "conversation_starts_at": "2025-06-01T12:00:00+02:00",
    }
    scenario_id = create(
        api, f"Cancel {uuid.uuid4().hex[:8]}", tags={"kind": "booking"}, initial_version=content
    )
    item = scenario(api, scenario_id)
    assert item["is_deleted"] is False and item["tags"] == {"kind": "booking"}
    (first,) = api.get(f"/simulation/scenario/{scenario_id}/version/").json()[
        "simulation_scenario_versions"
    ]
    assert first["version"] == 1 and first["simulation_scenario_id"] == scenario_id
    assert first["conversation_starts_at"] == "2025-06-01T10:00:00.000000Z"  # stored in UTC
    assert first["initial_message_type"] == "external-event"
    nxt = {**content, "initial_message_type": "skip", "conversation_starts_at": None}
    answer = api.post(
        f"/simulation/scenario/{scenario_id}/version/", params={"version": 2}, json=nxt
    )
    assert answer.status_code == 201 and answer.json() == {"version": 2}
    stale = api.post(
        f"/simulation/scenario/{scenario_id}/version/", params={"version": 2}, json=nxt
    )
    assert stale.status_code == 400
    latest = api.get(
        f"/simulation/scenario/{scenario_id}/version/", params={"version": "latest"}
    ).json()
    (v2,) = latest["simulation_scenario_versions"]
    assert (
        v2["version"] == 2
        and v2["conversation_starts_at"] is None
        and v2["initial_message_type"] == "skip"
    )
    both = api.get(
        f"/simulation/scenario/{scenario_id}/version/",
        params={"version": "1-latest", "sort_by": "-version"},
    )
    assert [v["version"] for v in both.json()["simulation_scenario_versions"]] == [2, 1]


def test_duplicate_names_conflict_until_deleted(api: httpx.Client) -> None:
    name = f"Twin {uuid.uuid4().hex[:8]}"
    first = create(api, name)
    assert api.post("/simulation/scenario/", json=new_scenario_body(name)).status_code == 409
    assert api.delete(f"/simulation/scenario/{first}/").status_code == 204
    second = create(api, name)  # a deleted scenario's name is free again
    assert second != first


def test_delete_is_soft(api: httpx.Client) -> None:
    scenario_id = create(api, f"Soft {uuid.uuid4().hex[:8]}")
    answer = api.delete(f"/simulation/scenario/{scenario_id}/")
    assert answer.status_code == 204 and answer.content == b""
    item = scenario(api, scenario_id)
    assert item["is_deleted"] is True
    # Existing references stay valid: the versions can still be read.
    assert api.get(f"/simulation/scenario/{scenario_id}/version/").status_code == 200
    # Listing hides it only when asked to.
    live = api.get(
        "/simulation/scenario/", params={"id": scenario_id, "is_deleted": "false"}
    ).json()
    assert live["simulation_scenarios"] == []
    # Deleting again is harmless; search no longer offers it.
    assert api.delete(f"/simulation/scenario/{scenario_id}/").status_code == 204
    found = api.get("/simulation/scenario/search", params={"query": item["name"]}).json()
    assert scenario_id not in [s["id"] for s in found["simulation_scenarios"]]


def test_a_scenario_used_by_a_unit_test_cannot_be_deleted(
    sandbox: RunningSandbox, api: httpx.Client
) -> None:
    demo = api.delete(f"/simulation/scenario/{DEMO_SCENARIO_IN_USE_ID}/")
    assert demo.status_code == 400 and "Escalation regression" in demo.json()["detail"]
    assert scenario(api, DEMO_SCENARIO_IN_USE_ID)["is_deleted"] is False
    scenario_id = create(api, f"Guarded {uuid.uuid4().hex[:8]}")
    with admin_client(sandbox.base_url) as admin:
        made = admin.post(
            "/unit_tests", json={"simulation_scenario_id": scenario_id, "name": "Smoke"}
        )
    assert made.status_code == 201
    assert api.delete(f"/simulation/scenario/{scenario_id}/").status_code == 400


def test_update_replaces_tags_and_null_keeps_them(
    sandbox: RunningSandbox, api: httpx.Client
) -> None:
    scenario_id = create(api, f"Tagged {uuid.uuid4().hex[:8]}", tags={"a": "1", "b": None})
    before = scenario(api, scenario_id)
    with api_client(sandbox, DEMO_COLLEAGUE_USER_ID) as colleague:
        assert (
            colleague.post(f"/simulation/scenario/{scenario_id}/", json={"tags": None}).status_code
            == 204
        )
    assert scenario(api, scenario_id)["tags"] == {"a": "1", "b": None}
    assert (
        api.post(f"/simulation/scenario/{scenario_id}/", json={"tags": {"c": "3"}}).status_code
        == 204
    )
    after = scenario(api, scenario_id)
    assert after["tags"] == {"c": "3"}
    assert after["updated_at"] > before["updated_at"]
    bad = api.post(f"/simulation/scenario/{scenario_id}/", json={"tags": {"c": "no-dashes"}})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "tags", "c"]


def test_list_filters_pages_and_filter_values(api: httpx.Client) -> None:
    key = f"run_{uuid.uuid4().hex[:10]}"
    made = [
        create(api, f"Listed {i} {key}", tags={key: "even" if i % 2 == 0 else None})
        for i in range(5)
    ]
    api.delete(f"/simulation/scenario/{made[4]}/")
    page = api.get("/simulation/scenario/", params={"tag": f"{key}:*", "limit": 2}).json()
    assert [s["id"] for s in page["simulation_scenarios"]] == made[:2]
    assert page["has_more"] is True and page["continuation_token"] == 2
    assert key in page["filter_values"]["tags"]
    assert {"org_id": DEMO_ORGANIZATION, "user_id": DEMO_COLLEAGUE_USER_ID} in page[
        "filter_values"
    ]["creators"]
    rest = api.get(
        "/simulation/scenario/", params={"tag": f"{key}:*", "limit": 2, "continuation_token": 2}
    ).json()
    assert rest["filter_values"] is None
    assert [s["id"] for s in rest["simulation_scenarios"]] == made[2:4]
    even = api.get(
        "/simulation/scenario/", params={"tag": f"{key}:even", "is_deleted": "false"}
    ).json()
    assert [s["id"] for s in even["simulation_scenarios"]] == [made[0], made[2]]
    null = api.get("/simulation/scenario/", params={"tag": f"{key}:"}).json()
    assert [s["id"] for s in null["simulation_scenarios"]] == [made[1], made[3]]
    newest = api.get(
        "/simulation/scenario/", params={"tag": f"{key}:*", "sort_by": "-updated_at", "limit": 1}
    ).json()
    assert newest["simulation_scenarios"][0]["id"] == made[4]  # the deletion touched it last


def test_search_by_name(api: httpx.Client) -> None:
    found = api.get("/simulation/scenario/search", params={"query": "manager"}).json()[
        "simulation_scenarios"
    ]
    assert found[0]["id"] == DEMO_SCENARIO_IDS["manager_request"]
    by_colleague = api.get(
        "/simulation/scenario/search",
        params={"query": "account", "creator": f"{DEMO_ORGANIZATION},{DEMO_COLLEAGUE_USER_ID}"},
    ).json()
    assert by_colleague["simulation_scenarios"] == []  # "Account Setup Assistance" is Dana's
    assert api.get("/simulation/scenario/search", params={"query": "onboarding legacy"}).json() == {
        "simulation_scenarios": []  # the only match is soft-deleted
    }
