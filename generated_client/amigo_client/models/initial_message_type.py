from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class InitialMessageType(StrEnum):
    EXTERNAL_EVENT = "external-event"
    SKIP = "skip"
    USER_MESSAGE = "user-message"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> InitialMessageType | None:
        return unknown_member(cls, value)
