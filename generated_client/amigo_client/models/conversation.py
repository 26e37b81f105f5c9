from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_processing_type import PostProcessingType
from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="Conversation")


@_attrs_define
class Conversation:
    """A conversation between a user and an agent.

    Attributes:
        id (str): The ID of the conversation.
        user_id (str): The user who had the conversation.
        created_at (datetime.datetime): When the conversation started.
        is_finished (bool): Whether the conversation has finished.
        is_analyzed (bool): Whether the conversation has been analyzed after it finished.
        completed_post_processings (list[PostProcessingType]): The post-processing steps completed on the conversation.
        final_message (str): The last message of the conversation; empty without permission to read it.
        service_id (str): The service the conversation ran on.
        version_set_info (ConversationVersionSetInfo | None): The version set the conversation ran with.
        num_messages (int): The number of messages in the conversation.
        tags (StoredTags): Tags as a map from key to value (null when the tag has no value).
    """

    id: str
    user_id: str
    created_at: datetime.datetime
    is_finished: bool
    is_analyzed: bool
    completed_post_processings: list[PostProcessingType]
    final_message: str
    service_id: str
    version_set_info: ConversationVersionSetInfo | None
    num_messages: int
    tags: StoredTags
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "completed_post_processings": "completed_post_processings",
        "version_set_info": "version_set_info",
        "tags": "tags",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        created_at = self.created_at.isoformat()

        is_finished = self.is_finished

        is_analyzed = self.is_analyzed

        completed_post_processings = []
        for completed_post_processings_item_data in self.completed_post_processings:
            completed_post_processings_item = completed_post_processings_item_data.value
            completed_post_processings.append(completed_post_processings_item)

        final_message = self.final_message

        service_id = self.service_id

        version_set_info: dict[str, Any] | None
        if isinstance(self.version_set_info, ConversationVersionSetInfo):
            version_set_info = self.version_set_info.to_dict()
        else:
            version_set_info = self.version_set_info

        num_messages = self.num_messages

        tags = self.tags.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "created_at": created_at,
                "is_finished": is_finished,
                "is_analyzed": is_analyzed,
                "completed_post_processings": completed_post_processings,
                "final_message": final_message,
                "service_id": service_id,
                "version_set_info": version_set_info,
                "num_messages": num_messages,
                "tags": tags,
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
            user_id = d.pop("user_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "user_id", src_dict)  # chained to the first error

        try:
            created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "created_at", src_dict)  # chained to the first error

        try:
            is_finished = d.pop("is_finished")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "is_finished", src_dict)  # chained to the first error

        try:
            is_analyzed = d.pop("is_analyzed")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "is_analyzed", src_dict)  # chained to the first error

        try:
            completed_post_processings = []
            _completed_post_processings = d.pop("completed_post_processings")
            for completed_post_processings_item_data in _completed_post_processings:
                completed_post_processings_item = PostProcessingType(completed_post_processings_item_data)

                completed_post_processings.append(completed_post_processings_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "completed_post_processings[]", src_dict)  # chained to the first error

        try:
            final_message = d.pop("final_message")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "final_message", src_dict)  # chained to the first error

        try:
            service_id = d.pop("service_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "service_id", src_dict)  # chained to the first error

        try:

            def _parse_version_set_info_arms(data: object) -> ConversationVersionSetInfo | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    version_set_info_type_0 = ConversationVersionSetInfo.from_dict(data)

                    return version_set_info_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ConversationVersionSetInfo | None, data)

            def _parse_version_set_info(data: object) -> ConversationVersionSetInfo | None:
                with strict_enums():
                    try:
                        return _parse_version_set_info_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_version_set_info_arms(data)

            version_set_info = _parse_version_set_info(d.pop("version_set_info"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "version_set_info", src_dict)  # chained to the first error

        try:
            num_messages = d.pop("num_messages")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "num_messages", src_dict)  # chained to the first error

        try:
            tags = StoredTags.from_dict(d.pop("tags"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tags", src_dict)  # chained to the first error

        conversation = cls(
            id=id,
            user_id=user_id,
            created_at=created_at,
            is_finished=is_finished,
            is_analyzed=is_analyzed,
            completed_post_processings=completed_post_processings,
            final_message=final_message,
            service_id=service_id,
            version_set_info=version_set_info,
            num_messages=num_messages,
            tags=tags,
        )

        conversation.additional_properties = d
        if d:
            met_unknown()
        return conversation

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


# The models this one refers to: imported after its class, so that models that refer to each
# other load in either order, and read as module globals (an import inside `from_dict` would
# be resolved again on every read).
from ..models.conversation_version_set_info import ConversationVersionSetInfo  # noqa: E402
from ..models.stored_tags import StoredTags  # noqa: E402
