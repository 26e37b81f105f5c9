"""Which tools this server offers, and whether a destructive call needs the user's confirmation.

Set by the operator (flags or environment), never by the model: `--read-only`, `--tools`,
`--exclude-tools`, `--toolsets`, `--skip-confirmation` for destructive tools, and
`--skip-live-confirmation` for new versions of active dynamic behavior sets.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from mcp_server.audit import Decision
from mcp_server.catalog import Catalog, ToolSpec
from mcp_server.settings import SettingsError

TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class ToolPolicy:
    read_only: bool = False
    include: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    toolsets: frozenset[str] = frozenset()
    skip_confirmation: bool = False
    skip_live_confirmation: bool = False

    @classmethod
    def load(
        cls,
        catalog: Catalog,
        env: Mapping[str, str] | None = None,
        *,
        read_only: bool = False,
        tools: str | None = None,
        exclude_tools: str | None = None,
        toolsets: str | None = None,
        skip_confirmation: bool = False,
        skip_live_confirmation: bool = False,
    ) -> ToolPolicy:
        env = os.environ if env is None else env

        def names(
            flag: str | None, variable: str, known: tuple[str, ...], what: str
        ) -> frozenset[str]:
            raw = flag if flag is not None else env.get(variable, "")
            chosen = frozenset(n.strip() for n in raw.split(",") if n.strip())
            unknown = sorted(chosen - set(known))
            if unknown:
                raise SettingsError(
                    f"unknown {what} {', '.join(unknown)} in {variable}; known: {', '.join(known)}"
                )
            return chosen

        tool_names = tuple(t.name for t in catalog.tools)
        return cls(
            read_only=read_only or env.get("AMIGO_MCP_READ_ONLY", "").lower() in TRUE,
            include=names(tools, "AMIGO_MCP_TOOLS", tool_names, "tool(s)"),
            exclude=names(exclude_tools, "AMIGO_MCP_EXCLUDE_TOOLS", tool_names, "tool(s)"),
            toolsets=names(toolsets, "AMIGO_MCP_TOOLSETS", catalog.toolsets, "toolset(s)"),
            skip_confirmation=skip_confirmation
            or env.get("AMIGO_MCP_SKIP_CONFIRMATION", "").lower() in TRUE,
            skip_live_confirmation=skip_live_confirmation
            or env.get("AMIGO_MCP_SKIP_LIVE_CONFIRMATION", "").lower() in TRUE,
        )

    def refusal(self, tool: ToolSpec) -> str | None:
        """Why this server does not offer `tool`, or None when it does."""
        if self.read_only and not tool.read_only:
            return "the server runs read-only (--read-only), so tools that change data are off"
        if self.include and tool.name not in self.include:
            return "it is not in the server's --tools list"
        if tool.name in self.exclude:
            return "the server excludes it (--exclude-tools)"
        if self.toolsets and tool.toolset not in self.toolsets:
            return f"its toolset {tool.toolset!r} is not enabled (--toolsets)"
        return None

    def offered(self, catalog: Catalog) -> tuple[ToolSpec, ...]:
        return tuple(tool for tool in catalog.tools if self.refusal(tool) is None)

    def confirmation(self, tool: ToolSpec) -> str:
        """When a call of `tool` asks the user: "always", "when-live" (only when the object it
        changes is live) or "never"."""
        if self.skip_confirmation or (tool.confirm == "when-live" and self.skip_live_confirmation):
            return "never"
        return tool.confirm

    def needs_confirmation(self, tool: ToolSpec) -> bool:
        return self.confirmation(tool) != "never"

    def unasked(self, tool: ToolSpec) -> Decision:
        """The audit log's word for a call of `tool` that is not asked about: the operator
        turned its question off, or it has none."""
        return "not-asked" if self.confirmation(tool) == tool.confirm else "skipped-by-setting"


NO_ELICITATION = (
    "{tool} changes or deletes data, so it needs the user's confirmation, but this MCP client "
    "cannot ask the user (it does not support elicitation). Nothing was sent. An operator can "
    "let such calls run without confirmation by starting the server with --skip-confirmation "
    "(or AMIGO_MCP_SKIP_CONFIRMATION=1), or hide them with --read-only."
)

# A 2025-11-25 client on a server that runs stateless HTTP: the client may well support
# elicitation, but a stateless server has no session to send the request on mid-call.
NO_ELICITATION_STATELESS = (
    "{tool} changes data, so it needs the user's confirmation, but this server runs in "
    "stateless HTTP mode (--stateless): on the 2025-11-25 protocol your client speaks, asking the "
    "user means sending an elicitation request in the middle of the call, which a stateless "
    "server cannot do. Nothing was sent. Ways out: run the server without --stateless "
    "(stateful HTTP or stdio), use a client that speaks the 2026-07-28 protocol (it is asked "
    "within the call's answer), or an operator can start the server with --skip-confirmation "
    "(or AMIGO_MCP_SKIP_CONFIRMATION=1)."
)
