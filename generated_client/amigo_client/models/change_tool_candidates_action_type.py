from enum import StrEnum


class ChangeToolCandidatesActionType(StrEnum):
    CHANGE_TOOL_CANDIDATES = "change-tool-candidates"

    def __str__(self) -> str:
        return str(self.value)
