from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class PostProcessingType(StrEnum):
    COMPUTE_METRICS = "compute-metrics"
    EXTRACT_MEMORIES = "extract-memories"
    GENERATE_USER_MODELS = "generate-user-models"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> PostProcessingType | None:
        return unknown_member(cls, value)
