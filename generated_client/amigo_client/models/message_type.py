from enum import StrEnum


class MessageType(StrEnum):
    AGENT_INNER_THOUGHT = "agent-inner-thought"
    AGENT_MESSAGE = "agent-message"
    EXTERNAL_EVENT = "external-event"
    USER_MESSAGE = "user-message"

    def __str__(self) -> str:
        return str(self.value)
