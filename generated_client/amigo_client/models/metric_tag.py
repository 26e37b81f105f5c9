from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="MetricTag")


@_attrs_define
class MetricTag:
    """One tag of a metric.

    Attributes:
        key (str): The tag's key.
        value (None | str): The tag's value; null when the tag has none.
    """

    key: str
    value: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value: None | str
        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            key = d.pop("key")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "key", src_dict)  # chained to the first error

        try:

            def _parse_value_arms(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            def _parse_value(data: object) -> None | str:
                with strict_enums():
                    try:
                        return _parse_value_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_value_arms(data)

            value = _parse_value(d.pop("value"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "value", src_dict)  # chained to the first error

        metric_tag = cls(
            key=key,
            value=value,
        )

        metric_tag.additional_properties = d
        if d:
            met_unknown()
        return metric_tag

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
