#!/usr/bin/env python3
"""Amigo's published OpenAPI documents, at pinned versions, fetched once and cached.

    uv run scripts/published_documents.py [VERSION ...]   # prints the path of each document

Amigo publishes its OpenAPI document inside the source distribution of its official Python SDK
on PyPI (`amigo-sdk`), as `specs/openapi-baseline.json`. The document is Amigo's text, so it is
never copied into this repository: each version is downloaded with pip (`pip download
amigo-sdk==VERSION --no-deps --no-binary :all:`, run through `uv tool run`, so no pip is needed
in the project's environment) and its document kept under the user's cache,
`$XDG_CACHE_HOME/amigo-mcp/published-openapi/` (`~/.cache` by default). The first use on a fresh
machine, CI included, downloads it. A document appears in its final place only once complete, so
a failed download leaves nothing behind and concurrent test workers never read half a file.

Without arguments, the pinned versions (`PINNED`, oldest first) are fetched.
Exit status: 0 every document is in place, 2 one could not be fetched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "amigo-sdk"
MEMBER = "specs/openapi-baseline.json"
# Oldest first: the last 0.x release, the last 1.x, the first 2.x, and the two newest checked
# (the last step of which changes nothing that breaks).
PINNED = ("0.137.1", "1.3.1", "2.0.0", "2.4.0", "2.5.0")
# The first use builds the package's metadata, which installs its build backend: allow for it.
DOWNLOAD_TIMEOUT_S = 600


def user_cache() -> Path:
    """This project's folder in the user's cache: `$XDG_CACHE_HOME/amigo-mcp` (`~/.cache` by
    default)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "amigo-mcp"


def cache_folder() -> Path:
    """`$XDG_CACHE_HOME/amigo-mcp/published-openapi`."""
    return user_cache() / "published-openapi"


def published_document(version: str) -> Path:
    """The path of Amigo's OpenAPI document as published with `amigo-sdk==version`, downloading
    it first if this machine does not have it yet."""
    path = cache_folder() / f"amigo-openapi-{version}.json"
    if not path.is_file():
        fetch(version, path)
    return path


def fetch(version: str, path: Path) -> None:
    """Download the sdist into a scratch folder, take the document out, move it into place."""
    uv = shutil.which("uv")
    if uv is None:
        raise RuntimeError(f"uv is needed to download {PACKAGE}=={version}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".fetching-", dir=path.parent) as scratch:
        done = subprocess.run(
            [
                *(uv, "tool", "run", "pip", "download", f"{PACKAGE}=={version}"),
                *("--no-deps", "--no-binary", ":all:", "--quiet", "--dest", scratch),
            ],
            capture_output=True,
            text=True,
            timeout=DOWNLOAD_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"pip download {PACKAGE}=={version} failed:\n{done.stdout}{done.stderr}"
            )
        [sdist] = Path(scratch).glob("*.tar.gz")
        with tarfile.open(sdist) as archive:
            member = next((m for m in archive.getmembers() if m.name.endswith("/" + MEMBER)), None)
            source = archive.extractfile(member) if member is not None else None
            if source is None:
                raise RuntimeError(f"{sdist.name} has no {MEMBER}")
            staged = Path(scratch) / path.name
            staged.write_bytes(source.read())
        staged.replace(path)


def main(argv: list[str]) -> int:
    for version in argv or PINNED:
        try:
            print(published_document(version))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
            print(f"published_documents: error: {error}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
