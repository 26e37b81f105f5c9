from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class MessageType(StrEnum):
    AGENT_INNER_THOUGHT = "agent-inner-thought"
    AGENT_MESSAGE = "agent-message"
    EXTERNAL_EVENT = "external-event"
    USER_MESSAGE = "user-message"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> MessageType | None:
        return unknown_member(cls, value)
