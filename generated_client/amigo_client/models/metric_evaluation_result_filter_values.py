from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="MetricEvaluationResultFilterValues")


@_attrs_define
class MetricEvaluationResultFilterValues:
    """The values each filter can take. Counted assuming the user can see every result.

    Attributes:
        metric_ids (list[str]): The IDs of the metrics that results are stored for.
    """

    metric_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        metric_ids = self.metric_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_ids": metric_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            metric_ids = cast(list[str], d.pop("metric_ids"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metric_ids[]", src_dict)  # chained to the first error

        metric_evaluation_result_filter_values = cls(
            metric_ids=metric_ids,
        )

        metric_evaluation_result_filter_values.additional_properties = d
        if d:
            met_unknown()
        return metric_evaluation_result_filter_values

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
