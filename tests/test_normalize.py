"""openapi/normalize.yaml: what lets a real, framework-written OpenAPI document through the client
generator (scripts/regenerate) with --fail-on-warning, as configuration rather than hand edits."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from spec_normalize import Normalization, SpecError, normalize, operations

from amigo_sandbox.spec import load_yaml
from tests.regenerate_support import regenerate_main

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "openapi" / "amigo.yaml"
PUBLISHED_STYLE = REPO / "tests" / "data" / "published_style_openapi.json"
CONFIG = Normalization.load()


def published_style() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(PUBLISHED_STYLE.read_text(encoding="utf-8"))
    return document


def header_names(document: dict[str, Any]) -> Counter[str]:
    return Counter(
        parameter["name"]
        for _, _, operation in operations(document)
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "header"
    )


def shared_titles(document: dict[str, Any]) -> set[str]:
    titles = Counter(schema.get("title") for schema in document["components"]["schemas"].values())
    return {title for title, count in titles.items() if title and count > 1}


def test_our_spec_is_left_as_it_is() -> None:
    document = load_yaml(SPEC)
    assert normalize(document, CONFIG) == document


def test_the_fixture_has_the_traits_of_a_published_document() -> None:
    document = published_style()
    count = len(operations(document))
    assert count >= 100
    assert header_names(document)["Sec-WebSocket-Protocol"] == count
    assert {"Request", "Response"} <= shared_titles(document)
    node = document["components"]["schemas"]["ContextGraphState"]
    assert node["properties"]["next"]["items"] == {"$ref": "#/components/schemas/ContextGraphState"}


def test_framework_headers_and_shared_titles_go() -> None:
    document = published_style()
    prepared = normalize(document, CONFIG)
    assert "Sec-WebSocket-Protocol" not in header_names(prepared)
    assert header_names(prepared)["x-mongo-cluster-name"] == len(operations(document))
    assert shared_titles(prepared) == set()
    # Unique titles stay; the document given is not changed.
    assert prepared["components"]["schemas"]["ContextGraphState"]["title"] == "ContextGraphState"
    assert "Request" in shared_titles(document)


def test_headers_behind_a_ref_are_dropped_too() -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "components": {
            "parameters": {
                "Ws": {
                    "name": "sec-websocket-protocol",
                    "in": "header",
                    "schema": {"type": "array"},
                }
            }
        },
        "paths": {"/a": {"parameters": [{"$ref": "#/components/parameters/Ws"}], "get": {}}},
    }
    assert normalize(document, CONFIG)["paths"]["/a"]["parameters"] == []


def test_a_title_can_be_renamed_instead(tmp_path: Path) -> None:
    config = tmp_path / "normalize.yaml"
    key = "src__app__endpoints__metric__evaluate_metrics__Request"
    config.write_text(
        f"rename-titles:\n  {key}: EvaluateRequest\ndrop-shared-titles: true\n", encoding="utf-8"
    )
    prepared = normalize(published_style(), Normalization.load(config))
    schemas = prepared["components"]["schemas"]
    assert schemas[key]["title"] == "EvaluateRequest"
    config.write_text("rename-titles:\n  NoSuchSchema: X\n", encoding="utf-8")
    with pytest.raises(SpecError, match="NoSuchSchema"):
        normalize(published_style(), Normalization.load(config))
    config.write_text("drop-headers: [x]\n", encoding="utf-8")
    with pytest.raises(SpecError, match="unknown entries"):
        Normalization.load(config)


@pytest.mark.slow
def test_regenerate_builds_a_client_from_the_published_style_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "client"
    status = regenerate_main()(["--spec", str(PUBLISHED_STYLE), "--client-into", str(into)])
    # regenerate fails on any generator warning, so exit 0 means no endpoint was skipped.
    assert status == 0, capsys.readouterr().err
    modules = [
        path for path in (into / "amigo_client" / "api").rglob("*.py") if path.name != "__init__.py"
    ]
    assert len(modules) == len(operations(published_style()))
    assert (into / "amigo_client/api/metrics/evaluate_metrics.py").is_file()
    assert not (REPO / "generated_client" / "amigo_client" / "api" / "organization").exists()
