"""Which tools this server offers, and whether a destructive call needs the user's confirmation.

Set by the operator (flags or environment, read by `amigo_mcp.settings`), never by the model:
`--read-only`, `--tools`, `--exclude-tools`, `--toolsets`, `--skip-confirmation` for destructive
tools, and `--skip-live-confirmation` for new versions of active dynamic behavior sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from amigo_client.exceptions import ConfigurationError

from amigo_mcp.audit import Decision
from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.settings import Settings


@dataclass(frozen=True)
class ToolPolicy:
    read_only: bool = False
    include: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    toolsets: frozenset[str] = frozenset()
    skip_confirmation: bool = False
    skip_live_confirmation: bool = False

    @classmethod
    def load(cls, catalog: Catalog, settings: Settings) -> ToolPolicy:
        """The policy the settings give, every named tool and toolset checked in `catalog`."""

        def known(field: str, names: frozenset[str], known: tuple[str, ...], what: str) -> None:
            unknown = sorted(names - set(known))
            if unknown:
                raise ConfigurationError(
                    f"unknown {what} {', '.join(unknown)} in {Settings.setting_name(field)}; "
                    f"known: {', '.join(known)}"
                )

        tool_names = tuple(t.name for t in catalog.tools)
        known("tools", settings.tools, tool_names, "tool(s)")
        known("exclude_tools", settings.exclude_tools, tool_names, "tool(s)")
        known("toolsets", settings.toolsets, catalog.toolsets, "toolset(s)")
        return cls(
            read_only=settings.read_only,
            include=settings.tools,
            exclude=settings.exclude_tools,
            toolsets=settings.toolsets,
            skip_confirmation=settings.skip_confirmation,
            skip_live_confirmation=settings.skip_live_confirmation,
        )

    def why_not_offered(self, tool: ToolSpec) -> str | None:
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
        return tuple(tool for tool in catalog.tools if self.why_not_offered(tool) is None)

    def confirmation(self, tool: ToolSpec) -> str:
        """When a call of `tool` asks the user: "always", "when-live" (only when the object it
        changes is live) or "never"."""
        if self.skip_confirmation or (tool.confirm == "when-live" and self.skip_live_confirmation):
            return "never"
        return tool.confirm

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
