"""Requests that break the spec get 422 with FastAPI-style items naming the field."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS, DEMO_SCENARIO_IN_USE_ID
from amigo_sandbox.server import RunningSandbox
from testing.sandbox_http import api_client
from tests.sandbox_support import inject, new_scenario_body, new_set_body

SET = DEMO_BEHAVIOR_SET_IDS["refunds"]


@pytest.fixture
def api(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with api_client(sandbox) as client:
        yield client


def detail(answer: httpx.Response) -> list[dict[str, Any]]:
    assert answer.status_code == 422, answer.text
    items: list[dict[str, Any]] = answer.json()["detail"]
    for item in items:
        assert set(item) >= {"loc", "msg", "type"}
    return items


def locs(answer: httpx.Response) -> list[list[str | int]]:
    return [item["loc"] for item in detail(answer)]


def test_path_and_query_parameters(api: httpx.Client) -> None:
    (bad_id,) = detail(api.get("/dynamic_behavior_set/1234/version/"))
    assert bad_id["loc"] == ["path", "dynamic_behavior_set_id"]
    assert bad_id["type"] == "string_pattern_mismatch" and bad_id["input"] == "1234"
    (too_big,) = detail(api.get("/dynamic_behavior_set/", params={"limit": 51}))
    assert too_big == {
        "type": "less_than_equal",
        "loc": ["query", "limit"],
        "msg": "Input should be less than or equal to 50",
        "input": 51,
        "ctx": {"le": 50},
    }
    (not_int,) = detail(api.get("/dynamic_behavior_set/", params={"continuation_token": "next"}))
    assert not_int["type"] == "int_parsing" and not_int["loc"] == ["query", "continuation_token"]
    (not_bool,) = detail(api.get("/dynamic_behavior_set/", params={"is_active": "yes please"}))
    assert not_bool["type"] == "bool_parsing"
    (enum,) = detail(api.get("/simulation/scenario/", params={"sort_by": "name"}))
    assert enum["loc"] == ["query", "sort_by", 0] and enum["type"] == "enum"
    assert "'+updated_at' or '-updated_at'" in enum["msg"]
    (item,) = detail(api.get("/dynamic_behavior_set/", params={"id": [SET, "nope"]}))
    assert item["loc"] == ["query", "id", 1]
    (missing,) = detail(api.get("/simulation/scenario/search"))
    assert missing == {
        "type": "missing",
        "loc": ["query", "query"],
        "msg": "Field required",
        "input": None,
    }
    (empty,) = detail(api.get("/simulation/scenario/search", params={"query": ""}))
    assert empty["type"] == "string_too_short"
    (tag,) = detail(api.get("/dynamic_behavior_set/", params={"tag": "no-colon"}))
    assert tag["loc"] == ["query", "tag", 0]
    (low,) = detail(
        api.post(f"/dynamic_behavior_set/{SET}/version/", params={"version": 1}, json={})
    )[:1]
    assert low["loc"] == ["query", "version"] and low["type"] == "greater_than"


def test_several_failures_are_reported_together(api: httpx.Client) -> None:
    answer = api.get(
        "/dynamic_behavior_set/", params={"limit": -1, "is_active": "x", "sort_by": "x"}
    )
    assert locs(answer) == [["query", "limit"], ["query", "is_active"], ["query", "sort_by", 0]]


def test_booleans_and_exploded_arrays_are_read_like_fastapi(api: httpx.Client) -> None:
    for text in ("true", "True", "1", "on", "yes"):
        assert api.get("/dynamic_behavior_set/", params={"is_active": text}).status_code == 200
    both = api.get(
        "/dynamic_behavior_set/", params=[("id", SET), ("id", DEMO_BEHAVIOR_SET_IDS["escalation"])]
    )
    assert len(both.json()["dynamic_behavior_sets"]) == 2
    unknown_parameters_are_ignored = api.get("/dynamic_behavior_set/", params={"colour": "blue"})
    assert unknown_parameters_are_ignored.status_code == 200


def test_bodies(api: httpx.Client) -> None:
    assert locs(api.post("/dynamic_behavior_set/")) == [["body"]]
    (bad_json,) = detail(
        api.post(
            "/dynamic_behavior_set/",
            content=b'{"name": ',
            headers={"Content-Type": "application/json"},
        )
    )
    assert bad_json["type"] == "json_invalid" and bad_json["loc"][0] == "body"
    assert locs(api.post("/dynamic_behavior_set/", json={})) == [
        ["body", "applied_to_services"],
        ["body", "initial_version"],
        ["body", "name"],
        ["body", "tags"],
    ]
    (empty_name,) = detail(api.post("/dynamic_behavior_set/", json=new_set_body("")))
    assert empty_name["loc"] == ["body", "name"] and empty_name["type"] == "string_too_short"
    too_many = new_set_body(
        "x", initial_version={"conversation_triggers": [f"t{i}" for i in range(51)]}
    )
    (triggers,) = detail(api.post("/dynamic_behavior_set/", json=too_many))
    assert triggers["loc"] == ["body", "initial_version", "conversation_triggers"]
    assert triggers["msg"] == "List should have at most 50 items after validation, not 51"
    blank_trigger = new_set_body("x", initial_version={"conversation_triggers": [""]})
    assert locs(api.post("/dynamic_behavior_set/", json=blank_trigger)) == [
        ["body", "initial_version", "conversation_triggers", 0]
    ]
    (wrong_type,) = detail(
        api.post("/dynamic_behavior_set/", json={**new_set_body("x"), "applied_to_services": "a"})
    )
    assert wrong_type["type"] == "list_type"


def test_actions_are_checked_by_their_type(api: httpx.Client) -> None:
    tool = {
        "type": "change-tool-candidates",
        "overrides_existing_tool_call_specs": True,
        "tool_call_specs": [
            {
                "tool_id": "x",
                "version_constraint": ">=1",
                "additional_instruction": "ok",
                "audio_fillers": ["a", "b", "c", "d", "e", "f"],
                "audio_filler_triggered_after": 0,
                "result_persistence": "forever",
                "tool_name": "t",
            }
        ],
    }
    body = {
        "conversation_triggers": ["t"],
        "actions": [inject("fine"), {"type": "dance"}, {"type": "inject-instruction"}, tool],
    }
    items = detail(api.post(f"/dynamic_behavior_set/{SET}/version/", json=body))
    by_loc = {tuple(item["loc"]): item for item in items}
    assert by_loc[("body", "actions", 1)]["type"] == "union_tag_invalid"
    assert ("body", "actions", 2, "inject-instruction", "instruction") in by_loc
    spec = ("body", "actions", 3, "change-tool-candidates", "tool_call_specs", 0)
    assert by_loc[(*spec, "tool_id")]["type"] == "string_pattern_mismatch"
    assert by_loc[(*spec, "audio_fillers")]["type"] == "too_long"
    assert by_loc[(*spec, "audio_filler_triggered_after")]["type"] == "greater_than"
    assert by_loc[(*spec, "result_persistence")]["type"] == "enum"
    assert len(items) == 7


def test_tags_and_dates(api: httpx.Client) -> None:
    bad_tags = new_scenario_body("x", tags={"ok": "fine", "bad key!": "v", "k": ""})
    assert locs(api.post("/simulation/scenario/", json=bad_tags)) == [
        ["body", "tags", "bad key!", "[key]"],
        ["body", "tags", "k"],
    ]
    when = new_scenario_body("x")
    when["initial_version"]["conversation_starts_at"] = "next tuesday"
    (date,) = detail(api.post("/simulation/scenario/", json=when))
    assert date["loc"] == ["body", "initial_version", "conversation_starts_at"]
    assert date["type"] == "datetime_parsing"
    enum = new_scenario_body("x")
    enum["initial_version"]["initial_message_type"] = "shout"
    (kind,) = detail(api.post("/simulation/scenario/", json=enum))
    assert kind["msg"] == "Input should be 'user-message', 'external-event' or 'skip'"


def test_validation_runs_before_anything_changes(
    sandbox: RunningSandbox, api: httpx.Client
) -> None:
    before = api.get(f"/simulation/scenario/{DEMO_SCENARIO_IN_USE_ID}/version/").json()
    bad = {
        "objective": "o",
        "instructions": "i",
        "initial_message_type": "skip",
    }  # no conversation_starts_at
    assert locs(api.post(f"/simulation/scenario/{DEMO_SCENARIO_IN_USE_ID}/version/", json=bad)) == [
        ["body", "conversation_starts_at"]
    ]
    assert api.get(f"/simulation/scenario/{DEMO_SCENARIO_IN_USE_ID}/version/").json() == before


def test_unknown_paths_and_methods(sandbox: RunningSandbox, api: httpx.Client) -> None:
    assert api.get("/no_such_thing/").status_code == 404
    assert api.get("/no_such_thing/").json() == {"detail": "Not Found"}
    assert api.put("/dynamic_behavior_set/").status_code == 405
    # "/search" is its own route, not an ID.
    assert api.get("/dynamic_behavior_set/search", params={"query": "refund"}).status_code == 200
    assert api.delete("/dynamic_behavior_set/search").status_code in (404, 405)


OBJECT_IDS = st.text("0123456789abcdef", min_size=24, max_size=24)
CREATORS = st.from_regex(r"\A[a-z0-9]{1,8},[a-z0-9]{1,8}\Z")
# Every array filter of IDs, services and creators refuses a repeated value; `tag` does not
# (SOURCES.md, F1). Path, required parameters, filter and the values it takes.
UNIQUE_FILTERS: list[tuple[str, dict[str, str], str, st.SearchStrategy[str]]] = [
    ("/dynamic_behavior_set/", {}, "id", OBJECT_IDS),
    ("/dynamic_behavior_set/", {}, "applied_to_service", OBJECT_IDS),
    ("/dynamic_behavior_set/", {}, "creator", CREATORS),
    ("/dynamic_behavior_set/search", {"query": "x"}, "applied_to_service", OBJECT_IDS),
    ("/dynamic_behavior_set/search", {"query": "x"}, "creator", CREATORS),
    ("/metric/metric_evaluation_result", {}, "metric_id", OBJECT_IDS),
    (
        "/metric/metric_evaluation_result",
        {},
        "metric_id_and_version",
        st.builds("{}-{}".format, OBJECT_IDS, st.integers(1, 99)),
    ),
    (
        "/metric/metric_evaluation_result",
        {},
        "source_type",
        st.sampled_from(["post-session", "manual", "simulation"]),
    ),
    ("/metric/metric_evaluation_result", {}, "conversation_id", OBJECT_IDS),
    ("/metric/metric_evaluation_result", {}, "simulation_unit_test_set_run_id", OBJECT_IDS),
    ("/simulation/scenario/", {}, "id", OBJECT_IDS),
    ("/simulation/scenario/", {}, "creator", CREATORS),
    ("/simulation/scenario/search", {"query": "x"}, "creator", CREATORS),
]


@given(data=st.data(), case=st.sampled_from(UNIQUE_FILTERS))
def test_array_filters_refuse_a_repeated_value(
    sandbox_server: RunningSandbox,
    data: st.DataObject,
    case: tuple[str, dict[str, str], str, st.SearchStrategy[str]],
) -> None:
    path, required, name, values = case
    distinct = data.draw(st.lists(values, min_size=1, max_size=3, unique=True), label="values")
    repeated = data.draw(st.sampled_from(distinct), label="repeated")
    with api_client(sandbox_server) as api:
        assert api.get(path, params={**required, name: distinct}).status_code == 200
        (item,) = detail(api.get(path, params={**required, name: [*distinct, repeated]}))
    assert item["type"] == "unique_items" and item["loc"] == ["query", name]


def test_a_repeated_tag_filter_is_accepted(api: httpx.Client) -> None:
    for path in ("/dynamic_behavior_set/", "/simulation/scenario/", "/metric/"):
        assert api.get(path, params={"tag": ["team:*", "team:*"]}).status_code == 200


def test_tags_hold_at_most_twenty_entries(api: httpx.Client) -> None:
    twenty = {f"tag {i}": None for i in range(20)}
    accepted = api.post("/dynamic_behavior_set/", json=new_set_body(uuid.uuid4().hex, tags=twenty))
    assert accepted.status_code == 201, accepted.text
    crowded = {**twenty, "one more": "v"}
    for path, body in (
        ("/dynamic_behavior_set/", new_set_body("x", tags=crowded)),
        ("/simulation/scenario/", new_scenario_body("x", tags=crowded)),
        (f"/simulation/scenario/{DEMO_SCENARIO_IN_USE_ID}/", {"tags": crowded}),
    ):
        (item,) = detail(api.post(path, json=body))
        assert item["loc"] == ["body", "tags"]
        assert item["msg"] == "Dictionary should have at most 20 items after validation, not 21"
        assert item["ctx"] == {"field_type": "Dictionary", "max_length": 20, "actual_length": 21}


def test_scenario_texts_are_not_empty(api: httpx.Client) -> None:
    content = new_scenario_body("x")["initial_version"]
    for field in ("objective", "instructions"):
        body = new_scenario_body("x", initial_version={**content, field: ""})
        (item,) = detail(api.post("/simulation/scenario/", json=body))
        assert item["loc"] == ["body", "initial_version", field]
        assert item["type"] == "string_too_short"
        path = f"/simulation/scenario/{DEMO_SCENARIO_IN_USE_ID}/version/"
        (item,) = detail(api.post(path, json={**content, field: ""}))
        assert item["loc"] == ["body", field]
    (name,) = detail(api.post("/simulation/scenario/", json=new_scenario_body("")))
    assert name["loc"] == ["body", "name"] and name["type"] == "string_too_short"
