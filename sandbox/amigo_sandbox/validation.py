"""Request validation from the spec, with FastAPI-style 422 `detail` items.

Query strings, path segments and headers are text; each parameter's schema says what they mean
(integers, booleans, exploded arrays `id=a&id=b`). Values are converted the way FastAPI/pydantic
convert them, then checked against the parameter's JSON Schema. Bodies are parsed as JSON and
checked against the request body schema. Every failure becomes one item
`{"loc": [...], "msg": "...", "type": "...", "input": ...}`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator

from amigo_sandbox.errors import ApiError
from amigo_sandbox.spec import Operation, Parameter, Spec

DetailItem = dict[str, Any]

_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}
_INT = re.compile(r"\s*[+-]?\d+\s*")
_FLOAT = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*")

_TYPE_ERRORS: dict[str, tuple[str, str]] = {
    "string": ("string_type", "Input should be a valid string"),
    "integer": ("int_type", "Input should be a valid integer"),
    "number": ("float_type", "Input should be a valid number"),
    "boolean": ("bool_type", "Input should be a valid boolean"),
    "array": ("list_type", "Input should be a valid list"),
    "object": ("dict_type", "Input should be a valid dictionary"),
    "null": ("none_required", "Input should be None"),
}


@dataclass
class ValidatedRequest:
    """The values of a request that passed validation."""

    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    body: Any = None


@dataclass(frozen=True)
class RawRequest:
    """What validation needs from an HTTP request, independent of the web framework."""

    path_params: Mapping[str, str]
    query: Sequence[tuple[str, str]]
    headers: Mapping[str, str]  # lower-case names
    body: bytes
    content_type: str | None


def validate_request(spec: Spec, operation: Operation, raw: RawRequest) -> ValidatedRequest:
    """Convert and check every parameter and the body; raise one 422 with all failures."""
    out = ValidatedRequest()
    detail: list[DetailItem] = []
    for param in operation.parameters:
        value, errors = _read_parameter(spec, param, raw)
        detail.extend(errors)
        if not errors and value is not _ABSENT:
            getattr(out, param.location if param.location != "header" else "headers")[
                param.name
            ] = value
    if operation.body_pointer is not None:
        body, errors = _read_body(spec, operation, raw)
        detail.extend(errors)
        out.body = body
    if detail:
        raise ApiError(422, detail)
    return out


def schema_errors(
    spec: Spec, pointer: str, value: Any, loc: Sequence[str | int], *, echo_input: bool = True
) -> list[DetailItem]:
    """Check `value` against the schema at `pointer`; FastAPI-style items located under `loc`."""
    return validator_errors(spec.validator(pointer), value, loc, echo_input=echo_input)


def validator_errors(
    validator: Validator, value: Any, loc: Sequence[str | int], *, echo_input: bool = True
) -> list[DetailItem]:
    """FastAPI-style items for every way `value` fails `validator`, located under `loc`."""
    errors = sorted(validator.iter_errors(value), key=lambda e: [str(p) for p in e.absolute_path])
    items: dict[tuple[Any, ...], DetailItem] = {}
    for error in errors:
        item = _detail_item(error, loc, echo_input=echo_input)
        # Like pydantic, one failure per location: the first constraint that fails.
        items.setdefault(tuple(item["loc"]), item)
    return list(items.values())


# --- parameters --------------------------------------------------------------------------------

_ABSENT: Any = object()


def _missing(loc: Sequence[str | int]) -> DetailItem:
    return {"type": "missing", "loc": list(loc), "msg": "Field required", "input": None}


def _read_parameter(spec: Spec, param: Parameter, raw: RawRequest) -> tuple[Any, list[DetailItem]]:
    loc: list[str | int] = [param.location, param.name]
    echo = param.location != "header"  # header values may be secrets: never echo them
    texts: list[str]
    if param.location == "path":
        texts = [raw.path_params[param.name]] if param.name in raw.path_params else []
    elif param.location == "header":
        value = raw.headers.get(param.name.lower())
        texts = [] if value is None else [value]
    else:
        texts = [v for k, v in raw.query if k == param.name]

    if not texts:
        if param.required:
            return _ABSENT, [_missing(loc)]
        if param.has_default:
            return param.default, []
        return (None if "null" in param.types or not param.types else _ABSENT), []

    if param.is_array:
        items_schema = spec.array_items(param.schema)
        item_types = spec.types_of(items_schema) if items_schema is not None else frozenset()
        values: list[Any] = []
        errors: list[DetailItem] = []
        for index, text in enumerate(texts):
            converted, error = _convert(text, item_types, [*loc, index], echo)
            if error is not None:
                errors.append(error)
            values.append(converted)
        if errors:
            return _ABSENT, errors
        value_any: Any = values
    else:
        converted, error = _convert(texts[-1], param.types, loc, echo)
        if error is not None:
            return _ABSENT, [error]
        value_any = converted
    return value_any, schema_errors(spec, param.pointer, value_any, loc, echo_input=echo)


def _convert(
    text: str, types: frozenset[str], loc: Sequence[str | int], echo: bool
) -> tuple[Any, DetailItem | None]:
    """Turn query/path/header text into the JSON value the schema expects (pydantic's lax mode)."""
    shown = text if echo else None
    if "string" in types or not types:
        return text, None
    if "integer" in types:
        if _INT.fullmatch(text):
            return int(text), None
        msg = "Input should be a valid integer, unable to parse string as an integer"
        return None, {"type": "int_parsing", "loc": list(loc), "msg": msg, "input": shown}
    if "number" in types:
        if _FLOAT.fullmatch(text):
            return float(text), None
        msg = "Input should be a valid number, unable to parse string as a number"
        return None, {"type": "float_parsing", "loc": list(loc), "msg": msg, "input": shown}
    if "boolean" in types:
        lowered = text.strip().lower()
        if lowered in _TRUE:
            return True, None
        if lowered in _FALSE:
            return False, None
        msg = "Input should be a valid boolean, unable to interpret input"
        return None, {"type": "bool_parsing", "loc": list(loc), "msg": msg, "input": shown}
    return text, None


# --- body --------------------------------------------------------------------------------------


def _read_body(spec: Spec, operation: Operation, raw: RawRequest) -> tuple[Any, list[DetailItem]]:
    assert operation.body_pointer is not None
    if not raw.body.strip():
        if operation.body_required:
            return None, [_missing(["body"])]
        return None, []
    media = (raw.content_type or "application/json").split(";")[0].strip().lower()
    if not (media == "application/json" or media.endswith("+json")):
        return None, [
            {
                "type": "model_attributes_type",
                "loc": ["body"],
                "msg": "Input should be a valid dictionary or object to extract fields from",
                "input": raw.body.decode("utf-8", "replace")[:200],
            }
        ]
    try:
        body = json.loads(raw.body)
    except (ValueError, UnicodeDecodeError) as exc:
        pos = exc.pos if isinstance(exc, json.JSONDecodeError) else 0
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "invalid UTF-8"
        return None, [
            {
                "type": "json_invalid",
                "loc": ["body", pos],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": reason},
            }
        ]
    return body, schema_errors(spec, operation.body_pointer, body, ["body"])


# --- error items -------------------------------------------------------------------------------


def _plural(n: Any, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _quoted_choices(values: Iterable[Any]) -> str:
    shown = [f"'{v}'" if isinstance(v, str) else json.dumps(v) for v in values]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " or " + shown[-1]


def _detail_item(
    error: ValidationError, loc: Sequence[str | int], *, echo_input: bool
) -> DetailItem:
    keyword = str(error.validator)
    expected: Any = error.validator_value
    kind: str
    msg: str
    ctx: dict[str, Any] | None = None
    if keyword == "type":
        names = [expected] if isinstance(expected, str) else list(expected)
        first = next((t for t in names if t != "null"), names[0] if names else "string")
        kind, msg = _TYPE_ERRORS.get(str(first), ("type_error", error.message))
    elif keyword == "pattern":
        kind, msg, ctx = (
            "string_pattern_mismatch",
            f"String should match pattern '{expected}'",
            {"pattern": expected},
        )
    elif keyword == "minLength":
        kind, msg = (
            "string_too_short",
            f"String should have at least {_plural(expected, 'character')}",
        )
        ctx = {"min_length": expected}
    elif keyword == "maxLength":
        kind, msg = (
            "string_too_long",
            f"String should have at most {_plural(expected, 'character')}",
        )
        ctx = {"max_length": expected}
    elif keyword == "minimum":
        kind, msg, ctx = (
            "greater_than_equal",
            f"Input should be greater than or equal to {expected}",
            {"ge": expected},
        )
    elif keyword == "maximum":
        kind, msg, ctx = (
            "less_than_equal",
            f"Input should be less than or equal to {expected}",
            {"le": expected},
        )
    elif keyword == "exclusiveMinimum":
        kind, msg, ctx = (
            "greater_than",
            f"Input should be greater than {expected}",
            {"gt": expected},
        )
    elif keyword == "exclusiveMaximum":
        kind, msg, ctx = "less_than", f"Input should be less than {expected}", {"lt": expected}
    elif keyword in ("minItems", "maxItems", "minProperties", "maxProperties"):
        # pydantic's wording for a list or a dict of the wrong size
        field_type = "List" if keyword.endswith("Items") else "Dictionary"
        actual = len(error.instance) if isinstance(error.instance, (list, dict)) else 0
        bound, kind, limit = (
            ("at least", "too_short", "min_length")
            if keyword.startswith("min")
            else ("at most", "too_long", "max_length")
        )
        msg = (
            f"{field_type} should have {bound} {_plural(expected, 'item')} after validation, "
            f"not {actual}"
        )
        ctx = {"field_type": field_type, limit: expected, "actual_length": actual}
    elif keyword == "uniqueItems":
        kind, msg = "unique_items", "List should have unique items"
    elif keyword == "enum":
        kind, msg = "enum", f"Input should be {_quoted_choices(expected)}"
        ctx = {"expected": _quoted_choices(expected)}
    elif keyword == "const":
        kind, msg = "literal_error", f"Input should be {_quoted_choices([expected])}"
    elif keyword == "required":
        kind, msg = "missing", "Field required"
    elif keyword == "format" and expected == "date-time":
        kind, msg = "datetime_parsing", "Input should be a valid datetime"
    elif keyword == "discriminator":
        kind, msg = str(expected), error.message
    else:
        kind, msg = "value_error", f"Value error, {error.message}"
    item: DetailItem = {
        "type": kind,
        "loc": [*loc, *error.absolute_path],
        "msg": msg,
        "input": None if keyword == "required" or not echo_input else _jsonable(error.instance),
    }
    if ctx is not None:
        item["ctx"] = ctx
    return item


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value
