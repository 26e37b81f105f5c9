from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="DynamicBehaviorSet")


@_attrs_define
class DynamicBehaviorSet:
    """A dynamic behavior set's metadata; its triggers and actions live in its versions.

    Attributes:
        id (str): The ID of the dynamic behavior set.
        name (str): The name of the dynamic behavior set.
        is_active (bool): Whether the dynamic behavior set is active.
        applied_to_services (list[str]): The IDs of the services the set applies to.
        tags (StoredTags): Tags as a map from key to value (null when the tag has no value).
        created_at (datetime.datetime): When the set was created.
        creator (UserReference): A user, identified within an organization.
        updated_at (datetime.datetime): When the set was last updated.
        updated_by (UserReference): A user, identified within an organization.
    """

    id: str
    name: str
    is_active: bool
    applied_to_services: list[str]
    tags: StoredTags
    created_at: datetime.datetime
    creator: UserReference
    updated_at: datetime.datetime
    updated_by: UserReference
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "tags": "tags",
        "creator": "creator",
        "updated_by": "updated_by",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        is_active = self.is_active

        applied_to_services = self.applied_to_services

        tags = self.tags.to_dict()

        created_at = self.created_at.isoformat()

        creator = self.creator.to_dict()

        updated_at = self.updated_at.isoformat()

        updated_by = self.updated_by.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "is_active": is_active,
                "applied_to_services": applied_to_services,
                "tags": tags,
                "created_at": created_at,
                "creator": creator,
                "updated_at": updated_at,
                "updated_by": updated_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            id = d.pop("id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "id", src_dict)  # chained to the first error

        try:
            name = d.pop("name")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "name", src_dict)  # chained to the first error

        try:
            is_active = d.pop("is_active")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "is_active", src_dict)  # chained to the first error

        try:
            applied_to_services = cast(list[str], d.pop("applied_to_services"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "applied_to_services[]", src_dict)  # chained to the first error

        try:
            tags = StoredTags.from_dict(d.pop("tags"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tags", src_dict)  # chained to the first error

        try:
            created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "created_at", src_dict)  # chained to the first error

        try:
            creator = UserReference.from_dict(d.pop("creator"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "creator", src_dict)  # chained to the first error

        try:
            updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "updated_at", src_dict)  # chained to the first error

        try:
            updated_by = UserReference.from_dict(d.pop("updated_by"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "updated_by", src_dict)  # chained to the first error

        dynamic_behavior_set = cls(
            id=id,
            name=name,
            is_active=is_active,
            applied_to_services=applied_to_services,
            tags=tags,
            created_at=created_at,
            creator=creator,
            updated_at=updated_at,
            updated_by=updated_by,
        )

        dynamic_behavior_set.additional_properties = d
        if d:
            met_unknown()
        return dynamic_behavior_set

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
from ..models.stored_tags import StoredTags  # noqa: E402
from ..models.user_reference import UserReference  # noqa: E402
