"""Metrics in the sandbox: deterministic evaluation, stored manual results, result queries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from amigo_sandbox.demo import (
    DEMO_COLLEAGUE_USER_ID,
    DEMO_CONVERSATION_IDS,
    DEMO_EMPTY_CONVERSATION_ID,
    DEMO_METRIC_IDS,
    DEMO_ORGANIZATION,
    DEMO_SIMULATION_RUN_ID,
    demo_id,
)
from amigo_sandbox.server import RunningSandbox
from amigo_sandbox.values import format_timestamp, parse_timestamp
from testing.sandbox_http import api_client

REFUND = DEMO_CONVERSATION_IDS["refund"]
ESCALATION = DEMO_CONVERSATION_IDS["escalation"]
ALL_METRICS = list(DEMO_METRIC_IDS.values())


@pytest.fixture
def api(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with api_client(sandbox) as client:
        yield client


def evaluate(
    api: httpx.Client, conversation_id: str, metric_ids: list[str], **extra: Any
) -> httpx.Response:
    return api.post(
        "/metric/evaluate",
        json={"metric_ids": metric_ids, "conversation_id": conversation_id, **extra},
    )


def results(api: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    answer = api.get("/metric/metric_evaluation_result", params=params)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["metric_evaluation_results"])


def test_evaluation_is_deterministic_typed_and_explained(api: httpx.Client) -> None:
    first = evaluate(api, ESCALATION, ALL_METRICS)
    assert first.status_code == 200
    metrics = first.json()["metrics"]
    assert [m["metric_id"] for m in metrics] == ALL_METRICS  # request order
    assert evaluate(api, ESCALATION, ALL_METRICS).json() == first.json()
    by_id = {m["metric_id"]: m for m in metrics}
    assert by_id[DEMO_METRIC_IDS["satisfaction"]]["value"] in range(1, 6)
    assert isinstance(by_id[DEMO_METRIC_IDS["resolved"]]["value"], bool)
    assert by_id[DEMO_METRIC_IDS["topic"]]["value"] in {
        "billing",
        "scheduling",
        "technical",
        "clinical",
        "other",
    }
    assert by_id[DEMO_METRIC_IDS["empathy"]]["value"] in range(0, 11)
    assert isinstance(
        by_id[DEMO_METRIC_IDS["escalation"]]["value"], bool
    )  # the user asked for a manager
    for metric in metrics:
        assert metric["justification"]
        assert metric["references"] and all(isinstance(r, str) for r in metric["references"])


def test_a_metric_that_does_not_apply_is_null(api: httpx.Client) -> None:
    (metric,) = evaluate(api, REFUND, [DEMO_METRIC_IDS["escalation"]]).json()["metrics"]
    assert metric["value"] is None
    assert "not applicable" in metric["justification"]


def test_evaluate_to_interaction_stops_early(api: httpx.Client) -> None:
    first_turn = demo_id("interaction:escalation:0")
    partial = evaluate(
        api, ESCALATION, [DEMO_METRIC_IDS["resolved"]], evaluate_to_interaction_id=first_turn
    )
    (metric,) = partial.json()["metrics"]
    assert "1 interaction" in metric["justification"]
    assert "line check" in metric["references"][-1]  # the first agent answer, nothing later
    unknown = evaluate(
        api, ESCALATION, [DEMO_METRIC_IDS["resolved"]], evaluate_to_interaction_id="0" * 24
    )
    assert unknown.status_code == 404


def test_errors(api: httpx.Client) -> None:
    empty = evaluate(api, DEMO_EMPTY_CONVERSATION_ID, [DEMO_METRIC_IDS["resolved"]])
    assert (
        empty.status_code == 400
        and empty.json()["detail"] == "The conversation has no interactions."
    )
    assert evaluate(api, "0" * 24, [DEMO_METRIC_IDS["resolved"]]).status_code == 404
    assert evaluate(api, REFUND, ["0" * 24]).status_code == 404
    assert evaluate(api, REFUND, []).json()["detail"][0]["loc"] == ["body", "metric_ids"]
    eleven = evaluate(api, REFUND, [f"{i:024x}" for i in range(11)])
    assert eleven.json()["detail"][0]["type"] == "too_long"


def test_results_are_stored_as_manual_replacing_the_earlier_one(sandbox: RunningSandbox) -> None:
    metric = DEMO_METRIC_IDS["satisfaction"]
    conversation = DEMO_CONVERSATION_IDS["reschedule"]
    with api_client(sandbox) as api, api_client(sandbox, DEMO_COLLEAGUE_USER_ID) as colleague:
        evaluate(api, conversation, [metric])
        evaluate(colleague, conversation, [metric])
        stored = results(api, source_type="manual", conversation_id=conversation, metric_id=metric)
        # The post-session result of the same conversation and metric is left alone.
        assert (
            len(
                results(
                    api, source_type="post-session", conversation_id=conversation, metric_id=metric
                )
            )
            == 1
        )
    assert len(stored) == 1
    (result,) = stored
    assert result["metric_version"] == 2  # the metric's latest version
    assert result["source"]["type"] == "manual"
    assert result["source"]["invoked_by"] == {
        "org_id": DEMO_ORGANIZATION,
        "user_id": DEMO_COLLEAGUE_USER_ID,
    }
    assert result["source"]["evaluate_to_interaction_id"] is None
    assert result["source"]["references"]


def test_result_filters_and_order(api: httpx.Client) -> None:
    simulation = results(api, simulation_unit_test_set_run_id=DEMO_SIMULATION_RUN_ID)
    assert len(simulation) == 4
    assert {r["source"]["type"] for r in simulation} == {"simulation"}
    assert {r["source"]["run_index"] for r in simulation} == {0, 1}
    resolved = DEMO_METRIC_IDS["resolved"]
    v3 = results(api, metric_id_and_version=f"{resolved}-3", source_type="post-session")
    assert len(v3) == 3 and all(r["metric_version"] == 3 for r in v3)
    assert results(api, metric_id_and_version=f"{resolved}-9") == []
    window = results(
        api, timestamp_after="2025-05-13T12:00:00Z", timestamp_before="2025-05-15T00:00:00Z"
    )
    assert {r["source"].get("conversation_id") for r in window} == {ESCALATION}
    newest_first = results(
        api, sort_by="-created_at", source_type=["post-session", "simulation"], limit=1
    )
    assert newest_first[0]["source"]["type"] == "simulation"
    page = api.get(
        "/metric/metric_evaluation_result", params={"source_type": "post-session", "limit": 4}
    ).json()
    assert page["has_more"] is True and page["continuation_token"] == 4
    bad = api.get("/metric/metric_evaluation_result", params={"source_type": "automatic"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "source_type", 0]


def test_results_carry_timestamps_and_the_first_page_carries_filter_values(
    api: httpx.Client,
) -> None:
    everything = api.get("/metric/metric_evaluation_result").json()
    assert everything["has_more"] is False
    stored = everything["metric_evaluation_results"]
    every_metric = {"metric_ids": sorted({r["metric_id"] for r in stored})}
    assert everything["filter_values"] == every_metric
    # The values a filter can take, whatever the filters of this call.
    params: dict[str, Any] = {"source_type": "simulation", "limit": 1}
    first = api.get("/metric/metric_evaluation_result", params=params).json()
    assert first["filter_values"] == every_metric
    params["continuation_token"] = first["continuation_token"]
    second = api.get("/metric/metric_evaluation_result", params=params).json()
    assert second["metric_evaluation_results"] and second["filter_values"] is None
    # `created_at` is what the time filters and the sort read; a stored result is replaced,
    # never edited, so it was last updated when it was created.
    assert all(r["updated_at"] == r["created_at"] for r in stored)
    times = sorted(parse_timestamp(r["created_at"]) for r in stored)
    middle = format_timestamp(times[len(times) // 2])
    later = results(api, timestamp_after=middle, sort_by="-created_at")
    assert later and all(parse_timestamp(r["created_at"]) > times[len(times) // 2] for r in later)
    assert [r["created_at"] for r in later] == sorted(
        (r["created_at"] for r in later), reverse=True
    )
