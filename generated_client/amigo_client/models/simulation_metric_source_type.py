from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class SimulationMetricSourceType(StrEnum):
    SIMULATION = "simulation"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> SimulationMetricSourceType | None:
        return unknown_member(cls, value)
