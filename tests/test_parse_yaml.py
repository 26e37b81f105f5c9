"""`parse_yaml` reads a JSON document with `json` and anything else with libyaml: the same
mapping either way, and YAML's errors for what is neither."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from amigo_sandbox.spec import parse_yaml

# JSON values whose JSON text YAML 1.1 reads alike, written as UTF-8. (YAML reads `1e5` as a
# string and an escaped surrogate pair as two characters; JSON's readings, checked below, are
# the right ones for a JSON document.)
# Characters YAML allows unescaped (no control characters, surrogates or non-characters).
TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn")))
SCALARS = st.none() | st.booleans() | st.integers() | TEXT
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=100, derandomize=True)
@given(document=st.dictionaries(TEXT, VALUES, max_size=5), indent=st.sampled_from([None, 1]))
def test_a_json_document_reads_as_yaml_reads_it(document: dict[str, Any], indent: int) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    assert parse_yaml(text) == yaml.safe_load(text) == document
    assert parse_yaml("\n  " + text) == document


def test_json_numbers_and_escapes_read_as_json_reads_them() -> None:
    assert parse_yaml('{"limit": 1e5}') == {"limit": 100000.0}
    assert parse_yaml(json.dumps({"emoji": "\U0001f600"})) == {"emoji": "\U0001f600"}


def test_a_yaml_flow_mapping_and_block_yaml_are_yaml() -> None:
    assert parse_yaml("{a: 1, b: [x, y]}") == {"a": 1, "b": ["x", "y"]}
    assert parse_yaml("a: 1\nb:\n  - x\n") == {"a": 1, "b": ["x"]}


def test_what_is_neither_fails_as_yaml() -> None:
    with pytest.raises(yaml.YAMLError):
        parse_yaml('{"a": 1,, }')
