"""The MCP project's own conformance suite (npm `@modelcontextprotocol/conformance`, pinned)
against `amigo-mcp serve --transport http` on the embedded sandbox, with and without sessions.

Every scenario of the suite's active set runs. The ones a server of Amigo's operations cannot
pass (a capability it does not declare, a fixture tool of the suite's reference server) are
listed with their reasons in `tests/data/conformance-expected-failures.yml`; the suite itself
exits 1 on a failure missing from that list, and on an entry of the list that passes.

Protocol versions: the suite drives the server through the TypeScript SDK's client, which always
negotiates 2025-11-25 with an initialize handshake (`--spec-version` only selects scenarios, not
the version sent), and has no scenario for 2026-07-28: this test covers the session era only.
The SDK's own client covers both eras in tests/test_mcp_transports.py.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from npm_tools import NpmTool, npm_cli

from testing.mcp_helpers import clean_env, serving_http

pytestmark = pytest.mark.slow

# It needs Node.js 22 (it imports `fs.globSync`), though it declares no `engines`.
CONFORMANCE = NpmTool("@modelcontextprotocol/conformance@0.1.16", "conformance", node=(22, 0))
EXPECTED_FAILURES = Path(__file__).parent / "data" / "conformance-expected-failures.yml"
# Every scenario that applies to a server of tools: these must run and pass.
APPLICABLE = {
    "server-initialize",
    "ping",
    "tools-list",
    "tools-call-error",
    "server-sse-multiple-streams",
    "dns-rebinding-protection",
}


@pytest.fixture(scope="module")
def conformance() -> list[str]:
    """The command that runs the suite (installed on first use)."""
    return npm_cli(CONFORMANCE)


def expected_failures(stateless: bool) -> list[str]:
    """The scenarios the suite is told to expect failing: `server`, and `stateless` too when the
    server runs without sessions."""
    listed: dict[str, list[str]] = yaml.safe_load(EXPECTED_FAILURES.read_text(encoding="utf-8"))
    return listed["server"] + (listed["stateless"] if stateless else [])


def outcomes(results: Path) -> dict[str, bool]:
    """Scenario -> passed, from the folders the suite writes (`server-<scenario>-<time>/`)."""
    found = {}
    for folder in results.iterdir():
        scenario = re.fullmatch(r"server-(.+)-\d{4}-\d\d-\d\dT.*", folder.name)
        assert scenario is not None, folder.name
        checks = json.loads((folder / "checks.json").read_text(encoding="utf-8"))
        found[scenario[1]] = all(check["status"] not in ("FAILURE", "WARNING") for check in checks)
    return found


def test_every_expected_failure_gives_its_reason() -> None:
    entries = [
        line
        for line in EXPECTED_FAILURES.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith("- ")
    ]
    assert len(entries) == len(expected_failures(stateless=True))
    for line in entries:
        assert re.fullmatch(r"  - [a-z0-9-]+ # \S.*", line), f"no reason given: {line!r}"


@pytest.mark.parametrize("stateless", [False, True], ids=["stateful", "stateless"])
def test_the_conformance_suite_passes_but_for_the_listed_failures(
    conformance: list[str], stateless: bool, tmp_path: Path
) -> None:
    expected = expected_failures(stateless)
    baseline = tmp_path / "expected-failures.yml"
    baseline.write_text(yaml.safe_dump({"server": expected}), encoding="utf-8")
    results = tmp_path / "results"
    options = ["--expected-failures", str(baseline), "-o", str(results)]
    with serving_http(clean_env(), *(["--stateless"] if stateless else [])) as url:
        done = subprocess.run(
            [*conformance, "server", "--url", url, *options],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    ran = outcomes(results)
    passed = {scenario for scenario, ok in ran.items() if ok}
    assert passed >= APPLICABLE - set(expected)
    # The suite ignores an entry naming a scenario it does not run.
    assert set(expected) <= set(ran)


def test_the_suite_fails_on_an_unlisted_failure_and_on_a_listed_pass(
    conformance: list[str], tmp_path: Path
) -> None:
    """What the test above relies on: the pinned suite's exit status."""

    def run(url: str, scenario: str, expected: list[str]) -> subprocess.CompletedProcess[str]:
        baseline = tmp_path / f"{scenario}.yml"
        baseline.write_text(yaml.safe_dump({"server": expected}), encoding="utf-8")
        options = ["--scenario", scenario, "--expected-failures", str(baseline)]
        return subprocess.run(
            [*conformance, "server", "--url", url, *options, "-o", str(tmp_path / scenario)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    with serving_http(clean_env()) as url:
        unlisted = run(url, "prompts-list", [])
        stale = run(url, "ping", ["ping"])
    assert unlisted.returncode == 1, unlisted.stdout
    assert "Unexpected failures" in unlisted.stdout
    assert stale.returncode == 1, stale.stdout
    assert "Stale baseline entries" in stale.stdout
