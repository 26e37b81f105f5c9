from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="DynamicBehaviorSetInitialVersion")


@_attrs_define
class DynamicBehaviorSetInitialVersion:
    """The content of a dynamic behavior set's first version.

    Attributes:
        is_active (bool): Whether the dynamic behavior set is active.
        conversation_triggers (list[str]): Phrases or situations that activate the behavior.
        actions (list[ChangeToolCandidatesAction | InjectInstructionAction]): The actions taken when a trigger matches.
    """

    is_active: bool
    conversation_triggers: list[str]
    actions: list[ChangeToolCandidatesAction | InjectInstructionAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "actions": "actions",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        is_active = self.is_active

        conversation_triggers = self.conversation_triggers

        actions = []
        for componentsschemas_dynamic_behavior_actions_item_data in self.actions:
            componentsschemas_dynamic_behavior_actions_item: dict[str, Any]
            if isinstance(componentsschemas_dynamic_behavior_actions_item_data, InjectInstructionAction):
                componentsschemas_dynamic_behavior_actions_item = (
                    componentsschemas_dynamic_behavior_actions_item_data.to_dict()
                )
            else:
                componentsschemas_dynamic_behavior_actions_item = (
                    componentsschemas_dynamic_behavior_actions_item_data.to_dict()
                )

            actions.append(componentsschemas_dynamic_behavior_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "is_active": is_active,
                "conversation_triggers": conversation_triggers,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            is_active = d.pop("is_active")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "is_active", src_dict)  # chained to the first error

        try:
            conversation_triggers = cast(list[str], d.pop("conversation_triggers"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "conversation_triggers[]", src_dict)  # chained to the first error

        try:
            actions = []
            _actions = d.pop("actions")
            for componentsschemas_dynamic_behavior_actions_item_data in _actions:

                def _parse_componentsschemas_dynamic_behavior_actions_item_arms(
                    data: object,
                ) -> ChangeToolCandidatesAction | InjectInstructionAction:
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

                def _parse_componentsschemas_dynamic_behavior_actions_item(
                    data: object,
                ) -> ChangeToolCandidatesAction | InjectInstructionAction:
                    with strict_enums():
                        try:
                            return _parse_componentsschemas_dynamic_behavior_actions_item_arms(data)
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                    return _parse_componentsschemas_dynamic_behavior_actions_item_arms(data)

                componentsschemas_dynamic_behavior_actions_item = (
                    _parse_componentsschemas_dynamic_behavior_actions_item(
                        componentsschemas_dynamic_behavior_actions_item_data
                    )
                )

                actions.append(componentsschemas_dynamic_behavior_actions_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "actions[]", src_dict)  # chained to the first error

        dynamic_behavior_set_initial_version = cls(
            is_active=is_active,
            conversation_triggers=conversation_triggers,
            actions=actions,
        )

        dynamic_behavior_set_initial_version.additional_properties = d
        if d:
            met_unknown()
        return dynamic_behavior_set_initial_version

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
