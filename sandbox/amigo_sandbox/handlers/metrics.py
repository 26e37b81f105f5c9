"""Metrics: listing and search, evaluation on a stored conversation, and stored results.

The sandbox cannot run a language model, so an evaluation is deterministic: the value follows
from the metric, its version, the conversation and the last interaction evaluated. Repeating a
call gives the same answer; the justification says how it was obtained, and the references quote
the conversation.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from typing import Any

from amigo_sandbox.errors import ApiError, invalid_field, not_found
from amigo_sandbox.handlers.base import Call, Reply, handles, user_reference
from amigo_sandbox.listing import (
    SEARCH_LIMIT,
    any_in,
    creator_matches,
    distinct_creators,
    paginate,
    relevance,
    sort_items,
    tag_matches,
)
from amigo_sandbox.store import dumps, loads
from amigo_sandbox.values import format_timestamp, new_object_id, parse_timestamp

SOURCE_TYPES = ("post-session", "manual", "simulation")


def result_json(row: sqlite3.Row) -> dict[str, Any]:
    """A stored result. `source.type` is always written, as a server that writes out defaults
    does; results are replaced rather than edited, so `updated_at` is `created_at`."""
    references = loads(row["refs"])
    source: dict[str, Any]
    if row["source_type"] == "manual":
        source = {
            "type": "manual",
            "conversation_id": row["conversation_id"],
            "evaluate_to_interaction_id": row["evaluate_to_interaction_id"],
            "invoked_by": user_reference(row["invoked_by_org"], row["invoked_by_user"]),
            "references": references,
        }
    elif row["source_type"] == "simulation":
        source = {
            "type": "simulation",
            "simulation_unit_test_set_run_id": row["simulation_unit_test_set_run_id"],
            "unit_test_id": row["unit_test_id"],
            "run_index": row["run_index"],
            "references": references,
        }
    else:
        source = {
            "type": "post-session",
            "conversation_id": row["conversation_id"],
            "references": references,
        }
    return {
        "id": row["id"],
        "org_id": row["org_id"],
        "metric_id": row["metric_id"],
        "metric_version": row["metric_version"],
        "result": loads(row["result"]),
        "justification": row["justification"],
        "source": source,
        "created_at": row["created_at"],
        "updated_at": row["created_at"],
    }


def metric_json(row: sqlite3.Row) -> dict[str, Any]:
    creator = user_reference(row["creator_org"], row["creator_user"])
    return {
        "id": row["id"],
        "org_id": row["org_id"],
        "name": row["name"],
        "applied_to_services": loads(row["applied_to_services"]),
        "additional_notes": row["description"],
        "tags": loads(row["tags"]),
        "creator": creator,
        "updated_by": creator,
        "metric_value_type": row["value_type"],
        "is_deleted": bool(row["is_deleted"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def _metrics_of(call: Call) -> list[dict[str, Any]]:
    """The organization's metrics that pass the filters list and search share."""
    rows = call.conn.execute(
        "SELECT * FROM metrics WHERE org_id = ? ORDER BY seq", (call.organization,)
    )
    types = set(call.query("type") or [])
    return [
        metric
        for metric in map(metric_json, rows)
        if (not types or metric["metric_value_type"] in types)
        and any_in(metric["applied_to_services"], call.query("applied_to_service"))
        and creator_matches(metric["creator"], call.query("creator"))
        and tag_matches([(tag["key"], tag["value"]) for tag in metric["tags"]], call.query("tag"))
    ]


@handles("get-metrics")
def list_metrics(call: Call) -> Reply:
    everything = _metrics_of(call)
    ids = set(call.query("id") or [])
    deleted = call.query("is_deleted", False)
    chosen = [m for m in everything if (not ids or m["id"] in ids) and m["is_deleted"] == deleted]
    chosen = sort_items(chosen, call.query("sort_by"), lambda item, field: item[field])
    token = call.query("continuation_token", 0)
    page = paginate(chosen, call.query("limit", 50), token)
    filter_values = {
        "applied_to_services_ids": sorted(
            {s for m in everything for s in m["applied_to_services"]}
        ),
        "creators": distinct_creators(everything),
        "tags": sorted({tag["key"] for m in everything for tag in m["tags"]}),
        "types": sorted({m["metric_value_type"] for m in everything}),
    }
    return Reply(
        200,
        page.body("metrics", filter_values=filter_values if token <= 0 else None),
    )


@handles("search-metrics")
def search_metrics(call: Call) -> Reply:
    query = call.query("query")
    scored = [
        (score, metric)
        for metric in _metrics_of(call)
        if not metric["is_deleted"] and (score := relevance(query, metric["name"])) > 0
    ]
    scored.sort(key=lambda pair: pair[0], reverse=True)
    found = [{"_id": m["id"], **{k: v for k, v in m.items() if k != "id"}} for _, m in scored]
    return Reply(200, {"metrics": found[:SEARCH_LIMIT]})


def insert_metric(
    conn: sqlite3.Connection,
    *,
    metric_id: str,
    org_id: str,
    creator: tuple[str, str],
    name: str,
    description: str,
    value_type: str,
    latest_version: int,
    applied_to_services: list[str],
    tags: list[dict[str, str | None]],
    created_at: str,
    updated_at: str,
    categories: list[str] | None = None,
    lower_bound: float | None = None,
    upper_bound: float | None = None,
    applies_when: str | None = None,
) -> None:
    """A metric, as the API cannot create one (an administrative helper: the demo data)."""
    conn.execute(
        "INSERT INTO metrics (id, org_id, name, description, value_type, categories, "
        "lower_bound, upper_bound, applies_when, latest_version, applied_to_services, tags, "
        "is_deleted, creator_org, creator_user, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
        (
            metric_id,
            org_id,
            name,
            description,
            value_type,
            None if categories is None else dumps(categories),
            lower_bound,
            upper_bound,
            applies_when,
            latest_version,
            dumps(applied_to_services),
            dumps(tags),
            *creator,
            created_at,
            updated_at,
        ),
    )


def insert_result(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    metric_id: str,
    metric_version: int,
    result: Any,
    justification: str,
    references: list[str],
    source_type: str,
    created_at: str,
    conversation_id: str | None = None,
    evaluate_to_interaction_id: str | None = None,
    invoked_by: tuple[str, str] | None = None,
    simulation_unit_test_set_run_id: str | None = None,
    unit_test_id: str | None = None,
    run_index: int | None = None,
) -> str:
    result_id = new_object_id(created_at)
    conn.execute(
        "INSERT INTO metric_results (id, org_id, metric_id, metric_version, result, "
        "justification, source_type, conversation_id, evaluate_to_interaction_id, "
        "invoked_by_org, invoked_by_user, simulation_unit_test_set_run_id, unit_test_id, "
        "run_index, refs, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            result_id,
            org_id,
            metric_id,
            metric_version,
            dumps(result),
            justification,
            source_type,
            conversation_id,
            evaluate_to_interaction_id,
            invoked_by[0] if invoked_by else None,
            invoked_by[1] if invoked_by else None,
            simulation_unit_test_set_run_id,
            unit_test_id,
            run_index,
            dumps(references),
            created_at,
        ),
    )
    return result_id


def _quote(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def evaluate(
    metric: sqlite3.Row, conversation_id: str, interactions: list[sqlite3.Row]
) -> dict[str, Any]:
    """The deterministic evaluation of one metric (latest version) on some interactions."""
    last = interactions[-1]
    seed = f"{metric['id']}:{metric['latest_version']}:{conversation_id}:{last['id']}"
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    transcript = " ".join(f"{i['user_message']} {i['agent_message']}" for i in interactions)
    references = [
        f'User: "{_quote(interactions[0]["user_message"])}"',
        f'Agent: "{_quote(last["agent_message"])}"',
    ]
    count = f"{len(interactions)} interaction{'s' if len(interactions) != 1 else ''}"
    applies_when = metric["applies_when"]
    value: Any
    if applies_when and not re.search(applies_when, transcript, re.IGNORECASE):
        value = None
        why = f"not applicable: nothing in the {count} evaluated matches what this metric is about"
        references = []
    elif metric["value_type"] == "boolean":
        value = number % 3 != 0
        why = f"judged {'met' if value else 'not met'} over {count}"
    elif metric["value_type"] == "numerical":
        low, high = int(metric["lower_bound"]), int(metric["upper_bound"])
        value = low + number % (high - low + 1)
        why = f"scored {value} on a scale of {low} to {high} over {count}"
    else:
        categories = loads(metric["categories"]) or ["other"]
        value = categories[number % len(categories)]
        why = f"classified as {value!r} over {count}"
    justification = (
        f"{metric['name']} (version {metric['latest_version']}) {why}. Sandbox evaluation: the "
        "value is derived deterministically from the conversation, so repeated calls agree."
    )
    return {
        "metric_id": metric["id"],
        "value": value,
        "references": references,
        "justification": justification,
    }


@handles("evaluate-metrics")
def evaluate_metrics(call: Call) -> Reply:
    body = call.request.body
    conversation_id = body["conversation_id"]
    if (
        call.conn.execute(
            "SELECT 1 FROM conversations WHERE org_id = ? AND id = ?",
            (call.organization, conversation_id),
        ).fetchone()
        is None
    ):
        raise not_found(f"Conversation {conversation_id}")
    metrics = []
    for metric_id in body["metric_ids"]:
        metric = call.conn.execute(
            "SELECT * FROM metrics WHERE org_id = ? AND id = ?", (call.organization, metric_id)
        ).fetchone()
        if metric is None:
            raise not_found(f"Metric {metric_id}")
        metrics.append(metric)
    interactions = list(
        call.conn.execute(
            "SELECT * FROM interactions WHERE conversation_id = ? ORDER BY position",
            (conversation_id,),
        )
    )
    if not interactions:
        raise ApiError(400, "The conversation has no interactions.", error_code="no_interactions")
    upto = body.get("evaluate_to_interaction_id")
    if upto is not None:
        index = next((i for i, row in enumerate(interactions) if row["id"] == upto), None)
        if index is None:
            raise not_found(f"Interaction {upto} of conversation {conversation_id}")
        interactions = interactions[: index + 1]
    evaluated = []
    for metric in metrics:
        outcome = evaluate(metric, conversation_id, interactions)
        evaluated.append(outcome)
        call.conn.execute(
            "DELETE FROM metric_results WHERE org_id = ? AND metric_id = ? "
            "AND source_type = 'manual' AND conversation_id = ?",
            (call.organization, metric["id"], conversation_id),
        )
        insert_result(
            call.conn,
            org_id=call.organization,
            metric_id=metric["id"],
            metric_version=metric["latest_version"],
            result=outcome["value"],
            justification=outcome["justification"],
            references=outcome["references"],
            source_type="manual",
            created_at=call.timestamp,
            conversation_id=conversation_id,
            evaluate_to_interaction_id=upto,
            invoked_by=(call.user.org_id, call.user.user_id),
        )
    return Reply(200, {"metrics": evaluated})


def _timestamp_bound(call: Call, name: str) -> str | None:
    text = call.query(name)
    if text is None:
        return None
    try:
        return format_timestamp(parse_timestamp(text))
    except ValueError as exc:
        raise invalid_field(
            ["query", name], "Input should be a valid datetime", text, "datetime_parsing"
        ) from exc


@handles("get-metric-evaluation-results")
def list_results(call: Call) -> Reply:
    after = _timestamp_bound(call, "timestamp_after")
    before = _timestamp_bound(call, "timestamp_before")
    metric_ids = set(call.query("metric_id") or [])
    versions = {
        (text.rsplit("-", 1)[0], int(text.rsplit("-", 1)[1]))
        for text in call.query("metric_id_and_version") or []
    }
    sources = set(call.query("source_type") or [])
    conversations = set(call.query("conversation_id") or [])
    runs = set(call.query("simulation_unit_test_set_run_id") or [])
    chosen: list[tuple[str, dict[str, Any]]] = []
    everything = list(
        call.conn.execute(
            "SELECT * FROM metric_results WHERE org_id = ? ORDER BY seq", (call.organization,)
        )
    )
    for row in everything:
        if (
            (metric_ids and row["metric_id"] not in metric_ids)
            or (versions and (row["metric_id"], row["metric_version"]) not in versions)
            or (sources and row["source_type"] not in sources)
            or (conversations and row["conversation_id"] not in conversations)
            or (runs and row["simulation_unit_test_set_run_id"] not in runs)
            or (after is not None and row["created_at"] <= after)
            or (before is not None and row["created_at"] >= before)
        ):
            continue
        chosen.append((row["created_at"], result_json(row)))
    ordered = sort_items(chosen, call.query("sort_by"), lambda pair, field: pair[0])
    token = call.query("continuation_token", 0)
    page = paginate([item for _, item in ordered], call.query("limit", 500), token)
    filter_values = {"metric_ids": sorted({row["metric_id"] for row in everything})}
    return Reply(
        200,
        page.body("metric_evaluation_results", filter_values=filter_values if token <= 0 else None),
    )
