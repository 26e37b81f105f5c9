"""A local Amigo-compatible API, built from `openapi/amigo.yaml` and backed by SQLite.

Start one in-process with `from amigo_sandbox import start_in_thread`, or from a shell with
`amigo-sandbox`. The names below load on first use, so `import amigo_sandbox.demo` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amigo_sandbox.pipeline import Sandbox
    from amigo_sandbox.server import RunningSandbox, start_in_thread
    from amigo_sandbox.settings import SandboxSettings

__all__ = ["RunningSandbox", "Sandbox", "SandboxSettings", "start_in_thread"]


def __getattr__(name: str) -> Any:
    if name == "Sandbox":
        from amigo_sandbox.pipeline import Sandbox

        return Sandbox
    if name == "SandboxSettings":
        from amigo_sandbox.settings import SandboxSettings

        return SandboxSettings
    if name in ("RunningSandbox", "start_in_thread"):
        from amigo_sandbox import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
