#!/usr/bin/env python3
"""Build the MCP tool catalog from the OpenAPI spec.

Every operation with an `x-mcp` extension becomes one tool: its name, title, model-facing
description and behaviour hints come from `x-mcp`; its input schema is the operation's path,
query and body fields flattened into one self-contained object (hidden parameters left out);
its output schema is the success response's schema, loosened so that an API that adds a field
or an enum value still conforms. The areas (toolsets) come from the root `x-mcp` and the tags.
An operation's `x-mcp` `view` names the MCP App view (views/src/<view>.ts) that shows its
result to people; the runtime ties the tool to that view's `ui://` resource.
The Python names of the generated client (module, keyword argument of every parameter) are
taken from openapi-python-client's own parser, run with the committed generator configuration,
so they are the names the generated code has. The runtime (`mcp_server`) reads the catalog and
nothing else of the spec.

Usage: build_catalog.py --spec openapi/amigo.yaml --out mcp_server/amigo_mcp/catalog.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

from spec_normalize import SpecError

from amigo_mcp.catalog import HINT_DEFAULTS
from amigo_sandbox.refs import Document
from amigo_sandbox.spec import load_yaml

GENERATOR_CONFIG = Path(__file__).resolve().parent.parent / "openapi" / "generator-config.yaml"

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
# JSON Schema keywords that the tool schemas keep; OpenAPI-only ones (discriminator, example,
# xml, ...) are dropped.
INPUT_KEYWORDS = (
    "type",
    "description",
    "enum",
    "const",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
    "anyOf",
    "oneOf",
    "allOf",
    "default",
    "deprecated",
)
DEPRECATED_NOTE = "Deprecated: avoid in new calls."
# Output schemas describe shape only: no descriptions, required lists, enums or value
# constraints, so that a response which drifts from the spec in those ways still conforms (the
# runtime reports the drift in the result's text).
OUTPUT_KEYWORDS = (
    "type",
    "format",
    "items",
    "properties",
    "additionalProperties",
    "anyOf",
    "oneOf",
)
# Levels of fields an output schema spells out; deeper objects are only `{"type": "object"}`.
OUTPUT_DEPTH = 1


#: Keywords that nest schemas: left out where a recursive schema leads back into itself.
NESTED_KEYWORDS = frozenset(
    ("properties", "items", "additionalProperties", "propertyNames", "anyOf", "oneOf", "allOf")
)


def _inline(
    doc: Document,
    schema: dict[str, Any],
    keywords: tuple[str, ...],
    described: bool = True,
    within: frozenset[str] = frozenset(),
) -> Any:
    """Return `schema` with every $ref replaced by its target and only `keywords` kept.

    Descriptions are kept on properties and on the arms of a union, where they tell a model
    what to write; on array items and map values (`described=False`) the property's own
    description already says it, so theirs are dropped. Where a recursive schema leads back
    into itself, the nested keywords are left out: the tool schema stops at that depth.
    """
    followed = doc.follow(schema, within)
    schema, within = followed.node, followed.within
    if "x-mcp-description" in schema:
        # The tool-side wording of a schema whose documented description is long.
        schema = schema | {"description": schema["x-mcp-description"]}
    out: dict[str, Any] = {}
    for key in keywords:
        if key not in schema or (key == "description" and not described):
            continue
        if followed.recursive and key in NESTED_KEYWORDS:
            continue
        value = schema[key]
        if key == "properties":
            value = {
                name: _inline(doc, sub, keywords, within=within) for name, sub in value.items()
            }
        elif key in ("items", "additionalProperties", "propertyNames") and isinstance(value, dict):
            value = _inline(doc, value, keywords, described=False, within=within)
        elif key in ("anyOf", "oneOf", "allOf"):
            # A described value that may also be null (one arm plus `null`): the node's own
            # description speaks for the value, the arm's would only repeat it.
            nullable_only = key != "allOf" and "description" in schema and len(value) == 2
            nullable_only = nullable_only and any(
                doc.resolve(sub).get("type") == "null" for sub in value
            )
            value = [
                _inline(doc, sub, keywords, described and not nullable_only, within)
                for sub in value
            ]
        out[key] = value
    return out


def _merge_description(
    schema: dict[str, Any], description: str | None, deprecated: bool = False
) -> dict[str, Any]:
    """`schema` with `description` first; a deprecated field says so in both places."""
    deprecated = deprecated or bool(schema.get("deprecated"))
    if not description and not deprecated:
        return schema
    description = (description or schema.get("description") or "").strip()
    if deprecated and DEPRECATED_NOTE not in description:
        description = f"{DEPRECATED_NOTE} {description}".strip()
    rest = {k: v for k, v in schema.items() if k not in ("description", "deprecated")}
    out = {"description": description, **rest} if description else rest
    return out | {"deprecated": True} if deprecated else out


def _input_schema(
    doc: Document,
    operation: dict[str, Any],
    hidden: set[str],
    short_descriptions: dict[str, str],
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    locations: dict[str, list[str]] = {"path": [], "query": [], "body": []}

    def add(name: str, schema: dict[str, Any], is_required: bool, where: str) -> None:
        if name in properties:
            raise SpecError(
                f"{operation['operationId']}: field {name!r} appears twice once flattened"
            )
        properties[name] = schema
        locations[where].append(name)
        if is_required:
            required.append(name)

    for raw in operation.get("parameters", []):
        param = doc.resolve(raw)
        if param["name"] in hidden:
            continue
        if param["in"] not in ("path", "query"):
            raise SpecError(
                f"{operation['operationId']}: {param['in']} parameter {param['name']!r} is "
                "neither hidden nor supported as a tool argument"
            )
        description = param.get("x-mcp-description") or short_descriptions.get(
            param["name"], param.get("description")
        )
        schema = _merge_description(
            _inline(doc, param["schema"], INPUT_KEYWORDS),
            description,
            deprecated=bool(param.get("deprecated")),
        )
        if "description" not in schema:
            raise SpecError(
                f"{operation['operationId']}: parameter {param['name']!r} has no description"
            )
        add(param["name"], schema, bool(param.get("required")), param["in"])

    body = operation.get("requestBody")
    if body is not None:
        body = doc.resolve(body)
        body_schema = doc.resolve(body["content"]["application/json"]["schema"])
        body_required = set(body_schema.get("required", [])) if body.get("required") else set()
        for name, sub in body_schema.get("properties", {}).items():
            schema = _merge_description(
                _inline(doc, sub, INPUT_KEYWORDS), short_descriptions.get(name)
            )
            if "description" not in schema:
                raise SpecError(
                    f"{operation['operationId']}: body field {name!r} has no description"
                )
            add(name, schema, name in body_required, "body")

    input_schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        input_schema["required"] = required
    input_schema["additionalProperties"] = False
    return input_schema, locations


def _shape(schema: dict[str, Any], depth: int) -> dict[str, Any]:
    """Cut an output schema to `depth` levels of objects.

    With depth 1 the top level is spelled out and anything deeper is only typed (`object`,
    `array` of `object`): the tool's description names the fields a model needs, every
    tools/list carries the schema, and nested shapes can evolve without breaking clients that
    validate `structuredContent`.
    """
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "properties":
            if depth == 0:
                continue
            value = {name: _shape(sub, depth - 1) for name, sub in value.items()}
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            value = _shape(value, depth)
        elif key in ("anyOf", "oneOf"):
            if depth == 0:
                types = sorted({t for sub in value for t in _types(sub)})
                out["type"] = types[0] if len(types) == 1 else types
                continue
            value = [_shape(sub, depth) for sub in value]
        out[key] = value
    return out


def _reading(doc: Document, schema: Any, within: frozenset[str] = frozenset()) -> dict[str, Any]:
    """What the generated client's tolerant reader needs of an answer to read it into its
    models (`amigo_client.reading`), as a JSON Schema: objects with their required fields,
    lists of what it reads, enums as strings (an unknown value is kept), date-times Python can
    read; a plain value is taken as it comes, and so is any value of a union with a plain arm
    (null included). A body this schema refuses is one the client cannot read."""
    followed = doc.follow(schema, within)
    node, within = followed.node, followed.within
    if followed.recursive or not isinstance(node, dict):
        return {}
    arms = node.get("anyOf") or node.get("oneOf")
    types = _types(node)
    if arms is not None:
        if not all(_read_as_model(doc, arm, within) for arm in arms):
            return {}
        return {"anyOf": [_reading(doc, arm, within) for arm in arms]}
    if len(types) > 1:
        return {}  # e.g. [string, null]: read as it comes
    kind = types[0] if types else ("object" if "properties" in node else None)
    if "enum" in node:
        return {"type": "string"}
    if kind == "string" and node.get("format") == "date-time":
        return {"type": "string", "format": "date-time"}
    if kind == "array":
        items = _reading(doc, node.get("items", {}), within)
        return {"type": "array", "items": items} if items else {}
    if kind != "object":
        return {}
    out: dict[str, Any] = {"type": "object"}
    if node.get("required"):
        out["required"] = list(node["required"])
    properties = {
        name: _reading(doc, sub, within) for name, sub in node.get("properties", {}).items()
    }
    extra = node.get("additionalProperties")
    extra = _reading(doc, extra, within) if isinstance(extra, dict) else {}
    if extra:  # the properties name the fields the map's entries are not
        out["properties"] = properties
        out["additionalProperties"] = extra
    elif any(properties.values()):
        out["properties"] = {name: reading for name, reading in properties.items() if reading}
    return out


def _read_as_model(doc: Document, schema: Any, within: frozenset[str]) -> bool:
    """Whether the generated reader builds something from a union's arm (a model, a list, an
    enum, a date-time) rather than taking the value as it comes."""
    node = doc.follow(schema, within).node
    types = _types(node)
    if "anyOf" in node or "oneOf" in node or "enum" in node or "properties" in node:
        return True
    if len(types) != 1:
        return False
    return types[0] in ("object", "array") or node.get("format") == "date-time"


def _types(schema: dict[str, Any]) -> list[str]:
    declared = schema.get("type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def _success(operation: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    for code, response in operation["responses"].items():
        if str(code).startswith("2"):
            content = response.get("content", {}).get("application/json")
            return int(code), (content or {}).get("schema")
    raise SpecError(f"{operation['operationId']}: no 2xx response")


class Generated(NamedTuple):
    """An operation as openapi-python-client generates it: its module, the keyword of every
    parameter, where each parameter goes, and the value its function sends for a query
    parameter left out (the spec's default of a scalar; the generator sends none for a list)."""

    module: str
    keywords: dict[str, str]
    locations: dict[str, str]
    query_defaults: dict[str, Any]


def generated_names(spec: dict[str, Any], spec_path: Path) -> dict[tuple[str, str], Generated]:
    """{(METHOD, path): Generated} as openapi-python-client makes each function.

    Its own parser, run with the committed configuration, decides every name (snake case,
    reserved words such as `type` -> `type_`, conflicts between locations) and default, so the
    catalog holds exactly what the generated functions accept and send.
    """
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.openapi import GeneratorData
    from openapi_python_client.strings import PythonIdentifier

    config = Config.from_sources(
        ConfigFile.load_from_path(GENERATOR_CONFIG), MetaType.UV, spec_path, "utf-8", True, None
    )
    data = GeneratorData.from_dict(spec, config=config)
    if not isinstance(data, GeneratorData):
        raise SpecError(f"openapi-python-client cannot read the spec: {data.detail}")
    package = config.package_name_override or "amigo_client"
    names: dict[tuple[str, str], Generated] = {}
    for tag, collection in data.endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            module = PythonIdentifier(endpoint.name, config.field_prefix)
            where = {
                "path": endpoint.path_parameters,
                "query": endpoint.query_parameters,
                "header": endpoint.header_parameters,
            }
            keywords, locations = {}, {}
            for location, parameters in where.items():
                for param in parameters:
                    wire = param.name.get_untrusted_value()
                    keywords[wire] = str(param.python_name)
                    locations[wire] = location
            defaults = {
                param.name.get_untrusted_value(): param.default.raw_value
                for param in endpoint.query_parameters
                if param.default is not None
            }
            path = endpoint.path.get_untrusted_value()
            names[(endpoint.method.upper(), path)] = Generated(
                f"{package}.api.{tag}.{module}", keywords, locations, defaults
            )
    return names


def date_time_paths(schema: dict[str, Any], path: tuple[str, ...] = ()) -> list[list[str]]:
    """Where in a tool's arguments a date-time string goes (keys, `[]` for list items): the
    request carries each in Python's ISO form, as the generated client writes a `datetime`."""
    if schema.get("format") == "date-time":
        return [list(path)]
    found: list[list[str]] = []
    for name, sub in schema.get("properties", {}).items():
        found += date_time_paths(sub, (*path, name))
    if isinstance(schema.get("items"), dict):
        found += date_time_paths(schema["items"], (*path, "[]"))
    for arm in schema.get("anyOf", []) + schema.get("oneOf", []):
        found += [p for p in date_time_paths(arm, path) if p not in found]
    return found


def _toolsets(spec: dict[str, Any]) -> dict[str, dict[str, str]]:
    """{tag: {name, title, description}}: the areas, from the root x-mcp and the spec's tags."""
    tags = {tag["name"]: tag for tag in spec.get("tags", [])}
    out = {}
    for tag, name in spec.get("x-mcp", {}).get("toolsets", {}).items():
        described = tags.get(tag, {})
        if not described.get("x-displayName") or not described.get("description"):
            raise SpecError(f"toolset {name!r}: tag {tag!r} needs x-displayName and description")
        out[tag] = {
            "name": name,
            "title": described["x-displayName"],
            "description": " ".join(described["description"].split()),
        }
    return out


def build_catalog(
    spec: dict[str, Any], python_names: dict[tuple[str, str], Generated]
) -> dict[str, Any]:
    root_curation = spec.get("x-mcp", {})
    doc = Document(spec)
    hidden_parameters: dict[str, str] = root_curation.get("hidden-parameters", {})
    toolsets = _toolsets(spec)
    short_descriptions: dict[str, str] = root_curation.get("parameter-descriptions", {})
    error_advice: dict[str, str] = root_curation.get("error-advice", {})
    # Per x-mcp operation, what composite tools and object curation refer to.
    operations: dict[str, dict[str, Any]] = {}
    tools: list[dict[str, Any]] = []
    names: set[str] = set()

    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None or "x-mcp" not in operation:
                continue
            curation = operation["x-mcp"]
            operation_id = operation["operationId"]
            name = curation["tool"]
            if name in names:
                raise SpecError(f"tool name {name!r} is used twice")
            names.add(name)
            tag = operation["tags"][0]
            if tag not in toolsets:
                raise SpecError(f"{operation_id}: tag {tag!r} has no toolset in the root x-mcp")

            if (method.upper(), path) not in python_names:
                raise SpecError(f"{operation_id}: openapi-python-client generates no function")
            generated = python_names[(method.upper(), path)]
            input_schema, locations = _input_schema(
                doc, operation, set(hidden_parameters), short_descriptions
            )
            status, response_schema = _success(operation)
            path_fields = locations["path"]
            if response_schema is None or not doc.resolve(response_schema).get("properties"):
                # No body (204) or an empty object: the tool answers a small confirmation.
                output_schema: dict[str, Any] = {
                    "type": "object",
                    "properties": {"ok": {"type": "boolean"}}
                    | {field: {"type": "string"} for field in path_fields},
                }
                if method == "delete":
                    # A delete of what is already gone succeeds (the tool is idempotent).
                    output_schema["properties"]["already_gone"] = {"type": "boolean"}
                result_kind = "confirmation"
            else:
                output_schema = _shape(
                    _inline(doc, response_schema, OUTPUT_KEYWORDS), depth=OUTPUT_DEPTH
                )
                result_kind = "body"

            read_only = bool(curation.get("read-only", False))
            destructive = bool(curation.get("destructive", False))
            advice = {
                str(code): _advice(error_advice, operation_id, key)
                for code, key in curation.get("errors", {}).items()
            }
            operations[operation_id] = {
                "tool": name,
                "tag": tag,
                "path_fields": path_fields,
                "body_fields": locations["body"],
                "query": {field: input_schema["properties"][field] for field in locations["query"]},
                "path_schemas": {field: input_schema["properties"][field] for field in path_fields},
                "output_schema": output_schema,
                "response_schema": response_schema,
                "title": curation["title"],
            }
            tools.append(
                {
                    "name": name,
                    "title": curation["title"],
                    "description": curation["description"].strip(),
                    "toolset": toolsets[tag]["name"],
                    "annotations": _annotations(read_only, destructive, curation.get("idempotent")),
                    "confirm": _confirm_rule(operation_id, curation, destructive),
                    "error_advice": advice,
                    "inputSchema": input_schema,
                    "outputSchema": output_schema,
                    "composite": None,
                    "view": _view(operation_id, curation),
                    "operation": {
                        "id": operation_id,
                        "method": method.upper(),
                        "path": path,
                        "module": generated.module,
                        "python_names": generated.keywords,
                        "hidden": {
                            name: generated.locations[name]
                            for name in hidden_parameters
                            if name in generated.locations
                        },
                        "query_defaults": {
                            name: value
                            for name, value in generated.query_defaults.items()
                            if name in locations["query"]
                        },
                        "date_times": date_time_paths(input_schema),
                        "answer_schema": None
                        if result_kind == "confirmation"
                        else _reading(doc, response_schema),
                        "success_status": status,
                        "result": result_kind,
                        "path_fields": path_fields,
                        "query_fields": locations["query"],
                        "body_fields": locations["body"],
                        "rate_limit_per_minute": rate_limit_per_minute(operation),
                    },
                }
            )
    if not tools:
        raise SpecError("the spec has no operation with an x-mcp extension")
    for tool in tools:
        operations[tool["operation"]["id"]]["operation"] = tool["operation"]
    for composite in root_curation.get("composite-tools", []):
        if composite["tool"] in names:
            raise SpecError(f"tool name {composite['tool']!r} is used twice")
        names.add(composite["tool"])
        tools.append(_composite_tool(doc, composite, operations, toolsets))
    objects = [_object(doc, raw, operations) for raw in root_curation.get("objects", [])]
    used = {tool["toolset"] for tool in tools}
    return {
        "hidden_parameters": hidden_parameters,
        "toolsets": [toolset for toolset in toolsets.values() if toolset["name"] in used],
        "url_limit_bytes": int(root_curation.get("url-limit-bytes", 8192)),
        "objects": objects,
        "tools": tools,
    }


def rate_limit_per_minute(operation: dict[str, Any]) -> int | None:
    """An operation's documented rate limit in calls per minute (`x-rate-limit-per-minute`),
    None when the spec states none."""
    limit = operation.get("x-rate-limit-per-minute")
    return None if limit is None else int(limit)


def catalog_of(spec_path: Path) -> dict[str, Any]:
    spec = load_yaml(spec_path)
    return build_catalog(spec, generated_names(spec, spec_path))


def _annotations(read_only: bool, destructive: bool, idempotent: bool | None) -> dict[str, Any]:
    """The behaviour hints that differ from MCP's defaults (the tool's title is said once, as
    the tool's own `title`). Destructive and idempotent mean something only for writes."""
    hints: dict[str, Any] = {
        "readOnlyHint": read_only,
        "destructiveHint": destructive,
        "idempotentHint": bool(idempotent),
        "openWorldHint": False,
    }
    if read_only:
        hints = {"readOnlyHint": True, "openWorldHint": False}
    return {k: v for k, v in hints.items() if v != HINT_DEFAULTS[k] or k == "destructiveHint"}


def _confirm_rule(operation_id: str, curation: dict[str, Any], destructive: bool) -> str:
    """When the user confirms a call: always (destructive), when-live, or never."""
    rule = "always" if destructive else curation.get("confirm", "never")
    if rule not in ("always", "when-live", "never"):
        raise SpecError(f"{operation_id}: x-mcp confirm {rule!r} is not when-live")
    return str(rule)


def _advice(error_advice: dict[str, str], operation_id: str, key: str) -> str:
    if key not in error_advice:
        raise SpecError(f"{operation_id}: error advice {key!r} is not in the root x-mcp")
    return " ".join(error_advice[key].split())


def _known(operations: dict[str, dict[str, Any]], operation_id: str, where: str) -> dict[str, Any]:
    if operation_id not in operations:
        raise SpecError(f"{where}: operation {operation_id!r} is not an x-mcp tool")
    return operations[operation_id]


def _items_key(doc: Document, operation: dict[str, Any], where: str) -> str:
    """The list answer's one array of objects, e.g. `dynamic_behavior_sets`."""
    schema = doc.resolve(operation["response_schema"] or {})
    keys: list[str] = [
        name
        for name, sub in schema.get("properties", {}).items()
        if doc.resolve(sub).get("type") == "array"
        and "properties" in doc.resolve(doc.resolve(sub).get("items", {}))
    ]
    if len(keys) != 1:
        raise SpecError(f"{where}: the answer has no single list of objects ({keys})")
    return keys[0]


def _object(
    doc: Document, raw: dict[str, Any], operations: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    where = f"x-mcp object {raw['noun']!r}"
    read = _known(operations, raw["read"]["operation"], where)
    if raw["read"]["filter"] not in read["query"]:
        raise SpecError(f"{where}: {raw['read']['operation']} has no {raw['read']['filter']}")
    out: dict[str, Any] = {
        "noun": raw["noun"],
        "id": raw["id"],
        "read": {
            "tool": read["tool"],
            "filter": raw["read"]["filter"],
            "items": _items_key(doc, read, where),
        },
        "versions": None,
        "live": raw.get("live"),
        "delete": raw["delete"].strip(),
    }
    if "versions" in raw:
        versions = _known(operations, raw["versions"]["operation"], where)
        create = _known(operations, raw["versions"]["create"], where)
        out["versions"] = {
            "tool": versions["tool"],
            "select": raw["versions"]["select"],
            "items": _items_key(doc, versions, where),
            "create": create["tool"],
        }
    return out


def _composite_tool(
    doc: Document,
    raw: dict[str, Any],
    operations: dict[str, dict[str, Any]],
    toolsets: dict[str, dict[str, str]],
) -> dict[str, Any]:
    """A tool that reads an earlier version and creates a new version from its content."""
    where = f"composite tool {raw['tool']!r}"
    read = _known(operations, raw["read"], where)
    write = _known(operations, raw["write"], where)
    if read["path_fields"] != write["path_fields"]:
        raise SpecError(f"{where}: read and write must take the same path parameters")
    if raw["select"] not in read["query"] or raw["guard"] not in write["query"]:
        raise SpecError(f"{where}: select/guard name no query parameter of read/write")
    if sorted(raw["copy"]) != sorted(write["body_fields"]):
        raise SpecError(f"{where}: copy must name every body field of {raw['write']}")
    argument = raw["argument"]
    properties = dict(write["path_schemas"]) | {
        argument: {
            "type": "integer",
            "minimum": 1,
            "description": raw["argument-description"].strip(),
        }
    }
    return {
        "name": raw["tool"],
        "title": raw["title"],
        "description": raw["description"].strip(),
        "toolset": toolsets[write["tag"]]["name"],
        "annotations": _annotations(False, bool(raw.get("destructive")), False),
        "confirm": "always" if raw.get("destructive") else "never",
        "error_advice": {},
        "inputSchema": {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        },
        "outputSchema": write["output_schema"],
        "composite": {
            "read": read["tool"],
            "write": write["tool"],
            "argument": argument,
            "select": raw["select"],
            "items": _items_key(doc, read, where),
            "copy": list(raw["copy"]),
            "guard": raw["guard"],
        },
        "view": None,
        # Rate limits and retries follow the write; the read is a call of its own.
        "operation": write["operation"],
    }


def _view(operation_id: str, curation: dict[str, Any]) -> str | None:
    """The view named by `x-mcp` `view`: a file name under views/src/ (lowercase words and -)."""
    view = curation.get("view")
    if view is not None and not re.fullmatch(r"[a-z]+(-[a-z]+)*", str(view)):
        raise SpecError(f"{operation_id}: x-mcp view {view!r} is not lowercase words joined by -")
    return view


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", type=Path, required=True, help="the OpenAPI document (YAML)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the catalog JSON")
    args = parser.parse_args(argv)
    try:
        catalog = catalog_of(args.spec)
    except SpecError as exc:
        print(f"build_catalog: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(catalog, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"build_catalog: {len(catalog['tools'])} tools -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
