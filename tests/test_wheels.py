"""The released artefacts on their own: both wheels built, installed into a fresh Python 3.11
virtual environment with nothing else (their dependencies come from the package index), and
`amigo-mcp` run there on its embedded sandbox, over stdio with a real MCP client and from the
shell.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from build_mcpb import build_wheels
from mcp import Client, StdioServerParameters

from testing.mcp_helpers import isolated_env, ok
from testing.run_once import made_once
from tests.toolsnaps import snapshot_names

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
IMPORT_NAMES = {"amigo_mcp", "amigo_sandbox", "amigo_client"}


@pytest.fixture(scope="module")
def uv() -> str:
    found = shutil.which("uv")
    if found is None:
        pytest.fail("uv is needed to build the wheels and a fresh virtual environment")
    return found


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Both wheels, built from the working tree once per test run (the MCPB tests bundle the
    same two)."""
    return sorted(made_once(tmp_path_factory, "wheels", build_wheels).glob("*.whl"))


@pytest.fixture(scope="module")
def venv(uv: str, wheels: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh Python 3.11 environment holding the two wheels and their declared dependencies,
    made once per test run."""

    def make(venv: Path) -> None:
        env = isolated_env()
        subprocess.run(
            [uv, "venv", "--quiet", "--python", "3.11", str(venv)], check=True, env=env, timeout=300
        )
        subprocess.run(
            [uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
             *map(str, wheels)],
            check=True,
            env=env,
            timeout=600,
        )  # fmt: skip

    return made_once(tmp_path_factory, "venv", make)


def site_packages(venv: Path) -> Path:
    (found,) = venv.glob("lib/python3.*/site-packages")
    return found


def test_the_wheels_hold_only_the_distinct_import_names(wheels: list[Path]) -> None:
    assert [wheel.name.split("-")[0] for wheel in wheels] == ["amigo_client", "amigo_mcp"]
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            tops = {name.split("/")[0] for name in archive.namelist()}
        packages = {top for top in tops if not top.endswith(".dist-info")}
        assert packages <= IMPORT_NAMES, f"{wheel.name}: {packages - IMPORT_NAMES}"
        assert len(tops - packages) == 1, tops


def test_nothing_generic_lands_in_site_packages(venv: Path, tmp_path: Path) -> None:
    installed = site_packages(venv)
    for generic in ("mcp_server", "sandbox"):
        assert not (installed / generic).exists(), generic
    # Every module of the three packages imports with only the declared dependencies, and the
    # sandbox's date-time format has its checker (jsonschema finds it only if installed).
    probe = (
        "import importlib, pkgutil\n"
        "from jsonschema import FormatChecker\n"
        f"for name in {sorted(IMPORT_NAMES)!r}:\n"
        "    package = importlib.import_module(name)\n"
        "    for module in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        "        importlib.import_module(module.name)\n"
        "assert 'date-time' in FormatChecker().checkers\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe],
        cwd=tmp_path,
        env=isolated_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_amigo_mcp_serves_its_embedded_sandbox_over_stdio(
    venv: Path, tmp_path: Path, mode: str
) -> None:
    params = StdioServerParameters(
        command=str(venv / "bin" / "amigo-mcp"), env=isolated_env(), cwd=str(tmp_path)
    )
    async with Client(params, mode=mode) as client:
        listed = await client.list_tools()
        assert {tool.name for tool in listed.tools} == snapshot_names()
        page = await ok(client, "list_dynamic_behavior_sets", {"limit": 2})
        assert len(page["dynamic_behavior_sets"]) == 2


def test_amigo_mcp_call_from_the_shell(venv: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(venv / "bin" / "amigo-mcp"), "call", "list_dynamic_behavior_sets", "{}"],
        cwd=tmp_path,
        env=isolated_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["dynamic_behavior_sets"]
