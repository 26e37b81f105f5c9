"""The demo organization: credentials that always exist, and data seeded on request.

The credentials are for the sandbox only; they are printed at start and are not secrets.
IDs of seeded objects are fixed, so tests and examples can name them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from sandbox.handlers.behavior_sets import insert_invocation, insert_set, insert_version
from sandbox.handlers.metrics import evaluate, insert_result
from sandbox.handlers.scenarios import insert_scenario, insert_unit_test
from sandbox.handlers.scenarios import insert_version as insert_scenario_version
from sandbox.identity import ensure_api_key, ensure_user
from sandbox.store import dumps


def demo_id(label: str) -> str:
    """A fixed 24-hex ID for a demo object."""
    return hashlib.sha256(f"amigo-sandbox-demo:{label}".encode()).hexdigest()[:24]


DEMO_ORGANIZATION = "amigo-demo"
DEMO_API_KEY_ID = "sandbox-demo-key"
DEMO_API_KEY = "amigo-sandbox-demo-key-not-a-secret"
DEMO_USER_ID = "665f1c2b9d3e4a5b6c7d8e01"
DEMO_USER_NAME = "Dana Demo"
#: A second administrator, creator of some demo objects (so creator filters have a choice).
DEMO_COLLEAGUE_USER_ID = "665f1c2b9d3e4a5b6c7d8e02"
#: A read-only user: every write answers 403.
DEMO_VIEWER_USER_ID = "665f1c2b9d3e4a5b6c7d8e03"

DEMO_SERVICE_IDS = {
    "support": demo_id("service:support"),
    "billing_phone": demo_id("service:billing-phone"),
    "scheduling": demo_id("service:scheduling"),
    "care": demo_id("service:care"),
}
DEMO_BEHAVIOR_SET_IDS = {
    "refunds": demo_id("set:refunds"),
    "escalation": demo_id("set:escalation"),
    "refills": demo_id("set:refills"),
    "rescheduling": demo_id("set:rescheduling"),
    "promotion": demo_id("set:promotion"),
}
DEMO_METRIC_IDS = {
    "satisfaction": demo_id("metric:satisfaction"),
    "resolved": demo_id("metric:resolved"),
    "escalation": demo_id("metric:escalation"),
    "topic": demo_id("metric:topic"),
    "empathy": demo_id("metric:empathy"),
}
DEMO_CONVERSATION_IDS = {
    "refund": demo_id("conversation:refund"),
    "escalation": demo_id("conversation:escalation"),
    "reschedule": demo_id("conversation:reschedule"),
    "empty": demo_id("conversation:empty"),
}
#: A finished conversation with interactions.
DEMO_CONVERSATION_ID = DEMO_CONVERSATION_IDS["refund"]
#: A conversation without interactions: evaluating metrics on it answers 400.
DEMO_EMPTY_CONVERSATION_ID = DEMO_CONVERSATION_IDS["empty"]
DEMO_SCENARIO_IDS = {
    "account_setup": demo_id("scenario:account-setup"),
    "double_charge": demo_id("scenario:double-charge"),
    "missed_appointment": demo_id("scenario:missed-appointment"),
    "manager_request": demo_id("scenario:manager-request"),
    "legacy_onboarding": demo_id("scenario:legacy-onboarding"),
}
#: Used by a simulation unit test: deleting it answers 400.
DEMO_SCENARIO_IN_USE_ID = DEMO_SCENARIO_IDS["manager_request"]
DEMO_SIMULATION_RUN_ID = demo_id("simulation-run:nightly")


def _at(day: int, hour: int = 9, minute: int = 0) -> str:
    return f"2025-05-{day:02d}T{hour:02d}:{minute:02d}:00.000000Z"


def ensure_demo_identity(conn: sqlite3.Connection) -> None:
    """The demo organization, its users and its API key (idempotent; always present)."""
    ensure_user(conn, DEMO_ORGANIZATION, DEMO_USER_ID, DEMO_USER_NAME, "admin", _at(1))
    ensure_user(conn, DEMO_ORGANIZATION, DEMO_COLLEAGUE_USER_ID, "Sam Support", "admin", _at(1))
    ensure_user(conn, DEMO_ORGANIZATION, DEMO_VIEWER_USER_ID, "Vic Viewer", "viewer", _at(1))
    ensure_api_key(conn, DEMO_ORGANIZATION, DEMO_API_KEY_ID, DEMO_API_KEY, _at(1))


def seed_demo_data(conn: sqlite3.Connection) -> bool:
    """Seed the demo organization once per database; False when it was already seeded."""
    if conn.execute("SELECT 1 FROM meta WHERE key = 'demo_seeded'").fetchone() is not None:
        return False
    ensure_demo_identity(conn)
    _seed_behavior_sets(conn)
    _seed_metrics(conn)
    _seed_scenarios(conn)
    conn.execute("INSERT INTO meta (key, value) VALUES ('demo_seeded', ?)", (_at(1),))
    return True


# --- behavior sets -----------------------------------------------------------------------------

DANA = (DEMO_ORGANIZATION, DEMO_USER_ID)
SAM = (DEMO_ORGANIZATION, DEMO_COLLEAGUE_USER_ID)


def _inject(instruction: str, overrides: bool = False) -> dict[str, Any]:
    return {
        "type": "inject-instruction",
        "instruction": instruction,
        "overrides_instructions": overrides,
    }


def _tool(
    name: str, instruction: str, fillers: list[str], after: float, persistence: str
) -> dict[str, Any]:
    return {
        "tool_id": demo_id(f"tool:{name}"),
        "version_constraint": ">=1.2,<2",
        "additional_instruction": instruction,
        "audio_fillers": fillers,
        "audio_filler_triggered_after": after,
        "result_persistence": persistence,
        "tool_name": name,
    }


def _seed_behavior_sets(conn: sqlite3.Connection) -> None:
    services = DEMO_SERVICE_IDS
    refund_instruction = _inject(
        "Acknowledge the refund request, confirm the order number, and explain that refunds "
        "reach the original payment method within 5-7 business days."
    )
    refunds = insert_set(
        conn,
        set_id=DEMO_BEHAVIOR_SET_IDS["refunds"],
        org_id=DEMO_ORGANIZATION,
        user=DANA,
        name="Refund requests",
        tags={"team": "billing", "priority": "high"},
        applied_to_services=[services["support"], services["billing_phone"]],
        is_active=True,
        triggers=["user asks for a refund", "user wants their money back"],
        actions=[refund_instruction],
        timestamp=_at(2),
    )
    insert_version(
        conn,
        org_id=DEMO_ORGANIZATION,
        set_id=refunds,
        version=2,
        user=DANA,
        triggers=[
            "user asks for a refund",
            "user wants their money back",
            "user was charged twice",
        ],
        actions=[refund_instruction],
        timestamp=_at(5),
    )
    insert_version(
        conn,
        org_id=DEMO_ORGANIZATION,
        set_id=refunds,
        version=3,
        user=SAM,
        triggers=[
            "user asks for a refund",
            "user wants their money back",
            "user was charged twice",
            "user cancels a subscription and asks for a refund",
        ],
        actions=[
            refund_instruction,
            {
                "type": "change-tool-candidates",
                "overrides_existing_tool_call_specs": False,
                "tool_call_specs": [
                    _tool(
                        "issue_refund",
                        "Only call after the user has confirmed the order number.",
                        ["One moment while I look up your order."],
                        2.5,
                        "persisted",
                    ),
                ],
            },
        ],
        timestamp=_at(12),
    )
    escalation = insert_set(
        conn,
        set_id=DEMO_BEHAVIOR_SET_IDS["escalation"],
        org_id=DEMO_ORGANIZATION,
        user=SAM,
        name="Escalate frustrated customers",
        tags={"team": "support", "tone": None},
        applied_to_services=[services["support"]],
        is_active=True,
        triggers=["user is angry", "user asks for a manager", "user threatens to cancel"],
        actions=[
            _inject(
                "Apologise once, summarise the problem in one sentence, and offer a call "
                "back from a senior agent within the hour."
            )
        ],
        timestamp=_at(3),
    )
    insert_version(
        conn,
        org_id=DEMO_ORGANIZATION,
        set_id=escalation,
        version=2,
        user=SAM,
        triggers=[
            "user is angry",
            "user asks for a manager",
            "user threatens to cancel",
            "user uses profanity",
        ],
        actions=[
            _inject(
                "Stay calm and polite, apologise once, summarise the problem, and "
                "offer a call back from a senior agent within the hour."
            )
        ],
        timestamp=_at(9),
    )
    insert_set(
        conn,
        set_id=DEMO_BEHAVIOR_SET_IDS["refills"],
        org_id=DEMO_ORGANIZATION,
        user=DANA,
        name="Medication refill questions",
        tags={"team": "clinical", "regulated": None},
        applied_to_services=[services["care"]],
        is_active=False,
        triggers=["user needs a prescription refill", "user is running out of medication"],
        actions=[
            _inject(
                "Never give dosage advice. Direct the user to their pharmacist or "
                "prescriber and offer to book a refill appointment.",
                overrides=True,
            )
        ],
        timestamp=_at(4),
    )
    rescheduling = insert_set(
        conn,
        set_id=DEMO_BEHAVIOR_SET_IDS["rescheduling"],
        org_id=DEMO_ORGANIZATION,
        user=SAM,
        name="Appointment rescheduling",
        tags={"team": "scheduling"},
        applied_to_services=[services["scheduling"], services["care"]],
        is_active=True,
        triggers=["user wants to reschedule", "user cannot make their appointment"],
        actions=[
            {
                "type": "change-tool-candidates",
                "overrides_existing_tool_call_specs": True,
                "tool_call_specs": [
                    _tool(
                        "find_open_slots",
                        "Offer at most three slots, earliest first.",
                        ["Let me check the calendar."],
                        1.5,
                        "ephemeral",
                    ),
                    _tool(
                        "reschedule_appointment",
                        "Read the new time back before confirming.",
                        [],
                        3.0,
                        "persisted-preferred",
                    ),
                ],
            }
        ],
        timestamp=_at(6),
    )
    insert_set(
        conn,
        set_id=DEMO_BEHAVIOR_SET_IDS["promotion"],
        org_id=DEMO_ORGANIZATION,
        user=DANA,
        name="Winter promotion",
        tags={"campaign": "winter_2025", "team": "marketing"},
        applied_to_services=[],
        is_active=False,
        triggers=["user asks about discounts", "user has a promo code"],
        actions=[_inject("Mention the WINTER25 code: 25% off the first month for new plans.")],
        timestamp=_at(7),
    )
    conn.execute("UPDATE behavior_sets SET updated_at = ? WHERE id = ?", (_at(12), refunds))
    conn.execute("UPDATE behavior_sets SET updated_at = ? WHERE id = ?", (_at(9), escalation))

    conversations = DEMO_CONVERSATION_IDS
    plan = [
        (refunds, 1, conversations["refund"], 13, 8),
        (refunds, 2, demo_id("conversation:older-refund"), 14, 2),
        (refunds, 3, conversations["refund"], 15, 5),
        (escalation, 2, conversations["escalation"], 16, 5),
        (rescheduling, 1, conversations["reschedule"], 17, 3),
    ]
    for set_id, version, conversation_id, day, count in plan:
        for n in range(count):
            label = f"{set_id}:{version}:{n}"
            insert_invocation(
                conn,
                org_id=DEMO_ORGANIZATION,
                set_id=set_id,
                set_version=version,
                conversation_id=conversation_id if n == 0 else demo_id(f"conversation:{label}"),
                service_id=services["support"]
                if set_id != rescheduling
                else services["scheduling"],
                user_id=demo_id(f"end-user:{n % 4}"),
                initial_message_id=demo_id(f"message:user:{label}"),
                agent_message_id=None if n % 5 == 4 else demo_id(f"message:agent:{label}"),
                agent_inner_thoughts_ids=[demo_id(f"thought:{label}")],
                external_event_message_ids=[demo_id(f"event:{label}")] if n % 3 == 2 else None,
                invoked_at=_at(day, 8 + n % 10, (7 * n) % 60),
                timestamp=_at(day, 8 + n % 10, (7 * n) % 60),
            )


# --- metrics -----------------------------------------------------------------------------------

_METRICS = [
    (
        "satisfaction",
        "Customer satisfaction",
        "How satisfied the user sounds at the end (1-5).",
        "numerical",
        None,
        1,
        5,
        None,
        2,
    ),
    (
        "resolved",
        "Issue resolved",
        "Whether the user's issue was resolved in the conversation.",
        "boolean",
        None,
        None,
        None,
        None,
        3,
    ),
    (
        "escalation",
        "Escalation handled well",
        "When the user asked for escalation, whether the agent handled it well.",
        "boolean",
        None,
        None,
        None,
        r"manager|escalat|supervisor",
        1,
    ),
    (
        "topic",
        "Conversation topic",
        "The main topic of the conversation.",
        "categorical",
        ["billing", "scheduling", "technical", "clinical", "other"],
        None,
        None,
        None,
        1,
    ),
    (
        "empathy",
        "Empathy",
        "How empathetic the agent was (0-10).",
        "numerical",
        None,
        0,
        10,
        None,
        2,
    ),
]

#: Who made each metric, the services it applies to, and its tags (a list of key/value pairs).
_METRIC_LABELS: dict[str, tuple[tuple[str, str], list[str], list[tuple[str, str | None]]]] = {
    "satisfaction": (DANA, ["support", "scheduling"], [("team", "support"), ("kind", "csat")]),
    "resolved": (DANA, ["support"], [("team", "support"), ("team", "billing")]),
    "escalation": (SAM, ["support"], [("team", "support"), ("reviewed", None)]),
    "topic": (SAM, [], [("kind", "routing")]),
    "empathy": (DANA, ["support", "care"], [("kind", "quality")]),
}

_CONVERSATIONS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "refund": (
        "support",
        [
            (
                "Hi, I was charged twice for my May invoice and I'd like a refund.",
                "I'm sorry about that. Could you confirm the order number on the invoice?",
            ),
            (
                "It's order 48213.",
                "Thanks. I see two charges for order 48213; I've refunded the second one.",
            ),
            (
                "How long will it take?",
                "Refunds reach your original payment method within 5-7 business days.",
            ),
        ],
    ),
    "escalation": (
        "support",
        [
            (
                "This is the third time my internet has dropped today.",
                "I'm sorry, that sounds really frustrating. Let me run a line check.",
            ),
            (
                "I don't want another line check. Get me a manager.",
                "I understand. I can arrange a call back from a senior agent within the hour.",
            ),
            (
                "Fine. Make it quick.",
                "Done: a senior agent will call you at the number on file before 3 pm.",
            ),
            ("Thanks.", "Thank you for your patience. I've noted everything for the call."),
        ],
    ),
    "reschedule": (
        "scheduling",
        [
            (
                "I can't make my appointment on Thursday.",
                "No problem. I have Friday at 10:00, Monday at 14:30 or Tuesday at 9:15.",
            ),
            ("Monday works.", "You're booked for Monday at 14:30. You'll get a confirmation text."),
        ],
    ),
    "empty": ("support", []),
}


def _seed_metrics(conn: sqlite3.Connection) -> None:
    for key, name, description, value_type, categories, low, high, applies, version in _METRICS:
        creator, services, tags = _METRIC_LABELS[key]
        conn.execute(
            "INSERT INTO metrics (id, org_id, name, description, value_type, categories, "
            "lower_bound, upper_bound, applies_when, latest_version, applied_to_services, tags, "
            "is_deleted, creator_org, creator_user, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
            (
                DEMO_METRIC_IDS[key],
                DEMO_ORGANIZATION,
                name,
                description,
                value_type,
                None if categories is None else dumps(categories),
                low,
                high,
                applies,
                version,
                dumps([DEMO_SERVICE_IDS[service] for service in services]),
                dumps([{"key": k, "value": v} for k, v in tags]),
                *creator,
                _at(1),
                _at(1 + version),
            ),
        )
    for day, (key, (service, turns)) in enumerate(_CONVERSATIONS.items(), start=13):
        conversation_id = DEMO_CONVERSATION_IDS[key]
        conn.execute(
            "INSERT INTO conversations (id, org_id, service_id, user_id, topic, is_finished, "
            "tags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                conversation_id,
                DEMO_ORGANIZATION,
                DEMO_SERVICE_IDS[service],
                demo_id(f"end-user:{key}"),
                key,
                int(bool(turns)),  # the one without interactions is still going on
                dumps({"channel": "chat" if service == "support" else "voice", "topic": key}),
                _at(day),
            ),
        )
        for position, (user_message, agent_message) in enumerate(turns):
            conn.execute(
                "INSERT INTO interactions (id, org_id, conversation_id, position, user_message, "
                "agent_message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    demo_id(f"interaction:{key}:{position}"),
                    DEMO_ORGANIZATION,
                    conversation_id,
                    position,
                    user_message,
                    agent_message,
                    _at(day, 10, position),
                ),
            )
    metrics = list(
        conn.execute("SELECT * FROM metrics WHERE org_id = ? ORDER BY seq", (DEMO_ORGANIZATION,))
    )
    for day, key in enumerate(("refund", "escalation", "reschedule"), start=13):
        conversation_id = DEMO_CONVERSATION_IDS[key]
        interactions = list(
            conn.execute(
                "SELECT * FROM interactions WHERE conversation_id = ? ORDER BY position",
                (conversation_id,),
            )
        )
        for metric in metrics:
            outcome = evaluate(metric, conversation_id, interactions)
            insert_result(
                conn,
                org_id=DEMO_ORGANIZATION,
                metric_id=metric["id"],
                metric_version=metric["latest_version"],
                result=outcome["value"],
                justification=outcome["justification"].replace(
                    "Sandbox evaluation", "Post-session"
                ),
                references=outcome["references"],
                source_type="post-session",
                conversation_id=conversation_id,
                created_at=_at(day, 11),
            )
    for run_index in range(2):
        for key in ("resolved", "empathy"):
            insert_result(
                conn,
                org_id=DEMO_ORGANIZATION,
                metric_id=DEMO_METRIC_IDS[key],
                metric_version=1,
                result=(run_index == 0) if key == "resolved" else 6 + run_index,
                justification="Simulated user reached the objective."
                if run_index == 0
                else "Simulated user gave up after the agent repeated itself.",
                references=['Agent: "A senior agent will call you back within the hour."'],
                source_type="simulation",
                simulation_unit_test_set_run_id=DEMO_SIMULATION_RUN_ID,
                unit_test_id=demo_id("unit-test:escalation"),
                run_index=run_index,
                created_at=_at(20, 2, run_index),
            )


# --- scenarios ---------------------------------------------------------------------------------


def _seed_scenarios(conn: sqlite3.Connection) -> None:
    ids = DEMO_SCENARIO_IDS
    insert_scenario(
        conn,
        scenario_id=ids["account_setup"],
        org_id=DEMO_ORGANIZATION,
        user=DANA,
        name="Account Setup Assistance",
        tags={"category": "onboarding", "priority": "high"},
        content={
            "objective": "The user needs help setting up their account and "
            "configuring preferences.",
            "instructions": "Act confused about the setup process. Ask questions about each step. "
            "Express satisfaction when the agent explains things clearly.",
            "initial_message_type": "user-message",
            "conversation_starts_at": None,
        },
        timestamp=_at(8),
    )
    insert_scenario(
        conn,
        scenario_id=ids["double_charge"],
        org_id=DEMO_ORGANIZATION,
        user=SAM,
        name="Disputed double charge",
        tags={"category": "billing"},
        content={
            "objective": "Get a refund for a duplicate charge on the May invoice.",
            "instructions": "Be polite but firm. Give the order number only when asked.",
            "initial_message_type": "user-message",
            "conversation_starts_at": None,
        },
        timestamp=_at(8, 10),
    )
    insert_scenario_version(
        conn,
        org_id=DEMO_ORGANIZATION,
        scenario_id=ids["double_charge"],
        version=2,
        user=SAM,
        content={
            "objective": "Get a refund for a duplicate charge on the May invoice.",
            "instructions": "Be polite but firm. Give the order number only when asked. If the "
            "agent does not mention a refund timeline, ask for one.",
            "initial_message_type": "user-message",
            "conversation_starts_at": "2025-05-31T18:00:00.000000Z",
        },
        timestamp=_at(10),
    )
    conn.execute(
        "UPDATE scenarios SET updated_at = ? WHERE id = ?", (_at(10), ids["double_charge"])
    )
    insert_scenario(
        conn,
        scenario_id=ids["missed_appointment"],
        org_id=DEMO_ORGANIZATION,
        user=DANA,
        name="Reschedule after a missed appointment",
        tags={"category": "scheduling", "priority": None},
        content={
            "objective": "Book a new appointment after missing yesterday's.",
            "instructions": "Start by apologising for missing the appointment. Accept the second "
            "slot the agent offers.",
            "initial_message_type": "external-event",
            "conversation_starts_at": "2025-03-03T09:00:00.000000Z",
        },
        timestamp=_at(11),
    )
    insert_scenario(
        conn,
        scenario_id=ids["manager_request"],
        org_id=DEMO_ORGANIZATION,
        user=SAM,
        name="Angry customer asks for a manager",
        tags={"category": "escalation", "priority": "high"},
        content={
            "objective": "Speak to a manager about repeated internet outages.",
            "instructions": "Be curt. Refuse troubleshooting. Calm down only when offered a call "
            "back from a senior agent.",
            "initial_message_type": "user-message",
            "conversation_starts_at": None,
        },
        timestamp=_at(11, 14),
    )
    insert_unit_test(
        conn, DEMO_ORGANIZATION, "Escalation regression", ids["manager_request"], _at(12)
    )
    insert_scenario(
        conn,
        scenario_id=ids["legacy_onboarding"],
        org_id=DEMO_ORGANIZATION,
        user=DANA,
        name="Legacy onboarding flow",
        tags={"category": "onboarding"},
        content={
            "objective": "Finish the old three-step onboarding.",
            "instructions": "Follow the agent's steps without questions.",
            "initial_message_type": "skip",
            "conversation_starts_at": None,
        },
        timestamp=_at(1),
    )
    conn.execute(
        "UPDATE scenarios SET is_deleted = 1, updated_at = ? WHERE id = ?",
        (_at(6), ids["legacy_onboarding"]),
    )
