from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.simulation_scenario_version_content import SimulationScenarioVersionContent
    from ..models.tags import Tags


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
        from ..models.simulation_scenario_version_content import SimulationScenarioVersionContent  # noqa: PLC0415
        from ..models.tags import Tags  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        tags = Tags.from_dict(d.pop("tags"))

        initial_version = SimulationScenarioVersionContent.from_dict(d.pop("initial_version"))

        create_simulation_scenario_request = cls(
            name=name,
            tags=tags,
            initial_version=initial_version,
        )

        create_simulation_scenario_request.additional_properties = d
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
