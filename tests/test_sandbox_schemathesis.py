"""Property-based testing of the sandbox from the spec with schemathesis (bounded for CI).

Every check schemathesis has runs over every operation (examples, coverage, fuzzing and
stateful phases): no server error, every answer's status, content type, headers and body
conform to the spec, schema-invalid requests are rejected, schema-valid ones accepted.

Where the live API is stricter than the spec says, schema-valid requests can be refused, and
the configuration allows it per operation:
- 400 where the spec documents one for valid-looking input (the optimistic `version` check,
  a conversation without interactions, a scenario used by a unit test);
- 422 for a `version` selector that is not `N`, `latest` or a range (the spec types it as any
  string), and for `format: date-time` values such as "" (an annotation in JSON Schema 2020-12,
  enforced by FastAPI).

An operation of the spec the sandbox has no handler for answers a valid request with its
documented refusal, 501 `not_emulated`: expected for those operations, not a server error (and
not an undocumented status), so an operation added to the spec keeps the run green until its
handler is written. Any other 5xx still fails, for them too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from amigo_sandbox.handlers import HANDLERS
from amigo_sandbox.server import RunningSandbox, start_in_thread
from amigo_sandbox.spec import Spec, copy_document, load_yaml
from tests.sandbox_support import SPEC_PATH

MAX_EXAMPLES = 10
# Hypothesis's storage, as the test process has it: its Unicode tables are computed once and kept
# there (otherwise the run, started in a temporary folder, spends seconds working out again which
# characters UTF-8 encodes).
HYPOTHESIS_STORAGE = Path(__file__).resolve().parent.parent / ".hypothesis"
# The operation added to the spec ahead of the sandbox (no handler).
ADDED = "get-metric-copies"
SEED = 20250601
# The CLI's own entry point, with a larger youngest gc generation: with Python's default of 700
# objects the run spends ~2 s of CPU in ~2,000 collections; with 10,000 about half as much.
CLI = (
    "import gc; gc.set_threshold(10_000, 10, 10); "
    "from schemathesis.cli import schemathesis; schemathesis(prog_name='schemathesis')"
)

CONFIG = """
headers = {{ Authorization = "Bearer {token}", X-ORG-ID = "{organization}" }}

[parameters]
"path.organization" = "{organization}"

[[operations]]
include-operation-id = [
    "create-dynamic-behavior-set-version",
    "create-simulation-scenario-version",
    "evaluate-metrics",
    "delete-simulation-scenario",
]
checks.positive_data_acceptance.expected-statuses = [
    "2xx", "400", "401", "403", "404", "409", "422", "429",
]

[[operations]]
include-operation-id = [
    "get-dynamic-behavior-set-versions",
    "get-simulation-scenario-versions",
    "create-simulation-scenario",
    "get-metric-evaluation-results",
]
checks.positive_data_acceptance.expected-statuses = [
    "2xx", "401", "403", "404", "409", "422", "429",
]
"""
NOT_EMULATED = """
[[operations]]
include-operation-id = {operations}
checks.not_a_server_error.expected-statuses = ["2xx", "3xx", "4xx", "501"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "422", "501"]
checks.status_code_conformance.enabled = false
"""


def not_emulated(spec: Spec) -> list[str]:
    """The operations of the spec without a sandbox handler."""
    return sorted(set(spec.by_id) - set(HANDLERS))


def configuration(token: str, organization: str, without_handler: list[str]) -> str:
    config = CONFIG.format(token=token, organization=organization)
    if without_handler:
        config += NOT_EMULATED.format(operations=json.dumps(without_handler))
    return config


def schemathesis(
    running: RunningSandbox, spec_path: Path, tmp_path: Path, *options: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, list[str]]]:
    """Run schemathesis against `running` (serving `spec_path`): its result, and the statuses
    the sandbox answered, by operation."""
    config = tmp_path / "schemathesis.toml"
    token = running.issue_token(lifetime_s=600)
    without_handler = not_emulated(Spec.load(spec_path))
    config.write_text(configuration(token, running.organization, without_handler))
    # The sandbox is local: no proxy from the environment applies to it, and saying so spares
    # the HTTP client a scan of the environment's proxy settings on every request (~0.4 ms).
    host = urlsplit(running.base_url).hostname or ""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CLI,
            "--config-file",
            str(config),
            "run",
            str(spec_path),
            "--url",
            running.base_url,
            "--max-examples",
            str(MAX_EXAMPLES),
            "--seed",
            str(SEED),
            # No example database: the run is the seed's alone, nothing carried over from
            # an earlier run (and nothing written to keep).
            "--generation-database",
            "none",
            # One worker: with several, hypothesis parses lambda sources in parallel threads,
            # which trips a CPython 3.11 bug ("AST constructor recursion depth mismatch").
            "--workers",
            "1",
            "--request-timeout",
            "10",
            "--no-color",
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
        env={
            **os.environ,
            "no_proxy": host,
            "NO_PROXY": host,
            "HYPOTHESIS_STORAGE_DIRECTORY": str(HYPOTHESIS_STORAGE),
        },
    )
    return result, {op: sorted(seen) for op, seen in running.response_statuses().items()}


def server_errors(statuses: dict[str, list[str]], without_handler: list[str]) -> list[str]:
    """Operations that answered a 5xx other than an unemulated operation's 501."""
    allowed = {op: {"501"} if op in without_handler else set() for op in statuses}
    return [
        op for op, seen in statuses.items() if {s for s in seen if s.startswith("5")} - allowed[op]
    ]


def spec_with_an_operation_ahead_of_the_sandbox(tmp_path: Path) -> tuple[Path, Spec]:
    """The spec plus a GET the sandbox has no handler for (as when an operation is added to the
    spec before its handler is written): written to `tmp_path`, and loaded."""
    document = load_yaml(SPEC_PATH)
    metrics = document["paths"]["/v1/{organization}/metric/"]
    added = copy_document(metrics["get"]) | {"operationId": ADDED}
    # A path of its own: under /metric/ it could fall to a templated route such as
    # /metric/{metric_id}/ if the spec had one.
    document["paths"]["/v1/{organization}/metric_copies/"] = {"get": added}
    spec_path = tmp_path / "amigo.yaml"
    spec_path.write_text(json.dumps(document), encoding="utf-8")
    spec = Spec.load(spec_path)
    assert set(not_emulated(spec)) - set(not_emulated(Spec.load(SPEC_PATH))) == {ADDED}
    return spec_path, spec


@pytest.mark.slow
@pytest.mark.longest
def test_schemathesis_finds_nothing(tmp_path: Path) -> None:
    """Every phase over every operation of the spec, and over one GET added ahead of the
    sandbox: its valid requests get the sandbox's 501, which the run expects for it (one run
    for both, as each run starts the whole CLI)."""
    spec_path, spec = spec_with_an_operation_ahead_of_the_sandbox(tmp_path)
    with start_in_thread(db=":memory:", seed_demo=True, rate_limits=False, spec=spec) as running:
        result, statuses = schemathesis(
            running, spec_path, tmp_path, "--phases", "examples,coverage,fuzzing,stateful"
        )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    summary = [line.strip() for line in result.stdout.splitlines() if " generated, " in line]
    print("schemathesis:", *summary)  # e.g. "1800 generated, 1800 passed, 80 skipped"
    assert summary and "passed" in summary[0]
    # Every operation was exercised, and none ever answered a server error (but an operation
    # without a handler its 501).
    assert set(statuses) == set(spec.by_id), sorted(statuses)
    assert not server_errors(statuses, not_emulated(spec))
    # The added operation did answer 501, which only the allowance for it made acceptable.
    assert "501" in statuses[ADDED]
    assert server_errors(statuses, not_emulated(Spec.load(SPEC_PATH))) == [ADDED]
