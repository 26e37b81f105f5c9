#!/usr/bin/env python3
"""Build the MCPB bundle (one-click install in Claude Desktop and other MCPB hosts).

Usage: uv run scripts/build_mcpb.py [--out dist] [--wheels DIR]

Writes ``<out>/mcpb/`` (the bundle's files) and ``<out>/amigo-mcp-<version>.mcpb``, packed by
the official CLI (npm ``@anthropic-ai/mcpb``, installed on first use by ``npm_tools``, on
the machine's Node.js or the development environment's), whose ``pack`` validates the manifest
first (as its ``validate`` does) and refuses an invalid one. The two wheels are built from the
working tree (``build_wheels``), unless ``--wheels`` names a folder where that was just done.

The bundle uses the host-managed ``uv`` runtime (manifest 0.4): it carries the two wheels
(``amigo-mcp`` and ``amigo-client``) and a ``pyproject.toml`` that depends on exactly them, so the
host creates the environment with every other dependency from the package index. ``user_config``
asks for the organization, the API key (stored by the host as a secret), its ID, the user and an
optional region, mapped to the server's ``AMIGO_*`` variables; left empty, the server starts on
its embedded sandbox.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

from npm_tools import NpmTool, npm_cli

from amigo_mcp.catalog import load_catalog

REPO = Path(__file__).resolve().parent.parent

# It declares no `engines`; it runs on Node.js 20.
MCPB = NpmTool("@anthropic-ai/mcpb@2", "mcpb", node=(20, 0))
MANIFEST_VERSION = "0.4"

# user_config key -> (environment variable, title, description, sensitive)
USER_CONFIG: dict[str, tuple[str, str, str, bool]] = {
    "organization_id": (
        "AMIGO_ORGANIZATION_ID",
        "Organization ID",
        "Your Amigo organization. Leave every field empty to try the tools on a local sandbox.",
        False,
    ),
    "api_key": ("AMIGO_API_KEY", "API key", "An Amigo API key (kept secret).", True),
    "api_key_id": ("AMIGO_API_KEY_ID", "API key ID", "The ID of that API key.", False),
    "user_id": ("AMIGO_USER_ID", "User ID", "The user the server signs in as.", False),
    "region": (
        "AMIGO_REGION",
        "Region",
        "Optional: us, eu-central-1, ap-southeast-2 or ca-central-1 (default: api.amigo.ai).",
        False,
    ),
}
LAUNCHER = "server/main.py"


def project(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    return loaded


def manifest(server: dict[str, Any]) -> dict[str, Any]:
    return {
        "manifest_version": MANIFEST_VERSION,
        "name": server["name"],
        "display_name": "Amigo",
        "version": server["version"],
        "description": server["description"],
        "author": {"name": "amigo-mcp contributors"},
        "license": server["license"],
        "keywords": ["amigo", "agents", "mcp"],
        "server": {
            "type": "uv",
            "entry_point": LAUNCHER,
            "mcp_config": {
                "command": "uv",
                "args": ["run", "--directory", "${__dirname}", LAUNCHER],
                "env": {env: f"${{user_config.{key}}}" for key, (env, *_) in USER_CONFIG.items()},
            },
        },
        "tools": [{"name": t.name, "description": t.title} for t in load_catalog().tools],
        "user_config": {
            key: {
                "type": "string",
                "title": title,
                "description": description,
                "required": False,
                "default": "",
                **({"sensitive": True} if sensitive else {}),
            }
            for key, (_, title, description, sensitive) in USER_CONFIG.items()
        },
        "compatibility": {
            "platforms": ["darwin", "win32", "linux"],
            "runtimes": {"python": server["requires-python"]},
        },
    }


def bundle_pyproject(server: dict[str, Any], client: dict[str, Any], wheels: list[Path]) -> str:
    """The bundle's own project: dependencies only (the wheels it carries), nothing to build."""
    names = {wheel.name.split("-")[0].replace("_", "-"): wheel for wheel in wheels}
    sources = "\n".join(
        f'{name} = {{ path = "wheels/{wheel.name}" }}' for name, wheel in sorted(names.items())
    )
    return (
        "[project]\n"
        f'name = "{server["name"]}-bundle"\n'
        f'version = "{server["version"]}"\n'
        f'requires-python = "{server["requires-python"]}"\n'
        f'dependencies = ["{server["name"]}=={server["version"]}", '
        f'"{client["name"]}=={client["version"]}"]\n\n'
        "[tool.uv]\n"
        "package = false\n\n"
        "[tool.uv.sources]\n"
        f"{sources}\n"
    )


def run(command: list[str], cwd: Path) -> None:
    print("$", " ".join(command), file=sys.stderr, flush=True)
    subprocess.run(command, cwd=cwd, check=True)


def build_wheels(out: Path) -> list[Path]:
    """Build the two wheels (``amigo-mcp``, ``amigo-client``) from the working tree into `out`;
    their paths, sorted by name."""
    uv = shutil.which("uv")
    if uv is None:
        raise SystemExit("build_mcpb: uv must be on PATH")
    for source in (REPO, REPO / "generated_client"):
        run([uv, "build", "--wheel", "--quiet", "--out-dir", str(out), str(source)], cwd=REPO)
    (out / ".gitignore").unlink(missing_ok=True)  # uv's own, for a dist/ folder
    return sorted(out.glob("*.whl"))


def build(out: Path, mcpb: list[str], wheels: Path | None = None) -> Path:
    """Build the bundle into `out`; `mcpb` is the command that runs the MCPB CLI. `wheels`: a
    folder holding the two wheels `build_wheels` just made (default: build them here)."""
    server = project(REPO / "pyproject.toml")
    client = project(REPO / "generated_client" / "pyproject.toml")
    staging = out / "mcpb"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "server").mkdir(parents=True)
    (staging / "wheels").mkdir()
    if wheels is None:
        bundled = build_wheels(staging / "wheels")
    else:
        bundled = [
            Path(shutil.copy(wheel, staging / "wheels")) for wheel in sorted(wheels.glob("*.whl"))
        ]
    (staging / "pyproject.toml").write_text(
        bundle_pyproject(server, client, bundled), encoding="utf-8"
    )
    (staging / LAUNCHER).write_text(
        '"""Start amigo-mcp over stdio (the bundle\'s entry point)."""\n\n'
        "from amigo_mcp.cli import main\n\n"
        "raise SystemExit(main())\n",
        encoding="utf-8",
    )
    shutil.copy(REPO / "LICENSE", staging / "LICENSE")
    (staging / "manifest.json").write_text(
        json.dumps(manifest(server), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    bundle = out / f"{server['name']}-{server['version']}.mcpb"
    bundle.unlink(missing_ok=True)
    run([*mcpb, "pack", str(staging), str(bundle)], cwd=staging)
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build and validate the MCPB bundle.")
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="default: dist/")
    parser.add_argument(
        "--wheels",
        type=Path,
        metavar="DIR",
        help="bundle the two wheels already built in DIR (default: build them)",
    )
    args = parser.parse_args(argv)
    print(build(args.out.resolve(), npm_cli(MCPB), args.wheels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
