from enum import StrEnum


class ToolResultPersistence(StrEnum):
    EPHEMERAL = "ephemeral"
    PERSISTED = "persisted"
    PERSISTED_PREFERRED = "persisted-preferred"

    def __str__(self) -> str:
        return str(self.value)
