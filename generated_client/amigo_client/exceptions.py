"""The errors the Amigo client raises, in the style of httpx and of Amigo's own SDK.

    AmigoError
    ├── ConfigurationError            a setting is missing or malformed (nothing was sent)
    ├── ClientClosedError             a call on a client that was closed (nothing was sent)
    ├── RequestBodyError              a body given as a dict does not fit its model (nothing sent)
    ├── APIConnectionError            no answer: the connection failed or broke
    │   └── APITimeoutError           no answer in time (the request timeout or the retry budget)
    ├── APIResponseValidationError    a success answer whose body does not match the API description
    └── APIStatusError                an HTTP error answer; one class per status the API documents
        ├── BadRequestError (400)         ├── ConflictError (409)
        ├── AuthenticationError (401)     ├── UnprocessableEntityError (422)
        ├── PermissionDeniedError (403)   ├── RateLimitError (429)
        ├── NotFoundError (404)           └── ServiceUnavailableError (503)
        (any other status: APIStatusError itself)

Messages and reprs carry the operation, the status and Amigo's own detail, never a key or token.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the models load with the first answer read, not with this module
    from .models import ErrorBody, ValidationErrorItem
    from .types import Response

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AmigoError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestBodyError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
    "detail_text",
    "error_body",
    "field_path",
    "field_problems",
    "status_error",
]


class AmigoError(Exception):
    """Base of every error this library raises."""


class ConfigurationError(AmigoError, ValueError):
    """A setting is missing or malformed; the message names it and says how to fix it."""


class ClientClosedError(AmigoError):
    """A call on a client that was closed (`close()`, `aclose()` or the end of its `with`
    block), or whose own httpx client (`http_client=`) was closed; nothing was sent. Make a new
    client."""


class RequestBodyError(AmigoError, TypeError):
    """A body given as a dict does not fit the operation's model: a required field is missing,
    a field or an enum value is not in the API description, or a value cannot be read. `field`
    names the field (wire names, `[]` after a list); nothing was sent."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


class APIConnectionError(AmigoError):
    """No answer from Amigo. `request_sent` is False when the request provably never left (so
    repeating it cannot apply a write twice); `attempts` counts the tries made."""

    def __init__(self, message: str, *, request_sent: bool, attempts: int = 1) -> None:
        super().__init__(message)
        self.request_sent = request_sent
        self.attempts = attempts


class APITimeoutError(APIConnectionError):
    """No answer within the request timeout, or the call's retry budget ran out."""


class APIResponseValidationError(AmigoError):
    """Amigo answered with success, but the body cannot be read as the API description this
    client was generated from says (a required field missing, a value of the wrong type; a new
    enum value or field is kept, not an error). `field` is the path of the field that could not
    be read (wire names, `[]` after a list) and the `__cause__` says why; `content` holds the
    raw body."""

    def __init__(
        self, message: str, *, status_code: int, content: bytes, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.content = content
        self.field = field


class APIStatusError(AmigoError):
    """Amigo answered with an HTTP error status.

    `detail` is Amigo's message (a string, or for 422 the invalid fields as
    `ValidationErrorItem` models);
    `error_code` and `request_id` are given when Amigo sends them (quote the request ID to
    Amigo support); `retry_after` is the number of seconds Amigo asked to wait, when it did.
    """

    status_code: int = 0

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        detail: str | list[ValidationErrorItem] | None = None,
        error_code: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.detail = detail
        self.error_code = error_code
        self.request_id = request_id
        self.retry_after = retry_after
        self.attempts = attempts


class BadRequestError(APIStatusError):
    status_code = 400


class AuthenticationError(APIStatusError):
    status_code = 401


class PermissionDeniedError(APIStatusError):
    status_code = 403


class NotFoundError(APIStatusError):
    status_code = 404


class ConflictError(APIStatusError):
    status_code = 409


class UnprocessableEntityError(APIStatusError):
    status_code = 422


class RateLimitError(APIStatusError):
    status_code = 429


class ServiceUnavailableError(APIStatusError):
    status_code = 503


STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    cls.status_code: cls
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        UnprocessableEntityError,
        RateLimitError,
        ServiceUnavailableError,
    )
}


def field_path(loc: Any, *, api_location: bool = True) -> str:
    """`["body", "initial_version", "actions", 0, "type"]` -> `initial_version.actions[0].type`.

    With `api_location` (an API error's `loc`), a leading body/query/path/header is where the
    field was sent and is dropped; a path into arguments has no such prefix.
    """
    parts = list(loc) if isinstance(loc, list | tuple) else []
    if api_location and parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(request)"


def field_problems(detail: list[ValidationErrorItem]) -> list[str]:
    """`field: problem` for each invalid field of a 422 detail."""
    return [f"{field_path(item.loc)}: {item.msg}" for item in detail]


def detail_text(detail: str | list[ValidationErrorItem] | None) -> str:
    """Amigo's detail on one line: the message, or `field: problem; ...` for invalid fields."""
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        return "; ".join(field_problems(detail))
    return ""


def error_body(response: Response[Any]) -> ErrorBody | None:
    """An error answer's body as the generated `ErrorBody`: the one the operation parsed, or for
    a status the operation does not document (a proxy's 502) the body read as one. None when the
    body is not an error body (not JSON, another shape)."""
    from .models.error_body import ErrorBody

    if isinstance(response.parsed, ErrorBody):
        return response.parsed
    try:
        return ErrorBody.from_dict(json.loads(response.content))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _detail(body: ErrorBody | None) -> str | list[ValidationErrorItem] | None:
    """The body's detail; a list whose items are not all validation items (the generated model
    then keeps the raw list) counts as no detail."""
    from .models.validation_error_item import ValidationErrorItem

    if body is None:
        return None
    if isinstance(body.detail, str):
        return body.detail
    if isinstance(body.detail, list) and all(
        isinstance(item, ValidationErrorItem) for item in body.detail
    ):
        return body.detail
    return None


def status_error(
    operation: str,
    response: Response[Any],
    retry_after: float | None = None,
    *,
    attempts: int = 1,
) -> APIStatusError:
    """The exception for an HTTP error answer, built from its status and its `ErrorBody`."""
    status = int(response.status_code)
    body = error_body(response)
    detail = _detail(body)
    error_code = body.error_code if body is not None else None
    error_code = error_code if isinstance(error_code, str) else None
    request_id = body.request_id if body is not None else None
    request_id = request_id if isinstance(request_id, str) else None
    request_id = request_id or response.headers.get("x-request-id")
    text = detail_text(detail)
    message = f"{operation}: HTTP {status}" + (f": {text}" if text else "")
    if retry_after is not None:
        message += f" (retry after {retry_after:.0f} s)"
    if request_id:
        message += f" [request ID {request_id}]"
    cls = STATUS_CLASSES.get(status, APIStatusError)
    return cls(
        message,
        status_code=status,
        detail=detail,
        error_code=error_code,
        request_id=request_id,
        retry_after=retry_after,
        attempts=attempts,
    )
