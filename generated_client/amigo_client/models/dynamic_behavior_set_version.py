from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="DynamicBehaviorSetVersion")


@_attrs_define
class DynamicBehaviorSetVersion:
    """One immutable version of a dynamic behavior set.

    Attributes:
        field_id (str): The ID of the version.
        org_id (str): The organization of the version.
        dynamic_behavior_set_id (str): The ID of the dynamic behavior set.
        version (int): The version number, from 1.
        conversation_triggers (list[str]): The conversation triggers of this version.
        actions (list[ChangeToolCandidatesAction | InjectInstructionAction]): The actions of this version.
        creator (UserReference): A user, identified within an organization.
        created_at (datetime.datetime | Unset): When the version was created.
        updated_at (datetime.datetime | Unset): When the version was last updated.
    """

    field_id: str
    org_id: str
    dynamic_behavior_set_id: str
    version: int
    conversation_triggers: list[str]
    actions: list[ChangeToolCandidatesAction | InjectInstructionAction]
    creator: UserReference
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "actions": "actions",
        "creator": "creator",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        org_id = self.org_id

        dynamic_behavior_set_id = self.dynamic_behavior_set_id

        version = self.version

        conversation_triggers = self.conversation_triggers

        actions = []
        for actions_item_data in self.actions:
            actions_item: dict[str, Any]
            if isinstance(actions_item_data, InjectInstructionAction):
                actions_item = actions_item_data.to_dict()
            else:
                actions_item = actions_item_data.to_dict()

            actions.append(actions_item)

        creator = self.creator.to_dict()

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
                "dynamic_behavior_set_id": dynamic_behavior_set_id,
                "version": version,
                "conversation_triggers": conversation_triggers,
                "actions": actions,
                "creator": creator,
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
            dynamic_behavior_set_id = d.pop("dynamic_behavior_set_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "dynamic_behavior_set_id", src_dict)  # chained to the first error

        try:
            version = d.pop("version")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "version", src_dict)  # chained to the first error

        try:
            conversation_triggers = cast(list[str], d.pop("conversation_triggers"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "conversation_triggers[]", src_dict)  # chained to the first error

        try:
            actions = []
            _actions = d.pop("actions")
            for actions_item_data in _actions:

                def _parse_actions_item_arms(data: object) -> ChangeToolCandidatesAction | InjectInstructionAction:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_dynamic_behavior_action_type_0 = InjectInstructionAction.from_dict(data)

                        return componentsschemas_dynamic_behavior_action_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_dynamic_behavior_action_type_1 = ChangeToolCandidatesAction.from_dict(data)

                    return componentsschemas_dynamic_behavior_action_type_1

                def _parse_actions_item(data: object) -> ChangeToolCandidatesAction | InjectInstructionAction:
                    with strict_enums():
                        try:
                            return _parse_actions_item_arms(data)
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                    return _parse_actions_item_arms(data)

                actions_item = _parse_actions_item(actions_item_data)

                actions.append(actions_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "actions[]", src_dict)  # chained to the first error

        try:
            creator = UserReference.from_dict(d.pop("creator"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "creator", src_dict)  # chained to the first error

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

        dynamic_behavior_set_version = cls(
            field_id=field_id,
            org_id=org_id,
            dynamic_behavior_set_id=dynamic_behavior_set_id,
            version=version,
            conversation_triggers=conversation_triggers,
            actions=actions,
            creator=creator,
            created_at=created_at,
            updated_at=updated_at,
        )

        dynamic_behavior_set_version.additional_properties = d
        if d:
            met_unknown()
        return dynamic_behavior_set_version

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
from ..models.change_tool_candidates_action import ChangeToolCandidatesAction  # noqa: E402
from ..models.inject_instruction_action import InjectInstructionAction  # noqa: E402
from ..models.user_reference import UserReference  # noqa: E402
