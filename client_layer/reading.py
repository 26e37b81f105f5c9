"""Reading answers tolerantly: what Amigo adds is kept and reported, never a failed read.

The generated models and operation modules call into this module (the templates in
`openapi/templates/` write the calls):

- an enum value the API description does not list becomes a member of the enum class that
  holds the plain string (`value == "new-kind"`, `.value` is the string, `to_dict()` writes it
  back), made by `unknown_member` from the enum's `_missing_`. Inside a `oneOf`, the arms are
  first tried with unknown values refused (`strict_enums`), so a known value always picks its own
  arm; only when no arm matches exactly is the first arm that reads with an unknown value taken;
- a field the API description does not list stays in the model's `additional_properties`
  (`model["new_field"]`);
- both are reported by `report_drift` as one `UnknownValueWarning` per operation and field path.
  Reading tells `met_unknown` when it makes such a member or keeps such a field, and the report
  walks the model only then: an answer with nothing new costs it nothing;
- whatever still cannot be read raises `ResponseParseError`, which names the field path and the
  value and has the original exception as its `__cause__`.

Why `warnings` rather than logging: the condition is one the application may act on (update the
client, handle the new value), which is what Python's warnings are for. The warnings machinery
shows a given message once per process by default (the message names the operation and the
field, not the value), and the application chooses: `ignore`, `always`, or `error` in a test
suite that must notice any drift (`-W error::amigo_client.UnknownValueWarning`).
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Mapping
from contextvars import ContextVar
from enum import Enum, StrEnum
from typing import Any, TypeVar

__all__ = [
    "ResponseParseError",
    "UnknownValueWarning",
    "field_error",
    "met_unknown",
    "parse_error",
    "report_drift",
    "strict_enums",
    "unknown_member",
]

E = TypeVar("E", bound=StrEnum)

_STRICT: ContextVar[bool] = ContextVar("amigo_client_strict_enums", default=False)
# Whether reading (in this thread or task) has met an unknown enum value or a new field since
# the last report: set by `met_unknown`, cleared by `report_drift`. Left set by a read that is
# not reported (an error body, a read that failed), it only makes the next report look.
_MET_UNKNOWN: ContextVar[bool] = ContextVar("amigo_client_met_unknown", default=False)
_MISSING = object()
#: Values shown in an error message are cut to this many characters.
VALUE_CHARS = 80
#: A field whose name holds one of these never shows its value.
SECRET_WORDS = ("token", "secret", "key", "password")


class UnknownValueWarning(UserWarning):
    """An answer held a value or field the API description does not list; it was kept.

    `operation` is the operation's name, `path` the field (list items as `[]`, map entries as
    `*`), `kind` either "enum value" or "field"."""

    def __init__(self, operation: str, path: str, kind: str) -> None:
        super().__init__(
            f"{operation}: {path}: {kind} not in the API description; kept as received"
        )
        self.operation = operation
        self.path = path
        self.kind = kind


class ResponseParseError(ValueError):
    """A field of an answer could not be read. `path` lists the wire names from the body down
    (`[]` after a list), `value` is what the field held (`MISSING` when it was absent); the
    original exception is the `__cause__`."""

    def __init__(self, path: list[str], value: Any) -> None:
        super().__init__()
        self.path = path
        self.value = value

    @property
    def field(self) -> str:
        return _join(self.path) or "(the body)"

    def __str__(self) -> str:
        cause = self.__cause__
        reason = f" ({type(cause).__name__}: {cause})" if cause is not None else ""
        if self.value is _MISSING:
            return f"{self.field}: required but missing{reason}"
        return f"{self.field}: could not read {_shown(self.path, self.value)}{reason}"


def _join(path: list[str]) -> str:
    return ".".join(path).replace(".[]", "[]")


def _shown(path: list[str], value: Any) -> str:
    last = path[-1].lower() if path else ""
    if any(word in last for word in SECRET_WORDS):
        return "its value (not shown)"
    shown = repr(value)
    if len(shown) > VALUE_CHARS:
        shown = shown[: VALUE_CHARS - 3] + "..."
    return f"the value {shown}"


def field_error(error: Exception, name: str, source: Mapping[str, Any]) -> ResponseParseError:
    """`error`, raised while reading the field `name` of `source`, as a `ResponseParseError`
    whose path starts at `name` (an error already naming an inner field gains `name` in front)."""
    if isinstance(error, ResponseParseError):
        error.path.insert(0, name)
        return error
    key = name.removesuffix("[]")
    wrapped = ResponseParseError([name], source.get(key, _MISSING))
    wrapped.__cause__ = error
    return wrapped


def parse_error(error: Exception, content: bytes) -> ResponseParseError:
    """Any failure to read an answer as a `ResponseParseError` (the body itself when no field
    is named: not JSON, or not an object)."""
    if isinstance(error, ResponseParseError):
        return error
    wrapped = ResponseParseError([], content.decode("utf-8", "replace"))
    wrapped.__cause__ = error
    return wrapped


def unknown_member(enum: type[E], value: object) -> E | None:
    """For an enum's `_missing_`: a member holding a string value the enum does not list
    (None, the enum's own error, for anything else or while `strict_enums` is on)."""
    if not isinstance(value, str) or _STRICT.get():
        return None
    member = str.__new__(enum, value)
    member._name_ = value
    member._value_ = value
    met_unknown()
    return member


def met_unknown() -> None:
    """Reading made an enum member the API description does not list, or kept a field it does
    not list (the generated `from_dict` calls this): the next `report_drift` looks."""
    _MET_UNKNOWN.set(True)


def is_unknown(member: Enum) -> bool:
    """Whether `member` was made by `unknown_member` (not one the enum lists)."""
    return type(member)._value2member_map_.get(member._value_) is not member


class strict_enums:
    """Refuse unknown enum values inside the block (to try the arms of a `oneOf` exactly). A
    class rather than a generator: it runs for every `oneOf` value of every answer."""

    def __enter__(self) -> None:
        self._token = _STRICT.set(True)

    def __exit__(self, *exc_info: object) -> None:
        _STRICT.reset(self._token)


#: Values that never hold anything the API description could be missing.
_PLAIN = frozenset({str, int, float, bool, type(None), datetime.datetime, datetime.date})


def _drift(value: Any, path: str, found: dict[tuple[str, str], None]) -> None:
    """Add to `found` the (path, kind) of each unknown enum value and new field in `value`."""
    if isinstance(value, Enum):
        if is_unknown(value):
            found[path, "enum value"] = None
        return
    if isinstance(value, list):
        item_path = f"{path}[]"
        for item in value:
            if type(item) not in _PLAIN:
                _drift(item, item_path, found)
        return
    # The fields read into an enum or a model: the others hold JSON as received.
    typed_fields: dict[str, str] | None = getattr(type(value), "_typed_fields", None)
    if typed_fields is None:
        return
    prefix = f"{path}." if path else ""
    for python_name, wire_name in typed_fields.items():
        child = getattr(value, python_name)
        if type(child) not in _PLAIN:
            _drift(child, prefix + wire_name, found)
    extra: dict[str, Any] = getattr(value, "additional_properties", {})
    if getattr(type(value), "_extra_fields_are_new", False):
        for name in extra:
            found[prefix + name, "field"] = None
    else:
        for item in extra.values():
            if type(item) not in _PLAIN:
                _drift(item, prefix + "*", found)


def report_drift(operation: str, parsed: Any) -> None:
    """Warn once per field of `parsed` (a model read from an answer of `operation`) that holds
    an enum value or a field the API description does not list."""
    if not _MET_UNKNOWN.get():
        return  # reading met nothing unknown since the last report: there is nothing to find
    _MET_UNKNOWN.set(False)
    found: dict[tuple[str, str], None] = {}  # in the order met, each once
    _drift(parsed, "", found)
    for path, kind in found:
        warnings.warn(UnknownValueWarning(operation, path, kind), stacklevel=1)
