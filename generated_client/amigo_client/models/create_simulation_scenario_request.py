from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="CreateSimulationScenarioRequest")


@_attrs_define
class CreateSimulationScenarioRequest:
    """
    Attributes:
        name (str): The name of the simulation scenario.
        tags (Tags): Tags as a map of at most 20 entries. Both the key and the value can only contain alphanumeric
            characters, underscores, or spaces; a value may be null.
        initial_version (SimulationScenarioVersionContent): The script of a simulation scenario version.
    """

    name: str
    tags: Tags
    initial_version: SimulationScenarioVersionContent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "tags": "tags",
        "initial_version": "initial_version",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        tags = self.tags.to_dict()

        initial_version = self.initial_version.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "tags": tags,
                "initial_version": initial_version,
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
            tags = Tags.from_dict(d.pop("tags"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tags", src_dict)  # chained to the first error

        try:
            initial_version = SimulationScenarioVersionContent.from_dict(d.pop("initial_version"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "initial_version", src_dict)  # chained to the first error

        create_simulation_scenario_request = cls(
            name=name,
            tags=tags,
            initial_version=initial_version,
        )

        create_simulation_scenario_request.additional_properties = d
        if d:
            met_unknown()
        return create_simulation_scenario_request

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
from ..models.simulation_scenario_version_content import SimulationScenarioVersionContent  # noqa: E402
from ..models.tags import Tags  # noqa: E402
