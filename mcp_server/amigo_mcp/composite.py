"""Tools made of two calls, declared in the spec's root `x-mcp` (`composite-tools`).

A rollback reads the earlier version the agent names, then creates a new version from that
version's content, with the create's optimistic `version` check set to latest + 1: a version
someone creates in between makes the call fail (with the version-conflict advice) instead of
being silently superseded. Both calls go through the same `Invoker` as any tool. The answer's
status is the write's: none when the call stopped at a read and nothing was created.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amigo_mcp.catalog import ToolSpec
    from amigo_mcp.invoke import Invoker, Progress, ToolOutcome


async def run_composite(
    invoker: Invoker,
    tool: ToolSpec,
    arguments: dict[str, Any],
    on_progress: Progress | None = None,
) -> ToolOutcome:
    from amigo_mcp.invoke import ToolOutcome

    step = tool.composite
    assert step is not None
    read, write = invoker.catalog.tool(step.read), invoker.catalog.tool(step.write)
    ids = {f: arguments[f] for f in write.operation.path_fields}
    found: dict[str, dict[str, Any]] = {}
    for which in (str(arguments[step.argument]), "latest"):
        outcome = await invoker.call(read, ids | {step.select: which}, on_progress)
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
    earlier = found[str(arguments[step.argument])]
    body = {field: earlier[field] for field in step.copy if field in earlier}
    guard = {step.guard: int(found["latest"]["version"]) + 1}
    return await invoker.call(write, ids | body | guard, on_progress)
