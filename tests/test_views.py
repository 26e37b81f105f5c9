"""MCP Apps views on the server side: tools tied to `ui://` resources, and nothing else changed.

Through the official MCP client, in both protocol eras: the view tools carry
`_meta.ui.resourceUri` naming a listed resource, the server declares the extension, and a
client that knows nothing of views gets the very same bytes from every view tool as from a
server whose catalog names no view.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from mcp import Client

from amigo_mcp.catalog import Catalog, load_catalog
from amigo_mcp.runtime import Runtime
from amigo_mcp.server import build_server
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import accept_all, sandbox_settings

pytestmark = pytest.mark.anyio

CATALOG = load_catalog()
EXTENSION = "io.modelcontextprotocol/ui"
MIME = "text/html;profile=mcp-app"
# Demo data (sandbox/amigo_sandbox/demo.yaml): a behavior set and a scenario with versions,
# metrics and a finished conversation.
REFUNDS = "4f7a4de83714c227c4dbf894"
CONVERSATION = "23d646b299a25a43c8749b33"
SATISFACTION = "2114782591d1f83a6e9f1c4f"
ACCOUNT_SETUP = "df4c436839274f033ce7d54c"


def without_views(catalog: Catalog) -> Catalog:
    return dataclasses.replace(
        catalog, tools=tuple(dataclasses.replace(tool, view=None) for tool in catalog.tools)
    )


@asynccontextmanager
async def client_of(catalog: Catalog, sandbox: RunningSandbox, mode: str) -> AsyncIterator[Client]:
    runtime = Runtime(catalog, sandbox_settings(sandbox))
    try:
        async with Client(
            build_server(catalog, runtime), mode=mode, elicitation_callback=accept_all
        ) as client:
            yield client
    finally:
        await runtime.aclose()


def listing_bytes(tools: list[Any]) -> int:
    return len(
        json.dumps(
            [tool.model_dump(by_alias=True, exclude_none=True, mode="json") for tool in tools],
            separators=(",", ":"),
        ).encode()
    )


def test_the_views_belong_to_the_history_and_metric_result_tools() -> None:
    views = {tool.name: tool.view for tool in CATALOG.tools if tool.view is not None}
    assert views == {
        "list_dynamic_behavior_set_versions": "behavior-set-history",
        "list_simulation_scenario_versions": "scenario-history",
        "list_metric_evaluation_results": "metric-results",
        "evaluate_metrics": "metric-results",
    }


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_view_tools_point_at_listed_ui_resources(sandbox: RunningSandbox, mode: str) -> None:
    async with client_of(CATALOG, sandbox, mode) as client:
        # Capabilities carry extensions from 2026-07-28 on; 2025-11-25 has no such field (hosts
        # there go by the tools' `_meta` alone).
        declared = client.server_capabilities.extensions
        assert declared == ({EXTENSION: {}} if mode == "auto" else None)
        tools = (await client.list_tools()).tools
        resources = {r.uri: r for r in (await client.list_resources()).resources}
    pointed = {tool.name: tool.meta["ui"]["resourceUri"] for tool in tools if tool.meta is not None}
    assert pointed == {
        tool.name: f"ui://amigo-mcp/{tool.view}" for tool in CATALOG.tools if tool.view
    }
    assert set(pointed.values()) == set(resources)
    for resource in resources.values():
        assert resource.mime_type == MIME
        # The document may reach nothing outside itself.
        assert resource.meta == {
            "ui": {"csp": {"connectDomains": [], "resourceDomains": []}, "prefersBorder": True}
        }


async def test_tools_list_grows_by_under_600_bytes(sandbox: RunningSandbox) -> None:
    async with client_of(CATALOG, sandbox, "auto") as client:
        with_views = (await client.list_tools()).tools
    async with client_of(without_views(CATALOG), sandbox, "auto") as client:
        before = (await client.list_tools()).tools
    growth = listing_bytes(with_views) - listing_bytes(before)
    assert 0 < growth < 600, growth
    # Nothing but `_meta` differs.
    assert [t.model_copy(update={"meta": None}) for t in with_views] == before


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_a_client_without_views_gets_the_same_bytes(
    sandbox: RunningSandbox, mode: str
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = [
        ("list_dynamic_behavior_set_versions", {"dynamic_behavior_set_id": REFUNDS}),
        ("list_simulation_scenario_versions", {"simulation_scenario_id": ACCOUNT_SETUP}),
        ("evaluate_metrics", {"metric_ids": [SATISFACTION], "conversation_id": CONVERSATION}),
        ("list_metric_evaluation_results", {"limit": 50}),
    ]
    # Both servers at once, on the same data, each call made on one and then the other.
    async with (
        client_of(CATALOG, sandbox, mode) as viewing,
        client_of(without_views(CATALOG), sandbox, mode) as plain_client,
    ):
        answers = [
            [
                (await client.call_tool(name, arguments)).model_dump_json(by_alias=True)
                for client in (viewing, plain_client)
            ]
            for name, arguments in calls
        ]
    with_views = [answer for answer, _ in answers]
    plain = [answer for _, answer in answers]
    assert with_views == plain
    assert all('"isError":false' in answer for answer in with_views), with_views


async def test_each_view_is_one_document_that_loads_nothing_from_outside(
    sandbox: RunningSandbox,
) -> None:
    async with client_of(CATALOG, sandbox, "auto") as client:
        listed = (await client.list_resources()).resources
        documents = {
            str(resource.uri): (await client.read_resource(resource.uri)).contents
            for resource in listed
        }
    assert set(documents) == {f"ui://amigo-mcp/{tool.view}" for tool in CATALOG.tools if tool.view}
    for uri, contents in documents.items():
        (content,) = contents
        assert content.mime_type == MIME
        html = content.text  # type: ignore[union-attr]
        assert html.startswith("<!doctype html>")
        assert f'data-view="{uri.removeprefix("ui://amigo-mcp/")}"' in html
        assert "default-src 'none'; script-src 'unsafe-inline'" in html
        # One inline script and one inline style: no element fetches anything.
        assert html.count("<script") == 1 and "<script>" in html
        assert html.count("<style") == 1
        for loader in ("<link", "<iframe", "<img", "src=", "@import"):
            assert loader not in html, (uri, loader)


async def test_an_unknown_view_is_an_error(sandbox: RunningSandbox) -> None:
    async with client_of(CATALOG, sandbox, "auto") as client:
        with pytest.raises(Exception, match="Resource not found"):
            await client.read_resource("ui://amigo-mcp/nothing")
