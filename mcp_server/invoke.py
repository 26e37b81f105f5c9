"""One tool call: validate the arguments, build the generated request, call it, shape the answer.

Nothing here knows about MCP: `Invoker.call` returns a `ToolOutcome` (structured data plus a
compact text, or an error text) that the server, the CLI and the tests all use alike.
"""

from __future__ import annotations

import enum
import importlib
import json
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from types import ModuleType, UnionType
from typing import Any

import httpx

from mcp_server.auth import AuthError
from mcp_server.catalog import Catalog, ToolSpec
from mcp_server.errors import Scrubber, api_error_message, compact_json, validation_message
from mcp_server.settings import Settings

DRIFT_NOTE = (
    "Note: this answer does not match the API schema this server was built from (the API may "
    "have added a field or value); the data is passed on unchanged."
)


@dataclass(frozen=True)
class ToolOutcome:
    is_error: bool
    text: str
    structured: dict[str, Any] | None = None
    status: int | None = None


class ArgumentError(Exception):
    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


# --- argument validation ------------------------------------------------------------------


@cache
def _validator(schema_json: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(json.loads(schema_json), format_checker=FormatChecker())


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem(error: Any) -> list[tuple[str, str]]:
    from mcp_server.errors import field_path

    where = list(error.absolute_path)
    kind, rule, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        present = set(value) if isinstance(value, dict) else set()
        return [(field_path([*where, name]), "is required") for name in rule if name not in present]
    if kind == "additionalProperties" and isinstance(value, dict):
        known = set(error.schema.get("properties", {}))
        return [
            (field_path([*where, name]), "is not a known field of this tool")
            for name in value
            if name not in known
        ]
    field = field_path(where)
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


def validate_arguments(tool: ToolSpec, arguments: dict[str, Any]) -> None:
    """Raise `ArgumentError` listing every field that breaks the tool's input schema."""
    validator = _validator(json.dumps(tool.input_schema, sort_keys=True))
    problems: list[tuple[str, str]] = []
    for error in sorted(validator.iter_errors(arguments), key=lambda e: list(map(str, e.path))):
        problems += _problem(error)
    if problems:
        raise ArgumentError(problems)


# --- building the generated call ------------------------------------------------------------


def python_name(name: str) -> str:
    return name.replace("-", "_").lower()


@cache
def _module(name: str) -> tuple[ModuleType, dict[str, Any]]:
    module = importlib.import_module(name)
    return module, typing.get_type_hints(module.asyncio_detailed)


def _convert(value: Any, annotation: Any) -> Any:
    """Turn JSON-shaped `value` into what the generated function's `annotation` expects."""
    if value is None:
        return None
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, UnionType):
        from amigo_client.types import Unset

        arms = [a for a in typing.get_args(annotation) if a not in (type(None), Unset)]
        for arm in arms:
            try:
                return _convert(value, arm)
            except (TypeError, ValueError, KeyError):
                continue
        return value
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [_convert(v, item) for v in value]
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return annotation(value)
        if annotation is datetime:
            from dateutil.parser import isoparse

            return isoparse(value)
        if hasattr(annotation, "from_dict"):
            return annotation.from_dict(value)
    return value


def build_kwargs(
    catalog: Catalog, tool: ToolSpec, settings: Settings, arguments: dict[str, Any]
) -> tuple[ModuleType, dict[str, Any]]:
    module, hints = _module(tool.operation.module)
    kwargs: dict[str, Any] = {}
    for parameter, setting in catalog.hidden_parameters.items():
        value = getattr(settings, setting)
        if value:
            kwargs[python_name(parameter)] = value
    op = tool.operation
    for name in op.path_fields + op.query_fields:
        if name in arguments:
            kwargs[python_name(name)] = _convert(arguments[name], hints[python_name(name)])
    if op.body_fields:
        body = {name: arguments[name] for name in op.body_fields if name in arguments}
        kwargs["body"] = _convert(body, hints["body"])
    unknown = set(kwargs) - set(hints)
    if unknown:
        raise RuntimeError(
            f"{tool.name}: the generated client has no parameter {sorted(unknown)}; "
            "the catalog and the client are out of step (run scripts/regenerate)"
        )
    return module, kwargs


# --- the call ---------------------------------------------------------------------------------


class Invoker:
    """Calls tools on one shared, authenticated generated client."""

    def __init__(self, catalog: Catalog, settings: Settings, http: httpx.AsyncClient) -> None:
        from amigo_client import Client

        self.catalog = catalog
        self.settings = settings
        self.client = Client(base_url=settings.base_url).set_async_httpx_client(http)
        self.scrub = Scrubber(settings.secrets)

    async def call(
        self,
        tool: ToolSpec,
        arguments: dict[str, Any],
        on_progress: Callable[[str], Any] | None = None,
    ) -> ToolOutcome:
        try:
            validate_arguments(tool, arguments)
        except ArgumentError as exc:
            return ToolOutcome(True, self.scrub(validation_message(tool.name, exc.problems)))
        try:
            module, kwargs = build_kwargs(self.catalog, tool, self.settings, arguments)
        except (TypeError, ValueError, KeyError) as exc:
            return ToolOutcome(
                True,
                self.scrub(
                    validation_message(tool.name, [("(arguments)", f"could not be used: {exc}")])
                ),
            )
        try:
            response = await module.asyncio_detailed(client=self.client, **kwargs)
        except AuthError as exc:
            return ToolOutcome(True, self.scrub(str(exc)))
        except httpx.TimeoutException:
            return ToolOutcome(
                True,
                f"{tool.operation.id} timed out after {self.settings.timeout_s:g} s without an "
                "answer from Amigo. "
                + (
                    "It is safe to call again."
                    if tool.idempotent
                    else "The request may or may not have been applied: check with a list or "
                    "search tool before calling again."
                ),
            )
        except httpx.TransportError as exc:
            return ToolOutcome(
                True,
                f"Could not complete {tool.operation.id}: the connection to Amigo failed "
                f"({type(exc).__name__}). Check the network and AMIGO_BASE_URL; "
                + (
                    "it is safe to call again."
                    if tool.idempotent
                    else "check with a list or search tool whether it was applied before "
                    "calling again."
                ),
            )
        return self.shape(tool, arguments, response)

    def shape(self, tool: ToolSpec, arguments: dict[str, Any], response: Any) -> ToolOutcome:
        status = int(response.status_code)
        if status >= 300:
            text = api_error_message(tool.operation.id, status, response.headers, response.content)
            return ToolOutcome(True, self.scrub(text), status=status)
        if tool.operation.result == "confirmation":
            data: dict[str, Any] = {"ok": True}
            data |= {f: arguments[f] for f in tool.operation.path_fields if f in arguments}
            return ToolOutcome(False, compact_json(data), data, status)
        try:
            # Scrub before parsing so that no echoed secret reaches the structured data either.
            data = json.loads(self.scrub(response.content.decode("utf-8", "replace")))
        except ValueError:
            snippet = response.content[:200].decode("utf-8", "replace")
            return ToolOutcome(
                True,
                self.scrub(
                    f"Amigo answered HTTP {status} to {tool.operation.id} with a body that is not "
                    f"JSON: {snippet!r}. The operation may have been applied; check with a list "
                    "tool before calling again."
                ),
                status=status,
            )
        text = compact_json(data)
        if not isinstance(data, dict) or not _validator(
            json.dumps(tool.output_schema, sort_keys=True)
        ).is_valid(data):
            # Too far from the schema to publish as structured content: hand over the text.
            return ToolOutcome(True, self.scrub(f"{DRIFT_NOTE}\n{text}"), status=status)
        if response.parsed is None:
            text = f"{DRIFT_NOTE}\n{text}"
        return ToolOutcome(False, self.scrub(text), data, status)
