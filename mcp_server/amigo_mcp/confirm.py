"""What a person is asked before a call that changes data, and whether they are asked at all.

Before asking, the object the call changes is read through the same tools the agent has (its
metadata, and its latest version when it is versioned), so the question can say what will
happen: the object's name, and before → after for every field the call changes (changed
fields first, emptied lists and maps said plainly); for a new version or a rollback, what
differs from the latest version; for a delete, what goes with the object. Nothing that changes
is left out: long values are shortened in the middle. When the state cannot be read, the
question says so instead of guessing.

A tool confirmed "when-live" (a new version of a dynamic behavior set) asks only when the
object's live flag is on. The catalog (from the spec's `x-mcp`) says which objects exist, how to
read them, and which tools confirm when.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from amigo_mcp.catalog import Catalog, ObjectKind, ToolSpec
from amigo_mcp.composite import Versions
from amigo_mcp.invoke import ToolOutcome, already_gone

# Calls a tool of the catalog (the Invoker), to read what the call would change.
Reader = Callable[[ToolSpec, dict[str, Any]], Awaitable[ToolOutcome]]

VALUE_LIMIT = 160  # characters of one shown value before its middle is cut
NAME_LIMIT = 80


def middle(text: str, limit: int = VALUE_LIMIT) -> str:
    """`text`, its middle replaced by an ellipsis when longer than `limit`."""
    if len(text) <= limit:
        return text
    keep = limit - 5
    return f"{text[: keep - keep // 3]} ... {text[len(text) - keep // 3 :]}"


def show(value: Any) -> str:
    """A value as a person reads it: [a, b], {k: v}, "text", true, null; long ones cut in the
    middle."""

    def plain(item: Any) -> str:
        if isinstance(item, list):
            return "[" + ", ".join(plain(i) for i in item) + "]"
        if isinstance(item, dict):
            return "{" + ", ".join(f"{k}: {plain(v)}" for k, v in item.items()) + "}"
        return json.dumps(item, ensure_ascii=False)

    return middle(plain(value))


def _empty(value: Any) -> bool:
    return isinstance(value, list | dict) and not value


@dataclass(frozen=True)
class Before:
    """What could be read of the object before the call."""

    current: dict[str, Any] | None = None  # the object's metadata
    latest: dict[str, Any] | None = None  # its latest version
    problem: str | None = None  # why something could not be read
    missing: bool = False  # the read succeeded and no such object exists

    @property
    def name(self) -> str:
        if self.current is None:
            return "(name unknown)"
        return json.dumps(middle(str(self.current.get("name", "")), NAME_LIMIT), ensure_ascii=False)

    def live(self, kind: ObjectKind) -> bool | None:
        if kind.live_field is None:
            return False
        return None if self.current is None else bool(self.current.get(kind.live_field))


@dataclass(frozen=True)
class Plan:
    """Ask `question`, or run without asking (`question` None), or answer `done` at once.
    `versions`: what a rollback's question read, for the rollback to use as read."""

    question: str | None = None
    done: ToolOutcome | None = None
    versions: Versions | None = None


def _first(outcome: ToolOutcome, key: str) -> tuple[dict[str, Any] | None, str | None]:
    if outcome.is_error or outcome.structured is None:
        return None, outcome.text.splitlines()[0] if outcome.text else "no answer"
    items = outcome.structured.get(key) or []
    return (items[0] if items else None), None


async def read_before(
    catalog: Catalog, kind: ObjectKind, object_id: str, read: Reader, *, latest: bool = True
) -> Before:
    outcome = await read(catalog.tool(kind.read_tool), {kind.read_filter: [object_id]})
    current, problem = _first(outcome, kind.read_items)
    if problem is not None:
        return Before(problem=f"its current state could not be read ({problem})")
    if current is None:
        return Before(missing=True, problem=f"no {kind.noun} with ID {object_id} was found")
    if not latest or kind.versions_tool is None:
        return Before(current=current)
    version, problem = await read_version(catalog, kind, object_id, "latest", read)
    return Before(current=current, latest=version, problem=problem)


async def read_version(
    catalog: Catalog, kind: ObjectKind, object_id: str, which: str, read: Reader
) -> tuple[dict[str, Any] | None, str | None]:
    assert kind.versions_tool and kind.versions_select and kind.versions_items
    arguments = {kind.id_field: object_id, kind.versions_select: which}
    outcome = await read(catalog.tool(kind.versions_tool), arguments)
    version, problem = _first(outcome, kind.versions_items)
    if problem is not None:
        return None, f"version {which} could not be read ({problem})"
    if version is None:
        return None, f"it has no version {which}"
    return version, None


def field_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """One line per field, changed fields first: `- f: before → after`."""
    changed, same = [], []
    for field, new in after.items():
        if before is None:
            changed.append(f"- {field}: (current value unknown) → {show(new)}")
            continue
        old = before.get(field)
        if old == new:
            same.append(field)
            continue
        emptied = " (emptied)" if _empty(new) and not _empty(old) else ""
        changed.append(f"- {field}: {show(old)} → {show(new)}{emptied}")
    if same:
        changed.append(f"- unchanged (already so): {', '.join(same)}")
    return changed


def content_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """The difference between two versions' content: items added and removed in each list,
    before → after for other fields; unchanged fields last."""
    if before is None:
        return [
            f"- {field}: {show(value)} (the latest version is unknown)"
            for field, value in after.items()
        ]
    lines, same = [], []
    for field, new in after.items():
        old = before.get(field)
        if old == new:
            same.append(field)
        elif isinstance(old, list) and isinstance(new, list):
            removed = [item for item in old if item not in new]
            added = [item for item in new if item not in old]
            lines.append(f"- {field}:")
            lines += [f"    removed: {show(item)}" for item in removed]
            lines += [f"    added: {show(item)}" for item in added]
            if not removed and not added:
                lines.append("    same items, new order")
            if _empty(new):
                lines.append("    (emptied)")
        else:
            lines.append(f"- {field}: {show(old)} → {show(new)}")
    if same:
        lines.append(f"- unchanged: {', '.join(same)}")
    return lines


def _live_note(kind: ObjectKind, before: Before) -> list[str]:
    live = before.live(kind)
    if live:
        return [f"The {kind.noun} is active ({kind.live_field} true): live agents change at once."]
    if live is None:
        return [f"Whether the {kind.noun} is active ({kind.live_field}) is unknown."]
    return []


def _header(tool: ToolSpec, kind: ObjectKind, object_id: str, before: Before) -> list[str]:
    lines = [f"{tool.title} ({tool.name}): {kind.noun} {before.name} (ID {object_id})."]
    if before.problem:
        lines.append(f"Note: {before.problem}; the details below may be incomplete.")
    return lines


def _version_number(version: dict[str, Any] | None) -> int | None:
    return None if version is None else int(version.get("version", 0))


async def question(
    catalog: Catalog, tool: ToolSpec, arguments: dict[str, Any], read: Reader
) -> Plan:
    """The plan for a call that `tool`'s confirmation rule covers."""
    kind = catalog.object_of(tool)
    if kind is None:
        shown = "\n".join(f"- {k}: {show(v)}" for k, v in arguments.items())
        return Plan(f"{tool.title} ({tool.name}) changes data in Amigo, with:\n{shown}")
    object_id = str(arguments[kind.id_field])
    op = tool.operation
    versioned = tool.composite is not None or tool.name == kind.create_version_tool
    before = await read_before(
        catalog, kind, object_id, read, latest=versioned or op.method == "DELETE"
    )
    deletes = op.method == "DELETE" and tool.composite is None
    if before.missing:
        return Plan()  # nothing to ask about: the call gets the API's 404, naming the ID
    if deletes and before.current and before.current.get("is_deleted"):
        return Plan(done=already_gone(tool, arguments))  # soft-deleted before: nothing to do
    if tool.confirm == "when-live" and before.live(kind) is False:
        return Plan()  # not live: nothing any agent runs changes
    lines = _header(tool, kind, object_id, before)
    versions = None

    if deletes:
        lines.append(f"What happens: {kind.delete}")
        number = _version_number(before.latest)
        if number:
            lines.append(f"It has {number} version(s), the latest is version {number}.")
        lines += _live_note(kind, before)
    elif tool.composite is not None:
        step = tool.composite
        target = arguments[step.argument]
        old, problem = await read_version(catalog, kind, object_id, str(target), read)
        latest = _version_number(before.latest)
        lines.append(
            f"Creates version {latest + 1 if latest else '(latest + 1)'} with the content of "
            f"version {target}" + (f"; the latest is version {latest}." if latest else ".")
        )
        if problem:
            lines.append(f"Note: {problem}; the call will fail without changing anything.")
        else:
            assert old is not None
            lines.append(f"Difference from the latest version (version {latest}):")
            content = {field: old.get(field) for field in step.copy}
            lines += content_changes(before.latest, content)
            if before.latest is not None:
                versions = Versions(earlier=old, latest=before.latest)
        lines += _live_note(kind, before)
    elif versioned:
        body = {f: arguments[f] for f in op.body_fields if f in arguments}
        latest = _version_number(before.latest)
        lines.append(
            f"Creates version {latest + 1 if latest else '(latest + 1)'}; difference from the "
            f"latest version ({latest or 'unknown'}):"
        )
        lines += content_changes(before.latest, body)
        asked = arguments.get("version")
        if asked is not None and latest is not None and asked != latest + 1:
            lines.append(
                f"Note: version {asked} was asked but the next is {latest + 1}; the call will "
                "fail (someone created another version)."
            )
        lines += _live_note(kind, before)
    else:
        changes = {f: arguments[f] for f in op.body_fields if arguments.get(f) is not None}
        lines.append("Changes:" if changes else "Changes: none (every field is omitted or null).")
        lines += field_changes(before.current, changes)
        lines += _live_note(kind, before)
    return Plan("\n".join(lines), versions=versions)
