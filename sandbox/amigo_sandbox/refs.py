"""`$ref`s inside one OpenAPI document, followed one way.

Every reader of the spec resolves references here: the sandbox, the generators and checks in
`scripts/`, and the tests. Resolution is the `referencing` library's (the one `jsonschema`
validates with), so a reference means the same thing to a validator and to a reader:

- a local reference is a URI fragment holding a JSON pointer (RFC 6901): `~1` is `/`, `~0` is
  `~`, and the fragment is percent-decoded first (`pointer()` writes them that way);
- the keywords written beside a `$ref` (OpenAPI 3.1) win over the target's;
- one guard against cycles: `follow` is told which references are being expanded above it
  (`within`) and says when a schema leads back into one (`recursive`), so a walker stops there;
  a chain of references that only leads to itself has no target and raises `RefError`.

`inline` writes a schema out with every reference replaced by its target, for validators: one
built on it looks nothing up while it validates, so it is faster than one that follows `$ref`s
through the registry, with the same verdicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

#: The URI a document is registered under, so its local `$ref`s resolve against it.
DOCUMENT_URI = "urn:amigo-mcp:openapi"

#: Characters a pointer keeps as they are in a URI fragment (the rest is percent-encoded).
_FRAGMENT_SAFE = "/~-_.!$&'()*+,;=:@"


#: Beside each target `inline` wrote in place of a reference: that reference. Validators ignore
#: the keyword; an OpenAPI discriminator's mapping names the arms of its union by reference.
INLINED_FROM = "x-inlined-from"

# Where JSON Schema 2020-12 keywords hold schemas: maps of them, lists of them, or one.
_SCHEMA_MAPS = frozenset(("properties", "patternProperties", "$defs", "dependentSchemas"))
_SCHEMA_LISTS = frozenset(("allOf", "anyOf", "oneOf", "prefixItems"))
_SCHEMAS = frozenset(
    (
        "items",
        "additionalProperties",
        "propertyNames",
        "contains",
        "not",
        "if",
        "then",
        "else",
        "unevaluatedItems",
        "unevaluatedProperties",
    )
)


class RefError(ValueError):
    """A `$ref` that cannot be followed: not local, pointing nowhere, or only to itself."""


def escape(token: str) -> str:
    """One reference token of a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """The key a reference token names: the inverse of `escape`."""
    return token.replace("~1", "/").replace("~0", "~")


def pointer(*tokens: str | int, under: str = "#") -> str:
    """A local reference (`#/...`) to the place the keys and indexes `tokens` lead to, from the
    document's root or from the place the reference `under` names."""
    path = "".join("/" + escape(str(token)) for token in tokens)
    return under + quote(path, safe=_FRAGMENT_SAFE)


@dataclass(frozen=True)
class Followed:
    """Where `Document.follow` led."""

    node: Any  # the target, with the sibling keywords of the references on the way
    ref: str | None  # the last reference followed; None when the node was not a reference
    within: frozenset[str]  # the references being expanded, those just followed included
    recursive: bool  # a reference on the way was already being expanded (a recursive schema)


class _Recursive(Exception):
    """A schema that leads back into itself cannot be written out."""


class Document:
    """An OpenAPI document whose local `$ref`s can be followed. The document must not change
    while it is read this way: each reference's target is looked up once and remembered."""

    def __init__(self, contents: Mapping[str, Any], uri: str = DOCUMENT_URI) -> None:
        self.contents = contents
        self.uri = uri
        self.registry: Registry[Any] = Registry().with_resource(
            uri, DRAFT202012.create_resource(contents)
        )
        self._resolver = self.registry.resolver(base_uri=uri)
        self._targets: dict[str, Any] = {}

    def lookup(self, ref: str) -> Any:
        """What the local reference `ref` (`#/...`) points to."""
        if ref in self._targets:
            return self._targets[ref]
        if not ref.startswith("#"):
            raise RefError(f"only references inside the document are supported, got {ref!r}")
        try:
            target = self._resolver.lookup(ref).contents
        except Unresolvable:
            raise RefError(f"{ref} points nowhere in the document") from None
        self._targets[ref] = target
        return target

    def follow(self, node: Any, within: frozenset[str] = frozenset()) -> Followed:
        """Follow `$ref`s at the top of `node` until it is not a reference."""
        ref = None
        chain: list[str] = []
        recursive = False
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = str(node["$ref"])
            if ref in chain:
                raise RefError(f"{ref} only leads back to itself ({' -> '.join(chain)})")
            recursive = recursive or ref in within
            chain.append(ref)
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            target = self.lookup(ref)
            node = {**target, **siblings} if siblings and isinstance(target, Mapping) else target
        return Followed(node, ref, within.union(chain), recursive)

    def resolve(self, node: Any) -> Any:
        """`node` with the `$ref`s at its top followed."""
        return self.follow(node).node

    def absolute(self, ref: str) -> dict[str, str]:
        """A schema that is the local reference `ref`, for a validator built on `registry`."""
        if not ref.startswith("#"):
            raise RefError(f"only references inside the document are supported, got {ref!r}")
        return {"$ref": self.uri + "#" + quote(ref[1:], safe=_FRAGMENT_SAFE + "%")}

    def inline(self, ref: str) -> Any | None:
        """The schema the local reference `ref` names, with every `$ref` inside it replaced by
        its target (marked `INLINED_FROM`; keywords beside a reference apply too, as `allOf`
        does). None for a recursive schema: a validator follows its references instead."""
        try:
            return self._inline({"$ref": ref}, frozenset())
        except _Recursive:
            return None

    def _inline(self, schema: Any, within: frozenset[str]) -> Any:
        if not isinstance(schema, Mapping):
            return schema  # true / false
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if ref in within:
                raise _Recursive(ref)
            target = self._inline(self.lookup(ref), within | {ref})
            if isinstance(target, Mapping):
                target = {**target, INLINED_FROM: ref}
            siblings = {key: value for key, value in schema.items() if key != "$ref"}
            if not siblings:
                return target
            return {"allOf": [target], **self._inline(siblings, within)}
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _SCHEMA_MAPS and isinstance(value, Mapping):
                out[key] = {name: self._inline(sub, within) for name, sub in value.items()}
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                out[key] = [self._inline(sub, within) for sub in value]
            elif key in _SCHEMAS:
                out[key] = self._inline(value, within)
            else:
                out[key] = value
        return out
