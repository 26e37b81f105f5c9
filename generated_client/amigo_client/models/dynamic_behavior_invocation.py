from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="DynamicBehaviorInvocation")


@_attrs_define
class DynamicBehaviorInvocation:
    """One time a dynamic behavior set fired in a conversation.

    Attributes:
        field_id (str): The ID of the invocation.
        org_id (str): The organization.
        conversation_id (str): The conversation in which the set fired.
        service_id (str): The service of the conversation.
        user_id (str): The user in the conversation.
        initial_message_id (str): The message that triggered the behavior.
        agent_message_id (None | str): The agent's answer, when there is one.
        agent_inner_thoughts_ids (list[str]): The agent's inner thoughts produced under the behavior.
        dynamic_behavior_set_version_info (list[int | str]): The set and version that fired, as
            `[dynamic_behavior_set_id, version]`.
        invoked_at (datetime.datetime): When the set fired.
        external_event_message_ids (list[str] | Unset): External event messages involved in the invocation.
        created_at (datetime.datetime | Unset): When the record was created.
        updated_at (datetime.datetime | Unset): When the record was last updated.
    """

    field_id: str
    org_id: str
    conversation_id: str
    service_id: str
    user_id: str
    initial_message_id: str
    agent_message_id: None | str
    agent_inner_thoughts_ids: list[str]
    dynamic_behavior_set_version_info: list[int | str]
    invoked_at: datetime.datetime
    external_event_message_ids: list[str] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        org_id = self.org_id

        conversation_id = self.conversation_id

        service_id = self.service_id

        user_id = self.user_id

        initial_message_id = self.initial_message_id

        agent_message_id: None | str
        agent_message_id = self.agent_message_id

        agent_inner_thoughts_ids = self.agent_inner_thoughts_ids

        dynamic_behavior_set_version_info = []
        for dynamic_behavior_set_version_info_item_data in self.dynamic_behavior_set_version_info:
            dynamic_behavior_set_version_info_item: int | str
            dynamic_behavior_set_version_info_item = dynamic_behavior_set_version_info_item_data
            dynamic_behavior_set_version_info.append(dynamic_behavior_set_version_info_item)

        invoked_at = self.invoked_at.isoformat()

        external_event_message_ids: list[str] | Unset = UNSET
        if not isinstance(self.external_event_message_ids, Unset):
            external_event_message_ids = self.external_event_message_ids

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_id": field_id,
                "org_id": org_id,
                "conversation_id": conversation_id,
                "service_id": service_id,
                "user_id": user_id,
                "initial_message_id": initial_message_id,
                "agent_message_id": agent_message_id,
                "agent_inner_thoughts_ids": agent_inner_thoughts_ids,
                "dynamic_behavior_set_version_info": dynamic_behavior_set_version_info,
                "invoked_at": invoked_at,
            }
        )
        if external_event_message_ids is not UNSET:
            field_dict["external_event_message_ids"] = external_event_message_ids
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            field_id = d.pop("_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "_id", src_dict)  # chained to the first error

        try:
            org_id = d.pop("org_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "org_id", src_dict)  # chained to the first error

        try:
            conversation_id = d.pop("conversation_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "conversation_id", src_dict)  # chained to the first error

        try:
            service_id = d.pop("service_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "service_id", src_dict)  # chained to the first error

        try:
            user_id = d.pop("user_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "user_id", src_dict)  # chained to the first error

        try:
            initial_message_id = d.pop("initial_message_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "initial_message_id", src_dict)  # chained to the first error

        try:

            def _parse_agent_message_id_arms(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            def _parse_agent_message_id(data: object) -> None | str:
                with strict_enums():
                    try:
                        return _parse_agent_message_id_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_agent_message_id_arms(data)

            agent_message_id = _parse_agent_message_id(d.pop("agent_message_id"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "agent_message_id", src_dict)  # chained to the first error

        try:
            agent_inner_thoughts_ids = cast(list[str], d.pop("agent_inner_thoughts_ids"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "agent_inner_thoughts_ids[]", src_dict)  # chained to the first error

        try:
            dynamic_behavior_set_version_info = []
            _dynamic_behavior_set_version_info = d.pop("dynamic_behavior_set_version_info")
            for dynamic_behavior_set_version_info_item_data in _dynamic_behavior_set_version_info:

                def _parse_dynamic_behavior_set_version_info_item_arms(data: object) -> int | str:
                    return cast(int | str, data)

                def _parse_dynamic_behavior_set_version_info_item(data: object) -> int | str:
                    with strict_enums():
                        try:
                            return _parse_dynamic_behavior_set_version_info_item_arms(data)
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                    return _parse_dynamic_behavior_set_version_info_item_arms(data)

                dynamic_behavior_set_version_info_item = _parse_dynamic_behavior_set_version_info_item(
                    dynamic_behavior_set_version_info_item_data
                )

                dynamic_behavior_set_version_info.append(dynamic_behavior_set_version_info_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "dynamic_behavior_set_version_info[]", src_dict)  # chained to the first error

        try:
            invoked_at = datetime.datetime.fromisoformat(d.pop("invoked_at"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "invoked_at", src_dict)  # chained to the first error

        try:
            external_event_message_ids = cast(list[str], d.pop("external_event_message_ids", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "external_event_message_ids[]", src_dict)  # chained to the first error

        try:
            _created_at = d.pop("created_at", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = datetime.datetime.fromisoformat(_created_at)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "created_at", src_dict)  # chained to the first error

        try:
            _updated_at = d.pop("updated_at", UNSET)
            updated_at: datetime.datetime | Unset
            if isinstance(_updated_at, Unset):
                updated_at = UNSET
            else:
                updated_at = datetime.datetime.fromisoformat(_updated_at)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "updated_at", src_dict)  # chained to the first error

        dynamic_behavior_invocation = cls(
            field_id=field_id,
            org_id=org_id,
            conversation_id=conversation_id,
            service_id=service_id,
            user_id=user_id,
            initial_message_id=initial_message_id,
            agent_message_id=agent_message_id,
            agent_inner_thoughts_ids=agent_inner_thoughts_ids,
            dynamic_behavior_set_version_info=dynamic_behavior_set_version_info,
            invoked_at=invoked_at,
            external_event_message_ids=external_event_message_ids,
            created_at=created_at,
            updated_at=updated_at,
        )

        dynamic_behavior_invocation.additional_properties = d
        if d:
            met_unknown()
        return dynamic_behavior_invocation

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
