from enum import StrEnum


class ManualMetricSourceType(StrEnum):
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
