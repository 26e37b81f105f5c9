from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class InjectInstructionActionType(StrEnum):
    INJECT_INSTRUCTION = "inject-instruction"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> InjectInstructionActionType | None:
        return unknown_member(cls, value)
