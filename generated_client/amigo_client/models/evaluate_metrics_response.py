from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="EvaluateMetricsResponse")


@_attrs_define
class EvaluateMetricsResponse:
    """
    Attributes:
        metrics (list[EvaluatedMetric]): One evaluation per requested metric, in request order.
    """

    metrics: list[EvaluatedMetric]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "metrics": "metrics",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metrics": metrics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            metrics = []
            _metrics = d.pop("metrics")
            for metrics_item_data in _metrics:
                metrics_item = EvaluatedMetric.from_dict(metrics_item_data)

                metrics.append(metrics_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metrics[]", src_dict)  # chained to the first error

        evaluate_metrics_response = cls(
            metrics=metrics,
        )

        evaluate_metrics_response.additional_properties = d
        if d:
            met_unknown()
        return evaluate_metrics_response

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
from ..models.evaluated_metric import EvaluatedMetric  # noqa: E402
