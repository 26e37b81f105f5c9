"""A local Amigo-compatible API, built from `openapi/amigo.yaml` and backed by SQLite.

Start one in-process with `sandbox.start_in_thread()`, or from a shell with `amigo-sandbox`.
"""

from sandbox.core import Sandbox, SandboxSettings
from sandbox.server import RunningSandbox, start_in_thread

__all__ = ["RunningSandbox", "Sandbox", "SandboxSettings", "start_in_thread"]
