"""Errors an agent can act on: what failed, which field, what to do next, when to retry.

Every message that leaves the server passes through `Scrubber`, which removes the configured
secrets wherever they might have been echoed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from amigo_client.exceptions import field_problems, status_error
from amigo_client.retries import retry_after_seconds

if TYPE_CHECKING:  # the generated types load attrs: not before the first call
    from amigo_client.types import Response

NEXT_STEP = {
    400: "The API refused the request as it stands; read the message, adjust the arguments and "
    "try again.",
    401: "The credentials were rejected even after signing in again; check AMIGO_API_KEY, "
    "AMIGO_API_KEY_ID, AMIGO_USER_ID and AMIGO_ORGANIZATION_ID (an operator must fix this).",
    403: "The signed-in user lacks the permission this operation needs; ask an Amigo "
    "administrator, or use a read-only tool instead.",
    404: "Check the ID (the list_* and search_* tools return valid IDs) and the organization.",
    409: "A conflicting record exists (usually the same name); pick another name or update "
    "the existing record.",
    422: "Fix the fields listed and call again.",
    429: "Rate limit reached for this operation; wait before calling it again.",
    503: "Amigo is in temporary maintenance; try again later.",
}


class Scrubber:
    """Replaces secret values in text with `***`."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: list[str] = []
        self.add(*secrets)

    def add(self, *secrets: str) -> None:
        for secret in secrets:
            if secret and secret not in self._secrets and len(secret) >= 4:
                self._secrets.append(secret)
        self._secrets.sort(key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


# A 401 to a request made with the caller's own token (hosted multi-user mode).
OWN_TOKEN_REJECTED = (
    "Amigo rejected the bearer token sent in X-Amigo-Token: it has expired or is not valid for "
    "this organization. Send a fresh token with the next request."
)


# A 401 to a request made with a fixed bearer token (AMIGO_BEARER_TOKEN): nothing can renew it.
BEARER_REJECTED = (
    "Amigo rejected the bearer token (HTTP 401): it has expired or is not valid for this "
    "organization. Set a new AMIGO_BEARER_TOKEN, or use an API key (AMIGO_API_KEY, "
    "AMIGO_API_KEY_ID, AMIGO_USER_ID) so tokens are renewed."
)


def api_error_message(
    operation_id: str,
    response: Response[Any],
    *,
    now: float,
    own_token: bool = False,
    bearer: bool = False,
    advice: str | None = None,
) -> str:
    """The text of a tool error for an HTTP error answer of the API, from the client's reading
    of it (`amigo_client.exceptions.status_error`, which reads the body through the generated
    `ErrorBody`); `now` is the clock's epoch time."""
    status = int(response.status_code)
    wait = retry_after_seconds(response.headers, now) if status in (429, 503) else None
    error = status_error(operation_id, response, wait)
    lines = [f"Amigo answered HTTP {status} to {operation_id}."]
    if isinstance(error.detail, str) and error.detail:
        lines.append(f"Message: {error.detail}")
    elif isinstance(error.detail, list):
        lines.append("Invalid fields:")
        lines += [f"- {problem}" for problem in field_problems(error.detail)]
    elif response.content:
        snippet = response.content[:200].decode("utf-8", "replace")
        lines.append(f"Body (no detail the API describes): {snippet}")
    if status == 401 and own_token:
        lines.append(OWN_TOKEN_REJECTED)
    elif status == 401 and bearer:
        lines.append(BEARER_REJECTED)
    elif advice:
        lines.append(advice)
    else:
        lines.append(NEXT_STEP.get(status, "Unexpected status; check the arguments and try again."))
    if error.retry_after is not None:
        lines.append(f"Retry after {error.retry_after:.0f} seconds.")
    if error.error_code:
        lines.append(f"Error code: {error.error_code}")
    if error.request_id:
        lines.append(f"Request ID (for Amigo support): {error.request_id}")
    return "\n".join(lines)


def validation_message(tool: str, problems: Sequence[tuple[str, str]]) -> str:
    """The text of a tool error for arguments that break the tool's input schema."""
    lines = [f"Invalid arguments for {tool}; nothing was sent to Amigo."]
    lines += [f"- {field}: {problem}" for field, problem in problems]
    lines.append("Fix these fields (the tool's input schema gives each rule) and call again.")
    return "\n".join(lines)


def compact_json(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
