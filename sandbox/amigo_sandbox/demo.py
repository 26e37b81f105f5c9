"""The demo organization, read from `demo.yaml`: credentials that always exist, and data seeded
on request.

What the API can create (behavior sets and their versions, scenarios, their versions and their
deletion) goes through the sandbox's own handlers: the file's request bodies are validated
against the spec and handled as a request of the named user at the named time would be. The rest
goes through the administrative helpers beside those handlers (metrics, conversations,
evaluation results, invocation log entries, unit tests), so each table has one writer. IDs are
fixed, so that tests and examples can name them (the `DEMO_*` names below).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import sqlite3
from datetime import timedelta
from typing import Any

from amigo_sandbox.errors import ApiError
from amigo_sandbox.handlers import HANDLERS, Call, Reply
from amigo_sandbox.handlers.behavior_sets import insert_invocation
from amigo_sandbox.handlers.conversations import insert_conversation
from amigo_sandbox.handlers.metrics import evaluate, insert_metric, insert_result
from amigo_sandbox.handlers.scenarios import insert_unit_test
from amigo_sandbox.identity import Principal, TokenService, ensure_api_key, ensure_user
from amigo_sandbox.spec import Spec, parse_yaml
from amigo_sandbox.validation import RawRequest, validate_request
from amigo_sandbox.values import format_timestamp, parse_timestamp

DATA: dict[str, Any] = parse_yaml(
    importlib.resources.files("amigo_sandbox").joinpath("demo.yaml").read_text(encoding="utf-8")
)


def demo_id(label: str) -> str:
    """A fixed 24-hex ID for a demo object the file does not list (log entries, messages)."""
    return hashlib.sha256(f"amigo-sandbox-demo:{label}".encode()).hexdigest()[:24]


def _ids(kind: str) -> dict[str, str]:
    return {key: str(item["id"]) for key, item in DATA[kind].items()}


DEMO_ORGANIZATION: str = DATA["organization"]
DEMO_API_KEY_ID: str = DATA["api_key"]["id"]
DEMO_API_KEY: str = DATA["api_key"]["key"]
DEMO_USER_ID: str = DATA["users"]["dana"]["id"]
DEMO_USER_NAME: str = DATA["users"]["dana"]["name"]
#: A second administrator, creator of some demo objects (so creator filters have a choice).
DEMO_COLLEAGUE_USER_ID: str = DATA["users"]["sam"]["id"]
#: A read-only user: every write answers 403.
DEMO_VIEWER_USER_ID: str = DATA["users"]["vic"]["id"]
DEMO_SERVICE_IDS: dict[str, str] = dict(DATA["services"])
DEMO_BEHAVIOR_SET_IDS = _ids("behavior_sets")
DEMO_METRIC_IDS = _ids("metrics")
DEMO_CONVERSATION_IDS = _ids("conversations")
#: A finished conversation with interactions.
DEMO_CONVERSATION_ID = DEMO_CONVERSATION_IDS["refund"]
#: A conversation without interactions: evaluating metrics on it answers 400.
DEMO_EMPTY_CONVERSATION_ID = DEMO_CONVERSATION_IDS["empty"]
DEMO_SCENARIO_IDS = _ids("scenarios")
#: Used by a simulation unit test: deleting it answers 400.
DEMO_SCENARIO_IN_USE_ID = DEMO_SCENARIO_IDS["manager_request"]
DEMO_SIMULATION_RUN_ID: str = DATA["simulation_run"]["id"]


def ensure_demo_identity(conn: sqlite3.Connection) -> None:
    """The demo organization, its users and its API key (idempotent; always present)."""
    since = DATA["since"]
    for user in DATA["users"].values():
        ensure_user(conn, DEMO_ORGANIZATION, user["id"], user["name"], user["role"], since)
    ensure_api_key(conn, DEMO_ORGANIZATION, DEMO_API_KEY_ID, DEMO_API_KEY, since)


def seed_demo_data(conn: sqlite3.Connection, spec: Spec, tokens: TokenService) -> bool:
    """Seed the demo organization once per database; False when it was already seeded."""
    if conn.execute("SELECT 1 FROM meta WHERE key = 'demo_seeded'").fetchone() is not None:
        return False
    ensure_demo_identity(conn)
    api = _Requests(conn, spec, tokens)
    for item in DATA["behavior_sets"].values():
        api.create("create-dynamic-behavior-set", item, {})
        for version in item.get("versions", []):
            api.send(
                "create-dynamic-behavior-set-version",
                version,
                {"dynamic_behavior_set_id": item["id"]},
            )
    for item in DATA["behavior_sets"].values():
        _seed_invocations(conn, item)
    _seed_metrics(conn)
    for item in DATA["scenarios"].values():
        api.create("create-simulation-scenario", item, {})
        path = {"simulation_scenario_id": item["id"]}
        for version in item.get("versions", []):
            api.send("create-simulation-scenario-version", version, path)
        for unit_test in item.get("unit_tests", []):
            insert_unit_test(
                conn, DEMO_ORGANIZATION, unit_test["name"], item["id"], unit_test["at"]
            )
        if "deleted" in item:
            api.send("delete-simulation-scenario", item["deleted"], path)
    conn.execute("INSERT INTO meta (key, value) VALUES ('demo_seeded', ?)", (DATA["since"],))
    return True


def restore_demo(conn: sqlite3.Connection, spec: Spec, tokens: TokenService, *, seed: bool) -> bool:
    """After all data was deleted: the demo credentials again, and the demo data when `seed`
    (True when it was seeded)."""
    conn.execute("DELETE FROM meta WHERE key = 'demo_seeded'")
    ensure_demo_identity(conn)
    return seed_demo_data(conn, spec, tokens) if seed else False


class _Requests:
    """Requests of the demo users, handled by the sandbox's handlers inside the seeding
    transaction: validated against the spec, at the time the file gives."""

    def __init__(self, conn: sqlite3.Connection, spec: Spec, tokens: TokenService) -> None:
        self.conn = conn
        self.spec = spec
        self.tokens = tokens

    def create(self, operation_id: str, item: dict[str, Any], path: dict[str, str]) -> None:
        """Create the object `item` describes (`create` body, `by`, `at`) with its fixed ID."""
        self.send(operation_id, {**item, "body": item["create"]}, path, new_id=item["id"])

    def send(
        self,
        operation_id: str,
        change: dict[str, Any],
        path: dict[str, str],
        new_id: str | None = None,
    ) -> Reply:
        """Handle one request: `change` gives its `body` (if any), its user (`by`) and time
        (`at`)."""
        operation = self.spec.by_id[operation_id]
        body = change.get("body")
        raw = RawRequest(
            path_params={"organization": DEMO_ORGANIZATION, **path},
            query=(),
            headers={},
            body=b"" if body is None else json.dumps(body).encode(),
            content_type=None if body is None else "application/json",
        )
        try:
            request = validate_request(self.spec, operation, raw)
        except ApiError as failed:
            raise ValueError(f"demo.yaml: {operation_id} is invalid: {failed.detail}") from None
        user = DATA["users"][change["by"]]
        principal = Principal(DEMO_ORGANIZATION, user["id"], user["role"])
        now = parse_timestamp(change["at"]).timestamp()
        call = Call(operation, DEMO_ORGANIZATION, principal, request, self.conn, self.tokens, now)
        call.new_id = new_id
        reply = HANDLERS[operation_id](call)
        if reply.status >= 300:
            raise ValueError(f"demo.yaml: {operation_id} answered {reply.status}: {reply.body}")
        return reply


def _seed_invocations(conn: sqlite3.Connection, item: dict[str, Any]) -> None:
    """The invocation log of a set: each batch's entries spread over its day, with IDs derived
    from their place in the batch."""
    set_id = item["id"]
    for batch in item.get("invocations", []):
        for n in range(batch["count"]):
            label = f"{set_id}:{batch['version']}:{n}"
            at = f"{batch['day']}T{8 + n % 10:02d}:{(7 * n) % 60:02d}:00.000000Z"
            insert_invocation(
                conn,
                org_id=DEMO_ORGANIZATION,
                set_id=set_id,
                set_version=batch["version"],
                conversation_id=batch["conversation"]
                if n == 0
                else demo_id(f"conversation:{label}"),
                service_id=batch["service"],
                user_id=demo_id(f"end-user:{n % 4}"),
                initial_message_id=demo_id(f"message:user:{label}"),
                agent_message_id=None if n % 5 == 4 else demo_id(f"message:agent:{label}"),
                agent_inner_thoughts_ids=[demo_id(f"thought:{label}")],
                external_event_message_ids=[demo_id(f"event:{label}")] if n % 3 == 2 else None,
                invoked_at=at,
                timestamp=at,
            )


def _seed_metrics(conn: sqlite3.Connection) -> None:
    """Metrics, conversations, post-session results of every metric on the evaluated
    conversations, and the simulation run's results."""
    for item in DATA["metrics"].values():
        insert_metric(
            conn,
            metric_id=item["id"],
            org_id=DEMO_ORGANIZATION,
            creator=(DEMO_ORGANIZATION, DATA["users"][item["by"]]["id"]),
            name=item["name"],
            description=item["description"],
            value_type=item["value_type"],
            latest_version=item["latest_version"],
            applied_to_services=item["applied_to_services"],
            tags=item["tags"],
            created_at=item["at"],
            updated_at=item["updated_at"],
            categories=item.get("categories"),
            lower_bound=item.get("lower_bound"),
            upper_bound=item.get("upper_bound"),
            applies_when=item.get("applies_when"),
        )
    for key, item in DATA["conversations"].items():
        turns_at = parse_timestamp(item.get("turns_at", item["at"]))
        insert_conversation(
            conn,
            conversation_id=item["id"],
            org_id=DEMO_ORGANIZATION,
            service_id=item["service"],
            user_id=item["user"],
            topic=key,
            tags=item["tags"],
            created_at=item["at"],
            interactions=[
                (
                    demo_id(f"interaction:{key}:{position}"),
                    user_message,
                    agent_message,
                    format_timestamp(turns_at + timedelta(minutes=position)),
                )
                for position, (user_message, agent_message) in enumerate(item["turns"])
            ],
        )
    metrics = list(
        conn.execute("SELECT * FROM metrics WHERE org_id = ? ORDER BY seq", (DEMO_ORGANIZATION,))
    )
    for item in DATA["conversations"].values():
        if "evaluated_at" not in item:
            continue
        interactions = list(
            conn.execute(
                "SELECT * FROM interactions WHERE conversation_id = ? ORDER BY position",
                (item["id"],),
            )
        )
        for metric in metrics:
            outcome = evaluate(metric, item["id"], interactions)
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
                conversation_id=item["id"],
                created_at=item["evaluated_at"],
            )
    run = DATA["simulation_run"]
    for result in run["results"]:
        insert_result(
            conn,
            org_id=DEMO_ORGANIZATION,
            metric_id=DEMO_METRIC_IDS[result["metric"]],
            metric_version=run["metric_version"],
            result=result["result"],
            justification=result["justification"],
            references=run["references"],
            source_type="simulation",
            simulation_unit_test_set_run_id=run["id"],
            unit_test_id=run["unit_test"],
            run_index=result["run_index"],
            created_at=result["at"],
        )
