"""Simulation scenarios: versioned test scripts, soft-deleted, guarded by unit tests."""

from __future__ import annotations

import sqlite3
from typing import Any

from amigo_sandbox.errors import ApiError, invalid_field, not_found
from amigo_sandbox.handlers.base import Call, Reply, handles, user_reference
from amigo_sandbox.listing import (
    SEARCH_LIMIT,
    creator_matches,
    distinct_creators,
    paginate,
    relevance,
    sort_items,
    tag_matches,
)
from amigo_sandbox.store import dumps, loads
from amigo_sandbox.values import format_timestamp, new_object_id, parse_timestamp
from amigo_sandbox.versions import VersionTable


def scenario_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "tags": loads(row["tags"]),
        "is_deleted": bool(row["is_deleted"]),
        "created_at": row["created_at"],
        "creator": user_reference(row["creator_org"], row["creator_user"]),
        "updated_at": row["updated_at"],
        "updated_by": user_reference(row["updated_by_org"], row["updated_by_user"]),
    }


def version_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "_id": row["id"],
        "org_id": row["org_id"],
        "simulation_scenario_id": row["scenario_id"],
        "version": row["version"],
        "objective": row["objective"],
        "instructions": row["instructions"],
        "initial_message_type": row["initial_message_type"],
        "conversation_starts_at": row["conversation_starts_at"],
        "creator": user_reference(row["creator_org"], row["creator_user"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def find_scenario(conn: sqlite3.Connection, org_id: str, scenario_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM scenarios WHERE org_id = ? AND id = ?", (org_id, scenario_id)
    ).fetchone()
    if row is None:
        raise not_found(f"Simulation scenario {scenario_id}")
    return row


VERSIONS = VersionTable(
    table="scenario_versions",
    owner_column="scenario_id",
    owner_noun="scenario",
    list_key="simulation_scenario_versions",
)


def _starts_at(value: str | None, loc: list[str | int]) -> str | None:
    if value is None:
        return None
    try:
        return format_timestamp(parse_timestamp(value))
    except ValueError as exc:
        raise invalid_field(
            loc, "Input should be a valid datetime", value, "datetime_parsing"
        ) from exc


def insert_scenario(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    user: tuple[str, str],
    name: str,
    tags: dict[str, str | None],
    content: dict[str, Any],
    timestamp: str,
    scenario_id: str | None = None,
) -> str:
    scenario_id = scenario_id or new_object_id(timestamp)
    conn.execute(
        "INSERT INTO scenarios (id, org_id, name, tags, is_deleted, created_at, creator_org, "
        "creator_user, updated_at, updated_by_org, updated_by_user) "
        "VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
        (scenario_id, org_id, name, dumps(tags), timestamp, *user, timestamp, *user),
    )
    insert_version(
        conn,
        org_id=org_id,
        scenario_id=scenario_id,
        version=1,
        user=user,
        content=content,
        timestamp=timestamp,
    )
    return scenario_id


def insert_version(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    scenario_id: str,
    version: int,
    user: tuple[str, str],
    content: dict[str, Any],
    timestamp: str,
) -> None:
    conn.execute(
        "INSERT INTO scenario_versions (id, org_id, scenario_id, version, objective, instructions, "
        "initial_message_type, conversation_starts_at, creator_org, creator_user, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_object_id(timestamp),
            org_id,
            scenario_id,
            version,
            content["objective"],
            content["instructions"],
            content["initial_message_type"],
            content["conversation_starts_at"],
            *user,
            timestamp,
            timestamp,
        ),
    )


def insert_unit_test(
    conn: sqlite3.Connection, org_id: str, name: str, scenario_id: str, timestamp: str
) -> str:
    unit_test_id = new_object_id(timestamp)
    conn.execute(
        "INSERT INTO unit_tests (id, org_id, name, scenario_id, created_at) VALUES (?, ?, ?, ?, ?)",
        (unit_test_id, org_id, name, scenario_id, timestamp),
    )
    return unit_test_id


def record_unit_test(conn: sqlite3.Connection, scenario_id: str, name: str, timestamp: str) -> str:
    """A unit test that uses a scenario, as the admin API adds one (the API has no operation
    that makes them); returns its ID."""
    row = conn.execute("SELECT org_id FROM scenarios WHERE id = ?", (scenario_id,)).fetchone()
    if row is None:
        raise not_found(f"Simulation scenario {scenario_id}")
    return insert_unit_test(conn, row["org_id"], name, scenario_id, timestamp)


def _scenarios_of(conn: sqlite3.Connection, org_id: str) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT * FROM scenarios WHERE org_id = ? ORDER BY seq", (org_id,))
    return [scenario_json(row) for row in rows]


def _name_taken(conn: sqlite3.Connection, org_id: str, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM scenarios WHERE org_id = ? AND name = ? AND is_deleted = 0", (org_id, name)
    ).fetchone()
    return row is not None


# --- operations --------------------------------------------------------------------------------


@handles("get-simulation-scenarios")
def list_scenarios(call: Call) -> Reply:
    everything = _scenarios_of(call.conn, call.organization)
    ids = set(call.query("id") or [])
    is_deleted = call.query("is_deleted")
    chosen = [
        s
        for s in everything
        if (not ids or s["id"] in ids)
        and (is_deleted is None or s["is_deleted"] == is_deleted)
        and creator_matches(s["creator"], call.query("creator"))
        and tag_matches(s["tags"], call.query("tag"))
    ]
    chosen = sort_items(chosen, call.query("sort_by"), lambda item, field: item[field])
    token = call.query("continuation_token", 0)
    page = paginate(chosen, call.query("limit", 50), token)
    filter_values = {
        "creators": distinct_creators(everything),
        "tags": sorted({key for item in everything for key in item["tags"]}),
    }
    return Reply(
        200,
        page.body("simulation_scenarios", filter_values=filter_values if token <= 0 else None),
    )


@handles("search-simulation-scenarios")
def search_scenarios(call: Call) -> Reply:
    query = call.query("query")
    scored = []
    for item in _scenarios_of(call.conn, call.organization):
        if item["is_deleted"]:
            continue
        if not (
            creator_matches(item["creator"], call.query("creator"))
            and tag_matches(item["tags"], call.query("tag"))
        ):
            continue
        score = relevance(query, item["name"])
        if score > 0:
            scored.append((score, item))
    scored.sort(key=lambda pair: pair[1]["updated_at"], reverse=True)
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return Reply(200, {"simulation_scenarios": [item for _, item in scored[:SEARCH_LIMIT]]})


@handles("create-simulation-scenario")
def create_scenario(call: Call) -> Reply:
    body = call.request.body
    if _name_taken(call.conn, call.organization, body["name"]):
        raise ApiError(
            409,
            f"A simulation scenario named {body['name']!r} already exists.",
            error_code="duplicate_name",
        )
    content = dict(body["initial_version"])
    content["conversation_starts_at"] = _starts_at(
        content["conversation_starts_at"], ["body", "initial_version", "conversation_starts_at"]
    )
    scenario_id = insert_scenario(
        call.conn,
        org_id=call.organization,
        user=(call.user.org_id, call.user.user_id),
        name=body["name"],
        tags=body["tags"],
        content=content,
        timestamp=call.timestamp,
        scenario_id=call.new_id,
    )
    return Reply(201, {"simulation_scenario_id": scenario_id})


@handles("update-simulation-scenario")
def update_scenario(call: Call) -> Reply:
    scenario_id = call.path("simulation_scenario_id")
    row = find_scenario(call.conn, call.organization, scenario_id)
    tags = (call.request.body or {}).get("tags")
    call.conn.execute(
        "UPDATE scenarios SET tags = ?, updated_at = ?, updated_by_org = ?, updated_by_user = ? "
        "WHERE id = ?",
        (
            dumps(tags) if tags is not None else row["tags"],
            call.timestamp,
            call.user.org_id,
            call.user.user_id,
            scenario_id,
        ),
    )
    return Reply(204)


@handles("delete-simulation-scenario")
def delete_scenario(call: Call) -> Reply:
    scenario_id = call.path("simulation_scenario_id")
    find_scenario(call.conn, call.organization, scenario_id)
    used_by = [
        row["name"]
        for row in call.conn.execute(
            "SELECT name FROM unit_tests WHERE scenario_id = ? ORDER BY seq", (scenario_id,)
        )
    ]
    if used_by:
        raise ApiError(
            400,
            f"The simulation scenario is used in simulation unit tests: {', '.join(used_by)}.",
            error_code="scenario_in_use",
        )
    call.conn.execute(
        "UPDATE scenarios SET is_deleted = 1, updated_at = ?, updated_by_org = ?, "
        "updated_by_user = ? WHERE id = ? AND is_deleted = 0",
        (call.timestamp, call.user.org_id, call.user.user_id, scenario_id),
    )
    return Reply(204)


@handles("get-simulation-scenario-versions")
def list_versions(call: Call) -> Reply:
    scenario_id = call.path("simulation_scenario_id")
    find_scenario(call.conn, call.organization, scenario_id)
    return VERSIONS.list_page(call, scenario_id, version_json)


@handles("create-simulation-scenario-version")
def create_version(call: Call) -> Reply:
    scenario_id = call.path("simulation_scenario_id")
    find_scenario(call.conn, call.organization, scenario_id)
    expected = VERSIONS.next_number(call.conn, scenario_id, call.query("version"))
    content = dict(call.request.body)
    content["conversation_starts_at"] = _starts_at(
        content["conversation_starts_at"], ["body", "conversation_starts_at"]
    )
    insert_version(
        call.conn,
        org_id=call.organization,
        scenario_id=scenario_id,
        version=expected,
        user=(call.user.org_id, call.user.user_id),
        content=content,
        timestamp=call.timestamp,
    )
    call.conn.execute(
        "UPDATE scenarios SET updated_at = ?, updated_by_org = ?, updated_by_user = ? WHERE id = ?",
        (call.timestamp, call.user.org_id, call.user.user_id, scenario_id),
    )
    return Reply(201, {"version": expected})
