from enum import StrEnum


class PostProcessingType(StrEnum):
    COMPUTE_METRICS = "compute-metrics"
    EXTRACT_MEMORIES = "extract-memories"
    GENERATE_USER_MODELS = "generate-user-models"

    def __str__(self) -> str:
        return str(self.value)
