"""State that belongs to the MCP request being served."""

from __future__ import annotations

import contextvars

# A bearer token that came with the MCP request (hosted multi-user mode); when set, it is used
# for that request's Amigo calls instead of the configured credentials, and never cached.
request_token: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "amigo_request_token", default=None
)
