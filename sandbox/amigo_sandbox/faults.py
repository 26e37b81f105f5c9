"""Fault injection: make chosen operations fail the way real networks and servers fail.

A rule names an operation (or `*`), a kind and how many times it fires. Kinds:

- `status`: answer `status` (e.g. 429 or 503) without running the operation, with `Retry-After`
  when `retry_after` is given (and `X-RateLimit-*` headers for a 429);
- `slow`: wait `delay_s` seconds on the sandbox's clock (`SandboxClock.stall`), then answer normally
  (any rule may also carry `delay_s`);
- `drop`: close the connection without an answer, before running the operation, or after it
  when `after_handler` is true (the write happened; the client cannot know);
- `malformed_json`: run the operation, then send a truncated JSON body;
- `unknown_enum`: run the operation, then replace the first enum value in the answer (per the
  response schema) with a value the spec does not list.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from amigo_sandbox.spec import Spec

FaultKind = Literal["status", "slow", "drop", "malformed_json", "unknown_enum"]
FAULT_KINDS: tuple[FaultKind, ...] = ("status", "slow", "drop", "malformed_json", "unknown_enum")
UNKNOWN_ENUM_VALUE = "sandbox-unknown-value"

#: JSON Schema of `POST /_sandbox/faults` bodies.
FAULT_REQUEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["operation_id", "kind"],
    "additionalProperties": False,
    "properties": {
        "operation_id": {"type": "string", "minLength": 1},
        "kind": {"enum": list(FAULT_KINDS)},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "retry_after": {"type": ["integer", "null"], "minimum": 0},
        "delay_s": {"type": "number", "minimum": 0, "maximum": 120},
        "times": {"type": ["integer", "null"], "minimum": 1},
        "after_handler": {"type": "boolean"},
    },
}


@dataclass
class FaultRule:
    id: int
    operation_id: str  # an operationId, or "*" for every operation
    kind: FaultKind
    status: int | None = None
    retry_after: int | None = None
    delay_s: float = 0.0
    times: int | None = 1  # None: until cleared
    after_handler: bool = False
    fired: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class FaultRegistry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._ids = itertools.count(1)

    def add(self, **fields: Any) -> FaultRule:
        with self._lock:
            rule = FaultRule(id=next(self._ids), **fields)
            self._rules.append(rule)
            return rule

    def take(self, operation_id: str) -> FaultRule | None:
        """The first live rule for this operation, counted as fired."""
        with self._lock:
            for rule in self._rules:
                if rule.operation_id not in ("*", operation_id):
                    continue
                if rule.times is not None and rule.fired >= rule.times:
                    continue
                rule.fired += 1
                return rule
        return None

    def list(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def remove(self, rule_id: int) -> bool:
        with self._lock:
            before = len(self._rules)
            self._rules = [r for r in self._rules if r.id != rule_id]
            return len(self._rules) != before

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()


def has_enum(spec: Spec, pointer: str | None) -> bool:
    return pointer is not None and next(spec.iter_enum_sites(pointer), None) is not None


def replace_first_enum(spec: Spec, pointer: str, body: Any) -> bool:
    """Put UNKNOWN_ENUM_VALUE in place of the first enum-valued field of `body` (in place)."""
    for slot in slots(spec, spec.schema_at(pointer), body):
        if isinstance(slot.schema.get("enum"), list) and isinstance(slot.value, str):
            slot.container[slot.key] = UNKNOWN_ENUM_VALUE
            return True
    return False


@dataclass(frozen=True)
class Slot:
    """One value inside an answer, with what its schema says of it."""

    container: Any  # the object or array holding the value
    key: Any  # its name or index there
    schema: dict[str, Any]  # its schema, `$ref`s followed
    required: bool  # the enclosing object requires it (array items and map entries: True)
    path: str  # wire names from the body down, `[]` after an array, `*` for a map entry

    @property
    def value(self) -> Any:
        return self.container[self.key]


def slots(spec: Spec, schema: Any, value: Any, path: str = "") -> Iterator[Slot]:
    """Every value below `value` (read with `schema`), depth first in the schema's order; in a
    `oneOf` or `anyOf`, the branch the discriminator names, or else the first that fits."""
    schema = _branch(spec, spec.resolve(schema), value)
    if not isinstance(schema, dict):
        return
    prefix = f"{path}." if path else ""
    if isinstance(value, dict):
        required = set(schema.get("required", []))
        properties = schema.get("properties", {})
        for name, child in properties.items():
            if name in value:
                yield from _slot(spec, child, value, name, name in required, prefix + name)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for name in value.keys() - properties.keys():
                yield from _slot(spec, extra, value, name, True, prefix + "*")
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index in range(len(value)):
            yield from _slot(spec, schema["items"], value, index, True, f"{path}[]")


def _slot(
    spec: Spec, schema: Any, container: Any, key: Any, required: bool, path: str
) -> Iterator[Slot]:
    resolved = _branch(spec, spec.resolve(schema), container[key])
    if isinstance(resolved, dict):
        yield Slot(container, key, resolved, required, path)
        yield from slots(spec, resolved, container[key], path)


def _branch(spec: Spec, schema: Any, value: Any) -> Any:
    """The branch of a `oneOf` / `anyOf` schema that `value` takes (the schema itself when it
    has none, None when no branch fits)."""
    if not isinstance(schema, dict):
        return schema
    branches = schema.get("oneOf") or schema.get("anyOf")
    if not branches:
        return schema
    discriminator = schema.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(value, dict):
        target = discriminator.get("mapping", {}).get(value.get(discriminator["propertyName"]))
        named = [b for b in branches if isinstance(b, dict) and b.get("$ref") == target]
        branches = named or branches
    for branch in branches:
        resolved = _branch(spec, spec.resolve(branch), value)
        if isinstance(resolved, dict) and _fits(spec, resolved, value):
            return resolved
    return None


def _fits(spec: Spec, schema: dict[str, Any], value: Any) -> bool:
    types = spec.types_of(schema)
    if value is None:
        return "null" in types
    if isinstance(value, dict):
        an_object = "object" in types or (not types and "properties" in schema)
        return an_object and set(schema.get("required", [])) <= value.keys()
    if isinstance(value, list):
        return "array" in types
    return not types or not types <= {"null", "object", "array"}
