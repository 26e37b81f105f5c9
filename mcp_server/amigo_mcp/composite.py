"""Tools made of two calls, declared in the spec's root `x-mcp` (`composite-tools`).

A rollback reads the earlier version the agent names and the latest one, then creates a new
version from the earlier version's content, with the create's optimistic `version` check set to
latest + 1: a version someone creates in between makes the call fail (with the version-conflict
advice) instead of being silently superseded. When the confirmation question has already read
both versions (`Versions`), they are used as read then: the check holds what the person saw,
and each version is read once. Every call goes through the sender the call pipeline hands in.
The answer's status is the write's: none when the call stopped at a read and nothing was created.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.invoke import Progress, ToolOutcome

# Sends one call of a tool of the catalog (`Invoker.call`).
Sender = Callable[[ToolSpec, dict[str, Any], Progress | None], Awaitable[ToolOutcome]]


@dataclass(frozen=True)
class Versions:
    """The two versions a rollback is made from, as read: the one to restore and the latest."""

    earlier: dict[str, Any]
    latest: dict[str, Any]


async def run_composite(
    send: Sender,
    catalog: Catalog,
    tool: ToolSpec,
    arguments: dict[str, Any],
    on_progress: Progress | None = None,
    versions: Versions | None = None,
) -> ToolOutcome:
    step = tool.composite
    assert step is not None
    read, write = catalog.tool(step.read), catalog.tool(step.write)
    ids = {f: arguments[f] for f in write.operation.path_fields}
    target = str(arguments[step.argument])
    if versions is None:
        found: dict[str, dict[str, Any]] = {}
        for which in (target, "latest"):
            outcome = await send(read, ids | {step.select: which}, on_progress)
            if outcome.is_error or outcome.structured is None:
                return ToolOutcome(
                    True,
                    f"{tool.name}: reading version {which} failed; nothing was created.\n"
                    + outcome.text,
                )
            items = outcome.structured.get(step.items) or []
            if not items:
                return ToolOutcome(
                    True,
                    f"{tool.name}: there is no version {which}; nothing was created. "
                    f"{read.name} lists the versions.",
                )
            found[which] = items[0]
        versions = Versions(earlier=found[target], latest=found["latest"])
    body = {field: versions.earlier[field] for field in step.copy if field in versions.earlier}
    guard = {step.guard: int(versions.latest["version"]) + 1}
    return await send(write, ids | body | guard, on_progress)
