"""Tool-definition quality: `tdqs lint` over the exact tools/list result.

`tdqs lint` runs the deterministic stages of the Tool Definition Quality Score (no model): hard
gates (missing or tautological description) as errors; missing annotations, parameters without
schema descriptions and the shadow prefilter as warnings; a missing output schema as a note.

The shadow prefilter compares invocation costs only (required fields in the required subtree,
plus object depth and union choices): it flags a tool that costs at least twice, and at least 4
more than, some sibling. The list tools need no argument (cost 0), so every tool whose
API-required body costs 4 or more is flagged, whatever its descriptions say. The four create
tools are such tools: all their required fields are required by the live API (see
openapi/SOURCES.md, F3 to F5), and lowering their cost would mean dropping
those constraints from the schemas. The pairs the prefilter picks (e.g. create_simulation_scenario
vs evaluate_metrics) act on different resources; only tdqs's coherence evaluation (`tdqs score`,
which needs a model) can confirm or reject a pair. So these four are reviewed and pinned below
with cost ceilings; any other warning, any error and any note fails, and the strict "no
warnings" bar is kept as a strict xfail that turns into a failure once it is met.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from tdqs.cli.run_cli import run_cli

from testing.mcp_helpers import tools_json
from tests.toolsnaps import snapshot_names

pytestmark = pytest.mark.slow  # a subprocess for tools/list

# Reviewed shadow candidates -> the highest invocation cost accepted (today's value): the cost of
# the body the API requires. A larger cost means the schema demands more than it used to.
REVIEWED_SHADOW_CANDIDATES = {
    "create_dynamic_behavior_set": 25,
    "create_dynamic_behavior_set_version": 19,
    "create_simulation_scenario": 9,
    "create_simulation_scenario_version": 5,
}


@pytest.fixture(scope="module")
def tools_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exact tools/list result, as `amigo-mcp tools --json` prints it."""
    listing = tools_json()
    assert {tool["name"] for tool in json.loads(listing)["tools"]} == snapshot_names()
    path = tmp_path_factory.mktemp("tdqs") / "tools.json"
    path.write_text(listing, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def lint(tools_file: Path) -> tuple[int, dict[str, Any]]:
    """One `tdqs lint` run (exit code with `--fail-on error`, and every finding), through tdqs's
    own command-line function `run_cli` (what `python -m tdqs` runs, with the process boundary
    left out: this worker has imported the MCP SDK that tdqs imports already)."""
    argv = ["lint", "--file", str(tools_file), "--server-name", "amigo-mcp"]
    argv += ["--format", "json", "--fail-on", "error"]
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_cli(argv=argv, env={}, stderr=stderr, stdout=stdout)
    assert code in (0, 1), f"tdqs lint failed to run: {stderr.getvalue()}"
    report: dict[str, Any] = json.loads(stdout.getvalue())
    return code, report


def findings(report: dict[str, Any], severity: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["severity"] == severity]


def test_no_errors(lint: tuple[int, dict[str, Any]]) -> None:
    code, report = lint
    assert findings(report, "error") == []
    assert code == 0
    assert report["server"]["toolCount"] == len(snapshot_names())


def test_no_notes(lint: tuple[int, dict[str, Any]]) -> None:
    _, report = lint
    assert findings(report, "info") == []


def test_no_warnings_but_the_reviewed_shadow_candidates(lint: tuple[int, dict[str, Any]]) -> None:
    _, report = lint
    warnings = findings(report, "warning")
    assert [w for w in warnings if w["rule"] != "shadow-candidate"] == []
    flagged = {c["tool"]: c["invocationCost"] for c in report["shadowCandidates"]}
    unreviewed = set(flagged) - set(REVIEWED_SHADOW_CANDIDATES)
    assert not unreviewed, f"new shadow candidates, review them: {report['shadowCandidates']}"
    for tool, cost in flagged.items():
        assert cost <= REVIEWED_SHADOW_CANDIDATES[tool], (
            f"{tool}: invocation cost {cost} grew past {REVIEWED_SHADOW_CANDIDATES[tool]}"
        )
    # Every tool: described parameters, annotations and an output schema.
    for tool in report["tools"]:
        signals = tool["contextSignals"]
        assert signals["schemaDescriptionCoverage"] == 100, tool["name"]
        assert signals["hasAnnotations"] and signals["hasOutputSchema"], tool["name"]
        assert tool["flags"] == [], tool["name"]


@pytest.mark.xfail(
    strict=True,
    reason="the shadow prefilter flags the four create tools for their API-required bodies "
    "(see the module docstring); meeting this bar would mean dropping required constraints",
)
def test_no_warnings(lint: tuple[int, dict[str, Any]]) -> None:
    _, report = lint
    assert findings(report, "warning") == []
