from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class GetSimulationScenarioVersionsSortByItem(StrEnum):
    VALUE_0 = "+version"
    VALUE_1 = "-version"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> GetSimulationScenarioVersionsSortByItem | None:
        return unknown_member(cls, value)
