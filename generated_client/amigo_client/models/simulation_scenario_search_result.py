from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="SimulationScenarioSearchResult")


@_attrs_define
class SimulationScenarioSearchResult:
    """
    Attributes:
        simulation_scenarios (list[SimulationScenario]): The matching simulation scenarios, most relevant first (at most
            50).
    """

    simulation_scenarios: list[SimulationScenario]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "simulation_scenarios": "simulation_scenarios",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        simulation_scenarios = []
        for simulation_scenarios_item_data in self.simulation_scenarios:
            simulation_scenarios_item = simulation_scenarios_item_data.to_dict()
            simulation_scenarios.append(simulation_scenarios_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "simulation_scenarios": simulation_scenarios,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            simulation_scenarios = []
            _simulation_scenarios = d.pop("simulation_scenarios")
            for simulation_scenarios_item_data in _simulation_scenarios:
                simulation_scenarios_item = SimulationScenario.from_dict(simulation_scenarios_item_data)

                simulation_scenarios.append(simulation_scenarios_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "simulation_scenarios[]", src_dict)  # chained to the first error

        simulation_scenario_search_result = cls(
            simulation_scenarios=simulation_scenarios,
        )

        simulation_scenario_search_result.additional_properties = d
        if d:
            met_unknown()
        return simulation_scenario_search_result

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
from ..models.simulation_scenario import SimulationScenario  # noqa: E402
