"""The one way `$ref`s are followed (`amigo_sandbox.refs`): pointer escaping, siblings, cycles."""

from __future__ import annotations

from typing import Any

import pytest
from build_catalog import OUTPUT_KEYWORDS, _inline
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from amigo_sandbox.refs import INLINED_FROM, Document, RefError, escape, pointer, unescape
from amigo_sandbox.spec import _FORMATS, Spec, _SandboxValidator

# Keys as a document may hold them: the pointer's own `~` and `/`, percent signs, braces (path
# templates), `#`, spaces and non-ASCII text.
KEY = st.text(alphabet=st.sampled_from("ab~/%{}#?01 é"), max_size=8)


@given(KEY)
def test_escaping_is_undone_by_unescaping(key: str) -> None:
    token = escape(key)
    assert "/" not in token
    assert unescape(token) == key


@given(st.lists(st.one_of(KEY, st.integers(0, 2)), min_size=1, max_size=4), st.integers())
def test_a_pointer_leads_where_its_tokens_say(path: list[str | int], value: int) -> None:
    """Build a document with `value` at `path`; the pointer to `path` finds it, both for a reader
    (`lookup`) and for a validator resolving the same reference through the registry."""
    document: Any = {"const": value}
    for token in reversed(path):
        document = [document] * (token + 1) if isinstance(token, int) else {token: document}
    if not isinstance(document, dict):
        document = {"root": document}
        path = ["root", *path]
    doc = Document(document)
    ref = pointer(*path)
    assert doc.lookup(ref) == {"const": value}
    assert doc.resolve({"$ref": ref}) == {"const": value}
    validator = Draft202012Validator(doc.absolute(ref), registry=doc.registry)
    assert validator.is_valid(value) and not validator.is_valid(value + 1)


@given(KEY, KEY)
def test_a_pointer_under_another_continues_it(first: str, second: str) -> None:
    assert pointer(second, under=pointer(first)) == pointer(first, second)


TREE = {
    "components": {
        "schemas": {
            "Node": {
                "type": "object",
                "description": "A node of a tree.",
                "properties": {
                    "kind": {"type": "string", "enum": ["leaf", "branch"]},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                },
            },
            "Alias": {"$ref": "#/components/schemas/Node", "description": "Another name."},
            "Loop": {"$ref": "#/components/schemas/Loop"},
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"$ref": "#/components/schemas/A"},
        }
    },
    "paths": {},
}


def test_a_recursive_schema_is_reported_where_it_leads_back_into_itself() -> None:
    doc = Document(TREE)
    top = doc.follow({"$ref": "#/components/schemas/Node"})
    assert (top.ref, top.recursive) == ("#/components/schemas/Node", False)
    children = top.node["properties"]["children"]["items"]
    inner = doc.follow(children, top.within)
    assert inner.recursive and inner.node == top.node
    # Without the walk's context the same reference is just a reference.
    assert not doc.follow(children).recursive


def test_keywords_beside_a_reference_win_over_the_targets() -> None:
    followed = Document(TREE).follow({"$ref": "#/components/schemas/Alias"})
    assert followed.node["description"] == "Another name."
    assert followed.node["type"] == "object"
    assert followed.ref == "#/components/schemas/Node"


@pytest.mark.parametrize(
    ("ref", "why"),
    [
        ("#/components/schemas/Loop", "only leads back to itself"),
        ("#/components/schemas/A", "only leads back to itself"),
        ("#/components/schemas/Missing", "points nowhere"),
        ("other.yaml#/components/schemas/Node", "only references inside the document"),
    ],
)
def test_references_without_a_target_raise(ref: str, why: str) -> None:
    with pytest.raises(RefError, match=why):
        Document(TREE).resolve({"$ref": ref})


def test_the_catalog_inlines_a_recursive_schema_to_one_repetition() -> None:
    inlined = _inline(Document(TREE), {"$ref": "#/components/schemas/Node"}, OUTPUT_KEYWORDS)
    again = inlined["properties"]["children"]["items"]
    assert again == {"type": "object"}  # the repetition keeps its type, not its nesting


def test_the_sandbox_finds_enums_of_a_recursive_schema_once() -> None:
    spec = Spec(TREE)
    sites = list(spec.iter_enum_sites("#/components/schemas/Node"))
    assert sites == ["#/components/schemas/Node/properties/kind"]


# --- schemas written out for validators ----------------------------------------------------

SPEC = Spec.load()
# Every schema the sandbox validates against: parameters, request bodies, answers.
VALIDATED = sorted(
    {
        *(p.pointer for op in SPEC.operations for p in op.parameters),
        *(op.body_pointer for op in SPEC.operations if op.body_pointer),
        *(at for op in SPEC.operations for at in op.response_pointers.values() if at),
    }
)


def _refs_in(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [ref for value in node.values() for ref in _refs_in(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _refs_in(value)]
    return []


def _words(node: Any) -> set[str]:
    """Property names and string values anywhere in the spec's schemas (enum values, tags)."""
    if isinstance(node, dict):
        return set(node) | {w for value in node.values() for w in _words(value)}
    if isinstance(node, list):
        return {w for value in node for w in _words(value)}
    return {node} if isinstance(node, str) and len(node) < 40 else set()


WORDS = sorted(_words(SPEC.document["components"]))
# JSON values shaped like the spec's: its own keys and words, so validation goes deep.
INSTANCES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(WORDS) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(WORDS), inner, max_size=6)
    ),
    max_leaves=12,
)


def test_every_validated_schema_is_written_out_without_references() -> None:
    for at in VALIDATED:
        inlined = SPEC.refs.inline(at)
        assert inlined is not None and _refs_in(inlined) == [], at


def test_a_recursive_schema_is_not_written_out_and_still_validates() -> None:
    spec = Spec(TREE)
    assert spec.refs.inline("#/components/schemas/Node") is None
    validator = spec.validator("#/components/schemas/Node")
    good: dict[str, Any] = {"kind": "branch", "children": [{"kind": "leaf", "children": []}]}
    assert validator.is_valid(good)
    assert not validator.is_valid({"children": [{"kind": "twig"}]})


def test_keywords_beside_a_reference_still_apply_once_written_out() -> None:
    doc = Document({"A": {"type": "string"}, "B": {"$ref": "#/A", "maxLength": 2}})
    inlined = doc.inline("#/B")
    assert inlined == {
        "allOf": [{"type": "string", INLINED_FROM: "#/A"}],
        "maxLength": 2,
        INLINED_FROM: "#/B",
    }
    validator = Draft202012Validator(inlined)
    assert validator.is_valid("ab") and not validator.is_valid("abc") and not validator.is_valid(1)


@given(st.sampled_from(VALIDATED), INSTANCES)
def test_written_out_schemas_give_the_same_verdicts_as_followed_references(
    at: str, instance: Any
) -> None:
    """The sandbox's validators (written-out schemas) and validators that follow every `$ref`
    through the registry report the same errors at the same places."""

    def errors(validator: Any) -> list[tuple[str, list[Any]]]:
        found = validator.iter_errors(instance)
        return sorted((e.message, list(e.absolute_path)) for e in found)

    following = _SandboxValidator(
        SPEC.refs.absolute(at), registry=SPEC.refs.registry, format_checker=_FORMATS
    )
    assert errors(SPEC.validator(at)) == errors(following)
