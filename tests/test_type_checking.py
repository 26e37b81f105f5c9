"""mypy's file list in pyproject covers every hand-written module, so `uv run mypy` checks them.

The client layer is checked where regeneration puts it (inside the generated package, under its
real module name `amigo_client.*`), so each of its modules must be listed there by name.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MYPY = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def test_every_client_layer_module_is_checked_where_regeneration_puts_it() -> None:
    layer = sorted(p.name for p in (REPO / "client_layer").glob("*.py"))
    assert layer, "client_layer/ has no module"
    listed = set(MYPY["files"])
    missing = [n for n in layer if f"generated_client/amigo_client/{n}" not in listed]
    assert missing == []


def test_every_hand_written_folder_and_script_is_checked() -> None:
    listed = set(MYPY["files"])
    for folder in ("mcp_server", "sandbox", "scripts", "tests", "bench", "testing"):
        assert folder in listed, folder
    # A script without the .py suffix is only checked when named.
    for script in (REPO / "scripts").iterdir():
        if script.is_file() and script.suffix == "" and script.read_text().startswith("#!"):
            assert f"scripts/{script.name}" in listed, script.name
