"""The sandbox's state and request pipeline, independent of the web framework.

A request to an operation goes: authentication (401/403/404) → rate limit (429) → validation
from the spec (422) → permission (403) → the operation's handler, inside one database
transaction (the handler's 400/404/409, or success; 501 naming the operation when the sandbox
has no handler for it, e.g. one just added to the spec). Faults are applied around this by the HTTP
layer. The administrative actions (faults, request counts, reset, seeding) live here too, so the
HTTP admin API and the in-process helpers share one implementation.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from amigo_sandbox import handlers
from amigo_sandbox.clock import EARLIEST, LATEST, SandboxClock
from amigo_sandbox.demo import DEMO_ORGANIZATION, DEMO_USER_ID, ensure_demo_identity, seed_demo_data
from amigo_sandbox.errors import ApiError, invalid_field, not_found
from amigo_sandbox.faults import FAULT_REQUEST_SCHEMA, FaultRegistry, FaultRule, has_enum
from amigo_sandbox.handlers.base import Call, Reply
from amigo_sandbox.handlers.behavior_sets import VERSIONS, insert_invocation
from amigo_sandbox.handlers.scenarios import insert_unit_test
from amigo_sandbox.identity import (
    ROLES,
    Principal,
    Role,
    TokenService,
    authenticate,
    ensure_api_key,
    ensure_user,
    expires_at_text,
    find_user,
    token_secret,
)
from amigo_sandbox.ratelimit import RateDecision, RateLimiter
from amigo_sandbox.spec import Operation, Spec, make_validator
from amigo_sandbox.store import DATA_TABLES, MEMORY, Database, loads
from amigo_sandbox.validation import (
    RawRequest,
    validate_request,
    validator_errors,
)
from amigo_sandbox.values import format_timestamp, new_object_id, parse_timestamp, timestamp_of

logger = logging.getLogger("sandbox")


@dataclass
class SandboxSettings:
    """How a sandbox runs. `db` is a file path or `:memory:`; `clock` is real time unless
    given one that is stopped or moved (the admin API moves it too)."""

    db: str = MEMORY
    seed_demo: bool = False
    rate_limits: bool = True
    # Each operation's limit is its `x-rate-limit-per-minute` times this (load benchmarks raise
    # it so that the API's window, not the spec's figure, is what a client sees and follows).
    rate_limit_scale: float = 1.0
    token_lifetime_s: float = 3600.0
    clock: SandboxClock = field(default_factory=SandboxClock)


class RequestLog:
    """How many requests each operation received, how each was answered, and as which user."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: Counter[str] = Counter()
        self._answers: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._callers: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def seen(self, operation_id: str) -> None:
        with self._lock:
            self._seen[operation_id] += 1

    def answered(self, operation_id: str, outcome: int | str) -> None:
        with self._lock:
            self._answers[operation_id][str(outcome)] += 1

    def called_by(self, operation_id: str, user_id: str) -> None:
        """A request whose bearer token authenticated as `user_id`."""
        with self._lock:
            self._callers[operation_id][user_id] += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "counts": dict(self._seen),
                "statuses": {op: dict(c) for op, c in self._answers.items()},
                "callers": {op: dict(c) for op, c in self._callers.items()},
            }

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()
            self._answers.clear()
            self._callers.clear()


def error_body(error: ApiError, request_id: str) -> dict[str, Any]:
    body: dict[str, Any] = {"detail": error.detail}
    if error.error_code:
        body["error_code"] = error.error_code
    body["request_id"] = request_id
    return body


_ADMIN_SCHEMAS = {
    "user": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "organization": {"type": "string", "minLength": 1},
            "user_id": {"type": "string", "pattern": "^[a-f0-9]{24}$"},
            "name": {"type": "string", "minLength": 1},
            "role": {"enum": list(ROLES)},
            "api_key_id": {"type": "string", "minLength": 1},
            "api_key": {"type": "string", "minLength": 1},
        },
    },
    "token": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "organization": {"type": "string", "minLength": 1},
            "user_id": {"type": "string", "minLength": 1},
            "lifetime_s": {"type": "number"},
        },
    },
    "invocations": {
        "type": "object",
        "required": ["dynamic_behavior_set_id"],
        "additionalProperties": False,
        "properties": {
            "dynamic_behavior_set_id": {"type": "string", "pattern": "^[a-f0-9]{24}$"},
            "count": {"type": "integer", "minimum": 1, "maximum": 1000},
            "invocations": {
                "type": "array",
                "maxItems": 1000,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "version": {"type": "integer", "minimum": 1},
                        "conversation_id": {"type": "string", "minLength": 1},
                        "service_id": {"type": "string", "minLength": 1},
                        "user_id": {"type": "string", "minLength": 1},
                        "initial_message_id": {"type": "string", "minLength": 1},
                        "agent_message_id": {"type": ["string", "null"]},
                        "agent_inner_thoughts_ids": {"type": "array", "items": {"type": "string"}},
                        "external_event_message_ids": {
                            "type": ["array", "null"],
                            "items": {"type": "string"},
                        },
                        "invoked_at": {"type": "string", "format": "date-time"},
                    },
                },
            },
        },
    },
    "unit_test": {
        "type": "object",
        "required": ["simulation_scenario_id"],
        "additionalProperties": False,
        "properties": {
            "simulation_scenario_id": {"type": "string", "pattern": "^[a-f0-9]{24}$"},
            "name": {"type": "string", "minLength": 1},
        },
    },
    "reset": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"seed_demo": {"type": "boolean"}},
    },
    "settings": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "rate_limits": {"type": "boolean"},
            "rate_limit_scale": {"type": "number", "exclusiveMinimum": 0},
            "token_lifetime_s": {"type": "number", "exclusiveMinimum": 0},
        },
    },
    "clock": {
        "type": "object",
        "additionalProperties": False,
        "minProperties": 1,
        "properties": {
            "advance_s": {"type": "number", "minimum": 0},
            "time": {"type": "string", "format": "date-time"},
            "stopped": {"type": "boolean"},
            "real": {"const": True},
        },
    },
    "fault": FAULT_REQUEST_SCHEMA,
}
_ADMIN_VALIDATORS = {name: make_validator(schema) for name, schema in _ADMIN_SCHEMAS.items()}


def check_admin_body(kind: str, body: Any) -> dict[str, Any]:
    """Validate an admin request body (422 with FastAPI-style items when it is wrong)."""
    if body is None:
        body = {}
    errors = validator_errors(_ADMIN_VALIDATORS[kind], body, ["body"])
    if errors:
        raise ApiError(422, errors)
    assert isinstance(body, dict)
    return body


def not_emulated(operation: Operation) -> ApiError:
    """The answer to a valid request for an operation of the spec the sandbox cannot emulate."""
    return ApiError(
        501,
        f"The sandbox does not emulate {operation.operation_id} ({operation.method} "
        f"{operation.path}) yet: the request was valid for the spec, but no sandbox handler "
        "exists for this operation. Call the real Amigo API for it.",
        error_code="not_emulated",
    )


class Sandbox:
    """One sandbox: the spec, the database, and the runtime state around them."""

    def __init__(self, settings: SandboxSettings, spec: Spec | None = None) -> None:
        self.settings = settings
        self.clock = settings.clock
        self.spec = spec or Spec.load()
        # An operation of the spec without a handler answers 501 (see `handle`); a handler for
        # an operation the spec does not have is a mistake in the sandbox itself.
        extra = sorted(set(handlers.HANDLERS) - set(self.spec.by_id))
        if extra:
            raise RuntimeError(f"handlers for operations the spec does not have: {extra}")
        self.db = Database(settings.db)
        with self.db.transaction(write=True) as conn:
            self.tokens = TokenService(token_secret(conn), settings.token_lifetime_s)
            ensure_demo_identity(conn)
            if settings.seed_demo:
                seed_demo_data(conn, self.spec, self.tokens)
        self.limiter = RateLimiter()
        self.faults = FaultRegistry()
        self.requests = RequestLog()

    def close(self) -> None:
        self.db.close()

    # --- the request pipeline -------------------------------------------------------------------

    def _admit(
        self, operation: Operation, raw: RawRequest, now: float
    ) -> tuple[Principal | None, RateDecision | None]:
        """Who sends a request (401, 403, 404 when no one the operation accepts), and the
        request counted in that caller's rate window (None when limits are off or the operation
        has none)."""
        organization = raw.path_params.get("organization", "")
        principal: Principal | None = None
        if operation.requires_auth:
            with self.db.transaction(write=False) as conn:
                principal = authenticate(conn, self.tokens, raw.headers, organization, now)
            self.requests.called_by(operation.operation_id, principal.user_id)
            limit_key = (principal.org_id, principal.user_id, operation.operation_id)
        else:
            limit_key = (organization, raw.headers.get("x-user-id", ""), operation.operation_id)
        limit = operation.rate_limit_per_minute
        if not (self.settings.rate_limits and limit):
            return principal, None
        limit = max(1, round(limit * self.settings.rate_limit_scale))
        return principal, self.limiter.hit(limit_key, limit, now)

    def fault_rate_headers(self, operation: Operation, raw: RawRequest) -> dict[str, str]:
        """The `X-RateLimit-*` headers of a request answered by an injected status (runs in a
        worker thread): it is counted in its caller's window like any other, so while limits are
        on every counted answer carries them. Nothing when the caller is not signed in."""
        try:
            _, decision = self._admit(operation, raw, self.clock.time())
        except ApiError:
            return {}
        if decision is None:
            return {}
        return {k: v for k, v in decision.headers().items() if k.startswith("X-RateLimit-")}

    def handle(self, operation: Operation, raw: RawRequest, request_id: str) -> Reply:
        """Answer one request to a spec operation (runs in a worker thread)."""
        now = self.clock.time()
        extra_headers: dict[str, str] = {}
        try:
            principal, decision = self._admit(operation, raw, now)
            if decision is not None:
                extra_headers.update(decision.headers())
                if not decision.allowed:
                    raise ApiError(
                        429,
                        f"Rate limit exceeded: {decision.limit} requests per minute for this "
                        f"operation. Retry after {decision.retry_after_s} s.",
                        error_code="rate_limited",
                    )
            request = validate_request(self.spec, operation, raw)
            if principal is not None and principal.role == "viewer" and not operation.read_only:
                needed = ", ".join(operation.permissions) or "write access"
                raise ApiError(
                    403, f"Missing required permissions: {needed}.", error_code="forbidden"
                )
            handler = handlers.HANDLERS.get(operation.operation_id)
            if handler is None:
                raise not_emulated(operation)
            with self.db.transaction(write=not operation.read_only) as conn:
                organization = raw.path_params.get("organization", "")
                reply = handler(
                    Call(operation, organization, principal, request, conn, self.tokens, now)
                )
        except ApiError as error:
            reply = Reply(error.status, error_body(error, request_id), dict(error.headers))
        except Exception:
            logger.exception("error while handling %s", operation.operation_id)
            reply = Reply(500, {"detail": "Internal Server Error", "request_id": request_id})
        reply.headers.update(extra_headers)
        return reply

    # --- administration -------------------------------------------------------------------------

    def add_fault(self, fields: dict[str, Any]) -> FaultRule:
        fields = check_admin_body("fault", fields)
        operation_id = fields["operation_id"]
        operation = self.spec.by_id.get(operation_id)
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
            and not has_enum(self.spec, operation.response_pointers.get(operation.success_status))
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
        return self.faults.add(**fields)

    def reset(self, seed_demo: bool | None = None) -> bool:
        """Delete all data, restore the demo credentials, optionally reseed; clear runtime state."""
        seed = self.settings.seed_demo if seed_demo is None else seed_demo
        with self.db.transaction(write=True) as conn:
            for table in DATA_TABLES:
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM meta WHERE key = 'demo_seeded'")
            ensure_demo_identity(conn)
            seeded = seed_demo_data(conn, self.spec, self.tokens) if seed else False
        self.faults.clear()
        self.limiter.clear()
        self.requests.clear()
        return seeded

    def timestamp(self) -> str:
        """The clock's reading as the API writes times."""
        return timestamp_of(self.clock.time())

    def move_clock(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Advance, set, stop, restart or reset the clock (the body of `POST /_sandbox/clock`)."""
        fields = check_admin_body("clock", fields)
        if "real" in fields and len(fields) > 1:
            raise invalid_field(["body", "real"], "Value error, real cannot be combined", True)
        if "advance_s" in fields and "time" in fields:
            raise invalid_field(
                ["body", "advance_s"], "Value error, give advance_s or time, not both", None
            )
        moment = self.clock.time() + fields["advance_s"] if "advance_s" in fields else None
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
            self.clock.reset()
        elif "advance_s" in fields:
            self.clock.advance(fields["advance_s"])
        if "time" in fields or "stopped" in fields:
            self.clock.set(moment if "time" in fields else None, stopped=fields.get("stopped"))
        return self.clock.to_json()

    def update_settings(self, fields: dict[str, Any]) -> dict[str, Any]:
        fields = check_admin_body("settings", fields)
        if "rate_limits" in fields:
            self.settings.rate_limits = fields["rate_limits"]
            self.limiter.clear()
        if "rate_limit_scale" in fields:
            self.settings.rate_limit_scale = float(fields["rate_limit_scale"])
            self.limiter.clear()
        if "token_lifetime_s" in fields:
            self.settings.token_lifetime_s = float(fields["token_lifetime_s"])
            self.tokens.lifetime_s = self.settings.token_lifetime_s
        return self.settings_json()

    def settings_json(self) -> dict[str, Any]:
        return {
            "database": self.settings.db,
            "seed_demo": self.settings.seed_demo,
            "rate_limits": self.settings.rate_limits,
            "rate_limit_scale": self.settings.rate_limit_scale,
            "token_lifetime_s": self.settings.token_lifetime_s,
        }

    def add_user(self, fields: dict[str, Any]) -> dict[str, Any]:
        fields = check_admin_body("user", fields)
        now = self.timestamp()
        organization = fields.get("organization", DEMO_ORGANIZATION)
        user_id = fields.get("user_id") or new_object_id(now)
        role: Role = fields.get("role", "admin")
        key_id = fields.get("api_key_id") or f"sandbox-key-{new_object_id(now)[-8:]}"
        api_key = fields.get("api_key") or f"sandbox-{uuid.uuid4().hex}"
        name = fields.get("name", "Sandbox user")
        with self.db.transaction(write=True) as conn:
            ensure_user(conn, organization, user_id, name, role, now)
            ensure_api_key(conn, organization, key_id, api_key, now)
        return {
            "organization": organization,
            "user_id": user_id,
            "role": role,
            "api_key_id": key_id,
            "api_key": api_key,
        }

    def issue_token(self, fields: dict[str, Any]) -> dict[str, Any]:
        fields = check_admin_body("token", fields)
        organization = fields.get("organization", DEMO_ORGANIZATION)
        user_id = fields.get("user_id", DEMO_USER_ID)
        with self.db.transaction(write=False) as conn:
            if find_user(conn, organization, user_id) is None:
                raise not_found(f"User {user_id} of organization {organization!r}")
        token, claims = self.tokens.mint(
            organization, user_id, self.clock.time(), fields.get("lifetime_s")
        )
        return {"id_token": token, "expires_at": expires_at_text(claims)}

    def add_invocations(self, fields: dict[str, Any]) -> list[str]:
        fields = check_admin_body("invocations", fields)
        set_id = fields["dynamic_behavior_set_id"]
        items = list(fields.get("invocations") or [])
        items += [{} for _ in range(fields.get("count", 0 if items else 1))]
        now = self.timestamp()
        created = []
        with self.db.transaction(write=True) as conn:
            row = conn.execute("SELECT * FROM behavior_sets WHERE id = ?", (set_id,)).fetchone()
            if row is None:
                raise not_found(f"Dynamic behavior set {set_id}")
            latest = VERSIONS.latest(conn, set_id)
            services: list[str] = loads(row["applied_to_services"])
            for item in items:
                version = item.get("version", latest)
                if version > latest:
                    raise ApiError(
                        422,
                        [
                            {
                                "type": "value_error",
                                "loc": ["body", "invocations"],
                                "msg": f"Value error, the set has no version {version}",
                                "input": version,
                            }
                        ],
                    )
                invoked_at = item.get("invoked_at")
                try:
                    invoked_at = (
                        format_timestamp(parse_timestamp(invoked_at)) if invoked_at else now
                    )
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
                        conversation_id=item.get("conversation_id") or new_object_id(now),
                        service_id=item.get("service_id")
                        or (services[0] if services else new_object_id(now)),
                        user_id=item.get("user_id") or new_object_id(now),
                        initial_message_id=item.get("initial_message_id") or new_object_id(now),
                        agent_message_id=item.get("agent_message_id", new_object_id(now)),
                        agent_inner_thoughts_ids=item.get(
                            "agent_inner_thoughts_ids", [new_object_id(now)]
                        ),
                        external_event_message_ids=item.get("external_event_message_ids"),
                        invoked_at=invoked_at,
                        timestamp=now,
                    )
                )
        return created

    def add_unit_test(self, fields: dict[str, Any]) -> str:
        fields = check_admin_body("unit_test", fields)
        scenario_id = fields["simulation_scenario_id"]
        with self.db.transaction(write=True) as conn:
            row = conn.execute(
                "SELECT org_id FROM scenarios WHERE id = ?", (scenario_id,)
            ).fetchone()
            if row is None:
                raise not_found(f"Simulation scenario {scenario_id}")
            return insert_unit_test(
                conn,
                row["org_id"],
                fields.get("name", "Sandbox unit test"),
                scenario_id,
                self.timestamp(),
            )
