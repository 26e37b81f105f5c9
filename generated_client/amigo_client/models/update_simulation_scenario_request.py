from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateSimulationScenarioRequest")


@_attrs_define
class UpdateSimulationScenarioRequest:
    """
    Attributes:
        tags (None | Tags | Unset): The new tags of the simulation scenario. Both the key and the value can only contain
            alphanumeric characters, underscores, or spaces.
    """

    tags: None | Tags | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "tags": "tags",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        tags: dict[str, Any] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, Tags):
            tags = self.tags.to_dict()
        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_tags_arms(data: object) -> None | Tags | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    tags_type_0 = Tags.from_dict(data)

                    return tags_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | Tags | Unset, data)

            def _parse_tags(data: object) -> None | Tags | Unset:
                with strict_enums():
                    try:
                        return _parse_tags_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_tags_arms(data)

            tags = _parse_tags(d.pop("tags", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tags", src_dict)  # chained to the first error

        update_simulation_scenario_request = cls(
            tags=tags,
        )

        update_simulation_scenario_request.additional_properties = d
        if d:
            met_unknown()
        return update_simulation_scenario_request

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
from ..models.tags import Tags  # noqa: E402
