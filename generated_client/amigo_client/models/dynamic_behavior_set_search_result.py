from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="DynamicBehaviorSetSearchResult")


@_attrs_define
class DynamicBehaviorSetSearchResult:
    """
    Attributes:
        dynamic_behavior_sets (list[DynamicBehaviorSet]): The matching dynamic behavior sets, most relevant first (at
            most 50).
    """

    dynamic_behavior_sets: list[DynamicBehaviorSet]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "dynamic_behavior_sets": "dynamic_behavior_sets",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        dynamic_behavior_sets = []
        for dynamic_behavior_sets_item_data in self.dynamic_behavior_sets:
            dynamic_behavior_sets_item = dynamic_behavior_sets_item_data.to_dict()
            dynamic_behavior_sets.append(dynamic_behavior_sets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dynamic_behavior_sets": dynamic_behavior_sets,
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

        dynamic_behavior_set_search_result = cls(
            dynamic_behavior_sets=dynamic_behavior_sets,
        )

        dynamic_behavior_set_search_result.additional_properties = d
        if d:
            met_unknown()
        return dynamic_behavior_set_search_result

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
