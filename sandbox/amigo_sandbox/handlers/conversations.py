"""Conversations and their messages: what evaluate-metrics needs the IDs of.

Conversations are seeded, never created through the API. Each interaction (one user turn and
the agent's answer) yields three messages: the user's, the agent's inner thought and the agent's
answer; message IDs are derived from the interaction's, so they are stable.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from amigo_sandbox.errors import not_found
from amigo_sandbox.handlers.base import Call, Reply, handles
from amigo_sandbox.listing import any_in, paginate, sort_items, tag_matches
from amigo_sandbox.store import dumps, loads

USER_SENDER = "User"
AGENT_SENDER = "Agent"


def message_id(interaction_id: str, message_type: str) -> str:
    return hashlib.sha256(f"{interaction_id}:{message_type}".encode()).hexdigest()[:24]


def _version_set_info(service_id: str) -> dict[str, Any]:
    def derived(kind: str) -> str:
        return hashlib.sha256(f"{kind}:{service_id}".encode()).hexdigest()[:24]

    return {
        "name": "release",
        "agent_version_info": [derived("agent"), 3],
        "service_hierarchical_state_machine_version_info": [derived("state-machine"), 2],
        "llm_model_preferences": {"conversation": {"llm_name": "sandbox-llm", "params": {}}},
    }


def conversation_json(row: sqlite3.Row, conn: sqlite3.Connection) -> dict[str, Any]:
    last = conn.execute(
        "SELECT agent_message, (SELECT COUNT(*) FROM interactions WHERE conversation_id = ?) AS n "
        "FROM interactions WHERE conversation_id = ? ORDER BY position DESC LIMIT 1",
        (row["id"], row["id"]),
    ).fetchone()
    analyzed = (
        conn.execute(
            "SELECT 1 FROM metric_results WHERE conversation_id = ? AND source_type = ?",
            (row["id"], "post-session"),
        ).fetchone()
        is not None
    )
    return {
        "id": row["id"],
        "user_id": row["user_id"],
        "created_at": row["created_at"],
        "is_finished": bool(row["is_finished"]),
        "is_analyzed": analyzed,
        "completed_post_processings": ["compute-metrics"] if analyzed else [],
        "final_message": last["agent_message"] if last else "",
        "service_id": row["service_id"],
        "version_set_info": _version_set_info(row["service_id"]),
        "num_messages": 2 * last["n"] if last else 0,  # the user's and the agent's answer
        "tags": loads(row["tags"]),
    }


def insert_conversation(
    conn: sqlite3.Connection,
    *,
    conversation_id: str,
    org_id: str,
    service_id: str,
    user_id: str,
    topic: str,
    tags: dict[str, str],
    created_at: str,
    interactions: list[tuple[str, str, str, str]],
) -> None:
    """A conversation and its interactions (`(id, user message, agent message, created_at)`),
    as the API cannot create them (an administrative helper: the demo data). One without
    interactions is still going on."""
    conn.execute(
        "INSERT INTO conversations (id, org_id, service_id, user_id, topic, is_finished, "
        "tags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conversation_id,
            org_id,
            service_id,
            user_id,
            topic,
            int(bool(interactions)),
            dumps(tags),
            created_at,
        ),
    )
    for position, (interaction_id, user_message, agent_message, at) in enumerate(interactions):
        conn.execute(
            "INSERT INTO interactions (id, org_id, conversation_id, position, user_message, "
            "agent_message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (interaction_id, org_id, conversation_id, position, user_message, agent_message, at),
        )


def messages_of(interaction: sqlite3.Row) -> list[dict[str, Any]]:
    """The messages of one interaction, in the order they were sent."""
    texts = [
        ("user-message", USER_SENDER, interaction["user_message"]),
        ("agent-inner-thought", AGENT_SENDER, f"Answering: {interaction['user_message']}"),
        ("agent-message", AGENT_SENDER, interaction["agent_message"]),
    ]
    return [
        {
            "id": message_id(interaction["id"], kind),
            "interaction_id": interaction["id"],
            "created_at": interaction["created_at"],
            "sender": sender,
            "message": text,
            "format": "text",
            "message_type": kind,
        }
        for kind, sender, text in texts
    ]


@handles("get-conversations")
def list_conversations(call: Call) -> Reply:
    users = call.query("user_id")
    finished = call.query("is_finished")
    ids = set(call.query("id") or [])
    chosen = [
        item
        for item in (
            conversation_json(row, call.conn)
            for row in call.conn.execute(
                "SELECT * FROM conversations WHERE org_id = ? ORDER BY seq", (call.organization,)
            )
        )
        if (not ids or item["id"] in ids)
        and any_in([item["user_id"]], users)
        and any_in([item["service_id"]], call.query("service_id"))
        and (finished is None or item["is_finished"] == finished)
        and tag_matches(item["tags"], call.query("tag"))
    ]
    chosen = sort_items(chosen, call.query("sort_by"), lambda item, field: item[field])
    page = paginate(chosen, call.query("limit", 150), call.query("continuation_token", 0))
    return Reply(
        200,
        page.body("conversations"),
    )


@handles("get-conversation-messages")
def list_messages(call: Call) -> Reply:
    conversation_id = call.path("conversation_id")
    if (
        call.conn.execute(
            "SELECT 1 FROM conversations WHERE org_id = ? AND id = ?",
            (call.organization, conversation_id),
        ).fetchone()
        is None
    ):
        raise not_found(f"Conversation {conversation_id}")
    ids = set(call.query("id") or [])
    types = set(call.query("message_type") or [])
    interactions = set(call.query("interaction_id") or [])
    everything = [
        message
        for row in call.conn.execute(
            "SELECT * FROM interactions WHERE conversation_id = ? ORDER BY position",
            (conversation_id,),
        )
        for message in messages_of(row)
    ]
    chosen = [
        m
        for m in everything
        if (not ids or m["id"] in ids)
        and (not types or m["message_type"] in types)
        and (not interactions or m["interaction_id"] in interactions)
    ]
    # Newest first unless sort_by says otherwise, so `has_more` means earlier messages remain.
    chosen.reverse()
    chosen = sort_items(chosen, call.query("sort_by"), lambda item, field: item[field])
    page = paginate(chosen, call.query("limit", 500), call.query("continuation_token", 0))
    return Reply(
        200,
        page.body("messages"),
    )
