"""The MCPB bundle: built by one command, accepted by the official CLI, and run the way a host
runs it (the manifest's command, `${__dirname}` and empty `user_config` filled in): with nothing
configured it serves the embedded sandbox. The official CLI (npm, at the version the build script
names) is installed on first use and run directly.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from build_mcpb import MCPB, build_wheels
from mcp import Client, StdioServerParameters
from npm_tools import npm_cli

from testing.mcp_helpers import isolated_env, ok
from testing.run_once import made_once
from tests.toolsnaps import snapshot_names

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def mcpb() -> list[str]:
    """The command that runs the official MCPB CLI."""
    return npm_cli(MCPB)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle, around the two wheels built from the working tree for this test run (the
    wheel tests install the same two); packed once per test run for every worker."""
    wheels = made_once(tmp_path_factory, "wheels", build_wheels)

    def pack(out: Path) -> None:
        done = subprocess.run(
            [
                sys.executable,
                str(REPO / "scripts" / "build_mcpb.py"),
                "--out",
                str(out),
                "--wheels",
                str(wheels),
            ],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Manifest schema validation passes!" in done.stdout + done.stderr
        assert Path(done.stdout.strip().splitlines()[-1]).parent == out.resolve()

    [packed] = made_once(tmp_path_factory, "mcpb", pack).glob("*.mcpb")
    return packed


@pytest.fixture(scope="module")
def unpacked(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("installed") / "amigo-mcp"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(folder)
    return folder


def manifest_of(folder: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return loaded


def test_the_bundle_asks_for_the_organization_and_a_secret_key(unpacked: Path) -> None:
    manifest = manifest_of(unpacked)
    config = manifest["user_config"]
    assert [k for k, v in config.items() if v.get("sensitive")] == ["api_key"]
    env = manifest["server"]["mcp_config"]["env"]
    assert env["AMIGO_ORGANIZATION_ID"] == "${user_config.organization_id}"
    assert env["AMIGO_API_KEY"] == "${user_config.api_key}"
    assert {tool["name"] for tool in manifest["tools"]} == snapshot_names()
    wheels = sorted(path.name.split("-")[0] for path in (unpacked / "wheels").glob("*.whl"))
    assert wheels == ["amigo_client", "amigo_mcp"]


def test_the_official_cli_refuses_to_pack_a_broken_manifest(
    mcpb: list[str], unpacked: Path, tmp_path: Path
) -> None:
    """The build's one check is `pack`'s own validation of the manifest: it does refuse."""
    broken = manifest_of(unpacked)
    broken["server"]["type"] = "docker"
    (tmp_path / "manifest.json").write_text(json.dumps(broken), encoding="utf-8")
    done = subprocess.run(
        [*mcpb, "pack", str(tmp_path), str(tmp_path / "broken.mcpb")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode != 0, done.stdout
    assert "Cannot pack extension with invalid manifest" in done.stdout + done.stderr
    assert not (tmp_path / "broken.mcpb").exists()


def as_a_host_runs_it(folder: Path) -> tuple[str, list[str], dict[str, str]]:
    """The manifest's command with `${__dirname}` and every `${user_config.*}` left empty."""
    config = manifest_of(folder)["server"]["mcp_config"]

    def fill(text: str) -> str:
        return re.sub(r"\$\{user_config\.\w+\}", "", text.replace("${__dirname}", str(folder)))

    env = {name: fill(value) for name, value in config["env"].items()}
    return config["command"], [fill(arg) for arg in config["args"]], env


async def test_the_bundle_serves_the_embedded_sandbox_when_nothing_is_set(unpacked: Path) -> None:
    command, args, env = as_a_host_runs_it(unpacked)
    assert set(env.values()) == {""}
    params = StdioServerParameters(
        command=command, args=args, env=isolated_env() | env, cwd=str(unpacked.parent)
    )
    async with Client(params, mode="legacy") as client:
        listed = await client.list_tools()
        assert {tool.name for tool in listed.tools} == snapshot_names()
        page = await ok(client, "list_dynamic_behavior_sets", {"limit": 1})
        assert len(page["dynamic_behavior_sets"]) == 1
