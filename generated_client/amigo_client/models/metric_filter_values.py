from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="MetricFilterValues")


@_attrs_define
class MetricFilterValues:
    """The values each filter can take.

    Attributes:
        applied_to_services_ids (list[str]): Service IDs in use.
        creators (list[UserReference]): Creators in use.
        tags (list[str]): Tag keys in use.
        types (list[str]): Metric value types in use.
    """

    applied_to_services_ids: list[str]
    creators: list[UserReference]
    tags: list[str]
    types: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "creators": "creators",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        applied_to_services_ids = self.applied_to_services_ids

        creators = []
        for creators_item_data in self.creators:
            creators_item = creators_item_data.to_dict()
            creators.append(creators_item)

        tags = self.tags

        types = self.types

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applied_to_services_ids": applied_to_services_ids,
                "creators": creators,
                "tags": tags,
                "types": types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            applied_to_services_ids = cast(list[str], d.pop("applied_to_services_ids"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "applied_to_services_ids[]", src_dict)  # chained to the first error

        try:
            creators = []
            _creators = d.pop("creators")
            for creators_item_data in _creators:
                creators_item = UserReference.from_dict(creators_item_data)

                creators.append(creators_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "creators[]", src_dict)  # chained to the first error

        try:
            tags = cast(list[str], d.pop("tags"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tags[]", src_dict)  # chained to the first error

        try:
            types = cast(list[str], d.pop("types"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "types[]", src_dict)  # chained to the first error

        metric_filter_values = cls(
            applied_to_services_ids=applied_to_services_ids,
            creators=creators,
            tags=tags,
            types=types,
        )

        metric_filter_values.additional_properties = d
        if d:
            met_unknown()
        return metric_filter_values

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
from ..models.user_reference import UserReference  # noqa: E402
