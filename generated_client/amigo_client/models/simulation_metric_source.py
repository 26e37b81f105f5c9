from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.simulation_metric_source_type import SimulationMetricSourceType
from ..reading import field_error, met_unknown
from ..types import UNSET, Unset

T = TypeVar("T", bound="SimulationMetricSource")


@_attrs_define
class SimulationMetricSource:
    """Evaluated in a simulation unit test run.

    Attributes:
        simulation_unit_test_set_run_id (str): The simulation unit test set run.
        unit_test_id (str): The unit test.
        run_index (int): Which run of the unit test.
        references (list[str]): Excerpts of the conversation the evaluation rests on.
        type_ (SimulationMetricSourceType | Unset): The kind of source; may be left out, as it is the default. Default:
            SimulationMetricSourceType.SIMULATION.
    """

    simulation_unit_test_set_run_id: str
    unit_test_id: str
    run_index: int
    references: list[str]
    type_: SimulationMetricSourceType | Unset = SimulationMetricSourceType.SIMULATION
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "type_": "type",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        simulation_unit_test_set_run_id = self.simulation_unit_test_set_run_id

        unit_test_id = self.unit_test_id

        run_index = self.run_index

        references = self.references

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "simulation_unit_test_set_run_id": simulation_unit_test_set_run_id,
                "unit_test_id": unit_test_id,
                "run_index": run_index,
                "references": references,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            simulation_unit_test_set_run_id = d.pop("simulation_unit_test_set_run_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "simulation_unit_test_set_run_id", src_dict)  # chained to the first error

        try:
            unit_test_id = d.pop("unit_test_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "unit_test_id", src_dict)  # chained to the first error

        try:
            run_index = d.pop("run_index")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "run_index", src_dict)  # chained to the first error

        try:
            references = cast(list[str], d.pop("references"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "references[]", src_dict)  # chained to the first error

        try:
            _type_ = d.pop("type", UNSET)
            type_: SimulationMetricSourceType | Unset
            if isinstance(_type_, Unset):
                type_ = UNSET
            else:
                type_ = SimulationMetricSourceType(_type_)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "type", src_dict)  # chained to the first error

        simulation_metric_source = cls(
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            unit_test_id=unit_test_id,
            run_index=run_index,
            references=references,
            type_=type_,
        )

        simulation_metric_source.additional_properties = d
        if d:
            met_unknown()
        return simulation_metric_source

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
