"""The hand-written spec: the right operations, valid, lint-clean, and shaped for the generator."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from npm_tools import NpmTool, npm_cli
from openapi_spec_validator import validate
from spec_normalize import mappings

from amigo_sandbox.refs import Document
from amigo_sandbox.spec import load_yaml

REPO = Path(__file__).resolve().parent.parent
SPEC_PATH = REPO / "openapi" / "amigo.yaml"
# Its `engines`: Node.js 20.19 or newer (21 aside).
REDOCLY = NpmTool("@redocly/cli@2.77.0", "redocly", node=(20, 19))
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# The provenance table of openapi/SOURCES.md ("Operations") lists every operation of the spec:
# | `operationId` | METHOD `path after /v1/{organization}` | from | success | other answers |
# rate limit / min |
SOURCES_PATH = REPO / "openapi" / "SOURCES.md"
SOURCES_ROW = re.compile(
    r"^\| `([a-z-]+)` \| (GET|POST|PUT|PATCH|DELETE) `([^`]+)` \|[^|]+\|[^|]+\|[^|]*\| (\d+) \|$"
)
# Answers some operations document beyond the common set (the "other answers" column of the
# operations table in openapi/SOURCES.md); any other operation may add a 400 or 409 of its own.
EXTRA_CODES = {
    "create-dynamic-behavior-set": {"409"},
    "update-dynamic-behavior-set": {"409"},
    "create-dynamic-behavior-set-version": {"400"},
    "evaluate-metrics": {"400"},
    "create-simulation-scenario": {"409"},
    "delete-simulation-scenario": {"400"},
    "create-simulation-scenario-version": {"400"},
}
SIGN_IN = "sign-in-with-api-key"


class _UniqueKeyLoader(yaml.CSafeLoader):
    """The safe loader on libyaml (as `load_yaml`), refusing duplicate keys (PyYAML silently
    keeps the last one)."""


def _construct_mapping(loader: yaml.CSafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=_UniqueKeyLoader)
    assert isinstance(document, dict)
    return document


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, item[method])
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in item
    ]


def resolve(spec: dict[str, Any], node: Any) -> Any:
    return Document(spec).resolve(node)


def parameters(spec: dict[str, Any], operation: dict[str, Any]) -> list[dict[str, Any]]:
    return [resolve(spec, p) for p in operation.get("parameters", [])]


def test_operations_are_exactly_the_documented_ones(spec: dict[str, Any]) -> None:
    found = {
        (
            op["operationId"],
            method.upper(),
            path.removeprefix("/v1/{organization}"),
            op.get("x-rate-limit-per-minute"),
        )
        for path, method, op in operations(spec)
    }
    documented = {
        (match[1], match[2], match[3], int(match[4]))
        for line in SOURCES_PATH.read_text(encoding="utf-8").splitlines()
        if (match := SOURCES_ROW.match(line))
    }
    assert found == documented, "openapi/SOURCES.md lists each operation with its provenance"


def test_every_path_is_under_the_organization(spec: dict[str, Any]) -> None:
    for path in spec["paths"]:
        assert path.startswith("/v1/{organization}/"), path


def test_operation_ids_and_success_answers_are_unique(spec: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, _, op in operations(spec)]
    assert len(ids) == len(set(ids))
    for _, _, op in operations(spec):
        assert len([c for c in op["responses"] if c.startswith("2")]) == 1, op["operationId"]


def test_spec_validates() -> None:
    validate(load_yaml(SPEC_PATH), base_uri=SPEC_PATH.as_uri())


@pytest.mark.slow
def test_redocly_lint_reports_no_problems() -> None:
    result = subprocess.run(
        [*npm_cli(REDOCLY), "lint", "--format=stylish", "openapi/amigo.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # The stylish format prints one line per problem, "  <line>:<col>  <severity>  <rule>  ...".
    # Warnings count too: the pinned version's recommended rules are all met today.
    problems = re.findall(r"^\s*\d+:\d+\s+(?:error|warning)\s.*$", output, flags=re.MULTILINE)
    assert problems == [], output
    assert "Your API description is valid" in output, output


def test_every_operation_has_a_rate_limit(spec: dict[str, Any]) -> None:
    for _, _, op in operations(spec):
        limit = op.get("x-rate-limit-per-minute")
        assert isinstance(limit, int) and limit > 0, op["operationId"]
        # The 429 answer states the same limit.
        too_many = resolve(spec, op["responses"]["429"])
        assert f"rate limit of {limit} requests per minute" in too_many["description"]


def test_every_operation_but_sign_in_is_an_mcp_tool(spec: dict[str, Any]) -> None:
    tools = []
    for _, method, op in operations(spec):
        if op["operationId"] == SIGN_IN:
            assert "x-mcp" not in op
            continue
        curation = op.get("x-mcp")
        assert isinstance(curation, dict), op["operationId"]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", curation["tool"]), curation["tool"]
        assert curation.get("title") and curation.get("description"), op["operationId"]
        for hint in ("read-only", "destructive", "idempotent"):
            assert isinstance(curation.get(hint, False), bool), (op["operationId"], hint)
        if method == "get":
            assert curation.get("read-only") is True, op["operationId"]
        tools.append(curation["tool"])
    assert len(tools) == len(set(tools))


def test_every_operation_is_tagged_summarised_and_described(spec: dict[str, Any]) -> None:
    declared = {tag["name"] for tag in spec["tags"]}
    for _, _, op in operations(spec):
        assert op.get("summary") and op.get("description"), op["operationId"]
        assert len(op["tags"]) == 1 and op["tags"][0] in declared, op["operationId"]


def test_every_operation_documents_the_common_answers(spec: dict[str, Any]) -> None:
    for _, _, op in operations(spec):
        common = {"401", "404", "422", "429", "503"}
        if op["operationId"] != SIGN_IN:
            common.add("403")
        success = {c for c in op["responses"] if c.startswith("2")}
        extra = set(op["responses"]) - success - common
        assert EXTRA_CODES.get(op["operationId"], set()) <= extra <= {"400", "409"}, op
        assert common <= set(op["responses"]), op["operationId"]
        for code, answer in op["responses"].items():
            answer = resolve(spec, answer)
            assert answer.get("description"), (op["operationId"], code)
            if code.startswith(("4", "5")):
                schema = answer["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (op, code)
        assert "default" not in op["responses"]


def test_common_parameters_and_headers(spec: dict[str, Any]) -> None:
    for path, _, op in operations(spec):
        params = parameters(spec, op)
        by_place = {(p["in"], p["name"]): p for p in params}
        assert len(by_place) == len(params), op["operationId"]
        assert ("path", "organization") in by_place
        assert ("header", "x-mongo-cluster-name") in by_place
        # The live reference's framework artefact stays out.
        assert all(p["name"].lower() != "sec-websocket-protocol" for p in params)
        # Path parameters are exactly the path's placeholders, and IDs are ObjectIds.
        placeholders = set(re.findall(r"{([^}]+)}", path))
        assert {n for (place, n) in by_place if place == "path"} == placeholders
        for name in placeholders - {"organization"}:
            schema = by_place[("path", name)]["schema"]
            assert schema == {"$ref": "#/components/schemas/ObjectId"}, (op["operationId"], name)
        for p in params:
            assert p.get("description"), (op["operationId"], p["name"])
            # The generator skips an endpoint with an array-typed header.
            if p["in"] == "header":
                assert "array" not in _types(resolve(spec, p["schema"])), p["name"]


def _types(schema: dict[str, Any]) -> set[str]:
    declared = schema.get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


def test_sign_in_takes_the_api_key_headers_and_no_token(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/v1/{organization}/user/signin_with_api_key"]["post"]
    assert op["security"] == []
    assert "requestBody" not in op
    headers = {p["name"]: p for p in parameters(spec, op) if p["in"] == "header"}
    for name in ("x-api-key", "x-api-key-id", "x-user-id"):
        assert headers[name]["required"] is True
    assert headers["x-mongo-cluster-name"].get("required", False) is False
    answer = resolve(spec, op["responses"]["200"])["content"]["application/json"]["schema"]
    assert set(resolve(spec, answer)["required"]) == {"id_token", "expires_at"}


def test_security_alternatives_need_only_the_bearer_token(spec: dict[str, Any]) -> None:
    # The live reference demands Bearer, X-ORG-ID and Basic at once; each requirement here is an
    # alternative, and Bearer alone is one of them.
    assert {"AmigoBearer": []} in spec["security"]
    for requirement in spec["security"]:
        assert not {"AmigoBearer", "AmigoBasic"} <= set(requirement)
    schemes = spec["components"]["securitySchemes"]
    assert schemes["AmigoBearer"] == {**schemes["AmigoBearer"], "type": "http", "scheme": "bearer"}


def test_request_bodies_are_required_json_objects(spec: dict[str, Any]) -> None:
    for _, method, op in operations(spec):
        if "requestBody" not in op:
            continue
        assert method == "post", op["operationId"]
        # An optional body makes the generated code call UNSET.to_dict().
        assert op["requestBody"]["required"] is True, op["operationId"]
        assert set(op["requestBody"]["content"]) == {"application/json"}


def test_schema_names_are_distinct_for_the_generator(spec: dict[str, Any]) -> None:
    # Duplicate keys are already refused by the loader. Class and module names are derived from
    # the schema names, so they must also differ once case and separators are dropped.
    names = list(spec["components"]["schemas"])
    folded = [re.sub(r"[^a-z0-9]", "", name.lower()) for name in names]
    assert len(folded) == len(set(folded))
    for name in names:
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), name
    # Shared titles make the generator skip endpoints ("Could not find reference").
    titles = [
        node["title"]
        for node in mappings(spec["components"]["schemas"])
        if isinstance(node.get("title"), str)
    ]
    assert len(titles) == len(set(titles))


def test_every_reference_resolves(spec: dict[str, Any]) -> None:
    for node in mappings(spec):
        if isinstance(node.get("$ref"), str):
            assert node["$ref"].startswith("#/"), node["$ref"]
            resolve(spec, node)


def test_enums_have_one_value_type(spec: dict[str, Any]) -> None:
    # The generator rejects mixed-type enums.
    for node in mappings(spec):
        if isinstance(node.get("enum"), list):
            assert len({type(value) for value in node["enum"]}) == 1, node["enum"]
            assert len(node["enum"]) == len(set(node["enum"])), node["enum"]


def test_object_ids_and_unions(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["ObjectId"]["pattern"] == "^[a-f0-9]{24}$"
    # An action always names its kind; a stored result's source may leave `type` out, its
    # default (SOURCES.md, F4 and departure 34).
    for name, combinator, tag_required in (
        ("DynamicBehaviorAction", "oneOf", True),
        ("MetricEvaluationSource", "anyOf", False),
    ):
        union = schemas[name]
        arms = [arm["$ref"] for arm in union[combinator]]
        mapping = union["discriminator"]["mapping"]
        assert sorted(mapping.values()) == sorted(arms)
        for value, ref in mapping.items():
            arm = resolve(spec, {"$ref": ref})
            assert arm["properties"]["type"]["enum"] == [value]
            assert ("type" in arm["required"]) is tag_required
            if not tag_required:
                assert arm["properties"]["type"]["default"] == value
    # Without `type`, the generated client keeps the first arm that reads: most fields first.
    sizes = [
        len(resolve(spec, arm)["required"]) for arm in schemas["MetricEvaluationSource"]["anyOf"]
    ]
    assert sizes == sorted(sizes, reverse=True)


def test_known_traps_of_the_live_reference_are_avoided(spec: dict[str, Any]) -> None:
    # Path-parameter descriptions copied from the delete call ("... to delete").
    for _, method, op in operations(spec):
        for p in parameters(spec, op):
            if p["in"] == "path" and method != "delete":
                assert "to delete" not in p["description"], (op["operationId"], p["name"])
    update = spec["components"]["schemas"]["UpdateSimulationScenarioRequest"]
    assert "persona" not in update["properties"]["tags"]["description"]
