from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="CreateSimulationScenarioResponse")


@_attrs_define
class CreateSimulationScenarioResponse:
    """
    Attributes:
        simulation_scenario_id (str): The ID of the new simulation scenario.
    """

    simulation_scenario_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        simulation_scenario_id = self.simulation_scenario_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "simulation_scenario_id": simulation_scenario_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            simulation_scenario_id = d.pop("simulation_scenario_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "simulation_scenario_id", src_dict)  # chained to the first error

        create_simulation_scenario_response = cls(
            simulation_scenario_id=simulation_scenario_id,
        )

        create_simulation_scenario_response.additional_properties = d
        if d:
            met_unknown()
        return create_simulation_scenario_response

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
