"""What the wheels declare: every import of the server and the sandbox is a declared dependency,
nothing declared goes unused, and the server depends on exactly the client version it ships with.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import json
import shutil
import subprocess
import sys
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from build_mcpb import USER_CONFIG
from jsonschema import Draft7Validator
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from amigo_mcp.settings import Settings

REPO = Path(__file__).resolve().parent.parent
PACKAGES = (Path(str(files("amigo_mcp"))), Path(str(files("amigo_sandbox"))))
# Declared although never imported by name (see pyproject.toml): httpcore looks sniffio up on
# every request; jsonschema checks `format: date-time` with rfc3339-validator; anyio runs the
# HTTP server on uvloop and uvicorn parses HTTP with httptools.
IMPORTED_BY_OTHERS = {"sniffio", "rfc3339-validator", "uvloop", "httptools"}


def client_project() -> dict[str, Any]:
    return tomllib.loads((REPO / "generated_client" / "pyproject.toml").read_text(encoding="utf-8"))


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = (Requirement(text) for text in project["dependencies"])
    return {canonicalize_name(requirement.name): requirement for requirement in requirements}


@functools.cache
def installed_providers() -> dict[str, list[str]]:
    """{top-level module name: the installed distributions providing it} (read once: it scans
    the metadata of every installed distribution)."""
    return dict(importlib.metadata.packages_distributions())


@functools.cache
def imported_top_level_names() -> dict[str, str]:
    """{top-level module name: one file importing it} over both packages, lazy imports included."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted(package.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.partition(".")[0], path.relative_to(REPO).as_posix())
    return found


@functools.cache
def third_party_distributions() -> dict[str, str]:
    """{distribution: a file importing it} for every import outside the stdlib and our packages."""
    own = {package.name for package in PACKAGES}
    providers = dict(installed_providers())
    # The client is installed in development mode, which packages_distributions() cannot see.
    client = client_project()
    providers[client["tool"]["uv"]["build-backend"]["module-name"]] = [client["project"]["name"]]
    found: dict[str, str] = {}
    for name, where in imported_top_level_names().items():
        if name in sys.stdlib_module_names or name in own:
            continue
        assert name in providers, f"{where} imports {name}, which no installed distribution has"
        for distribution in providers[name]:
            found.setdefault(canonicalize_name(distribution), where)
    return found


def declared_or_extra() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [r for group in project.get("optional-dependencies", {}).values() for r in group]
    return set(declared()) | {canonicalize_name(Requirement(r).name) for r in extras}


def test_every_import_is_a_declared_dependency() -> None:
    """A name shared by several distributions (a namespace such as `opentelemetry`) needs one
    of them declared, in the dependencies or an extra."""
    providers = installed_providers()
    known = declared_or_extra()
    own = {package.name for package in PACKAGES}
    missing = {
        name: where
        for name, where in imported_top_level_names().items()
        if name not in sys.stdlib_module_names
        and name not in own
        and name in providers
        and not known & {canonicalize_name(d) for d in providers[name]}
    }
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
    third_party_distributions()  # every import has an installed distribution


def test_every_declared_dependency_is_imported() -> None:
    unused = set(declared()) - set(third_party_distributions()) - IMPORTED_BY_OTHERS
    assert not unused, f"declared but never imported by the server or the sandbox: {unused}"


def test_the_server_pins_the_client_version_it_ships_with() -> None:
    client = client_project()["project"]
    pin = declared()[canonicalize_name(client["name"])]
    assert str(pin.specifier) == f"=={client['version']}"
    assert importlib.metadata.version(client["name"]) == client["version"]


# --- server.json, the MCP registry entry ------------------------------------------------------


def server_json() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((REPO / "server.json").read_text(encoding="utf-8"))
    return loaded


def registry_validator() -> Draft7Validator:
    schema = json.loads((REPO / "packaging" / "server.schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def test_server_json_is_valid_against_the_registry_schema() -> None:
    entry = server_json()
    validator = registry_validator()
    validator.validate(entry)
    assert isinstance(validator.schema, dict)
    assert entry["$schema"] == validator.schema["$id"]


def test_the_registry_schema_rejects_what_the_registry_rejects() -> None:
    entry = server_json()
    entry["packages"][0]["version"] = "latest"
    assert not registry_validator().is_valid(entry)
    entry = server_json() | {"name": "no-namespace"}
    assert not registry_validator().is_valid(entry)


def test_server_json_names_this_release_and_its_readme_marker() -> None:
    entry = server_json()
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (package,) = entry["packages"]
    assert (package["registryType"], package["identifier"]) == ("pypi", project["name"])
    assert entry["version"] == package["version"] == project["version"]
    assert package["transport"] == {"type": "stdio"}
    readme = (REPO / project["readme"]).read_text(encoding="utf-8")
    assert f"mcp-name: {entry['name']}" in readme


def test_server_json_and_the_bundle_ask_for_the_same_variables() -> None:
    (package,) = server_json()["packages"]
    variables = {v["name"]: v.get("isSecret", False) for v in package["environmentVariables"]}
    asked = {env: sensitive for env, _, _, sensitive in USER_CONFIG.values()}
    assert variables == asked


def test_the_declared_variables_configure_the_server() -> None:
    (package,) = server_json()["packages"]
    values = {"AMIGO_REGION": "eu-central-1"}
    env = {
        v["name"]: values.get(v["name"], f"value-{v['name']}")
        for v in package["environmentVariables"]
    }
    settings = Settings.from_env(env)
    assert settings.auth_mode == "api_key"
    assert settings.organization_id == env["AMIGO_ORGANIZATION_ID"]
    assert "eu-central-1" in settings.base_url
    assert Settings.from_env(
        {v["name"]: "" for v in package["environmentVariables"]}
    ).auth_mode == ("sandbox")


@pytest.mark.slow
def test_uv_builds_every_project_without_a_warning(tmp_path: Path) -> None:
    """The build backend each pyproject.toml asks for holds the uv in use, so `uv build` (and
    `uv sync`, which builds the same way) uses uv's own backend and prints no warning."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build the projects")
    for source in (REPO, REPO / "generated_client"):
        done = subprocess.run(
            [uv, "build", "--out-dir", str(tmp_path), str(source)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "warning" not in done.stderr.lower(), done.stderr
