from enum import StrEnum


class GetMetricsSortByItem(StrEnum):
    VALUE_0 = "+updated_at"
    VALUE_1 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
