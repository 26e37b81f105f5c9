"""The request-body examples of the seed documents fit the spec and the generated models.

Each body is validated against the operation's request schema (JSON Schema 2020-12, with the
spec's `$ref`s resolved inside the spec) and round-tripped through the generated model:
``Model.from_dict(body).to_dict() == body``. The examples live in
``tests/data/seed_request_bodies.json`` (verbatim seed text plus the live-API adaptation).
"""

from __future__ import annotations

import copy
import functools
import json
import string
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import amigo_client.models
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from amigo_sandbox.refs import Document, pointer
from amigo_sandbox.spec import load_yaml

REPO = Path(__file__).resolve().parent.parent
SPEC_PATH = REPO / "openapi" / "amigo.yaml"
EXAMPLES = json.loads(
    (Path(__file__).parent / "data" / "seed_request_bodies.json").read_text(encoding="utf-8")
)

SPEC: dict[str, Any] = load_yaml(SPEC_PATH)
DOC = Document(SPEC)


def operation(operation_id: str) -> dict[str, Any]:
    for item in SPEC["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise LookupError(operation_id)


def request_schema_name(operation_id: str) -> str:
    ref = operation(operation_id)["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return str(ref.removeprefix("#/components/schemas/"))


@functools.cache
def validator(schema_name: str) -> Draft202012Validator:
    return Draft202012Validator(
        DOC.absolute(pointer("components", "schemas", schema_name)),
        registry=DOC.registry,
        format_checker=FormatChecker(),
    )


def errors(operation_id: str, body: Any) -> list[str]:
    found = validator(request_schema_name(operation_id)).iter_errors(body)
    return [f"{list(e.absolute_path)}: {e.message}" for e in found]


def round_trip(operation_id: str, body: dict[str, Any]) -> dict[str, Any]:
    model = getattr(amigo_client.models, request_schema_name(operation_id))
    result: dict[str, Any] = model.from_dict(copy.deepcopy(body)).to_dict()
    return result


SEEDS = EXAMPLES["seed_examples"]
DERIVED = EXAMPLES["derived"]


def test_the_seed_examples_are_all_here() -> None:
    # The four request-body examples the seed documents show.
    assert [e["operationId"] for e in SEEDS] == [
        "create-dynamic-behavior-set",
        "update-dynamic-behavior-set",
        "create-dynamic-behavior-set-version",
        "create-simulation-scenario",
    ]


@pytest.mark.parametrize("example", SEEDS, ids=[e["operationId"] for e in SEEDS])
def test_adapted_seed_example_validates_against_the_spec(example: dict[str, Any]) -> None:
    assert errors(example["operationId"], example["adapted"]) == []


@pytest.mark.parametrize("example", SEEDS, ids=[e["operationId"] for e in SEEDS])
def test_adapted_seed_example_round_trips_through_the_model(example: dict[str, Any]) -> None:
    assert round_trip(example["operationId"], example["adapted"]) == example["adapted"]


@pytest.mark.parametrize("example", SEEDS, ids=[e["operationId"] for e in SEEDS])
def test_each_adaptation_is_needed(example: dict[str, Any]) -> None:
    """A seed body that was adapted is rejected as printed; one that was not, is accepted."""
    problems = errors(example["operationId"], example["original"])
    if example["adaptations"]:
        assert problems, "the verbatim seed body already fits the spec; drop the adaptation"
    else:
        assert problems == []
        assert example["original"] == example["adapted"]


@pytest.mark.parametrize(
    "example", DERIVED, ids=[f"{e['operationId']}-{i}" for i, e in enumerate(DERIVED)]
)
def test_derived_example_validates_and_round_trips(example: dict[str, Any]) -> None:
    assert errors(example["operationId"], example["body"]) == []
    assert round_trip(example["operationId"], example["body"]) == example["body"]


def test_every_request_body_has_an_example() -> None:
    with_body = {
        op["operationId"]
        for item in SPEC["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "requestBody" in op
    }
    covered = {e["operationId"] for e in SEEDS + DERIVED}
    assert with_body == covered


def test_the_spec_rejects_what_the_api_rejects() -> None:
    # Spot checks that the schemas carry the documented constraints.
    create = copy.deepcopy(SEEDS[0]["adapted"])
    create["applied_to_services"] = ["not-an-id"]
    assert errors("create-dynamic-behavior-set", create)
    create = copy.deepcopy(SEEDS[0]["adapted"])
    create["initial_version"]["conversation_triggers"] = []
    assert errors("create-dynamic-behavior-set", create)
    create = copy.deepcopy(SEEDS[0]["adapted"])
    create["tags"] = {"bad-key!": "x"}
    assert errors("create-dynamic-behavior-set", create)
    evaluate = {"metric_ids": ["64b7f0c2a1d3e4f5a6b7c8db"] * 2, "conversation_id": "0" * 24}
    assert errors("evaluate-metrics", evaluate)  # uniqueItems
    version = copy.deepcopy(DERIVED[0]["body"])
    version["actions"][1]["tool_call_specs"][0]["audio_filler_triggered_after"] = 0
    assert errors("create-dynamic-behavior-set-version", version)
    version["actions"][1]["tool_call_specs"][0]["audio_filler_triggered_after"] = 10
    assert errors("create-dynamic-behavior-set-version", version) == []


# Property-based: bodies built from the documented constraints validate and round-trip.

# Character sets as `text` alphabets: one string per draw, where a regex draws char by char.
object_ids = st.text(alphabet="0123456789abcdef", min_size=24, max_size=24)
words = st.text(min_size=1, max_size=20)
tag_text = st.text(alphabet=string.ascii_letters + string.digits + "_ ", min_size=1, max_size=12)
tags = st.dictionaries(tag_text, st.none() | tag_text, max_size=4)
triggers = st.lists(words, min_size=1, max_size=50)
inject = st.fixed_dictionaries(
    {
        "type": st.just("inject-instruction"),
        "instruction": words,
        "overrides_instructions": st.booleans(),
    }
)
tool_call_spec = st.fixed_dictionaries(
    {
        "tool_id": object_ids,
        "version_constraint": st.sampled_from(["", ">=1.0", "==2.*", ">=1,<3"]),
        "additional_instruction": words,
        "audio_fillers": st.lists(words, max_size=5),
        "audio_filler_triggered_after": st.floats(
            min_value=0, max_value=10, exclude_min=True, allow_nan=False
        ),
        "result_persistence": st.sampled_from(["ephemeral", "persisted-preferred", "persisted"]),
        "tool_name": words,
    }
)
change_tools = st.fixed_dictionaries(
    {
        "type": st.just("change-tool-candidates"),
        "overrides_existing_tool_call_specs": st.booleans(),
        "tool_call_specs": st.lists(tool_call_spec, max_size=3),
    }
)
actions = st.lists(inject | change_tools, max_size=4)
instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(datetime.isoformat)
scenario_version = st.fixed_dictionaries(
    {
        "objective": st.text(min_size=1, max_size=40),
        "instructions": st.text(min_size=1, max_size=40),
        "initial_message_type": st.sampled_from(["user-message", "external-event", "skip"]),
        "conversation_starts_at": st.none() | instants,
    }
)


def optional(entries: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=entries)


BODIES: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "create-dynamic-behavior-set": st.fixed_dictionaries(
        {
            "name": words,
            "tags": tags,
            "applied_to_services": st.lists(object_ids, max_size=3),
            "initial_version": st.fixed_dictionaries(
                {"is_active": st.booleans(), "conversation_triggers": triggers, "actions": actions}
            ),
        }
    ),
    "update-dynamic-behavior-set": optional(
        {
            "name": st.none() | words,
            "tags": st.none() | tags,
            "applied_to_services": st.none() | st.lists(object_ids, max_size=3),
            "is_active": st.none() | st.booleans(),
        }
    ),
    "create-dynamic-behavior-set-version": st.fixed_dictionaries(
        {"conversation_triggers": triggers, "actions": actions}
    ),
    "evaluate-metrics": st.fixed_dictionaries(
        {
            "metric_ids": st.lists(object_ids, min_size=1, max_size=10, unique=True),
            "conversation_id": object_ids,
        },
        optional={"evaluate_to_interaction_id": st.none() | object_ids},
    ),
    "create-simulation-scenario": st.fixed_dictionaries(
        {"name": words, "tags": tags, "initial_version": scenario_version}
    ),
    "update-simulation-scenario": optional({"tags": st.none() | tags}),
    "create-simulation-scenario-version": scenario_version,
}


def test_every_request_body_has_a_strategy() -> None:
    assert set(BODIES) == {e["operationId"] for e in SEEDS + DERIVED}


@pytest.mark.parametrize("operation_id", sorted(BODIES))
def test_generated_bodies_validate_and_round_trip(operation_id: str) -> None:
    @settings(max_examples=40)
    @given(BODIES[operation_id])
    def check(body: dict[str, Any]) -> None:
        assert errors(operation_id, body) == []
        assert round_trip(operation_id, body) == body

    check()
