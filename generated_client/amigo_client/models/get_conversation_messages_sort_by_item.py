from enum import StrEnum


class GetConversationMessagesSortByItem(StrEnum):
    VALUE_0 = "+interaction_id"
    VALUE_1 = "-interaction_id"
    VALUE_2 = "+created_at"
    VALUE_3 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
