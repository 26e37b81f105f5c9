"""Raw answers: `client.with_raw_response.<operation>(...)` returns a `RawResponse`.

    raw = amigo.with_raw_response.get_dynamic_behavior_sets(limit=10)
    print(raw.status_code, raw.request_id, raw.rate_limit_remaining)
    page = raw.parse()  # the same model the plain method returns

The call is the plain method's (retries, sign-in, an error answer raised as its exception); the
answer is kept whole, and the model is read from it only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from .transport import Operation, _parsed

if TYPE_CHECKING:
    from .models.error_body import ErrorBody
    from .types import Response

__all__ = ["RawResponse", "raw_empty", "raw_model"]

T = TypeVar("T")


class RawResponse(Generic[T]):
    """A success answer as it came: `status_code`, `headers` (case-insensitive), `content`,
    `request_id` (`X-Request-ID`, to quote to Amigo support), `rate_limit_remaining`
    (`X-RateLimit-Remaining`: calls left in the current window), and `parse()` (or `parsed`),
    the model the plain method returns."""

    def __init__(self, response: Response[Any], parse: Callable[[], T]) -> None:
        self._response = response
        self._parse = parse
        self.status_code = int(response.status_code)
        self.headers = httpx.Headers(response.headers)
        self.content: bytes = response.content

    @property
    def request_id(self) -> str | None:
        value: str | None = self.headers.get("x-request-id")
        return value

    @property
    def rate_limit_remaining(self) -> int | None:
        """Calls left in the current rate-limit window, when the answer says."""
        value = self.headers.get("x-ratelimit-remaining")
        try:
            return int(value) if value is not None else None
        except ValueError:
            return None

    def parse(self) -> T:
        """The answer's model; raises `APIResponseValidationError` when the body cannot be read."""
        return self._parse()

    @property
    def parsed(self) -> T:
        return self._parse()

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] request_id={self.request_id!r}>"


def raw_model(op: Operation, response: Response[T | ErrorBody]) -> RawResponse[T]:
    """The raw answer of an operation whose success body is a model."""
    return RawResponse(response, lambda: _parsed(op, response))


def raw_empty(response: Response[Any]) -> RawResponse[None]:
    """The raw answer of an operation whose success answer has no body."""
    return RawResponse(response, lambda: None)
