"""Prepare an OpenAPI document for the client generator and for comparison.

The preparation is configuration (``openapi/normalize.yaml``), never a hand edit of the document:
header parameters the server framework adds to every operation are dropped, and titles that two
component schemas share are renamed or dropped, so that openapi-python-client generates every
endpoint of a real document with ``--fail-on-warning``. Used by ``scripts/regenerate`` and
``scripts/api_changes.py``; see ``openapi/CHANGES.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amigo_sandbox.refs import Document
from amigo_sandbox.spec import copy_document, load_yaml

REPO = Path(__file__).resolve().parent.parent
NORMALIZE_CONFIG = REPO / "openapi" / "normalize.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class SpecError(Exception):
    """A document the scripts read (the spec, openapi/normalize.yaml, a document to compare)
    cannot be used, or the outputs cannot be made from it; the message says which and why. The
    one error of the developer scripts (regenerate, build_catalog, build_tools_doc,
    api_changes), each of which prints it on one line and exits non-zero."""


@dataclass(frozen=True)
class Normalization:
    """What to change in a document before it is generated from or compared."""

    drop_header_parameters: frozenset[str] = frozenset()  # lower-cased names
    drop_shared_titles: bool = False
    rename_titles: Mapping[str, str] = field(default_factory=dict)  # component key -> title

    @classmethod
    def load(cls, path: Path = NORMALIZE_CONFIG) -> Normalization:
        raw = load_yaml(path) or {}
        if not isinstance(raw, dict):
            raise SpecError(f"{path}: expected a mapping")
        unknown = set(raw) - {"drop-header-parameters", "drop-shared-titles", "rename-titles"}
        if unknown:
            raise SpecError(f"{path}: unknown entries {sorted(unknown)}")
        headers = raw.get("drop-header-parameters") or []
        renames = raw.get("rename-titles") or {}
        if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
            raise SpecError(f"{path}: drop-header-parameters must be a list of names")
        if not isinstance(renames, dict):
            raise SpecError(f"{path}: rename-titles must map component keys to titles")
        return cls(
            drop_header_parameters=frozenset(h.lower() for h in headers),
            drop_shared_titles=bool(raw.get("drop-shared-titles", False)),
            rename_titles={str(k): str(v) for k, v in renames.items()},
        )


def operations(document: Mapping[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """``(path, method, operation)`` for every operation of the document, in document order."""
    found = []
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                found.append((str(path), method, operation))
    return found


def _drop_headers(parameters: list[Any], doc: Document, names: frozenset[str]) -> list[Any]:
    kept = []
    for raw in parameters:
        parameter = doc.resolve(raw)
        if (
            isinstance(parameter, dict)
            and parameter.get("in") == "header"
            and str(parameter.get("name", "")).lower() in names
        ):
            continue
        kept.append(raw)
    return kept


def normalize(document: Mapping[str, Any], normalization: Normalization) -> dict[str, Any]:
    """A normalized copy of `document`; the document itself is not changed."""
    result: dict[str, Any] = copy_document(dict(document))
    doc = Document(document)
    if normalization.drop_header_parameters:
        for item in (result.get("paths") or {}).values():
            if not isinstance(item, dict):
                continue
            holders = [item, *(item[m] for m in HTTP_METHODS if isinstance(item.get(m), dict))]
            for holder in holders:
                if isinstance(holder.get("parameters"), list):
                    holder["parameters"] = _drop_headers(
                        holder["parameters"], doc, normalization.drop_header_parameters
                    )
    schemas = (result.get("components") or {}).get("schemas") or {}
    for key, title in normalization.rename_titles.items():
        if key not in schemas:
            raise SpecError(f"rename-titles: no component schema {key!r}")
        schemas[key]["title"] = title
    if normalization.drop_shared_titles:
        titles = Counter(
            schema["title"]
            for schema in schemas.values()
            if isinstance(schema, dict) and isinstance(schema.get("title"), str)
        )
        for schema in schemas.values():
            if isinstance(schema, dict) and titles.get(schema.get("title"), 0) > 1:
                del schema["title"]
    return result
