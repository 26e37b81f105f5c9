from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric_value_type import MetricValueType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_tag import MetricTag
    from ..models.user_reference import UserReference


T = TypeVar("T", bound="MetricSearchItem")


@_attrs_define
class MetricSearchItem:
    """A metric found by search; its ID is in `_id`.

    Attributes:
        field_id (str): The ID of the metric.
        org_id (str): The organization of the metric.
        name (str): The name of the metric.
        applied_to_services (list[str]): The IDs of the services the metric applies to.
        additional_notes (None | str): Notes on the metric.
        tags (list[MetricTag]): The metric's tags, as a list of key/value pairs (not a map).
        creator (UserReference): A user, identified within an organization.
        updated_by (UserReference): A user, identified within an organization.
        metric_value_type (MetricValueType):
        is_deleted (bool): Whether the metric is deleted.
        created_at (datetime.datetime | Unset): When the metric was created.
        updated_at (datetime.datetime | Unset): When the metric was last updated.
    """

    field_id: str
    org_id: str
    name: str
    applied_to_services: list[str]
    additional_notes: None | str
    tags: list[MetricTag]
    creator: UserReference
    updated_by: UserReference
    metric_value_type: MetricValueType
    is_deleted: bool
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        org_id = self.org_id

        name = self.name

        applied_to_services = self.applied_to_services

        additional_notes: None | str
        additional_notes = self.additional_notes

        tags = []
        for componentsschemas_metric_tags_item_data in self.tags:
            componentsschemas_metric_tags_item = componentsschemas_metric_tags_item_data.to_dict()
            tags.append(componentsschemas_metric_tags_item)

        creator = self.creator.to_dict()

        updated_by = self.updated_by.to_dict()

        metric_value_type = self.metric_value_type.value

        is_deleted = self.is_deleted

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
                "_id": field_id,
                "org_id": org_id,
                "name": name,
                "applied_to_services": applied_to_services,
                "additional_notes": additional_notes,
                "tags": tags,
                "creator": creator,
                "updated_by": updated_by,
                "metric_value_type": metric_value_type,
                "is_deleted": is_deleted,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_tag import MetricTag  # noqa: PLC0415
        from ..models.user_reference import UserReference  # noqa: PLC0415

        d = dict(src_dict)
        field_id = d.pop("_id")

        org_id = d.pop("org_id")

        name = d.pop("name")

        applied_to_services = cast(list[str], d.pop("applied_to_services"))

        def _parse_additional_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        additional_notes = _parse_additional_notes(d.pop("additional_notes"))

        tags = []
        _tags = d.pop("tags")
        for componentsschemas_metric_tags_item_data in _tags:
            componentsschemas_metric_tags_item = MetricTag.from_dict(componentsschemas_metric_tags_item_data)

            tags.append(componentsschemas_metric_tags_item)

        creator = UserReference.from_dict(d.pop("creator"))

        updated_by = UserReference.from_dict(d.pop("updated_by"))

        metric_value_type = MetricValueType(d.pop("metric_value_type"))

        is_deleted = d.pop("is_deleted")

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        metric_search_item = cls(
            field_id=field_id,
            org_id=org_id,
            name=name,
            applied_to_services=applied_to_services,
            additional_notes=additional_notes,
            tags=tags,
            creator=creator,
            updated_by=updated_by,
            metric_value_type=metric_value_type,
            is_deleted=is_deleted,
            created_at=created_at,
            updated_at=updated_at,
        )

        metric_search_item.additional_properties = d
        return metric_search_item

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
