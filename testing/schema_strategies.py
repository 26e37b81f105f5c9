"""Hypothesis strategies for tool arguments, read from each tool's input schema.

Written here rather than taken from a library so that the generator shares nothing with the
server's own validation: `valid(schema)` draws values that the schema allows, and
`mutation(schema, value)` breaks one valid value at exactly one place, returning the field an
error message must name.

It covers every JSON Schema keyword a tool's input schema can carry (the catalog keeps only
`INPUT_KEYWORDS` of scripts/build_catalog.py): type and type lists, enum, const, pattern, format
date-time, minLength/maxLength, minimum/maximum and their exclusive forms, multipleOf, items,
minItems/maxItems, uniqueItems, properties, required, additionalProperties, propertyNames,
minProperties/maxProperties, anyOf, oneOf, allOf, and the annotations. A keyword it does not
know fails loudly, so a new spec keyword cannot quietly go untested.

Not hypothesis-jsonschema: it would draw valid values only (the mutations below are most of
this module), it targets JSON Schema drafts 4 to 7, and the patterns of the catalog are drawn
whole here, far faster than from their regular expressions.
"""

from __future__ import annotations

import copy
import functools
import json
import math
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

HANDLED = {
    "type",
    "description",
    "title",
    "default",
    "examples",
    "deprecated",
    "multipleOf",
    "minProperties",
    "maxProperties",
    "allOf",
    "enum",
    "const",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "items",
    "minItems",
    "maxItems",
    "uniqueItems",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "anyOf",
    "oneOf",
}
OBJECT_ID = "^[a-f0-9]{24}$"
Path = tuple[str | int, ...]


def check_keywords(schema: Any) -> None:
    """Fail on a JSON Schema keyword these strategies do not understand."""
    if isinstance(schema, dict):
        unknown = set(schema) - HANDLED
        assert not unknown, f"schema_strategies does not handle {sorted(unknown)}"
        for key, sub in schema.items():
            if key == "properties":
                for child in sub.values():
                    check_keywords(child)
            elif key in ("items", "additionalProperties", "propertyNames"):
                check_keywords(sub)
            elif key in ("anyOf", "oneOf", "allOf"):
                for branch in sub:
                    check_keywords(branch)


def merged(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with its `allOf` parts written into it (properties and required lists joined)."""
    if "allOf" not in schema:
        return schema
    out = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = merged(part)
        for key, value in part.items():
            if key == "properties":
                out["properties"] = {**out.get("properties", {}), **value}
            elif key == "required":
                out["required"] = [*out.get("required", []), *value]
            else:
                out[key] = value
    return out


# --- valid values -----------------------------------------------------------------------------


def _types(schema: dict[str, Any]) -> list[str]:
    declared = schema.get("type")
    if isinstance(declared, list):
        return list(declared)
    if isinstance(declared, str):
        return [declared]
    return []


DATE_TIMES = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
)


_HEX = "0123456789abcdef"
_OBJECT_IDS = st.text(_HEX, min_size=24, max_size=24)
_VERSION = st.one_of(st.text("0123456789", min_size=1), st.just("latest"))
# Strings for the patterns the catalog uses, drawn whole. Hypothesis's regex strategy draws each
# character on its own, which made regexes a large part of the cost of drawing arguments, and of
# every later mutation hypothesis makes of them. Each draw is still held to its pattern (one that
# does not match is rejected: by a function of ours, since hypothesis turns a filter by a compiled
# pattern's own `fullmatch` back into its regex strategy); any other pattern goes to the regex
# strategy. Text is drawn as the regex strategy draws it, encodable in UTF-8: a lone surrogate
# is no text, and the server refuses it whatever the schema says.
WHOLE_STRINGS: dict[str, st.SearchStrategy[str]] = {
    OBJECT_ID: _OBJECT_IDS,
    "^[a-f0-9]{24}-[0-9]+$": st.tuples(_OBJECT_IDS, st.text("0123456789", min_size=1)).map(
        "-".join
    ),
    "^([0-9]+|latest)(-([0-9]+|latest))?$": st.tuples(
        _VERSION, st.one_of(st.just(""), _VERSION.map("-{}".format))
    ).map("".join),
    r"^[\w\s]+$": st.text(
        st.characters(categories=["L", "N", "Zs"], include_characters="_\t\n\r\x0b\x0c"),
        min_size=1,
    ),
    "^[^:]+:.*$": st.tuples(
        st.text(st.characters(codec="utf-8", exclude_characters=":"), min_size=1),
        st.text(st.characters(codec="utf-8", exclude_characters="\n")),
    ).map(":".join),
    "^[^,]+,[^,]+$": st.tuples(
        *[st.text(st.characters(codec="utf-8", exclude_characters=","), min_size=1)] * 2
    ).map(",".join),
}


@functools.cache
def _matching(pattern: str, known_ids: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Strings that fully match `pattern`, one strategy per pattern: hypothesis builds a regex
    strategy on its first draw, so a shared one is built once, not once per field and call."""
    whole = WHOLE_STRINGS.get(pattern)
    if whole is None:
        base = st.from_regex(pattern, fullmatch=True)
    else:
        compiled = re.compile(pattern)
        base = whole.filter(lambda s: compiled.fullmatch(s) is not None)
    if pattern == OBJECT_ID and known_ids:
        return st.one_of(st.sampled_from(known_ids), base)
    return base


def valid(schema: dict[str, Any], known_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Any]:
    """Values `schema` accepts. `known_ids` are mixed into 24-hex-character IDs so that some
    calls find real records.

    Build it once per schema and draw from it many times: hypothesis works out a strategy's
    structure on its first draw, and that costs far more than a draw."""
    schema = merged(schema)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            return st.one_of([valid(branch, known_ids) for branch in schema[combinator]])
    types = _types(schema)
    if len(types) > 1:
        return st.one_of([valid(schema | {"type": t}, known_ids) for t in types])
    kind = types[0] if types else None
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        low = schema.get("minimum")
        if "exclusiveMinimum" in schema:
            low = schema["exclusiveMinimum"] + 1
        high = schema.get("maximum")
        if "exclusiveMaximum" in schema:
            high = schema["exclusiveMaximum"] - 1
        step = schema.get("multipleOf", 1)
        return st.integers(
            min_value=None if low is None else -(-low // step),
            max_value=None if high is None else high // step,
        ).map(lambda n: n * step)
    if kind == "number":
        if "multipleOf" in schema:  # whole multiples of the step, within the bounds
            return _multiples(schema)
        return st.floats(
            min_value=schema.get("exclusiveMinimum", schema.get("minimum")),
            max_value=schema.get("exclusiveMaximum", schema.get("maximum")),
            exclude_min="exclusiveMinimum" in schema,
            exclude_max="exclusiveMaximum" in schema,
            allow_nan=False,
            allow_infinity=False,
        )
    if kind == "string":
        return _string(schema, known_ids)
    if kind == "array":
        items = valid(schema.get("items", {}), known_ids)
        low = schema.get("minItems", 0)
        high = min(schema.get("maxItems", low + 3), low + 3)
        unique = json.dumps if schema.get("uniqueItems") else None
        return st.lists(items, min_size=low, max_size=high, unique_by=unique)
    if kind == "object":
        return _object(schema, known_ids)
    raise AssertionError(f"no strategy for schema {schema}")


def _multiples(schema: dict[str, Any]) -> st.SearchStrategy[float]:
    """Numbers that are whole multiples of `multipleOf` (a million of them at most either side
    of zero when unbounded, so that adding half a step still shows)."""
    step = schema["multipleOf"]
    low = schema.get("exclusiveMinimum", schema.get("minimum", -1e6 * step)) / step
    high = schema.get("exclusiveMaximum", schema.get("maximum", 1e6 * step)) / step
    first = math.floor(low) + 1 if "exclusiveMinimum" in schema else math.ceil(low)
    last = math.ceil(high) - 1 if "exclusiveMaximum" in schema else math.floor(high)
    return st.integers(min_value=first, max_value=last).map(lambda n: n * step)


def _string(schema: dict[str, Any], known_ids: tuple[str, ...]) -> st.SearchStrategy[str]:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if schema.get("format") == "date-time":
        base = DATE_TIMES
    elif "pattern" in schema:
        base = _matching(schema["pattern"], known_ids)
    else:
        return st.text(min_size=low, max_size=high if high is not None else max(low, 40))
    return base.filter(lambda s: len(s) >= low and (high is None or len(s) <= high))


def _object(schema: dict[str, Any], known_ids: tuple[str, ...]) -> st.SearchStrategy[Any]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = st.fixed_dictionaries(
        {k: valid(v, known_ids) for k, v in properties.items() if k in required},
        optional={k: valid(v, known_ids) for k, v in properties.items() if k not in required},
    )
    low, high = schema.get("minProperties", 0), schema.get("maxProperties")

    def sized(value: dict[str, Any]) -> bool:
        return low <= len(value) and (high is None or len(value) <= high)

    extra = schema.get("additionalProperties")
    if not isinstance(extra, dict):
        return fixed.filter(sized) if low or high is not None else fixed
    names = schema.get("propertyNames", {"type": "string"})
    keys = valid(names | {"type": "string"}, known_ids).filter(lambda k: k not in properties)
    more = st.dictionaries(keys, valid(extra, known_ids), min_size=low, max_size=max(low, 3))
    return st.tuples(fixed, more).map(lambda pair: pair[1] | pair[0]).filter(sized)


# --- one broken place -------------------------------------------------------------------------


# (what was done, the mutated arguments, the field an error must name)
Mutation = tuple[str, dict[str, Any], str]


def field_name(path: Path) -> str:
    """("initial_version", "actions", 0, "type") -> "initial_version.actions[0].type"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(request)"


def _wrong_type_value(schema: dict[str, Any]) -> Any:
    allowed = set(_types(schema))
    for combinator in ("anyOf", "oneOf"):
        for branch in schema.get(combinator, []):
            allowed |= set(_types(branch))
    if "number" in allowed:
        allowed.add("integer")
    for kind, value in (
        ("string", 12345),
        ("integer", "not a number"),
        ("object", ["not", "an", "object"]),
        ("array", {"not": "an array"}),
        ("boolean", "yes"),
    ):
        if allowed and kind in allowed:
            continue
        if not allowed or _json_type(value) not in allowed:
            return value
    return object()  # nothing sensible: the caller skips this site


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _breakers(schema: dict[str, Any], value: Any) -> Iterator[tuple[str, Any]]:
    """(what, a replacement for `value` that breaks `schema` at this very place)."""
    wrong = _wrong_type_value(schema)
    if type(wrong) is not object:
        yield "wrong type", wrong
    if "enum" in schema:
        yield "not in the enum", "surely-not-an-allowed-value"
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], "!! no match !!"):
            yield "breaks the pattern", "!! no match !!"
        if schema.get("format") == "date-time":
            yield "not a date-time", "the day after tomorrow"
        if schema.get("minLength", 0) >= 1:
            yield "too short", ""
        if "maxLength" in schema:
            yield "too long", "x" * (schema["maxLength"] + 1)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "maximum" in schema:
            yield "above the maximum", schema["maximum"] + 1
        if "minimum" in schema:
            yield "below the minimum", schema["minimum"] - 1
        if "exclusiveMinimum" in schema:
            yield "not above the exclusive minimum", schema["exclusiveMinimum"]
        if "exclusiveMaximum" in schema:
            yield "not below the exclusive maximum", schema["exclusiveMaximum"]
        if schema.get("multipleOf", 1) != 1:
            step = schema["multipleOf"]
            yield "not a multiple", value + (1 if isinstance(step, int) else step / 2)
    if isinstance(value, list):
        if schema.get("minItems", 0) >= 1:
            yield "too few items", []
        if "maxItems" in schema and value:
            yield "too many items", [value[0]] * (schema["maxItems"] + 1)
        if schema.get("uniqueItems") and value:
            yield "a repeated item", [*value, value[0]]
    if isinstance(value, dict):
        if schema.get("minProperties", 0) >= 1 and not schema.get("required"):
            yield "too few properties", {}
        declared = schema.get("properties", {})
        additional = [(k, v) for k, v in value.items() if k not in declared]
        if "maxProperties" in schema and additional:
            # More of an additional field it has, under names that stay valid: only the count
            # breaks.
            name, item = additional[0]
            names = [f"{name}_{i}" for i in range(schema["maxProperties"] + 1)]
            allowed = schema.get("propertyNames", {})
            if all(n not in declared and accepts(allowed, n) for n in names):
                yield "too many properties", value | dict.fromkeys(names, item)


def _sites(
    schema: dict[str, Any], value: Any, path: Path, reported: Path | None
) -> Iterator[tuple[str, Path, Callable[[Any], Any] | None, Path]]:
    """Every place `value` can be broken: (what, where, replacement or None to delete, the
    field the error names). Inside an anyOf/oneOf the error names the combinator's place."""
    schema = merged(schema)
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            here = _or(reported, path)
            for what, bad in _breakers(schema, value):
                yield what, path, _always(bad), here
            for branch in schema[combinator]:
                if accepts(branch, value):
                    yield from _sites(branch, value, path, here)
                    return
            return
    for what, bad in _breakers(schema, value):
        yield what, path, _always(bad), _or(reported, path)
    if isinstance(value, dict) and "object" in _types(schema):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name in value:
                where = (*path, name)
                yield "missing required field", where, None, _or(reported, where)
        if schema.get("additionalProperties") is False:
            where = (*path, "surely_not_a_field")
            yield "unknown field", where, _always(1), _or(reported, where)
        for name, child in value.items():
            sub = properties.get(name, schema.get("additionalProperties"))
            if isinstance(sub, dict):
                yield from _sites(sub, child, (*path, name), reported)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _sites(schema["items"], item, (*path, index), reported)


def _always(bad: Any) -> Callable[[Any], Any]:
    """A replacement that puts `bad` in place of whatever was there."""
    return lambda _: bad


def _or(reported: Path | None, path: Path) -> Path:
    return reported if reported is not None else path


def accepts(schema: dict[str, Any], value: Any) -> bool:
    """Whether `schema` accepts `value`, by jsonschema (not by these strategies)."""
    return bool(_validator(json.dumps(schema, sort_keys=True)).is_valid(value))


@functools.cache
def _validator(schema: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema), format_checker=FormatChecker())


def _apply(value: Any, path: Path, replace: Callable[[Any], Any] | None) -> Any:
    out = copy.deepcopy(value)
    *parents, last = path
    node = out
    for part in parents:
        node = node[part]
    if replace is None:
        del node[last]
    elif isinstance(node, list):
        assert isinstance(last, int), path
        node[last] = replace(node[last])
    else:
        node[last] = replace(node.get(last))
    return out


@st.composite
def mutation(draw: st.DrawFn, schema: dict[str, Any], value: dict[str, Any]) -> Mutation | None:
    """`value` (valid) broken at one drawn place; None when there is no place to break."""
    sites = [s for s in _sites(schema, value, (), None) if s[1]]  # not the whole object
    if not sites:
        return None
    what, path, replace, reported = draw(st.sampled_from(sites))
    return what, _apply(value, path, replace), field_name(reported)
