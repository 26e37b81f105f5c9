from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="DynamicBehaviorSetList")


@_attrs_define
class DynamicBehaviorSetList:
    """
    Attributes:
        dynamic_behavior_sets (list[DynamicBehaviorSet]): The dynamic behavior sets on this page.
        has_more (bool): Whether there are more dynamic behavior sets to retrieve.
        continuation_token (int | None): The token for the next page; only set when `has_more` is true.
        filter_values (DynamicBehaviorSetFilterValues | None): The values each filter can take; only on the first page.
    """

    dynamic_behavior_sets: list[DynamicBehaviorSet]
    has_more: bool
    continuation_token: int | None
    filter_values: DynamicBehaviorSetFilterValues | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "dynamic_behavior_sets": "dynamic_behavior_sets",
        "filter_values": "filter_values",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        dynamic_behavior_sets = []
        for dynamic_behavior_sets_item_data in self.dynamic_behavior_sets:
            dynamic_behavior_sets_item = dynamic_behavior_sets_item_data.to_dict()
            dynamic_behavior_sets.append(dynamic_behavior_sets_item)

        has_more = self.has_more

        continuation_token: int | None
        continuation_token = self.continuation_token

        filter_values: dict[str, Any] | None
        if isinstance(self.filter_values, DynamicBehaviorSetFilterValues):
            filter_values = self.filter_values.to_dict()
        else:
            filter_values = self.filter_values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dynamic_behavior_sets": dynamic_behavior_sets,
                "has_more": has_more,
                "continuation_token": continuation_token,
                "filter_values": filter_values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            dynamic_behavior_sets = []
            _dynamic_behavior_sets = d.pop("dynamic_behavior_sets")
            for dynamic_behavior_sets_item_data in _dynamic_behavior_sets:
                dynamic_behavior_sets_item = DynamicBehaviorSet.from_dict(dynamic_behavior_sets_item_data)

                dynamic_behavior_sets.append(dynamic_behavior_sets_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "dynamic_behavior_sets[]", src_dict)  # chained to the first error

        try:
            has_more = d.pop("has_more")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "has_more", src_dict)  # chained to the first error

        try:

            def _parse_continuation_token_arms(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            def _parse_continuation_token(data: object) -> int | None:
                with strict_enums():
                    try:
                        return _parse_continuation_token_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_continuation_token_arms(data)

            continuation_token = _parse_continuation_token(d.pop("continuation_token"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "continuation_token", src_dict)  # chained to the first error

        try:

            def _parse_filter_values_arms(data: object) -> DynamicBehaviorSetFilterValues | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    filter_values_type_0 = DynamicBehaviorSetFilterValues.from_dict(data)

                    return filter_values_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(DynamicBehaviorSetFilterValues | None, data)

            def _parse_filter_values(data: object) -> DynamicBehaviorSetFilterValues | None:
                with strict_enums():
                    try:
                        return _parse_filter_values_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_filter_values_arms(data)

            filter_values = _parse_filter_values(d.pop("filter_values"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "filter_values", src_dict)  # chained to the first error

        dynamic_behavior_set_list = cls(
            dynamic_behavior_sets=dynamic_behavior_sets,
            has_more=has_more,
            continuation_token=continuation_token,
            filter_values=filter_values,
        )

        dynamic_behavior_set_list.additional_properties = d
        if d:
            met_unknown()
        return dynamic_behavior_set_list

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
from ..models.dynamic_behavior_set import DynamicBehaviorSet  # noqa: E402
from ..models.dynamic_behavior_set_filter_values import DynamicBehaviorSetFilterValues  # noqa: E402
