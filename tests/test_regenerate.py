"""scripts/regenerate: drift is detected and named, and regeneration leaves nothing stale.

That the committed outputs are up to date is checked once, by CI (`.ci/run` runs
`scripts/regenerate --check`), not here again. Each exit status (0 is proven by
tests/test_regeneration_loop.py), the drift list on stdout and the help are checked as the shell
sees them, from the script run as a command; the other runs call its `main` in this process.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from amigo_sandbox.spec import load_yaml
from tests.regenerate_support import regenerate_main, regenerate_module

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "regenerate"
SPEC = REPO / "openapi" / "amigo.yaml"
CLIENT = "generated_client/amigo_client"


def regenerate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_spec() -> dict[str, Any]:
    document: dict[str, Any] = load_yaml(SPEC)
    return document


def write_spec(document: dict[str, Any], path: Path) -> str:
    """The document as JSON, which the script reads like YAML."""
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_drift_is_detected_and_every_file_named(tmp_path: Path) -> None:
    spec = load_spec()
    paths = spec["paths"]
    # Changed: a new query parameter on an existing operation.
    listing = paths["/v1/{organization}/simulation/scenario/"]["get"]
    listing["parameters"].insert(
        1,
        {
            "name": "name_prefix",
            "in": "query",
            "required": False,
            "description": "Only scenarios whose name starts with this.",
            "schema": {"type": "string"},
        },
    )
    # Added: a new operation (new module), under a new tag.
    paths["/v1/{organization}/simulation/scenario/{simulation_scenario_id}/archive"] = {
        "post": {
            "operationId": "archive-simulation-scenario",
            "tags": ["archive"],
            "summary": "Archive a simulation scenario",
            "description": "Archive it.",
            "x-rate-limit-per-minute": 10,
            "parameters": [
                {"$ref": "#/components/parameters/Organization"},
                {
                    "name": "simulation_scenario_id",
                    "in": "path",
                    "required": True,
                    "description": "The scenario to archive.",
                    "schema": {"$ref": "#/components/schemas/ObjectId"},
                },
            ],
            "responses": {"204": {"description": "Archived."}},
        }
    }
    # Removed: an operation disappears, and with it its module.
    del paths["/v1/{organization}/simulation/scenario/{simulation_scenario_id}/"]["delete"]
    changed_spec = write_spec(spec, tmp_path / "amigo.json")
    before = tree_digest(REPO / "generated_client")

    result = regenerate("--check", "--spec", changed_spec)

    assert result.returncode == 1, result.stdout + result.stderr
    lines = set(result.stdout.splitlines())
    assert f"changed: {CLIENT}/api/simulation_scenarios/get_simulation_scenarios.py" in lines
    assert f"added: {CLIENT}/api/archive/archive_simulation_scenario.py" in lines
    assert f"added: {CLIENT}/api/archive/__init__.py" in lines
    assert f"removed: {CLIENT}/api/simulation_scenarios/delete_simulation_scenario.py" in lines
    # The typed methods of AmigoClient follow the operations; nothing else in the client changes.
    assert f"changed: {CLIENT}/operations.py" in lines
    client_lines = {line for line in lines if CLIENT in line}
    assert client_lines == {
        f"changed: {CLIENT}/operations.py",
        f"changed: {CLIENT}/api/simulation_scenarios/get_simulation_scenarios.py",
        f"added: {CLIENT}/api/archive/archive_simulation_scenario.py",
        f"added: {CLIENT}/api/archive/__init__.py",
        f"removed: {CLIENT}/api/simulation_scenarios/delete_simulation_scenario.py",
    }
    assert "differ" in result.stderr
    # --check never writes.
    assert tree_digest(REPO / "generated_client") == before


@pytest.mark.slow
def test_regeneration_replaces_the_outputs_and_keeps_nothing_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy of the parts of the repository the script reads and writes; the script finds its
    # repository from its own location.
    for part in ("scripts", "openapi", "client_layer", "generated_client", "views"):
        shutil.copytree(
            REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", ".*_cache")
        )
    client = tmp_path / CLIENT
    stale_module = client / "api" / "retired" / "old_operation.py"
    stale_module.parent.mkdir()
    stale_module.write_text("# from an operation that no longer exists\n")
    (client / "api" / "retired" / "__pycache__").mkdir()
    (client / "api" / "retired" / "__pycache__" / "old_operation.cpython-311.pyc").write_bytes(b"")
    edited = client / "models" / "tags.py"
    edited.write_text(edited.read_text() + "# edited by hand\n")
    # The placed client layer is output too: a hand edit there is undone as well.
    edited_layer = client / "transport.py"
    edited_layer.write_text(edited_layer.read_text() + "# edited by hand\n")
    untouched = client / "errors.py"
    untouched_mtime = untouched.stat().st_mtime_ns

    # The copy's own script, which finds the copy as its repository.
    status = regenerate_main(tmp_path / "scripts" / "regenerate")([])

    stderr = capsys.readouterr().err
    assert status == 0, stderr
    assert "2 changed, 1 removed" in stderr
    assert not (client / "api" / "retired").exists()
    assert tree_digest(tmp_path / "generated_client") == tree_digest(REPO / "generated_client")
    assert untouched.stat().st_mtime_ns == untouched_mtime
    # No cache in what it wrote (scripts/ may hold Python's cache of the scripts themselves).
    leftovers = [
        path
        for output in ("generated_client", "mcp_server", "docs")
        for path in (tmp_path / output).rglob("*")
        if path.name in {".ruff_cache", "__pycache__"}
    ]
    assert leftovers == []
    if (REPO / "scripts" / "build_catalog.py").is_file():
        catalog = tmp_path / "mcp_server" / "amigo_mcp" / "catalog.json"
        assert (
            catalog.read_bytes()
            == (REPO / "mcp_server" / "amigo_mcp" / "catalog.json").read_bytes()
        )


@pytest.mark.slow
def test_an_invalid_spec_fails_before_generating(tmp_path: Path) -> None:
    spec = load_spec()
    # OpenAPI 2 style body parameter: "in" must be query, header, path or cookie.
    spec["paths"]["/v1/{organization}/metric/evaluate"]["post"]["parameters"].append(
        {"name": "payload", "in": "body", "schema": {"type": "object"}}
    )
    broken = write_spec(spec, tmp_path / "amigo.json")

    result = regenerate("--check", "--spec", broken)

    assert result.returncode == 2
    assert "not valid OpenAPI" in result.stderr
    assert "generating" not in result.stderr


@pytest.mark.slow
def test_a_document_of_an_unexpected_shape_fails_in_one_line(tmp_path: Path) -> None:
    spec = load_spec()
    spec["paths"]["/v1/{organization}/metric/"]["get"]["responses"]["200"] = "Succeeded"
    broken = write_spec(spec, tmp_path / "amigo.json")

    result = regenerate("--spec", broken, "--client-into", str(tmp_path / "client"))

    assert result.returncode == 2
    assert "not valid OpenAPI" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "client").exists()


@pytest.mark.slow
def test_a_generator_warning_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = load_spec()
    # Valid OpenAPI, but openapi-python-client skips an endpoint with an array-typed header.
    listing = spec["paths"]["/v1/{organization}/dynamic_behavior_set/"]["get"]
    strings = {"type": "array", "items": {"type": "string"}}
    listing["parameters"].append({"name": "X-Things", "in": "header", "schema": strings})

    status = regenerate_main()(["--check", "--spec", write_spec(spec, tmp_path / "amigo.json")])

    stdout, stderr = capsys.readouterr()
    assert status == 2, stdout + stderr
    assert "GET /v1/{organization}/dynamic_behavior_set/" in stderr
    assert "is not allowed in header" in stderr
    assert stdout == ""


def check_help(text: str) -> None:
    assert "--check" in text and "--spec PATH" in text
    assert "scripts/build_catalog.py" in text


def test_help() -> None:
    result = regenerate("--help")
    assert result.returncode == 0
    check_help(result.stdout)


def test_short_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        regenerate_main()(["-h"])
    assert stop.value.code == 0
    check_help(capsys.readouterr().out)


@pytest.mark.slow
def test_a_document_found_valid_is_not_validated_again_and_a_changed_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validation is remembered in the user's cache by the document's text: the same document
    is not validated again, a changed one is, and an invalid one is never remembered."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    script = regenerate_module()
    where = tmp_path / "amigo.json"

    def remembered() -> list[str]:
        folder = cache / "amigo-mcp" / "valid-openapi"
        return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []

    script.validate_spec(where, load_spec())
    [entry] = remembered()
    script.validate_spec(where, load_spec())
    assert remembered() == [entry]
    # One edit away from the remembered document, and invalid: refused, every time.
    broken = load_spec()
    broken["paths"]["/v1/{organization}/metric/evaluate"]["post"]["parameters"].append(
        {"name": "payload", "in": "body", "schema": {"type": "object"}}
    )
    for _ in range(2):
        with pytest.raises(script.SpecError, match="not valid OpenAPI"):
            script.validate_spec(where, broken)
    assert remembered() == [entry]
    # A valid edit is validated and remembered on its own.
    edited = load_spec()
    edited["info"]["description"] += " Edited."
    script.validate_spec(where, edited)
    assert len(remembered()) == 2 and entry in remembered()
    # So is the same document under another setting of the validator.
    monkeypatch.setenv("OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND", "jsonschema")
    script.validate_spec(where, load_spec())
    assert len(remembered()) == 3
    monkeypatch.delenv("OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND")
    # The entry is what is consulted: one written for the broken document lets it through.
    script.validation_entry(broken).touch()
    script.validate_spec(where, broken)
    # A document whose verdict depends on another file is never remembered.
    elsewhere = load_spec()
    elsewhere["components"]["schemas"]["Elsewhere"] = {"$ref": "other.yaml#/Thing"}
    assert script.validation_entry(elsewhere) is None
