"""Prepare an OpenAPI document for the client generator and for comparison.

The preparation is configuration (``openapi/normalize.yaml``), never a hand edit of the document:
an operation ID two operations share gets their methods appended, header parameters the server
framework adds to every operation are dropped, API-key headers declared only as security schemes
become parameters, titles that two component schemas share are renamed or dropped, enum values
whose Python names would collide are named, non-JSON response bodies are described as text or
bytes, `default: {}` markers of "not set" are dropped, error answers get the error body of our
spec, and operations the tags and titles the client layer expects. So openapi-python-client
generates every endpoint of a real document with ``--fail-on-warning``, and the client layer
works on it. Used by ``scripts/regenerate`` and ``scripts/api_changes.py``; what each rule is
for: ``openapi/normalize.yaml`` and ``openapi/GENERATOR.md``, "Published documents".
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amigo_sandbox.refs import Document
from amigo_sandbox.spec import copy_document, load_yaml, parse_yaml

REPO = Path(__file__).resolve().parent.parent
NORMALIZE_CONFIG = REPO / "openapi" / "normalize.yaml"
OUR_SPEC = REPO / "openapi" / "amigo.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# How a non-JSON response body is described to the generator, by kind (see non-json-responses).
BODY_KINDS: dict[str, dict[str, Any]] = {
    "text": {"text/plain": {"schema": {"type": "string"}}},
    "binary": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
}
ENTRIES = {
    "unique-operation-ids",
    "drop-header-parameters",
    "api-key-header-parameters",
    "drop-shared-titles",
    "rename-titles",
    "name-colliding-enum-values",
    "non-json-responses",
    "drop-not-set-defaults",
    "error-body",
    "operation-tags",
    "response-titles",
}


class SpecError(Exception):
    """A document the scripts read (the spec, openapi/normalize.yaml, a document to compare)
    cannot be used, or the outputs cannot be made from it; the message says which and why. The
    one error of the developer scripts (regenerate, build_catalog, build_tools_doc,
    api_changes), each of which prints it on one line and exits non-zero."""


def _names(path: Path, raw: dict[str, Any], entry: str) -> dict[str, str]:
    value = raw.get(entry) or {}
    if not isinstance(value, dict):
        raise SpecError(f"{path}: {entry} must be a mapping of names")
    return {str(k): str(v) for k, v in value.items()}


@dataclass(frozen=True)
class Normalization:
    """What to change in a document before it is generated from or compared."""

    unique_operation_ids: bool = False
    drop_header_parameters: frozenset[str] = frozenset()  # lower-cased names
    api_key_header_parameters: bool = False
    drop_shared_titles: bool = False
    rename_titles: Mapping[str, str] = field(default_factory=dict)  # component key -> title
    name_colliding_enum_values: bool = False
    non_json_responses: Mapping[str, str] = field(default_factory=dict)  # content type -> kind
    drop_not_set_defaults: bool = False  # `default: {}` beside anything but a plain object
    error_body: str | None = None  # a component schema of our spec
    operation_tags: Mapping[str, str] = field(default_factory=dict)  # operationId -> tag
    response_titles: Mapping[str, str] = field(default_factory=dict)  # operationId -> title

    @classmethod
    def load(cls, path: Path = NORMALIZE_CONFIG) -> Normalization:
        raw = load_yaml(path) or {}
        if not isinstance(raw, dict):
            raise SpecError(f"{path}: expected a mapping")
        unknown = set(raw) - ENTRIES
        if unknown:
            raise SpecError(f"{path}: unknown entries {sorted(unknown)}")
        headers = raw.get("drop-header-parameters") or []
        if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
            raise SpecError(f"{path}: drop-header-parameters must be a list of names")
        non_json = _names(path, raw, "non-json-responses")
        if not set(non_json.values()) <= set(BODY_KINDS):
            raise SpecError(f"{path}: non-json-responses kinds are {sorted(BODY_KINDS)}")
        error_body = raw.get("error-body")
        if error_body is not None and not isinstance(error_body, str):
            raise SpecError(f"{path}: error-body must name a schema of our spec")
        return cls(
            unique_operation_ids=bool(raw.get("unique-operation-ids", False)),
            drop_header_parameters=frozenset(h.lower() for h in headers),
            api_key_header_parameters=bool(raw.get("api-key-header-parameters", False)),
            drop_shared_titles=bool(raw.get("drop-shared-titles", False)),
            rename_titles=_names(path, raw, "rename-titles"),
            name_colliding_enum_values=bool(raw.get("name-colliding-enum-values", False)),
            non_json_responses=non_json,
            drop_not_set_defaults=bool(raw.get("drop-not-set-defaults", False)),
            error_body=error_body,
            operation_tags=_names(path, raw, "operation-tags"),
            response_titles=_names(path, raw, "response-titles"),
        )


def operations(document: Mapping[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """``(path, method, operation)`` for every operation of the document, in document order."""
    found = []
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                found.append((str(path), method, operation))
    return found


def _drop_headers(parameters: list[Any], doc: Document, names: frozenset[str]) -> list[Any]:
    kept = []
    for raw in parameters:
        parameter = doc.resolve(raw)
        if (
            isinstance(parameter, dict)
            and parameter.get("in") == "header"
            and str(parameter.get("name", "")).lower() in names
        ):
            continue
        kept.append(raw)
    return kept


def mappings(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a document, depth first, the document's own included."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from mappings(value)
    elif isinstance(node, list):
        for value in node:
            yield from mappings(value)


def _spelled(value: str) -> str:
    """`value` with every character the generator drops from a name spelled out by its Unicode
    name: `GMT+0` -> `GMT_PLUS_SIGN_0`."""
    return "".join(
        char
        if char.isalnum() or char in "._ -"
        else f"_{unicodedata.name(char, 'CHARACTER').replace(' ', '_')}_"
        for char in value
    )


def enum_names(values: list[str]) -> list[str] | None:
    """The member names the generator would give the string enum `values`, with the values
    whose names collide spelled out (`GMT0` and `GMT+0` would both be `GMT0`); None when no
    names collide, so the generator names them itself."""
    names = _enum_names(tuple(values))
    return None if names is None else list(names)


@functools.cache
def _enum_names(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """`enum_names`, once per list of values: a published document repeats its 599 time zones
    in dozens of schemas."""
    from openapi_python_client.strings import snake_case

    def name(value: str, index: int) -> str:
        return snake_case(value.upper() if value[:1].isalpha() else f"VALUE_{index}").upper()

    plain = [name(value, index) for index, value in enumerate(values)]
    counts = Counter(plain)
    if len(counts) == len(plain):
        return None
    names = [
        name(_spelled(value), index) if counts[plain[index]] > 1 else plain[index]
        for index, value in enumerate(values)
    ]
    seen: Counter[str] = Counter()
    unique = []
    for candidate in names:
        seen[candidate] += 1
        unique.append(candidate if seen[candidate] == 1 else f"{candidate}_{seen[candidate]}")
    return tuple(unique)


def untyped_bodies(document: Mapping[str, Any], normalization: Normalization) -> list[str]:
    """``operationId status content-type (kind)`` for every response body `normalize` describes
    as text or bytes because it is not JSON: what the generated client cannot parse."""
    found = []
    for _, _, operation in operations(document):
        for status, response in (operation.get("responses") or {}).items():
            content = (response or {}).get("content") or {}
            if "application/json" in content:
                continue
            for content_type in content:
                kind = normalization.non_json_responses.get(content_type)
                if kind is not None:
                    found.append(f"{operation.get('operationId')} {status} {content_type} ({kind})")
    return found


def _add_api_key_headers(result: dict[str, Any]) -> None:
    """An operation whose own security is made of API-key headers only (the API-key sign-in;
    schemes the document does not define count as none) gets each of them as a required string
    header parameter, unless it declares it already,
    and no security of its own: the parameters say it all, and the generator would otherwise
    type its `client` as an `AuthenticatedClient`, which signing in cannot have yet."""
    doc = Document(result)
    schemes = (result.get("components") or {}).get("securitySchemes") or {}
    for _, _, operation in operations(result):
        names = [name for requirement in operation.get("security") or [] for name in requirement]
        # Later versions name the API-key schemes without defining them: nothing to send.
        found = [schemes[name] for name in names if name in schemes]
        if not names or any((s.get("type"), s.get("in")) != ("apiKey", "header") for s in found):
            continue
        parameters = operation.setdefault("parameters", [])
        declared = {
            str(doc.resolve(p).get("name", "")).lower()
            for p in parameters
            if doc.resolve(p).get("in") == "header"
        }
        for scheme in found:
            name = str(scheme["name"]).lower()
            if name not in declared:
                declared.add(name)
                parameters.append(
                    {
                        "name": name,
                        "in": "header",
                        "required": True,
                        "description": scheme.get("description", ""),
                        "schema": {"type": "string"},
                    }
                )
        operation["security"] = []


def _is_error(status: str) -> bool:
    return status == "default" or status[:1] in {"4", "5"}


@functools.lru_cache(maxsize=1)
def _parsed(text: str) -> Any:
    """Our spec, parsed once per text: each published document prepared needs its error body
    (a change report prepares two). Read only; what is taken from it is copied."""
    return parse_yaml(text)


def _add_error_body(result: dict[str, Any], name: str) -> None:
    """Every error response without content gets our spec's `name` schema (copied into the
    document with the schemas it refers to, unless the document has its own)."""
    bare = [
        response
        for _, _, operation in operations(result)
        for status, response in (operation.get("responses") or {}).items()
        if _is_error(str(status))
        and isinstance(response, dict)
        and "$ref" not in response
        and not response.get("content")
    ]
    if not bare:
        return
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    if name not in schemas:
        ours = (_parsed(OUR_SPEC.read_text(encoding="utf-8")).get("components") or {}).get(
            "schemas"
        ) or {}
        pending = [name]
        while pending:
            key = pending.pop()
            if key in schemas:
                continue
            if key not in ours:
                raise SpecError(f"error-body: no component schema {key!r} in {OUR_SPEC.name}")
            schemas[key] = copy_document(ours[key])
            pending += [
                node["$ref"].rsplit("/", 1)[-1]
                for node in mappings(schemas[key])
                if isinstance(node.get("$ref"), str)
            ]
    for response in bare:
        response["content"] = {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
        }


def normalize(document: Mapping[str, Any], normalization: Normalization) -> dict[str, Any]:
    """A normalized copy of `document`; the document itself is not changed."""
    result: dict[str, Any] = copy_document(dict(document))
    doc = Document(document)
    if normalization.unique_operation_ids:
        uses = Counter(str(operation.get("operationId")) for _, _, operation in operations(result))
        for _, method, operation in operations(result):
            if uses[str(operation.get("operationId"))] > 1:
                operation["operationId"] = f"{operation['operationId']}-{method}"
    if normalization.drop_header_parameters:
        for item in (result.get("paths") or {}).values():
            if not isinstance(item, dict):
                continue
            holders = [item, *(item[m] for m in HTTP_METHODS if isinstance(item.get(m), dict))]
            for holder in holders:
                if isinstance(holder.get("parameters"), list):
                    holder["parameters"] = _drop_headers(
                        holder["parameters"], doc, normalization.drop_header_parameters
                    )
    if normalization.api_key_header_parameters:
        _add_api_key_headers(result)
    schemas = (result.get("components") or {}).get("schemas") or {}
    for key, title in normalization.rename_titles.items():
        if key not in schemas:
            raise SpecError(f"rename-titles: no component schema {key!r}")
        schemas[key]["title"] = title
    for _, _, operation in operations(result):
        tag = normalization.operation_tags.get(str(operation.get("operationId")))
        if tag is not None:
            operation["tags"] = [tag]
        wanted = normalization.response_titles.get(str(operation.get("operationId")))
        success = ((operation.get("responses") or {}).get("200") or {}).get("content") or {}
        ref = (success.get("application/json") or {}).get("schema", {}).get("$ref")
        if wanted is not None and isinstance(ref, str) and ref.rsplit("/", 1)[-1] != wanted:
            schemas[ref.rsplit("/", 1)[-1]]["title"] = wanted
    if normalization.drop_shared_titles:
        titles = Counter(
            schema["title"]
            for schema in schemas.values()
            if isinstance(schema, dict) and isinstance(schema.get("title"), str)
        )
        for schema in schemas.values():
            if isinstance(schema, dict) and titles.get(schema.get("title"), 0) > 1:
                del schema["title"]
    for node in mappings(result):
        if normalization.name_colliding_enum_values:
            values = node.get("enum")
            if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
                names = enum_names(values)
                if names is not None and "x-enum-varnames" not in node:
                    node["x-enum-varnames"] = names
        if (
            normalization.drop_not_set_defaults
            and node.get("default") == {}
            and node.get("type") != "object"
        ):
            del node["default"]
    for _, _, operation in operations(result):
        for response in (operation.get("responses") or {}).values():
            content = (response or {}).get("content") or {}
            if "application/json" in content:
                continue
            kinds = sorted(
                normalization.non_json_responses[t]
                for t in content
                if t in normalization.non_json_responses
            )
            if kinds:
                response["content"] = copy_document(BODY_KINDS[kinds[0]])
    if normalization.error_body is not None:
        _add_error_body(result, normalization.error_body)
    return result
