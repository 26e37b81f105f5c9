from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class GetDynamicBehaviorSetVersionsSortByItem(StrEnum):
    VALUE_0 = "+version"
    VALUE_1 = "-version"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> GetDynamicBehaviorSetVersionsSortByItem | None:
        return unknown_member(cls, value)
