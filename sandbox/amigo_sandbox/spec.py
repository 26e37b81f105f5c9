"""The OpenAPI document, read once: operations, parameters, schemas and validators.

Everything the sandbox knows about routes, parameters, constraints, success codes and rate
limits comes from here, so `openapi/amigo.yaml` stays the one source of truth.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from jsonschema.protocols import Validator

from amigo_sandbox.refs import INLINED_FROM, Document, pointer

HTTP_METHODS = ("get", "post", "put", "patch", "delete")

ParameterLocation = Literal["path", "query", "header"]

_MISSING: Any = object()


def locate_spec() -> Path:
    """Where the spec is: inside the installed package when built as a wheel, else the repo."""
    packaged = importlib.resources.files("amigo_sandbox") / "amigo.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    for folder in Path(__file__).resolve().parents:
        repo_copy = folder / "openapi" / "amigo.yaml"
        if repo_copy.is_file():
            return repo_copy
    raise FileNotFoundError("openapi/amigo.yaml not found (neither packaged nor in the repository)")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: ParameterLocation
    required: bool
    pointer: str  # JSON pointer of the parameter's schema inside the document
    schema: Mapping[str, Any]  # the schema with top-level `$ref`s followed
    types: frozenset[str]  # JSON types the value may take
    default: Any

    @property
    def has_default(self) -> bool:
        return self.default is not _MISSING

    @property
    def is_array(self) -> bool:
        return "array" in self.types


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # as written in the spec, e.g. /v1/{organization}/dynamic_behavior_set/
    parameters: tuple[Parameter, ...]
    body_pointer: str | None
    body_required: bool
    success_status: int
    response_pointers: Mapping[int, str | None]  # status -> JSON pointer of the body schema
    rate_limit_per_minute: int | None
    requires_auth: bool
    permissions: tuple[str, ...]

    @property
    def read_only(self) -> bool:
        return self.method == "GET"

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


def parse_yaml(text: str) -> Any:
    """A YAML document, parsed with libyaml's safe loader when PyYAML has it (over ten times
    faster than the pure-Python one on the spec). The one way the project reads YAML; a
    malformed document raises `yaml.YAMLError`. A JSON document (JSON is YAML: a published
    OpenAPI document, a prepared spec) is read by `json`, which is faster still."""
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:  # a YAML flow mapping, or not a document at all: YAML says which
            pass
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_yaml(path: Path) -> Any:
    """A YAML file (UTF-8), parsed with `parse_yaml`."""
    return parse_yaml(path.read_text(encoding="utf-8"))


def copy_document(node: Any) -> Any:
    """A copy of a parsed document that can be changed without touching the original: its
    mappings and lists are new, its scalars shared (they cannot change). Twice as fast as
    `copy.deepcopy` on the spec, which copies every string and keeps a memo."""
    if isinstance(node, dict):
        return {key: copy_document(value) for key, value in node.items()}
    if isinstance(node, list):
        return [copy_document(value) for value in node]
    return node


class Spec:
    """The parsed spec plus the validators built from it."""

    def __init__(self, document: dict[str, Any], source: Path | None = None) -> None:
        self.document = document
        self.source = source
        self.refs = Document(document)
        self.operations: tuple[Operation, ...] = tuple(self._read_operations())
        self.by_id: dict[str, Operation] = {op.operation_id: op for op in self.operations}
        self._validators: dict[str, Validator] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> Spec:
        """The spec at `path` (default: the one shipped with the sandbox). Read once per version
        of the file: every sandbox of a process shares it and the validators built from it."""
        source = path or locate_spec()
        return _load(source, source.stat().st_mtime_ns)

    # --- lookups -------------------------------------------------------------------------------

    def resolve(self, node: Any) -> Any:
        """Follow `$ref` at the top of a node (repeatedly) inside this document."""
        return self.refs.resolve(node)

    def _resolve_with_pointer(self, node: Any, at: str) -> tuple[Any, str]:
        """The node with its `$ref`s followed, and where the result lives in the document."""
        followed = self.refs.follow(node)
        return followed.node, followed.ref or at

    def validator(self, at: str) -> Validator:
        """A Draft 2020-12 validator for the schema at the pointer `at` (`#/components/...`)."""
        cached = self._validators.get(at)
        if cached is None:
            inlined = self.refs.inline(at)
            cached = cast(
                Validator,
                _SandboxValidator(inlined, format_checker=_FORMATS)
                if inlined is not None
                else _SandboxValidator(
                    self.refs.absolute(at), registry=self.refs.registry, format_checker=_FORMATS
                ),
            )
            self._validators[at] = cached
        return cached

    def schema_at(self, at: str) -> Any:
        return self.refs.lookup(at)

    def types_of(self, schema: Any) -> frozenset[str]:
        """The JSON types a schema admits, looking through `$ref`, `anyOf` and `oneOf`."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return frozenset()
        found: set[str] = set()
        declared = schema.get("type")
        if isinstance(declared, str):
            found.add(declared)
        elif isinstance(declared, list):
            found.update(t for t in declared if isinstance(t, str))
        for key in ("anyOf", "oneOf"):
            for branch in schema.get(key, []):
                found |= self.types_of(branch)
        return frozenset(found)

    def array_items(self, schema: Any) -> Any:
        """The `items` schema of an array-typed schema (looking through `anyOf`)."""
        schema = self.resolve(schema)
        if isinstance(schema, dict):
            if "items" in schema:
                return self.resolve(schema["items"])
            for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
                items = self.array_items(branch)
                if items is not None:
                    return items
        return None

    def iter_enum_sites(self, at: str) -> Iterator[str]:
        """Schema pointers under `at` that carry a string `enum` (for fault injection), each
        once."""
        yield from dict.fromkeys(self._enum_sites(self.schema_at(at), at, frozenset()))

    def _enum_sites(self, node: Any, at: str, within: frozenset[str]) -> Iterator[str]:
        followed = self.refs.follow(node, within)
        node, at, within = followed.node, followed.ref or at, followed.within
        if followed.recursive or not isinstance(node, dict):
            return
        if isinstance(node.get("enum"), list):
            yield at
        for name, child in node.get("properties", {}).items():
            yield from self._enum_sites(child, pointer("properties", name, under=at), within)
        if isinstance(node.get("items"), dict):
            yield from self._enum_sites(node["items"], pointer("items", under=at), within)
        for key in ("anyOf", "oneOf", "allOf"):
            for index, child in enumerate(node.get(key, [])):
                yield from self._enum_sites(child, pointer(key, index, under=at), within)

    # --- reading operations ---------------------------------------------------------------------

    def _read_operations(self) -> Iterator[Operation]:
        global_security = self.document.get("security", [])
        for path, path_item in self.document.get("paths", {}).items():
            path_params = path_item.get("parameters", [])
            for method in HTTP_METHODS:
                raw = path_item.get(method)
                if raw is None:
                    continue
                base = pointer("paths", path, method)
                params = [
                    *[
                        (p, pointer("paths", path, "parameters", i))
                        for i, p in enumerate(path_params)
                    ],
                    *[
                        (p, pointer("parameters", i, under=base))
                        for i, p in enumerate(raw.get("parameters", []))
                    ],
                ]
                yield Operation(
                    operation_id=raw["operationId"],
                    method=method.upper(),
                    path=path,
                    parameters=tuple(self._read_parameter(p, ptr) for p, ptr in params),
                    body_pointer=self._body_pointer(raw, base),
                    body_required=bool(self.resolve(raw.get("requestBody", {})).get("required")),
                    success_status=min(int(s) for s in raw["responses"] if s.startswith("2")),
                    response_pointers=self._response_pointers(raw, base),
                    rate_limit_per_minute=raw.get("x-rate-limit-per-minute"),
                    requires_auth=bool(raw.get("security", global_security)),
                    permissions=tuple(
                        dict.fromkeys(re.findall(r"`(\w+:\w+)`", raw.get("description", "")))
                    ),
                )

    def _read_parameter(self, raw: Any, at: str) -> Parameter:
        param, at = self._resolve_with_pointer(raw, at)
        schema_pointer = pointer("schema", under=at)
        schema = self.resolve(param.get("schema", {}))
        return Parameter(
            name=param["name"],
            location=param["in"],
            required=bool(param.get("required", False)),
            pointer=schema_pointer,
            schema=schema,
            types=self.types_of(schema),
            default=schema.get("default", _MISSING) if isinstance(schema, dict) else _MISSING,
        )

    def _body_pointer(self, raw: Mapping[str, Any], base: str) -> str | None:
        if "requestBody" not in raw:
            return None
        body, at = self._resolve_with_pointer(
            raw["requestBody"], pointer("requestBody", under=base)
        )
        if "application/json" not in body.get("content", {}):
            return None
        return pointer("content", "application/json", "schema", under=at)

    def _response_pointers(self, raw: Mapping[str, Any], base: str) -> dict[int, str | None]:
        out: dict[int, str | None] = {}
        for status, response in raw["responses"].items():
            if not status.isdigit():
                continue
            resolved, at = self._resolve_with_pointer(
                response, pointer("responses", status, under=base)
            )
            content = resolved.get("content", {})
            out[int(status)] = (
                pointer("content", "application/json", "schema", under=at)
                if "application/json" in content
                else None
            )
        return out


# --- validator extensions ----------------------------------------------------------------------


def make_validator(schema: Mapping[str, Any]) -> Validator:
    """A validator for a standalone schema, with the same extensions as the spec's validators."""
    return cast(Validator, _SandboxValidator(schema, format_checker=_FORMATS))


_FORMATS = FormatChecker(["date-time"])
_BASE_KEYWORDS = Draft202012Validator.VALIDATORS


def _one_of(validator: Any, one_of: Any, instance: Any, schema: Mapping[str, Any]) -> Iterator[Any]:
    """`oneOf` that honours an OpenAPI discriminator: validate only the branch the tag names."""
    discriminator = schema.get("discriminator")
    if not isinstance(discriminator, dict):
        yield from _BASE_KEYWORDS["oneOf"](validator, one_of, instance, schema)
        return
    if not validator.is_type(instance, "object"):
        yield ValidationError(
            "Input should be a valid dictionary or object",
            validator="type",
            validator_value="object",
        )
        return
    prop = discriminator["propertyName"]
    mapping: Mapping[str, str] = discriminator.get("mapping", {})
    tags = ", ".join(f"'{tag}'" for tag in mapping)
    if prop not in instance:
        yield ValidationError(
            f"Unable to extract tag using discriminator '{prop}'",
            validator="discriminator",
            validator_value="union_tag_not_found",
        )
        return
    tag = instance[prop]
    target = mapping.get(tag) if isinstance(tag, str) else None
    branch = next(
        (b for b in one_of if isinstance(b, dict) and b.get("$ref", b.get(INLINED_FROM)) == target),
        None,
    )
    if branch is None:
        yield ValidationError(
            f"Input tag '{tag}' found using '{prop}' does not match any of the expected tags: "
            f"{tags}",
            validator="discriminator",
            validator_value="union_tag_invalid",
        )
        return
    # FastAPI puts the tag into the location of errors inside a tagged union; so do we.
    yield from validator.descend(instance, branch, path=tag)


def _is_null_branch(branch: Any) -> bool:
    return isinstance(branch, dict) and branch.get("type") == "null" and len(branch) == 1


def _any_of(validator: Any, any_of: Any, instance: Any, schema: Mapping[str, Any]) -> Iterator[Any]:
    """`anyOf: [X, null]` reports the errors of X itself rather than a vague "not any of"."""
    others = [b for b in any_of if not _is_null_branch(b)]
    if instance is not None and len(others) == 1 and len(others) < len(any_of):
        yield from validator.descend(instance, others[0])
        return
    yield from _BASE_KEYWORDS["anyOf"](validator, any_of, instance, schema)


def _required(
    validator: Any, required: Any, instance: Any, schema: Mapping[str, Any]
) -> Iterator[Any]:
    """`required` that locates each missing field at its own name (like FastAPI's `loc`)."""
    if not validator.is_type(instance, "object"):
        return
    for prop in required:
        if prop not in instance:
            yield ValidationError(f"{prop!r} is a required property", path=[prop])


def _property_names(
    validator: Any, names: Any, instance: Any, schema: Mapping[str, Any]
) -> Iterator[Any]:
    """`propertyNames` that locates a bad key as `[..., key, "[key]"]` (pydantic's convention)."""
    if not validator.is_type(instance, "object"):
        return
    for prop in instance:
        for error in validator.descend(instance=prop, schema=names):
            error.path.appendleft("[key]")
            error.path.appendleft(prop)
            yield error


_extend: Any = validators.extend  # untyped in jsonschema's stubs
_SandboxValidator = _extend(
    Draft202012Validator,
    validators={
        "oneOf": _one_of,
        "anyOf": _any_of,
        "required": _required,
        "propertyNames": _property_names,
    },
)


@functools.lru_cache(maxsize=8)
def _load(source: Path, mtime_ns: int) -> Spec:
    return Spec(load_yaml(source), source)
