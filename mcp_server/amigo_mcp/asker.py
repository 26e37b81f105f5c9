"""How the MCP server asks its client's user to allow a call, in both protocol eras: by an
elicitation request within the call (2025-11-25), or by a question in the call's answer
(`InputRequiredResult`), answered when the client calls again with the same request state
(2026-07-28)."""

from __future__ import annotations

from typing import Any

import mcp_types as types
from mcp.server import ServerRequestContext
from mcp.shared.exceptions import MCPError
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

from amigo_mcp.catalog import ToolSpec
from amigo_mcp.pipeline import CannotAsk, Reply
from amigo_mcp.policy import NO_ELICITATION, NO_ELICITATION_STATELESS

# The key of the one question asked: in the elicitation's schema and in `input_responses`.
CONFIRM_KEY = "confirm"


def _confirmation_schema(tool: ToolSpec) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            CONFIRM_KEY: {
                "type": "boolean",
                "title": f"Allow {tool.name}",
                "description": "Tick to let this one call run.",
            }
        },
        "required": [CONFIRM_KEY],
    }


def _reply(answer: Any, state: str | None = None) -> Reply:
    """The person's answer to an elicitation."""
    if not isinstance(answer, types.ElicitResult):
        return Reply("not-understood", state=state)
    if answer.action == "accept" and (answer.content or {}).get(CONFIRM_KEY) is True:
        return Reply("accepted", state=state)
    if answer.action == "cancel":
        return Reply("cancelled", state=state)
    said = "did not allow it" if answer.action == "accept" else None
    return Reply("declined", said=said, state=state)


class ElicitingAsker:
    """Asks the MCP client's user: by an elicitation request within the call (2025-11-25), or
    by a question in the call's answer, answered when the client calls again (2026-07-28)."""

    def __init__(self, ctx: ServerRequestContext[Any], params: types.CallToolRequestParams):
        self.ctx, self.params = ctx, params
        self.modern = ctx.protocol_version in MODERN_PROTOCOL_VERSIONS
        # The answer that hands the question to the client (2026-07-28), once asked.
        self.question: types.InputRequiredResult | None = None

    def given(self) -> Reply | None:
        answer = (self.params.input_responses or {}).get(CONFIRM_KEY) if self.modern else None
        if answer is None or self.params.request_state is None:
            return None
        return _reply(answer, self.params.request_state)

    def cannot_ask(self, tool: ToolSpec) -> str | None:
        session = self.ctx.session
        if not self.modern and not session.can_send_request:
            return NO_ELICITATION_STATELESS.format(tool=tool.name)
        caps = session.client_capabilities
        if caps is None or caps.elicitation is None:
            return NO_ELICITATION.format(tool=tool.name)
        return None

    async def ask(self, tool: ToolSpec, question: str, state: str) -> Reply | None:
        message = f"{question}\nAllow this call?"
        if self.modern:
            # Not a decision yet: the client calls again with the answer.
            self.question = types.InputRequiredResult(
                input_requests={
                    CONFIRM_KEY: types.ElicitRequest(
                        params=types.ElicitRequestFormParams(
                            message=message, requested_schema=_confirmation_schema(tool)
                        )
                    )
                },
                request_state=state,
            )
            return None
        try:
            answer = await self.ctx.session.elicit_form(
                message, _confirmation_schema(tool), related_request_id=self.ctx.request_id
            )
        except MCPError:
            raise CannotAsk(NO_ELICITATION.format(tool=tool.name)) from None
        return _reply(answer)
