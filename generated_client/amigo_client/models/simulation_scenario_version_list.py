from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="SimulationScenarioVersionList")


@_attrs_define
class SimulationScenarioVersionList:
    """
    Attributes:
        simulation_scenario_versions (list[SimulationScenarioVersion]): The versions on this page.
        has_more (bool): Whether there are more simulation scenario versions to fetch.
        continuation_token (int | None): A token to supply to the next request to retrieve the next page of simulation
            scenario versions.
    """

    simulation_scenario_versions: list[SimulationScenarioVersion]
    has_more: bool
    continuation_token: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "simulation_scenario_versions": "simulation_scenario_versions",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        simulation_scenario_versions = []
        for simulation_scenario_versions_item_data in self.simulation_scenario_versions:
            simulation_scenario_versions_item = simulation_scenario_versions_item_data.to_dict()
            simulation_scenario_versions.append(simulation_scenario_versions_item)

        has_more = self.has_more

        continuation_token: int | None
        continuation_token = self.continuation_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "simulation_scenario_versions": simulation_scenario_versions,
                "has_more": has_more,
                "continuation_token": continuation_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            simulation_scenario_versions = []
            _simulation_scenario_versions = d.pop("simulation_scenario_versions")
            for simulation_scenario_versions_item_data in _simulation_scenario_versions:
                simulation_scenario_versions_item = SimulationScenarioVersion.from_dict(
                    simulation_scenario_versions_item_data
                )

                simulation_scenario_versions.append(simulation_scenario_versions_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "simulation_scenario_versions[]", src_dict)  # chained to the first error

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

        simulation_scenario_version_list = cls(
            simulation_scenario_versions=simulation_scenario_versions,
            has_more=has_more,
            continuation_token=continuation_token,
        )

        simulation_scenario_version_list.additional_properties = d
        if d:
            met_unknown()
        return simulation_scenario_version_list

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
from ..models.simulation_scenario_version import SimulationScenarioVersion  # noqa: E402
