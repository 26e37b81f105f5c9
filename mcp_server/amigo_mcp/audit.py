"""The audit log: one JSON line for every call of a tool that writes, off unless configured.

A line says when (the runtime's clock, ISO 8601 UTC), which tool, who (the configured user, or
the user a bearer token names), in which organization, a digest of the arguments (never the
arguments themselves), what the person asked said, and what Amigo answered (its HTTP status and
request ID) or why nothing was sent. Every line passes through the runtime's `Scrubber`.

The target is a file (appended to, created mode 0600) or `-` for stderr; never stdout, which
belongs to the protocol on stdio. Each line is one `write` on a file opened with O_APPEND, so
lines of concurrent calls, and of several processes sharing the file, never interleave.

A line that cannot be written is logged as an error and the call's answer stands (fail-open):
the line is written after the call, when the write has already happened, so refusing the
answer would only hide a change that was made. The target is opened at start-up, so a path
that cannot be written is a start-up error, not a stream of failed lines.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import sys
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from amigo_client.clock import Clock
from amigo_client.exceptions import ConfigurationError

from amigo_mcp.errors import Scrubber
from amigo_mcp.settings import Settings

if TYPE_CHECKING:
    from amigo_mcp.catalog import ToolSpec
    from amigo_mcp.invoke import ToolOutcome

log = logging.getLogger("amigo_mcp.audit")

# What the person was asked and said, or why they were not asked.
Decision = Literal[
    "accepted",  # asked, and allowed the call
    "declined",  # asked, and refused (or answered without allowing it)
    "cancelled",  # asked, and dismissed the question
    "not-asked",  # the call needs no confirmation (or there was nothing to change)
    "skipped-by-setting",  # it would have asked; an operator setting says not to
    "refused-unavailable",  # it had to ask, and the client cannot be asked
    "not-understood",  # asked, and the answer was not a yes or a no
]

STDERR = "-"


def digest(value: Any) -> str:
    """The sha256 of `value` as canonical JSON (sorted keys, no spaces) in UTF-8: equal values,
    equal digests, whatever the order of their keys. A lone surrogate, which JSON can carry and
    UTF-8 cannot, is encoded as its code point would be."""
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def token_user(token: str) -> str:
    """Who a bearer token speaks for: the `sub` (or `user_id`) claim of a JWT's payload, read
    without checking the signature (Amigo checks it; this only names the caller), else a short
    digest of the token, `token:` and 16 hex characters. Never the token."""
    parts = token.split(".")
    if len(parts) == 3:
        try:
            payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        except (ValueError, binascii.Error):
            payload = None
        if isinstance(payload, dict):
            for claim in ("sub", "user_id"):
                if isinstance(payload.get(claim), str) and payload[claim]:
                    return str(payload[claim])
    return "token:" + hashlib.sha256(token.encode()).hexdigest()[:16]


def caller(settings: Settings, own_token: str | None) -> tuple[str | None, str]:
    """The user a call is made as, and in which organization: the request's own token (hosted
    mode), the configured user (API key) or the configured bearer token's user. Settings still
    on the embedded sandbox, which has not started (the call ended before anything was sent),
    name its demo user: every call to it is made as that user."""
    organization = settings.organization_id
    if own_token:
        return token_user(own_token), organization
    if settings.auth_mode == "sandbox":
        from amigo_sandbox.demo import DEMO_ORGANIZATION, DEMO_USER_ID

        return DEMO_USER_ID, DEMO_ORGANIZATION
    if settings.auth_mode == "api_key":
        return settings.user_id, organization
    if settings.bearer_token is not None:
        return token_user(settings.bearer_token.get_secret_value()), organization
    return None, organization


class AuditLog:
    """Appends audit lines to one target; safe to use from concurrent calls."""

    def __init__(self, target: str, clock: Clock, scrub: Scrubber) -> None:
        self.target = target
        self.clock = clock
        self.scrub = scrub
        self._lock = threading.Lock()
        self._fd: int | None = None
        if target != STDERR:
            try:
                self._fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            except OSError as exc:
                raise ConfigurationError(
                    f"cannot open the audit log {target!r} for appending: {exc.strerror}"
                ) from None

    def record_call(
        self,
        tool: ToolSpec,
        settings: Settings,
        own_token: str | None,
        arguments: dict[str, Any],
        confirmation: Decision,
        outcome: ToolOutcome | None,
        duration_s: float,
    ) -> None:
        """Record a finished call, if its tool writes: made with `settings`, and `own_token`
        in hosted multi-user mode; `outcome` None when the call ended before reaching the
        invoker (nothing was sent)."""
        if tool.read_only:
            return
        user, organization = caller(settings, own_token)
        self.record(
            tool=tool.name,
            user=user,
            organization=organization,
            arguments=arguments,
            confirmation=confirmation,
            outcome=outcome,
            duration_s=duration_s,
        )

    def record(
        self,
        *,
        tool: str,
        user: str | None,
        organization: str,
        arguments: dict[str, Any],
        confirmation: Decision,
        outcome: ToolOutcome | None,
        duration_s: float,
    ) -> None:
        """Write the line of one call; `outcome` None means it ended before anything was sent
        (`duration_s`: the call's time, from its start to its answer)."""
        now = self.clock.time()
        line = {
            "time": datetime.fromtimestamp(now, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "tool": tool,
            "user": user,
            "organization": organization,
            "arguments_sha256": digest(arguments),
            "confirmation": confirmation,
            "status": "not-sent" if outcome is None else outcome.result,
            "request_id": None if outcome is None else outcome.request_id,
            "duration_ms": round(duration_s * 1000, 1),
        }
        text = self.scrub(json.dumps(line, ensure_ascii=False)) + "\n"
        try:
            self._write(text.encode())
        except (OSError, ValueError) as exc:
            log.error("audit log: the line for a call of %s was not written (%s)", tool, exc)

    def _write(self, data: bytes) -> None:
        with self._lock:
            if self.target == STDERR:
                sys.stderr.write(data.decode())
                sys.stderr.flush()
                return
            if self._fd is None:
                raise ValueError("the audit log is closed")
            while data:
                data = data[os.write(self._fd, data) :]

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
