"""Dynamic behavior sets: the sets, their versions and their invocation log."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from amigo_sandbox.errors import ApiError, invalid_field, not_found
from amigo_sandbox.handlers.base import Call, Reply, handles, user_reference
from amigo_sandbox.listing import (
    SEARCH_LIMIT,
    any_in,
    creator_matches,
    paginate,
    relevance,
    sort_items,
    tag_matches,
)
from amigo_sandbox.store import dumps, loads
from amigo_sandbox.values import format_timestamp, new_object_id, parse_timestamp
from amigo_sandbox.versions import VersionTable

# --- rows <-> JSON ------------------------------------------------------------------------------


def set_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "is_active": bool(row["is_active"]),
        "applied_to_services": loads(row["applied_to_services"]),
        "tags": loads(row["tags"]),
        "created_at": row["created_at"],
        "creator": user_reference(row["creator_org"], row["creator_user"]),
        "updated_at": row["updated_at"],
        "updated_by": user_reference(row["updated_by_org"], row["updated_by_user"]),
    }


def version_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "_id": row["id"],
        "org_id": row["org_id"],
        "dynamic_behavior_set_id": row["set_id"],
        "version": row["version"],
        "conversation_triggers": loads(row["conversation_triggers"]),
        "actions": loads(row["actions"]),
        "creator": user_reference(row["creator_org"], row["creator_user"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def invocation_json(row: sqlite3.Row) -> dict[str, Any]:
    out: dict[str, Any] = {
        "_id": row["id"],
        "org_id": row["org_id"],
        "conversation_id": row["conversation_id"],
        "service_id": row["service_id"],
        "user_id": row["user_id"],
        "initial_message_id": row["initial_message_id"],
        "agent_message_id": row["agent_message_id"],
        "agent_inner_thoughts_ids": loads(row["agent_inner_thoughts_ids"]),
        "dynamic_behavior_set_version_info": [row["set_id"], row["set_version"]],
        "invoked_at": row["invoked_at"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
    if row["external_event_message_ids"] is not None:
        out["external_event_message_ids"] = loads(row["external_event_message_ids"])
    return out


# --- storage -----------------------------------------------------------------------------------


def find_set(conn: sqlite3.Connection, org_id: str, set_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM behavior_sets WHERE org_id = ? AND id = ?", (org_id, set_id)
    ).fetchone()
    if row is None:
        raise not_found(f"Dynamic behavior set {set_id}")
    return row


VERSIONS = VersionTable(
    table="behavior_set_versions",
    owner_column="set_id",
    owner_noun="set",
    list_key="dynamic_behavior_set_versions",
)


def _active_name_taken(
    conn: sqlite3.Connection, org_id: str, name: str, other_than: str | None
) -> bool:
    row = conn.execute(
        "SELECT 1 FROM behavior_sets WHERE org_id = ? AND name = ? AND is_active = 1 AND id != ?",
        (org_id, name, other_than or ""),
    ).fetchone()
    return row is not None


def insert_set(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    user: tuple[str, str],
    name: str,
    tags: dict[str, str | None],
    applied_to_services: list[str],
    is_active: bool,
    triggers: list[str],
    actions: list[Any],
    timestamp: str,
    set_id: str | None = None,
) -> str:
    set_id = set_id or new_object_id(timestamp)
    conn.execute(
        "INSERT INTO behavior_sets (id, org_id, name, is_active, applied_to_services, tags, "
        "created_at, creator_org, creator_user, updated_at, updated_by_org, updated_by_user) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            set_id,
            org_id,
            name,
            int(is_active),
            dumps(applied_to_services),
            dumps(tags),
            timestamp,
            *user,
            timestamp,
            *user,
        ),
    )
    insert_version(
        conn,
        org_id=org_id,
        set_id=set_id,
        version=1,
        user=user,
        triggers=triggers,
        actions=actions,
        timestamp=timestamp,
    )
    return set_id


def insert_version(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    set_id: str,
    version: int,
    user: tuple[str, str],
    triggers: list[str],
    actions: list[Any],
    timestamp: str,
) -> None:
    conn.execute(
        "INSERT INTO behavior_set_versions (id, org_id, set_id, version, conversation_triggers, "
        "actions, creator_org, creator_user, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_object_id(timestamp),
            org_id,
            set_id,
            version,
            dumps(triggers),
            dumps(actions),
            *user,
            timestamp,
            timestamp,
        ),
    )


def insert_invocation(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    set_id: str,
    set_version: int,
    conversation_id: str,
    service_id: str,
    user_id: str,
    initial_message_id: str,
    agent_message_id: str | None,
    agent_inner_thoughts_ids: list[str],
    external_event_message_ids: list[str] | None,
    invoked_at: str,
    timestamp: str,
) -> str:
    invocation_id = new_object_id(timestamp)
    conn.execute(
        "INSERT INTO invocations (id, org_id, set_id, set_version, conversation_id, service_id, "
        "user_id, initial_message_id, agent_message_id, agent_inner_thoughts_ids, "
        "external_event_message_ids, invoked_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            invocation_id,
            org_id,
            set_id,
            set_version,
            conversation_id,
            service_id,
            user_id,
            initial_message_id,
            agent_message_id,
            dumps(agent_inner_thoughts_ids),
            None if external_event_message_ids is None else dumps(external_event_message_ids),
            invoked_at,
            timestamp,
            timestamp,
        ),
    )
    return invocation_id


def record_invocations(
    conn: sqlite3.Connection, set_id: str, items: list[dict[str, Any]], timestamp: str
) -> list[str]:
    """Invocation log entries of a set, as the admin API adds them (the API has no operation
    that makes them): each item's fields, the others made up; the set's latest version, its
    first service. Returns the new entries' IDs."""
    row = conn.execute("SELECT * FROM behavior_sets WHERE id = ?", (set_id,)).fetchone()
    if row is None:
        raise not_found(f"Dynamic behavior set {set_id}")
    latest = VERSIONS.latest(conn, set_id)
    services: list[str] = loads(row["applied_to_services"])
    created = []
    for item in items:
        version = item.get("version", latest)
        if version > latest:
            raise invalid_field(
                ["body", "invocations"], f"Value error, the set has no version {version}", version
            )
        invoked_at = item.get("invoked_at")
        try:
            invoked_at = format_timestamp(parse_timestamp(invoked_at)) if invoked_at else timestamp
        except ValueError as exc:
            raise invalid_field(
                ["body", "invocations"],
                "Input should be a valid datetime",
                invoked_at,
                "datetime_parsing",
            ) from exc
        created.append(
            insert_invocation(
                conn,
                org_id=row["org_id"],
                set_id=set_id,
                set_version=version,
                conversation_id=item.get("conversation_id") or new_object_id(timestamp),
                service_id=item.get("service_id")
                or (services[0] if services else new_object_id(timestamp)),
                user_id=item.get("user_id") or new_object_id(timestamp),
                initial_message_id=item.get("initial_message_id") or new_object_id(timestamp),
                agent_message_id=item.get("agent_message_id", new_object_id(timestamp)),
                agent_inner_thoughts_ids=item.get(
                    "agent_inner_thoughts_ids", [new_object_id(timestamp)]
                ),
                external_event_message_ids=item.get("external_event_message_ids"),
                invoked_at=invoked_at,
                timestamp=timestamp,
            )
        )
    return created


def _sets_of(conn: sqlite3.Connection, org_id: str) -> sqlite3.Cursor:
    """An organization's stored sets, oldest first, as rows (`set_json` makes one the API's)."""
    return conn.execute("SELECT * FROM behavior_sets WHERE org_id = ? ORDER BY seq", (org_id,))


def _filters(call: Call) -> Callable[[sqlite3.Row], bool]:
    """The query's filters (values of one filter OR-ed, filters AND-ed) as a test of a stored
    set; the query is read once, and a JSON column is parsed only when a filter reads it."""
    ids = set(call.query("id") or [])
    is_active = call.query("is_active")
    services = call.query("applied_to_service")
    creators = call.query("creator")
    tags = call.query("tag")

    def passes(row: sqlite3.Row) -> bool:
        return (
            (not ids or row["id"] in ids)
            and (is_active is None or bool(row["is_active"]) == is_active)
            and (not services or any_in(loads(row["applied_to_services"]), services))
            and (
                not creators
                or creator_matches(
                    user_reference(row["creator_org"], row["creator_user"]), creators
                )
            )
            and (not tags or tag_matches(loads(row["tags"]), tags))
        )

    return passes


def _filter_values(conn: sqlite3.Connection, org_id: str) -> dict[str, Any]:
    """The values the filters can take among all of an organization's sets: services and tag
    keys sorted, creators in the order they first made a set. Read by SQLite from the stored
    JSON, without building the sets."""
    services = conn.execute(
        "SELECT DISTINCT s.value FROM behavior_sets AS b, json_each(b.applied_to_services) AS s "
        "WHERE b.org_id = ? ORDER BY s.value",
        (org_id,),
    )
    creators = conn.execute(
        "SELECT creator_org, creator_user FROM behavior_sets WHERE org_id = ? "
        "GROUP BY creator_org, creator_user ORDER BY MIN(seq)",
        (org_id,),
    )
    tags = conn.execute(
        "SELECT DISTINCT t.key FROM behavior_sets AS b, json_each(b.tags) AS t "
        "WHERE b.org_id = ? ORDER BY t.key",
        (org_id,),
    )
    return {
        "applied_to_services_ids": [row[0] for row in services],
        "creators": [user_reference(row[0], row[1]) for row in creators],
        "tags": [row[0] for row in tags],
    }


# --- operations --------------------------------------------------------------------------------


@handles("get-dynamic-behavior-sets")
def list_sets(call: Call) -> Reply:
    chosen = list(filter(_filters(call), _sets_of(call.conn, call.organization)))
    chosen = sort_items(chosen, call.query("sort_by"), lambda row, field: row[field])
    token = call.query("continuation_token", 0)
    page = paginate(chosen, call.query("limit", 50), token)
    filter_values = _filter_values(call.conn, call.organization) if token <= 0 else None
    return Reply(200, page.map(set_json).body("dynamic_behavior_sets", filter_values=filter_values))


@handles("search-dynamic-behavior-sets")
def search_sets(call: Call) -> Reply:
    triggers = {
        row["set_id"]: loads(row["conversation_triggers"])
        for row in call.conn.execute(
            "SELECT v.set_id, v.conversation_triggers FROM behavior_set_versions v "
            "WHERE v.org_id = ? AND v.version = "
            "(SELECT MAX(version) FROM behavior_set_versions WHERE set_id = v.set_id)",
            (call.organization,),
        )
    }
    query = call.query("query")
    scored = []
    for row in filter(_filters(call), _sets_of(call.conn, call.organization)):
        score = relevance(query, row["name"], triggers.get(row["id"], []))
        if score > 0:
            scored.append((score, row))
    scored.sort(key=lambda pair: pair[1]["updated_at"], reverse=True)
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return Reply(
        200, {"dynamic_behavior_sets": [set_json(row) for _, row in scored[:SEARCH_LIMIT]]}
    )


@handles("create-dynamic-behavior-set")
def create_set(call: Call) -> Reply:
    body = call.request.body
    if _active_name_taken(call.conn, call.organization, body["name"], None):
        raise ApiError(
            409,
            f"An active dynamic behavior set named {body['name']!r} already exists.",
            error_code="duplicate_name",
        )
    initial = body["initial_version"]
    set_id = insert_set(
        call.conn,
        org_id=call.organization,
        user=(call.user.org_id, call.user.user_id),
        name=body["name"],
        tags=body["tags"],
        applied_to_services=body["applied_to_services"],
        is_active=initial["is_active"],
        triggers=initial["conversation_triggers"],
        actions=initial["actions"],
        timestamp=call.timestamp,
        set_id=call.new_id,
    )
    return Reply(201, {"dynamic_behavior_set_id": set_id})


@handles("update-dynamic-behavior-set")
def update_set(call: Call) -> Reply:
    set_id = call.path("dynamic_behavior_set_id")
    row = find_set(call.conn, call.organization, set_id)
    body = call.request.body or {}
    name: str = body["name"] if body.get("name") is not None else row["name"]
    is_active: bool = (
        body["is_active"] if body.get("is_active") is not None else bool(row["is_active"])
    )
    if is_active and _active_name_taken(call.conn, call.organization, name, set_id):
        raise ApiError(
            409,
            f"An active dynamic behavior set named {name!r} already exists.",
            error_code="duplicate_name",
        )
    tags = body["tags"] if body.get("tags") is not None else loads(row["tags"])
    services = body.get("applied_to_services")
    if services is None:
        services = loads(row["applied_to_services"])
    call.conn.execute(
        "UPDATE behavior_sets SET name = ?, is_active = ?, tags = ?, applied_to_services = ?, "
        "updated_at = ?, updated_by_org = ?, updated_by_user = ? WHERE id = ?",
        (
            name,
            int(is_active),
            dumps(tags),
            dumps(services),
            call.timestamp,
            call.user.org_id,
            call.user.user_id,
            set_id,
        ),
    )
    return Reply(204)


@handles("delete-dynamic-behavior-set")
def delete_set(call: Call) -> Reply:
    set_id = call.path("dynamic_behavior_set_id")
    find_set(call.conn, call.organization, set_id)
    call.conn.execute("DELETE FROM behavior_sets WHERE id = ?", (set_id,))
    return Reply(200, {})


@handles("get-dynamic-behavior-set-versions")
def list_versions(call: Call) -> Reply:
    set_id = call.path("dynamic_behavior_set_id")
    find_set(call.conn, call.organization, set_id)
    return VERSIONS.list_page(call, set_id, version_json)


@handles("create-dynamic-behavior-set-version")
def create_version(call: Call) -> Reply:
    set_id = call.path("dynamic_behavior_set_id")
    find_set(call.conn, call.organization, set_id)
    expected = VERSIONS.next_number(call.conn, set_id, call.query("version"))
    body = call.request.body
    insert_version(
        call.conn,
        org_id=call.organization,
        set_id=set_id,
        version=expected,
        user=(call.user.org_id, call.user.user_id),
        triggers=body["conversation_triggers"],
        actions=body["actions"],
        timestamp=call.timestamp,
    )
    call.conn.execute(
        "UPDATE behavior_sets SET updated_at = ?, updated_by_org = ?, updated_by_user = ? "
        "WHERE id = ?",
        (call.timestamp, call.user.org_id, call.user.user_id, set_id),
    )
    return Reply(201, {"new_version_number": expected})


@handles("get-dynamic-behavior-invocations")
def list_invocations(call: Call) -> Reply:
    set_id = call.path("dynamic_behavior_set_id")
    find_set(call.conn, call.organization, set_id)
    rows = call.conn.execute("SELECT * FROM invocations WHERE set_id = ? ORDER BY seq", (set_id,))
    items = sort_items([invocation_json(r) for r in rows], call.query("sort_by"), lambda i, f: i[f])
    page = paginate(items, call.query("limit", 30), call.query("continuation_token", 0))
    return Reply(
        200,
        page.body("dynamic_behavior_invocations"),
    )
