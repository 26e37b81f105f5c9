"""`scripts/regenerate --spec <Amigo's published document> --client-into DIR` gives a working
client, client layer included, for the oldest, a middle and the newest published version.

The documents are Amigo's, fetched from PyPI and cached (`scripts/published_documents.py`), never
copied into the repository. Each one is regenerated into a temporary tree (exit 0: the generator
ran with `--fail-on-warning`, so no endpoint was skipped; every non-JSON body is named); the
tree is imported in a child
process (its package is `amigo_client`, like the installed one) whose `AmigoClient` signs in on a
sandbox serving our spec plus every operation of the published document that our spec lacks.
Those answer 501 naming the operation (no handler), which the client raises as a typed error;
the operations the sandbox emulates answer data, page, and are retried after a 503. One test per
version, so that each document is regenerated once whichever worker runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from published_documents import published_document
from spec_normalize import Normalization, normalize, operations

from amigo_sandbox.server import RunningSandbox, start_in_thread
from amigo_sandbox.spec import Spec, copy_document, load_yaml
from tests.regenerate_support import regenerate_main

pytestmark = [pytest.mark.slow, pytest.mark.longest]

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "openapi" / "amigo.yaml"
# The first version that carries the document, the middle release of those that do, the newest.
VERSIONS = ("0.4.0", "0.41.0", "2.5.0")
# Operations of every pinned document that the sandbox does not emulate, as client methods (the
# last one's operation ID, `get_roles_v1__organization__role__get`, is named by the generator).
NOT_EMULATED = {
    "get_organization": "get-organization",
    "get_services": "get-services",
    "get_roles_v1_organization_role_get": "get_roles_v1__organization__role__get",
}
# Operations it emulates whose answers every pinned document describes as the sandbox answers
# them, as client methods, and the array field of their answer.
EMULATED = {
    "get_dynamic_behavior_sets": "dynamic_behavior_sets",
    "get_simulation_scenarios": "simulation_scenarios",
    "get_conversations": "conversations",
}
PREFIX = "published__"

CHILD = """
import json, sys
import amigo_client
from amigo_client import AmigoClient, APIStatusError, RetryPolicy

settings = json.loads(sys.argv[1])
out = {"package": amigo_client.__file__, "not_emulated": {}, "emulated": {}}
retry = RetryPolicy(base_delay_s=0.0, jitter=0.0)
with AmigoClient(**settings["client"], retry=retry) as amigo:
    for method in settings["not_emulated"]:
        try:
            getattr(amigo, method)()
        except APIStatusError as error:
            out["not_emulated"][method] = [type(error).__name__, error.status_code,
                                           error.error_code, error.detail]
    for method, field in settings["emulated"].items():
        answer = getattr(amigo, method)()
        out["emulated"][method] = [type(answer).__module__, len(getattr(answer, field))]
    pages = list(amigo.iter_dynamic_behavior_sets(limit=1))
    out["iterated"] = len(pages)
print(json.dumps(out))
"""


def moved(node: Any) -> Any:
    """A copy of a part of the published document with its `#/components/...` references moved
    under PREFIX, so they cannot meet our spec's components of the same name."""
    if isinstance(node, dict):
        return {
            key: (
                value.replace("/components/schemas/", f"/components/schemas/{PREFIX}")
                if key == "$ref" and isinstance(value, str)
                else moved(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [moved(value) for value in node]
    return node


def served_document(published: dict[str, Any]) -> dict[str, Any]:
    """Our spec plus every operation of the (normalized) published document it lacks."""
    ours: dict[str, Any] = load_yaml(SPEC)
    served: dict[str, Any] = copy_document(ours)
    prepared = normalize(published, Normalization.load())
    known = {(path, method) for path, method, _ in operations(ours)}
    for path, method, operation in operations(prepared):
        if (path, method) not in known:
            served["paths"].setdefault(path, {})[method] = moved(operation)
    schemas = served["components"]["schemas"]
    for key, schema in prepared["components"]["schemas"].items():
        schemas[PREFIX + key] = moved(schema)
    return served


@pytest.mark.parametrize("version", VERSIONS)
def test_a_published_document_gives_a_working_client(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published: dict[str, Any] = json.loads(published_document(version).read_text("utf-8"))
    into = tmp_path / "client"
    status = regenerate_main()(
        ["--spec", str(published_document(version)), "--client-into", str(into)]
    )
    stderr = capsys.readouterr().err
    # regenerate fails on any generator warning, so exit 0 means no endpoint was skipped.
    assert status == 0, stderr
    modules = {
        path.stem
        for path in (into / "amigo_client" / "api").rglob("*.py")
        if path.name != "__init__.py"
    }
    assert len(modules) == len(operations(published))
    layer = {path.name for path in (REPO / "client_layer").glob("*.py")}
    assert layer <= {path.name for path in (into / "amigo_client").glob("*.py")}
    # Every body that is not JSON is named, with its operation.
    non_json = [
        f"{operation['operationId']} {status} {content_type}"
        for _, _, operation in operations(published)
        for status, response in operation["responses"].items()
        for content_type in response.get("content") or {}
        if content_type != "application/json"
    ]
    assert non_json
    for body in non_json:
        assert f"not JSON, returned as text or bytes rather than a model: {body}" in stderr

    with start_in_thread(rate_limits=False, spec=Spec(served_document(published))) as served:
        out = call_in_child(into, served)
        counts = served.request_counts()
    assert out["package"] == str(into / "amigo_client" / "__init__.py")
    for method, operation_id in NOT_EMULATED.items():
        kind, status, code, detail = out["not_emulated"][method]
        assert (kind, status, code) == ("APIStatusError", 501, "not_emulated")
        assert operation_id in detail
    for method in EMULATED:
        module, count = out["emulated"][method]
        assert module.startswith("amigo_client.models.")
        assert count > 0
    assert out["iterated"] == out["emulated"]["get_dynamic_behavior_sets"][1] > 1
    assert counts["get-simulation-scenarios"] == 2  # the 503, then the retry
    assert counts["sign-in-with-api-key"] == 1


def call_in_child(tree: Path, served: RunningSandbox) -> dict[str, Any]:
    """What CHILD reports, run with the client in `tree` on `served`."""
    served.inject_fault("get-simulation-scenarios", status=503, retry_after=0)
    settings = {
        "client": {
            "base_url": served.base_url,
            "organization_id": served.organization,
            "api_key": served.api_key,
            "api_key_id": served.api_key_id,
            "user_id": served.user_id,
        },
        "not_emulated": list(NOT_EMULATED),
        "emulated": EMULATED,
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(settings)],
        # The tree is imported once and thrown away: no bytecode written for it.
        env=dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report
