from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricEvaluationResult")


@_attrs_define
class MetricEvaluationResult:
    """A stored metric evaluation result.

    Attributes:
        id (str): The ID of the result.
        org_id (str): The organization.
        metric_id (str): The ID of the metric.
        metric_version (int): The version of the metric evaluated.
        result (bool | float | None | str): A metric's value; null when the metric does not apply.
        justification (str): Why the metric has this value.
        source (ManualMetricSource | PostSessionMetricSource | SimulationMetricSource): Where a stored result came from,
            told apart by `type`, or by the fields it has when `type` is left out.
        created_at (datetime.datetime | Unset): When the result was stored.
        updated_at (datetime.datetime | Unset): When the result was last updated.
    """

    id: str
    org_id: str
    metric_id: str
    metric_version: int
    result: bool | float | None | str
    justification: str
    source: ManualMetricSource | PostSessionMetricSource | SimulationMetricSource
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "source": "source",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        metric_id = self.metric_id

        metric_version = self.metric_version

        result: bool | float | None | str
        result = self.result

        justification = self.justification

        source: dict[str, Any]
        if isinstance(self.source, ManualMetricSource):
            source = self.source.to_dict()
        elif isinstance(self.source, SimulationMetricSource):
            source = self.source.to_dict()
        else:
            source = self.source.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "metric_id": metric_id,
                "metric_version": metric_version,
                "result": result,
                "justification": justification,
                "source": source,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            id = d.pop("id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "id", src_dict)  # chained to the first error

        try:
            org_id = d.pop("org_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "org_id", src_dict)  # chained to the first error

        try:
            metric_id = d.pop("metric_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metric_id", src_dict)  # chained to the first error

        try:
            metric_version = d.pop("metric_version")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metric_version", src_dict)  # chained to the first error

        try:

            def _parse_result_arms(data: object) -> bool | float | None | str:
                if data is None:
                    return data
                return cast(bool | float | None | str, data)

            def _parse_result(data: object) -> bool | float | None | str:
                with strict_enums():
                    try:
                        return _parse_result_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_result_arms(data)

            result = _parse_result(d.pop("result"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "result", src_dict)  # chained to the first error

        try:
            justification = d.pop("justification")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "justification", src_dict)  # chained to the first error

        try:

            def _parse_source_arms(
                data: object,
            ) -> ManualMetricSource | PostSessionMetricSource | SimulationMetricSource:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_evaluation_source_type_0 = ManualMetricSource.from_dict(data)

                    return componentsschemas_metric_evaluation_source_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_evaluation_source_type_1 = SimulationMetricSource.from_dict(data)

                    return componentsschemas_metric_evaluation_source_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metric_evaluation_source_type_2 = PostSessionMetricSource.from_dict(data)

                return componentsschemas_metric_evaluation_source_type_2

            def _parse_source(data: object) -> ManualMetricSource | PostSessionMetricSource | SimulationMetricSource:
                with strict_enums():
                    try:
                        return _parse_source_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_source_arms(data)

            source = _parse_source(d.pop("source"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "source", src_dict)  # chained to the first error

        try:
            _created_at = d.pop("created_at", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = datetime.datetime.fromisoformat(_created_at)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "created_at", src_dict)  # chained to the first error

        try:
            _updated_at = d.pop("updated_at", UNSET)
            updated_at: datetime.datetime | Unset
            if isinstance(_updated_at, Unset):
                updated_at = UNSET
            else:
                updated_at = datetime.datetime.fromisoformat(_updated_at)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "updated_at", src_dict)  # chained to the first error

        metric_evaluation_result = cls(
            id=id,
            org_id=org_id,
            metric_id=metric_id,
            metric_version=metric_version,
            result=result,
            justification=justification,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
        )

        metric_evaluation_result.additional_properties = d
        if d:
            met_unknown()
        return metric_evaluation_result

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
from ..models.manual_metric_source import ManualMetricSource  # noqa: E402
from ..models.post_session_metric_source import PostSessionMetricSource  # noqa: E402
from ..models.simulation_metric_source import SimulationMetricSource  # noqa: E402
