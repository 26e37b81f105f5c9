from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class ChangeToolCandidatesActionType(StrEnum):
    CHANGE_TOOL_CANDIDATES = "change-tool-candidates"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> ChangeToolCandidatesActionType | None:
        return unknown_member(cls, value)
