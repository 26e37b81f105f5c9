"""Tool snapshots: the reviewed tools/list definition of every tool, one file per tool.

`tests/__toolsnaps__/<tool>.json` holds a tool's exact definition as tools/list publishes it
(keys sorted). A
definition that differs from its snapshot, a tool without a snapshot and a snapshot without a
tool are each reported by name (a changed definition with a diff), so no change to what a model
sees goes unreviewed. After reviewing a change, write the snapshots again with

    UPDATE_TOOLSNAPS=1 uv run pytest tests/test_mcp_tools_list.py -k snapshots

and commit them with the change.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

SNAPSHOTS = Path(__file__).resolve().parent / "__toolsnaps__"
UPDATE_VARIABLE = "UPDATE_TOOLSNAPS"


def updating() -> bool:
    return os.environ.get(UPDATE_VARIABLE) == "1"


def render(definition: dict[str, Any]) -> str:
    """Keys sorted: the two protocol eras publish the same definition in different key orders."""
    return json.dumps(definition, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def snapshot_names(directory: Path = SNAPSHOTS) -> frozenset[str]:
    """The tools that have a reviewed snapshot."""
    return frozenset(path.stem for path in directory.glob("*.json"))


def snapshot(name: str, directory: Path = SNAPSHOTS) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def snapshot_problems(
    definitions: dict[str, dict[str, Any]], directory: Path = SNAPSHOTS
) -> list[str]:
    """One message per tool whose definition and snapshot disagree, naming the tool."""
    problems = []
    for name, definition in definitions.items():
        path = directory / f"{name}.json"
        if not path.is_file():
            problems.append(f"{name}: new tool without a snapshot ({path.name})")
            continue
        committed, fresh = path.read_text(encoding="utf-8"), render(definition)
        if committed != fresh:
            diff = difflib.unified_diff(
                committed.splitlines(),
                fresh.splitlines(),
                f"snapshot {path.name}",
                f"{name} in tools/list",
                lineterm="",
            )
            problems.append(f"{name}: definition changed without its snapshot\n" + "\n".join(diff))
    for name in sorted(snapshot_names(directory) - set(definitions)):
        problems.append(f"{name}: snapshot of a tool that tools/list no longer has")
    return problems


def write_snapshots(definitions: dict[str, dict[str, Any]], directory: Path = SNAPSHOTS) -> None:
    """Make the snapshots equal to `definitions` (stale ones are deleted).

    The two protocol eras run on two test workers at once and both write: each file is replaced
    whole (never seen half-written by the other), and a stale one may already be gone."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in snapshot_names(directory) - set(definitions):
        (directory / f"{name}.json").unlink(missing_ok=True)
    for name, definition in definitions.items():
        staged = directory / f".{name}.{os.getpid()}.tmp"
        staged.write_text(render(definition), encoding="utf-8")
        staged.replace(directory / f"{name}.json")
