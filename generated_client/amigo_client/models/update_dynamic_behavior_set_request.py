from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateDynamicBehaviorSetRequest")


@_attrs_define
class UpdateDynamicBehaviorSetRequest:
    """
    Attributes:
        name (None | str | Unset): The new name of the dynamic behavior set.
        tags (None | Tags | Unset): The new tags of the dynamic behavior set. Both the key and the value can only
            contain alphanumeric characters, underscores, or spaces.
        applied_to_services (list[str] | None | Unset): The IDs of the services that the dynamic behavior set should be
            applied to.
        is_active (bool | None | Unset): Whether the dynamic behavior set is active.
    """

    name: None | str | Unset = UNSET
    tags: None | Tags | Unset = UNSET
    applied_to_services: list[str] | None | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "tags": "tags",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        tags: dict[str, Any] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, Tags):
            tags = self.tags.to_dict()
        else:
            tags = self.tags

        applied_to_services: list[str] | None | Unset
        if isinstance(self.applied_to_services, Unset):
            applied_to_services = UNSET
        elif isinstance(self.applied_to_services, list):
            applied_to_services = self.applied_to_services

        else:
            applied_to_services = self.applied_to_services

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if tags is not UNSET:
            field_dict["tags"] = tags
        if applied_to_services is not UNSET:
            field_dict["applied_to_services"] = applied_to_services
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_name_arms(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            def _parse_name(data: object) -> None | str | Unset:
                with strict_enums():
                    try:
                        return _parse_name_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_name_arms(data)

            name = _parse_name(d.pop("name", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "name", src_dict)  # chained to the first error

        try:

            def _parse_tags_arms(data: object) -> None | Tags | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    tags_type_0 = Tags.from_dict(data)

                    return tags_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | Tags | Unset, data)

            def _parse_tags(data: object) -> None | Tags | Unset:
                with strict_enums():
                    try:
                        return _parse_tags_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_tags_arms(data)

            tags = _parse_tags(d.pop("tags", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tags", src_dict)  # chained to the first error

        try:

            def _parse_applied_to_services_arms(data: object) -> list[str] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    applied_to_services_type_0 = cast(list[str], data)

                    return applied_to_services_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[str] | None | Unset, data)

            def _parse_applied_to_services(data: object) -> list[str] | None | Unset:
                with strict_enums():
                    try:
                        return _parse_applied_to_services_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_applied_to_services_arms(data)

            applied_to_services = _parse_applied_to_services(d.pop("applied_to_services", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "applied_to_services", src_dict)  # chained to the first error

        try:

            def _parse_is_active_arms(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            def _parse_is_active(data: object) -> bool | None | Unset:
                with strict_enums():
                    try:
                        return _parse_is_active_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_is_active_arms(data)

            is_active = _parse_is_active(d.pop("is_active", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "is_active", src_dict)  # chained to the first error

        update_dynamic_behavior_set_request = cls(
            name=name,
            tags=tags,
            applied_to_services=applied_to_services,
            is_active=is_active,
        )

        update_dynamic_behavior_set_request.additional_properties = d
        if d:
            met_unknown()
        return update_dynamic_behavior_set_request

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
from ..models.tags import Tags  # noqa: E402
