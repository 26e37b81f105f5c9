from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class MetricValueType(StrEnum):
    BOOLEAN = "boolean"
    CATEGORICAL = "categorical"
    NUMERICAL = "numerical"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> MetricValueType | None:
        return unknown_member(cls, value)
