"""Errors an agent can act on: what failed, which field, what to do next, when to retry.

Every message that leaves the server passes through `Scrubber`, which removes the configured
secrets wherever they might have been echoed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

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


def field_path(loc: Sequence[Any], *, api_location: bool = True) -> str:
    """`["body", "initial_version", "actions", 0, "type"]` -> `initial_version.actions[0].type`.

    With `api_location` (an API error's `loc`), a leading body/query/path/header is where the
    field was sent and is dropped; a path into a tool's arguments has no such prefix (a tool
    argument may itself be called `query`).
    """
    parts = list(loc)
    if api_location and parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(request)"


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """When to try again, from `Retry-After` (seconds) or `X-RateLimit-Reset` (epoch seconds)."""
    raw = headers.get("retry-after")
    if raw is not None:
        try:
            return max(0.0, float(raw))
        except ValueError:
            pass
    reset = headers.get("x-ratelimit-reset")
    if reset is not None:
        try:
            return max(0.0, float(reset) - (time.time() if now is None else now))
        except ValueError:
            pass
    return None


# A 401 to a request made with the caller's own token (hosted multi-user mode).
OWN_TOKEN_REJECTED = (
    "Amigo rejected the bearer token sent in X-Amigo-Token: it has expired or is not valid for "
    "this organization. Send a fresh token with the next request."
)


def api_error_message(
    operation_id: str,
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    *,
    own_token: bool = False,
) -> str:
    """The text of a tool error for an HTTP error answer of the API."""
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = None
    detail = body.get("detail") if isinstance(body, dict) else None
    lines = [f"Amigo answered HTTP {status} to {operation_id}."]
    if isinstance(detail, str) and detail:
        lines.append(f"Message: {detail}")
    elif isinstance(detail, list):
        lines.append("Invalid fields:")
        for item in detail:
            if isinstance(item, dict):
                lines.append(f"- {field_path(item.get('loc', []))}: {item.get('msg', 'invalid')}")
    elif body is None and content:
        lines.append(f"Body (not JSON): {content[:200].decode('utf-8', 'replace')}")
    if status == 401 and own_token:
        lines.append(OWN_TOKEN_REJECTED)
    else:
        lines.append(NEXT_STEP.get(status, "Unexpected status; check the arguments and try again."))
    if status in (429, 503):
        wait = retry_after_seconds(headers)
        if wait is not None:
            lines.append(f"Retry after {wait:.0f} seconds.")
    if isinstance(body, dict):
        if body.get("error_code"):
            lines.append(f"Error code: {body['error_code']}")
        if body.get("request_id"):
            lines.append(f"Request ID (for Amigo support): {body['request_id']}")
    return "\n".join(lines)


def validation_message(tool: str, problems: Sequence[tuple[str, str]]) -> str:
    """The text of a tool error for arguments that break the tool's input schema."""
    lines = [f"Invalid arguments for {tool}; nothing was sent to Amigo."]
    lines += [f"- {field}: {problem}" for field, problem in problems]
    lines.append("Fix these fields (the tool's input schema gives each rule) and call again.")
    return "\n".join(lines)


def compact_json(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
