"""Errors that become HTTP answers with a FastAPI-style body.

`ApiError` is the sandbox's one exception: anything that refuses a request (validation, sign-in,
permissions, rate limits, faults) raises it and the request handler turns it into the answer.
It is part of the emulated API's wire protocol, caught by the sandbox alone, so it stays outside
the client's `AmigoError` hierarchy (which describes those answers as the caller sees them).
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An answer other than success: status, `detail` (text or 422 items) and extra headers."""

    def __init__(
        self,
        status: int,
        detail: str | list[dict[str, Any]],
        *,
        error_code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail if isinstance(detail, str) else "validation failed")
        self.status = status
        self.detail = detail
        self.error_code = error_code
        self.headers = headers or {}

    def body(self, request_id: str) -> dict[str, Any]:
        """The answer's JSON body: `detail`, `error_code` when there is one, `request_id`."""
        body: dict[str, Any] = {"detail": self.detail}
        if self.error_code:
            body["error_code"] = self.error_code
        body["request_id"] = request_id
        return body


def not_found(what: str) -> ApiError:
    return ApiError(404, f"{what} is not found.", error_code="not_found")


def organization_not_found(organization: str) -> ApiError:
    return ApiError(
        404, f"Organization {organization!r} is not found.", error_code="organization_not_found"
    )


def invalid_field(
    loc: list[str | int], msg: str, value: Any, kind: str = "value_error"
) -> ApiError:
    """A 422 for a check the schema cannot express (e.g. a malformed `version` selector)."""
    return ApiError(422, [{"type": kind, "loc": loc, "msg": msg, "input": value}])
