"""The sandbox's administrative actions: faults, reset, the clock, settings, users, tokens, and
the data the API has no operation for (invocation log entries, unit tests).

The HTTP admin API (`/_sandbox/...`, in `amigo_sandbox.app`) and the in-process helpers of a
running sandbox (`amigo_sandbox.server.RunningSandbox`) both call these, so each action has one
implementation. Each takes the body the admin API accepts and checks it first
(`amigo_sandbox.admin_bodies`).
"""

from __future__ import annotations

import uuid
from typing import Any

from amigo_sandbox.admin_bodies import check_admin_body
from amigo_sandbox.clock import EARLIEST, LATEST
from amigo_sandbox.demo import DEMO_ORGANIZATION, DEMO_USER_ID, restore_demo
from amigo_sandbox.errors import invalid_field, not_found
from amigo_sandbox.faults import FaultRule, has_enum
from amigo_sandbox.handlers.behavior_sets import record_invocations
from amigo_sandbox.handlers.scenarios import record_unit_test
from amigo_sandbox.identity import Role, ensure_api_key, ensure_user, expires_at_text, find_user
from amigo_sandbox.pipeline import Sandbox
from amigo_sandbox.store import delete_data
from amigo_sandbox.values import new_object_id, parse_timestamp, timestamp_of


def add_fault(sandbox: Sandbox, fields: dict[str, Any]) -> FaultRule:
    fields = check_admin_body("fault", fields)
    operation_id = fields["operation_id"]
    operation = sandbox.spec.by_id.get(operation_id)
    if operation is None and operation_id != "*":
        raise invalid_field(
            ["body", "operation_id"],
            f"Value error, unknown operationId {operation_id!r}",
            operation_id,
        )
    kind = fields["kind"]
    if (
        kind == "unknown_enum"
        and operation is not None
        and not has_enum(sandbox.spec, operation.response_pointers.get(operation.success_status))
    ):
        raise invalid_field(
            ["body", "kind"],
            f"Value error, the answer of {operation_id} has no enum field",
            kind,
        )
    if kind == "status" and "status" not in fields:
        fields["status"] = 503
    if kind == "slow" and "delay_s" not in fields:
        fields["delay_s"] = 1.0
    return sandbox.faults.add(**fields)


def reset(sandbox: Sandbox, seed_demo: bool | None = None) -> bool:
    """Delete all data, restore the demo credentials, optionally reseed; clear runtime state."""
    seed = sandbox.settings.seed_demo if seed_demo is None else seed_demo
    with sandbox.db.transaction(write=True) as conn:
        delete_data(conn)
        seeded = restore_demo(conn, sandbox.spec, sandbox.tokens, seed=seed)
    sandbox.faults.clear()
    sandbox.limiter.clear()
    sandbox.requests.clear()
    return seeded


def move_clock(sandbox: Sandbox, fields: dict[str, Any]) -> dict[str, Any]:
    """Advance, set, stop, restart or reset the clock (the body of `POST /_sandbox/clock`)."""
    fields = check_admin_body("clock", fields)
    if "real" in fields and len(fields) > 1:
        raise invalid_field(["body", "real"], "Value error, real cannot be combined", True)
    if "advance_s" in fields and "time" in fields:
        raise invalid_field(
            ["body", "advance_s"], "Value error, give advance_s or time, not both", None
        )
    moment = sandbox.clock.time() + fields["advance_s"] if "advance_s" in fields else None
    if "time" in fields:
        try:
            moment = parse_timestamp(fields["time"]).timestamp()
        except ValueError as exc:
            raise invalid_field(
                ["body", "time"],
                "Input should be a valid datetime",
                fields["time"],
                "datetime_parsing",
            ) from exc
    if moment is not None and not EARLIEST <= moment <= LATEST:
        where = "advance_s" if "advance_s" in fields else "time"
        raise invalid_field(
            ["body", where],
            f"Value error, the clock must stay between {timestamp_of(EARLIEST)} and "
            f"{timestamp_of(LATEST)}",
            fields[where],
        )
    if fields.get("real"):
        sandbox.clock.reset()
    elif "advance_s" in fields:
        sandbox.clock.advance(fields["advance_s"])
    if "time" in fields or "stopped" in fields:
        sandbox.clock.set(moment if "time" in fields else None, stopped=fields.get("stopped"))
    return sandbox.clock.to_json()


def update_settings(sandbox: Sandbox, fields: dict[str, Any]) -> dict[str, Any]:
    fields = check_admin_body("settings", fields)
    if "rate_limits" in fields:
        sandbox.settings.rate_limits = fields["rate_limits"]
        sandbox.limiter.clear()
    if "rate_limit_scale" in fields:
        sandbox.settings.rate_limit_scale = float(fields["rate_limit_scale"])
        sandbox.limiter.clear()
    if "token_lifetime_s" in fields:
        sandbox.settings.token_lifetime_s = float(fields["token_lifetime_s"])
        sandbox.tokens.lifetime_s = sandbox.settings.token_lifetime_s
    return sandbox.settings.to_json()


def add_user(sandbox: Sandbox, fields: dict[str, Any]) -> dict[str, Any]:
    fields = check_admin_body("user", fields)
    now = timestamp_of(sandbox.clock.time())
    organization = fields.get("organization", DEMO_ORGANIZATION)
    user_id = fields.get("user_id") or new_object_id(now)
    role: Role = fields.get("role", "admin")
    key_id = fields.get("api_key_id") or f"sandbox-key-{new_object_id(now)[-8:]}"
    api_key = fields.get("api_key") or f"sandbox-{uuid.uuid4().hex}"
    name = fields.get("name", "Sandbox user")
    with sandbox.db.transaction(write=True) as conn:
        ensure_user(conn, organization, user_id, name, role, now)
        ensure_api_key(conn, organization, key_id, api_key, now)
    return {
        "organization": organization,
        "user_id": user_id,
        "role": role,
        "api_key_id": key_id,
        "api_key": api_key,
    }


def issue_token(sandbox: Sandbox, fields: dict[str, Any]) -> dict[str, Any]:
    fields = check_admin_body("token", fields)
    organization = fields.get("organization", DEMO_ORGANIZATION)
    user_id = fields.get("user_id", DEMO_USER_ID)
    with sandbox.db.transaction(write=False) as conn:
        if find_user(conn, organization, user_id) is None:
            raise not_found(f"User {user_id} of organization {organization!r}")
    token, claims = sandbox.tokens.mint(
        organization, user_id, sandbox.clock.time(), fields.get("lifetime_s")
    )
    return {"id_token": token, "expires_at": expires_at_text(claims)}


def add_invocations(sandbox: Sandbox, fields: dict[str, Any]) -> list[str]:
    fields = check_admin_body("invocations", fields)
    items = list(fields.get("invocations") or [])
    items += [{} for _ in range(fields.get("count", 0 if items else 1))]
    with sandbox.db.transaction(write=True) as conn:
        return record_invocations(
            conn, fields["dynamic_behavior_set_id"], items, timestamp_of(sandbox.clock.time())
        )


def add_unit_test(sandbox: Sandbox, fields: dict[str, Any]) -> str:
    fields = check_admin_body("unit_test", fields)
    with sandbox.db.transaction(write=True) as conn:
        return record_unit_test(
            conn,
            fields["simulation_scenario_id"],
            fields.get("name", "Sandbox unit test"),
            timestamp_of(sandbox.clock.time()),
        )
