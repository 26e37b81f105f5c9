#!/usr/bin/env python3
"""Write `amigo_client/operations.py`: the typed methods of `AmigoClient` / `AsyncAmigoClient`.

For every operation but the API-key sign-in (which the client layer calls itself) it writes a
method named after the generated module, with the generated function's own parameters minus
`organization`, `client` and `x_mongo_cluster_name` (filled in from the client's configuration)
and the success model as return type. For every paginated list (an operation with a
`continuation_token` query parameter whose success body has `has_more`, `continuation_token` and
one required array: the item field) it adds an `iter_*` method that yields every item of every
page. Which operations page, and their item field, is read from the spec here, at generation
time, and written into the module as `PAGINATED`.

Signatures come from the freshly generated modules (parsed, not imported), so the methods match
the generated functions exactly; module names are the generator's own (its `PythonIdentifier` of
the operation ID), and model modules are those the generated modules import. The module imports
nothing of the API at its top: each method imports its operation's module when first called,
and the models are named for type checkers only, so that importing the client stays cheap.

Each method also has a twin on `with_raw_response` (`SyncRawOperations` / `AsyncRawOperations`)
that returns a `RawResponse` of the same model. A JSON body whose schema is an object may be
given as the model or as a plain dict: for each such schema it writes a `TypedDict` into
`amigo_client/bodies.py` (`<Model>Dict`, nested objects as their own TypedDicts), so that mypy
checks a dict's keys and values; the method reads the dict into the model (`writing.request_body`)
before sending it.

Usage: build_client_operations.py --spec openapi/amigo.yaml --client <generated project dir>
"""

from __future__ import annotations

import argparse
import ast
import json
import keyword
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from build_catalog import rate_limit_per_minute
from openapi_python_client.strings import ClassName, PythonIdentifier

from amigo_sandbox.refs import Document
from amigo_sandbox.spec import load_yaml

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
# Types of the generated package's `types` module a non-JSON success body is returned as.
RETURN_TYPES = {"File"}
FILLED_IN = {"organization", "client", "x_mongo_cluster_name"}
SAFE_METHODS = {"get"}  # methods a repeat cannot change anything with
SIGN_IN = "sign-in-with-api-key"  # client_layer/auth.py calls it through the generated module
FIELD_PREFIX = "field_"  # the generator's default `field_prefix` (openapi/generator-config.yaml)


def module_name(operation_id: str) -> str:
    """The module the generator writes an operation to, named as the generator names it."""
    return str(PythonIdentifier(operation_id, FIELD_PREFIX))


def item_field(doc: Document, operation: dict[str, Any]) -> str | None:
    """The array field of a paginated list's success body, or None if it does not page."""
    parameters = [doc.resolve(p) for p in operation.get("parameters") or []]
    if not any(p.get("in") == "query" and p["name"] == "continuation_token" for p in parameters):
        return None
    response = doc.resolve((operation.get("responses") or {}).get("200"))
    schema = doc.resolve(
        ((response or {}).get("content") or {}).get("application/json", {}).get("schema")
    )
    properties = (schema or {}).get("properties") or {}
    if not {"has_more", "continuation_token"} <= set(properties):
        return None
    arrays = [
        name
        for name in schema.get("required") or []
        if doc.resolve(properties.get(name, {})).get("type") == "array"
    ]
    if len(arrays) != 1:
        raise SystemExit(f"{operation['operationId']}: a page must have exactly one array field")
    return str(arrays[0])


def function(tree: ast.Module, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            return node
    raise SystemExit(f"no function {name}")


def success_type(returns: ast.expr | None) -> str:
    """`Response[X | ErrorBody]` -> `X`."""
    assert isinstance(returns, ast.Subscript)
    members: list[ast.expr] = []

    def flatten(node: ast.expr) -> None:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            flatten(node.left)
            flatten(node.right)
        else:
            members.append(node)

    flatten(returns.slice)
    kept = [ast.unparse(m) for m in members if ast.unparse(m) != "ErrorBody"]
    return " | ".join(kept)


def list_item_type(model_file: Path, field: str) -> str:
    if not model_file.is_file():
        raise SystemExit(f"no model module {model_file}")
    tree = ast.parse(model_file.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == field
        ):
            annotation = node.annotation
            assert isinstance(annotation, ast.Subscript), ast.unparse(annotation)
            return ast.unparse(annotation.slice)
    raise SystemExit(f"{model_file}: no field {field}")


# --- TypedDicts of the request bodies ------------------------------------------------------------

#: Names the bodies module imports: a TypedDict never takes them.
RESERVED = {"Any", "Literal", "Required", "TypedDict", "annotations"}
#: An enum with more values than this is typed `str`: too long a list to be of use in a type.
MAX_LITERALS = 256
JSON_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
}


def is_object(schema: Any) -> bool:
    """Whether `schema` is an object with named properties (a TypedDict's worth)."""
    if not isinstance(schema, Mapping) or not schema.get("properties"):
        return False
    kind = schema.get("type", "object")
    return kind == "object" or (isinstance(kind, list) and "object" in kind)


def may_be_null(schema: Mapping[str, Any]) -> bool:
    kind = schema.get("type")
    return bool(schema.get("nullable")) or (isinstance(kind, list) and "null" in kind)


def union(parts: list[str]) -> str:
    kept = list(dict.fromkeys(parts))
    return "Any" if not kept or "Any" in kept else " | ".join(kept)


def literal(values: list[Any]) -> str:
    """`Literal[...]` of enum values, or Any where a value cannot be a literal type."""
    if not all(isinstance(value, str | int | bool) for value in values):
        return "Any"
    shown = ", ".join(json_literal(value) for value in values)
    return f"Literal[{shown}]"


def json_literal(value: str | int | bool) -> str:
    """`value` as Python source (a string in double quotes)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def docstring(text: str, indent: str) -> str:
    flat = " ".join(text.split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = textwrap.wrap(flat, width=92 - len(indent)) or [""]
    if len(lines) == 1:
        return f'{indent}"""{lines[0]}"""'
    body = "\n".join(indent + line for line in lines)
    return f'{indent}"""\n{body}\n{indent}"""'


class Bodies:
    """TypedDicts of the JSON request bodies, written from their schemas in the spec: one per
    object schema met (`<Model>Dict` for a body, the component's name for a referenced schema,
    the parent's and the property's names for an inline one), and a `<Name>Literal` alias for
    each enum the spec names or that has many values, written once however often it is used.
    An enum of more than `MAX_LITERALS` values (languages, time zones) is typed `str`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.names: dict[str, str] = {}  # reference (or inline place) -> TypedDict or alias
        self.taken = set(RESERVED)
        self.definitions: list[str] = []

    def _free(self, wanted: str) -> str:
        name, number = wanted, 2
        while name in self.taken:
            name, number = f"{wanted}{number}", number + 1
        self.taken.add(name)
        return name

    def for_body(self, schema: Any, model: str) -> str | None:
        """The TypedDict of a body read into `model`, or None when its schema is not an object
        with properties (the method then takes the model only)."""
        followed = self.doc.follow(schema)
        if not is_object(followed.node):
            return None
        key = followed.ref or f"body {model}"
        if key not in self.names:
            self._define(key, f"{model}Dict", followed.node)
        return self.names[key]

    def annotation(self, schema: Any, place: str) -> str:
        """The type of a value of `schema`, as a dict holds it (JSON: enums as literals, dates
        as ISO 8601 strings); `place` names an inline object's TypedDict."""
        followed = self.doc.follow(schema)
        node = followed.node
        if not isinstance(node, Mapping):
            return "Any"
        if followed.ref is not None:
            place = ClassName(followed.ref.rsplit("/", 1)[-1], "")
        parts: list[str] = []
        if is_object(node):
            key = followed.ref or f"inline {place}"
            if key not in self.names:
                self._define(key, f"{place}Dict", node)
            parts.append(self.names[key])
        elif "const" in node:
            parts.append(literal([node["const"]]))
        elif "enum" in node:
            values = [value for value in node["enum"] if value is not None]
            kind = literal(values) if len(values) <= MAX_LITERALS else "str"
            named = followed.ref or (f"enum {json.dumps(values)}" if len(values) > 8 else None)
            if named is not None and kind.startswith("Literal["):  # written once, named
                if named not in self.names:
                    alias = self.names[named] = self._free(f"{place}Literal")
                    self.definitions.append(f"{alias} = {kind}")
                kind = self.names[named]
            parts.append(kind if values else "None")
            if None in node["enum"]:
                parts.append("None")
        else:
            for combined in ("oneOf", "anyOf"):
                arms = node.get(combined) or []
                parts += [self.annotation(arm, f"{place}{n}") for n, arm in enumerate(arms, 1)]
            if len(node.get("allOf") or []) == 1:
                parts.append(self.annotation(node["allOf"][0], place))
            elif node.get("allOf"):
                parts.append("Any")
            kinds = node.get("type", [])
            for kind in [kinds] if isinstance(kinds, str) else kinds:
                if kind == "array":
                    item = self.annotation(node.get("items", {}), f"{place}Item")
                    parts.append(f"list[{item}]")
                elif kind == "object":
                    extra = node.get("additionalProperties")
                    value = self.annotation(extra, f"{place}Value") if extra else "Any"
                    parts.append(f"dict[str, {value}]")
                elif kind in JSON_TYPES:
                    parts.append(JSON_TYPES[kind])
        if may_be_null(node):
            parts.append("None")
        return union(parts)

    def _define(self, key: str, wanted: str, schema: Mapping[str, Any]) -> None:
        name = self.names[key] = self._free(wanted)
        required = set(schema.get("required") or [])
        place = name.removesuffix("Dict")
        fields: list[tuple[str, str]] = []
        for prop, sub in schema["properties"].items():
            kind = self.annotation(sub, place + ClassName(str(prop), ""))
            fields.append((str(prop), f"Required[{kind}]" if prop in required else kind))
        description = schema.get("description")
        if all(prop.isidentifier() and not keyword.iskeyword(prop) for prop, _ in fields):
            lines = [f"class {name}(TypedDict, total=False):"]
            if isinstance(description, str) and description.strip():
                lines += [docstring(description, "    "), ""]
            lines += [f"    {prop}: {kind}" for prop, kind in fields]
        else:  # keys that are no Python names: the functional form (types as strings)
            entries = ", ".join(
                f"{json_literal(prop)}: {json_literal(kind)}" for prop, kind in fields
            )
            lines = [f"{name} = TypedDict({name!r}, {{{entries}}}, total=False)"]
        self.definitions.append("\n".join(lines))

    def render(self) -> str:
        definitions = "\n\n\n".join(self.definitions)
        return f'''"""The JSON request bodies as TypedDicts: where a method takes a body model, a
plain dict of this shape does too, and mypy checks its keys and values.

    amigo.create_simulation_scenario(body={{"name": ..., "tags": {{}}, "initial_version": {{...}}}})

`<Model>Dict` is the dict form of the body model `<Model>`; enum values are their strings and
dates ISO 8601 strings, as in JSON. The client reads the dict into the model before sending
it, refusing a field, or an enum value, the API description does not list
(`amigo_client.RequestBodyError`).

Written by scripts/build_client_operations.py from the spec; do not edit.
"""

from __future__ import annotations

from typing import Any, Literal, Required, TypedDict

__all__ = [{", ".join(repr(name) for name in sorted(self.names.values()))}]


{definitions}
'''


# --- the methods ---------------------------------------------------------------------------------


class Body:
    """A JSON body given as the model or as a dict: the model, its module and its TypedDict."""

    def __init__(self, model: str, module: str, typed_dict: str, optional: bool) -> None:
        self.model = model
        self.module = module
        self.typed_dict = typed_dict
        self.optional = optional


class Method:
    def __init__(
        self,
        module: str,
        package: str,
        op_id: str,
        summary: str,
        route: str,
        detailed: ast.FunctionDef | ast.AsyncFunctionDef,
        body: Body | None,
    ) -> None:
        self.module = module
        self.package = package
        self.op_id = op_id
        self.summary = summary
        self.route = route
        self.body = body
        args = detailed.args
        self.positional = [a for a in args.args if a.arg not in FILLED_IN]
        self.keywords = [
            (a, d)
            for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
            if a.arg not in FILLED_IN
        ]
        self.has_cluster = any(a.arg == "x_mongo_cluster_name" for a in args.kwonlyargs)
        self.returns = success_type(detailed.returns)

    def annotation(self, arg: ast.arg) -> str:
        if arg.arg == "body" and self.body is not None:
            body = self.body
            return f"{body.model} | {body.typed_dict}" + (" | Unset" if body.optional else "")
        return ast.unparse(arg.annotation) if arg.annotation else "Any"

    def parameters(self, skip: str | None = None) -> str:
        parts = ["self"]
        parts += [f"{a.arg}: {self.annotation(a)}" for a in self.positional]
        keywords = [(a, d) for a, d in self.keywords if a.arg != skip]
        if keywords:
            parts.append("*")
        for arg, default in keywords:
            text = f"{arg.arg}: {self.annotation(arg)}"
            parts.append(text + (f" = {ast.unparse(default)}" if default is not None else ""))
        return ", ".join(parts)

    def value(self, name: str) -> str:
        body = self.body
        if name != "body" or body is None:
            return name
        read = f"request_body({body.model}, body, {self.op_id!r})"
        return f"UNSET if isinstance(body, Unset) else {read}" if body.optional else read

    def arguments(self, function: str, owner: str, skip: str | None = None) -> str:
        parts = [f"OPERATIONS[{self.op_id!r}]", f"_api.{function}"]
        parts.append(f"{owner}._config.organization_id")
        parts += [self.value(a.arg) for a in self.positional]
        parts += [f"{a.arg}={self.value(a.arg)}" for a, _ in self.keywords if a.arg != skip]
        if self.has_cluster:
            parts.append(f"x_mongo_cluster_name={owner}._config.mongo_cluster_name or UNSET")
        return ", ".join(parts)

    def imports(self, indent: str) -> list[str]:
        """The method's own imports: its operation's module (and its body model), loaded on the
        first call rather than with the client."""
        lines = [f"{indent}from .api.{self.package} import {self.module} as _api"]
        if self.body is not None:
            lines.append(f"{indent}from .{self.body.module} import {self.body.model}")
        return lines

    def render(self, asynchronous: bool, field: str | None, item: str | None) -> str:
        prefix, wait, function = (
            ("async ", "await ", "asyncio_detailed") if asynchronous else ("", "", "sync_detailed")
        )
        doc = f'"""{self.summary} ({self.route}).'
        lines = []
        arguments = self.arguments(function, "self")
        if self.returns == "Any":
            lines += [
                f"    {prefix}def {self.module}({self.parameters()}) -> None:",
                f'        {doc} Raises on an error answer."""',
                *self.imports("        "),
                f"        {wait}self._send({arguments})",
            ]
        else:
            lines += [
                f"    {prefix}def {self.module}({self.parameters()}) -> {self.returns}:",
                f'        {doc}"""',
                *self.imports("        "),
                f"        return {wait}self._call({arguments})",
            ]
        if field is not None and item is not None:
            name = "iter_" + self.module.removeprefix("get_")
            pages = f"self._pages({self.arguments(function, 'self', skip='continuation_token')})"
            lines.append("")
            if asynchronous:
                lines += [
                    f"    async def {name}({self.parameters('continuation_token')})"
                    f" -> AsyncIterator[{item}]:",
                    f'        """Every item of every page of `{self.module}`, page by page."""',
                    *self.imports("        "),
                    f"        async for page in {pages}:",
                    f"            for item in page.{field}:",
                    "                yield item",
                ]
            else:
                lines += [
                    f"    def {name}({self.parameters('continuation_token')}) -> Iterator[{item}]:",
                    f'        """Every item of every page of `{self.module}`, page by page."""',
                    *self.imports("        "),
                    f"        for page in {pages}:",
                    f"            yield from page.{field}",
                ]
        return "\n".join(lines)

    def render_raw(self, asynchronous: bool) -> str:
        prefix, wait, function = (
            ("async ", "await ", "asyncio_detailed") if asynchronous else ("", "", "sync_detailed")
        )
        returns = "None" if self.returns == "Any" else self.returns
        send = f"{wait}self._amigo._send({self.arguments(function, 'self._amigo')})"
        wrap = (
            "raw_empty(response)"
            if self.returns == "Any"
            else f"raw_model(OPERATIONS[{self.op_id!r}], response)"
        )
        return "\n".join(
            [
                f"    {prefix}def {self.module}({self.parameters()}) -> RawResponse[{returns}]:",
                f'        """{self.summary} ({self.route}), as a `RawResponse`."""',
                *self.imports("        "),
                f"        response = {send}",
                f"        return {wrap}",
            ]
        )


def body_of(
    doc: Document,
    bodies: Bodies,
    operation: dict[str, Any],
    detailed: ast.FunctionDef | ast.AsyncFunctionDef,
    model_modules: dict[str, str],
) -> Body | None:
    """The body a method takes as the model or a dict: a JSON body read into one model class."""
    body = next((a for a in detailed.args.kwonlyargs if a.arg == "body"), None)
    if body is None or body.annotation is None:
        return None
    members = [m.strip() for m in ast.unparse(body.annotation).split("|")]
    optional = "Unset" in members
    models = [m for m in members if m != "Unset"]
    if len(models) != 1 or models[0] not in model_modules:
        return None
    content = (doc.resolve(operation.get("requestBody")) or {}).get("content") or {}
    if list(content) != ["application/json"]:
        return None
    typed_dict = bodies.for_body(content["application/json"].get("schema", {}), models[0])
    if typed_dict is None:
        return None
    return Body(models[0], model_modules[models[0]], typed_dict, optional)


def build(document: dict[str, Any], project: Path) -> tuple[str, str]:
    """The operations module and the bodies module."""
    package = project / "amigo_client"
    modules = {path.stem: path for path in package.glob("api/*/*.py") if path.stem != "__init__"}
    imports: set[str] = set()
    bodies_used: set[str] = set()
    operations: list[str] = []
    paginated: list[str] = []
    methods: list[tuple[Method, str | None, str | None]] = []
    types = {"UNSET", "Unset"}
    doc = Document(document)
    bodies = Bodies(doc)
    for route, path_item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if not isinstance(operation, dict) or operation.get("operationId") == SIGN_IN:
                continue
            op_id = operation["operationId"]
            module = module_name(op_id)
            if module not in modules:
                raise SystemExit(f"{op_id}: the generator wrote no module {module}")
            source = modules[module]
            tree = ast.parse(source.read_text(encoding="utf-8"))
            model_modules: dict[str, str] = {}
            for node in tree.body:
                if isinstance(node, ast.ImportFrom) and node.level == 3 and node.module:
                    if node.module.startswith("models."):
                        names = ", ".join(a.name for a in node.names)
                        imports.add(f"from .{node.module} import {names}")
                        model_modules.update((a.name, node.module) for a in node.names)
                    elif node.module == "types":
                        types.update(a.name for a in node.names if a.name in RETURN_TYPES)
                elif isinstance(node, ast.Import):
                    imports.update(f"import {a.name}" for a in node.names if a.name == "datetime")
            detailed = function(tree, "sync_detailed")
            body = body_of(doc, bodies, operation, detailed, model_modules)
            if body is not None:
                bodies_used.add(body.typed_dict)
            entry = Method(
                module,
                source.parent.name,
                op_id,
                str(operation.get("summary", op_id)),
                f"{method.upper()} {route}",
                detailed,
                body,
            )
            field = item_field(doc, operation)
            item = None
            if field is not None:
                model = model_modules.get(entry.returns, "")
                item = list_item_type(package / f"{model.replace('.', '/')}.py", field)
                imports.add(f"from .models import {item}")
                paginated.append(f"    {op_id!r}: {field!r},")
            safe = method in SAFE_METHODS
            limit = rate_limit_per_minute(operation)
            operations.append(
                f"    {op_id!r}: Operation({op_id!r}, safe_to_repeat={safe}"
                + ("" if limit is None else f", rate_limit_per_minute={limit}")
                + "),"
            )
            methods.append((entry, field, item))
    if bodies_used:
        imports.add(f"from .bodies import {', '.join(sorted(bodies_used))}")
    sync = "\n\n".join(m.render(False, f, i) for m, f, i in methods)
    asynchronous = "\n\n".join(m.render(True, f, i) for m, f, i in methods)
    raw_sync = "\n\n".join(m.render_raw(False) for m, _, _ in methods)
    raw_async = "\n\n".join(m.render_raw(True) for m, _, _ in methods)
    type_imports = "\n".join(f"    {line}" for line in sorted(imports))
    operations_module = f'''"""The typed operations of `AmigoClient` and `AsyncAmigoClient`, and
their raw twins (`with_raw_response`).

Written by scripts/build_client_operations.py from the spec and the generated modules; do not
edit. The organization (and the Mongo cluster header) come from the client's configuration.
Each method imports its operation's module on its first call, so that importing the client does
not load the whole API.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from .raw import RawResponse, raw_empty, raw_model
from .transport import AsyncTransport, Operation, SyncTransport
from .types import {", ".join(sorted(types))}
from .writing import request_body

if TYPE_CHECKING:
{type_imports}

OPERATIONS: dict[str, Operation] = {{
{chr(10).join(operations)}
}}

# The paginated lists and the field holding each page's items (derived from the spec).
PAGINATED: dict[str, str] = {{
{chr(10).join(paginated)}
}}


class SyncOperations(SyncTransport):
{sync}


class AsyncOperations(AsyncTransport):
{asynchronous}


class SyncRawOperations:
    """`AmigoClient.with_raw_response`: each operation, answered as a `RawResponse` (status,
    headers, request ID, rate-limit remaining) whose `parse()` gives the model. Error answers
    raise as they do on the client."""

    def __init__(self, amigo: SyncTransport) -> None:
        self._amigo = amigo

{raw_sync}


class AsyncRawOperations:
    """`AsyncAmigoClient.with_raw_response`: each operation, answered as a `RawResponse`
    (status, headers, request ID, rate-limit remaining) whose `parse()` gives the model. Error
    answers raise as they do on the client."""

    def __init__(self, amigo: AsyncTransport) -> None:
        self._amigo = amigo

{raw_async}
'''
    return operations_module, bodies.render()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("--client", type=Path, required=True, help="the generated project")
    args = parser.parse_args(argv)
    document = load_yaml(args.spec)
    package = args.client / "amigo_client"
    operations, bodies = build(document, args.client)
    (package / "operations.py").write_text(operations, encoding="utf-8")
    (package / "bodies.py").write_text(bodies, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
