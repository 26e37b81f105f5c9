from enum import StrEnum


class InjectInstructionActionType(StrEnum):
    INJECT_INSTRUCTION = "inject-instruction"

    def __str__(self) -> str:
        return str(self.value)
