"""Command-line tools from the npm registry, at pinned versions, run directly.

`npx --yes PKG ...` resolves the package again on every call: about a second of CPU before the
tool itself starts. Instead, each package is installed once into a folder of its own under the
user's cache (`npm install --prefix`; the first use on a fresh machine, CI included, downloads
it), and its executable is run from there. An installation appears in its final place only once
complete, so a failed one leaves nothing behind and concurrent test workers never share a
half-written folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# The first use on a fresh machine downloads the package and its dependencies.
INSTALL_TIMEOUT_S = 300


def cache_folder() -> Path:
    """Where the packages are installed: `$XDG_CACHE_HOME/amigo-mcp/npm` (`~/.cache` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "amigo-mcp" / "npm"


def npm_cli(package: str, command: str) -> str:
    """The path of `command`, an executable of the npm package `package` ("name@version"),
    installing the package first if this machine does not have it yet."""
    home = cache_folder() / package.replace("/", "+")
    if not home.is_dir():
        install(package, home)
    executable = home / "node_modules" / ".bin" / command
    if not executable.exists():
        raise RuntimeError(f"{package} has no executable {command!r}")
    return str(executable)


def install(package: str, home: Path) -> None:
    """`npm install` into a fresh folder next to `home`, then move it into place."""
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(f"npm (Node.js) is needed to install {package}")
    home.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=home.parent))
    try:
        done = subprocess.run(
            [npm, "install", "--prefix", str(staging), "--no-audit", "--no-fund", package],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"npm install {package} failed:\n{done.stdout}{done.stderr}")
        try:
            staging.rename(home)
        except OSError:
            if not home.is_dir():  # not another process that finished first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
