"""Running the sandbox: in a background thread (tests, the MCP server's default) or in front."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any

import uvicorn

from amigo_sandbox import admin
from amigo_sandbox.app import build_app
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.connections import TrackedH11Protocol
from amigo_sandbox.demo import DEMO_API_KEY, DEMO_API_KEY_ID, DEMO_ORGANIZATION, DEMO_USER_ID
from amigo_sandbox.faults import FaultKind
from amigo_sandbox.pipeline import Sandbox
from amigo_sandbox.settings import SandboxSettings
from amigo_sandbox.spec import Spec
from amigo_sandbox.store import MEMORY
from amigo_sandbox.values import format_timestamp


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket; port 0 picks a free port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say they are TCP,
    # and without it every answer waits for a delayed ACK (Nagle's algorithm).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def base_url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return base_url(host, port)


def uvicorn_config(sandbox: Sandbox, log_level: str, access_log: bool) -> uvicorn.Config:
    return uvicorn.Config(
        build_app(sandbox),
        http=TrackedH11Protocol,
        ws="none",
        lifespan="off",
        log_level=log_level,
        access_log=access_log,
        timeout_graceful_shutdown=2,
    )


class ThreadServer(uvicorn.Server):
    """uvicorn's server for a background thread: `ready` is set once it serves (or has given
    up starting), and `stop()` from another thread stops it at once (uvicorn looks at
    `should_exit` only on its periodic tick; a test suite starts and stops many)."""

    _loop: asyncio.AbstractEventLoop | None = None
    _wake: asyncio.Event | None = None

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().serve(sockets)
        finally:
            self.ready.set()  # also when it failed to start: nobody waits in vain

    async def main_loop(self) -> None:
        """uvicorn's loop (its periodic tick keeps the Date header fresh) that also ends as soon
        as `stop()` is called."""
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's shutdown without its fixed pauses (one always, then one per look at what is
        still open): it looks again at once, within the same grace period."""
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        state = self.server_state

        async def settled() -> None:
            while (state.connections or state.tasks) and not self.force_exit:
                await asyncio.sleep(0.001)

        try:
            await asyncio.wait_for(settled(), timeout=self.config.timeout_graceful_shutdown)
        except TimeoutError:
            for task in state.tasks:
                task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
        if not self.force_exit:
            await self.lifespan.shutdown()

    def stop(self) -> None:
        self.should_exit = True
        if self._loop is not None and self._wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already ended
                self._loop.call_soon_threadsafe(self._wake.set)


@dataclass
class RunningSandbox:
    """A sandbox serving HTTP in a background thread, with helpers for tests."""

    base_url: str
    sandbox: Sandbox
    organization: str = DEMO_ORGANIZATION
    api_key_id: str = DEMO_API_KEY_ID
    api_key: str = DEMO_API_KEY
    user_id: str = DEMO_USER_ID
    _server: ThreadServer | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def db_path(self) -> str:
        return self.sandbox.settings.db

    @property
    def settings(self) -> SandboxSettings:
        return self.sandbox.settings

    @property
    def clock(self) -> SandboxClock:
        """The sandbox's clock, to share with an in-process client (see `clock.py` here)."""
        return self.sandbox.clock

    # --- lifecycle ------------------------------------------------------------------------------

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._server is not None:
            self._server = None
            self.sandbox.close()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- helpers (same effect as the /_sandbox admin API) ---------------------------------------

    def issue_token(self, user_id: str | None = None, *, lifetime_s: float | None = None) -> str:
        """A bearer token for a user of the demo organization, without spending sign-in quota."""
        fields: dict[str, Any] = {
            "organization": self.organization,
            "user_id": user_id or self.user_id,
        }
        if lifetime_s is not None:
            fields["lifetime_s"] = lifetime_s
        return str(admin.issue_token(self.sandbox, fields)["id_token"])

    def auth_headers(self, user_id: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.issue_token(user_id)}"}

    def inject_fault(
        self,
        operation_id: str,
        kind: FaultKind = "status",
        *,
        status: int | None = None,
        retry_after: int | None = None,
        delay_s: float | None = None,
        times: int | None = 1,
        after_handler: bool = False,
    ) -> dict[str, Any]:
        """Make `operation_id` (or "*") fail `times` times (None: until cleared)."""
        fields: dict[str, Any] = {"operation_id": operation_id, "kind": kind, "times": times}
        if status is not None:
            fields["status"] = status
        if retry_after is not None:
            fields["retry_after"] = retry_after
        if delay_s is not None:
            fields["delay_s"] = delay_s
        if after_handler:
            fields["after_handler"] = True
        return admin.add_fault(self.sandbox, fields).to_json()

    def clear_faults(self) -> None:
        self.sandbox.faults.clear()

    def request_counts(self) -> dict[str, int]:
        """Requests received per operationId since start or the last reset (faults included)."""
        counts: dict[str, int] = self.sandbox.requests.snapshot()["counts"]
        return counts

    def response_statuses(self) -> dict[str, dict[str, int]]:
        statuses: dict[str, dict[str, int]] = self.sandbox.requests.snapshot()["statuses"]
        return statuses

    def request_callers(self) -> dict[str, dict[str, int]]:
        """Per operationId, how many authenticated requests each user's token made."""
        callers: dict[str, dict[str, int]] = self.sandbox.requests.snapshot()["callers"]
        return callers

    def reset_request_counts(self) -> None:
        self.sandbox.requests.clear()

    def reset(self, *, seed_demo: bool | None = None) -> bool:
        """Delete all data (keeping the demo credentials), reseed if asked, clear faults/counts."""
        return admin.reset(self.sandbox, seed_demo)

    def add_invocations(
        self, dynamic_behavior_set_id: str, count: int = 1, **fields: Any
    ) -> list[str]:
        items = [dict(fields) for _ in range(count)]
        return admin.add_invocations(
            self.sandbox, {"dynamic_behavior_set_id": dynamic_behavior_set_id, "invocations": items}
        )

    def add_user(self, **fields: Any) -> dict[str, Any]:
        """A new user (and API key) in the demo or another organization; see the admin API."""
        return admin.add_user(self.sandbox, fields)

    def add_unit_test(self, simulation_scenario_id: str, name: str = "Sandbox unit test") -> str:
        return admin.add_unit_test(
            self.sandbox, {"simulation_scenario_id": simulation_scenario_id, "name": name}
        )

    def set_rate_limits(self, enabled: bool) -> None:
        admin.update_settings(self.sandbox, {"rate_limits": enabled})

    def set_token_lifetime(self, seconds: float) -> None:
        admin.update_settings(self.sandbox, {"token_lifetime_s": seconds})

    def advance_clock(self, seconds: float) -> dict[str, Any]:
        """Move the sandbox's time forward; answers the clock as `GET /_sandbox/clock` does."""
        return admin.move_clock(self.sandbox, {"advance_s": seconds})

    def set_clock(
        self, moment: datetime | None = None, *, stopped: bool | None = None
    ) -> dict[str, Any]:
        """Show `moment` (None: keep the reading), and stop the clock or let it run."""
        fields: dict[str, Any] = {}
        if moment is not None:
            fields["time"] = format_timestamp(moment)
        if stopped is not None:
            fields["stopped"] = stopped
        return admin.move_clock(self.sandbox, fields)

    def reset_clock(self) -> dict[str, Any]:
        """Back to the real clock, running."""
        return admin.move_clock(self.sandbox, {"real": True})


def start_in_thread(
    db: str = MEMORY,
    seed_demo: bool = True,
    rate_limits: bool = True,
    token_lifetime_s: float = 3600.0,
    clock: SandboxClock | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    log_level: str = "warning",
    startup_timeout_s: float = 15.0,
    spec: Spec | None = None,
) -> RunningSandbox:
    """Start a sandbox on a background thread; returns once it accepts connections. `spec`:
    another spec to serve than the shipped one (an edited copy, in tests)."""
    settings = SandboxSettings(
        db=str(db),
        seed_demo=seed_demo,
        rate_limits=rate_limits,
        token_lifetime_s=token_lifetime_s,
        clock=clock or SandboxClock(),
    )
    sandbox = Sandbox(settings, spec)
    sock = bind_socket(host, port)
    server = ThreadServer(uvicorn_config(sandbox, log_level, access_log=False))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="amigo-sandbox", daemon=True
    )
    thread.start()
    if not server.ready.wait(startup_timeout_s) or not server.started:
        server.stop()
        sock.close()
        sandbox.close()
        raise RuntimeError("the sandbox did not start")
    return RunningSandbox(base_url_of(sock), sandbox, _server=server, _thread=thread)
