"""A tool's arguments: checked against its input schema, then turned into the request.

`validate_arguments` names every field that breaks the schema, and the rule, before anything is
sent. `request_of` turns the JSON arguments (plus the parameters hidden from tools and filled
from configuration) into the request, by what the catalog recorded of the operation: where each
argument goes, what the generated client sends for a query argument left out, where a date-time
goes. The JSON values are sent as they are (a query list as repeated parameters), as the
generated client sends the same values read into its models.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

from amigo_client.exceptions import AmigoError, field_path

from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.settings import Settings

V = TypeVar("V")


class ArgumentError(AmigoError):
    """A tool's arguments break its input schema (nothing was sent); `problems` lists
    `(argument, problem)` pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{where}: {problem}" for where, problem in problems))
        self.problems = problems


def per_schema(make: Callable[[dict[str, Any]], V]) -> Callable[[dict[str, Any]], V]:
    """`make`, called once per schema object (schemas are dicts, so not hashable): keyed by the
    object's identity, each entry holding its schema so that the id cannot be reused."""
    made: dict[int, tuple[dict[str, Any], V]] = {}

    @functools.wraps(make)
    def once(schema: dict[str, Any]) -> V:
        entry = made.get(id(schema))
        if entry is None or entry[0] is not schema:
            entry = made[id(schema)] = (schema, make(schema))
        return entry[1]

    return once


@per_schema
def schema_validator(schema: dict[str, Any]) -> Any:
    """A Draft 2020-12 validator for `schema`, formats checked, made once per schema."""
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(schema, format_checker=FormatChecker())


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _argument(*path: Any) -> str:
    """Where in a tool's arguments: `initial_version.actions[0].type`, `query`."""
    return field_path(path, api_location=False)


def _problem(error: Any) -> list[tuple[str, str]]:
    where = list(error.absolute_path)
    kind, rule, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        present = set(value) if isinstance(value, dict) else set()
        return [(_argument(*where, name), "is required") for name in rule if name not in present]
    if kind == "additionalProperties" and isinstance(value, dict):
        known = set(error.schema.get("properties", {}))
        return [
            (_argument(*where, name), "is not a known field of this tool")
            for name in value
            if name not in known
        ]
    field = _argument(*where)
    messages: dict[str, Callable[[], str]] = {
        "type": lambda: f"must be of type {rule}, got {_short(value)}",
        "enum": lambda: f"must be one of {', '.join(map(_short, rule))}; got {_short(value)}",
        "const": lambda: f"must be {_short(rule)}",
        "pattern": lambda: f"must match the pattern {rule}; got {_short(value)}",
        "format": lambda: f"must be a {rule} (e.g. 2026-01-31T12:00:00Z); got {_short(value)}",
        "minimum": lambda: f"must be >= {rule}; got {value}",
        "maximum": lambda: f"must be <= {rule}; got {value}",
        "exclusiveMinimum": lambda: f"must be > {rule}; got {value}",
        "exclusiveMaximum": lambda: f"must be < {rule}; got {value}",
        "minLength": lambda: (
            "must not be empty" if rule == 1 else f"needs at least {rule} characters"
        ),
        "maxLength": lambda: f"allows at most {rule} characters",
        "minItems": lambda: f"needs at least {rule} item(s)",
        "maxItems": lambda: f"allows at most {rule} items; got {len(value)}",
        "uniqueItems": lambda: "must not repeat items",
    }
    if kind in ("oneOf", "anyOf") and error.context:
        from jsonschema.exceptions import best_match

        inner = best_match(error.context)
        return [(field, f"matches none of the allowed shapes; closest: {inner.message}")]
    text = messages[kind]() if kind in messages else error.message
    return [(field, text)]


def _lone_surrogates(value: Any, *where: Any) -> list[tuple[str, str]]:
    """Strings that are not Unicode text: JSON can carry a lone surrogate (`"\\ud800"`), which
    no URL, header or UTF-8 body can."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")  # in C; only a surrogate fails
        except UnicodeEncodeError:
            return [(_argument(*where), "is not valid Unicode text (it holds a lone surrogate)")]
        return []
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _lone_surrogates(item, *where, key)]
    if isinstance(value, list):
        return [
            p for index, item in enumerate(value) for p in _lone_surrogates(item, *where, index)
        ]
    return []


def validate_arguments(tool: ToolSpec, arguments: dict[str, Any]) -> None:
    """Raise `ArgumentError` listing every field that breaks the tool's input schema or is not
    Unicode text."""
    validator = schema_validator(tool.input_schema)
    problems: list[tuple[str, str]] = []
    for error in sorted(validator.iter_errors(arguments), key=lambda e: list(map(str, e.path))):
        problems += _problem(error)
    problems += _lone_surrogates(arguments)
    if problems:
        raise ArgumentError(problems)


def check_url_length(tool: ToolSpec, arguments: dict[str, Any], base_url: str, limit: int) -> None:
    """Raise `ArgumentError` naming the fields when the request URL would exceed `limit` bytes.

    The path and query fields travel in the URL; their URL-encoded size is what counts.
    """
    op = tool.operation
    sizes: dict[str, int] = {}
    for name in op.path_fields:
        if name in arguments:
            sizes[name] = len(quote(str(arguments[name]), safe=""))
    for name in op.query_fields:
        value = arguments.get(name)
        if value is not None:
            value = [json_text(v) for v in value] if isinstance(value, list) else json_text(value)
            sizes[name] = len(urlencode({name: value}, doseq=True)) + 1
    total = len(base_url) + len(op.path) + sum(sizes.values())
    if total <= limit:
        return
    fixed = total - sum(sizes.values())
    problems = [
        (
            name,
            f"takes {size:,} bytes of the request URL (URL-encoded), making it {total:,} bytes; "
            f"the API takes URLs up to {limit:,} bytes, so keep it under about "
            f"{max(0, limit - fixed - (sum(sizes.values()) - size)):,} bytes",
        )
        for name, size in sorted(sizes.items(), key=lambda item: -item[1])
        if size > (limit - fixed) // max(1, len(sizes))
    ]
    raise ArgumentError(problems)


def json_text(value: Any) -> str:
    """A query value as it is sent: booleans as true/false, the rest as text."""
    return json.dumps(value) if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class Request:
    """What one call of a tool sends, made once from its checked arguments: what the generated
    operation function would send for the same arguments, without its models."""

    method: str
    url: str  # the path, each path parameter URL-quoted
    params: dict[str, Any]
    headers: dict[str, str]
    json: dict[str, Any] | None


def _iso(value: Any, path: tuple[str, ...]) -> Any:
    """`value` with the date-time string at `path` in Python's ISO form (as the generated client
    writes a `datetime`); a string Python cannot read stays as it is, as the models keep it."""
    if not path:
        if not isinstance(value, str):
            return value
        try:
            return datetime.fromisoformat(value).isoformat()
        except ValueError:
            return value
    key, rest = path[0], path[1:]
    if key == "[]":
        return [_iso(item, rest) for item in value] if isinstance(value, list) else value
    if not isinstance(value, dict) or key not in value:
        return value
    return {**value, key: _iso(value[key], rest)}


def request_of(
    catalog: Catalog, tool: ToolSpec, settings: Settings, arguments: dict[str, Any]
) -> Request:
    """The request for `arguments` (checked against the tool's input schema), with the
    parameters hidden from tools filled from `settings`."""
    op = tool.operation
    for path in op.date_times:
        arguments = _iso(arguments, path)
    path_values = {name: arguments[name] for name in op.path_fields}
    params = {name: arguments.get(name, op.query_defaults.get(name)) for name in op.query_fields}
    headers: dict[str, str] = {}
    for parameter, location in op.hidden.items():
        value = getattr(settings, catalog.hidden_parameters[parameter])
        if value:
            {"path": path_values, "query": params, "header": headers}[location][parameter] = value
    body = None
    if op.body_fields:
        body = {name: arguments[name] for name in op.body_fields if name in arguments}
        headers["Content-Type"] = "application/json"
    return Request(
        method=op.method,
        url=op.path.format_map({k: quote(str(v), safe="") for k, v in path_values.items()}),
        params={name: value for name, value in params.items() if value is not None},
        headers=headers,
        json=body,
    )
