from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class GetDynamicBehaviorInvocationsSortByItem(StrEnum):
    VALUE_0 = "+invoked_at"
    VALUE_1 = "-invoked_at"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> GetDynamicBehaviorInvocationsSortByItem | None:
        return unknown_member(cls, value)
