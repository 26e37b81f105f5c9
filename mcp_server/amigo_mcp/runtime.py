"""The process-wide state behind tool calls: one authenticated HTTP client, made on first use.

Nothing here runs at import or at start-up: `initialize` and `tools/list` need only the
catalog. The first tool call creates the shared `httpx.AsyncClient` (and, when no credentials
are configured, starts the embedded sandbox on a free loopback port).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio
from amigo_client.clock import Clock
from amigo_client.retries import RetryPolicy

from amigo_mcp.audit import AuditLog
from amigo_mcp.catalog import Catalog
from amigo_mcp.embedded_sandbox import sandbox_settings, start_embedded_sandbox
from amigo_mcp.errors import Scrubber
from amigo_mcp.settings import Settings
from amigo_mcp.state import MemoryStore, RedisStore, StateStore

if TYPE_CHECKING:
    import httpx
    from amigo_client.transport import Engine

    from amigo_mcp.invoke import Invoker
    from amigo_sandbox.server import RunningSandbox

USER_AGENT = "amigo-mcp/0.1"


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
        engine: Engine = "aiohttp",
    ) -> None:
        """`audit_log`: a file to append audit lines to, or "-" for stderr (None: no audit log);
        `tracing`: give outbound requests spans (after `telemetry.start_tracing`); `engine`:
        what the calls to Amigo are sent on (`amigo_client.transport.async_http_transport`):
        aiohttp costs less CPU per call with many in flight, httpx less to import for one."""
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
        self.engine: Engine = engine
        self.sandbox: RunningSandbox | None = None
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

    async def _start(self) -> Invoker:
        from amigo_client.transport import async_http_client

        from amigo_mcp.auth import authenticate
        from amigo_mcp.invoke import Invoker

        settings = self.settings
        if settings.auth_mode == "sandbox":
            self.sandbox = await anyio.to_thread.run_sync(start_embedded_sandbox, self.sandbox_db)
            settings = self.settings = sandbox_settings(settings, self.sandbox)
            self.scrub.add(*settings.secrets)
        http = async_http_client(settings.using(clock=self.clock), USER_AGENT, self.engine)
        if self.tracing:
            from amigo_mcp.telemetry import instrument

            instrument(http)
        authenticate(settings, http, on_token=self.scrub.add, clock=self.clock, store=self.store)
        self._http = http
        return Invoker(
            self.catalog, settings, http, self.scrub, self.retry, self.clock, store=self.store
        )

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
