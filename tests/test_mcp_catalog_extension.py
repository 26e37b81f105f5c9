"""An operation added to the spec becomes a working MCP tool with no Python change.

A copy of the project gets a new operation in its spec; `scripts/regenerate` makes the client
function and the catalog entry; the copy's unchanged `amigo-mcp` then lists the new tool and
calls it over real HTTP.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SET_ID = "0123456789abcdef01234567"
A_SET = {
    "id": SET_ID,
    "name": "Refund requests",
    "is_active": True,
    "applied_to_services": [],
    "tags": {"team": "billing"},
    "created_at": "2026-01-01T00:00:00Z",
    "creator": {"org_id": "acme", "user_id": "u1"},
    "updated_at": "2026-01-02T00:00:00Z",
    "updated_by": {"org_id": "acme", "user_id": "u1"},
}
NEW_OPERATION = {
    "get": {
        "operationId": "get-dynamic-behavior-set",
        "tags": ["dynamic-behavior-sets"],
        "summary": "Get a dynamic behavior set",
        "description": "Retrieve one dynamic behavior set.",
        "x-rate-limit-per-minute": 500,
        "x-mcp": {
            "tool": "get_dynamic_behavior_set",
            "title": "Get dynamic behavior set",
            "read-only": True,
            "description": "Read one dynamic behavior set's metadata by ID.",
        },
        "parameters": [
            {"$ref": "#/components/parameters/Organization"},
            {
                "name": "dynamic_behavior_set_id",
                "in": "path",
                "required": True,
                "description": "The ID of the dynamic behavior set.",
                "schema": {"$ref": "#/components/schemas/ObjectId"},
            },
            {"$ref": "#/components/parameters/MongoClusterName"},
        ],
        "responses": {
            "200": {
                "description": "Succeeded.",
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/DynamicBehaviorSet"}
                    }
                },
            },
            "404": {"$ref": "#/components/responses/OrganizationNotFound"},
        },
    }
}


@pytest.fixture
def api() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A one-route HTTP server standing in for the API's new operation."""
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({"path": self.path, "auth": self.headers.get("Authorization", "")})
            body = json.dumps(A_SET).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def python_sources(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.py")}


@pytest.mark.slow
def test_a_new_operation_becomes_a_working_tool(
    tmp_path: Path, api: tuple[str, list[dict[str, str]]]
) -> None:
    tree = tmp_path / "project"
    for part in ("openapi", "scripts", "generated_client", "mcp_server"):
        shutil.copytree(
            REPO / part, tree / part, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache")
        )
    spec_path = tree / "openapi" / "amigo.yaml"
    spec = yaml.safe_load(spec_path.read_text())
    spec["paths"]["/v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/"] |= (
        NEW_OPERATION
    )
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))

    bin_dir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMIGO_")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        [sys.executable, str(tree / "scripts" / "regenerate")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    module = (
        tree / "generated_client/amigo_client/api/dynamic_behavior_sets/get_dynamic_behavior_set.py"
    )
    assert module.exists()
    assert python_sources(tree / "mcp_server") == python_sources(REPO / "mcp_server"), (
        "the server's code is unchanged"
    )

    base_url, seen = api
    env |= {
        "PYTHONPATH": os.pathsep.join([str(tree), str(tree / "generated_client")]),
        "AMIGO_BASE_URL": base_url,
        "AMIGO_ORGANIZATION_ID": "acme",
        "AMIGO_BEARER_TOKEN": "token-for-the-new-tool",
    }

    def amigo_mcp(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mcp_server.cli", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    listing = json.loads(amigo_mcp("tools", "--json").stdout)["tools"]
    assert len(listing) == 18
    (tool,) = [t for t in listing if t["name"] == "get_dynamic_behavior_set"]
    assert tool["annotations"]["readOnlyHint"] is True
    assert tool["inputSchema"]["required"] == ["dynamic_behavior_set_id"]
    assert tool["inputSchema"]["properties"]["dynamic_behavior_set_id"]["pattern"] == (
        "^[a-f0-9]{24}$"
    )

    called = amigo_mcp(
        "call", "get_dynamic_behavior_set", json.dumps({"dynamic_behavior_set_id": SET_ID})
    )
    assert called.returncode == 0, called.stderr
    assert json.loads(called.stdout) == A_SET
    assert seen == [
        {
            "path": f"/v1/acme/dynamic_behavior_set/{SET_ID}/",
            "auth": "Bearer token-for-the-new-tool",
        }
    ]
