from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="EvaluatedMetric")


@_attrs_define
class EvaluatedMetric:
    """One metric's evaluation.

    Attributes:
        metric_id (str): The ID of the metric.
        value (bool | float | None | str): A metric's value; null when the metric does not apply.
        references (list[str]): Excerpts of the conversation the evaluation rests on.
        justification (str): Why the metric has this value.
    """

    metric_id: str
    value: bool | float | None | str
    references: list[str]
    justification: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        metric_id = self.metric_id

        value: bool | float | None | str
        value = self.value

        references = self.references

        justification = self.justification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_id": metric_id,
                "value": value,
                "references": references,
                "justification": justification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            metric_id = d.pop("metric_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metric_id", src_dict)  # chained to the first error

        try:

            def _parse_value_arms(data: object) -> bool | float | None | str:
                if data is None:
                    return data
                return cast(bool | float | None | str, data)

            def _parse_value(data: object) -> bool | float | None | str:
                with strict_enums():
                    try:
                        return _parse_value_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_value_arms(data)

            value = _parse_value(d.pop("value"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "value", src_dict)  # chained to the first error

        try:
            references = cast(list[str], d.pop("references"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "references[]", src_dict)  # chained to the first error

        try:
            justification = d.pop("justification")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "justification", src_dict)  # chained to the first error

        evaluated_metric = cls(
            metric_id=metric_id,
            value=value,
            references=references,
            justification=justification,
        )

        evaluated_metric.additional_properties = d
        if d:
            met_unknown()
        return evaluated_metric

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
