from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="ConversationVersionSetInfo")


@_attrs_define
class ConversationVersionSetInfo:
    """The version set the conversation ran with.

    Attributes:
        name (str): The name of the version set.
        agent_version_info (list[int | str]): An object ID and a version number.
        service_hierarchical_state_machine_version_info (list[int | str]): An object ID and a version number.
        llm_model_preferences (ConversationVersionSetInfoLlmModelPreferences): The model preferences, by purpose.
    """

    name: str
    agent_version_info: list[int | str]
    service_hierarchical_state_machine_version_info: list[int | str]
    llm_model_preferences: ConversationVersionSetInfoLlmModelPreferences
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "llm_model_preferences": "llm_model_preferences",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        agent_version_info = []
        for componentsschemas_version_info_item_data in self.agent_version_info:
            componentsschemas_version_info_item: int | str
            componentsschemas_version_info_item = componentsschemas_version_info_item_data
            agent_version_info.append(componentsschemas_version_info_item)

        service_hierarchical_state_machine_version_info = []
        for componentsschemas_version_info_item_data in self.service_hierarchical_state_machine_version_info:
            componentsschemas_version_info_item: int | str
            componentsschemas_version_info_item = componentsschemas_version_info_item_data
            service_hierarchical_state_machine_version_info.append(componentsschemas_version_info_item)

        llm_model_preferences = self.llm_model_preferences.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "agent_version_info": agent_version_info,
                "service_hierarchical_state_machine_version_info": service_hierarchical_state_machine_version_info,
                "llm_model_preferences": llm_model_preferences,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            name = d.pop("name")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "name", src_dict)  # chained to the first error

        try:
            agent_version_info = []
            _agent_version_info = d.pop("agent_version_info")
            for componentsschemas_version_info_item_data in _agent_version_info:

                def _parse_componentsschemas_version_info_item_arms(data: object) -> int | str:
                    return cast(int | str, data)

                def _parse_componentsschemas_version_info_item(data: object) -> int | str:
                    with strict_enums():
                        try:
                            return _parse_componentsschemas_version_info_item_arms(data)
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                    return _parse_componentsschemas_version_info_item_arms(data)

                componentsschemas_version_info_item = _parse_componentsschemas_version_info_item(
                    componentsschemas_version_info_item_data
                )

                agent_version_info.append(componentsschemas_version_info_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "agent_version_info[]", src_dict)  # chained to the first error

        try:
            service_hierarchical_state_machine_version_info = []
            _service_hierarchical_state_machine_version_info = d.pop("service_hierarchical_state_machine_version_info")
            for componentsschemas_version_info_item_data in _service_hierarchical_state_machine_version_info:

                def _parse_componentsschemas_version_info_item_arms(data: object) -> int | str:
                    return cast(int | str, data)

                def _parse_componentsschemas_version_info_item(data: object) -> int | str:
                    with strict_enums():
                        try:
                            return _parse_componentsschemas_version_info_item_arms(data)
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                    return _parse_componentsschemas_version_info_item_arms(data)

                componentsschemas_version_info_item = _parse_componentsschemas_version_info_item(
                    componentsschemas_version_info_item_data
                )

                service_hierarchical_state_machine_version_info.append(componentsschemas_version_info_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(
                error, "service_hierarchical_state_machine_version_info[]", src_dict
            )  # chained to the first error

        try:
            llm_model_preferences = ConversationVersionSetInfoLlmModelPreferences.from_dict(
                d.pop("llm_model_preferences")
            )

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "llm_model_preferences", src_dict)  # chained to the first error

        conversation_version_set_info = cls(
            name=name,
            agent_version_info=agent_version_info,
            service_hierarchical_state_machine_version_info=service_hierarchical_state_machine_version_info,
            llm_model_preferences=llm_model_preferences,
        )

        conversation_version_set_info.additional_properties = d
        if d:
            met_unknown()
        return conversation_version_set_info

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
from ..models.conversation_version_set_info_llm_model_preferences import ConversationVersionSetInfoLlmModelPreferences  # noqa: E402
