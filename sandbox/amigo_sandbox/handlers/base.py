"""What an operation handler receives and returns, and the table of handlers by operationId."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from amigo_sandbox.identity import Principal, TokenService
from amigo_sandbox.spec import Operation
from amigo_sandbox.validation import ValidatedRequest
from amigo_sandbox.values import timestamp_of

NO_BODY: Any = object()


@dataclass
class Call:
    """One validated request, inside its database transaction."""

    operation: Operation
    organization: str
    principal: Principal | None
    request: ValidatedRequest
    conn: sqlite3.Connection
    tokens: TokenService
    now: float  # epoch seconds
    # The ID of the object a create call makes, when the caller fixes it (the demo data, whose
    # IDs tests name); None for a fresh one, as over HTTP.
    new_id: str | None = None

    @property
    def timestamp(self) -> str:
        return timestamp_of(self.now)

    @property
    def user(self) -> Principal:
        assert self.principal is not None, "operation requires authentication"
        return self.principal

    def query(self, name: str, default: Any = None) -> Any:
        return self.request.query.get(name, default)

    def path(self, name: str) -> Any:
        return self.request.path[name]


@dataclass
class Reply:
    status: int
    body: Any = NO_BODY
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Call], Reply]

HANDLERS: dict[str, Handler] = {}


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        if operation_id in HANDLERS:
            raise RuntimeError(f"two handlers for {operation_id}")
        HANDLERS[operation_id] = function
        return function

    return register


def user_reference(org_id: str, user_id: str) -> dict[str, str]:
    return {"org_id": org_id, "user_id": user_id}
