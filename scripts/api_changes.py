#!/usr/bin/env python3
"""Report what changed in the API between two versions of a spec, for the operations we cover.

    uv run scripts/api_changes.py [OLD] [NEW] [--json]
    uv run scripts/api_changes.py --last-commit      # CI: the spec change of the last commit

OLD is a git revision (its ``openapi/amigo.yaml``) or a file; default ``HEAD``. NEW is a file;
default the working copy of ``openapi/amigo.yaml``, so a lone argument is OLD (``HEAD~1``: what
changed since then, as ``git diff HEAD~1`` shows). NEW may be an edited copy of our spec or a
copy of Amigo's published OpenAPI document (3.0 or 3.1, YAML or JSON).

The operations compared are those of OLD, matched in NEW by method and path (a trailing slash
and the names of path parameters do not matter). Operations of NEW that OLD lacks are reported
only when they carry ``x-mcp`` (an operation added to our spec); the rest of a published
document is outside what we cover. Both documents are first prepared with
``openapi/normalize.yaml`` (framework headers dropped).

Each difference is classified for the two kinds of caller: code using ``amigo_client``
(*client*) and a model using the MCP tools (*tools*); a difference that breaks neither is
*safe*. Direction matters: what is breaking in a request (a new required field, a tightened
constraint) is safe in a response, and the other way round (a field that may now be null).
Parameters hidden from the tools and bound from configuration (root ``x-mcp.hidden-parameters``)
never break tool callers. The rules, and why no OpenAPI diff library is used: openapi/CHANGES.md.

Exit status: 0 no breaking difference, 1 at least one breaking difference, 2 error.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import yaml
from build_catalog import OUTPUT_DEPTH
from jsonschema import Draft202012Validator
from spec_normalize import Normalization, SpecError, normalize, operations

from amigo_sandbox.refs import Document, RefError
from amigo_sandbox.spec import parse_yaml

REPO = Path(__file__).resolve().parent.parent
SPEC = "openapi/amigo.yaml"

Direction = Literal["request", "response"]

# Keywords whose larger value narrows what is valid, and those whose smaller value does.
LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
# Keywords where any new or different value narrows what is valid, and dropping one widens it.
RESTRICTIONS = ("pattern", "format", "multipleOf", "const")


@dataclass(frozen=True)
class Change:
    """One difference in one covered operation."""

    method: str
    path: str  # as in OLD (as in NEW for an added operation)
    operation_id: str
    where: str  # e.g. "query parameter `limit`", "response 200 body `items[].name`"
    kind: str  # machine-readable, e.g. "field-added-required"
    detail: str  # human-readable
    breaks_client: bool
    breaks_tools: bool
    tools: tuple[str, ...]
    functions: tuple[str, ...]
    note: str = ""

    @property
    def breaking(self) -> bool:
        return self.breaks_client or self.breaks_tools


@dataclass
class Report:
    old: str
    new: str
    compared: int = 0
    outside: int = 0
    changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> bool:
        return any(change.breaking for change in self.changes)

    def as_json(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "operations_compared": self.compared,
            "operations_outside_coverage": self.outside,
            "breaking": self.breaking,
            "changes": [{**asdict(change), "breaking": change.breaking} for change in self.changes],
        }


# --- documents and operations ------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    node: dict[str, Any]
    parameters: list[dict[str, Any]]  # path-item and operation parameters, `$ref`s followed
    at: Place

    @property
    def operation_id(self) -> str:
        return str(self.node.get("operationId", f"{self.method} {self.path}"))

    @property
    def tool(self) -> str | None:
        curation = self.node.get("x-mcp")
        return str(curation["tool"]) if isinstance(curation, dict) and "tool" in curation else None

    def deprecated(self, parameter: dict[str, Any]) -> bool:
        """A parameter is deprecated where it says so, or where its schema does."""
        schema = self.at.resolve(parameter.get("schema") or {})
        return bool(parameter.get("deprecated") or schema.get("deprecated"))

    @property
    def tag(self) -> str:
        return str((self.node.get("tags") or ["default"])[0])

    @property
    def function(self) -> str:
        """The client module, named by the generator's own rules."""
        # Imported on first use: the generator's package is slow to import, and a
        # run that finds no difference (or no spec change) never names a module.
        from openapi_python_client.strings import PythonIdentifier

        tag = PythonIdentifier(self.tag, prefix="tag")
        return f"amigo_client.api.{tag}.{PythonIdentifier(self.operation_id, prefix='field_')}"


def match_key(method: str, path: str) -> tuple[str, str]:
    """How operations are matched: method, and path without a trailing slash or parameter names."""
    return method.upper(), re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")


def index(document: Mapping[str, Any]) -> dict[tuple[str, str], Operation]:
    at = Place(Document(document))
    found: dict[tuple[str, str], Operation] = {}
    for path, method, node in operations(document):
        item = document["paths"][path]
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*(item.get("parameters") or []), *(node.get("parameters") or [])]:
            parameter = at.resolve(raw)
            merged[(str(parameter.get("in")), str(parameter.get("name")))] = parameter
        found[match_key(method, path)] = Operation(
            method.upper(), path, node, list(merged.values()), at
        )
    return found


@dataclass(frozen=True)
class Place:
    """A document, and the `$ref`s being expanded at this point of a walk (see sandbox.refs)."""

    doc: Document
    within: frozenset[str] = frozenset()

    def resolve(self, node: Any) -> Any:
        return self.doc.resolve(node)


# --- schemas ----------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """A schema as compared: union-with-null unwrapped into `nullable`, `allOf` merged."""

    schema: dict[str, Any]
    at: Place
    nullable: bool
    types: frozenset[str]  # JSON types other than null; empty means any
    arms: tuple[Any, ...]  # the non-null arms of a real union (anyOf / oneOf)
    ref: str | None
    recursive: bool  # it leads back into a schema being compared further up


def view(node: Any, at: Place) -> View:
    followed = at.doc.follow(node, at.within)
    schema, ref, recursive = followed.node, followed.ref, followed.recursive
    at = Place(at.doc, followed.within)
    schema = canonical(schema) if isinstance(schema, dict) else {}
    nullable = bool(schema.get("nullable"))  # OpenAPI 3.0
    declared = schema.get("type")
    types = {declared} if isinstance(declared, str) else set(declared or [])
    if "null" in types:
        nullable = True
        types.discard("null")
    if isinstance(schema.get("enum"), list):
        # The values say the type: `enum: [a]` alone is `type: string, enum: [a]`.
        types = {json_type(value) for value in schema["enum"]}
    arms: tuple[Any, ...] = ()
    for keyword in ("anyOf", "oneOf"):
        if isinstance(schema.get(keyword), list):
            options = schema[keyword]
            real = [arm for arm in options if not is_null(at.resolve(arm))]
            nullable = nullable or len(real) < len(options)
            if len(real) == 1:
                # `anyOf: [X, null]`: X, nullable; the outer schema's keywords win.
                inner = view(real[0], at)
                outer = {k: v for k, v in schema.items() if k != keyword}
                return View(
                    {**inner.schema, **outer},
                    inner.at,
                    nullable or inner.nullable,
                    inner.types,
                    inner.arms,
                    inner.ref or ref,
                    inner.recursive or recursive,
                )
            arms = tuple(real)
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {}
        parts = [view(part, at) for part in schema["allOf"]]
        for part_view in parts:
            merged = merge(merged, part_view.schema)
            types |= part_view.types
        # What the merged schema nests is inside every part's references.
        at = Place(at.doc, at.within.union(*(part_view.at.within for part_view in parts)))
        schema = merge(merged, {k: v for k, v in schema.items() if k != "allOf"})
    if not types and isinstance(schema.get("properties"), dict):
        types = {"object"}
    if not types and not arms and "enum" not in schema:
        nullable = True  # a schema that takes any value takes null
    return View(schema, at, nullable, frozenset(types), arms, ref, recursive)


def is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


# --- equivalent forms -----------------------------------------------------------------------

# Keywords that say nothing about which values are valid: left out when union arms are merged.
ANNOTATIONS = frozenset({"title", "description", "examples", "example", "$comment"})
# The keywords that apply to values of one JSON type only (and are ignored for the others).
TYPE_KEYWORDS: dict[str, frozenset[str]] = {
    "string": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "integer": frozenset(
        {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"}
    ),
    "array": frozenset({"items", "minItems", "maxItems", "uniqueItems"}),
    "object": frozenset(
        {"properties", "required", "additionalProperties", "minProperties", "maxProperties"}
    ),
    "boolean": frozenset(),
    "null": frozenset(),
}
TYPE_KEYWORDS["number"] = TYPE_KEYWORDS["integer"]
# JSON types, each before those it is also an instance of (an integer is a number).
JSON_TYPES = ("null", "boolean", "integer", "number", "string", "array", "object")
TYPE_CHECKER = Draft202012Validator.TYPE_CHECKER
# Lower bounds whose zero is no bound at all.
ZERO_IS_NO_BOUND = ("minLength", "minItems", "minProperties")


def json_type(value: Any) -> str:
    """The JSON type of a value, as JSON Schema 2020-12 tells them apart (1.0 is an integer)."""
    if isinstance(value, str):  # most enum values: no other type to tell apart
        return "string"
    return next(t for t in JSON_TYPES if TYPE_CHECKER.is_type(value, t))


def canonical(schema: dict[str, Any]) -> dict[str, Any]:
    """One form for schemas that accept the same values, so that only real differences show:

    - `const: x` is `enum: [x]`; `null` among enum values is `nullable` (and `const: null` the
      type null);
    - `anyOf` (or `oneOf` of distinct types) of arms that each only type their values is one
      schema with a type list: `anyOf: [{type: number}, {type: string}]` is
      `type: [number, string]`; an `anyOf` with an unconstrained arm (`{}`) accepts anything;
    - on integers, `exclusiveMinimum: n` is `minimum: n + 1` (and `exclusiveMaximum` alike);
      OpenAPI 3.0's boolean `exclusiveMinimum: true` next to `minimum` is 3.1's number form;
    - a zero `minLength` / `minItems` / `minProperties` is no bound.
    """
    schema = merged_type_arms(schema)
    out = dict(schema)
    if "const" in out:
        value = out.pop("const")
        if value is None:
            out.pop("enum", None)
            out["type"] = "null"
        else:
            out["enum"] = [value]
    if isinstance(out.get("enum"), list) and None in out["enum"]:
        out["enum"] = [value for value in out["enum"] if value is not None]
        out["nullable"] = True
        if not out["enum"]:
            del out["enum"]
            out["type"] = "null"
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        flag = out.get(exclusive)
        if isinstance(flag, bool):  # OpenAPI 3.0: a flag on `minimum` / `maximum`
            del out[exclusive]
            if flag and bound in out:
                out[exclusive] = out.pop(bound)
    declared = out.get("type")
    types = {declared} if isinstance(declared, str) else set(declared or []) - {"null"}
    if types == {"integer"}:
        low, high = out.pop("exclusiveMinimum", None), out.pop("exclusiveMaximum", None)
        if isinstance(low, int | float):
            out["minimum"] = max(math.floor(low) + 1, out.get("minimum", -math.inf))
        if isinstance(high, int | float):
            out["maximum"] = min(math.ceil(high) - 1, out.get("maximum", math.inf))
    for bound in ZERO_IS_NO_BOUND:
        if out.get(bound) == 0:
            del out[bound]
    return out


def merged_type_arms(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with an `anyOf` / `oneOf` of plainly typed arms written as a type list."""
    for keyword in ("anyOf", "oneOf"):
        arms = schema.get(keyword)
        if not isinstance(arms, list) or not all(isinstance(arm, dict) for arm in arms):
            continue
        if keyword == "anyOf" and any(not set(arm) - ANNOTATIONS for arm in arms):
            return {k: v for k, v in schema.items() if k != keyword}  # one arm takes anything
        types: list[str] = []
        merged: dict[str, Any] = {}
        for arm in arms:
            kind = arm.get("type")
            if not isinstance(kind, str) or kind not in TYPE_KEYWORDS or kind in types:
                return schema
            for key, value in arm.items():
                if key in ANNOTATIONS or key == "type":
                    continue
                if key not in TYPE_KEYWORDS[kind] or merged.get(key, value) != value:
                    return schema
                merged[key] = value
            types.append(kind)
        # A keyword merged from one arm must not come to apply to another arm's values.
        for key, value in merged.items():
            for arm in arms:
                if key in TYPE_KEYWORDS[arm["type"]] and arm.get(key) != value:
                    return schema
        # oneOf refuses a value two arms accept: integer and number overlap.
        overlap = keyword == "oneOf" and {"integer", "number"} <= set(types)
        if overlap or "type" in schema or set(merged) & set(schema):
            return schema
        rest = {k: v for k, v in schema.items() if k != keyword}
        return {**rest, **merged, "type": types}
    return schema


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = {**base, **extra}
    if "properties" in base or "properties" in extra:
        merged["properties"] = {**base.get("properties", {}), **extra.get("properties", {})}
        merged["required"] = [*base.get("required", []), *extra.get("required", [])]
    return merged


def same_set(before: Any, after: Any, schema: dict[str, Any]) -> bool:
    """Two lists with the same items, where the schema makes the list a set (`uniqueItems`)."""
    if not (schema.get("uniqueItems") and isinstance(before, list) and isinstance(after, list)):
        return False
    return sorted(map(json.dumps, before)) == sorted(map(json.dumps, after))


def widens(old: frozenset[str], new: frozenset[str]) -> bool:
    """Whether every value of the old types is a value of the new ones."""
    if not new:
        return True
    if not old:
        return False
    return all(t in new or (t == "integer" and "number" in new) for t in old)


@dataclass(frozen=True)
class Finding:
    """A difference inside a schema, before it is tied to an operation."""

    where: str
    kind: str
    detail: str
    client: bool  # breaks client callers
    tools: bool  # breaks tool callers


def narrowing(key: str, old: Any, new: Any) -> bool | None:
    """True if the keyword change narrows what is valid, False if it widens it, None if same."""
    # `false` (uniqueItems, OpenAPI 3.0 exclusive bounds) says no more than leaving it out.
    if old is False:
        old = None
    if new is False:
        new = None
    if old == new:
        return None
    if old is None:
        return True
    if new is None:
        return False
    if isinstance(old, bool) or isinstance(new, bool):  # 3.0 exclusive bounds, uniqueItems
        return bool(new) and not bool(old)
    if key in LOWER_BOUNDS and isinstance(old, int | float) and isinstance(new, int | float):
        return new > old
    if key in UPPER_BOUNDS and isinstance(old, int | float) and isinstance(new, int | float):
        return new < old
    return True  # a different pattern, format, multipleOf or const: assume narrower


class SchemaDiff:
    """Compare two schemas in one direction; yields each difference once."""

    def __init__(self, direction: Direction, tool_levels: int | None = None) -> None:
        self.direction = direction
        # How many levels of fields the tool's schema spells out (a tool's output schema stops
        # at OUTPUT_DEPTH; deeper it says only `{"type": "object"}`); None: every level. What
        # the tool's schema does not describe cannot break a tool caller.
        self.tool_levels = tool_levels

    def diff(
        self,
        old_node: Any,
        old_at: Place,
        new_node: Any,
        new_at: Place,
        where: str,
        level: int = 0,
    ) -> Iterator[Finding]:
        """The differences of a schema at `level` (0: the body or parameter, 1: its fields...)."""
        old = view(old_node, old_at)
        new = view(new_node, new_at)
        if old.recursive and new.recursive:
            return  # recursive schemas: this depth is already being compared further up
        for finding in self.differences(old, new, where, level):
            yield self.seen_at(finding, level)

    def seen_at(self, finding: Finding, level: int) -> Finding:
        if self.tool_levels is None or level <= self.tool_levels or not finding.tools:
            return finding
        return replace(finding, tools=False)

    def differences(self, old: View, new: View, where: str, level: int) -> Iterator[Finding]:
        request = self.direction == "request"
        if (old.types or not new.types) and (new.types or not old.types):
            # (to or from any value, the type change below says it: any value includes null)
            yield from self.nullability(old, new, where, request)
        if old.types != new.types:
            wider = widens(old.types, new.types)
            safe = wider if request else widens(new.types, old.types)
            detail = f"type {sorted(old.types) or 'any'} -> {sorted(new.types) or 'any'}"
            yield Finding(where, "type-changed", detail, client=not safe, tools=not safe)
            return
        yield from self.enum(old, new, where, request)
        yield from self.constraints(old, new, where, request)
        if bool(old.schema.get("deprecated")) != bool(new.schema.get("deprecated")):
            state = "deprecated" if new.schema.get("deprecated") else "no longer deprecated"
            yield Finding(where, "deprecated", state, client=False, tools=False)
        if "default" in old.schema or "default" in new.schema:
            before, after = old.schema.get("default"), new.schema.get("default")
            if before != after and not same_set(before, after, new.schema):
                detail = f"default {before!r} -> {after!r}"
                yield Finding(where, "default-changed", detail, client=False, tools=False)
        yield from self.properties(old, new, where, request, level)
        for keyword, suffix in (("items", "[]"), ("additionalProperties", "{}")):
            before, after = old.schema.get(keyword), new.schema.get(keyword)
            if isinstance(before, dict) and isinstance(after, dict):
                yield from self.diff(before, old.at, after, new.at, where + suffix, level)
            elif keyword == "additionalProperties" and (before is False) != (after is False):
                closed = after is False
                breaks = closed == request
                detail = "extra fields refused" if closed else "extra fields allowed"
                yield Finding(where, "closed-changed", detail, client=breaks, tools=breaks)
        yield from self.unions(old, new, where, request, level)

    def nullability(self, old: View, new: View, where: str, request: bool) -> Iterator[Finding]:
        if old.nullable == new.nullable:
            return
        if new.nullable:
            # A request may now send null (safe); a reader may now get null.
            yield Finding(
                where, "became-nullable", "may now be null", client=not request, tools=not request
            )
        else:
            yield Finding(
                where, "no-longer-nullable", "may no longer be null", client=request, tools=request
            )

    def enum(self, old: View, new: View, where: str, request: bool) -> Iterator[Finding]:
        before, after = old.schema.get("enum"), new.schema.get("enum")
        if before == after:
            return
        if before is None or after is None:
            # An enum appears (narrower) or goes (wider). For a reader a vanished enum changes
            # the generated type from an Enum class to a plain value.
            narrower = after is not None
            breaks = narrower if request else not narrower
            detail = "values limited to an enum" if narrower else "enum dropped: any value"
            yield Finding(where, "enum-changed", detail, client=breaks, tools=request and breaks)
            return
        removed = [v for v in before if v not in after]
        added = [v for v in after if v not in before]
        if not removed and not added:
            return  # the same values in another order
        parts = [f"-{v!r}" for v in removed] + [f"+{v!r}" for v in added]
        # Requests break on a removed value; readers break on an added one (the generated Enum
        # refuses it; tool output schemas carry no enums).
        client = bool(removed) if request else bool(added)
        tools = bool(removed) and request
        yield Finding(where, "enum-changed", "enum " + " ".join(parts), client=client, tools=tools)

    def constraints(self, old: View, new: View, where: str, request: bool) -> Iterator[Finding]:
        for key in (*LOWER_BOUNDS, *UPPER_BOUNDS, *RESTRICTIONS, "uniqueItems"):
            narrower = narrowing(key, old.schema.get(key), new.schema.get(key))
            if narrower is None:
                continue
            detail = f"{key} {old.schema.get(key)!r} -> {new.schema.get(key)!r}"
            if narrower:
                # Values the API took before are refused now; readers check no constraints.
                yield Finding(where, "constraint-tightened", detail, client=request, tools=request)
            else:
                yield Finding(where, "constraint-loosened", detail, client=False, tools=False)

    def properties(
        self, old: View, new: View, where: str, request: bool, level: int
    ) -> Iterator[Finding]:
        for finding in self.fields(old, new, where, request, level):
            yield self.seen_at(finding, level + 1)

    def fields(
        self, old: View, new: View, where: str, request: bool, level: int
    ) -> Iterator[Finding]:
        before: dict[str, Any] = old.schema.get("properties") or {}
        after: dict[str, Any] = new.schema.get("properties") or {}
        if not before and not after:
            return
        old_required = set(old.schema.get("required") or [])
        new_required = set(new.schema.get("required") or [])
        removed = [name for name in before if name not in after]
        added = [name for name in after if name not in before]
        prefix = f"{where}." if where else ""
        renamed = self.renamed(old, new, removed, added)
        if renamed:
            name, new_name = renamed
            removed.remove(name)
            added.remove(new_name)
            yield Finding(
                f"{prefix}{name}",
                "field-renamed",
                f"renamed to `{new_name}`",
                client=True,
                tools=request,
            )
        for name in removed:
            yield Finding(f"{prefix}{name}", "field-removed", "removed", client=True, tools=request)
        for name in added:
            required = name in new_required
            breaks = request and required
            kind = "field-added-required" if required else "field-added"
            detail = "added, required" if required else "added, optional"
            yield Finding(f"{prefix}{name}", kind, detail, client=breaks, tools=breaks)
        for name in before:
            if name not in after:
                continue
            if (name in old_required) != (name in new_required):
                now_required = name in new_required
                # A request must now send it; a reader may now miss it (the model requires it).
                breaks = now_required if request else not now_required
                detail = "became required" if now_required else "became optional"
                yield Finding(
                    f"{prefix}{name}",
                    "required-changed",
                    detail,
                    client=breaks,
                    tools=breaks and request,
                )
            yield from self.diff(
                before[name], old.at, after[name], new.at, f"{prefix}{name}", level + 1
            )

    @staticmethod
    def renamed(
        old: View, new: View, removed: list[str], added: list[str]
    ) -> tuple[str, str] | None:
        """One removed and one added field with the same schema: a rename."""
        if len(removed) != 1 or len(added) != 1:
            return None
        before = old.schema["properties"][removed[0]]
        after = new.schema["properties"][added[0]]
        return (removed[0], added[0]) if before == after else None

    def unions(
        self, old: View, new: View, where: str, request: bool, level: int
    ) -> Iterator[Finding]:
        if not old.arms and not new.arms:
            return
        old_arms = self.keyed_arms(old)
        new_arms = self.keyed_arms(new)
        for key in old_arms:
            if key not in new_arms:
                yield Finding(
                    f"{where} ({key})",
                    "variant-removed",
                    "variant removed",
                    client=request,
                    tools=request,
                )
        for key in new_arms:
            if key not in old_arms:
                # Readers: the generated union tries the arms it knows and fails on a new kind.
                yield Finding(
                    f"{where} ({key})",
                    "variant-added",
                    "variant added",
                    client=not request,
                    tools=False,
                )
        for key, arm in old_arms.items():
            if key in new_arms:
                yield from self.diff(arm, old.at, new_arms[key], new.at, f"{where} ({key})", level)

    @staticmethod
    def keyed_arms(union: View) -> dict[str, Any]:
        """The arms of a union keyed by their discriminator value (else title, else position)."""
        discriminator = (union.schema.get("discriminator") or {}).get("propertyName")
        keyed: dict[str, Any] = {}
        for position, arm in enumerate(union.arms):
            target = union.at.resolve(arm)
            key = None
            if discriminator:
                tag = (target.get("properties") or {}).get(discriminator) or {}
                tag = union.at.resolve(tag)
                values = [tag["const"]] if "const" in tag else tag.get("enum") or []
                key = str(values[0]) if len(values) == 1 else None
            if key is None:
                declared = target.get("type")
                key = str(declared) if isinstance(declared, str) else "variant"
            if key in keyed or key == "variant":
                key = f"{key} {position + 1}"
            keyed[key] = arm
        return keyed


# --- operations ---------------------------------------------------------------------------


class OperationDiff:
    def __init__(self, old: Operation, new: Operation, hidden: Mapping[str, str]) -> None:
        self.old = old
        self.new = new
        self.hidden = hidden
        self.tools = tuple(t for t in {old.tool: 0, new.tool: 0} if t)
        self.functions = tuple(dict.fromkeys([old.function, new.function]))
        description = str((old.node.get("x-mcp") or {}).get("description", ""))
        self.tool_words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", description))

    def change(
        self,
        where: str,
        kind: str,
        detail: str,
        *,
        client: bool,
        tools: bool,
        note: str = "",
    ) -> Change:
        return Change(
            method=self.old.method,
            path=self.old.path,
            operation_id=self.old.operation_id,
            where=where,
            kind=kind,
            detail=detail,
            breaks_client=client,
            breaks_tools=tools and bool(self.tools),
            tools=self.tools,
            functions=self.functions,
            note=note,
        )

    def changes(self) -> Iterator[Change]:
        yield from self.identity()
        yield from self.parameters()
        yield from self.request_body()
        yield from self.responses()

    def identity(self) -> Iterator[Change]:
        old, new = self.old, self.new
        if old.path.endswith("/") != new.path.endswith("/"):
            yield self.change(
                "path",
                "path-changed",
                f"path {old.path} -> {new.path}",
                client=True,
                tools=True,
                note="the committed client and tools still call the old path",
            )
        if old.function != new.function:
            detail = (
                f"operationId {old.operation_id} -> {new.operation_id}"
                if old.operation_id != new.operation_id
                else f"tag {old.tag} -> {new.tag}"
            )
            yield self.change(
                "operationId" if old.operation_id != new.operation_id else "tags",
                "function-renamed",
                detail,
                client=True,
                tools=False,
                note=f"client function {old.function} -> {new.function}",
            )
        if old.tool and new.tool and old.tool != new.tool:
            yield self.change(
                "x-mcp.tool",
                "tool-renamed",
                f"tool {old.tool} -> {new.tool}",
                client=False,
                tools=True,
            )
        if bool(old.node.get("deprecated")) != bool(new.node.get("deprecated")):
            state = "deprecated" if new.node.get("deprecated") else "no longer deprecated"
            yield self.change("operation", "deprecated", state, client=False, tools=False)

    def path_names(self) -> dict[str, str]:
        """New path-parameter name -> old name, by position."""
        old_names = re.findall(r"\{([^}]*)\}", self.old.path)
        new_names = re.findall(r"\{([^}]*)\}", self.new.path)
        return dict(zip(new_names, old_names, strict=True))

    def parameters(self) -> Iterator[Change]:
        renames = self.path_names()
        before = {(p["in"], p["name"]): p for p in self.old.parameters}
        after = {
            (p["in"], renames.get(p["name"], p["name"]) if p["in"] == "path" else p["name"]): p
            for p in self.new.parameters
        }
        for new_name, old_name in renames.items():
            if new_name != old_name:
                hidden = old_name in self.hidden
                yield self.change(
                    f"path parameter `{old_name}`",
                    "parameter-renamed",
                    f"renamed to `{new_name}`",
                    client=True,
                    tools=not hidden,
                    note="client functions and AmigoClient methods accept it by keyword",
                )
        for key, parameter in before.items():
            where = f"{key[0]} parameter `{key[1]}`"
            hidden = key[1] in self.hidden
            note = f"hidden from tools, bound from `{self.hidden[key[1]]}`" if hidden else ""
            if key not in after:
                yield self.change(
                    where, "parameter-removed", "removed", client=True, tools=not hidden, note=note
                )
                continue
            new = after[key]
            if bool(parameter.get("required")) != bool(new.get("required")):
                now = bool(new.get("required"))
                yield self.change(
                    where,
                    "required-changed",
                    "became required" if now else "became optional",
                    client=now,
                    tools=now and not hidden,
                    note=note,
                )
            was, now = self.old.deprecated(parameter), self.new.deprecated(new)
            if was != now:
                state = "deprecated" if now else "no longer deprecated"
                yield self.change(where, "deprecated", state, client=False, tools=False, note=note)
            for finding in SchemaDiff("request").diff(
                parameter.get("schema") or {},
                self.old.at,
                new.get("schema") or {},
                self.new.at,
                key[1],
            ):
                if (finding.kind, finding.where) == ("deprecated", key[1]):
                    continue  # said once, of the parameter, above
                yield self.from_finding(finding, f"{key[0]} parameter", hidden=hidden, note=note)
        for key, parameter in after.items():
            if key in before:
                continue
            hidden = key[1] in self.hidden
            required = bool(parameter.get("required"))
            yield self.change(
                f"{key[0]} parameter `{key[1]}`",
                "parameter-added-required" if required else "parameter-added",
                "added, required" if required else "added, optional",
                client=required,
                tools=required and not hidden,
            )

    def from_finding(
        self, finding: Finding, where: str, *, hidden: bool = False, note: str = ""
    ) -> Change:
        tools = finding.tools and not hidden
        if (
            not tools
            and finding.kind in ("field-removed", "field-renamed")
            and finding.where.rsplit(".", 1)[-1].split(" ")[0].strip("[]{}") in self.tool_words
        ):
            tools = True
            note = "the tool description tells the model to read this field"
        inner = f" `{finding.where}`" if finding.where else ""
        return self.change(
            where + inner,
            finding.kind,
            finding.detail,
            client=finding.client,
            tools=tools,
            note=note,
        )

    def body(self, operation: Operation) -> tuple[dict[str, Any] | None, Any]:
        raw = operation.node.get("requestBody")
        if raw is None:
            return None, None
        body = operation.at.resolve(raw)
        content = body.get("content") or {}
        media: dict[str, Any] = content.get("application/json") or next(iter(content.values()), {})
        return body, media.get("schema")

    def request_body(self) -> Iterator[Change]:
        old_body, old_schema = self.body(self.old)
        new_body, new_schema = self.body(self.new)
        if old_body is None and new_body is None:
            return
        if old_body is None or new_body is None:
            added = new_body is not None
            required = added and bool(new_body and new_body.get("required"))
            yield self.change(
                "request body",
                "body-added" if added else "body-removed",
                ("added, required" if required else "added, optional") if added else "removed",
                client=required or not added,
                tools=required or not added,
            )
            return
        if bool(old_body.get("required")) != bool(new_body.get("required")):
            now = bool(new_body.get("required"))
            yield self.change(
                "request body",
                "required-changed",
                "became required" if now else "became optional",
                client=now,
                tools=now,
            )
        yield from (
            self.from_finding(finding, "request body")
            for finding in SchemaDiff("request").diff(
                old_schema or {}, self.old.at, new_schema or {}, self.new.at, ""
            )
        )

    def response_schemas(self, operation: Operation) -> dict[str, Any]:
        found = {}
        for status, raw in (operation.node.get("responses") or {}).items():
            response = operation.at.resolve(raw)
            content = response.get("content") or {}
            media = content.get("application/json") or next(iter(content.values()), None)
            found[str(status)] = (media or {}).get("schema")
        return found

    def responses(self) -> Iterator[Change]:
        before = self.response_schemas(self.old)
        after = self.response_schemas(self.new)
        lost = [s for s in before if s.startswith("2") and s not in after]
        gained = [s for s in after if s.startswith("2") and s not in before]
        if lost:
            yield self.change(
                f"response {', '.join(lost)}",
                "success-status-changed",
                f"success status {', '.join(lost)} -> {', '.join(gained) or 'none'}",
                client=True,
                tools=True,
                note="the client parses only the statuses it knows",
            )
        for status in before:
            if status in after:
                yield from self.response(status, before[status], after[status])
            elif status not in lost:
                yield self.change(
                    f"response {status}",
                    "status-removed",
                    "no longer documented",
                    client=False,
                    tools=False,
                )
        for status in after:
            if status not in before and not (lost and status in gained):
                yield self.change(
                    f"response {status}",
                    "status-added",
                    "now documented",
                    client=False,
                    tools=False,
                )

    def response(self, status: str, before: Any, after: Any) -> Iterator[Change]:
        where = f"response {status}"
        if before is None and after is None:
            return
        if before is None or after is None:
            gone = after is None
            yield self.change(
                where,
                "body-removed" if gone else "body-added",
                "body no longer described" if gone else "body now described",
                client=gone and status.startswith("2"),
                tools=False,
            )
            return
        # The tool answers a confirmation for a body without fields, else the body's schema cut
        # to OUTPUT_DEPTH levels of fields (scripts/build_catalog.py).
        described = OUTPUT_DEPTH if view(before, self.old.at).schema.get("properties") else -1
        diff = SchemaDiff("response", tool_levels=described)
        for finding in diff.diff(before, self.old.at, after, self.new.at, ""):
            yield self.from_finding(finding, where)


def compare(
    old_doc: Mapping[str, Any],
    new_doc: Mapping[str, Any],
    old_name: str = "old",
    new_name: str = "new",
    normalization: Normalization | None = None,
) -> Report:
    normalization = normalization or Normalization.load()
    old_doc = normalize(old_doc, normalization)
    new_doc = normalize(new_doc, normalization)
    hidden: dict[str, str] = dict(
        (old_doc.get("x-mcp") or new_doc.get("x-mcp") or {}).get("hidden-parameters") or {}
    )
    before, after = index(old_doc), index(new_doc)
    # With the same components, an operation written the same way cannot differ: skip the walk.
    same_components = old_doc.get("components") == new_doc.get("components")
    report = Report(old_name, new_name)
    for key, old in before.items():
        new = after.get(key)
        if new is None:
            report.changes.append(
                Change(
                    old.method,
                    old.path,
                    old.operation_id,
                    "operation",
                    "operation-removed",
                    "no longer in the document",
                    True,
                    old.tool is not None,
                    (old.tool,) if old.tool else (),
                    (old.function,),
                )
            )
            continue
        report.compared += 1
        if same_components and (old.path, old.node, old.parameters) == (
            new.path,
            new.node,
            new.parameters,
        ):
            continue
        report.changes.extend(OperationDiff(old, new, hidden).changes())
    for key, new in after.items():
        if key in before:
            continue
        if new.tool is None:
            report.outside += 1
            continue
        report.changes.append(
            Change(
                new.method,
                new.path,
                new.operation_id,
                "operation",
                "operation-added",
                "new operation",
                False,
                False,
                (new.tool,),
                (new.function,),
            )
        )
    return report


# --- reading documents and printing ---------------------------------------------------------


def parse(text: str, name: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        document = None
    try:
        if document is None:
            document = parse_yaml(text)
    except yaml.YAMLError as error:
        raise SpecError(f"{name} is neither YAML nor JSON: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise SpecError(f"{name} is not an OpenAPI document (no `paths`)")
    return document


def read_old(spec: str) -> tuple[dict[str, Any], str]:
    """OLD: a file if one exists at that path, else a git revision of openapi/amigo.yaml."""
    path = Path(spec)
    if path.is_file():
        return parse(path.read_text(encoding="utf-8"), spec), spec
    result = git("show", f"{spec}:{SPEC}")
    if result.returncode != 0:
        raise SpecError(
            f"{spec!r} is neither a file nor a git revision with {SPEC}: "
            + (result.stderr.strip() or f"git exit {result.returncode}")
        )
    return parse(result.stdout, f"{SPEC} at {spec}"), f"{SPEC} at {spec}"


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)


def last_commit_skip() -> str | None:
    """Why there is nothing to compare for the last commit, or None."""
    if git("rev-parse", "--verify", "--quiet", "HEAD~1^{commit}").returncode != 0:
        return "HEAD has no parent commit in this clone (shallow, or the first commit)"
    if git("diff", "--quiet", "HEAD~1", "HEAD", "--", SPEC).returncode == 0:
        return f"the last commit did not change {SPEC}"
    return None


def read_new(spec: str) -> tuple[dict[str, Any], str]:
    path = Path(spec)
    if not path.exists() and (REPO / spec).exists():
        path = REPO / spec
    try:
        return parse(path.read_text(encoding="utf-8"), spec), spec
    except OSError as error:
        raise SpecError(f"cannot read {spec}: {error.strerror}") from error


SECTIONS: tuple[tuple[str, Callable[[Change], bool]], ...] = (
    ("BREAKING for client and tool callers", lambda c: c.breaks_client and c.breaks_tools),
    ("BREAKING for client callers", lambda c: c.breaks_client and not c.breaks_tools),
    ("BREAKING for tool callers", lambda c: c.breaks_tools and not c.breaks_client),
    ("Safe", lambda c: not c.breaking),
)


def render(report: Report) -> str:
    lines = [
        f"API changes: {report.old} -> {report.new}",
        f"{report.compared} operation(s) compared"
        + (
            f"; {report.outside} operation(s) of the new document outside our spec ignored"
            if report.outside
            else ""
        ),
    ]
    if not report.changes:
        lines.append("No differences in the operations we cover.")
        return "\n".join(lines) + "\n"
    for title, belongs in SECTIONS:
        chosen = [change for change in report.changes if belongs(change)]
        if not chosen:
            continue
        lines += ["", f"{title} ({len(chosen)}):"]
        operation = None
        for change in chosen:
            if (change.method, change.path) != operation:
                operation = (change.method, change.path)
                touched = ", ".join(change.tools) or "no tool"
                lines.append(f"  {change.method} {change.path}  [{change.operation_id}]")
                lines.append(f"    tools: {touched}; client: {', '.join(change.functions)}")
            note = f"  ({change.note})" if change.note else ""
            lines.append(f"    - {change.where}: {change.detail}{note}")
    breaking = sum(change.breaking for change in report.changes)
    lines += ["", f"{len(report.changes)} difference(s), {breaking} breaking."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/api_changes.py",
        description=__doc__.split("\n\n")[0],
        epilog="Exit status: 0 no breaking difference, 1 breaking differences, 2 error.",
    )
    parser.add_argument(
        "old",
        nargs="?",
        metavar="OLD",
        help="git revision (its spec) or file; default HEAD. Alone, it is compared with the "
        "working copy, as `git diff REV` does",
    )
    parser.add_argument("new", nargs="?", metavar="NEW", help=f"file; default {SPEC}")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--last-commit",
        action="store_true",
        help=(
            f"compare {SPEC} at HEAD~1 with HEAD's, if the last commit changed it; a clone "
            "without the parent commit (shallow, or a first commit) is reported and exits 0"
        ),
    )
    args = parser.parse_args(argv)
    if args.last_commit and (args.old or args.new):
        parser.error("give neither OLD nor NEW with --last-commit")
    old_spec, new_spec = args.old or "HEAD", args.new or SPEC
    if args.last_commit:
        reason = last_commit_skip()
        if reason:
            print(f"api_changes: {reason}; nothing to compare")
            return 0
        old_spec, new_spec = "HEAD~1", SPEC
    try:
        old_doc, old_name = read_old(old_spec)
        new_doc, new_name = read_new(new_spec)
        report = compare(old_doc, new_doc, old_name, new_name)
    except (SpecError, RefError) as error:
        print(f"api_changes: error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        sys.stdout.write(render(report))
    return 1 if report.breaking else 0


if __name__ == "__main__":
    sys.exit(main())
