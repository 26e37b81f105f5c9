from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class ToolResultPersistence(StrEnum):
    EPHEMERAL = "ephemeral"
    PERSISTED = "persisted"
    PERSISTED_PREFERRED = "persisted-preferred"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> ToolResultPersistence | None:
        return unknown_member(cls, value)
