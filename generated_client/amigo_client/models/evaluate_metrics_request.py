from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluateMetricsRequest")


@_attrs_define
class EvaluateMetricsRequest:
    """
    Attributes:
        metric_ids (list[str]): The IDs of the metrics to evaluate.
        conversation_id (str): A 24-character lowercase hexadecimal object ID.
        evaluate_to_interaction_id (None | str | Unset): If specified, only messages up to (and including) this
            interaction will be evaluated.
    """

    metric_ids: list[str]
    conversation_id: str
    evaluate_to_interaction_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        metric_ids = self.metric_ids

        conversation_id = self.conversation_id

        evaluate_to_interaction_id: None | str | Unset
        if isinstance(self.evaluate_to_interaction_id, Unset):
            evaluate_to_interaction_id = UNSET
        else:
            evaluate_to_interaction_id = self.evaluate_to_interaction_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_ids": metric_ids,
                "conversation_id": conversation_id,
            }
        )
        if evaluate_to_interaction_id is not UNSET:
            field_dict["evaluate_to_interaction_id"] = evaluate_to_interaction_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            metric_ids = cast(list[str], d.pop("metric_ids"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metric_ids[]", src_dict)  # chained to the first error

        try:
            conversation_id = d.pop("conversation_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "conversation_id", src_dict)  # chained to the first error

        try:

            def _parse_evaluate_to_interaction_id_arms(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            def _parse_evaluate_to_interaction_id(data: object) -> None | str | Unset:
                with strict_enums():
                    try:
                        return _parse_evaluate_to_interaction_id_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_evaluate_to_interaction_id_arms(data)

            evaluate_to_interaction_id = _parse_evaluate_to_interaction_id(d.pop("evaluate_to_interaction_id", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "evaluate_to_interaction_id", src_dict)  # chained to the first error

        evaluate_metrics_request = cls(
            metric_ids=metric_ids,
            conversation_id=conversation_id,
            evaluate_to_interaction_id=evaluate_to_interaction_id,
        )

        evaluate_metrics_request.additional_properties = d
        if d:
            met_unknown()
        return evaluate_metrics_request

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
