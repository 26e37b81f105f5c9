"""The tool catalog: what `scripts/regenerate` wrote from the spec, loaded as typed records.

`catalog.json` is generated (never edited by hand). Each tool carries what `tools/list`
publishes (name, title, description, annotations, input and output schemas) and how to call it
(where each argument goes, the parameters filled from configuration, what is sent for a query
argument left out; the generated client module and each parameter's Python name there; the
success status, the rate limit). The areas (toolsets) carry the title and description the spec
gives them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

# The MCP defaults of the behaviour hints: a catalog states only the hints that differ.
HINT_DEFAULTS = {
    "readOnlyHint": False,
    "destructiveHint": True,
    "idempotentHint": False,
    "openWorldHint": True,
}


@dataclass(frozen=True)
class Operation:
    """How a tool reaches the API: one operation of the spec and its generated function."""

    id: str
    method: str
    path: str
    module: str
    success_status: int
    result: Literal["body", "confirmation"]
    path_fields: tuple[str, ...]
    query_fields: tuple[str, ...]
    body_fields: tuple[str, ...]
    rate_limit_per_minute: int | None
    python_names: dict[str, str]  # parameter (path, query, header) -> keyword of the function
    hidden: dict[str, str]  # parameter filled from configuration -> "path", "query" or "header"
    # What the generated function sends for a query argument left out.
    query_defaults: dict[str, Any]
    # Where a date-time string goes in the arguments (keys, "[]" for list items).
    date_times: tuple[tuple[str, ...], ...]
    # What the client's tolerant reader needs of a success body (JSON Schema; None for an
    # answer without one): a body it refuses is one the API description does not cover.
    answer_schema: dict[str, Any] | None


@dataclass(frozen=True)
class Composite:
    """A tool made of two calls: read version `argument` with `read`, create a new version
    from its `copy` fields with `write`, its `guard` parameter set to latest + 1."""

    read: str
    write: str
    argument: str
    select: str
    items: str
    copy: tuple[str, ...]
    guard: str


@dataclass(frozen=True)
class ObjectKind:
    """An object tools change: how to read it (and its latest version) before asking."""

    noun: str
    id_field: str
    read_tool: str
    read_filter: str
    read_items: str
    versions_tool: str | None
    versions_select: str | None
    versions_items: str | None
    create_version_tool: str | None
    live_field: str | None
    delete: str


@dataclass(frozen=True)
class ToolSpec:
    name: str
    title: str
    description: str
    toolset: str
    annotations: dict[str, Any]
    input_schema: dict[str, Any]
    output_schema: dict[str, Any]
    operation: Operation
    # When the user confirms a call: "always" (destructive), "when-live" or "never".
    confirm: str = "never"
    # Advice replacing the generic next step, by HTTP status (e.g. a version conflict).
    error_advice: dict[int, str] = field(default_factory=dict)
    composite: Composite | None = None
    # The MCP App view that shows the tool's result (see `amigo_mcp.apps`), if any.
    view: str | None = None

    def hint(self, name: str) -> bool:
        return bool(self.annotations.get(name, HINT_DEFAULTS[name]))

    @property
    def read_only(self) -> bool:
        return self.hint("readOnlyHint")

    @property
    def destructive(self) -> bool:
        return not self.read_only and self.hint("destructiveHint")

    @property
    def idempotent(self) -> bool:
        return self.read_only or self.hint("idempotentHint")


@dataclass(frozen=True)
class Toolset:
    """An area of tools (one tag of the spec): `--toolsets` takes its name."""

    name: str
    title: str
    description: str


@dataclass(frozen=True)
class Catalog:
    tools: tuple[ToolSpec, ...]
    hidden_parameters: dict[str, str]
    areas: tuple[Toolset, ...]
    objects: tuple[ObjectKind, ...] = ()
    # The longest request URL a tool may send (bytes); see the spec's root x-mcp.
    url_limit_bytes: int = 8192

    def get(self, name: str) -> ToolSpec | None:
        return next((tool for tool in self.tools if tool.name == name), None)

    def tool(self, name: str) -> ToolSpec:
        found = self.get(name)
        if found is None:
            raise KeyError(f"the catalog has no tool {name!r} (run scripts/regenerate)")
        return found

    def object_of(self, tool: ToolSpec) -> ObjectKind | None:
        """The object `tool` changes: the one whose ID the tool takes."""
        fields = set(tool.input_schema.get("properties", {}))
        return next((kind for kind in self.objects if kind.id_field in fields), None)

    @property
    def toolsets(self) -> tuple[str, ...]:
        return tuple(area.name for area in self.areas)


def parse_catalog(data: dict[str, Any]) -> Catalog:
    tools = []
    for raw in data["tools"]:
        op = raw["operation"]
        tools.append(
            ToolSpec(
                name=raw["name"],
                title=raw["title"],
                description=raw["description"],
                toolset=raw["toolset"],
                annotations=raw["annotations"],
                input_schema=raw["inputSchema"],
                output_schema=raw["outputSchema"],
                confirm=raw["confirm"],
                error_advice={int(code): text for code, text in raw["error_advice"].items()},
                composite=None
                if raw["composite"] is None
                else Composite(**{**raw["composite"], "copy": tuple(raw["composite"]["copy"])}),
                view=raw["view"],
                operation=Operation(
                    id=op["id"],
                    method=op["method"],
                    path=op["path"],
                    module=op["module"],
                    success_status=op["success_status"],
                    result=op["result"],
                    path_fields=tuple(op["path_fields"]),
                    query_fields=tuple(op["query_fields"]),
                    body_fields=tuple(op["body_fields"]),
                    rate_limit_per_minute=op["rate_limit_per_minute"],
                    python_names=dict(op["python_names"]),
                    hidden=dict(op["hidden"]),
                    query_defaults=dict(op["query_defaults"]),
                    date_times=tuple(tuple(path) for path in op["date_times"]),
                    answer_schema=op["answer_schema"],
                ),
            )
        )
    objects = tuple(
        ObjectKind(
            noun=raw["noun"],
            id_field=raw["id"],
            read_tool=raw["read"]["tool"],
            read_filter=raw["read"]["filter"],
            read_items=raw["read"]["items"],
            versions_tool=(raw["versions"] or {}).get("tool"),
            versions_select=(raw["versions"] or {}).get("select"),
            versions_items=(raw["versions"] or {}).get("items"),
            create_version_tool=(raw["versions"] or {}).get("create"),
            live_field=raw["live"],
            delete=raw["delete"],
        )
        for raw in data["objects"]
    )
    return Catalog(
        tools=tuple(tools),
        hidden_parameters=dict(data["hidden_parameters"]),
        areas=tuple(Toolset(**area) for area in data["toolsets"]),
        objects=objects,
        url_limit_bytes=int(data["url_limit_bytes"]),
    )


@cache
def load_catalog() -> Catalog:
    """The catalog shipped with this package."""
    text = resources.files("amigo_mcp").joinpath("catalog.json").read_text(encoding="utf-8")
    return parse_catalog(json.loads(text))
