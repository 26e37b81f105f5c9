from enum import StrEnum


class SimulationMetricSourceType(StrEnum):
    SIMULATION = "simulation"

    def __str__(self) -> str:
        return str(self.value)
