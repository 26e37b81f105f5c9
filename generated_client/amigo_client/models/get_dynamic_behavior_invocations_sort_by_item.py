from enum import StrEnum


class GetDynamicBehaviorInvocationsSortByItem(StrEnum):
    VALUE_0 = "+invoked_at"
    VALUE_1 = "-invoked_at"

    def __str__(self) -> str:
        return str(self.value)
