from enum import StrEnum


class GetConversationsSortByItem(StrEnum):
    VALUE_0 = "+created_at"
    VALUE_1 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
