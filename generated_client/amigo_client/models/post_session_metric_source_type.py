from enum import StrEnum


class PostSessionMetricSourceType(StrEnum):
    POST_SESSION = "post-session"

    def __str__(self) -> str:
        return str(self.value)
