from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric_value_type import MetricValueType
from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

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
    _typed_fields: ClassVar[dict[str, str]] = {
        "tags": "tags",
        "creator": "creator",
        "updated_by": "updated_by",
        "metric_value_type": "metric_value_type",
    }
    _extra_fields_are_new: ClassVar[bool] = True

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
        d = dict(src_dict)
        try:
            field_id = d.pop("_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "_id", src_dict)  # chained to the first error

        try:
            org_id = d.pop("org_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "org_id", src_dict)  # chained to the first error

        try:
            name = d.pop("name")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "name", src_dict)  # chained to the first error

        try:
            applied_to_services = cast(list[str], d.pop("applied_to_services"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "applied_to_services[]", src_dict)  # chained to the first error

        try:

            def _parse_additional_notes_arms(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            def _parse_additional_notes(data: object) -> None | str:
                with strict_enums():
                    try:
                        return _parse_additional_notes_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_additional_notes_arms(data)

            additional_notes = _parse_additional_notes(d.pop("additional_notes"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "additional_notes", src_dict)  # chained to the first error

        try:
            tags = []
            _tags = d.pop("tags")
            for componentsschemas_metric_tags_item_data in _tags:
                componentsschemas_metric_tags_item = MetricTag.from_dict(componentsschemas_metric_tags_item_data)

                tags.append(componentsschemas_metric_tags_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tags[]", src_dict)  # chained to the first error

        try:
            creator = UserReference.from_dict(d.pop("creator"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "creator", src_dict)  # chained to the first error

        try:
            updated_by = UserReference.from_dict(d.pop("updated_by"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "updated_by", src_dict)  # chained to the first error

        try:
            metric_value_type = MetricValueType(d.pop("metric_value_type"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "metric_value_type", src_dict)  # chained to the first error

        try:
            is_deleted = d.pop("is_deleted")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "is_deleted", src_dict)  # chained to the first error

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
        if d:
            met_unknown()
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


# The models this one refers to: imported after its class, so that models that refer to each
# other load in either order, and read as module globals (an import inside `from_dict` would
# be resolved again on every read).
from ..models.metric_tag import MetricTag  # noqa: E402
from ..models.user_reference import UserReference  # noqa: E402
