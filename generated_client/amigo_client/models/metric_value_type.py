from enum import StrEnum


class MetricValueType(StrEnum):
    BOOLEAN = "boolean"
    CATEGORICAL = "categorical"
    NUMERICAL = "numerical"

    def __str__(self) -> str:
        return str(self.value)
