from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class GetDynamicBehaviorSetsSortByItem(StrEnum):
    VALUE_0 = "+updated_at"
    VALUE_1 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> GetDynamicBehaviorSetsSortByItem | None:
        return unknown_member(cls, value)
