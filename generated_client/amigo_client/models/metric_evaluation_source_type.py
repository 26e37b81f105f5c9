from enum import StrEnum


class MetricEvaluationSourceType(StrEnum):
    MANUAL = "manual"
    POST_SESSION = "post-session"
    SIMULATION = "simulation"

    def __str__(self) -> str:
        return str(self.value)
