from enum import StrEnum


class ConversationMessageFormat(StrEnum):
    TEXT = "text"
    VOICE = "voice"

    def __str__(self) -> str:
        return str(self.value)
