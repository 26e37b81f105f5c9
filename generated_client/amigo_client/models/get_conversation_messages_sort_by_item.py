from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class GetConversationMessagesSortByItem(StrEnum):
    VALUE_0 = "+interaction_id"
    VALUE_1 = "-interaction_id"
    VALUE_2 = "+created_at"
    VALUE_3 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> GetConversationMessagesSortByItem | None:
        return unknown_member(cls, value)
