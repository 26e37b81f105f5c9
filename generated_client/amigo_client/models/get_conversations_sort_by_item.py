from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class GetConversationsSortByItem(StrEnum):
    VALUE_0 = "+created_at"
    VALUE_1 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> GetConversationsSortByItem | None:
        return unknown_member(cls, value)
