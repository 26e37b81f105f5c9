from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_tool_candidates_action_type import ChangeToolCandidatesActionType
from ..reading import field_error, met_unknown

T = TypeVar("T", bound="ChangeToolCandidatesAction")


@_attrs_define
class ChangeToolCandidatesAction:
    """Change the tools the agent may call.

    Attributes:
        type_ (ChangeToolCandidatesActionType): The kind of action.
        overrides_existing_tool_call_specs (bool): Replace the agent's tool candidates instead of adding to them.
        tool_call_specs (list[ToolCallSpec]): The tools to offer.
    """

    type_: ChangeToolCandidatesActionType
    overrides_existing_tool_call_specs: bool
    tool_call_specs: list[ToolCallSpec]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "type_": "type",
        "tool_call_specs": "tool_call_specs",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        overrides_existing_tool_call_specs = self.overrides_existing_tool_call_specs

        tool_call_specs = []
        for tool_call_specs_item_data in self.tool_call_specs:
            tool_call_specs_item = tool_call_specs_item_data.to_dict()
            tool_call_specs.append(tool_call_specs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "overrides_existing_tool_call_specs": overrides_existing_tool_call_specs,
                "tool_call_specs": tool_call_specs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            type_ = ChangeToolCandidatesActionType(d.pop("type"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "type", src_dict)  # chained to the first error

        try:
            overrides_existing_tool_call_specs = d.pop("overrides_existing_tool_call_specs")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "overrides_existing_tool_call_specs", src_dict)  # chained to the first error

        try:
            tool_call_specs = []
            _tool_call_specs = d.pop("tool_call_specs")
            for tool_call_specs_item_data in _tool_call_specs:
                tool_call_specs_item = ToolCallSpec.from_dict(tool_call_specs_item_data)

                tool_call_specs.append(tool_call_specs_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tool_call_specs[]", src_dict)  # chained to the first error

        change_tool_candidates_action = cls(
            type_=type_,
            overrides_existing_tool_call_specs=overrides_existing_tool_call_specs,
            tool_call_specs=tool_call_specs,
        )

        change_tool_candidates_action.additional_properties = d
        if d:
            met_unknown()
        return change_tool_candidates_action

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
from ..models.tool_call_spec import ToolCallSpec  # noqa: E402
