"""MCP Apps views (the `io.modelcontextprotocol/ui` extension): tool results shown to people.

A tool whose operation names a view in the spec (`x-mcp` `view`) carries
`_meta.ui.resourceUri`, pointing at that view's `ui://` resource: a self-contained HTML
document (`text/html;profile=mcp-app`) built from `views/src/` into `amigo_mcp/views/`. A host
with the extension renders it in a sandboxed frame and hands it the tool's result; a host
without it ignores the `_meta` and sees the same result as ever. The views load nothing from
outside the document, and their resources declare no external domain.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any

import mcp_types as types
from mcp.server.apps import APP_MIME_TYPE, EXTENSION_ID

from amigo_mcp.catalog import ToolSpec

__all__ = ["EXTENSION_ID", "read_view", "tool_meta", "view_resources", "view_uri"]

URI_PREFIX = "ui://amigo-mcp/"
# No domain is allowed for connections or resources: the document carries everything.
RESOURCE_META: dict[str, Any] = {
    "ui": {"csp": {"connectDomains": [], "resourceDomains": []}, "prefersBorder": True}
}
TITLES = {
    "behavior-set-history": "Dynamic behavior set history",
    "scenario-history": "Simulation scenario history",
    "metric-results": "Metric results",
}


def view_uri(view: str) -> str:
    return URI_PREFIX + view


def tool_meta(tool: ToolSpec) -> dict[str, Any] | None:
    """The tool's `_meta` in `tools/list`: its view's resource, if it has a view."""
    return None if tool.view is None else {"ui": {"resourceUri": view_uri(tool.view)}}


def view_resources(tools: Iterable[ToolSpec]) -> list[types.Resource]:
    """The `ui://` resources of the views these tools use, once each."""
    views = sorted({tool.view for tool in tools if tool.view is not None})
    return [
        types.Resource(
            uri=view_uri(view),
            name=view,
            title=TITLES.get(view),
            mime_type=APP_MIME_TYPE,
            _meta=RESOURCE_META,
        )
        for view in views
    ]


def read_view(uri: str, tools: Iterable[ToolSpec]) -> types.ReadResourceResult | None:
    """The view document at `uri`, or None when no offered tool uses such a view."""
    offered = {view_uri(tool.view): tool.view for tool in tools if tool.view is not None}
    view = offered.get(uri)
    if view is None:
        return None
    html = resources.files("amigo_mcp").joinpath("views", f"{view}.html").read_text("utf-8")
    return types.ReadResourceResult(
        contents=[
            types.TextResourceContents(
                uri=uri, mime_type=APP_MIME_TYPE, text=html, _meta=RESOURCE_META
            )
        ]
    )
