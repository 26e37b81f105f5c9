from __future__ import annotations

from enum import StrEnum

from ..reading import unknown_member


class ConversationMessageFormat(StrEnum):
    TEXT = "text"
    VOICE = "voice"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> ConversationMessageFormat | None:
        return unknown_member(cls, value)
