"""The bodies the sandbox's admin API (`/_sandbox/...`) accepts: one JSON schema per kind of
body, and the check that answers 422 with FastAPI-style items as the API's own operations do."""

from __future__ import annotations

from typing import Any

from amigo_sandbox.errors import ApiError
from amigo_sandbox.faults import FAULT_REQUEST_SCHEMA
from amigo_sandbox.identity import ROLES
from amigo_sandbox.spec import make_validator
from amigo_sandbox.validation import validator_errors

_SCHEMAS = {
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
_VALIDATORS = {name: make_validator(schema) for name, schema in _SCHEMAS.items()}


def check_admin_body(kind: str, body: Any) -> dict[str, Any]:
    """Validate an admin request body (422 with FastAPI-style items when it is wrong)."""
    if body is None:
        body = {}
    errors = validator_errors(_VALIDATORS[kind], body, ["body"])
    if errors:
        raise ApiError(422, errors)
    assert isinstance(body, dict)
    return body
