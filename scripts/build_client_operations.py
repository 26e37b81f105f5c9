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
the operation ID), and model modules are those the generated modules import.

Usage: build_client_operations.py --spec openapi/amigo.yaml --client <generated project dir>
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier

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


class Method:
    def __init__(
        self,
        module: str,
        alias: str,
        op_id: str,
        summary: str,
        route: str,
        detailed: ast.FunctionDef | ast.AsyncFunctionDef,
    ) -> None:
        self.module = module
        self.alias = alias
        self.op_id = op_id
        self.summary = summary
        self.route = route
        args = detailed.args
        self.positional = [a for a in args.args if a.arg not in FILLED_IN]
        self.keywords = [
            (a, d)
            for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
            if a.arg not in FILLED_IN
        ]
        self.has_cluster = any(a.arg == "x_mongo_cluster_name" for a in args.kwonlyargs)
        self.returns = success_type(detailed.returns)

    def parameters(self, skip: str | None = None) -> str:
        parts = ["self"]
        parts += [f"{a.arg}: {ast.unparse(a.annotation)}" for a in self.positional if a.annotation]
        keywords = [(a, d) for a, d in self.keywords if a.arg != skip]
        if keywords:
            parts.append("*")
        for arg, default in keywords:
            text = f"{arg.arg}: {ast.unparse(arg.annotation) if arg.annotation else 'Any'}"
            parts.append(text + (f" = {ast.unparse(default)}" if default is not None else ""))
        return ", ".join(parts)

    def arguments(self, function: str, skip: str | None = None) -> str:
        parts = [f"OPERATIONS[{self.op_id!r}]", f"{self.alias}.{function}"]
        parts.append("self._config.organization_id")
        parts += [a.arg for a in self.positional]
        parts += [f"{a.arg}={a.arg}" for a, _ in self.keywords if a.arg != skip]
        if self.has_cluster:
            parts.append("x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET")
        return ", ".join(parts)

    def render(self, asynchronous: bool, field: str | None, item: str | None) -> str:
        prefix, wait, function = (
            ("async ", "await ", "asyncio_detailed") if asynchronous else ("", "", "sync_detailed")
        )
        doc = f'"""{self.summary} ({self.route}).'
        lines = []
        if self.returns == "Any":
            lines += [
                f"    {prefix}def {self.module}({self.parameters()}) -> None:",
                f'        {doc} Raises on an error answer."""',
                f"        {wait}self._send({self.arguments(function)})",
            ]
        else:
            lines += [
                f"    {prefix}def {self.module}({self.parameters()}) -> {self.returns}:",
                f'        {doc}"""',
                f"        return {wait}self._call({self.arguments(function)})",
            ]
        if field is not None and item is not None:
            name = "iter_" + self.module.removeprefix("get_")
            pages = f"self._pages({self.arguments(function, skip='continuation_token')})"
            lines.append("")
            if asynchronous:
                lines += [
                    f"    async def {name}({self.parameters('continuation_token')})"
                    f" -> AsyncIterator[{item}]:",
                    f'        """Every item of every page of `{self.module}`, page by page."""',
                    f"        async for page in {pages}:",
                    f"            for item in page.{field}:",
                    "                yield item",
                ]
            else:
                lines += [
                    f"    def {name}({self.parameters('continuation_token')}) -> Iterator[{item}]:",
                    f'        """Every item of every page of `{self.module}`, page by page."""',
                    f"        for page in {pages}:",
                    f"            yield from page.{field}",
                ]
        return "\n".join(lines)


def build(document: dict[str, Any], project: Path) -> str:
    package = project / "amigo_client"
    modules = {path.stem: path for path in package.glob("api/*/*.py") if path.stem != "__init__"}
    imports: set[str] = set()
    operations: list[str] = []
    paginated: list[str] = []
    methods: list[tuple[Method, str | None, str | None]] = []
    types = {"UNSET", "Unset"}
    doc = Document(document)
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
            alias = f"_{module}"
            imports.add(f"from .api.{source.parent.name} import {module} as {alias}")
            entry = Method(
                module,
                alias,
                op_id,
                str(operation.get("summary", op_id)),
                f"{method.upper()} {route}",
                function(tree, "sync_detailed"),
            )
            field = item_field(doc, operation)
            item = None
            if field is not None:
                model = model_modules.get(entry.returns, "")
                item = list_item_type(package / f"{model.replace('.', '/')}.py", field)
                imports.add(f"from .models import {item}")
                paginated.append(f"    {op_id!r}: {field!r},")
            safe = method in SAFE_METHODS
            operations.append(f"    {op_id!r}: Operation({op_id!r}, safe_to_repeat={safe}),")
            methods.append((entry, field, item))
    sync = "\n\n".join(m.render(False, f, i) for m, f, i in methods)
    asynchronous = "\n\n".join(m.render(True, f, i) for m, f, i in methods)
    return f'''"""The typed operations of `AmigoClient` and `AsyncAmigoClient`.

Written by scripts/build_client_operations.py from the spec and the generated modules; do not
edit. The organization (and the Mongo cluster header) come from the client's configuration.
"""

from collections.abc import AsyncIterator, Iterator
from typing import Any

{chr(10).join(sorted(imports))}
from .transport import AsyncTransport, Operation, SyncTransport
from .types import {", ".join(sorted(types))}

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
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("--client", type=Path, required=True, help="the generated project")
    args = parser.parse_args(argv)
    document = load_yaml(args.spec)
    out = args.client / "amigo_client" / "operations.py"
    out.write_text(build(document, args.client), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
