"""openapi/normalize.yaml: what lets a real, framework-written OpenAPI document through the client
generator (scripts/regenerate) with --fail-on-warning, as configuration rather than hand edits."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from spec_normalize import Normalization, SpecError, normalize, operations, untyped_bodies

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


def operation_document(operation: dict[str, Any], **components: Any) -> dict[str, Any]:
    """A one-operation document (GET /a) with the given components."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "components": components,
        "paths": {"/a": {"get": {"operationId": "get-a", **operation}}},
    }


def test_colliding_enum_names_are_spelled_out_and_the_others_kept() -> None:
    values = ["GMT", "GMT+0", "GMT-0", "GMT0", "Etc/GMT+0", "Etc/GMT0", "UTC"]
    schema = {"type": "string", "enum": values}
    prepared = normalize(operation_document({}, schemas={"Zone": schema}), CONFIG)
    names = prepared["components"]["schemas"]["Zone"]["x-enum-varnames"]
    assert names == [
        "GMT",
        "GMT_PLUS_SIGN_0",
        "GMT_0",
        "GMT0",
        "ETC_SOLIDUS_GMT_PLUS_SIGN_0",
        "ETC_SOLIDUS_GMT0",
        "UTC",
    ]
    # No collision: the generator names the members itself, as in our own client.
    plain = {"type": "string", "enum": ["a", "b"]}
    assert normalize(operation_document({}, schemas={"Zone": plain}), CONFIG) == (
        operation_document({}, schemas={"Zone": plain})
    )


def test_non_json_bodies_become_text_or_bytes_and_are_listed() -> None:
    responses = {
        "200": {"content": {"application/x-ndjson": {"schema": {"type": "object"}}}},
        "201": {"content": {"application/zip": {"schema": {"type": "string"}}}},
        "202": {"content": {"application/json": {"schema": {"type": "object"}}}},
    }
    document = operation_document({"responses": responses})
    prepared = normalize(document, CONFIG)["paths"]["/a"]["get"]["responses"]
    assert prepared["200"]["content"] == {"text/plain": {"schema": {"type": "string"}}}
    assert prepared["201"]["content"] == {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
    }
    assert prepared["202"] == responses["202"]
    assert untyped_bodies(document, CONFIG) == [
        "get-a 200 application/x-ndjson (text)",
        "get-a 201 application/zip (binary)",
    ]


def test_not_set_defaults_go_and_object_defaults_stay() -> None:
    not_set = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": {}}
    mapping = {"type": "object", "default": {}}
    schema = {"type": "object", "properties": {"zone": not_set, "params": mapping}}
    prepared = normalize(operation_document({}, schemas={"Body": schema}), CONFIG)
    properties = prepared["components"]["schemas"]["Body"]["properties"]
    assert "default" not in properties["zone"]
    assert properties["params"] == mapping


def test_error_answers_get_our_error_body_and_a_shared_id_the_method() -> None:
    responses = {"200": {"description": "ok"}, "404": {"description": "gone"}}
    document = operation_document({"responses": responses})
    document["paths"]["/a"]["post"] = {"operationId": "get-a", "responses": {}}
    prepared = normalize(document, CONFIG)
    get = prepared["paths"]["/a"]["get"]
    assert get["responses"]["404"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}
    }
    assert "content" not in get["responses"]["200"]
    schemas = prepared["components"]["schemas"]
    ours = load_yaml(SPEC)["components"]["schemas"]
    assert {key: schemas[key] for key in ("ErrorBody", "ValidationErrorItem")} == {
        key: ours[key] for key in ("ErrorBody", "ValidationErrorItem")
    }
    assert [operation["operationId"] for _, _, operation in operations(prepared)] == [
        "get-a-get",
        "get-a-post",
    ]


def test_api_key_security_headers_become_parameters_of_the_sign_in() -> None:
    scheme = {"type": "apiKey", "in": "header", "name": "X-API-KEY", "description": "The key."}
    bearer = {"type": "http", "scheme": "bearer"}
    sign_in = {
        "operationId": "sign-in-with-api-key",
        "security": [{"Key": []}],
        "responses": {"200": {"description": "ok"}},
    }
    document = operation_document(
        {"security": [{"Bearer": [], "Key": []}]},
        securitySchemes={"Key": scheme, "Bearer": bearer},
    )
    document["paths"]["/signin"] = {"post": sign_in}
    prepared = normalize(document, CONFIG)
    assert prepared["paths"]["/signin"]["post"]["parameters"] == [
        {
            "name": "x-api-key",
            "in": "header",
            "required": True,
            "description": "The key.",
            "schema": {"type": "string"},
        }
    ]
    assert prepared["paths"]["/signin"]["post"]["security"] == []
    assert prepared["paths"]["/signin"]["post"]["tags"] == ["auth"]
    # Bearer beside the key: a header the caller may send, not one the operation needs.
    assert "parameters" not in prepared["paths"]["/a"]["get"]
    # Schemes named but not defined, beside parameters already declared: only the security goes.
    del document["components"]["securitySchemes"]["Key"]
    sign_in["parameters"] = [{"name": "X-Api-Key", "in": "header", "schema": {"type": "string"}}]
    prepared = normalize(document, CONFIG)
    assert prepared["paths"]["/signin"]["post"]["parameters"] == sign_in["parameters"]
    assert prepared["paths"]["/signin"]["post"]["security"] == []
