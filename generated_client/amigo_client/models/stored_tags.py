from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import strict_enums

T = TypeVar("T", bound="StoredTags")


@_attrs_define
class StoredTags:
    """Tags as a map from key to value (null when the tag has no value)."""

    additional_properties: dict[str, None | str] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = False

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stored_tags = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property_arms(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            def _parse_additional_property(data: object) -> None | str:
                with strict_enums():
                    try:
                        return _parse_additional_property_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_additional_property_arms(data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        stored_tags.additional_properties = additional_properties
        return stored_tags

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> None | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: None | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
