from enum import StrEnum


class GetSimulationScenarioVersionsSortByItem(StrEnum):
    VALUE_0 = "+version"
    VALUE_1 = "-version"

    def __str__(self) -> str:
        return str(self.value)
