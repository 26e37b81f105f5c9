"""The process-wide state behind tool calls: one authenticated HTTP client, made on first use.

Nothing here runs at import or at start-up: `initialize` and `tools/list` need only the
catalog. The first tool call creates the shared `httpx.AsyncClient` (and, when no credentials
are configured, starts the embedded sandbox on a free loopback port).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import anyio
from amigo_client.clock import Clock
from amigo_client.retries import RetryPolicy

from amigo_mcp.audit import AuditLog, Decision, caller
from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.errors import Scrubber
from amigo_mcp.settings import Settings
from amigo_mcp.state import MemoryStore, RedisStore, StateStore

if TYPE_CHECKING:
    import httpx

    from amigo_mcp.invoke import Invoker, ToolOutcome

USER_AGENT = "amigo-mcp/0.1"


def configure_logging(level: str, scrub: Scrubber) -> None:
    """Log to stderr at `level`, every record scrubbed of secrets (whatever library wrote it)."""
    import logging

    class ScrubSecrets(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.msg = scrub(record.getMessage())
            record.args = None
            if record.exc_info and record.exc_info[1] is not None:
                record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
                record.exc_info = None
            return True

    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(ScrubSecrets())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def say(message: str) -> None:
    """A line for the operator on stderr (stdout belongs to the protocol on stdio)."""
    print(f"amigo-mcp: {message}", file=sys.stderr, flush=True)


class Runtime:
    def __init__(
        self,
        catalog: Catalog,
        settings: Settings,
        sandbox_db: str = ":memory:",
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        audit_log: str | None = None,
        tracing: bool = False,
    ) -> None:
        """`audit_log`: a file to append audit lines to, or "-" for stderr (None: no audit log);
        `tracing`: give outbound requests spans (after `telemetry.start_tracing`)."""
        self.catalog = catalog
        self.settings = settings
        self.sandbox_db = sandbox_db
        self.retry = retry or RetryPolicy()
        # Time for sign-in renewal, retry waits, call budgets and rate spacing: the settings'
        # clock unless another is given.
        self.clock = clock or settings.clock
        # Every secret the process knows, tokens included as they are issued.
        self.scrub = Scrubber(settings.secrets)
        # What replicas share (rate windows, the server's token, sessions): in this process
        # until `open_state` connects to the configured Redis.
        self.store: StateStore = MemoryStore(self.clock)
        self.audit = None if audit_log is None else AuditLog(audit_log, self.clock, self.scrub)
        self.tracing = tracing
        self.sandbox: Any = None
        self._http: httpx.AsyncClient | None = None
        self._invoker: Invoker | None = None
        self._lock = anyio.Lock()

    async def open_state(self) -> StateStore:
        """Connect to the shared state store when one is configured; at start-up, so that a
        missing or unreachable Redis stops the server (`StateStoreError`) instead of falling
        back to state of its own."""
        if self.settings.state_url is not None and not self.store.shared:
            self.store = await RedisStore.connect(self.settings.state_url.get_secret_value())
        return self.store

    async def invoker(self) -> Invoker:
        if self._invoker is None:
            async with self._lock:
                if self._invoker is None:
                    self._invoker = await self._start()
        return self._invoker

    def audit_call(
        self,
        tool: ToolSpec,
        arguments: dict[str, Any],
        own_token: str | None,
        confirmation: Decision,
        outcome: ToolOutcome | None,
        started: float,
    ) -> None:
        """Record a finished call of a tool that writes, if there is an audit log; `outcome`
        None when the call ended before reaching the invoker (nothing was sent)."""
        if self.audit is None or tool.read_only:
            return
        duration_s = self.clock.monotonic() - started
        user, organization = caller(self.settings, own_token), self.settings.organization_id
        if self.settings.auth_mode == "sandbox":
            # The embedded sandbox has not started (the call ended before anything was sent):
            # every call to it is made as its demo user.
            from amigo_sandbox.demo import DEMO_ORGANIZATION, DEMO_USER_ID

            user, organization = DEMO_USER_ID, DEMO_ORGANIZATION
        self.audit.record(
            tool=tool.name,
            user=user,
            organization=organization,
            arguments=arguments,
            confirmation=confirmation,
            outcome=outcome,
            duration_s=duration_s,
        )

    async def _start(self) -> Invoker:
        from amigo_client.transport import async_http_client

        from amigo_mcp.auth import authenticate
        from amigo_mcp.invoke import Invoker

        settings = self.settings
        if settings.auth_mode == "sandbox":
            self.sandbox = await anyio.to_thread.run_sync(self._start_sandbox)
            settings = settings.with_sandbox(
                base_url=self.sandbox.base_url,
                organization_id=self.sandbox.organization,
                api_key_id=self.sandbox.api_key_id,
                api_key=self.sandbox.api_key,
                user_id=self.sandbox.user_id,
            )
            self.settings = settings
            self.scrub.add(*settings.secrets)
        http = async_http_client(settings.using(clock=self.clock), USER_AGENT)
        if self.tracing:
            from amigo_mcp.telemetry import instrument

            instrument(http)
        authenticate(settings, http, on_token=self.scrub.add, clock=self.clock, store=self.store)
        self._http = http
        return Invoker(
            self.catalog, settings, http, self.scrub, self.retry, self.clock, store=self.store
        )

    def _start_sandbox(self) -> Any:
        from amigo_sandbox.server import start_in_thread

        running = start_in_thread(db=self.sandbox_db, seed_demo=True)
        where = "in memory" if self.sandbox_db == ":memory:" else self.sandbox_db
        say(
            f"embedded sandbox listening at {running.base_url} (organization "
            f"{running.organization}, demo data, {where})"
        )
        return running

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        self._invoker = None
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
        await self.store.aclose()
        if self.audit is not None:
            self.audit.close()
