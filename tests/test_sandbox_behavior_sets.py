"""Dynamic behavior sets in the sandbox: as the documents describe them, over real HTTP."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amigo_sandbox import admin
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import (
    DEMO_BEHAVIOR_SET_IDS,
    DEMO_COLLEAGUE_USER_ID,
    DEMO_ORGANIZATION,
    DEMO_SERVICE_IDS,
    DEMO_USER_ID,
)
from amigo_sandbox.server import RunningSandbox
from testing.sandbox_http import admin_client, api_client, http_client
from tests.sandbox_support import STOPPED_AT, inject, new_set_body

SUPPORT = DEMO_SERVICE_IDS["support"]
SCHEDULING = DEMO_SERVICE_IDS["scheduling"]


@pytest.fixture
def api(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with api_client(sandbox) as client:
        yield client


@pytest.fixture
def run_tag() -> str:
    """A tag key unique to one test, so filters see only that test's sets."""
    return f"run_{uuid.uuid4().hex[:12]}"


def create(api: httpx.Client, name: str, **overrides: Any) -> str:
    answer = api.post("/dynamic_behavior_set/", json=new_set_body(name, **overrides))
    assert answer.status_code == 201, answer.text
    return str(answer.json()["dynamic_behavior_set_id"])


def listed(api: httpx.Client, **params: Any) -> dict[str, Any]:
    answer = api.get("/dynamic_behavior_set/", params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def versions(api: httpx.Client, set_id: str, **params: Any) -> list[int]:
    answer = api.get(f"/dynamic_behavior_set/{set_id}/version/", params=params)
    assert answer.status_code == 200, answer.text
    return [v["version"] for v in answer.json()["dynamic_behavior_set_versions"]]


def test_create_makes_version_one_owned_by_the_signed_in_user(sandbox: RunningSandbox) -> None:
    with api_client(sandbox, DEMO_COLLEAGUE_USER_ID) as api:
        name = f"Greeting {uuid.uuid4().hex[:8]}"
        set_id = create(
            api, name, tags={"team": "growth", "owner": None}, applied_to_services=[SUPPORT]
        )
        (item,) = listed(api, id=set_id)["dynamic_behavior_sets"]
        colleague = {"org_id": DEMO_ORGANIZATION, "user_id": DEMO_COLLEAGUE_USER_ID}
        assert item["name"] == name
        assert item["is_active"] is True
        assert item["tags"] == {"team": "growth", "owner": None}
        assert item["applied_to_services"] == [SUPPORT]
        assert item["creator"] == item["updated_by"] == colleague
        assert item["created_at"] == item["updated_at"]
        (version,) = api.get(f"/dynamic_behavior_set/{set_id}/version/").json()[
            "dynamic_behavior_set_versions"
        ]
        assert version["version"] == 1
        assert version["dynamic_behavior_set_id"] == set_id
        assert version["org_id"] == DEMO_ORGANIZATION
        assert version["conversation_triggers"] == ["user says hello"]
        assert version["actions"] == [inject("Say hello back.")]
        assert version["creator"] == colleague


def test_update_is_partial_and_null_leaves_fields_alone(
    sandbox: RunningSandbox, api: httpx.Client
) -> None:
    set_id = create(
        api, f"Partial {uuid.uuid4().hex[:8]}", tags={"a": "1"}, applied_to_services=[SUPPORT]
    )
    before = listed(api, id=set_id)["dynamic_behavior_sets"][0]
    with api_client(sandbox, DEMO_COLLEAGUE_USER_ID) as colleague:
        answer = colleague.post(
            f"/dynamic_behavior_set/{set_id}/", json={"name": None, "tags": {"b": None}}
        )
    assert answer.status_code == 204 and answer.content == b""
    after = listed(api, id=set_id)["dynamic_behavior_sets"][0]
    assert after["name"] == before["name"]  # null: unchanged
    assert after["tags"] == {"b": None}  # replaced whole
    assert after["applied_to_services"] == [SUPPORT]  # omitted: unchanged
    assert after["is_active"] is True
    assert after["updated_by"]["user_id"] == DEMO_COLLEAGUE_USER_ID
    assert after["creator"]["user_id"] == DEMO_USER_ID
    assert after["updated_at"] > before["updated_at"]
    api.post(
        f"/dynamic_behavior_set/{set_id}/", json={"applied_to_services": [], "is_active": False}
    )
    final = listed(api, id=set_id)["dynamic_behavior_sets"][0]
    assert final["applied_to_services"] == [] and final["is_active"] is False
    assert versions(api, set_id) == [1]  # metadata changes make no version


def test_active_names_are_unique(api: httpx.Client) -> None:
    name = f"Unique {uuid.uuid4().hex[:8]}"
    first = create(api, name)
    clash = api.post("/dynamic_behavior_set/", json=new_set_body(name))
    assert clash.status_code == 409
    assert name in clash.json()["detail"]
    # While the first is inactive the name is free, but both cannot be active again.
    assert api.post(f"/dynamic_behavior_set/{first}/", json={"is_active": False}).status_code == 204
    second = create(api, name)
    assert api.post(f"/dynamic_behavior_set/{first}/", json={"is_active": True}).status_code == 409
    # Renaming onto an active name clashes too; renaming an inactive set does not.
    other = create(api, f"Other {uuid.uuid4().hex[:8]}")
    assert api.post(f"/dynamic_behavior_set/{other}/", json={"name": name}).status_code == 409
    assert api.post(f"/dynamic_behavior_set/{first}/", json={"name": name}).status_code == 204
    assert second != first


def test_delete_removes_the_set_and_its_versions(
    sandbox: RunningSandbox, api: httpx.Client
) -> None:
    set_id = create(api, f"Doomed {uuid.uuid4().hex[:8]}")
    sandbox.add_invocations(set_id, count=2)
    answer = api.delete(f"/dynamic_behavior_set/{set_id}/")
    assert answer.status_code == 200 and answer.json() == {}
    assert listed(api, id=set_id)["dynamic_behavior_sets"] == []
    assert api.get(f"/dynamic_behavior_set/{set_id}/version/").status_code == 404
    assert api.get(f"/dynamic_behavior_set/{set_id}/invocation/").status_code == 404
    assert api.post(f"/dynamic_behavior_set/{set_id}/", json={}).status_code == 404
    assert api.delete(f"/dynamic_behavior_set/{set_id}/").status_code == 404


def test_filters_combine_with_and_values_with_or(api: httpx.Client, run_tag: str) -> None:
    a = create(
        api, f"A {run_tag}", tags={run_tag: "x", "tier": "gold"}, applied_to_services=[SUPPORT]
    )
    b = create(
        api, f"B {run_tag}", tags={run_tag: "y", "tier": None}, applied_to_services=[SCHEDULING]
    )
    c = create(api, f"C {run_tag}", tags={run_tag: "x"}, initial_version={"is_active": False})

    def ids(**params: Any) -> set[str]:
        return {s["id"] for s in listed(api, **params)["dynamic_behavior_sets"]}

    assert ids(tag=f"{run_tag}:*") == {a, b, c}
    assert ids(tag=f"{run_tag}:x") == {a, c}
    assert ids(tag=[f"{run_tag}:y", f"{run_tag}:x"]) == {a, b, c}  # OR within a filter
    assert ids(tag=f"{run_tag}:*", is_active="false") == {c}  # AND across filters
    assert ids(tag=f"{run_tag}:*", is_active="true") == {a, b}
    assert ids(tag=f"{run_tag}:*", applied_to_service=SCHEDULING) == {b}
    assert ids(tag=f"{run_tag}:*", applied_to_service=[SCHEDULING, SUPPORT]) == {a, b}
    assert ids(tag="tier:") >= {b} and a not in ids(tag="tier:")  # null value
    assert ids(tag=f"{run_tag}:*", id=[a, c]) == {a, c}
    me = f"{DEMO_ORGANIZATION},{DEMO_USER_ID}"
    assert ids(tag=f"{run_tag}:*", creator=me) == {a, b, c}
    assert ids(tag=f"{run_tag}:*", creator=f"{DEMO_ORGANIZATION},{DEMO_COLLEAGUE_USER_ID}") == set()


def test_sort_by_updated_at(api: httpx.Client, run_tag: str) -> None:
    made = [create(api, f"Sorted {i} {run_tag}", tags={run_tag: None}) for i in range(3)]
    api.post(f"/dynamic_behavior_set/{made[0]}/", json={"tags": {run_tag: "touched"}})
    newest_first = [
        s["id"]
        for s in listed(api, tag=f"{run_tag}:*", sort_by="-updated_at")["dynamic_behavior_sets"]
    ]
    oldest_first = [
        s["id"]
        for s in listed(api, tag=f"{run_tag}:*", sort_by="+updated_at")["dynamic_behavior_sets"]
    ]
    assert newest_first == [made[0], made[2], made[1]]
    assert oldest_first == list(reversed(newest_first))


def test_pagination_is_stable_and_filter_values_come_on_the_first_page(
    api: httpx.Client, run_tag: str
) -> None:
    made = [create(api, f"Page {i} {run_tag}", tags={run_tag: str(i)}) for i in range(7)]
    seen: list[str] = []
    token = 0
    pages = 0
    while True:
        page = listed(api, tag=f"{run_tag}:*", limit=3, continuation_token=token)
        pages += 1
        if token == 0:
            values = page["filter_values"]
            assert run_tag in values["tags"]
            assert {"org_id": DEMO_ORGANIZATION, "user_id": DEMO_USER_ID} in values["creators"]
            assert SUPPORT in values["applied_to_services_ids"]  # values over the whole org
        else:
            assert page["filter_values"] is None
        seen += [s["id"] for s in page["dynamic_behavior_sets"]]
        if not page["has_more"]:
            assert page["continuation_token"] is None
            break
        assert page["continuation_token"] == len(seen)
        token = page["continuation_token"]
    assert pages == 3
    assert seen == made  # every set once, in a stable order
    assert listed(api, tag=f"{run_tag}:*", limit=0)["dynamic_behavior_sets"] == []


MANY_SERVICES = [f"{n:024x}" for n in (0xA1, 0xA2, 0xA3)]
TAG_CHOICES: dict[str, list[str | None]] = {"tier": ["gold", "silver", None], "team": ["a", "b"]}


def _documented_list(sets: list[dict[str, Any]], query: dict[str, Any]) -> dict[str, Any]:
    """What the list operation answers for `query`, by its documents: `sets` (oldest first)
    filtered (values of one filter OR-ed, filters AND-ed), sorted stably, cut to one page;
    `filter_values` over every set, on the first page only."""

    def tag_passes(tags: dict[str, str | None], text: str) -> bool:
        key, _, value = text.partition(":")
        if key not in tags:
            return False
        return value == "*" or (tags[key] is None if value == "" else tags[key] == value)

    def passes(item: dict[str, Any]) -> bool:
        creator = f"{item['creator']['org_id']},{item['creator']['user_id']}"
        return (
            (not query["id"] or item["id"] in query["id"])
            and (query["is_active"] is None or item["is_active"] == query["is_active"])
            and (
                not query["applied_to_service"]
                or bool(set(query["applied_to_service"]) & set(item["applied_to_services"]))
            )
            and (not query["creator"] or creator in query["creator"])
            and (not query["tag"] or any(tag_passes(item["tags"], t) for t in query["tag"]))
        )

    chosen = [item for item in sets if passes(item)]
    for key in reversed(query["sort_by"]):
        chosen.sort(key=lambda item: item["updated_at"], reverse=key.startswith("-"))
    start = max(0, query["continuation_token"])
    page = chosen[start : start + query["limit"]]
    following = start + len(page)
    creators: list[dict[str, str]] = []
    for item in sets:
        if item["creator"] not in creators:
            creators.append(item["creator"])
    values = {
        "applied_to_services_ids": sorted({s for i in sets for s in i["applied_to_services"]}),
        "creators": creators,
        "tags": sorted({key for item in sets for key in item["tags"]}),
    }
    return {
        "dynamic_behavior_sets": page,
        "has_more": following < len(chosen),
        "continuation_token": following if following < len(chosen) else None,
        "filter_values": values if query["continuation_token"] <= 0 else None,
    }


def test_many_sets_page_and_filter_as_documented(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    """Sixty sets of two users in an organization of their own, made at times with ties and some
    updated later: every combination of filters, sort, limit and continuation token answers
    what filtering, sorting and paging the sets as made gives."""
    organization = f"amigo-sets-{uuid.uuid4().hex[:8]}"
    users = [sandbox.add_user(organization=organization)["user_id"] for _ in range(2)]
    base = f"{sandbox.base_url}/v1/{organization}"

    def client(user_id: str) -> httpx.Client:
        token = admin.issue_token(
            sandbox.sandbox, {"organization": organization, "user_id": user_id}
        )["id_token"]
        return http_client(base, headers={"Authorization": f"Bearer {token}"}, timeout=10)

    def at(seconds: int) -> str:
        moment = STOPPED_AT + timedelta(seconds=seconds)
        sandbox.set_clock(moment, stopped=True)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    draw = random.Random(23)
    made: list[dict[str, Any]] = []
    with client(users[0]) as first, client(users[1]) as second:
        apis = [first, second]
        for n in range(60):
            when = at(n // 3)  # three sets share each moment
            author = draw.randrange(2)
            tags = {k: draw.choice(v) for k, v in TAG_CHOICES.items() if draw.random() < 0.6}
            services = draw.sample(MANY_SERVICES, draw.randrange(len(MANY_SERVICES) + 1))
            active = draw.random() < 0.7
            name = f"Many {n} {organization}"
            set_id = create(
                apis[author],
                name,
                tags=tags,
                applied_to_services=services,
                initial_version={"is_active": active},
            )
            creator = {"org_id": organization, "user_id": users[author]}
            made.append(
                {
                    "id": set_id,
                    "name": name,
                    "is_active": active,
                    "applied_to_services": services,
                    "tags": tags,
                    "created_at": when,
                    "creator": creator,
                    "updated_at": when,
                    "updated_by": creator,
                }
            )
        for n, item in enumerate(made[::7]):  # updated later, by the other user
            item["updated_at"] = at(100 - n)
            editor = 1 - users.index(item["creator"]["user_id"])
            item["updated_by"] = {"org_id": organization, "user_id": users[editor]}
            item["tags"] = {"team": "b"}
            answer = apis[editor].post(
                f"/dynamic_behavior_set/{item['id']}/", json={"tags": {"team": "b"}}
            )
            assert answer.status_code == 204, answer.text

        creators = [f"{organization},{u}" for u in users] + [f"{organization},{'f' * 24}"]
        tag_filters = ["tier:gold", "tier:silver", "tier:", "tier:*", "team:a", "team:*", "x:*"]
        queries = st.fixed_dictionaries(
            {
                "id": st.lists(st.sampled_from([i["id"] for i in made]), max_size=8, unique=True),
                "is_active": st.sampled_from([None, True, False]),
                "applied_to_service": st.lists(st.sampled_from(MANY_SERVICES), unique=True),
                "creator": st.lists(st.sampled_from(creators), max_size=2, unique=True),
                "tag": st.lists(st.sampled_from(tag_filters), max_size=2, unique=True),
                "sort_by": st.sampled_from(
                    [[], ["+updated_at"], ["-updated_at"], ["-updated_at", "+updated_at"]]
                ),
                "limit": st.integers(0, 50),
                "continuation_token": st.integers(-2, 65),
            }
        )

        @settings(max_examples=80)
        @given(queries)
        def answers_as_documented(query: dict[str, Any]) -> None:
            params = {k: v for k, v in query.items() if v not in (None, [])}
            if "is_active" in params:
                params["is_active"] = str(params["is_active"]).lower()
            assert listed(first, **params) == _documented_list(made, query)

        answers_as_documented()


def test_versions_are_numbered_and_the_version_query_is_an_optimistic_check(
    api: httpx.Client,
) -> None:
    set_id = create(api, f"Versioned {uuid.uuid4().hex[:8]}")
    body = {"conversation_triggers": ["user says bye"], "actions": [inject("Say bye.")]}
    assert api.post(f"/dynamic_behavior_set/{set_id}/version/", json=body).json() == {
        "new_version_number": 2
    }
    stale = api.post(f"/dynamic_behavior_set/{set_id}/version/", params={"version": 2}, json=body)
    assert stale.status_code == 400
    assert "3" in stale.json()["detail"]
    ok = api.post(f"/dynamic_behavior_set/{set_id}/version/", params={"version": 3}, json=body)
    assert ok.status_code == 201 and ok.json() == {"new_version_number": 3}
    for _ in range(3):
        api.post(f"/dynamic_behavior_set/{set_id}/version/", json=body)
    assert versions(api, set_id) == [1, 2, 3, 4, 5, 6]
    assert versions(api, set_id, version="3") == [3]
    assert versions(api, set_id, version="latest") == [6]
    assert versions(api, set_id, version="2-5") == [2, 3, 4, 5]
    assert versions(api, set_id, version="1-latest") == [1, 2, 3, 4, 5, 6]
    assert versions(api, set_id, version="9") == []
    assert versions(api, set_id, sort_by="-version", limit=2) == [6, 5]
    page = api.get(
        f"/dynamic_behavior_set/{set_id}/version/", params={"limit": 4, "continuation_token": 4}
    ).json()
    assert [v["version"] for v in page["dynamic_behavior_set_versions"]] == [5, 6]
    assert page["has_more"] is False
    bad = api.get(f"/dynamic_behavior_set/{set_id}/version/", params={"version": "newest"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "version"]
    # The set itself records the change.
    item = listed(api, id=set_id)["dynamic_behavior_sets"][0]
    assert item["updated_at"] > item["created_at"]


def test_search_matches_name_and_latest_triggers_ranked(api: httpx.Client, run_tag: str) -> None:
    word = f"zq{uuid.uuid4().hex[:6]}"
    in_name = create(api, f"{word} handler", tags={run_tag: None})
    in_trigger = create(
        api,
        f"Trigger only {run_tag}",
        tags={run_tag: None},
        initial_version={"conversation_triggers": [f"user mentions {word}"]},
    )
    only_old = create(
        api,
        f"Old trigger {run_tag}",
        initial_version={"conversation_triggers": [f"user mentions {word}"]},
    )
    api.post(
        f"/dynamic_behavior_set/{only_old}/version/",
        json={"conversation_triggers": ["something else"], "actions": []},
    )
    found = api.get("/dynamic_behavior_set/search", params={"query": word}).json()[
        "dynamic_behavior_sets"
    ]
    assert [s["id"] for s in found] == [
        in_name,
        in_trigger,
    ]  # name outranks trigger; old versions ignored
    inactive = api.get(
        "/dynamic_behavior_set/search", params={"query": word, "is_active": "false"}
    ).json()
    assert inactive["dynamic_behavior_sets"] == []
    assert set(found[0]) >= {"id", "name", "is_active", "tags", "creator", "updated_by"}


def test_search_returns_at_most_fifty(api: httpx.Client, run_tag: str) -> None:
    word = f"bulk{uuid.uuid4().hex[:6]}"
    for i in range(53):
        create(api, f"{word} {i}", tags={run_tag: None})
    found = api.get("/dynamic_behavior_set/search", params={"query": word}).json()[
        "dynamic_behavior_sets"
    ]
    assert len(found) == 50


def test_demo_search_finds_refunds_by_trigger_words(api: httpx.Client) -> None:
    found = api.get("/dynamic_behavior_set/search", params={"query": "charged twice"}).json()
    assert found["dynamic_behavior_sets"][0]["id"] == DEMO_BEHAVIOR_SET_IDS["refunds"]


def test_invocations_are_stored_per_set_and_paginated(
    sandbox: RunningSandbox, api: httpx.Client
) -> None:
    set_id = create(api, f"Invoked {uuid.uuid4().hex[:8]}")
    assert api.get(f"/dynamic_behavior_set/{set_id}/invocation/").json() == {
        "dynamic_behavior_invocations": [],
        "has_more": False,
        "continuation_token": None,
    }
    with admin_client(sandbox.base_url) as admin:
        seeded = admin.post(
            "/invocations",
            json={
                "dynamic_behavior_set_id": set_id,
                "invocations": [
                    {"invoked_at": "2025-05-03T10:00:00Z", "agent_message_id": None},
                    {"invoked_at": "2025-05-01T10:00:00Z", "external_event_message_ids": ["e1"]},
                    {"invoked_at": "2025-05-02T10:00:00Z", "version": 1},
                ],
            },
        )
    assert seeded.status_code == 201 and len(seeded.json()["invocation_ids"]) == 3
    page = api.get(
        f"/dynamic_behavior_set/{set_id}/invocation/", params={"sort_by": "+invoked_at", "limit": 2}
    )
    body = page.json()
    assert [i["invoked_at"][:10] for i in body["dynamic_behavior_invocations"]] == [
        "2025-05-01",
        "2025-05-02",
    ]
    assert body["has_more"] is True and body["continuation_token"] == 2
    first = body["dynamic_behavior_invocations"][0]
    assert first["dynamic_behavior_set_version_info"] == [set_id, 1]
    assert first["external_event_message_ids"] == ["e1"]
    newest = api.get(
        f"/dynamic_behavior_set/{set_id}/invocation/", params={"sort_by": "-invoked_at"}
    ).json()
    assert newest["dynamic_behavior_invocations"][0]["agent_message_id"] is None


def test_demo_sets_have_versions_and_invocations(api: httpx.Client) -> None:
    refunds = DEMO_BEHAVIOR_SET_IDS["refunds"]
    assert versions(api, refunds)[:3] == [1, 2, 3]  # other tests may add later versions
    latest = api.get(
        f"/dynamic_behavior_set/{refunds}/version/", params={"version": "latest"}
    ).json()
    kinds = [a["type"] for a in latest["dynamic_behavior_set_versions"][0]["actions"]]
    assert kinds == ["inject-instruction", "change-tool-candidates"]
    invocations = api.get(f"/dynamic_behavior_set/{refunds}/invocation/").json()
    assert invocations["has_more"] is False
    assert len(invocations["dynamic_behavior_invocations"]) >= 15  # 8 + 2 + 5 seeded
