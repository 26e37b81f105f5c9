from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_message_format import ConversationMessageFormat
from ..models.message_type import MessageType
from ..reading import field_error, met_unknown

T = TypeVar("T", bound="ConversationMessage")


@_attrs_define
class ConversationMessage:
    """One message of a conversation.

    Attributes:
        id (str): The ID of the message.
        interaction_id (str): The interaction (one user turn and the agent's answer) the message belongs to.
        created_at (datetime.datetime): When the message was sent.
        sender (str): The display name of the sender.
        message (str): The text of the message.
        format_ (ConversationMessageFormat): Whether the message was written or spoken.
        message_type (MessageType):
    """

    id: str
    interaction_id: str
    created_at: datetime.datetime
    sender: str
    message: str
    format_: ConversationMessageFormat
    message_type: MessageType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "format_": "format",
        "message_type": "message_type",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        interaction_id = self.interaction_id

        created_at = self.created_at.isoformat()

        sender = self.sender

        message = self.message

        format_ = self.format_.value

        message_type = self.message_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "interaction_id": interaction_id,
                "created_at": created_at,
                "sender": sender,
                "message": message,
                "format": format_,
                "message_type": message_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            id = d.pop("id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "id", src_dict)  # chained to the first error

        try:
            interaction_id = d.pop("interaction_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "interaction_id", src_dict)  # chained to the first error

        try:
            created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "created_at", src_dict)  # chained to the first error

        try:
            sender = d.pop("sender")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "sender", src_dict)  # chained to the first error

        try:
            message = d.pop("message")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "message", src_dict)  # chained to the first error

        try:
            format_ = ConversationMessageFormat(d.pop("format"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "format", src_dict)  # chained to the first error

        try:
            message_type = MessageType(d.pop("message_type"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "message_type", src_dict)  # chained to the first error

        conversation_message = cls(
            id=id,
            interaction_id=interaction_id,
            created_at=created_at,
            sender=sender,
            message=message,
            format_=format_,
            message_type=message_type,
        )

        conversation_message.additional_properties = d
        if d:
            met_unknown()
        return conversation_message

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
