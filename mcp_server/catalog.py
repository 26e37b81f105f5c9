"""The tool catalog: what `scripts/regenerate` wrote from the spec, loaded as typed records.

`catalog.json` is generated (never edited by hand). Each tool carries what `tools/list`
publishes (name, title, description, annotations, input and output schemas) and how to call it
(the generated client module, where each argument goes and its Python name there, the success
status, the rate limit). The areas (toolsets) carry the title and description the spec gives them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal


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

    @property
    def read_only(self) -> bool:
        return bool(self.annotations.get("readOnlyHint"))

    @property
    def destructive(self) -> bool:
        return not self.read_only and bool(self.annotations.get("destructiveHint"))

    @property
    def idempotent(self) -> bool:
        return bool(self.annotations.get("idempotentHint"))


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

    def get(self, name: str) -> ToolSpec | None:
        return next((tool for tool in self.tools if tool.name == name), None)

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
                ),
            )
        )
    return Catalog(
        tools=tuple(tools),
        hidden_parameters=dict(data["hidden_parameters"]),
        areas=tuple(Toolset(**area) for area in data["toolsets"]),
    )


@cache
def load_catalog() -> Catalog:
    """The catalog shipped with this package."""
    text = resources.files("mcp_server").joinpath("catalog.json").read_text(encoding="utf-8")
    return parse_catalog(json.loads(text))
