from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inject_instruction_action_type import InjectInstructionActionType
from ..reading import field_error, met_unknown

T = TypeVar("T", bound="InjectInstructionAction")


@_attrs_define
class InjectInstructionAction:
    """Add an instruction to the agent.

    Attributes:
        type_ (InjectInstructionActionType): The kind of action.
        instruction (str): The instruction to inject.
        overrides_instructions (bool): Replace the agent's instructions instead of adding to them.
    """

    type_: InjectInstructionActionType
    instruction: str
    overrides_instructions: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "type_": "type",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        instruction = self.instruction

        overrides_instructions = self.overrides_instructions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "instruction": instruction,
                "overrides_instructions": overrides_instructions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            type_ = InjectInstructionActionType(d.pop("type"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "type", src_dict)  # chained to the first error

        try:
            instruction = d.pop("instruction")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "instruction", src_dict)  # chained to the first error

        try:
            overrides_instructions = d.pop("overrides_instructions")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "overrides_instructions", src_dict)  # chained to the first error

        inject_instruction_action = cls(
            type_=type_,
            instruction=instruction,
            overrides_instructions=overrides_instructions,
        )

        inject_instruction_action.additional_properties = d
        if d:
            met_unknown()
        return inject_instruction_action

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
