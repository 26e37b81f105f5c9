from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConversationVersionSetInfoLlmModelPreferences")


@_attrs_define
class ConversationVersionSetInfoLlmModelPreferences:
    """The model preferences, by purpose."""

    additional_properties: dict[str, LlmModelPreference] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = False

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conversation_version_set_info_llm_model_preferences = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = LlmModelPreference.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        conversation_version_set_info_llm_model_preferences.additional_properties = additional_properties
        return conversation_version_set_info_llm_model_preferences

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> LlmModelPreference:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: LlmModelPreference) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# The models this one refers to: imported after its class, so that models that refer to each
# other load in either order, and read as module globals (an import inside `from_dict` would
# be resolved again on every read).
from ..models.llm_model_preference import LlmModelPreference  # noqa: E402
