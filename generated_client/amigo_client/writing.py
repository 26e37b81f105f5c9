"""Writing requests strictly: a body given as a plain dict is read into its model first.

Each method that takes a body model also takes a dict of the model's JSON shape (typed by the
TypedDicts of `amigo_client.bodies`, so mypy checks its keys). `request_body` reads it into the
model, refusing what the API description does not list (a field, an enum value) and what cannot
be read (a required field missing, a wrong shape), naming the field: `RequestBodyError`, raised
before anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, Self, TypeVar

from .exceptions import RequestBodyError
from .reading import _drift, parse_error, strict_enums

__all__ = ["request_body"]


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


def request_body(model: type[M], body: M | Mapping[str, Any], operation: str) -> M:
    """`body` as a `model`: a model as it is, a dict read into one."""
    if isinstance(body, model):
        return body
    if not isinstance(body, Mapping):
        raise RequestBodyError(
            f"{operation}: the body must be a {model.__name__} or a dict, "
            f"not {type(body).__name__}",
            field="(the body)",
        )
    try:
        with strict_enums():  # an enum value the API does not list is refused, not kept
            value = model.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        problem = parse_error(error, b"")
        raise RequestBodyError(
            f"{operation}: body: {problem}", field=problem.field
        ) from problem.__cause__
    found: dict[tuple[str, str], None] = {}
    _drift(value, "", found)
    if found:
        path, kind = next(iter(found))
        raise RequestBodyError(
            f"{operation}: body: {path}: {kind} not in the API description", field=path
        )
    return value
