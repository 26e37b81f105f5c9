from enum import StrEnum


class InitialMessageType(StrEnum):
    EXTERNAL_EVENT = "external-event"
    SKIP = "skip"
    USER_MESSAGE = "user-message"

    def __str__(self) -> str:
        return str(self.value)
