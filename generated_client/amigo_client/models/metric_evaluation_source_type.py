from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class MetricEvaluationSourceType(StrEnum):
    MANUAL = "manual"
    POST_SESSION = "post-session"
    SIMULATION = "simulation"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> MetricEvaluationSourceType | None:
        return unknown_member(cls, value)
