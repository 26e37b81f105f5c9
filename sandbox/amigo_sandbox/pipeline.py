"""One sandbox (the spec, the database, the runtime state around them) and the pipeline every
request to an operation goes through, independent of the web framework.

A request goes: authentication (401/403/404) → rate limit (429) → validation from the spec
(422) → permission (403) → the operation's handler, inside one database transaction (the
handler's 400/404/409, or success; 501 naming the operation when the sandbox has no handler for
it, e.g. one just added to the spec). Faults are applied around this by the HTTP layer
(`amigo_sandbox.app`); the administrative actions live in `amigo_sandbox.admin`.
"""

from __future__ import annotations

import logging

from amigo_sandbox import handlers
from amigo_sandbox.demo import ensure_demo_identity, seed_demo_data
from amigo_sandbox.errors import ApiError
from amigo_sandbox.faults import FaultRegistry
from amigo_sandbox.handlers.base import Call, Reply
from amigo_sandbox.identity import Principal, TokenService, authenticate, token_secret
from amigo_sandbox.ratelimit import RateDecision, RateLimiter
from amigo_sandbox.request_log import RequestLog
from amigo_sandbox.settings import SandboxSettings
from amigo_sandbox.spec import Operation, Spec
from amigo_sandbox.store import Database
from amigo_sandbox.validation import RawRequest, validate_request

logger = logging.getLogger("sandbox")


def not_emulated(operation: Operation) -> ApiError:
    """The answer to a valid request for an operation of the spec the sandbox cannot emulate."""
    return ApiError(
        501,
        f"The sandbox does not emulate {operation.operation_id} ({operation.method} "
        f"{operation.path}) yet: the request was valid for the spec, but no sandbox handler "
        "exists for this operation. Call the real Amigo API for it.",
        error_code="not_emulated",
    )


class Sandbox:
    """One sandbox: the spec, the database, and the runtime state around them."""

    def __init__(self, settings: SandboxSettings, spec: Spec | None = None) -> None:
        self.settings = settings
        self.clock = settings.clock
        self.spec = spec or Spec.load()
        # An operation of the spec without a handler answers 501 (see `handle`); a handler for
        # an operation the spec does not have is a mistake in the sandbox itself.
        extra = sorted(set(handlers.HANDLERS) - set(self.spec.by_id))
        if extra:
            raise RuntimeError(f"handlers for operations the spec does not have: {extra}")
        self.db = Database(settings.db)
        with self.db.transaction(write=True) as conn:
            self.tokens = TokenService(token_secret(conn), settings.token_lifetime_s)
            ensure_demo_identity(conn)
            if settings.seed_demo:
                seed_demo_data(conn, self.spec, self.tokens)
        self.limiter = RateLimiter()
        self.faults = FaultRegistry()
        self.requests = RequestLog()

    def close(self) -> None:
        self.db.close()

    def _admit(
        self, operation: Operation, raw: RawRequest, now: float
    ) -> tuple[Principal | None, RateDecision | None]:
        """Who sends a request (401, 403, 404 when no one the operation accepts), and the
        request counted in that caller's rate window (None when limits are off or the operation
        has none)."""
        organization = raw.path_params.get("organization", "")
        principal: Principal | None = None
        if operation.requires_auth:
            with self.db.transaction(write=False) as conn:
                principal = authenticate(conn, self.tokens, raw.headers, organization, now)
            self.requests.called_by(operation.operation_id, principal.user_id)
            limit_key = (principal.org_id, principal.user_id, operation.operation_id)
        else:
            limit_key = (organization, raw.headers.get("x-user-id", ""), operation.operation_id)
        limit = operation.rate_limit_per_minute
        if not (self.settings.rate_limits and limit):
            return principal, None
        limit = max(1, round(limit * self.settings.rate_limit_scale))
        return principal, self.limiter.hit(limit_key, limit, now)

    def fault_rate_headers(self, operation: Operation, raw: RawRequest) -> dict[str, str]:
        """The `X-RateLimit-*` headers of a request answered by an injected status (runs in a
        worker thread): it is counted in its caller's window like any other, so while limits are
        on every counted answer carries them. Nothing when the caller is not signed in."""
        try:
            _, decision = self._admit(operation, raw, self.clock.time())
        except ApiError:
            return {}
        if decision is None:
            return {}
        return {k: v for k, v in decision.headers().items() if k.startswith("X-RateLimit-")}

    def handle(self, operation: Operation, raw: RawRequest, request_id: str) -> Reply:
        """Answer one request to a spec operation (runs in a worker thread)."""
        now = self.clock.time()
        extra_headers: dict[str, str] = {}
        try:
            principal, decision = self._admit(operation, raw, now)
            if decision is not None:
                extra_headers.update(decision.headers())
                if not decision.allowed:
                    raise ApiError(
                        429,
                        f"Rate limit exceeded: {decision.limit} requests per minute for this "
                        f"operation. Retry after {decision.retry_after_s} s.",
                        error_code="rate_limited",
                    )
            request = validate_request(self.spec, operation, raw)
            if principal is not None and principal.role == "viewer" and not operation.read_only:
                needed = ", ".join(operation.permissions) or "write access"
                raise ApiError(
                    403, f"Missing required permissions: {needed}.", error_code="forbidden"
                )
            handler = handlers.HANDLERS.get(operation.operation_id)
            if handler is None:
                raise not_emulated(operation)
            with self.db.transaction(write=not operation.read_only) as conn:
                organization = raw.path_params.get("organization", "")
                reply = handler(
                    Call(operation, organization, principal, request, conn, self.tokens, now)
                )
        except ApiError as error:
            reply = Reply(error.status, error.body(request_id), dict(error.headers))
        except Exception:
            logger.exception("error while handling %s", operation.operation_id)
            reply = Reply(500, {"detail": "Internal Server Error", "request_id": request_id})
        reply.headers.update(extra_headers)
        return reply
