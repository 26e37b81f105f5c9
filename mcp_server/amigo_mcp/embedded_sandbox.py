"""The embedded sandbox: the local Amigo API the server calls when no credentials are
configured, started with its demo data on a free loopback port by the first tool call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amigo_mcp.settings import Settings
from amigo_mcp.stderr import say

if TYPE_CHECKING:
    from amigo_sandbox.server import RunningSandbox


def start_embedded_sandbox(db: str) -> RunningSandbox:
    """Start the sandbox in a thread of this process, on `db` (a SQLite path or ":memory:"),
    and tell the operator where it listens. Blocks until it answers."""
    from amigo_sandbox.server import start_in_thread

    running = start_in_thread(db=db, seed_demo=True)
    where = "in memory" if db == ":memory:" else db
    say(
        f"embedded sandbox listening at {running.base_url} (organization "
        f"{running.organization}, demo data, {where})"
    )
    return running


def sandbox_settings(settings: Settings, running: RunningSandbox) -> Settings:
    """`settings` pointed at the running sandbox, signed in as its demo user."""
    return settings.with_sandbox(
        base_url=running.base_url,
        organization_id=running.organization,
        api_key_id=running.api_key_id,
        api_key=running.api_key,
        user_id=running.user_id,
    )
