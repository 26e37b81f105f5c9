from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="MetricEvaluationResultList")


@_attrs_define
class MetricEvaluationResultList:
    """
    Attributes:
        metric_evaluation_results (list[MetricEvaluationResult]): The results on this page.
        has_more (bool): Whether there are more results to retrieve.
        continuation_token (int | None): The token for the next page; only set when `has_more` is true.
        filter_values (MetricEvaluationResultFilterValues | None): For each filter that can take on dynamic values, what
            these values are. Only provided for the first page.
    """

    metric_evaluation_results: list[MetricEvaluationResult]
    has_more: bool
    continuation_token: int | None
    filter_values: MetricEvaluationResultFilterValues | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "metric_evaluation_results": "metric_evaluation_results",
        "filter_values": "filter_values",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        metric_evaluation_results = []
        for metric_evaluation_results_item_data in self.metric_evaluation_results:
            metric_evaluation_results_item = metric_evaluation_results_item_data.to_dict()
            metric_evaluation_results.append(metric_evaluation_results_item)

        has_more = self.has_more

        continuation_token: int | None
        continuation_token = self.continuation_token

        filter_values: dict[str, Any] | None
        if isinstance(self.filter_values, MetricEvaluationResultFilterValues):
            filter_values = self.filter_values.to_dict()
        else:
            filter_values = self.filter_values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_evaluation_results": metric_evaluation_results,
                "has_more": has_more,
                "continuation_token": continuation_token,
                "filter_values": filter_values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            metric_evaluation_results = []
            _metric_evaluation_results = d.pop("metric_evaluation_results")
            for metric_evaluation_results_item_data in _metric_evaluation_results:
                metric_evaluation_results_item = MetricEvaluationResult.from_dict(metric_evaluation_results_item_data)

                metric_evaluation_results.append(metric_evaluation_results_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metric_evaluation_results[]", src_dict)  # chained to the first error

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

        try:

            def _parse_filter_values_arms(data: object) -> MetricEvaluationResultFilterValues | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    filter_values_type_0 = MetricEvaluationResultFilterValues.from_dict(data)

                    return filter_values_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(MetricEvaluationResultFilterValues | None, data)

            def _parse_filter_values(data: object) -> MetricEvaluationResultFilterValues | None:
                with strict_enums():
                    try:
                        return _parse_filter_values_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_filter_values_arms(data)

            filter_values = _parse_filter_values(d.pop("filter_values"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "filter_values", src_dict)  # chained to the first error

        metric_evaluation_result_list = cls(
            metric_evaluation_results=metric_evaluation_results,
            has_more=has_more,
            continuation_token=continuation_token,
            filter_values=filter_values,
        )

        metric_evaluation_result_list.additional_properties = d
        if d:
            met_unknown()
        return metric_evaluation_result_list

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
from ..models.metric_evaluation_result import MetricEvaluationResult  # noqa: E402
from ..models.metric_evaluation_result_filter_values import MetricEvaluationResultFilterValues  # noqa: E402
